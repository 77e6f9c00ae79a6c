# SPDX-License-Identifier: EUPL-1.2
# public_headers.<header>: every public header compiles alone, with only passend's own include
# directories, and without Eigen or nlohmann/json: tests/public_headers/poison holds an
# Eigen/Core and a nlohmann/json.hpp that stop the compiler. The flows headers (Eigen matrices,
# JSON documents), the JSON forms (kpi/catalog_json.hpp) and passend.hpp, which includes them
# all, are compiled with the real ones.
file(GLOB_RECURSE PASSEND_PUBLIC_HEADERS RELATIVE ${PROJECT_SOURCE_DIR}/include
     CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/passend/*.hpp)
get_target_property(_eigen_dirs Eigen3::Eigen INTERFACE_INCLUDE_DIRECTORIES)
list(TRANSFORM _eigen_dirs PREPEND "-I")
set(_needs_eigen_or_json "^passend/(flows/|kpi/catalog_json\\.hpp$|passend\\.hpp$)")
foreach(header ${PASSEND_PUBLIC_HEADERS})
  string(REGEX REPLACE "[/.]" "_" name ${header})
  if(header MATCHES "${_needs_eigen_or_json}")
    set(deps ${_eigen_dirs})
  else()
    set(deps -I${CMAKE_CURRENT_SOURCE_DIR}/public_headers/poison)
  endif()
  add_test(NAME public_headers.${name}
           COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fsyntax-only -x c++
                   -I${PROJECT_SOURCE_DIR}/include -I${PROJECT_BINARY_DIR}/include ${deps}
                   ${PROJECT_SOURCE_DIR}/include/${header}
           COMMAND_EXPAND_LISTS)
  set_tests_properties(public_headers.${name} PROPERTIES LABELS public_headers)
endforeach()
