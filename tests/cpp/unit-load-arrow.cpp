// SPDX-License-Identifier: EUPL-1.2
// The core's Arrow import (passend/io/arrow.hpp): tables built here as Arrow struct arrays load
// to the same dataset as the same rows in CSV, and every problem is located at the table, the
// row and the field's position, with the value and the rule.
#include "load_support.hpp"

#include "passend/io/arrow.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace passend;
using passend::test::check_same;
using passend::test::errors;
using passend::test::temp_folder;

namespace {

void release_schema(ArrowSchema* s) {
    s->release = nullptr;
}
void release_array(ArrowArray* a) {
    a->release = nullptr;
}

/// One column: strings ("u"), day numbers ("tdD"), int64 ("l") or doubles ("g"); a value of
/// nullopt is null.
struct column {
    std::string name, format;
    std::vector<std::optional<std::string>> texts = {};
    std::vector<std::optional<double>> numbers = {}; ///< days, integers or doubles
};

/// A table as one Arrow struct array and its schema; the buffers live in this object, so its
/// release callbacks only mark the structs released.
class arrow_batch {
public:
    explicit arrow_batch(std::vector<column> columns) : columns_(std::move(columns)) {
        const auto n = columns_.size();
        rows_ = columns_.empty()            ? 0
                : columns_[0].format == "u" ? columns_[0].texts.size()
                                            : columns_[0].numbers.size();
        child_schemas_.resize(n);
        child_arrays_.resize(n);
        data_.resize(n);
        for (std::size_t c = 0; c < n; ++c) fill(c);
        for (std::size_t c = 0; c < n; ++c) {
            schema_children_.push_back(&child_schemas_[c]);
            array_children_.push_back(&child_arrays_[c]);
        }
    }
    /// The batch as a stream (arrow_stream_of), taken over by the loader.
    ArrowArrayStream* stream() {
        ArrowSchema schema{"+s",
                           "",
                           nullptr,
                           0,
                           static_cast<int64_t>(columns_.size()),
                           schema_children_.data(),
                           nullptr,
                           release_schema,
                           nullptr};
        ArrowArray array{static_cast<int64_t>(rows_),
                         0,
                         0,
                         1,
                         static_cast<int64_t>(columns_.size()),
                         struct_buffers_,
                         array_children_.data(),
                         nullptr,
                         release_array,
                         nullptr};
        streams_.push_back(std::make_unique<ArrowArrayStream>(arrow_stream_of(schema, array)));
        return streams_.back().get();
    }

private:
    struct buffers {
        std::vector<std::uint8_t> validity;
        std::vector<std::int32_t> offsets;
        std::string chars;
        std::vector<char> values;
        const void* pointers[3] = {};
    };

    template <class T>
    void put(std::vector<char>& out, T v) {
        const auto at = out.size();
        out.resize(at + sizeof v);
        std::memcpy(out.data() + at, &v, sizeof v);
    }

    void fill(std::size_t c) {
        const auto& col = columns_[c];
        auto& b = data_[c];
        b.validity.assign((rows_ + 7) / 8, 0);
        std::int64_t nulls = 0;
        const auto valid = [&](std::size_t i, bool present) {
            if (present) b.validity[i / 8] |= static_cast<std::uint8_t>(1u << (i % 8));
            nulls += present ? 0 : 1;
        };
        int64_t n_buffers = 2;
        if (col.format == "u") {
            b.offsets.push_back(0);
            for (std::size_t i = 0; i < rows_; ++i) {
                valid(i, col.texts[i].has_value());
                b.chars += col.texts[i].value_or("");
                b.offsets.push_back(static_cast<std::int32_t>(b.chars.size()));
            }
            b.pointers[1] = b.offsets.data();
            b.pointers[2] = b.chars.data();
            n_buffers = 3;
        } else {
            for (std::size_t i = 0; i < rows_; ++i) {
                valid(i, col.numbers[i].has_value());
                const double v = col.numbers[i].value_or(0);
                if (col.format == "tdD")
                    put(b.values, static_cast<std::int32_t>(v));
                else if (col.format == "l")
                    put(b.values, static_cast<std::int64_t>(v));
                else
                    put(b.values, v);
            }
            b.pointers[1] = b.values.data();
        }
        b.pointers[0] = b.validity.data();
        child_schemas_[c] = {
            col.format.c_str(), col.name.c_str(), nullptr, ARROW_FLAG_NULLABLE, 0, nullptr, nullptr,
            release_schema,     nullptr};
        child_arrays_[c] = {static_cast<int64_t>(rows_),
                            nulls,
                            0,
                            n_buffers,
                            0,
                            b.pointers,
                            nullptr,
                            nullptr,
                            release_array,
                            nullptr};
    }

    std::vector<column> columns_;
    std::size_t rows_ = 0;
    std::vector<buffers> data_;
    std::vector<ArrowSchema> child_schemas_;
    std::vector<ArrowArray> child_arrays_;
    std::vector<ArrowSchema*> schema_children_;
    std::vector<ArrowArray*> array_children_;
    const void* struct_buffers_[1] = {nullptr};
    std::vector<std::unique_ptr<ArrowArrayStream>> streams_;
};

double days(int y, unsigned m, unsigned d) {
    return make_day(y, m, d).time_since_epoch().count();
}

column schools() {
    return {"school_id", "u", {"S1", "S2"}};
}
std::vector<column> school_columns() {
    return {schools(),
            {"name", "u", {"De Linde", "De Brug"}},
            {"board_id", "u", {"B1", "B1"}},
            {"swv_id", "u", {"PO2601", "PO2601"}},
            {"setting", "u", {"bao", "so"}}};
}

load_result load(arrow_batch& s, arrow_batch& p, arrow_batch& e) {
    const arrow_table tables[] = {
        {table::schools, s.stream()}, {table::pupils, p.stream()}, {table::enrolments, e.stream()}};
    return load_arrow(tables);
}

} // namespace

TEST_CASE("arrow: typed columns load to the dataset the same rows in CSV give") {
    arrow_batch s(school_columns());
    arrow_batch p({{"pupil_id", "u", {"P1", "P2"}},
                   {"birth_date", "tdD", {}, {days(2015, 3, 1), days(2014, 11, 30)}}});
    arrow_batch e(
        {{"pupil_id", "u", {"P1", "P2", "P2"}},
         {"school_id", "u", {"S1", "S1", "S2"}},
         {"start_date", "tdD", {}, {days(2021, 8, 1), days(2020, 8, 1), days(2023, 8, 1)}},
         {"end_date", "tdD", {}, {std::nullopt, days(2023, 7, 31), std::nullopt}},
         {"grade", "l", {}, {1, 3, std::nullopt}},
         {"exit", "u", {std::nullopt, "overig", std::nullopt}}});
    const auto arrow = load(s, p, e);
    REQUIRE(errors(arrow).empty());

    temp_folder dir;
    dir.write("schools.csv", "school_id,name,board_id,swv_id,setting\n"
                             "S1,De Linde,B1,PO2601,bao\nS2,De Brug,B1,PO2601,so\n")
        .write("pupils.csv", "pupil_id,birth_date\nP1,2015-03-01\nP2,2014-11-30\n")
        .write("enrolments.csv", "pupil_id,school_id,start_date,end_date,grade,exit\n"
                                 "P1,S1,2021-08-01,,1,\n"
                                 "P2,S1,2020-08-01,2023-07-31,3,overig\n"
                                 "P2,S2,2023-08-01,,,\n");
    const auto csv = load_folder(dir.path());
    REQUIRE(csv.ok());
    check_same(*arrow.value(), *csv.data);
}

TEST_CASE("arrow: a column of the wrong Arrow type is named, with its position") {
    arrow_batch s(school_columns());
    // birth_date as float64: a date column takes date32, date64, timestamps or text.
    arrow_batch p({{"pupil_id", "u", {"P1"}}, {"birth_date", "g", {}, {20150301.0}}});
    arrow_batch e({{"pupil_id", "u", {"P1"}},
                   {"school_id", "u", {"S1"}},
                   {"start_date", "tdD", {}, {days(2021, 8, 1)}}});
    const auto r = load(s, p, e);
    CHECK_FALSE(r.ok());
    CHECK(errors(r) == test::lines({"pupils: error: birth_date has Arrow type 'g'; expected a date "
                                    "(date32, date64, timestamp) or a string YYYY-MM-DD"}));
    CHECK(r.diagnostics.front().column == 2);
    CHECK(r.diagnostics.front().rule == "wrong_type");
    CHECK_THROWS_AS((void)r.value(), load_error);
}

TEST_CASE("arrow: a typed value that breaks a rule is located as in CSV, and nothing loads") {
    arrow_batch s(school_columns());
    arrow_batch p({{"pupil_id", "u", {"P1", "P2"}},
                   {"birth_date", "tdD", {}, {days(2015, 3, 1), days(1850, 1, 1)}}});
    // Row 2: an end before its start (a rule of the typed row); row 3: a negative grade read
    // as it stands, a grade of 2.5 cannot come as int64.
    arrow_batch e(
        {{"pupil_id", "u", {"P1", "P1", "P2"}},
         {"school_id", "u", {"S1", "S2", "S1"}},
         {"start_date", "tdD", {}, {days(2021, 8, 1), days(2023, 8, 1), days(2022, 8, 1)}},
         {"end_date", "tdD", {}, {days(2023, 7, 31), days(2023, 7, 1), std::nullopt}},
         {"exit", "u", {std::nullopt, std::nullopt, "weg"}}});
    const auto r = load(s, p, e);
    CHECK_FALSE(r.ok());
    CHECK(errors(r) ==
          test::lines({"pupils:2:2: error: birth_date 1850-01-01 is outside the years 1900-2200",
                       "enrolments:2:4: error: end_date 2023-07-01 is before start_date "
                       "2023-08-01",
                       "enrolments:3:5: error: exit 'weg' is not one of "
                       "diploma|zonder_diploma|verhuisd|overig"}));
}

TEST_CASE("arrow: append_arrow numbers rows on across streams and releases each stream") {
    arrow_batch first({{"pupil_id", "u", {"P1"}}, {"birth_date", "u", {"2015-03-01"}}});
    arrow_batch second({{"pupil_id", "u", {"P2"}}, {"birth_date", "u", {"2015-02-30"}}});
    dataset_builder b;
    std::uint64_t rows = 0;
    auto* one = first.stream();
    CHECK(append_arrow(b, table::pupils, *one, rows).empty());
    const bool released = one->release == nullptr;
    CHECK(released);
    CHECK(rows == 1);
    auto* two = second.stream();
    CHECK(append_arrow(b, table::pupils, *two, rows).empty()); // a rule broken: the builder's
    CHECK(rows == 2);
    CHECK(b.error_count() == 1);
    CHECK_THROWS_AS((void)append_arrow(b, table::pupils, *two, rows), invalid_argument);
}
