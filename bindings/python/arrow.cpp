// SPDX-License-Identifier: EUPL-1.2
// Arrow in: any table implementing the Arrow PyCapsule interface (__arrow_c_stream__: pyarrow,
// polars, DuckDB, pandas >= 2.2) through the C ABI's Arrow import (passend.h), whose sources are
// compiled into this module so that the dataset it builds is this module's own.
#include "common.hpp"

#ifdef PASSEND_PYTHON_ARROW
#include "capi.hpp"

#include <pybind11/stl.h>

#include <memory>

namespace passend::python {

namespace {

struct appender_free {
    void operator()(passend_appender* a) const noexcept { passend_appender_free(&a); }
};
struct diagnostics_free {
    void operator()(passend_diagnostics* d) const noexcept { passend_diagnostics_free(&d); }
};

/// Take the stream out of a capsule: the capsule's destructor then finds it released.
ArrowArrayStream take_stream(const std::string& table, const py::object& capsule) {
    auto* src =
        static_cast<ArrowArrayStream*>(PyCapsule_GetPointer(capsule.ptr(), "arrow_array_stream"));
    if (!src) throw py::error_already_set();
    if (!src->release) throw py::value_error(table + ": the Arrow stream was already consumed");
    ArrowArrayStream stream = *src;
    src->release = nullptr;
    return stream;
}

} // namespace

void register_arrow(py::module_& m) {
    m.def(
        "load_arrow",
        [](const py::list& tables, std::uint64_t max_errors,
           const std::optional<std::string>& as_of) {
            passend_load_options options = PASSEND_LOAD_OPTIONS_INIT;
            options.max_errors = max_errors;
            options.as_of = as_of ? as_of->c_str() : nullptr;
            passend_appender* raw = nullptr;
            if (passend_appender_create(&options, &raw) != PASSEND_OK)
                throw passend::error("passend_appender_create failed");
            std::unique_ptr<passend_appender, appender_free> app(raw);

            for (const auto& item : tables) {
                const auto entry = item.cast<py::tuple>();
                const auto name = entry[0].cast<std::string>();
                // Export each table just before reading it: a DuckDB connection runs one query
                // at a time, so its relations cannot all be open at once.
                ArrowArrayStream stream = take_stream(name, entry[1].attr("__arrow_c_stream__")());
                passend_status status;
                {
                    py::gil_scoped_release release;
                    status = passend_appender_append_arrow(app.get(), name.c_str(), &stream);
                }
                // Bad rows and missing or mistyped columns are diagnostics that finish reports.
                if (status != PASSEND_OK && status != PASSEND_INVALID_DATA)
                    throw passend::error(name + ": " + passend_appender_error(app.get()));
            }

            passend_dataset* ds = nullptr;
            passend_diagnostics* diags_raw = nullptr;
            {
                py::gil_scoped_release release;
                passend_appender_finish(app.get(), &ds, &diags_raw);
            }
            std::unique_ptr<passend_diagnostics, diagnostics_free> diags(diags_raw);
            py::object handle = py::none();
            if (ds) {
                handle = py::cast(dataset_handle{ds->data});
                passend_dataset_free(&ds);
            }
            return py::make_tuple(handle,
                                  to_python(diags ? diags->items : std::vector<diagnostic>{}));
        },
        py::arg("tables"), py::arg("max_errors"), py::arg("as_of") = py::none(),
        "Build a dataset from [(table, object with __arrow_c_stream__)]: (Dataset or None, "
        "diagnostics).");
}

} // namespace passend::python
#endif
