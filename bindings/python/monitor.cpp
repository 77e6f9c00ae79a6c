// SPDX-License-Identifier: EUPL-1.2
// The partnership's monitor as passend-monitor JSON (the library's make_monitor() and
// monitor_json(), the code behind `passend monitor --format json`); the Python package turns it
// into DataFrames.
#include "common.hpp"

#include "passend/monitor/monitor.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

namespace passend::python {

void register_monitor(py::module_& m) {
    m.def(
        "monitor",
        [](const dataset_handle& h, const std::optional<std::string>& on,
           const std::vector<std::string>& units, bool suppressed, const std::string& view,
           int tlv_term_days, const std::string& subject) {
            monitor_options o;
            if (on) {
                o.on = parse_day(*on);
                if (!o.on)
                    throw py::value_error("day: expected a date like 2025-03-15, got '" + *on +
                                          "'");
            }
            if (view != "paying" && view != "schoolgaand")
                throw py::value_error("view: 'paying' or 'schoolgaand', not '" + view + "'");
            if (tlv_term_days < 0 || tlv_term_days > 3660)
                throw py::value_error("tlv_term_days: 0 to 3660 days, not " +
                                      std::to_string(tlv_term_days));
            o.units = units;
            o.suppress = suppressed;
            o.view = view == "paying" ? attribution_view::paying : attribution_view::schoolgaand;
            o.tlv_term_days = tlv_term_days;
            monitor_format_options fo;
            fo.subject = subject;
            py::gil_scoped_release release;
            return monitor_json(make_monitor(*h.data, o), fo);
        },
        py::arg("dataset"), py::arg("day"), py::arg("units"), py::arg("suppress"), py::arg("view"),
        py::arg("tlv_term_days"), py::arg("subject"),
        "The partnership's monitor on a day as passend-monitor JSON (raises passend.Error for a "
        "day after the extract date or a unit that is not a partnership).");
}

} // namespace passend::python
