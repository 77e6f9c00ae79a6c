# SPDX-License-Identifier: EUPL-1.2
# ctest script: passend_plan_evaluate's JSON on the demo is the JSON `passend plan --format json`
# prints, byte for byte (one implementation behind both).
# Usage: cmake -DPASSEND=<passend> -DTEST=<c_test_plan> -DPLAN=<demo-plan.json> -DOUT=<dir> -P ...
execute_process(COMMAND ${PASSEND} plan ${PLAN} --demo --format json --out ${OUT}/plan_cli.json
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "passend plan failed (${rc})")
endif()
execute_process(COMMAND ${TEST} ${OUT}/plan_c.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "c_test_plan failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/plan_cli.json ${OUT}/plan_c.json
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the C API's JSON differs from the command's: ${OUT}/plan_cli.json "
                      "${OUT}/plan_c.json")
endif()
file(SIZE ${OUT}/plan_c.json size)
message(STATUS "passend_plan_evaluate = passend plan --format json (${size} bytes)")
