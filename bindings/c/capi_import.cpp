// SPDX-License-Identifier: EUPL-1.2
// The C ABI's import of schools' exports: thin wrappers over passend::import_exports and
// import_to_folder.
#include "capi.hpp"

#include "passend/import/import.hpp"
#include "passend/import/pseudonym.hpp"

#include <filesystem>
#include <optional>

using namespace passend;

namespace {

/// The library's options from the C struct, or a failed status (and message) in `status`.
std::optional<import_options>
read_import_options(const char* fn, const passend_import_options* options, passend_status& status) {
    if (!options || options->version != PASSEND_IMPORT_OPTIONS_VERSION) {
        status = capi::fail(PASSEND_INVALID_ARGUMENT,
                            std::string(fn) + ": options are required (PASSEND_IMPORT_OPTIONS_INIT "
                                              "with a secret_file)");
        return std::nullopt;
    }
    if (!options->secret_file) {
        status = capi::null_argument(fn, "options->secret_file");
        return std::nullopt;
    }
    import_options o;
    o.secret = read_secret_file(std::filesystem::u8path(options->secret_file));
    if (options->schools) o.schools = std::filesystem::u8path(options->schools);
    if (options->max_file_bytes) o.max_file_bytes = options->max_file_bytes;
    return o;
}

/// The files, or a failed status in `status`.
std::optional<std::vector<std::filesystem::path>>
read_files(const char* fn, const char* const* files, std::size_t count, passend_status& status) {
    if (!files && count) {
        status = capi::null_argument(fn, "files");
        return std::nullopt;
    }
    std::vector<std::filesystem::path> out;
    for (std::size_t i = 0; i < count; ++i) {
        if (!files[i]) {
            status = capi::null_argument(fn, "files[i]");
            return std::nullopt;
        }
        out.push_back(std::filesystem::u8path(files[i]));
    }
    return out;
}

std::optional<export_format> read_format(const char* fn, int format, passend_status& status) {
    if (format == PASSEND_EXPORT_UWLR) return export_format::uwlr;
    if (format == PASSEND_EXPORT_OSO) return export_format::oso;
    status = capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": unknown export format");
    return std::nullopt;
}

/// Everything an import call needs, or a failed status (and message) in `status`.
struct import_request {
    export_format format;
    std::vector<std::filesystem::path> files;
    import_options options;
};
std::optional<import_request> read_request(const char* fn, int format, const char* const* files,
                                           std::size_t count, const passend_import_options* options,
                                           passend_status& status) {
    const auto f = read_format(fn, format, status);
    auto paths = f ? read_files(fn, files, count, status) : std::nullopt;
    auto o = paths ? read_import_options(fn, options, status) : std::nullopt;
    if (!o) return std::nullopt;
    return import_request{*f, std::move(*paths), std::move(*o)};
}

/// Run an import's work: passend::error (no secret, no schools table for UWLR, an existing
/// folder) is the caller's mistake, PASSEND_INVALID_ARGUMENT; a load_error is invalid data.
template <class F>
passend_status run_import(F&& work, passend_diagnostics** out_diagnostics) {
    return capi::guard([&]() -> passend_status {
        try {
            return work();
        } catch (const load_error& e) {
            if (out_diagnostics) *out_diagnostics = capi::make_diagnostics(e.diagnostics());
            return capi::fail(PASSEND_INVALID_DATA, e.what());
        } catch (const error& e) {
            return capi::fail(PASSEND_INVALID_ARGUMENT, e.what());
        }
    });
}

} // namespace

passend_status passend_import_open(int format, const char* const* files, size_t file_count,
                                   const passend_import_options* options,
                                   passend_dataset** out_dataset,
                                   passend_diagnostics** out_diagnostics) {
    if (out_dataset) *out_dataset = nullptr;
    if (out_diagnostics) *out_diagnostics = nullptr;
    return run_import(
        [&]() -> passend_status {
            constexpr auto fn = "passend_import_open";
            if (!out_dataset) return capi::null_argument(fn, "out_dataset");
            passend_status status = PASSEND_OK;
            const auto r = read_request(fn, format, files, file_count, options, status);
            if (!r) return status;
            return capi::deliver(import_exports(r->format, r->files, r->options), out_dataset,
                                 out_diagnostics);
        },
        out_diagnostics);
}

passend_status passend_import_to_folder(int format, const char* const* files, size_t file_count,
                                        const passend_import_options* options, const char* out_dir,
                                        passend_diagnostics** out_diagnostics) {
    if (out_diagnostics) *out_diagnostics = nullptr;
    return run_import(
        [&]() -> passend_status {
            constexpr auto fn = "passend_import_to_folder";
            if (!out_dir) return capi::null_argument(fn, "out_dir");
            passend_status status = PASSEND_OK;
            const auto r = read_request(fn, format, files, file_count, options, status);
            if (!r) return status;
            auto warnings =
                import_to_folder(r->format, r->files, r->options, std::filesystem::u8path(out_dir));
            if (out_diagnostics) *out_diagnostics = capi::make_diagnostics(std::move(warnings));
            return PASSEND_OK;
        },
        out_diagnostics);
}
