# SPDX-License-Identifier: EUPL-1.2
# Python: install the package into the project's .venv with pip (scikit-build-core keeps its build
# folder in build/python, so a reinstall recompiles only what changed; ccache when present), then
# run pytest (mypy, stubtest and the notebook are tests in it). Warnings are errors, xfail strict.
set(PASSEND_VENV_PYTHON ${PROJECT_SOURCE_DIR}/.venv/bin/python)
if(NOT EXISTS ${PASSEND_VENV_PYTHON})
  message(STATUS "passend: no .venv (scripts/setup.sh makes it): Python tests left out")
elseif(CMAKE_CXX_FLAGS MATCHES "sanitize")
  # pip builds its own, unsanitized module: the default preset runs these tests.
  message(STATUS "passend: Python tests run under the default preset only")
else()
  find_program(PASSEND_CCACHE ccache)
  set(passend_pip_env "CMAKE_GENERATOR=Ninja")
  if(PASSEND_CCACHE)
    get_filename_component(passend_ccache_base ${PROJECT_SOURCE_DIR}/.. ABSOLUTE)
    list(APPEND passend_pip_env "CMAKE_ARGS=-DCMAKE_CXX_COMPILER_LAUNCHER=${PASSEND_CCACHE}"
         "CCACHE_BASEDIR=${passend_ccache_base}")
  endif()
  add_test(NAME python_install
           COMMAND ${CMAKE_COMMAND} -E env ${passend_pip_env}
                   ${PASSEND_VENV_PYTHON} -m pip install --no-build-isolation --no-deps -q
                   ${PROJECT_SOURCE_DIR})
  set_tests_properties(python_install PROPERTIES FIXTURES_SETUP passend_python TIMEOUT 1800
                                                 RESOURCE_LOCK passend_venv)
  set(passend_pytest_env "PASSEND_BUILD_DIR=${PROJECT_BINARY_DIR}" "MPLBACKEND=Agg")
  if(TARGET passend_cli)
    list(APPEND passend_pytest_env "PASSEND_CLI=$<TARGET_FILE:passend_cli>")
  endif()
  add_test(NAME python_pytest
           COMMAND ${PASSEND_VENV_PYTHON} -m pytest -q -W error -o xfail_strict=true
                   -p no:cacheprovider ${PROJECT_SOURCE_DIR}/tests/python
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(python_pytest PROPERTIES FIXTURES_REQUIRED passend_python TIMEOUT 1800
                                                RESOURCE_LOCK passend_venv
                                                ENVIRONMENT "${passend_pytest_env}")
endif()
