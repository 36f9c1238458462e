# libFuzzer targets (included by CMakeLists.txt with -DSOLIEU_FUZZ=ON):
# fuzz_document, fuzz_number, fuzz_rules. With clang they are built with
# -fsanitize=fuzzer,address,undefined over an engine instrumented for
# coverage; with another compiler they get a main that replays files
# (tests/fuzz/replay_main.c). tests/fuzz/run-fuzzers drives them.
set(SOLIEU_FUZZ_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz)

if(CMAKE_C_COMPILER_ID MATCHES "Clang")
  set(SOLIEU_LIBFUZZER ON)
  # coverage for the fuzzer; the sanitizers unless SOLIEU_SANITIZE already
  # put them everywhere
  target_compile_options(solieu_engine PRIVATE -fsanitize=fuzzer-no-link)
  if(NOT SOLIEU_SANITIZE)
    target_compile_options(solieu_engine PRIVATE -fsanitize=address,undefined
                           -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(solieu_engine INTERFACE -fsanitize=address,undefined)
  endif()
else()
  set(SOLIEU_LIBFUZZER OFF)
  message(WARNING "SOLIEU_FUZZ: ${CMAKE_C_COMPILER_ID} has no libFuzzer; "
                  "the fuzz targets only replay files (use CC=clang)")
endif()

foreach(target document number rules)
  add_executable(fuzz_${target} ${SOLIEU_FUZZ_DIR}/fuzz_${target}.c)
  target_link_libraries(fuzz_${target} PRIVATE solieu_engine)
  target_include_directories(fuzz_${target} PRIVATE ${CMAKE_SOURCE_DIR}/engine)
  if(SOLIEU_LIBFUZZER)
    target_compile_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined
                           -fno-sanitize-recover=all)
    target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    # -runs=0: run every input of the directories once, and stop
    add_test(NAME fuzz.replay_${target}
             COMMAND fuzz_${target} -runs=0 ${SOLIEU_FUZZ_DIR}/corpus/${target}
                     ${SOLIEU_FUZZ_DIR}/regressions/${target})
  else()
    target_sources(fuzz_${target} PRIVATE ${SOLIEU_FUZZ_DIR}/replay_main.c)
    add_test(NAME fuzz.replay_${target}
             COMMAND fuzz_${target} ${SOLIEU_FUZZ_DIR}/corpus/${target}
                     ${SOLIEU_FUZZ_DIR}/regressions/${target})
  endif()
endforeach()
