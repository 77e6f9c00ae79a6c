// SPDX-License-Identifier: EUPL-1.2
// The dataset's columns (passend/column.hpp): read like const vectors whether they own their
// values or borrow them from memory an owner keeps alive (a snapshot's mapping); text columns
// hold their rows end to end behind offsets and read each as a string_view.
#include "passend/column.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <span>
#include <string>
#include <vector>

using namespace passend;

TEST_CASE("value_column: owned values read like a const vector") {
    value_column<int> c = std::vector<int>{3, 1, 4};
    CHECK_FALSE(c.borrowed());
    REQUIRE(c.size() == 3);
    CHECK_FALSE(c.empty());
    CHECK(c[0] == 3);
    CHECK(c.front() == 3);
    CHECK(c.back() == 4);
    CHECK(*c.data() == 3);
    CHECK(std::accumulate(c.begin(), c.end(), 0) == 8);
    const std::span<const int> s = c;
    CHECK(s.size() == 3);
    CHECK(s[2] == 4);

    SUBCASE("filled by a builder, row by row") {
        value_column<int> b;
        CHECK(b.empty());
        b.reserve(2);
        b.push_back(3);
        b.push_back(1);
        b.push_back(4);
        CHECK(b == c);
        b.assign(2, 7);
        CHECK(b == value_column<int>{7, 7});
    }
    SUBCASE("a copy is its own; a move leaves the source empty") {
        auto copy = c;
        CHECK(copy.data() != c.data()); // owned: copied
        copy.push_back(9);
        CHECK(c.size() == 3);
        CHECK(copy[0] == 3); // a column read through a non-const name
        const auto* before = c.data();
        auto moved = std::move(c);
        CHECK(moved.data() == before); // the vector's buffer moves with it
        CHECK(moved.size() == 3);
        CHECK(c.empty()); // NOLINT(bugprone-use-after-move): a moved-from column is empty
        c = std::vector<int>{1};
        CHECK(c.size() == 1);
    }
}

TEST_CASE("value_column: borrowed values keep their owner alive") {
    auto buffer = std::make_shared<std::vector<std::int32_t>>(std::vector<std::int32_t>{10, 20});
    auto c = value_column<std::int32_t>::borrow(buffer->data(), buffer->size(), buffer);
    CHECK(c.borrowed());
    CHECK(c.data() == buffer->data()); // not copied
    std::weak_ptr<std::vector<std::int32_t>> watch = buffer;
    buffer.reset();
    REQUIRE_FALSE(watch.expired()); // the column holds it
    auto copy = c;
    CHECK(copy.data() == c.data()); // a copy borrows the same bytes
    c = value_column<std::int32_t>{};
    CHECK_FALSE(watch.expired());
    CHECK(copy[1] == 20);
    copy = std::vector<std::int32_t>{1}; // owned again: the owner goes
    CHECK(watch.expired());
    CHECK_FALSE(copy.borrowed());
}

TEST_CASE("text_column: rows end to end behind offsets, read as string_view") {
    text_column t;
    CHECK(t.empty());
    CHECK(t.offsets().size() == 1); // an empty column is one offset, 0
    CHECK(t.offsets()[0] == 0);
    CHECK(t.chars().empty());
    t.reserve(3, 8);
    t.push_back("P12");
    t.emplace_back(); // an empty text
    t.push_back("Q7");
    REQUIRE(t.size() == 3);
    CHECK(t[0] == "P12");
    CHECK(t[1].empty());
    CHECK(t[2] == "Q7");
    CHECK(t.front() == "P12");
    CHECK(t.back() == "Q7");
    CHECK(t.chars() == "P12Q7");
    CHECK(std::vector<std::uint64_t>(t.offsets().begin(), t.offsets().end()) ==
          std::vector<std::uint64_t>{0, 3, 3, 5});
    const std::vector<std::string> copied(t.begin(), t.end());
    CHECK(copied == std::vector<std::string>{"P12", "", "Q7"});
    CHECK(t.end() - t.begin() == 3);

    SUBCASE("sorted ids are searched like a vector's") {
        const text_column ids{"A1", "B2", "C3", "D4"};
        const auto it = std::lower_bound(ids.begin(), ids.end(), std::string_view("C3"));
        CHECK(it - ids.begin() == 2);
        CHECK(*it == "C3");
        CHECK(std::find(ids.begin(), ids.end(), "B2") - ids.begin() == 1);
    }
    SUBCASE("copies and moves") {
        auto copy = t;
        CHECK(copy == t);
        copy.push_back("R");
        CHECK(t.size() == 3);
        auto moved = std::move(copy);
        CHECK(moved.size() == 4);
        CHECK(moved[3] == "R");
        CHECK(copy.empty()); // NOLINT(bugprone-use-after-move)
        CHECK(copy.offsets().size() == 1);
    }
}

TEST_CASE("text_column: borrowed from a snapshot's layout") {
    // offsets rows + 1, then the characters, as a snapshot stores a text column
    struct layout {
        std::uint64_t offsets[4] = {0, 2, 2, 6};
        char chars[6] = {'G', 'M', 'X', 'Y', 'Z', 'W'};
    };
    auto bytes = std::make_shared<const layout>();
    std::weak_ptr<const layout> watch = bytes;
    auto t = text_column::borrow(bytes->offsets, bytes->chars, 3, bytes);
    bytes.reset();
    CHECK(t.borrowed());
    REQUIRE(t.size() == 3);
    CHECK(t[0] == "GM");
    CHECK(t[1] == "");
    CHECK(t[2] == "XYZW");
    CHECK(t[0].data() == watch.lock()->chars); // not copied
    CHECK(t == text_column{"GM", "", "XYZW"});
    CHECK_FALSE(t == text_column{"GM", "", "XYZ"});
    t = text_column{};
    CHECK(watch.expired()); // the last borrower gone, the bytes go
}
