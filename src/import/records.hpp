// SPDX-License-Identifier: EUPL-1.2
// Private: what the import took from the exports, before merging: contract rows that remember
// where in which file they came from, so a conflict can name both places.
#pragma once

#include "import/xml_source.hpp"

#include "passend/calendar.hpp"
#include "passend/continuum.hpp"

#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace detail {

struct pupil_record {
    std::string id; ///< pseudonym
    day birth;
    origin where;
};
struct enrolment_record {
    std::string pupil, school;
    day start, end = open_end;
    int grade = 0;
    day known_until; ///< the last day the export speaks of: an open end is known up to here
    origin where;
};
struct tlv_record {
    std::string id, pupil, swv;
    setting admits = setting::so;
    funding_category category = funding_category::none;
    day start, end = open_end;
    origin where;
};
struct opp_record {
    std::string pupil, school;
    day start, end = open_end;
    origin where;
};
struct arrangement_record {
    std::string id, pupil, school;
    day start, end = open_end;
    origin where;
};

struct import_records {
    std::vector<pupil_record> pupils;
    std::vector<enrolment_record> enrolments;
    std::vector<tlv_record> tlvs;
    std::vector<opp_record> opps;
    std::vector<arrangement_record> arrangements;
};

/// Merge the records of every file into one history per pupil: a pupil's birth dates must
/// agree; enrolment rows at the same school that touch or overlap become one enrolment; rows at
/// two schools on the same days (other than the day of a switch) are a conflict naming both
/// places, except an open end that a later export at another school closes (docs/import.md);
/// a TLV, OPP or arrangement read twice is kept once.
void merge_histories(import_records& records, std::vector<diagnostic>& diagnostics);

} // namespace detail
PASSEND_NAMESPACE_END
