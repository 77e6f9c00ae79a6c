# SPDX-License-Identifier: EUPL-1.2
# `passend report --only-needed-tables`: a partial load of the tables the --kpi ids need gives
# the same report as a full load, and says on standard error which files it did not read.
if(CMAKE_SCRIPT_MODE_FILE)
  set(report ${PASSEND} report ${INPUT} --kpi deelname_so --kpi arrangementen --format csv
             --no-suppress)
  execute_process(COMMAND ${report} RESULT_VARIABLE rc OUTPUT_VARIABLE full ERROR_VARIABLE full_err)
  execute_process(COMMAND ${report} --only-needed-tables
                  RESULT_VARIABLE rc2 OUTPUT_VARIABLE partial ERROR_VARIABLE partial_err)
  if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0)
    message(FATAL_ERROR "exit ${rc} and ${rc2}\n${full_err}\n${partial_err}")
  endif()
  if(NOT full STREQUAL partial)
    message(FATAL_ERROR "the partial load's report differs:\n${partial}\nfull:\n${full}")
  endif()
  string(FIND "${partial_err}" "opps.csv: warning: not read: " at)
  if(at EQUAL -1)
    message(FATAL_ERROR "no table_not_read warning for opps.csv:\n${partial_err}")
  endif()
  foreach(read tlvs arrangements)
    string(FIND "${partial_err}" "${read}.csv: warning: not read" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${read}.csv is needed but was not read:\n${partial_err}")
    endif()
  endforeach()
  if(NOT full_err STREQUAL "")
    message(FATAL_ERROR "a full load warned:\n${full_err}")
  endif()
  return()
endif()

if(TARGET passend_cli)
  add_test(NAME cli.report.only_needed_tables
           COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli>
                   -DINPUT=${CMAKE_CURRENT_LIST_DIR}/data/valid_small -P ${CMAKE_CURRENT_LIST_FILE})
endif()
