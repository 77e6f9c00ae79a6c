# SPDX-License-Identifier: EUPL-1.2
"""Any day from Python: the same numbers as the CLI's --day, the day's errors."""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Callable

import pytest

import passend


def test_day_equals_the_cli(demo: passend.Dataset, cli: Callable[..., str]) -> None:
    ids = ["leerlingen_totaal", "thuiszitters_op_dag", "tlv_open", "tlv_aanvragen"]
    frame = demo.kpis(day=dt.date(2024, 12, 1), kpi=ids, suppress=False)
    assert frame.attrs["day"] == "2024-12-01"
    assert set(frame["school_year"]) == {"2023-2024", "2024-2025"}
    args = ["report", "--demo", "--day", "2024-12-01", "--format", "csv", "--no-suppress"]
    for kpi in ids:
        args += ["--kpi", kpi]
    out = cli(*args)
    cli_rows = {(r["kpi"], r["school_year"], r["level"], r["unit"]): r
                for r in csv.DictReader(io.StringIO(out))}
    assert len(cli_rows) == len(frame)
    for row in frame.itertuples():
        theirs = cli_rows[(row.kpi, row.school_year, row.level, row.unit)]
        mine = row.value
        assert (math.isnan(mine) and theirs["value"] == "") or mine == float(theirs["value"])


def test_the_day_and_the_yearly_table_agree_on_teldatum(demo: passend.Dataset) -> None:
    yearly = demo.kpis(kpi="leerlingen_totaal", year=2024, suppress=False)
    on_t = demo.kpis(kpi="leerlingen_totaal", day="2024-10-01", year=2024, suppress=False)
    assert yearly["value"].tolist() == on_t["value"].tolist()


def test_a_day_after_the_extract_date_is_an_error(demo: passend.Dataset) -> None:
    with pytest.raises(ValueError, match="after the data's extract date 2025-03-15"):
        demo.kpis(day="2025-03-16")
    with pytest.raises(ValueError, match="not a date"):
        demo.kpis(day="2025-02-30")
