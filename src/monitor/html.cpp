// SPDX-License-Identifier: EUPL-1.2
// The monitor as one self-contained HTML page: its report document (monitor_document) through
// the document's HTML writer, with the distributions and the cross-border pupils as bar charts.
#include "passend/monitor/monitor.hpp"
#include "passend/report/document.hpp"

PASSEND_NAMESPACE_BEGIN

std::string monitor_html(const monitor& m, const monitor_format_options& options) {
    return to_html(monitor_document(m, options));
}

PASSEND_NAMESPACE_END
