# `passend calendar` and `passend accountability`: exit codes and a few lines of output.
#
# Included by tests/CMakeLists.txt it adds the tests; each test runs this same file as a script
# (cmake -P) that executes the CLI and checks its exit code and that the output holds EXPECT.
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
# The demo region's model board (seed 002's money table), once the demo generator is in.
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
