# SPDX-License-Identifier: EUPL-1.2
# Core checks beyond the doctest binary: what must not compile, and use from another project.

# Each tests/compile_fail/*.cpp must be rejected by the compiler (strong types guard against
# mix-ups); control_compiles.cpp, compiled the same way, must be accepted.
file(GLOB PASSEND_COMPILE_FAIL CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/*.cpp)
foreach(src ${PASSEND_COMPILE_FAIL})
  get_filename_component(name ${src} NAME_WE)
  add_test(NAME compile_fail.${name}
           COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fsyntax-only
                   "-I$<JOIN:$<TARGET_PROPERTY:passend,INCLUDE_DIRECTORIES>,;-I>" ${src}
           COMMAND_EXPAND_LISTS)
  if(name STREQUAL "control_compiles")
    set_tests_properties(compile_fail.${name} PROPERTIES LABELS compile_fail)
  else()
    set_tests_properties(compile_fail.${name} PROPERTIES LABELS compile_fail
                         PASS_REGULAR_EXPRESSION "error:")
  endif()
endforeach()

# find_package(passend) works after `cmake --install`.
if(PASSEND_INSTALL)
  set(prefix ${CMAKE_CURRENT_BINARY_DIR}/consumer-prefix)
  add_test(NAME consumer.install
           COMMAND ${CMAKE_COMMAND} --install ${PROJECT_BINARY_DIR} --prefix ${prefix})
  add_test(NAME consumer.build
           COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test ${CMAKE_CURRENT_SOURCE_DIR}/consumer
                   ${CMAKE_CURRENT_BINARY_DIR}/consumer-build --build-generator ${CMAKE_GENERATOR}
                   --build-options -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}
                   -DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS} -DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}
                   --test-command consumer)
  set_tests_properties(consumer.install PROPERTIES FIXTURES_SETUP passend_installed)
  set_tests_properties(consumer.build PROPERTIES FIXTURES_REQUIRED passend_installed)
endif()
