// SPDX-License-Identifier: EUPL-1.2
// The KPI catalog as a JSON document (nlohmann::json), apart from catalog.hpp so that a program
// that only evaluates KPIs does not need nlohmann/json's headers.
#pragma once

#include "passend/config.hpp"
#include "passend/kpi/catalog.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

PASSEND_NAMESPACE_BEGIN

/// Parse a parsed catalog document (what catalog::from_json reads after parsing the text).
/// Throws catalog_error naming the id and JSON path; `origin` names the source in messages.
catalog catalog_from_document(const nlohmann::json& doc, std::string_view origin = "catalog");

/// The catalog as a document catalog::from_json reads back.
nlohmann::json to_json(const catalog& c);

/// One definition as JSON (the catalog file's form).
nlohmann::json to_json(const kpi_definition& def);

PASSEND_NAMESPACE_END
