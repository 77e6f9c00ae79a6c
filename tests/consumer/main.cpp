// SPDX-License-Identifier: EUPL-1.2
#include <passend/passend.hpp>

#include <iostream>

int main() {
    passend::dataset_builder b;
    b.add(passend::school_row{"01AA00", "De Linde", "B1", "PO3104", passend::setting::bao});
    b.add(passend::pupil_row{"p1", passend::make_day(2015, 3, 1)});
    b.add(passend::enrolment_row{"p1", "01AA00", passend::make_day(2020, 8, 1)});
    b.add(passend::extract_row{passend::make_day(2021, 7, 31)}); // 2020-2021 reported, whole
    const auto ds = b.finish().value();
    const auto kpis = passend::evaluate(*ds, passend::catalog::builtin());
    std::cout << "passend " << passend::version_string << ": " << ds->pupils().size() << " pupil, "
              << kpis.rows.size() << " KPI rows\n";
    return ds->pupils().size() == 1 && !kpis.rows.empty() ? 0 : 1;
}
