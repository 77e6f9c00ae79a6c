# SPDX-License-Identifier: EUPL-1.2
# Compile and run a C program against an installed passend with nothing but pkg-config:
#   cmake -DPREFIX=... -DLIBDIR=lib -DCC=cc -DSOURCE=main.c -DOUT=dir -P pkg_config.cmake
set(ENV{PKG_CONFIG_PATH} ${PREFIX}/${LIBDIR}/pkgconfig)
execute_process(COMMAND pkg-config --cflags --libs passend
                OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs passend failed (PKG_CONFIG_PATH=$ENV{PKG_CONFIG_PATH})")
endif()
message(STATUS "pkg-config --cflags --libs passend: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND ${CC} -std=c11 -Wall -Werror ${SOURCE} -o ${OUT}/pkg_config_consumer ${flags}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} with those flags failed")
endif()
set(ENV{LD_LIBRARY_PATH} ${PREFIX}/${LIBDIR})
execute_process(COMMAND ${OUT}/pkg_config_consumer RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the program built with pkg-config's flags failed (${rc})")
endif()
