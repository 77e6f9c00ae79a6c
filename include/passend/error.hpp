// SPDX-License-Identifier: EUPL-1.2
// Errors: located diagnostics for bad input, and the exceptions passend throws.
//
// Bad data is expected, so loaders collect it as diagnostics and return them; exceptions are
// for a load the caller asked to fail loudly (load_error) and for misuse of the API.
#pragma once

#include "passend/config.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN

enum class severity : std::uint8_t { warning, error };

/// One problem in the input, located like a compiler message.
///
/// `line` is the physical line of the record in a CSV file (the header is line 1), or the record
/// number in other sources; `column` is 1-based; either is 0 when it does not apply.
struct diagnostic {
    severity level = severity::error;
    std::string file; ///< e.g. `enrolments.csv`
    std::uint64_t line = 0;
    std::uint32_t column = 0;
    std::string rule;    ///< stable id of the rule broken, e.g. `end_before_start`
    std::string message; ///< names the value and the rule, e.g. `end_date 2024-07-01 is before ...`
    friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

/// `enrolments.csv:118:3: error: end_date 2024-07-01 is before start_date 2024-08-01`.
std::string to_string(const diagnostic& d);

/// Base of every exception passend throws.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An argument outside what a function accepts (a count, a school year, a number of threads):
/// misuse, not bad data; the C ABI answers it with PASSEND_INVALID_ARGUMENT.
class invalid_argument : public error {
public:
    using error::error;
};

/// A load that failed: holds every diagnostic (errors and warnings) of that load.
class load_error : public error {
public:
    explicit load_error(std::vector<diagnostic> diagnostics);
    const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
    std::vector<diagnostic> diagnostics_;
};

PASSEND_NAMESPACE_END
