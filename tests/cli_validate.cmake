# SPDX-License-Identifier: EUPL-1.2
# `passend validate`: the exact listing and exit code on a folder with one broken value in each
# of the 13 v1 tables and on a broken extract.csv, exit 0 on valid folders and JSON.
#
# Included by tests/CMakeLists.txt it adds the tests; each test runs this same file as a script
# (cmake -P) that executes the CLI and compares its output with an expected file.
if(CMAKE_SCRIPT_MODE_FILE)
  separate_arguments(extra UNIX_COMMAND "${ARGS}")
  execute_process(COMMAND ${PASSEND} validate ${INPUT} ${extra} WORKING_DIRECTORY ${WORKDIR}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc STREQUAL EXPECT_RC)
    message(FATAL_ERROR "passend validate ${INPUT}: exit ${rc}, expected ${EXPECT_RC}\n${out}${err}")
  endif()
  if(DEFINED EXPECTED_FILE)
    file(READ ${EXPECTED_FILE} expected)
    if(NOT out STREQUAL expected)
      message(FATAL_ERROR "passend validate ${INPUT} printed:\n${out}\nexpected:\n${expected}")
    endif()
  endif()
  message(STATUS "${out}")
  return()
endif()

if(NOT TARGET passend_cli)
  return()
endif()
set(_data ${CMAKE_CURRENT_SOURCE_DIR}/data)
set(_script ${CMAKE_CURRENT_LIST_FILE})
# validate_case(NAME INPUT EXIT_CODE [EXPECTED file] [ARGS text]): `passend validate INPUT`
# from tests/data exits EXIT_CODE and, with EXPECTED, prints exactly that file.
function(validate_case name input rc)
  cmake_parse_arguments(V "" "EXPECTED;ARGS" "" ${ARGN})
  set(extra)
  if(V_EXPECTED)
    list(APPEND extra -DEXPECTED_FILE=${_data}/${V_EXPECTED})
  endif()
  if(V_ARGS)
    list(APPEND extra -DARGS=${V_ARGS})
  endif()
  add_test(NAME cli.validate.${name}
           COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                   -DINPUT=${input} -DEXPECT_RC=${rc} ${extra} -P ${_script})
endfunction()
validate_case(broken_every_table broken_every_table 1 EXPECTED broken_every_table/expected.txt)
validate_case(valid_small valid_small 0 EXPECTED valid_small/expected.txt)
validate_case(allowed_inputs allowed_inputs 0 EXPECTED allowed_inputs/expected.txt)
# extract.csv: a malformed date, a second row, and events after the extract date.
validate_case(broken_extract broken_extract 1 EXPECTED broken_extract/expected.txt)
# Contract v1.1's monitor tables: TLV requests (open, complete_date), rates, reference values.
validate_case(broken_monitor broken_monitor 1 EXPECTED broken_monitor/expected.txt)
# Contract v1.1's covering network and finances: offers, arrangement domains, finances.
validate_case(broken_coverage broken_coverage 1 EXPECTED broken_coverage/expected.txt)
# --as-of wins over extract.csv (2024-12-20): the vrijstelling of 2024-08-01 lies after it, and
# so do the open request t6 (received 2024-11-20) and its complete_date.
validate_case(as_of_before_an_event valid_small 1 EXPECTED valid_small/expected-as-of.txt
              ARGS --as-of=2024-07-31)
validate_case(json valid_small.json 0)
validate_case(no_such_folder no_such_folder 1)
set_tests_properties(cli.validate.no_such_folder PROPERTIES
                     PASS_REGULAR_EXPRESSION "no_such_folder: error: no such folder")

# The demo region, written by `passend demo`, is valid.
if(EXISTS ${PROJECT_SOURCE_DIR}/src/cli/cmd_demo.cpp)
  set(_demo_dir ${CMAKE_CURRENT_BINARY_DIR}/cli-validate-demo)
  add_test(NAME cli.validate.demo.write
           COMMAND $<TARGET_FILE:passend_cli> demo --out ${_demo_dir})
  validate_case(demo ${_demo_dir} 0)
  set_tests_properties(cli.validate.demo.write PROPERTIES FIXTURES_SETUP passend_demo_folder)
  set_tests_properties(cli.validate.demo PROPERTIES FIXTURES_REQUIRED passend_demo_folder)
endif()
