// SPDX-License-Identifier: EUPL-1.2
// Reading UWLR and OSO exports into a contract dataset or folder.
#include "passend/import/import.hpp"

#include "import/readers.hpp"

#include "passend/import/pseudonym.hpp"
#include "passend/load.hpp"

#include <algorithm>
#include <map>
#include <random>

PASSEND_NAMESPACE_BEGIN

namespace fs = std::filesystem;

std::optional<export_format> parse_export_format(std::string_view text) noexcept {
    if (detail::equals_code(text, "uwlr")) return export_format::uwlr;
    if (detail::equals_code(text, "oso")) return export_format::oso;
    return std::nullopt;
}

namespace {

bool has_error(const std::vector<diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const diagnostic& d) { return d.level == severity::error; });
}

/// Where each row the import added came from, per table in the order of adding: the builder
/// names a row `<table>.csv` and its number, which is turned back into the export's place.
using row_origins = std::map<table, std::vector<const detail::origin*>>;

void add_records(dataset_builder& b, const detail::import_records& r, row_origins& origins) {
    for (const auto& p : r.pupils) {
        b.add(pupil_row{p.id, p.birth});
        origins[table::pupils].push_back(&p.where);
    }
    for (const auto& e : r.enrolments) {
        b.add(enrolment_row{e.pupil, e.school, e.start, e.end, e.grade});
        origins[table::enrolments].push_back(&e.where);
    }
    if (!r.tlvs.empty() || !r.opps.empty() || !r.arrangements.empty()) {
        // A dossier with support data speaks for all three tables, even when one is empty.
        b.declare(table::tlvs);
        b.declare(table::opps);
        b.declare(table::arrangements);
    }
    for (const auto& t : r.tlvs) {
        b.add(tlv_row{.tlv_id = t.id,
                      .pupil_id = t.pupil,
                      .swv_id = t.swv,
                      .admits = t.admits,
                      .category = t.category,
                      .decision_date = t.start, // OSO gives no decision date: docs/import.md
                      .start_date = t.start,
                      .end_date = t.end});
        origins[table::tlvs].push_back(&t.where);
    }
    for (const auto& o : r.opps) {
        b.add(opp_row{o.pupil, o.school, o.start, o.end});
        origins[table::opps].push_back(&o.where);
    }
    for (const auto& a : r.arrangements) {
        // An arrangement the partnership grants is extra ondersteuning: level 5.
        b.add(arrangement_row{.arrangement_id = a.id,
                              .pupil_id = a.pupil,
                              .school_id = a.school,
                              .level = 5,
                              .start_date = a.start,
                              .end_date = a.end});
        origins[table::arrangements].push_back(&a.where);
    }
}

/// A diagnostic the builder gave about row n of an imported table, located in the export.
void locate_in_export(diagnostic& d, const row_origins& origins) {
    for (const auto& [t, rows] : origins) {
        if (d.file != spec(t).file || d.line == 0 || d.line > rows.size()) continue;
        const auto& o = *rows[d.line - 1];
        d.message = o.path + ": " + d.message;
        d.file = o.file;
        d.line = o.line;
        d.column = o.column;
        return;
    }
}

} // namespace

load_result import_exports(export_format format, std::span<const fs::path> files,
                           const import_options& options) {
    if (options.secret.size() < min_secret_bytes)
        throw error("no secret for the pseudonyms: an import needs one of at least " +
                    std::to_string(min_secret_bytes) + " bytes (--secret-file)");
    if (format == export_format::uwlr && !options.schools)
        throw error("UWLR exports name no school type: the schools table (--schools) is required");
    std::vector<diagnostic> diagnostics;
    detail::school_directory schools;
    if (options.schools) schools.read_table(*options.schools, diagnostics);
    detail::import_records records;
    detail::reader_context context{options.secret, schools, records};
    for (const auto& file : files) {
        detail::xml_source source(file, options.max_file_bytes);
        if (source.ok()) {
            if (format == export_format::uwlr)
                detail::read_uwlr(source, context);
            else
                detail::read_oso(source, context);
        }
        auto& found = source.diagnostics();
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
    }
    detail::merge_histories(records, diagnostics);
    if (has_error(diagnostics)) return {nullptr, std::move(diagnostics)};

    dataset_builder builder(options.load);
    schools.add_to(builder);
    row_origins origins;
    add_records(builder, records, origins);
    auto result = builder.finish();
    for (auto& d : result.diagnostics) locate_in_export(d, origins);
    result.diagnostics.insert(result.diagnostics.begin(), diagnostics.begin(), diagnostics.end());
    return result;
}

std::vector<diagnostic> import_to_folder(export_format format, std::span<const fs::path> files,
                                         const import_options& options, const fs::path& out) {
    if (fs::exists(out) && !(fs::is_directory(out) && fs::is_empty(out)))
        throw error(out.string() +
                    " exists and is not an empty folder; the import writes a new one");
    auto result = import_exports(format, files, options);
    if (!result.ok()) throw load_error(std::move(result.diagnostics));

    // Write beside the target and rename: a failure leaves no half-written folder.
    const auto parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::random_device random;
    const auto staging =
        parent / ("." + out.filename().string() + ".import-" + std::to_string(random()));
    try {
        write_folder(*result.data, staging);
        if (fs::exists(out)) fs::remove(out);
        fs::rename(staging, out);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
    return std::move(result.diagnostics);
}

PASSEND_NAMESPACE_END
