# SPDX-License-Identifier: EUPL-1.2
"""The extract date from Python: the demo's own day, the as_of option, the partial flag."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import passend


def test_demo_is_exported_mid_year(demo: passend.Dataset) -> None:
    assert demo.extract_date == dt.date(2025, 3, 15)
    assert demo.extract_date_origin == "file"
    assert demo.horizon == demo.extract_date
    assert demo.school_years[-1] == "2024-2025"  # 2025-2026 has no teldatum yet
    frame = demo.kpis(suppress=False, kpi="verwijzingen_sbo")
    assert frame["partial"].dtype == bool
    assert set(frame.loc[frame["partial"], "school_year"]) == {"2024-2025"}
    assert not frame.loc[~frame["partial"], "school_year"].isin(["2024-2025"]).any()
    assert frame.attrs["extract_date"] == "2025-03-15"


def test_as_of_wins_over_extract_csv(demo_folder: Path) -> None:
    later = passend.Dataset.from_folder(demo_folder, as_of=dt.date(2025, 7, 31))
    assert later.extract_date == dt.date(2025, 7, 31)
    assert later.extract_date_origin == "option"
    assert not later.kpis(kpi="leerlingen_totaal")["partial"].any()  # 31 July: a whole year
    same = passend.Dataset.from_folder(demo_folder, as_of="2025-03-15")
    assert same.to_json() == passend.Dataset.from_folder(demo_folder).to_json()


def test_as_of_before_an_event_is_an_error(demo_folder: Path) -> None:
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.from_folder(demo_folder, as_of="2025-03-14")
    assert caught.value.rule == "after_extract_date"  # the first error
    assert "is after the extract date 2025-03-14 (given as an option (--as-of))" in (
        caught.value.message)
    problems = passend.validate(demo_folder, as_of="2025-03-14")
    assert any(d.rule == "after_extract_date" for d in problems)
    with pytest.raises(ValueError, match="not a date like 2025-03-15"):
        passend.Dataset.from_folder(demo_folder, as_of="15-03-2025")


def test_extract_table_from_pandas(demo_folder: Path) -> None:
    frames = {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False)
              for p in sorted(demo_folder.glob("*.csv"))}
    frames["extract"] = pd.DataFrame({"extract_date": ["2025-06-30"], "source": ["export"]})
    ds = passend.Dataset.from_pandas(**frames)
    assert (ds.extract_date, ds.extract_date_origin) == (dt.date(2025, 6, 30), "file")
    assert ds.tables["extract"] == 1
