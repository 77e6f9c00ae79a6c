# SPDX-License-Identifier: EUPL-1.2
# `passend snapshot`: the demo written as CSV, then as a snapshot of that folder; every command
# given the snapshot prints exactly what it prints for the folder (report as CSV and JSON, the
# monitor, flows, summary, validate's verdict); a truncated snapshot is exit 1 naming the file.
#
# Included by tests/CMakeLists.txt it adds the test; the test runs this file as a script.
if(CMAKE_SCRIPT_MODE_FILE)
  function(run out_var)
    execute_process(COMMAND ${PASSEND} ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "passend ${ARGN}: exit ${rc}\n${err}")
    endif()
    set(${out_var} "${out}" PARENT_SCOPE)
  endfunction()
  file(REMOVE_RECURSE ${DIR})
  run(ignored demo --out ${DIR}/csv --pupils 3000)
  run(ignored snapshot ${DIR}/csv --out ${DIR}/demo.snapshot)
  foreach(args "report;--format;csv;--no-suppress" "report;--format;json" "monitor;--format;json"
               "flows;--year;2023;--format;csv" "summary")
    run(from_folder ${args} ${DIR}/csv)
    run(from_snapshot ${args} ${DIR}/demo.snapshot)
    # the monitor names its input as subject
    string(REPLACE "${DIR}/demo.snapshot" "${DIR}/csv" from_snapshot "${from_snapshot}")
    if(NOT from_folder STREQUAL from_snapshot)
      file(WRITE ${DIR}/folder.txt "${from_folder}")
      file(WRITE ${DIR}/snapshot.txt "${from_snapshot}")
      message(FATAL_ERROR "passend ${args}: the snapshot's output differs from the folder's "
                          "(${DIR}/folder.txt, ${DIR}/snapshot.txt)")
    endif()
  endforeach()
  run(verdict validate ${DIR}/demo.snapshot)
  if(NOT verdict MATCHES "demo.snapshot: valid: [0-9]+ schools")
    message(FATAL_ERROR "validate of the snapshot:\n${verdict}")
  endif()

  execute_process(COMMAND head -c 5000 ${DIR}/demo.snapshot OUTPUT_FILE ${DIR}/cut.snapshot)
  execute_process(COMMAND ${PASSEND} report ${DIR}/cut.snapshot RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "cut.snapshot: error: is truncated: it has 5000 bytes")
    message(FATAL_ERROR "a truncated snapshot: exit ${rc}\n${err}")
  endif()
  execute_process(COMMAND ${PASSEND} report ${DIR}/demo.snapshot --as-of 2024-01-01
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "keeps the extract date it was written with")
    message(FATAL_ERROR "--as-of on a snapshot: exit ${rc}\n${err}")
  endif()
  return()
endif()

if(NOT TARGET passend_cli)
  return()
endif()
add_test(NAME cli.snapshot.same_output
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli>
                 -DDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-snapshot -P ${CMAKE_CURRENT_LIST_FILE})
