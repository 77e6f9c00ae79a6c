# SPDX-License-Identifier: EUPL-1.2
# A library built with PASSEND_WITH_XLSX=OFF, installed: its package links no libxlsxwriter, a
# consumer compiles and links without it (pkg-config finding nothing), and a workbook asked for
# is a clear error.
#   cmake -DSOURCE=repo -DWORK=dir -DGENERATOR=Ninja -DBUILD_TYPE=... -DLAUNCHER=ccache -P without_xlsx.cmake
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc})")
  endif()
endfunction()
set(prefix ${WORK}/prefix)
run("configuring passend with PASSEND_WITH_XLSX=OFF"
    ${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/build -G ${GENERATOR} -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER} -DPASSEND_WITH_XLSX=OFF -DPASSEND_INSTALL=ON
    -DPASSEND_BUILD_TESTS=OFF -DPASSEND_BUILD_CLI=OFF -DPASSEND_BUILD_C=OFF
    -DPASSEND_BUILD_BENCHMARKS=OFF -DPASSEND_BUILD_EXAMPLES=OFF)
run("building it" ${CMAKE_COMMAND} --build ${WORK}/build)
run("installing it" ${CMAKE_COMMAND} --install ${WORK}/build --prefix ${prefix})
# The link interface names no libxlsxwriter ...
file(GLOB targets_files ${prefix}/lib*/cmake/passend/passendTargets*.cmake)
foreach(f ${targets_files})
  file(READ ${f} text)
  if(text MATCHES "XLSXWRITER|xlsxwriter")
    message(FATAL_ERROR "${f} still links libxlsxwriter")
  endif()
endforeach()
# ... and the package does not look for it: pkg-config finds no package at all here, so a
# pkg_check_modules(xlsxwriter REQUIRED) would fail.
file(MAKE_DIRECTORY ${WORK}/no-pkg-config)
set(ENV{PKG_CONFIG_LIBDIR} ${WORK}/no-pkg-config)
set(ENV{PKG_CONFIG_PATH} "")
run("building the consumer"
    ${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/without_xlsx -B ${WORK}/consumer -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix})
run("linking the consumer" ${CMAKE_COMMAND} --build ${WORK}/consumer)
run("running the consumer" ${WORK}/consumer/consumer_without_xlsx)
