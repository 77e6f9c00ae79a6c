# SPDX-License-Identifier: EUPL-1.2
# `passend flows` and `passend forecast` on the demo region: each format prints its document, the
# forecast has its backtest part, a bad unit or year is an error (exit 1).
if(NOT TARGET passend_cli)
  return()
endif()
set(_cli $<TARGET_FILE:passend_cli>)
add_test(NAME cli.flows.markdown COMMAND ${_cli} flows --demo --year 2024-2025 --unit PO3104 --cohort sbo)
set_tests_properties(cli.flows.markdown PROPERTIES PASS_REGULAR_EXPRESSION
  "## Flow matrix: changes after 2023-10-01 up to and including 2024-10-01.*## Verplaatsingen.*## Cohort")
add_test(NAME cli.flows.json COMMAND ${_cli} flows --demo --format json)
set_tests_properties(cli.flows.json PROPERTIES PASS_REGULAR_EXPRESSION "\"format\": \"passend-flows-1\"")
add_test(NAME cli.flows.csv COMMAND ${_cli} flows --demo --format csv --no-suppress)
set_tests_properties(cli.flows.csv PROPERTIES PASS_REGULAR_EXPRESSION "^section,row,column,value\n")
# The flows as a report document's page: the flow matrix as a table, a right-aligned count.
add_test(NAME cli.flows.html COMMAND ${_cli} flows --demo --format html)
set_tests_properties(cli.flows.html PROPERTIES PASS_REGULAR_EXPRESSION
  "<!DOCTYPE html>.*<h2>Flow matrix: changes after 2023-10-01.*<th>from \\\\ to</th>.*<td class=\"num\">[0-9]+</td>.*</html>"
  FAIL_REGULAR_EXPRESSION "<script|src=\"http|href=\"http|@import")
add_test(NAME cli.flows.unknown_unit COMMAND ${_cli} flows --demo --unit XX9999)
set_tests_properties(cli.flows.unknown_unit PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.flows.year_outside COMMAND ${_cli} flows --demo --year 1990)
set_tests_properties(cli.flows.year_outside PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.forecast.backtest COMMAND ${_cli} forecast --demo --years 2)
set_tests_properties(cli.forecast.backtest PROPERTIES PASS_REGULAR_EXPRESSION
  "## Projection \\(baseline\\).*## backtest.*MAPE")
add_test(NAME cli.forecast.json COMMAND ${_cli} forecast --demo --years 2 --format json)
set_tests_properties(cli.forecast.json PROPERTIES PASS_REGULAR_EXPRESSION "\"format\": \"passend-forecast-1\"")
