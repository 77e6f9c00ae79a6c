# SPDX-License-Identifier: EUPL-1.2
# The same bad selection gives the same error text as the C ABI and Python: every row of
# tests/data/selection/errors.tsv (option, value, message) through `passend report --demo`.
if(CMAKE_SCRIPT_MODE_FILE)
  file(STRINGS ${TABLE} rows)
  set(checked 0)
  foreach(row IN LISTS rows)
    string(REPLACE "\t" ";" fields "${row}")
    list(GET fields 0 option)
    list(GET fields 1 value)
    list(GET fields 2 message)
    if(option STREQUAL "year")
      math(EXPR end "${value} + 1")
      set(value "${value}-${end}")
    endif()
    execute_process(COMMAND ${PASSEND} report --demo --format csv --${option} ${value}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc EQUAL 0)
      message(FATAL_ERROR "--${option} ${value}: exit 0, expected an error")
    endif()
    string(FIND "${err}" "error: ${message}\n" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "--${option} ${value}: printed\n${err}\nexpected the line\nerror: ${message}")
    endif()
    math(EXPR checked "${checked} + 1")
  endforeach()
  if(NOT checked EQUAL 4)
    message(FATAL_ERROR "checked ${checked} rows of ${TABLE}, expected 4")
  endif()
  return()
endif()

if(TARGET passend_cli)
  add_test(NAME cli.selection_errors
           COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli>
                   -DTABLE=${CMAKE_CURRENT_LIST_DIR}/data/selection/errors.tsv
                   -P ${CMAKE_CURRENT_LIST_FILE})
endif()
