// SPDX-License-Identifier: EUPL-1.2
// passend._core's import of schools' exports (UWLR, OSO): thin wrappers over
// passend::import_exports and import_to_folder.
#include "common.hpp"

#include "passend/import/import.hpp"
#include "passend/import/pseudonym.hpp"

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>
#include <vector>

namespace passend::python {

namespace {

using paths = std::vector<std::filesystem::path>;

struct import_call {
    export_format format;
    import_options options;
};

import_call prepare(const std::string& format, const std::filesystem::path& secret_file,
                    const std::optional<std::filesystem::path>& schools,
                    std::uint64_t max_file_bytes, std::size_t max_errors) {
    const auto f = parse_export_format(format);
    if (!f) throw error("format '" + format + "' is not uwlr or oso");
    import_call c{*f, {}};
    c.options.secret = read_secret_file(secret_file);
    c.options.schools = schools;
    if (max_file_bytes) c.options.max_file_bytes = max_file_bytes;
    c.options.load.max_errors = max_errors;
    return c;
}

} // namespace

void register_import(py::module_& m) {
    m.def(
        "import_exports",
        [](const std::string& format, const paths& files, const std::filesystem::path& secret_file,
           const std::optional<std::filesystem::path>& schools, std::uint64_t max_file_bytes,
           std::size_t max_errors) {
            const auto c = prepare(format, secret_file, schools, max_file_bytes, max_errors);
            load_result result;
            {
                py::gil_scoped_release release;
                result = import_exports(c.format, files, c.options);
            }
            return to_python(std::move(result));
        },
        py::arg("format"), py::arg("files"), py::arg("secret_file"), py::arg("schools"),
        py::arg("max_file_bytes"), py::arg("max_errors"),
        "Read UWLR or OSO exports: (Dataset or None, diagnostics).");
    m.def(
        "import_to_folder",
        [](const std::string& format, const paths& files, const std::filesystem::path& secret_file,
           const std::optional<std::filesystem::path>& schools, std::uint64_t max_file_bytes,
           const std::filesystem::path& out) {
            const auto c = prepare(format, secret_file, schools, max_file_bytes, 0);
            std::vector<diagnostic> diagnostics;
            bool ok = true;
            {
                py::gil_scoped_release release;
                try {
                    diagnostics = import_to_folder(c.format, files, c.options, out);
                } catch (const load_error& e) {
                    ok = false;
                    diagnostics = e.diagnostics();
                }
            }
            return py::make_tuple(ok, to_python(diagnostics));
        },
        py::arg("format"), py::arg("files"), py::arg("secret_file"), py::arg("schools"),
        py::arg("max_file_bytes"), py::arg("out"),
        "Read UWLR or OSO exports into a contract folder: (written, diagnostics).");
}

} // namespace passend::python
