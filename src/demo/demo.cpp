// SPDX-License-Identifier: EUPL-1.2
// make_demo: the built-in demo region (a synthetic Zuid-Limburg) and its national-scale sibling.
//
// Everything is drawn from the demo's own integer random streams (rng.hpp) and added through
// dataset_builder's typed rows, so the demo passes the same checks as any loaded folder and is
// the same dataset on every machine. docs/demo-region.md describes what it contains.
#include "passend/demo.hpp"

#include "passend/builder.hpp"

#include "generator.hpp"

#include <string>

PASSEND_NAMESPACE_BEGIN

demo_options demo_options::national() {
    demo_options o;
    o.pupils = 2'500'000;
    o.years = 10;
    o.partnerships = 150;
    return o;
}

dataset_ptr make_demo(const demo_options& o, const progress_fn& progress) {
    if (o.pupils < 100 || o.pupils > 20'000'000)
        throw invalid_argument("make_demo: pupils must be between 100 and 20,000,000, not " +
                               std::to_string(o.pupils));
    if (o.years < 1 || o.years > 30)
        throw invalid_argument("make_demo: years must be between 1 and 30, not " +
                               std::to_string(o.years));
    if (o.partnerships < 0 || o.partnerships == 1 || o.partnerships > 1000)
        throw invalid_argument(
            "make_demo: partnerships must be 0 (Zuid-Limburg) or 2 to 1,000, not " +
            std::to_string(o.partnerships));
    if (o.last_year < 1950 || o.last_year > 2200)
        throw invalid_argument("make_demo: last_year " + std::to_string(o.last_year) +
                               " is out of range");

    demo::window w;
    w.first_year = o.last_year - o.years + 1;
    w.last_year = o.last_year;
    w.first_day = make_day(w.first_year, 8, 1);
    w.last_day = make_day(w.last_year + 1, 7, 31);
    w.extract = o.extract_date.value_or(make_day(w.last_year + 1, 3, 15));
    if (w.extract < w.first_day || w.extract > w.last_day)
        throw error("make_demo: the extract date " + format_day(w.extract) +
                    " is outside the demo's school years (" + format_day(w.first_day) + " to " +
                    format_day(w.last_day) + ")");
    const demo::region r = o.partnerships == 0 ? demo::zuid_limburg(o.pupils)
                                               : demo::synthetic_country(o.partnerships, o.pupils);

    dataset_builder b;
    b.add(extract_row{w.extract, "passend demo"});
    demo::add_region(r, b);
    demo::tallies t;
    demo::add_pupils(r, w, o, b, t, progress);
    if (progress) progress("schools and boards", 0.0);
    demo::add_school_records(r, w, o, b, t);
    for (auto table : {table::tlvs, table::arrangements, table::opps, table::absences})
        b.declare(table);
    if (progress) progress("checking the dataset", 0.0);
    auto result = b.finish();
    if (progress) progress("checking the dataset", 1.0);
    // The generator must make valid data; an error here is a bug in it, reported in full.
    return result.value();
}

PASSEND_NAMESPACE_END
