// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: the Arrow C stream import (passend_appender_append_arrow). The input describes a
// stream: a table, fields (contract columns or other names, with Arrow formats passend reads and
// some it does not, dictionaries), and batches of arrays whose values, validity bitmaps, string
// offsets and views come from the input. Buffers always hold what the arrays' lengths declare
// (the C data interface carries no sizes, so a lie there cannot be seen); everything else may be
// wrong. passend must answer with a status, release the stream and everything it took, and leak
// nothing.
#include "fuzz_input.hpp"

#include "passend/passend.h"
#include "passend/schema.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

using passend_fuzz::fuzz_input;

namespace {

constexpr std::array<std::string_view, 26> formats = {"n",
                                                      "u",
                                                      "U",
                                                      "vu",
                                                      "c",
                                                      "s",
                                                      "i",
                                                      "l",
                                                      "C",
                                                      "S",
                                                      "I",
                                                      "L",
                                                      "f",
                                                      "g",
                                                      "tdD",
                                                      "tdm",
                                                      "tss:",
                                                      "tsm:UTC",
                                                      "tsu:+01:00",
                                                      "tsn:Europe/Amsterdam",
                                                      "tss:Mars/Olympus",
                                                      "d:10,2",
                                                      "d:38,4,128",
                                                      "d:5,99",
                                                      "z",
                                                      "+s"};
constexpr std::array<std::string_view, 8> index_formats = {"c", "s", "i", "l", "C", "S", "I", "L"};
constexpr std::array<std::string_view, 4> dictionary_formats = {"u", "U", "vu", "i"};

/// Bytes per value of a fixed-width format, 0 for the others.
std::size_t width(std::string_view f) {
    if (f == "c" || f == "C") return 1;
    if (f == "s" || f == "S") return 2;
    if (f == "i" || f == "I" || f == "f" || f == "tdD") return 4;
    if (f == "l" || f == "L" || f == "g" || f == "tdm" || f.starts_with("ts")) return 8;
    if (f.starts_with("d:")) return 16;
    return 0;
}

struct producer {
    fuzz_input& in;
    std::deque<std::vector<char>> bytes;
    std::deque<std::vector<const void*>> buffer_lists;
    std::deque<ArrowSchema> schemas;
    std::deque<std::vector<ArrowSchema*>> schema_lists;
    std::deque<ArrowArray> arrays;
    std::deque<std::vector<ArrowArray*>> array_lists;
    std::deque<std::string> names;
    ArrowSchema root{};
    std::vector<ArrowArray> batches;
    std::size_t next = 0;
    int handed = 0, released = 0;
    bool fail_schema = false;
    std::size_t fail_at = SIZE_MAX;

    const void* buffer_from_input(std::size_t n) {
        auto& b = bytes.emplace_back(n);
        for (auto& c : b) c = static_cast<char>(in.byte());
        return b.data();
    }
    template <class T>
    const void* buffer_of(const std::vector<T>& values) {
        auto& b = bytes.emplace_back(values.size() * sizeof(T));
        if (!b.empty()) std::memcpy(b.data(), values.data(), b.size());
        return b.data();
    }

    static void release_schema(ArrowSchema* s) {
        s->release = nullptr;
        ++static_cast<producer*>(s->private_data)->released;
    }
    static void release_array(ArrowArray* a) {
        a->release = nullptr;
        ++static_cast<producer*>(a->private_data)->released;
    }
    static void release_none_schema(ArrowSchema* s) { s->release = nullptr; }
    static void release_none_array(ArrowArray* a) { a->release = nullptr; }

    ArrowSchema* field(std::string_view format, const char* name, ArrowSchema* dictionary) {
        auto& s = schemas.emplace_back();
        s.format = names.emplace_back(format).c_str();
        s.name = name;
        s.flags = 2; // nullable
        s.dictionary = dictionary;
        s.release = release_none_schema;
        return &s;
    }

    /// An array of `format` holding offset + length values; string offsets, views, lengths and
    /// buffer lists come from the input.
    ArrowArray* array(std::string_view format, std::int64_t length, std::int64_t offset) {
        auto& a = arrays.emplace_back();
        a.length = length;
        a.offset = offset;
        a.release = release_none_array;
        const auto n = static_cast<std::size_t>(length + offset);
        auto& list = buffer_lists.emplace_back();
        if (format != "n") list.push_back(in.flag() ? nullptr : buffer_from_input((n + 7) / 8));
        if (const auto w = width(format)) {
            list.push_back(buffer_from_input(n * w));
        } else if (format == "u" || format == "U") {
            std::vector<std::int64_t> offsets(n + 1);
            for (auto& o : offsets) o = static_cast<std::int8_t>(in.byte()) % 64; // may be < 0
            if (format == "u")
                list.push_back(
                    buffer_of(std::vector<std::int32_t>(offsets.begin(), offsets.end())));
            else
                list.push_back(buffer_of(offsets));
            list.push_back(in.flag() ? nullptr : buffer_from_input(64));
        } else if (format == "vu") {
            const std::size_t variadic = in.below(3);
            std::vector<char> views(n * 16);
            for (std::size_t i = 0; i < n; ++i) {
                const std::int32_t len = static_cast<std::int8_t>(in.byte()) % 40;
                std::memcpy(&views[i * 16], &len, 4);
                if (len <= 12) {
                    for (int k = 0; k < 12; ++k)
                        views[i * 16 + 4 + k] = static_cast<char>(in.byte());
                } else {
                    const std::int32_t buf = static_cast<std::int8_t>(in.byte()) % 4;
                    const std::int32_t off = static_cast<std::int8_t>(in.byte()) % 64;
                    std::memcpy(&views[i * 16 + 8], &buf, 4);
                    std::memcpy(&views[i * 16 + 12], &off, 4);
                }
            }
            list.push_back(buffer_of(views));
            std::vector<std::int64_t> sizes;
            for (std::size_t k = 0; k < variadic; ++k) {
                sizes.push_back(static_cast<std::int64_t>(in.below(65)));
                list.push_back(buffer_from_input(64));
            }
            sizes.push_back(0); // a sizes buffer is never empty here
            list.push_back(buffer_of(sizes));
        }
        // Broken arrays: buffers missing or NULL, negative lengths.
        switch (in.below(16)) {
        case 0:
            // Not for utf8_view: its last buffer holds the sizes of the others, so dropping it
            // makes another buffer's bytes claim sizes, a lie no consumer can see.
            if (!list.empty() && format != "vu") list.pop_back();
            break;
        case 1:
            if (list.size() > 1) list[1] = nullptr;
            break;
        case 2:
            a.length = -1;
            break;
        case 3:
            a.offset = -static_cast<std::int64_t>(in.below(3)) - 1;
            break;
        default:
            break;
        }
        a.n_buffers = static_cast<std::int64_t>(list.size());
        a.buffers = list.empty() ? nullptr : list.data();
        return &a;
    }

    static int get_schema(ArrowArrayStream* s, ArrowSchema* out) {
        auto& p = *static_cast<producer*>(s->private_data);
        if (p.fail_schema) return 5;
        *out = p.root;
        out->release = release_schema;
        out->private_data = &p;
        ++p.handed;
        return 0;
    }
    static int get_next(ArrowArrayStream* s, ArrowArray* out) {
        auto& p = *static_cast<producer*>(s->private_data);
        if (p.next == p.fail_at) return 5;
        if (p.next == p.batches.size()) {
            *out = ArrowArray{};
            return 0;
        }
        *out = p.batches[p.next++];
        out->release = release_array;
        out->private_data = &p;
        ++p.handed;
        return 0;
    }
    static const char* last_error(ArrowArrayStream*) { return "the producer failed"; }
    static void release_stream(ArrowArrayStream* s) { s->release = nullptr; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz_input in(data, size);
    producer p{in};
    const auto& ts = passend::all_tables()[in.below(passend::table_count)];

    // The schema: fields named like the table's columns (some not), with formats and dictionaries.
    struct field_plan {
        std::string_view format, dictionary;
    };
    std::vector<field_plan> plan(in.below(9));
    auto& children = p.schema_lists.emplace_back();
    for (auto& f : plan) {
        const char* name;
        if (in.below(5) != 0)
            name = ts.columns[in.below(ts.columns.size())].name.data();
        else
            name = p.names.emplace_back(in.text(8)).c_str();
        ArrowSchema* dictionary = nullptr;
        if (in.below(6) == 0) {
            f.format = index_formats[in.below(index_formats.size())];
            f.dictionary = dictionary_formats[in.below(dictionary_formats.size())];
            dictionary = p.field(f.dictionary, nullptr, nullptr);
        } else {
            f.format = formats[in.below(formats.size())];
        }
        children.push_back(p.field(f.format, name, dictionary));
    }
    p.root.format = in.below(16) == 0 ? "+l" : "+s";
    p.root.name = "";
    p.root.n_children = static_cast<std::int64_t>(children.size());
    p.root.children = children.empty() ? nullptr : children.data();
    p.fail_schema = in.below(32) == 0;

    // Batches of rows.
    const std::size_t batch_count = in.below(4);
    if (in.below(16) == 0) p.fail_at = in.below(batch_count + 1);
    for (std::size_t b = 0; b < batch_count; ++b) {
        ArrowArray s{};
        s.length = static_cast<std::int64_t>(in.below(8));
        s.offset = static_cast<std::int64_t>(in.below(3));
        auto& list = p.buffer_lists.emplace_back();
        list.push_back(in.flag() ? nullptr : p.buffer_from_input((s.length + s.offset + 7) / 8));
        s.n_buffers = 1;
        s.buffers = list.data();
        auto& columns = p.array_lists.emplace_back();
        for (const auto& f : plan) {
            if (f.format == "z" || f.format == "+s") {
                columns.push_back(p.array("c", s.length + s.offset, 0)); // some bytes
                continue;
            }
            const std::int64_t own_offset = static_cast<std::int64_t>(in.below(3));
            const std::int64_t length =
                s.length + s.offset - static_cast<std::int64_t>(in.below(8) == 0);
            ArrowArray* a = p.array(f.format, length < 0 ? 0 : length, own_offset);
            if (!f.dictionary.empty() && in.below(16) != 0)
                a->dictionary = p.array(f.dictionary, static_cast<std::int64_t>(in.below(6)),
                                        static_cast<std::int64_t>(in.below(2)));
            columns.push_back(in.below(32) == 0 ? nullptr : a);
        }
        if (in.below(32) == 0 && !columns.empty()) columns.pop_back(); // fewer than the schema
        s.n_children = static_cast<std::int64_t>(columns.size());
        s.children = columns.empty() ? nullptr : columns.data();
        p.batches.push_back(s);
    }

    ArrowArrayStream stream{producer::get_schema, producer::get_next, producer::last_error,
                            producer::release_stream, &p};
    passend_appender* app = nullptr;
    if (passend_appender_create(nullptr, &app) != PASSEND_OK) std::abort();
    (void)passend_appender_append_arrow(app, ts.name.data(), &stream);
    if (stream.release || p.handed != p.released) std::abort(); // not released
    passend_dataset* ds = nullptr;
    passend_diagnostics* diags = nullptr;
    (void)passend_appender_finish(app, &ds, &diags);
    passend_dataset_free(&ds);
    passend_diagnostics_free(&diags);
    passend_appender_free(&app);
    return 0;
}
