# SPDX-License-Identifier: EUPL-1.2
# ctest script: a C call's JSON on the demo is the JSON the command prints, byte for byte (one
# implementation behind both): passend_plan_evaluate and `passend plan --format json`,
# passend_monitor_json and `passend monitor --format json`.
# Usage: cmake -DPASSEND=<passend> -DARGS=<command;args...> -DTEST=<c test writing its JSON>
#              -DNAME=<plan|monitor> -DOUT=<dir> -P ...
execute_process(COMMAND ${PASSEND} ${ARGS} --format json --out ${OUT}/${NAME}_cli.json
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "passend ${ARGS} failed (${rc})")
endif()
execute_process(COMMAND ${TEST} ${OUT}/${NAME}_c.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${TEST} failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/${NAME}_cli.json
                        ${OUT}/${NAME}_c.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the C API's JSON differs from the command's: ${OUT}/${NAME}_cli.json "
                      "${OUT}/${NAME}_c.json")
endif()
file(SIZE ${OUT}/${NAME}_c.json size)
message(STATUS "the C API's ${NAME} JSON = passend ${ARGS} --format json (${size} bytes)")
