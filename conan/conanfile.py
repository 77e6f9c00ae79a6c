# SPDX-License-Identifier: EUPL-1.2
"""Conan 2 recipe for passend: the same CMake build, handing out the same targets
(passend::passend, passend::c) as `find_package(passend)` after `cmake --install`.

    conan create conan/ --build=missing

Dependencies come from ConanCenter here; the project's own build uses Debian's packages.
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
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_c_api": [True, False], "with_cli": [True, False]}
    # date-tz reads the OS tz database (named zones of Arrow timestamps), never downloads one
    default_options = {"with_c_api": True, "with_cli": True, "date/*:use_system_tz_db": True}
    exports_sources = "../CMakeLists.txt", "../LICENSE", "../cmake/*", "../include/*", \
        "../src/*", "../bindings/c/*", "../catalog/*", "../plans/*"

    def requirements(self):
        self.requires("date/3.0.1")
        self.requires("nlohmann_json/3.11.3")
        self.requires("fmt/10.2.1")
        self.requires("eigen/3.4.0")
        self.requires("pugixml/1.14")
        self.requires("openssl/3.2.2")
        if self.options.with_cli:
            self.requires("cli11/2.4.1")

    def layout(self):
        cmake_layout(self, src_folder="..")

    def generate(self):
        CMakeDeps(self).generate()
        tc = CMakeToolchain(self)
        tc.variables["PASSEND_BUILD_TESTS"] = False
        tc.variables["PASSEND_BUILD_BENCHMARKS"] = False
        tc.variables["PASSEND_BUILD_EXAMPLES"] = False
        tc.variables["PASSEND_BUILD_C"] = bool(self.options.with_c_api)
        tc.variables["PASSEND_BUILD_CLI"] = bool(self.options.with_cli)
        tc.variables["PASSEND_INSTALL"] = True
        tc.generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        CMake(self).install()
        copy(self, "LICENSE*", self.source_folder, os.path.join(self.package_folder, "licenses"))

    def package_info(self):
        # Let consumers use the exported CMake package (targets passend::passend, passend::c).
        self.cpp_info.set_property("cmake_find_mode", "none")
        self.cpp_info.builddirs = [os.path.join("lib", "cmake", "passend")]
