// SPDX-License-Identifier: EUPL-1.2
// passend._core: the compiled half of the passend package. The public API is python/passend,
// which wraps these functions in Python style; nothing here is meant to be imported directly.
#include "common.hpp"

#include "passend/kpi/publish.hpp"
#include "passend/version.hpp"

namespace passend::python {

py::tuple to_python(const diagnostic& d) {
    return py::make_tuple(d.level == severity::error ? "error" : "warning", d.file, d.line,
                          d.column, d.rule, d.message);
}

py::list to_python(const std::vector<diagnostic>& diagnostics) {
    py::list out;
    for (const auto& d : diagnostics) out.append(to_python(d));
    return out;
}

py::tuple to_python(load_result result) {
    py::object ds = py::none();
    if (result.data) ds = py::cast(dataset_handle{std::move(result.data)});
    return py::make_tuple(ds, to_python(result.diagnostics));
}

} // namespace passend::python

PYBIND11_MODULE(_core, m) {
    using namespace passend::python;
    m.doc() = "passend's compiled core (private: use the passend package)";
    m.attr("__version__") = passend::version_string;
    // passend::error and its subclasses (load_error aside, which loaders return as diagnostics)
    // become passend.Error; std::invalid_argument and friends keep pybind11's ValueError etc.
    const auto base = py::register_exception<passend::error>(m, "Error");
    base.attr("__module__") = "passend";
    // A selection of KPIs, units or years that the data or catalog does not hold.
    py::register_exception<passend::selection_error>(m, "SelectionError", base).attr("__module__") =
        "passend";
    register_dataset(m);
    register_frames(m);
    register_plan(m);
    register_monitor(m);
    register_coverage(m);
    register_import(m);
    register_arrow(m);
#ifdef PASSEND_PYTHON_FLOWS
    register_flows(m);
#endif
#ifdef PASSEND_PYTHON_KPIS
    register_kpis(m);
#endif
}
