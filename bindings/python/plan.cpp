// SPDX-License-Identifier: EUPL-1.2
// Focus plans: a plan evaluated on a dataset as passend-plan-1 JSON (the library's
// evaluate_plan() and plan_json(), the code behind `passend plan --format json`); the Python
// package turns it into a DataFrame.
#include "common.hpp"

#include "passend/cycle/plan.hpp"
#include "passend/cycle/plan_report.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <string>

namespace passend::python {

void register_plan(py::module_& m) {
    m.def(
        "plan",
        [](const dataset_handle& h, const std::string& text, const std::string& source,
           const py::object& year, bool suppressed, const std::string& subject) {
            plan_evaluation_options o;
            o.source = source;
            o.year = optional_school_year_argument(year, "year");
            o.suppress = suppressed;
            o.subject = subject;
            std::string json;
            std::vector<diagnostic> diagnostics;
            {
                py::gil_scoped_release release;
                auto parsed = parse_plan(text, source);
                if (parsed.ok()) {
                    const auto plan = std::move(parsed).value();
                    try {
                        const auto evaluation = evaluate_plan(*h.data, plan, o);
                        json = evaluation.json();
                        diagnostics = evaluation.warnings;
                    } catch (const year_not_covered& e) {
                        if (o.year) throw error(std::string("year ") + e.what());
                        throw;
                    }
                } else {
                    diagnostics = std::move(parsed.diagnostics);
                }
            }
            py::object out = json.empty() ? py::object(py::none()) : py::object(py::str(json));
            return py::make_tuple(out, to_python(diagnostics));
        },
        py::arg("dataset"), py::arg("plan"), py::arg("source"), py::arg("year"),
        py::arg("suppress"), py::arg("subject"),
        "Evaluate a focus plan: (passend-plan-1 JSON or None, diagnostics: the plan's errors, "
        "or warnings with the JSON).");
}

} // namespace passend::python
