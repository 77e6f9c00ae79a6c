// SPDX-License-Identifier: EUPL-1.2
// The xlsx writers (write_xlsx, write_coverage_xlsx) in a build without libxlsxwriter
// (PASSEND_WITH_XLSX=OFF, e.g. WebAssembly): asking for a workbook is a clear error, not a missing
// symbol.
#include "passend/coverage/coverage.hpp"
#include "passend/error.hpp"
#include "passend/report/document.hpp"
#include "passend/report/report.hpp"

PASSEND_NAMESPACE_BEGIN

namespace {
[[noreturn]] void no_xlsx_writer(const std::filesystem::path& file) {
    throw error("cannot write " + file.string() +
                ": this build has no xlsx writer (built with PASSEND_WITH_XLSX=OFF)");
}
} // namespace

void write_xlsx(const std::filesystem::path& file, const kpi_results&, const report_options&) {
    no_xlsx_writer(file);
}

void write_xlsx(const std::filesystem::path& file, const report_document&) {
    no_xlsx_writer(file);
}

PASSEND_NAMESPACE_END
