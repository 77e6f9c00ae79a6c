# SPDX-License-Identifier: EUPL-1.2
# The WebAssembly build (emscripten): C++ exceptions on (em++ ignores them by default, and every
# located error of a load is one), and the dependencies: header-only libraries from Debian's
# headers.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)
#
# Their CMake packages cannot be used as they are: they name /usr/include, whose glibc headers
# must not reach em++, and fmt's names the native libfmt.so. So each library's own directory is
# linked into one include directory in the build tree, and each target is declared here, fmt as
# header-only (FMT_HEADER_ONLY).
set(PASSEND_WASM_INCLUDE ${PROJECT_BINARY_DIR}/wasm-include)
file(MAKE_DIRECTORY ${PASSEND_WASM_INCLUDE})
foreach(dir IN ITEMS fmt nlohmann date eigen3/Eigen)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "passend (wasm): /usr/include/${dir} is missing; run scripts/setup.sh")
  endif()
  get_filename_component(name ${dir} NAME)
  file(CREATE_LINK /usr/include/${dir} ${PASSEND_WASM_INCLUDE}/${name} SYMBOLIC)
endforeach()

# xxhash (the snapshot's checksum) is a plain C header in /usr/include itself: link the file.
foreach(header IN ITEMS xxhash.h xxh3.h)
  file(CREATE_LINK /usr/include/${header} ${PASSEND_WASM_INCLUDE}/${header} SYMBOLIC)
endforeach()
set(PASSEND_XXHASH_INCLUDE_DIR ${PASSEND_WASM_INCLUDE} CACHE PATH "xxhash.h for the wasm build")

function(passend_wasm_header_library target)
  add_library(${target} INTERFACE IMPORTED)
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${PASSEND_WASM_INCLUDE})
endfunction()
passend_wasm_header_library(date::date)
passend_wasm_header_library(nlohmann_json::nlohmann_json)
passend_wasm_header_library(Eigen3::Eigen)
passend_wasm_header_library(fmt::fmt)
set_property(TARGET fmt::fmt PROPERTY INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)
