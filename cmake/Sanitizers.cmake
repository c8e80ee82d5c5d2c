# ANKANG_SANITIZE=address,undefined instruments every target of the build.
if(ANKANG_SANITIZE)
  set(_flags -fsanitize=${ANKANG_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_compile_options(${_flags})
  add_link_options(${_flags})
endif()
