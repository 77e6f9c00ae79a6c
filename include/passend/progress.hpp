// SPDX-License-Identifier: EUPL-1.2
// Progress of long work (loading, generating, evaluating), for a terminal bar or a host's UI.
#pragma once

#include "passend/config.hpp"

#include <functional>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

/// Called with what is being done ("enrolments.csv") and how far, 0 to 1. May be empty.
using progress_fn = std::function<void(std::string_view stage, double fraction)>;

PASSEND_NAMESPACE_END
