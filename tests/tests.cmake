# Unit tests: every tests/unit/test_*.c is one executable and one ctest test.
file(GLOB SOLIEU_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
foreach(src ${SOLIEU_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/engine ${CMAKE_SOURCE_DIR}/tests/unit)
  target_link_libraries(${name} PRIVATE solieu_engine)
  add_test(NAME unit.${name} COMMAND ${name})
  set_tests_properties(unit.${name} PROPERTIES
    ENVIRONMENT "SOLIEU_SOURCE_DIR=${CMAKE_SOURCE_DIR};SOLIEU_SHARED_DIR=${CMAKE_SOURCE_DIR}/../shared")
endforeach()

# Script tests: every tests/<suite>/*.test.sh runs with the built binary.
# Exit 77 means "skipped" (e.g. ../shared or LibreOffice is absent).
file(GLOB SOLIEU_SCRIPT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/*/*.test.sh)
foreach(script ${SOLIEU_SCRIPT_TESTS})
  get_filename_component(dir ${script} DIRECTORY)
  get_filename_component(suite ${dir} NAME)
  get_filename_component(name ${script} NAME)
  string(REPLACE ".test.sh" "" name ${name})
  add_test(NAME ${suite}.${name} COMMAND bash ${script})
  set_tests_properties(${suite}.${name} PROPERTIES
    SKIP_RETURN_CODE 77
    ENVIRONMENT "SOLIEU=$<TARGET_FILE:solieu>;SOLIEU_SOURCE_DIR=${CMAKE_SOURCE_DIR};SOLIEU_SHARED_DIR=${CMAKE_SOURCE_DIR}/../shared;LC_ALL=C.UTF-8")
endforeach()
