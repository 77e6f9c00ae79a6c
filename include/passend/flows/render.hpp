// SPDX-License-Identifier: EUPL-1.2
// Markdown and CSV views of the flows and forecast JSON documents (json.hpp), for the CLI and
// for hosts that want the same text.
#pragma once

#include "passend/config.hpp"

#include <nlohmann/json.hpp>

#include <string>

PASSEND_NAMESPACE_BEGIN

/// A flows document (flows_to_json) as Markdown.
std::string flows_markdown(const nlohmann::ordered_json& doc);
/// A forecast document (forecast_to_json) as Markdown; the backtest part is headed "backtest".
std::string forecast_markdown(const nlohmann::ordered_json& doc);
/// Either document as CSV with the header `section,row,column,value`: one line per table cell
/// (section = the table's path, e.g. `flows` or `projection.baseline`) and per scalar (row = its
/// key, column empty).
std::string document_csv(const nlohmann::ordered_json& doc);

PASSEND_NAMESPACE_END
