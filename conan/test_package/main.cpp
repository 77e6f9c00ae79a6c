// SPDX-License-Identifier: EUPL-1.2
// The package's two libraries: a JSON dataset through the C++ core, its version through the C ABI.
#include <passend/passend.h>
#include <passend/passend.hpp>

#include <cstdio>

int main() {
    const auto loaded = passend::load_json(R"({
        "schools": [{"school_id": "01AA00", "board_id": "B1", "swv_id": "PO3104", "setting": "bao"}],
        "pupils": [{"pupil_id": "p1", "birth_date": "2015-03-01"}],
        "enrolments": [{"pupil_id": "p1", "school_id": "01AA00", "start_date": "2020-08-01"}]})");
    if (!loaded.ok() || passend_check_abi(PASSEND_ABI_VERSION) != PASSEND_OK) return 1;
    std::printf("passend %s: %zu pupil, %zu KPIs built in\n", passend_version(),
                loaded.data->pupils().size(), passend::catalog::builtin().size());
    return loaded.data->pupils().size() == 1 ? 0 : 1;
}
