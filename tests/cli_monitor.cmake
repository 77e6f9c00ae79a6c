# SPDX-License-Identifier: EUPL-1.2
# `passend monitor` on the demo region: each format prints its document; a day after the extract
# date, a malformed day and a unit that is no partnership are usage errors naming the problem.
if(NOT TARGET passend_cli)
  return()
endif()
set(_cli $<TARGET_FILE:passend_cli>)
add_test(NAME cli.monitor.markdown COMMAND ${_cli} monitor --demo --unit PO3104)
set_tests_properties(cli.monitor.markdown PROPERTIES PASS_REGULAR_EXPRESSION
  "# Monitor passend onderwijs.*op 2025-03-15, schooljaar 2024-2025 t/m die dag.*## PO3104 Westelijke Mijnstreek.*### Openstaande TLV-aanvragen naar leeftijd.*### Thuiszitters naar duur.*### Grensverkeer")
add_test(NAME cli.monitor.json COMMAND ${_cli} monitor --demo --day 2024-10-01 --format json)
set_tests_properties(cli.monitor.json PROPERTIES PASS_REGULAR_EXPRESSION
  "\"format\": \"passend-monitor\".*\"day\": \"2024-10-01\".*\"school_year\": \"2024-2025\"")
add_test(NAME cli.monitor.html COMMAND ${_cli} monitor --demo --format html)
set_tests_properties(cli.monitor.html PROPERTIES PASS_REGULAR_EXPRESSION
  "<!DOCTYPE html>.*<svg class=\"bars\".*</html>")
add_test(NAME cli.monitor.html_self_contained COMMAND ${_cli} monitor --demo --format html)
set_tests_properties(cli.monitor.html_self_contained PROPERTIES FAIL_REGULAR_EXPRESSION
  "<script|src=\"http|href=\"http|@import")
add_test(NAME cli.monitor.day_after_extract COMMAND ${_cli} monitor --demo --day 2025-03-16)
set_tests_properties(cli.monitor.day_after_extract PROPERTIES PASS_REGULAR_EXPRESSION
  "--day: 2025-03-16 is after the data's extract date 2025-03-15: nothing after it is known")
add_test(NAME cli.monitor.day_after_extract_fails COMMAND ${_cli} monitor --demo --day 2025-03-16)
set_tests_properties(cli.monitor.day_after_extract_fails PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.monitor.bad_day COMMAND ${_cli} monitor --demo --day 16-03-2025)
set_tests_properties(cli.monitor.bad_day PROPERTIES PASS_REGULAR_EXPRESSION
  "--day: expected a date like 2025-03-15, got '16-03-2025'")
add_test(NAME cli.monitor.unknown_unit COMMAND ${_cli} monitor --demo --unit B1)
set_tests_properties(cli.monitor.unknown_unit PROPERTIES PASS_REGULAR_EXPRESSION
  "unit 'B1': not a partnership of the data")
