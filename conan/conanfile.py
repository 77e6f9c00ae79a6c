# SPDX-License-Identifier: EUPL-1.2
"""Conan 2 recipe for passend: the same CMake build, handing out the same targets
(passend::passend, passend::c) as `find_package(passend)` after `cmake --install`.

    conan create conan/ --build=missing                                   # deps from ConanCenter
    conan create conan/ -pr:a conan/profiles/debian12 -nr --build=missing # Debian's, offline

The requirements are every package CMakeLists.txt finds. With the debian12 profile they are
`[platform_requires]`: taken from the system (Debian's -dev packages), nothing downloaded.
"""
import os

from conan import ConanFile
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy


class PassendConan(ConanFile):
    name = "passend"
    version = "0.1.0"
    license = "EUPL-1.2"
    description = "Passend onderwijs: support continuum, referral flows and KPIs"
    url = "https://github.com/passend/passend"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_c_api": [True, False], "with_cli": [True, False]}
    # date-tz reads the OS tz database (named zones of Arrow timestamps), never downloads one
    default_options = {"with_c_api": True, "with_cli": True, "date/*:use_system_tz_db": True}

    def export_sources(self):
        # The recipe lives in conan/; the build is the repository's own CMakeLists.txt.
        root = os.path.join(self.recipe_folder, "..")
        for pattern in ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*",
                        "bindings/c/*", "catalog/*"):
            copy(self, pattern, root, self.export_sources_folder)

    def requirements(self):
        # Ranges that Debian 12's packages (conan/profiles/debian12) and ConanCenter both meet.
        self.requires("date/[>=3.0.1 <4]", transitive_headers=True)
        self.requires("nlohmann_json/[>=3.10 <4]", transitive_headers=True)
        self.requires("eigen/[>=3.4 <4]", transitive_headers=True)
        self.requires("fmt/[>=9 <12]")
        self.requires("libxlsxwriter/[>=1.1 <2]")
        self.requires("pugixml/[>=1.13 <2]")
        self.requires("openssl/[>=3 <4]")
        self.requires("xxhash/[>=0.8 <0.9]")  # header only here (XXH_INLINE_ALL): snapshots
        if self.options.with_cli:
            self.requires("cli11/[>=2.1 <3]")

    def layout(self):
        cmake_layout(self)

    def generate(self):
        CMakeDeps(self).generate()
        tc = CMakeToolchain(self)
        if self.settings.os == "Linux" and self.settings.arch == "x86_64":
            # -m64 is the compiler's default here; without it the objects are the project's own
            # build's (same flags with build_type RelWithDebInfo), so ccache shares them.
            tc.blocks.remove("arch_flags")
        tc.cache_variables["PASSEND_BUILD_TESTS"] = False
        tc.cache_variables["PASSEND_BUILD_BENCHMARKS"] = False
        tc.cache_variables["PASSEND_BUILD_EXAMPLES"] = False
        tc.cache_variables["PASSEND_BUILD_C"] = bool(self.options.with_c_api)
        tc.cache_variables["PASSEND_BUILD_CLI"] = bool(self.options.with_cli)
        tc.cache_variables["PASSEND_INSTALL"] = True
        tc.generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        CMake(self).install()
        copy(self, "LICENSE*", self.source_folder, os.path.join(self.package_folder, "licenses"))

    def package_info(self):
        # Consumers use the exported CMake package (targets passend::passend, passend::c) and
        # the pkg-config file of the C library (lib/pkgconfig/passend.pc).
        self.cpp_info.set_property("cmake_find_mode", "none")
        self.cpp_info.builddirs = [os.path.join("lib", "cmake", "passend")]
