# Benchmarks are run by hand, never by ctest (timings depend on the machine):
#   cmake --build build --target benchmark        (benchmarks/run.sh, ~10 min)
#   cmake --build build --target benchmark-quick  (benchmarks/run.sh --quick, < 1 min)
# Corpora are generated into the build directory and reused.
add_custom_target(benchmark
  COMMAND bash ${CMAKE_SOURCE_DIR}/benchmarks/run.sh --solieu $<TARGET_FILE:solieu>
          --work ${CMAKE_BINARY_DIR}/bench-work
  DEPENDS solieu USES_TERMINAL VERBATIM)
add_custom_target(benchmark-quick
  COMMAND bash ${CMAKE_SOURCE_DIR}/benchmarks/run.sh --quick --solieu $<TARGET_FILE:solieu>
          --work ${CMAKE_BINARY_DIR}/bench-work
  DEPENDS solieu USES_TERMINAL VERBATIM)
