// SPDX-License-Identifier: EUPL-1.2
// Without libxlsxwriter the library still evaluates, and write_xlsx says what is missing.
#include <passend/demo.hpp>
#include <passend/error.hpp>
#include <passend/kpi/evaluate.hpp>
#include <passend/report/report.hpp>

#include <iostream>
#include <string>

int main() {
    const auto data = passend::make_demo({.pupils = 300});
    const auto results = passend::evaluate(*data, passend::catalog::builtin());
    if (results.rows.empty()) return 1;
    try {
        passend::write_xlsx("kpis.xlsx", results);
    } catch (const passend::error& e) {
        const std::string what = e.what();
        std::cout << what << "\n";
        return what.find("this build has no xlsx writer") == std::string::npos ? 1 : 0;
    }
    std::cout << "write_xlsx wrote a workbook in a build without the writer\n";
    return 1;
}
