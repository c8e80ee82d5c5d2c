# ANKANG_FUZZ=ON: every library of the build gets libFuzzer coverage and
# AddressSanitizer + UndefinedBehaviorSanitizer; the targets in fuzz/ add
# libFuzzer's main. clang only (Debian: clang-14, libclang-rt-14-dev).
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "ANKANG_FUZZ needs clang: CC=clang-14 CXX=clang++-14 cmake -DANKANG_FUZZ=ON ...")
endif()
# Every check stops the run, except pointer-overflow, which is made
# recoverable only so that fuzz/ubsan.supp can silence one known report in
# Debian's rapidjson 1.1.0 header (under cereal's JSON archive); fuzz/run.sh
# sets halt_on_error=1, so a pointer-overflow anywhere else still stops it.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                    -fsanitize-recover=pointer-overflow -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
