// SPDX-License-Identifier: EUPL-1.2
// passend: configuration shared by every public header.
#pragma once

// Everything lives in passend::v1; the inline namespace keeps two different library versions
// linked into one host program from clashing silently (the nlohmann/json habit).
#define PASSEND_NAMESPACE_BEGIN                                                                    \
    namespace passend {                                                                            \
    inline namespace v1 {
#define PASSEND_NAMESPACE_END                                                                      \
    }                                                                                              \
    }
