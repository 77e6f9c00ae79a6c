# SPDX-License-Identifier: EUPL-1.2
# Bad input through the `passend` tool (docs/bad-input.md): files that are not files and documents
# the JSON parser used to throw past the CLI. Each gives exit 1 and a located message, at once.
#
# Included by tests/CMakeLists.txt it adds the tests; each test runs this same file as a script
# (cmake -P) that makes its input in a fresh folder, runs the CLI with a timeout (a FIFO must not
# hang it) and checks the exit code and that the output holds EXPECT.
if(CMAKE_SCRIPT_MODE_FILE)
  set(dir ${WORKDIR}/cli-bad-input-${CASE})
  file(REMOVE_RECURSE ${dir})
  file(MAKE_DIRECTORY ${dir})
  if(CASE STREQUAL "fifo_catalog")
    execute_process(COMMAND mkfifo ${dir}/catalog.json RESULT_VARIABLE made)
    set(args report ${DATA}/valid_small --catalog ${dir}/catalog.json)
  elseif(CASE STREQUAL "dev_zero_plan")
    set(args plan /dev/zero ${DATA}/valid_small)
  elseif(CASE STREQUAL "cr_line_ends")
    file(COPY ${DATA}/valid_small/ DESTINATION ${dir})
    file(WRITE ${dir}/boards.csv "board_id,name\rB1,Stichting Kindante\rB2,LVO\r")
    set(args validate ${dir})
  elseif(CASE STREQUAL "huge_number")
    file(WRITE ${dir}/data.json "{\"schools\": [],\n \"funds\": [{\"amount_eur\": 1e309}]}")
    set(args validate ${dir}/data.json)
  elseif(CASE STREQUAL "directory_table")
    file(COPY ${DATA}/valid_small/ DESTINATION ${dir})
    file(REMOVE ${dir}/enrolments.csv)
    file(MAKE_DIRECTORY ${dir}/enrolments.csv)
    set(args validate ${dir})
  endif()
  execute_process(COMMAND ${PASSEND} ${args} OUTPUT_VARIABLE out ERROR_VARIABLE err
                  RESULT_VARIABLE rc TIMEOUT 30)
  file(REMOVE_RECURSE ${dir})
  if(NOT rc STREQUAL "1")
    message(FATAL_ERROR "passend ${args}: exit ${rc}, expected 1\n${out}${err}")
  endif()
  string(FIND "${out}${err}" "${EXPECT}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "passend ${args}: output lacks '${EXPECT}':\n${out}${err}")
  endif()
  return()
endif()

if(NOT TARGET passend_cli)
  return()
endif()
set(_run ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}
         -DDATA=${CMAKE_CURRENT_SOURCE_DIR}/data)
foreach(case_expect
        "fifo_catalog|cannot read the catalog file: is a FIFO (named pipe), not a regular file"
        "dev_zero_plan|/dev/zero: error: is a character device, not a regular file"
        "cr_line_ends|boards.csv:1: error: line ends are CR only (old Mac format); save as LF or CRLF"
        "huge_number|data.json:2:27: error: the number 1e309 is beyond the range of a double"
        "directory_table|enrolments.csv: error: is a directory")
  string(FIND "${case_expect}" "|" bar)
  string(SUBSTRING "${case_expect}" 0 ${bar} case)
  math(EXPR bar "${bar} + 1")
  string(SUBSTRING "${case_expect}" ${bar} -1 expect)
  add_test(NAME cli.bad_input.${case}
           COMMAND ${_run} -DCASE=${case} "-DEXPECT=${expect}" -P ${CMAKE_CURRENT_LIST_FILE})
endforeach()
