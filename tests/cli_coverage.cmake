# SPDX-License-Identifier: EUPL-1.2
# `passend coverage` on the small covering-network region and the demo: each format prints its
# document; xlsx needs --out; an unknown partnership or year is a usage error naming it.
if(NOT TARGET passend_cli)
  return()
endif()
set(_cli $<TARGET_FILE:passend_cli>)
set(_region ${CMAKE_CURRENT_LIST_DIR}/data/valid_coverage)
add_test(NAME cli.coverage.markdown COMMAND ${_cli} coverage ${_region})
set_tests_properties(cli.coverage.markdown PROPERTIES PASS_REGULAR_EXPRESSION
  "# Dekkend aanbod 2024-2025.*## PO1 Noord.*Gemeente GM03 heeft geen aanbod voor gedrag.*In gemeente GM01 zijn er voor gedrag meer leerlingen \\(<5\\) dan plaatsen \\(2\\).*\\*\\*€ 62.000\\*\\*.*€ 150.000 boven de signaleringswaarde € 250.000 \\(het minimum")
add_test(NAME cli.coverage.json COMMAND ${_cli} coverage ${_region} --unit PO2 --year 2024 --format json)
set_tests_properties(cli.coverage.json PROPERTIES PASS_REGULAR_EXPRESSION
  "\"school_year\": \"2024-2025\".*\"swv_id\": \"PO2\".*\"rule\": \"percentage\"")
add_test(NAME cli.coverage.html COMMAND ${_cli} coverage --demo --format html)
set_tests_properties(cli.coverage.html PROPERTIES PASS_REGULAR_EXPRESSION
  "<!DOCTYPE html>.*class=\"tone-attention\">[^<]*meer vraag dan plaatsen.*class=\"tone-bad\">geen aanbod.*</html>"
  FAIL_REGULAR_EXPRESSION "<script|src=\"http|href=\"http|@import")
add_test(NAME cli.coverage.xlsx_needs_out COMMAND ${_cli} coverage ${_region} --format xlsx)
set_tests_properties(cli.coverage.xlsx_needs_out PROPERTIES PASS_REGULAR_EXPRESSION "needs --out FILE")
add_test(NAME cli.coverage.unknown_unit COMMAND ${_cli} coverage ${_region} --unit PO9)
set_tests_properties(cli.coverage.unknown_unit PROPERTIES PASS_REGULAR_EXPRESSION
  "--unit: no partnership 'PO9' in the data")
add_test(NAME cli.coverage.unreported_year COMMAND ${_cli} coverage ${_region} --year 2030-2031)
set_tests_properties(cli.coverage.unreported_year PROPERTIES PASS_REGULAR_EXPRESSION
  "--year: school year 2030-2031 is not reported by the data")
# The continuity check in the accountability report and the monitor (the demo has finances.csv).
add_test(NAME cli.coverage.accountability_continuity
         COMMAND ${_cli} accountability --demo --board BG41001 --year 2024-2025)
set_tests_properties(cli.coverage.accountability_continuity PROPERTIES PASS_REGULAR_EXPRESSION
  "## Continuïteit van het samenwerkingsverband.*\\| PO3104 \\| 2024 \\| € 12.600.000 \\| € 1.384.000 \\| € 441.000 \\(3,5%\\) \\| € 943.000 \\|")
add_test(NAME cli.coverage.monitor_continuity COMMAND ${_cli} monitor --demo --unit PO3104 --format json)
set_tests_properties(cli.coverage.monitor_continuity PROPERTIES PASS_REGULAR_EXPRESSION
  "\"continuity\": \\[.*\"year\": 2024,.*\"signaleringswaarde_reserves\": 441000,.*\"rule\": \"percentage\",.*\"reserves_boven_signaleringswaarde\": 943000")
