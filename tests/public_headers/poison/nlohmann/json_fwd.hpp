// SPDX-License-Identifier: EUPL-1.2
// A public header reached for nlohmann/json_fwd.hpp: only the flows and JSON headers may
// (tests/public_headers.cmake).
#error "nlohmann/json_fwd.hpp included by a header that must not need it"
