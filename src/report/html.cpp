// SPDX-License-Identifier: EUPL-1.2
// The dashboard as one self-contained HTML page: its report document (kpi_document) through the
// document's HTML writer.
#include "passend/report/document.hpp"
#include "passend/report/report.hpp"

#include <ostream>

PASSEND_NAMESPACE_BEGIN

void write_html(std::ostream& out, const kpi_results& results, const report_options& options) {
    out << to_html(kpi_document(results, options));
}

PASSEND_NAMESPACE_END
