// SPDX-License-Identifier: EUPL-1.2
// Report documents, Markdown and CSV views of the flows and forecast JSON documents (json.hpp),
// for the CLI and for hosts that want the same text.
#pragma once

#include "passend/config.hpp"

#include <nlohmann/json.hpp>

#include <string>

PASSEND_NAMESPACE_BEGIN

struct report_document;

/// A flows document (flows_to_json) as a report document (report/document.hpp): its tables in
/// the order of the Markdown, for the document model's HTML and xlsx writers.
report_document flows_document(const nlohmann::ordered_json& doc);
/// A forecast document (forecast_to_json) as a report document.
report_document forecast_document(const nlohmann::ordered_json& doc);
/// A flows document (flows_to_json) as Markdown.
std::string flows_markdown(const nlohmann::ordered_json& doc);
/// A forecast document (forecast_to_json) as Markdown; the backtest part is headed "backtest".
std::string forecast_markdown(const nlohmann::ordered_json& doc);
/// Either document as CSV with the header `section,row,column,value`: one line per table cell
/// (section = the table's path, e.g. `flows` or `projection.baseline`) and per scalar (row = its
/// key, column empty).
std::string document_csv(const nlohmann::ordered_json& doc);

PASSEND_NAMESPACE_END
