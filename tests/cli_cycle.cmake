# SPDX-License-Identifier: EUPL-1.2
# `passend calendar`, `passend accountability` and `passend plan`: exit codes and a few lines of
# output, or the whole output.
#
# Included by tests/CMakeLists.txt it adds the tests; each test runs this same file as a script
# (cmake -P) that executes the CLI and checks its exit code, that the output holds EXPECT and,
# with EXPECTED_FILE, that standard output and error together are that file's text exactly.
if(CMAKE_SCRIPT_MODE_FILE)
  if(DEFINED PLAN_TEXT)
    # A plan written at test time (an invalid one, for the error message).
    file(WRITE ${WORKDIR}/cli_cycle_plan.json "${PLAN_TEXT}")
  endif()
  separate_arguments(args UNIX_COMMAND "${ARGS}")
  execute_process(COMMAND ${PASSEND} ${args} WORKING_DIRECTORY ${WORKDIR}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc STREQUAL EXPECT_RC)
    message(FATAL_ERROR "passend ${ARGS}: exit ${rc}, expected ${EXPECT_RC}\n${out}${err}")
  endif()
  if(DEFINED EXPECTED_FILE)
    file(READ ${EXPECTED_FILE} expected)
    if(NOT "${out}${err}" STREQUAL expected)
      message(FATAL_ERROR "passend ${ARGS} printed:\n${out}${err}\nexpected (${EXPECTED_FILE}):\n${expected}")
    endif()
  endif()
  foreach(expect IN LISTS EXPECT)
    string(FIND "${out}${err}" "${expect}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "passend ${ARGS}: output lacks '${expect}':\n${out}${err}")
    endif()
  endforeach()
  return()
endif()

if(NOT TARGET passend_cli)
  return()
endif()
set(_script ${CMAKE_CURRENT_LIST_FILE})
set(_run ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli> -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR})
add_test(NAME cli.calendar.demo_plan_md
         COMMAND ${_run} "-DARGS=calendar --year 2025-2026 --plan ${PROJECT_SOURCE_DIR}/plans/demo-plan.json"
                 -DEXPECT_RC=0
                 "-DEXPECT=| 2026-01-05 |  | Bestuur (SWV) |;| 2026-07-11 | 2026-08-23 | zomervakantie |"
                 -P ${_script})
add_test(NAME cli.calendar.ics_to_stdout
         COMMAND ${_run} "-DARGS=calendar --year 2027-2028 --format ics" -DEXPECT_RC=0
                 "-DEXPECT=BEGIN:VCALENDAR;VALUE=DATE:20280501;assuming the summer holiday"
                 -P ${_script})
add_test(NAME cli.calendar.invalid_plan
         COMMAND ${_run} "-DARGS=calendar --year 2025-2026 --plan cli_cycle_plan.json"
                 "-DPLAN_TEXT={\"focus_points\": [{\"id\": \"x\", \"speerpunt\": \"S\", \"process\": \"P\", \"indicators\": [{\"kpi\": \"deelname_sox\", \"unit\": \"PO1\"}]}]}"
                 -DEXPECT_RC=1
                 "-DEXPECT=focus point 'x' /focus_points/0/indicators/0/kpi: unknown KPI id 'deelname_sox'"
                 -P ${_script})
add_test(NAME cli.calendar.bad_year
         COMMAND ${_run} "-DARGS=calendar --year 2025" -DEXPECT_RC=1 "-DEXPECT=not a school year"
                 -P ${_script})
# The demo region's model board (the money table of its accountability report), once the demo generator is in.
if(NOT EXISTS ${PROJECT_SOURCE_DIR}/src/demo/demo_pending.cpp)
  add_test(NAME cli.accountability.demo_board
           COMMAND ${_run} "-DARGS=accountability --demo --board BG41001 --year 2024-2025"
                   -DEXPECT_RC=0
                   "-DEXPECT=## Aanwending middelen SWV;✔ sluit: aangewend € 1.631.099 = ontvangen € 1.631.099;| Verwijzingen naar so | `verwijzingen_so` |"
                   -P ${_script})
  add_test(NAME cli.accountability.unknown_board
           COMMAND ${_run} "-DARGS=accountability --demo --board nope --year 2024-2025"
                   -DEXPECT_RC=1 "-DEXPECT=--board: 'nope' is not a board" -P ${_script})
endif()

# `passend plan` on the demo plan and region, and on broken plans (tests/data/plans). Run in
# tests/data, so messages name `plans/broken.json`. The figures of demo-plan.expected.md were
# checked by hand against `passend report --demo --unit PO3104 --format csv` (numerators and
# denominators) and the plan's targets, 2024-2025, which the demo's extract date (2025-03-15)
# makes partial ("t/m 2025-03-15"): its counts run from 1 August through 15 March and their
# change compares with 1 August through 15 March 2024 (checked against the demo cut at that
# day and loaded with --as-of 2024-03-15); stocks and ratios compare with the whole year:
#   deelname_so 100/4844 = 2,06% (2023-2024: 93/4917 = 1,89%, +0,17 pp), misses <= 2 by 0,06,
#     within the 0,2 tolerance: aandacht; deelname_sbo 104/4844 = 2,15% <= 2,5: op koers;
#     verwijzingspercentage_so 10/4740 = 0,21% (10 referrals by 15 March) <= 0,6: op koers,
#     -0,16 pp against the whole 2023-2024 (18/4806 = 0,37%);
#   (re-checked when the demo's sbo pupils began to cross to a neighbouring partnership's sbo
#   school: one sbo pupil of PO3104 now goes to another partnership's school);
#   thuiszitters 7 by 15 March against 11 a year earlier: -4 (15 in the whole 2023-2024);
#   terugplaatsingen_so_bao 1, terugplaatsingen_sbo_bao 4 and thuiszitters_langer_dan_3_maanden
#     3 show as <5, with no change; no targets for 2024-2025: no status;
#   ankerpunt1_score of BG41001 189,5/224 = 0,85 >= 0,75 (no measurement in 2023-2024, so the
#     baseline is 2022-2023's 191/224 = 0,85); procesindicatoren_score 35/43 = 0,81 >= 0,75
#     (2023-2024: 38,5/43 = 0,90, -0,08);
#   so 4 op koers, 1 aandacht, 0 niet op koers, 4 without a status.
set(_plans ${CMAKE_CURRENT_SOURCE_DIR}/data/plans)
set(_demo_plan ${PROJECT_SOURCE_DIR}/plans/demo-plan.json)
set(_run_data ${CMAKE_COMMAND} -DPASSEND=$<TARGET_FILE:passend_cli>
              -DWORKDIR=${CMAKE_CURRENT_SOURCE_DIR}/data)
if(NOT EXISTS ${PROJECT_SOURCE_DIR}/src/demo/demo_pending.cpp)
  add_test(NAME cli.plan.demo_md
           COMMAND ${_run_data} "-DARGS=plan ${_demo_plan} --demo" -DEXPECT_RC=0
                   -DEXPECTED_FILE=${_plans}/demo-plan.expected.md -P ${_script})
  add_test(NAME cli.plan.demo_json
           COMMAND ${_run} "-DARGS=plan ${_demo_plan} --demo --format json" -DEXPECT_RC=0
                   "-DEXPECT=\"format\": \"passend-plan-1\";\"op_koers\": 4,;\"aandacht\": 1,;\"value\": \"<5\""
                   -P ${_script})
  add_test(NAME cli.plan.demo_html
           COMMAND ${_run} "-DARGS=plan ${_demo_plan} --demo --format html" -DEXPECT_RC=0
                   "-DEXPECT=<!DOCTYPE html>;<td class=\"warn\">⚠ aandacht</td>"
                   -P ${_script})
  add_test(NAME cli.plan.no_suppress
           COMMAND ${_run} "-DARGS=plan ${_demo_plan} --demo --no-suppress" -DEXPECT_RC=0
                   "-DEXPECT=| Terugplaatsingen sbo naar bao `terugplaatsingen_sbo_bao` | BRON/DUO | 4 (2024-2025) | 3 | 4 | +2 | geen doel | – |;**Intern: kleine aantallen zijn niet verborgen**"
                   -P ${_script})
  add_test(NAME cli.plan.earlier_year
           COMMAND ${_run} "-DARGS=plan ${_demo_plan} --demo --year 2023" -DEXPECT_RC=0
                   "-DEXPECT=**Schooljaar:** 2023-2024 (verschil met 2022-2023);**Stand:** 0 op koers · 0 aandacht · 0 niet op koers · 9 zonder oordeel"
                   -P ${_script})
  add_test(NAME cli.plan.year_outside_data
           COMMAND ${_run} "-DARGS=plan ${_demo_plan} --demo --year 2025-2026" -DEXPECT_RC=1
                   "-DEXPECT=--year 2025-2026: the data has no such school year (it has 2020-2021 to 2024-2025)"
                   -P ${_script})
endif()
add_test(NAME cli.plan.broken_plan
         COMMAND ${_run_data} "-DARGS=plan plans/broken.json --demo" -DEXPECT_RC=1
                 -DEXPECTED_FILE=${_plans}/broken.expected -P ${_script})
add_test(NAME cli.plan.json_syntax
         COMMAND ${_run_data} "-DARGS=plan plans/syntax.json --demo" -DEXPECT_RC=1
                 "-DEXPECT=plans/syntax.json:4:16: error: parse error at line 4, column 16" -P ${_script})
add_test(NAME cli.plan.no_input
         COMMAND ${_run} "-DARGS=plan ${_demo_plan}" -DEXPECT_RC=2
                 "-DEXPECT=plan: give a folder DIR or --demo" -P ${_script})
