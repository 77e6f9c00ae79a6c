# SPDX-License-Identifier: EUPL-1.2
# The C ABI's tests, written in C11: every function including misuse, the header compiled
# strictly as C, the exported symbols, and 8 threads on one dataset.
if(NOT TARGET passend_c)
  return()
endif()

file(GLOB PASSEND_C_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/c/test_*.c)
foreach(source ${PASSEND_C_TESTS})
  get_filename_component(name ${source} NAME_WE)
  add_executable(c_${name} ${source})
  set_target_properties(c_${name} PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
  target_compile_options(c_${name} PRIVATE -Wall -Wextra -pedantic)
  target_link_libraries(c_${name} PRIVATE passend::c Threads::Threads m)
  target_compile_definitions(c_${name} PRIVATE PASSEND_TEST_DATA="${CMAKE_CURRENT_LIST_DIR}/data"
                                               PASSEND_TEST_TMP="${CMAKE_CURRENT_BINARY_DIR}")
  add_test(NAME c_${name} COMMAND c_${name})
endforeach()

add_executable(c_header_test ${CMAKE_CURRENT_LIST_DIR}/c/header_test.c)
set_target_properties(c_header_test PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_compile_options(c_header_test PRIVATE -Wall -Wextra -pedantic -Werror)
target_link_libraries(c_header_test PRIVATE passend::c)
add_test(NAME c_header COMMAND c_header_test)

# passend_plan_evaluate, passend_monitor_json and passend_coverage_json give the bytes of
# `passend plan`, `passend monitor` (on the demo) and `passend coverage` (on the small covering-
# network region) with --format json.
if(TARGET passend_cli)
  add_test(NAME c_plan_matches_cli
           COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli>
                   "-DARGS=plan;${PROJECT_SOURCE_DIR}/plans/demo-plan.json;--demo"
                   -DTEST=$<TARGET_FILE:c_test_plan> -DNAME=plan -DOUT=${CMAKE_CURRENT_BINARY_DIR}
                   -P ${CMAKE_CURRENT_LIST_DIR}/c/json_matches_cli.cmake)
  add_test(NAME c_monitor_matches_cli
           COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> "-DARGS=monitor;--demo"
                   -DTEST=$<TARGET_FILE:c_test_monitor> -DNAME=monitor
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR} -P ${CMAKE_CURRENT_LIST_DIR}/c/json_matches_cli.cmake)
  add_test(NAME c_coverage_matches_cli
           COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli>
                   "-DARGS=coverage;${CMAKE_CURRENT_LIST_DIR}/data/valid_coverage"
                   -DTEST=$<TARGET_FILE:c_test_coverage> -DNAME=coverage
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR} -P ${CMAKE_CURRENT_LIST_DIR}/c/json_matches_cli.cmake)
endif()

add_test(NAME c_symbols
         COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DLIB=$<TARGET_FILE:passend_c>
                 -P ${CMAKE_CURRENT_LIST_DIR}/c/check_symbols.cmake)

# find_package(passend) then passend::c, from an installed tree (core.cmake installs it).
if(PASSEND_INSTALL)
  add_test(NAME c_consumer
           COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test ${CMAKE_CURRENT_LIST_DIR}/c/consumer
                   ${CMAKE_CURRENT_BINARY_DIR}/c-consumer-build --build-generator ${CMAKE_GENERATOR}
                   --build-options -DCMAKE_PREFIX_PATH=${CMAKE_CURRENT_BINARY_DIR}/consumer-prefix
                   -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE} -DCMAKE_C_FLAGS=${CMAKE_C_FLAGS}
                   -DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}
                   "-DCMAKE_BUILD_RPATH=${CMAKE_CURRENT_BINARY_DIR}/consumer-prefix/${CMAKE_INSTALL_LIBDIR}"
                   --test-command c_consumer)
  set_tests_properties(c_consumer PROPERTIES FIXTURES_REQUIRED passend_installed)
endif()
