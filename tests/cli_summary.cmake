# SPDX-License-Identifier: EUPL-1.2
# `passend summary` and `passend demo`: the demo written as CSV and read back gives the very same
# summary as the built-in demo, and small counts are suppressed unless --no-suppress.
#
# Included by tests/CMakeLists.txt it adds the tests; each test runs this file as a script.
if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(COMMAND ${PASSEND} demo --out ${DIR} --pupils 2000 RESULT_VARIABLE rc
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "passend demo: exit ${rc}\n${err}")
  endif()
  execute_process(COMMAND ${PASSEND} summary --demo --pupils 2000 OUTPUT_VARIABLE built_in
                  RESULT_VARIABLE rc1)
  execute_process(COMMAND ${PASSEND} summary ${DIR} OUTPUT_VARIABLE from_csv RESULT_VARIABLE rc2)
  execute_process(COMMAND ${PASSEND} summary ${DIR} --no-suppress OUTPUT_VARIABLE plain)
  if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
    message(FATAL_ERROR "passend summary: exit ${rc1} (--demo), ${rc2} (folder)")
  endif()
  if(NOT built_in STREQUAL from_csv)
    message(FATAL_ERROR "summary --demo:\n${built_in}\ndiffers from the written demo's:\n${from_csv}")
  endif()
  foreach(text "2024-2025  \\(teldatum 2024-10-01\\)" "PO3104  Westelijke Mijnstreek"
               "NL      national total" "<5")
    if(NOT built_in MATCHES "${text}")
      message(FATAL_ERROR "summary --demo lacks '${text}':\n${built_in}")
    endif()
  endforeach()
  if(plain MATCHES "<5")
    message(FATAL_ERROR "summary --no-suppress still suppresses:\n${plain}")
  endif()
  return()
endif()

if(NOT TARGET passend_cli OR NOT EXISTS ${PROJECT_SOURCE_DIR}/src/cli/cmd_summary.cpp)
  return()
endif()
add_test(NAME cli.summary.demo_round_trip
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli>
                 -DDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-summary-demo -P ${CMAKE_CURRENT_LIST_FILE})
