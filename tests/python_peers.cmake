# SPDX-License-Identifier: EUPL-1.2
# The peer benchmark (benchmarks/peers/) as a correctness check only: on a small demo region
# written as CSV (and as a snapshot, opened with Dataset.open), DuckDB's, polars' and pandas'
# values of the peer ids equal passend's. No time is asserted; the figures come from a run on
# the national demo (benchmarks/RESULTS.md).
if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(COMMAND ${PASSEND} demo --out ${DIR} --pupils 8000 RESULT_VARIABLE rc
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "passend demo: exit ${rc}\n${err}")
  endif()
  execute_process(COMMAND ${PASSEND} snapshot ${DIR} --out ${DIR}.snapshot RESULT_VARIABLE rc
                  OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "passend snapshot: exit ${rc}\n${err}")
  endif()
  execute_process(COMMAND ${PYTHON} ${HARNESS} ${DIR} --check --snapshot ${DIR}.snapshot
                  RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${out}")
  if(NOT rc EQUAL 0 OR NOT out MATCHES "equal in passend, passend_snapshot, duckdb")
    message(FATAL_ERROR "peers: exit ${rc}\n${out}\n${err}")
  endif()
  return()
endif()

if(NOT TARGET passend_cli OR NOT TEST python_install)
  return()
endif()
add_test(NAME peers.values_equal_passend
         COMMAND ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli>
                 -DPYTHON=${PASSEND_VENV_PYTHON}
                 -DHARNESS=${PROJECT_SOURCE_DIR}/benchmarks/peers/harness.py
                 -DDIR=${CMAKE_CURRENT_BINARY_DIR}/peers-demo -P ${CMAKE_CURRENT_LIST_FILE})
set_tests_properties(peers.values_equal_passend PROPERTIES FIXTURES_REQUIRED passend_python
                                                           RESOURCE_LOCK passend_venv TIMEOUT 600)
