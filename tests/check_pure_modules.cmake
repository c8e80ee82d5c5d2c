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
if(failures)
  message(FATAL_ERROR "Impure code in a pure module:\n${failures}")
endif()
