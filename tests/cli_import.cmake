# SPDX-License-Identifier: EUPL-1.2
# `passend import uwlr|oso`: round trips, privacy, pseudonyms and located errors
# (tests/import_cli.sh on the fixtures in tests/data/import).
if(NOT TARGET passend_cli)
  return()
endif()
add_test(NAME cli.import
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/import_cli.sh $<TARGET_FILE:passend_cli>
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/import)
