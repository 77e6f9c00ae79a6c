# SPDX-License-Identifier: EUPL-1.2
# `passend validate`: the exact listing and exit code on a folder with one broken value in each
# of the 13 tables and on a broken extract.csv, exit 0 on valid folders and JSON.
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
add_test(NAME cli.validate.broken_every_table
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                 -DINPUT=broken_every_table -DEXPECT_RC=1
                 -DEXPECTED_FILE=${_data}/broken_every_table.expected -P ${_script})
add_test(NAME cli.validate.valid_small
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                 -DINPUT=valid_small -DEXPECT_RC=0
                 -DEXPECTED_FILE=${_data}/valid_small.expected -P ${_script})
add_test(NAME cli.validate.allowed_inputs
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                 -DINPUT=allowed_inputs -DEXPECT_RC=0
                 -DEXPECTED_FILE=${_data}/allowed_inputs.expected -P ${_script})
# extract.csv: a malformed date, a second row, and events after the extract date.
add_test(NAME cli.validate.broken_extract
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                 -DINPUT=broken_extract -DEXPECT_RC=1
                 -DEXPECTED_FILE=${_data}/broken_extract.expected -P ${_script})
# --as-of wins over extract.csv (2024-12-20): the vrijstelling of 2024-08-01 lies after it.
add_test(NAME cli.validate.as_of_before_an_event
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                 -DINPUT=valid_small -DARGS=--as-of=2024-07-31 -DEXPECT_RC=1
                 -DEXPECTED_FILE=${_data}/valid_small.as_of.expected -P ${_script})
add_test(NAME cli.validate.json
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                 -DINPUT=valid_small.json -DEXPECT_RC=0 -P ${_script})
add_test(NAME cli.validate.no_such_folder
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                 -DINPUT=no_such_folder -DEXPECT_RC=1 -P ${_script})
set_tests_properties(cli.validate.no_such_folder PROPERTIES
                     PASS_REGULAR_EXPRESSION "no_such_folder: error: no such folder")

# The demo region, written by `passend demo`, is valid.
if(EXISTS ${PROJECT_SOURCE_DIR}/src/cli/cmd_demo.cpp)
  set(_demo_dir ${CMAKE_CURRENT_BINARY_DIR}/cli-validate-demo)
  add_test(NAME cli.validate.demo.write
           COMMAND $<TARGET_FILE:passend_cli> demo --out ${_demo_dir})
  add_test(NAME cli.validate.demo
           COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${_data}
                   -DINPUT=${_demo_dir} -DEXPECT_RC=0 -P ${_script})
  set_tests_properties(cli.validate.demo.write PROPERTIES FIXTURES_SETUP passend_demo_folder)
  set_tests_properties(cli.validate.demo PROPERTIES FIXTURES_REQUIRED passend_demo_folder)
endif()
