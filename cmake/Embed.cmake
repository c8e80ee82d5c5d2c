# ankang_embed(OUTPUT out.cpp NAMESPACE ns FILES f1 f2 ... BASE dir)
# Writes a C++ source holding each file's bytes, looked up by its path relative
# to BASE, so the program carries its data (e.g. the starter bank) inside it.
function(ankang_embed)
  cmake_parse_arguments(E "" "OUTPUT;NAMESPACE;BASE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DNAMESPACE=${E_NAMESPACE}
            -DBASE=${E_BASE} "-DFILES=${E_FILES}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${E_NAMESPACE} data"
    VERBATIM)
endfunction()
