// SPDX-License-Identifier: EUPL-1.2
// Arrow in: any table implementing the Arrow PyCapsule interface (__arrow_c_stream__: pyarrow,
// polars, DuckDB, pandas >= 2.2) through the core's Arrow import (passend/io/arrow.hpp).
#include "common.hpp"

#include "passend/io/arrow.hpp"

#include <pybind11/stl.h>

namespace passend::python {

namespace {

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

/// Release a stream the import did not take over.
struct stream_owner {
    ArrowArrayStream stream{};
    ~stream_owner() {
        if (stream.release) stream.release(&stream);
    }
};

} // namespace

void register_arrow(py::module_& m) {
    m.def(
        "load_arrow",
        [](const py::list& tables, std::size_t max_errors,
           const std::optional<std::string>& as_of) {
            dataset_builder b(load_options_of(max_errors, as_of));
            std::uint64_t rows[table_count] = {};
            for (const auto& item : tables) {
                const auto entry = item.cast<py::tuple>();
                const auto name = entry[0].cast<std::string>();
                const auto t = find_table(name);
                if (!t) throw py::value_error("no table named '" + name + "' in the contract");
                // Export each table just before reading it: a DuckDB connection runs one query
                // at a time, so its relations cannot all be open at once.
                stream_owner owned{take_stream(name, entry[1].attr("__arrow_c_stream__")())};
                try {
                    py::gil_scoped_release release;
                    // Bad rows and missing or mistyped columns are diagnostics finish() reports.
                    (void)append_arrow(b, *t, owned.stream, rows[static_cast<std::size_t>(*t)]);
                } catch (const passend::error& e) {
                    throw passend::error(name + ": " + e.what());
                }
            }
            load_result result;
            {
                py::gil_scoped_release release;
                result = b.finish();
            }
            return to_python(std::move(result));
        },
        py::arg("tables"), py::arg("max_errors"), py::arg("as_of") = py::none(),
        "Build a dataset from [(table, object with __arrow_c_stream__)]: (Dataset or None, "
        "diagnostics).");
}

} // namespace passend::python
