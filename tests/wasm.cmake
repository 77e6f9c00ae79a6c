# SPDX-License-Identifier: EUPL-1.2
# The WebAssembly module against the CLI (label `wasm`, docs/wasm.md): node runs
# wasm/test/engine.test.mjs on the module the `wasm` preset built (scripts/test.sh builds it
# first); without that build the test is skipped.
if(CMAKE_C_FLAGS MATCHES "sanitize" OR NOT TARGET passend_cli)
  return()
endif()
find_program(PASSEND_NODE node)
if(NOT PASSEND_NODE)
  message(STATUS "passend: no node: the WebAssembly tests are left out")
  return()
endif()
set(PASSEND_WASM_DIR ${PROJECT_SOURCE_DIR}/build/wasm CACHE PATH "The wasm preset's build tree")
add_test(NAME wasm.engine
         COMMAND ${PASSEND_NODE} ${PROJECT_SOURCE_DIR}/wasm/test/engine.test.mjs
                 ${PASSEND_WASM_DIR}/js $<TARGET_FILE:passend_cli> ${CMAKE_CURRENT_SOURCE_DIR}/data)
set_tests_properties(wasm.engine PROPERTIES LABELS wasm SKIP_RETURN_CODE 77 TIMEOUT 300)
# The Excel add-in's custom functions (excel/) in node: the CLI's figures.
add_test(NAME wasm.excel_functions
         COMMAND ${PASSEND_NODE} ${PROJECT_SOURCE_DIR}/excel/test/functions.test.mjs
                 ${PASSEND_WASM_DIR}/excel $<TARGET_FILE:passend_cli>)
set_tests_properties(wasm.excel_functions PROPERTIES LABELS wasm SKIP_RETURN_CODE 77 TIMEOUT 300)

# The web app and the add-in's task pane in Debian's headless chromium through Playwright (.venv;
# never a downloaded browser): the demo, a value, the xlsx, bad input, no request beyond the
# page's own files; the sheets the task pane writes into a stand-in of Excel's object model.
set(PASSEND_VENV_PYTHON ${PROJECT_SOURCE_DIR}/.venv/bin/python)
if(EXISTS ${PASSEND_VENV_PYTHON} AND EXISTS /usr/bin/chromium)
  add_test(NAME wasm.web_app
           COMMAND ${PASSEND_VENV_PYTHON} ${PROJECT_SOURCE_DIR}/wasm/test/web_app.py
                   ${PASSEND_WASM_DIR}/web $<TARGET_FILE:passend_cli> ${CMAKE_CURRENT_SOURCE_DIR}/data
                   ${PASSEND_WASM_DIR}/screenshots)
  add_test(NAME wasm.excel_taskpane
           COMMAND ${PASSEND_VENV_PYTHON} ${PROJECT_SOURCE_DIR}/excel/test/taskpane.py
                   ${PASSEND_WASM_DIR}/excel $<TARGET_FILE:passend_cli> ${PASSEND_WASM_DIR}/screenshots)
  set_tests_properties(wasm.web_app wasm.excel_taskpane PROPERTIES LABELS wasm
                       SKIP_RETURN_CODE 77 TIMEOUT 600)
else()
  message(STATUS "passend: no .venv or /usr/bin/chromium: the browser tests are left out")
endif()
