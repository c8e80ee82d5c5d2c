# ANKANG_FUZZ=ON: every library of the build gets libFuzzer coverage and
# AddressSanitizer + UndefinedBehaviorSanitizer; the targets in fuzz/ add
# libFuzzer's main. clang only (Debian: clang-14, libclang-rt-14-dev).
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "ANKANG_FUZZ needs clang: CC=clang-14 CXX=clang++-14 cmake -DANKANG_FUZZ=ON ...")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
