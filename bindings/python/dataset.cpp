// SPDX-License-Identifier: EUPL-1.2
// The dataset handle: loading (folder, JSON, demo), introspection and writing back.
#include "common.hpp"

#include "passend/demo.hpp"
#include "passend/load.hpp"
#include "passend/snapshot.hpp"

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace passend::python {

namespace {

/// Run a loader without the GIL and hand its result to Python.
template <class Load>
py::tuple load_released(Load&& load) {
    load_result result;
    {
        py::gil_scoped_release release;
        result = load();
    }
    return to_python(std::move(result));
}

py::dict table_sizes(const dataset& ds) {
    py::dict out;
    for (const auto& t : all_tables()) {
        if (t.id == table::swvs || t.id == table::boards || ds.has_table(t.id))
            out[py::str(std::string(t.name))] = ds.rows(t.id);
    }
    return out;
}

std::string id_or_empty(const text_column& ids, std::uint32_t i) {
    return i == 0xFFFFFFFFu ? std::string() : std::string(ids[i]);
}

/// A text column as a list of str, each made from the column's bytes (no std::string between).
py::list texts_of(const text_column& column) {
    py::list out(column.size());
    for (std::size_t i = 0; i < column.size(); ++i) {
        const auto text = column[i];
        out[i] = py::str(text.data(), text.size());
    }
    return out;
}

} // namespace

load_options load_options_of(std::size_t max_errors, const std::optional<std::string>& as_of) {
    load_options o{max_errors};
    if (!as_of) return o;
    o.as_of = parse_day(*as_of);
    if (!o.as_of) throw py::value_error("as_of '" + *as_of + "' is not a date like 2025-03-15");
    return o;
}

table_set table_set_of(const std::vector<std::string>& names) {
    table_set out;
    for (const auto& n : names) {
        const auto t = find_table(n);
        if (!t) throw py::value_error("no table named '" + n + "' in the contract");
        out.insert(*t);
    }
    return out;
}

std::vector<std::string> names_of(table_set tables) {
    std::vector<std::string> out;
    for (const auto t : tables.list()) out.emplace_back(spec(t).name);
    return out;
}

school_year school_year_argument(const py::handle& value, const char* argument) {
    std::optional<school_year> year;
    if (py::isinstance<py::str>(value)) {
        year = school_year::parse_option(value.cast<std::string>());
    } else if (!py::isinstance<py::bool_>(value) && PyIndex_Check(value.ptr())) {
        // An int, or anything an int stands for (numpy.int64); a huge one is simply out of range.
        const py::int_ number(py::reinterpret_borrow<py::object>(value));
        int overflow = 0;
        const long long start = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
        if (overflow == 0 && start >= school_year::min_start_year &&
            start <= school_year::max_start_year)
            year = school_year{static_cast<int>(start)};
    }
    if (year) return *year;
    throw py::value_error(std::string(argument) + " " + py::repr(value).cast<std::string>() +
                          " is not a school year: give it as 2024 or '2024-2025', its first year "
                          "within " +
                          std::to_string(school_year::min_start_year) + "-" +
                          std::to_string(school_year::max_start_year));
}

std::optional<school_year> optional_school_year_argument(const py::object& value,
                                                         const char* argument) {
    if (value.is_none()) return std::nullopt;
    return school_year_argument(value, argument);
}

void register_dataset(py::module_& m) {
    py::class_<dataset_handle>(m, "Dataset", "A validated, immutable set of records")
        .def(
            "table_sizes", [](const dataset_handle& h) { return table_sizes(*h.data); },
            "Rows per table the dataset holds (partnerships and boards always; other optional "
            "tables when given).")
        .def("has_table",
             [](const dataset_handle& h, const std::string& name) {
                 const auto t = find_table(name);
                 if (!t) throw py::value_error("no table named '" + name + "' in the contract");
                 return h.data->has_table(*t);
             })
        .def(
            "tables_left_out",
            [](const dataset_handle& h) { return names_of(h.data->tables_left_out()); },
            "The tables a partial load left out (not read), in contract order.")
        .def(
            "school_years",
            [](const dataset_handle& h) {
                std::vector<int> out;
                for (auto y : h.data->school_years()) out.push_back(y.start_year());
                return out;
            },
            "Start years of the school years reported (each teldatum on or before the extract "
            "date), oldest first.")
        .def(
            "horizon",
            [](const dataset_handle& h) { return h.data->horizon().time_since_epoch().count(); },
            "The extract date (the last day the data speaks of), in days since 1970-01-01.")
        .def(
            "extract_date",
            [](const dataset_handle& h) {
                return py::make_tuple(h.data->extract_date().time_since_epoch().count(),
                                      std::string(to_string(h.data->extract_date_origin())),
                                      h.data->exported_by());
            },
            "(days since 1970-01-01, origin `option`|`file`|`derived`, extract.csv's source).")
        .def("warnings", [](const dataset_handle& h) { return to_python(h.data->warnings()); })
        .def("write_folder",
             [](const dataset_handle& h, const std::filesystem::path& dir) {
                 py::gil_scoped_release release;
                 write_folder(*h.data, dir);
             })
        .def("save_snapshot",
             [](const dataset_handle& h, const std::filesystem::path& file) {
                 py::gil_scoped_release release;
                 save_snapshot(*h.data, file);
             })
        .def("to_json",
             [](const dataset_handle& h) {
                 py::gil_scoped_release release;
                 return to_json(*h.data);
             })
        .def(
            "swvs",
            [](const dataset_handle& h) {
                const auto& s = h.data->swvs();
                std::vector<std::string> sectors;
                for (auto x : s.sector_of) sectors.emplace_back(to_string(x));
                py::dict out;
                out["swv_id"] = texts_of(s.id);
                out["name"] = texts_of(s.name);
                out["sector"] = sectors;
                return out;
            },
            "The partnerships as columns: swv_id, name, sector.")
        .def(
            "schools",
            [](const dataset_handle& h) {
                const auto& ds = *h.data;
                const auto& s = ds.schools();
                std::vector<std::string> board, swv, kind, municipality;
                for (std::size_t i = 0; i < s.size(); ++i) {
                    board.push_back(id_or_empty(ds.boards().id, pos(s.board[i])));
                    swv.push_back(id_or_empty(ds.swvs().id, pos(s.swv[i])));
                    kind.emplace_back(to_string(s.kind[i]));
                    municipality.push_back(
                        id_or_empty(ds.municipalities().code, pos(s.municipality[i])));
                }
                py::dict out;
                out["school_id"] = texts_of(s.id);
                out["name"] = texts_of(s.name);
                out["board_id"] = board;
                out["swv_id"] = swv;
                out["setting"] = kind;
                out["municipality"] = municipality;
                return out;
            },
            "The schools as columns: school_id, name, board_id, swv_id, setting, municipality.");

    m.def(
        "contract",
        [] {
            static constexpr const char* type_names[] = {"text",  "date", "integer", "amount",
                                                         "score", "code", "year",    "number"};
            py::list out;
            for (const auto& t : all_tables()) {
                py::list columns;
                for (const auto& c : t.columns)
                    columns.append(py::make_tuple(
                        std::string(c.name), type_names[static_cast<int>(c.type)], c.required));
                out.append(py::make_tuple(std::string(t.name), t.required, columns));
            }
            return out;
        },
        "The input contract: [(table, required, [(column, type, required)])].");
    m.def(
        "load_folder",
        [](const std::filesystem::path& dir, std::size_t max_errors,
           const std::optional<std::string>& as_of,
           const std::optional<std::vector<std::string>>& tables) {
            auto options = load_options_of(max_errors, as_of);
            if (tables) options.tables = table_set_of(*tables);
            // a snapshot file too: the library's one dispatch on what a path names
            return load_released([&] { return load_path(dir, options); });
        },
        py::arg("dir"), py::arg("max_errors"), py::arg("as_of") = py::none(),
        py::arg("tables") = py::none(),
        "Load a folder of contract CSV files or a snapshot file: (Dataset or None, diagnostics).");
    m.def(
        "open_snapshot",
        [](const std::filesystem::path& file) {
            return load_released([&] { return load_snapshot(file); });
        },
        py::arg("file"), "Open a snapshot file: (Dataset or None, diagnostics).");
    m.def(
        "load_json",
        [](const std::string& text, const std::string& source, std::size_t max_errors,
           const std::optional<std::string>& as_of) {
            const auto options = load_options_of(max_errors, as_of);
            return load_released([&] { return load_json(text, source, options); });
        },
        py::arg("text"), py::arg("source"), py::arg("max_errors"), py::arg("as_of") = py::none(),
        "Load one contract JSON document: (Dataset or None, diagnostics).");
    m.def(
        "school_year",
        [](const py::object& value, const std::string& argument) {
            return school_year_argument(value, argument.c_str()).start_year();
        },
        py::arg("value"), py::arg("argument"),
        "The start year of a school year given as 2024 or '2024-2025' (ValueError naming the "
        "argument otherwise).");
    m.def(
        "make_demo",
        [](std::uint64_t pupils, int years, const py::object& last_year, int partnerships,
           std::uint64_t seed, bool national, const std::optional<std::string>& as_of) {
            demo_options o = national ? demo_options::national() : demo_options{};
            o.extract_date = load_options_of(0, as_of).as_of; // the demo exported on that day
            if (pupils) o.pupils = pupils;
            if (years) o.years = years;
            if (const auto last = optional_school_year_argument(last_year, "last_year"))
                o.last_year = last->start_year();
            if (partnerships >= 0) o.partnerships = partnerships;
            o.seed = seed;
            dataset_ptr ds;
            {
                py::gil_scoped_release release;
                ds = make_demo(o);
            }
            return dataset_handle{std::move(ds)};
        },
        py::arg("pupils"), py::arg("years"), py::arg("last_year"), py::arg("partnerships"),
        py::arg("seed"), py::arg("national"), py::arg("as_of") = py::none(),
        "The built-in demo region (0, -1 or None keeps a default).");
}

} // namespace passend::python
