# Every project target gets the same warnings; call ankang_warnings(target).
function(ankang_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
endfunction()
