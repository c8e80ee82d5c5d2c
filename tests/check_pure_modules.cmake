# Fails when engine/ or scoring/ (or the console's screens, console_ui/)
# include a header or call a function that
# would make them impure (see docs/ARCHITECTURE.md).
set(forbidden
  "#include[ \t]*[<\"](SDL|imgui|sqlite3|cereal/|sodium|xlsxwriter|zip\\.h|pugixml|fontconfig|nlohmann)"
  "#include[ \t]*[<\"](question_bank|results|ui|kiosk|cli|machine|storage|tables|engine_io)/"
  "std::chrono::(system_clock|steady_clock|high_resolution_clock)::now"
  "std::random_device"
  "[^_a-z]time\\(nullptr\\)"
  "[^_a-z]rand\\(\\)")
set(failures "")
# Appends to `failures` every line of the folder's sources matching a pattern.
function(scan folder)
  file(GLOB_RECURSE files ${SOURCE_DIR}/${folder}/*.h ${SOURCE_DIR}/${folder}/*.cpp)
  foreach(f IN LISTS files)
    file(STRINGS ${f} lines)
    foreach(pattern IN LISTS ARGN)
      foreach(line IN LISTS lines)
        if(line MATCHES "${pattern}")
          string(APPEND failures "${f}: ${line}\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
  set(failures "${failures}" PARENT_SCOPE)
endfunction()
scan(engine ${forbidden})
scan(scoring ${forbidden} "#include[ \t]*\"engine/")  # scoring may not include engine either
# The console's screens draw view models: ImGui and the kiosk's font code,
# no SDL, no store, no files (docs/CONSOLE.md).
set(screen_forbidden
  "#include[ \t]*[<\"](SDL|sqlite3|cereal/|sodium|xlsxwriter|zip\\.h|pugixml|fontconfig|fstream|filesystem)"
  "#include[ \t]*[<\"](question_bank|results|kiosk|cli|machine|storage|tables|engine_io|console|organiser|window)/")
scan(console_ui ${screen_forbidden})
if(failures)
  message(FATAL_ERROR "Impure code in a pure module:\n${failures}")
endif()
