// SPDX-License-Identifier: EUPL-1.2
// Shared by the pieces of passend._core: the dataset handle and diagnostics as Python values.
#pragma once

#include "passend/builder.hpp"
#include "passend/calendar.hpp"
#include "passend/dataset.hpp"
#include "passend/error.hpp"

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <vector>

namespace passend::python {

namespace py = pybind11;

/// The handle Python holds: an immutable dataset shared with any computation running on it.
struct dataset_handle {
    dataset_ptr data;
};

/// A diagnostic as the tuple passend.Diagnostic is made of:
/// (severity, file, line, column, rule, message).
py::tuple to_python(const diagnostic& d);
py::list to_python(const std::vector<diagnostic>& diagnostics);

/// Load options from Python's arguments: `as_of` an ISO date or None (ValueError when malformed).
load_options load_options_of(std::size_t max_errors, const std::optional<std::string>& as_of);

/// Tables by their contract names (ValueError for a name not in the contract), and back.
table_set table_set_of(const std::vector<std::string>& names);
std::vector<std::string> names_of(table_set tables);

/// A school year as Python names one, read as the CLI reads `--year`
/// (school_year::parse_option): an int such as 2024 (numpy's too) or a str "2024-2025" or
/// "2024", its first year 1900-2200. Anything else raises ValueError naming `argument` and the
/// rule.
school_year school_year_argument(const py::handle& value, const char* argument);
/// The same, None giving nullopt.
std::optional<school_year> optional_school_year_argument(const py::object& value,
                                                         const char* argument);

/// (Dataset or None, [diagnostic tuples]); Python raises LoadError when there is no dataset.
/// Call with the GIL held.
py::tuple to_python(load_result result);

void register_dataset(py::module_& m);
void register_frames(py::module_& m);
void register_kpis(py::module_& m);
void register_arrow(py::module_& m);
void register_flows(py::module_& m);
void register_plan(py::module_& m);
void register_monitor(py::module_& m);
void register_coverage(py::module_& m);
void register_import(py::module_& m);

} // namespace passend::python
