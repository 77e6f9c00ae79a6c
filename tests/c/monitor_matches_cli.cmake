# SPDX-License-Identifier: EUPL-1.2
# ctest script: passend_monitor_json's JSON on the demo is the JSON `passend monitor --format
# json` prints, byte for byte (one implementation behind both).
# Usage: cmake -DPASSEND=<passend> -DTEST=<c_test_monitor> -DOUT=<dir> -P ...
execute_process(COMMAND ${PASSEND} monitor --demo --format json --out ${OUT}/monitor_cli.json
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "passend monitor failed (${rc})")
endif()
execute_process(COMMAND ${TEST} ${OUT}/monitor_c.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "c_test_monitor failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/monitor_cli.json
                        ${OUT}/monitor_c.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the C API's JSON differs from the command's: ${OUT}/monitor_cli.json "
                      "${OUT}/monitor_c.json")
endif()
file(SIZE ${OUT}/monitor_c.json size)
message(STATUS "passend_monitor_json = passend monitor --format json (${size} bytes)")
