# SPDX-License-Identifier: EUPL-1.2
# Packages as users install them (label `packaging`): the C library through pkg-config after
# `cmake --install`, and the Conan 2 recipe with its test_package, offline (conan/).
if(CMAKE_C_FLAGS MATCHES "sanitize")
  return() # built for the sanitizers: the default preset checks the packages
endif()

if(PASSEND_INSTALL AND TARGET passend_c)
  find_program(PASSEND_PKG_CONFIG pkg-config REQUIRED)
  add_test(NAME packaging.pkg_config
           COMMAND ${CMAKE_COMMAND} -DPREFIX=${CMAKE_CURRENT_BINARY_DIR}/consumer-prefix
                   -DLIBDIR=${CMAKE_INSTALL_LIBDIR} -DCC=${CMAKE_C_COMPILER}
                   -DSOURCE=${CMAKE_CURRENT_SOURCE_DIR}/c/consumer/main.c
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR} -P ${CMAKE_CURRENT_SOURCE_DIR}/packaging/pkg_config.cmake)
  set_tests_properties(packaging.pkg_config PROPERTIES LABELS packaging
                       FIXTURES_REQUIRED passend_installed)
endif()

set(PASSEND_CONAN ${PROJECT_SOURCE_DIR}/.venv/bin/conan)
if(NOT EXISTS ${PASSEND_CONAN})
  message(STATUS "passend: no conan in .venv (scripts/setup.sh installs it): Conan test left out")
else()
  # A fresh Conan home in the build tree each run; ccache makes a second run ~20 s.
  add_test(NAME packaging.conan_create
           COMMAND bash ${PROJECT_SOURCE_DIR}/conan/create_offline.sh
                   ${PROJECT_BINARY_DIR}/conan-home ${PASSEND_CONAN})
  set_tests_properties(packaging.conan_create PROPERTIES LABELS packaging TIMEOUT 1800
                       PASS_REGULAR_EXPRESSION "passend [0-9.]+: 1 pupil")
endif()

# The library without libxlsxwriter (PASSEND_WITH_XLSX=OFF, as the WebAssembly build): installed,
# a consumer builds without it. A second build of the library: ccache makes a rerun quick.
if(PASSEND_WITH_XLSX)
  add_test(NAME packaging.without_xlsx
           COMMAND ${CMAKE_COMMAND} -DSOURCE=${PROJECT_SOURCE_DIR}
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/without-xlsx -DGENERATOR=${CMAKE_GENERATOR}
                   -DBUILD_TYPE=${CMAKE_BUILD_TYPE} "-DLAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/packaging/without_xlsx.cmake)
  set_tests_properties(packaging.without_xlsx PROPERTIES LABELS packaging TIMEOUT 1800
                       PASS_REGULAR_EXPRESSION "this build has no xlsx writer")
endif()
