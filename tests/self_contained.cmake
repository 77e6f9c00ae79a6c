# SPDX-License-Identifier: EUPL-1.2
# self_contained: the repository stands alone. No tracked file reaches outside it (the folder
# of notes the project was started from, beside the checkout) or cites a source document by an
# internal file name ("seed 000"): documents are cited by title and publisher, definitions by docs/definitions.md.
# CHANGELOG.md may name what was removed, and this file must name what it looks for.
#
# Included by tests/CMakeLists.txt it adds the tests; each runs this same file as a script
# (cmake -P) over SOURCE_DIR: the files git tracks there, or every file when it is no checkout.
if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(COMMAND git ls-files WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE listed RESULT_VARIABLE rc ERROR_QUIET)
  if(rc EQUAL 0 AND NOT listed STREQUAL "")
    string(REGEX REPLACE "\n$" "" listed "${listed}")
    string(REPLACE "\n" ";" files "${listed}")
  else()
    file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/*)
    list(FILTER files EXCLUDE REGEX "^(build|\\.git|\\.venv)/")
  endif()
  list(REMOVE_ITEM files CHANGELOG.md tests/self_contained.cmake)
  # The notes folder's name is assembled, so that this file does not itself name it.
  set(notes "sha")
  string(APPEND notes "red")
  set(outside "\\.\\./${notes}|${notes}/(DOMAIN|DATA_CONTRACT|STYLE|seeds|hooks)|DOMAIN\\.md|DATA_CONTRACT")
  set(internal "[Ss][Ee][Ee][Dd] ?0[0-9][0-9]|[Ss][Ee][Ee][Dd]0[0-9]")
  set(found "")
  foreach(f IN LISTS files)
    if(IS_DIRECTORY ${SOURCE_DIR}/${f} OR NOT EXISTS ${SOURCE_DIR}/${f})
      continue()
    endif()
    file(STRINGS ${SOURCE_DIR}/${f} hits REGEX "${outside}|${internal}" ENCODING UTF-8)
    foreach(hit IN LISTS hits)
      string(STRIP "${hit}" hit)
      string(APPEND found "${f}: ${hit}\n")
    endforeach()
  endforeach()
  if(NOT found STREQUAL "")
    message(FATAL_ERROR "these lines reach outside the repository or cite a document by an "
                        "internal name (cite docs/ or the title and publisher):\n${found}")
  endif()
  list(LENGTH files n)
  message(STATUS "${n} files checked: self-contained")
  return()
endif()

add_test(NAME self_contained
         COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -P ${CMAKE_CURRENT_LIST_FILE})

# The check itself: a tree with one file that reaches outside and one that cites "seed 002".
set(probe ${CMAKE_CURRENT_BINARY_DIR}/self_contained_probe)
set(notes "sha")
string(APPEND notes "red")
file(WRITE ${probe}/README.md "The definitions are in ../${notes}/DOMAIN.md.\n")
file(WRITE ${probe}/src/report.cpp "// As in the accountability report.\n// Seed 002's table.\n")
add_test(NAME self_contained_catches
         COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${probe} -P ${CMAKE_CURRENT_LIST_FILE})
set_tests_properties(self_contained_catches PROPERTIES
  PASS_REGULAR_EXPRESSION "README.md: The definitions are in \\.\\./${notes}/DOMAIN\\.md\\..*src/report.cpp: // Seed 002's table\\.")

# Every source file carries its licence in its first line (scripts/spdx.sh adds it).
find_program(PASSEND_BASH bash)
if(PASSEND_BASH)
  add_test(NAME spdx_headers COMMAND ${PASSEND_BASH} ${PROJECT_SOURCE_DIR}/scripts/spdx.sh --check)
endif()
