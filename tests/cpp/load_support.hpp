// SPDX-License-Identifier: EUPL-1.2
// Helpers for the loader tests: temporary folders of CSV text, diagnostics as text, and a
// column-by-column comparison of two datasets.
#pragma once

#include "passend/load.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

// Lists of texts print in full when a check fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (const auto& s : v) out += "\n  \"" + s + "\"";
        return (out + "}").c_str();
    }
};
template <>
struct StringMaker<std::vector<std::vector<std::string>>> {
    static String convert(const std::vector<std::vector<std::string>>& v) {
        std::string out;
        for (const auto& r : v) out += StringMaker<std::vector<std::string>>::convert(r).c_str();
        return out.c_str();
    }
};
} // namespace doctest

namespace passend::test {

namespace fs = std::filesystem;

inline fs::path data_dir() {
    return PASSEND_TEST_DATA;
}

/// A fresh folder under the system's temporary directory, removed when it goes out of scope.
class temp_folder {
public:
    temp_folder() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                ("passend-load-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    /// A copy of a folder under tests/data.
    explicit temp_folder(std::string_view fixture) : temp_folder() {
        for (const auto& e : fs::directory_iterator(data_dir() / fixture))
            fs::copy_file(e.path(), path_ / e.path().filename());
    }
    ~temp_folder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    temp_folder(const temp_folder&) = delete;
    temp_folder& operator=(const temp_folder&) = delete;

    const fs::path& path() const { return path_; }
    /// Write (or overwrite) a file; the text is written byte for byte.
    temp_folder& write(const std::string& name, std::string_view text) {
        std::ofstream out(path_ / name, std::ios::binary);
        out << text;
        return *this;
    }
    /// Add lines at the end of a file.
    temp_folder& append(const std::string& name, std::string_view text) {
        std::ofstream out(path_ / name, std::ios::binary | std::ios::app);
        out << text;
        return *this;
    }
    temp_folder& remove(const std::string& name) {
        fs::remove(path_ / name);
        return *this;
    }

private:
    fs::path path_;
};

/// Every diagnostic in compiler form.
inline std::vector<std::string> messages(const load_result& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(to_string(d));
    return out;
}

/// Only the errors, in compiler form.
inline std::vector<std::string> errors(const load_result& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics)
        if (d.level == severity::error) out.push_back(to_string(d));
    return out;
}

inline std::vector<std::string> lines(std::initializer_list<const char*> l) {
    return {l.begin(), l.end()};
}

/// Every column of every table, and what the dataset derives (regions, horizon), are equal.
inline void check_same(const dataset& a, const dataset& b) {
#define PASSEND_SAME(tbl, col) CHECK_MESSAGE((a.tbl().col == b.tbl().col), #tbl "." #col " differ")
    PASSEND_SAME(swvs, id);
    PASSEND_SAME(swvs, name);
    PASSEND_SAME(swvs, sector_of);
    PASSEND_SAME(boards, id);
    PASSEND_SAME(boards, name);
    PASSEND_SAME(municipalities, code);
    PASSEND_SAME(municipalities, po_swv);
    PASSEND_SAME(municipalities, vo_swv);
    PASSEND_SAME(schools, id);
    PASSEND_SAME(schools, name);
    PASSEND_SAME(schools, board);
    PASSEND_SAME(schools, swv);
    PASSEND_SAME(schools, kind);
    PASSEND_SAME(schools, municipality);
    PASSEND_SAME(pupils, id);
    PASSEND_SAME(pupils, birth_date);
    PASSEND_SAME(pupils, municipality);
    PASSEND_SAME(enrolments, pupil);
    PASSEND_SAME(enrolments, school);
    PASSEND_SAME(enrolments, start);
    PASSEND_SAME(enrolments, end);
    PASSEND_SAME(enrolments, grade);
    PASSEND_SAME(enrolments, exit);
    PASSEND_SAME(enrolments, first);
    PASSEND_SAME(tlvs, id);
    PASSEND_SAME(tlvs, pupil);
    PASSEND_SAME(tlvs, swv);
    PASSEND_SAME(tlvs, admits);
    PASSEND_SAME(tlvs, category);
    PASSEND_SAME(tlvs, request_date);
    PASSEND_SAME(tlvs, complete_date);
    PASSEND_SAME(tlvs, decision_date);
    PASSEND_SAME(tlvs, outcome);
    PASSEND_SAME(tlvs, start);
    PASSEND_SAME(tlvs, end);
    PASSEND_SAME(tlvs, objection);
    PASSEND_SAME(tlvs, first);
    PASSEND_SAME(arrangements, id);
    PASSEND_SAME(arrangements, pupil);
    PASSEND_SAME(arrangements, school);
    PASSEND_SAME(arrangements, level);
    PASSEND_SAME(arrangements, kind);
    PASSEND_SAME(arrangements, start);
    PASSEND_SAME(arrangements, end);
    PASSEND_SAME(arrangements, cost);
    PASSEND_SAME(arrangements, domain);
    PASSEND_SAME(opps, pupil);
    PASSEND_SAME(opps, school);
    PASSEND_SAME(opps, start);
    PASSEND_SAME(opps, end);
    PASSEND_SAME(opps, first);
    PASSEND_SAME(absences, pupil);
    PASSEND_SAME(absences, kind);
    PASSEND_SAME(absences, start);
    PASSEND_SAME(absences, end);
    PASSEND_SAME(absences, article);
    PASSEND_SAME(absences, first);
    PASSEND_SAME(funds, year);
    PASSEND_SAME(funds, swv);
    PASSEND_SAME(funds, board);
    PASSEND_SAME(funds, stream);
    PASSEND_SAME(funds, amount);
    PASSEND_SAME(allocations, year);
    PASSEND_SAME(allocations, board);
    PASSEND_SAME(allocations, purpose);
    PASSEND_SAME(allocations, amount);
    PASSEND_SAME(allocations, school);
    PASSEND_SAME(allocations, kpi_id);
    PASSEND_SAME(assessments, year);
    PASSEND_SAME(assessments, level);
    PASSEND_SAME(assessments, unit);
    PASSEND_SAME(assessments, framework);
    PASSEND_SAME(assessments, item);
    PASSEND_SAME(assessments, score);
    PASSEND_SAME(rates, year);
    PASSEND_SAME(rates, admits);
    PASSEND_SAME(rates, category);
    PASSEND_SAME(rates, amount);
    PASSEND_SAME(reference_values, kpi);
    PASSEND_SAME(reference_values, year);
    PASSEND_SAME(reference_values, value);
    PASSEND_SAME(reference_values, source);
    PASSEND_SAME(support_offers, school);
    PASSEND_SAME(support_offers, year);
    PASSEND_SAME(support_offers, domain);
    PASSEND_SAME(support_offers, level);
    PASSEND_SAME(support_offers, places);
    PASSEND_SAME(support_offers, tariff);
    PASSEND_SAME(finances, swv);
    PASSEND_SAME(finances, year);
    PASSEND_SAME(finances, income);
    PASSEND_SAME(finances, reserves);
    CHECK(a.support_domains() == b.support_domains());
#undef PASSEND_SAME
    CHECK(a.horizon() == b.horizon());
    for (const auto& t : all_tables()) CHECK(a.has_table(t.id) == b.has_table(t.id));
}

} // namespace passend::test
