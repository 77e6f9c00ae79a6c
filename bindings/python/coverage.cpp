// SPDX-License-Identifier: EUPL-1.2
// The covering network as JSON (the library's make_coverage() and coverage_json(), the code
// behind `passend coverage --format json`); the Python package parses it.
#include "common.hpp"

#include "passend/coverage/coverage.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <string>

namespace passend::python {

void register_coverage(py::module_& m) {
    m.def(
        "coverage",
        [](const dataset_handle& h, const py::object& year, const std::optional<std::string>& unit,
           bool suppressed) {
            coverage_options o;
            o.year = optional_school_year_argument(year, "year");
            if (unit) o.unit = *unit;
            coverage_privacy privacy;
            privacy.suppress = suppressed;
            py::gil_scoped_release release;
            return coverage_json(make_coverage(*h.data, o), privacy);
        },
        py::arg("dataset"), py::arg("year"), py::arg("unit"), py::arg("suppress"),
        "The covering network as JSON (raises passend.Error for a unit that is not a partnership "
        "or a year the data do not report).");
}

} // namespace passend::python
