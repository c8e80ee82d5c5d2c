# Fails when engine/ or scoring/ include a header or call a function that
# would make them impure (see docs/ARCHITECTURE.md).
set(forbidden
  "#include[ \t]*[<\"](SDL|imgui|sqlite3|cereal/|sodium|xlsxwriter|zip\\.h|pugixml|fontconfig|nlohmann)"
  "#include[ \t]*[<\"](question_bank|results|ui|kiosk|cli|machine|storage|tables|engine_io)/"
  "std::chrono::(system_clock|steady_clock|high_resolution_clock)::now"
  "std::random_device"
  "[^_a-z]time\\(nullptr\\)"
  "[^_a-z]rand\\(\\)")
set(failures "")
foreach(module engine scoring)
  file(GLOB_RECURSE files ${SOURCE_DIR}/${module}/*.h ${SOURCE_DIR}/${module}/*.cpp)
  foreach(f IN LISTS files)
    file(STRINGS ${f} lines)
    foreach(pattern IN LISTS forbidden)
      foreach(line IN LISTS lines)
        if(line MATCHES "${pattern}")
          string(APPEND failures "${f}: ${line}\n")
        endif()
      endforeach()
    endforeach()
    if(module STREQUAL "scoring")
      foreach(line IN LISTS lines)
        if(line MATCHES "#include[ \t]*\"engine/")
          string(APPEND failures "${f}: scoring may not include engine: ${line}\n")
        endif()
      endforeach()
    endif()
  endforeach()
endforeach()
# console_ui draws ImGui screens from view models: no SDL, no SQLite, no
# files, no stores (the console's pages do those).
set(console_ui_forbidden
  "#include[ \t]*[<\"](SDL|sqlite3|fstream|filesystem|cstdio)"
  "#include[ \t]*[<\"](question_bank|results|kiosk|cli|machine|storage|tables|engine_io|console|organiser)/"
  "fopen\\(")
file(GLOB console_ui_files ${SOURCE_DIR}/console_ui/*.h ${SOURCE_DIR}/console_ui/*.cpp)
foreach(f IN LISTS console_ui_files)
  file(STRINGS ${f} lines)
  foreach(pattern IN LISTS console_ui_forbidden)
    foreach(line IN LISTS lines)
      if(line MATCHES "${pattern}")
        string(APPEND failures "${f}: ${line}\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "Impure code in a pure module:\n${failures}")
endif()
