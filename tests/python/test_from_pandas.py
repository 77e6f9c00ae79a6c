# SPDX-License-Identifier: EUPL-1.2
"""Data frames in: every spelling of a column gives the same dataset as the CSV files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import passend
from conftest import Frames, from_frames, small_frames, typed, write_csv_folder


def load(frames: Frames) -> passend.Dataset:
    return from_frames(frames)


def test_introspection() -> None:
    ds = load(small_frames())
    assert ds.tables == {
        "swvs": 2, "boards": 2, "schools": 5, "pupils": 4, "regions": 3, "enrolments": 7, "tlvs": 3,
        "arrangements": 2, "opps": 1, "absences": 2, "funds": 1, "allocations": 2,
        "assessments": 2,
    }
    assert ds.school_years[0] == "2014-2015"
    # The last recorded day is p4's exemption start; T2's validity end (2024-07-31) is planned.
    assert ds.school_years[-1] == "2022-2023"
    assert ds.horizon == dt.date(2023, 1, 1)
    assert ds.has_table("tlvs") and not passend.Dataset.from_pandas(
        schools=small_frames()["schools"], pupils=small_frames()["pupils"],
        enrolments=small_frames()["enrolments"]).has_table("tlvs")
    assert list(ds.partnerships.swv_id) == ["PO3104", "VO3104"]
    schools = ds.schools.set_index("school_id")
    assert schools.loc["06SO00", "setting"] == "so"
    assert schools.loc["06SO00", "municipality"] == "GM0935"
    assert "4 pupils" in repr(ds)


def test_typed_columns_give_the_same_dataset() -> None:
    assert load(typed(small_frames())).to_json() == load(small_frames()).to_json()


def test_other_spellings_give_the_same_dataset() -> None:
    frames = typed(small_frames())
    # dates as datetime.date objects, with a time zone, and as second-resolution datetime64
    frames["pupils"]["birth_date"] = frames["pupils"]["birth_date"].dt.date
    frames["enrolments"]["start_date"] = frames["enrolments"]["start_date"].dt.tz_localize(
        "Europe/Amsterdam")
    frames["enrolments"]["end_date"] = frames["enrolments"]["end_date"].astype("datetime64[s]")
    # codes in any case with spaces, columns in another order, upper-case headers
    frames["schools"]["setting"] = frames["schools"]["setting"].str.upper() + " "
    frames["tlvs"] = frames["tlvs"][list(reversed(frames["tlvs"].columns))]
    frames["opps"].columns = [c.upper() for c in frames["opps"].columns]
    # grade as float with NaN, amounts as text
    frames["enrolments"]["grade"] = frames["enrolments"]["grade"].astype("float64")
    frames["funds"]["amount_eur"] = ["1631099.00"]
    assert load(frames).to_json() == load(small_frames()).to_json()


def test_numeric_ids() -> None:
    frames = small_frames()
    numbers = {"p1": 101, "p2": 102, "p3": 103, "p4": 104}
    for name in ("pupils", "enrolments", "tlvs", "opps", "absences"):
        frames[name]["pupil_id"] = frames[name]["pupil_id"].map(numbers)
    frames["arrangements"]["pupil_id"] = [101, np.nan]  # a float column because of the NaN
    ds = load(frames)
    assert ds.tables["pupils"] == 4
    assert '"101"' in ds.to_json() and "101.0" not in ds.to_json()


def test_frames_equal_csv_folder(tmp_path: Path) -> None:
    frames = small_frames()
    from_folder = passend.Dataset.from_folder(write_csv_folder(frames, tmp_path))
    assert load(frames).to_json() == from_folder.to_json()


def test_demo_round_trip(demo: passend.Dataset, demo_folder: Path) -> None:
    """The demo region written as CSV and read with pandas gives the demo back."""
    frames = {}
    for path in sorted(demo_folder.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        dates = [c for c in frame.columns if c.endswith("_date")]
        for c in dates:
            frame[c] = pd.to_datetime(frame[c].replace("", None))
        frames[path.stem] = frame
    assert load(frames).to_json() == demo.to_json()


def test_monitor_tables() -> None:
    """Contract v1.1: an open request (no decision, no outcome) with its complete_date, rates and
    reference values; a decision without an outcome and a rate given twice are located."""
    frames = typed(small_frames())
    open_request = pd.DataFrame({
        "tlv_id": ["T4"], "pupil_id": ["p1"], "swv_id": ["PO3104"], "setting": ["so"],
        "request_date": pd.to_datetime(["2022-11-01"]), "decision_date": [pd.NaT],
        "outcome": [None], "complete_date": pd.to_datetime(["2022-11-08"])})
    frames["tlvs"] = pd.concat([frames["tlvs"], open_request], ignore_index=True)
    frames["rates"] = pd.DataFrame({"school_year": ["2022-2023"], "setting": ["vso"],
                                    "category": ["hoog"], "amount_eur": [26000.0]})
    frames["reference_values"] = pd.DataFrame({
        "kpi": ["deelname_so"], "school_year": ["2022-2023"], "value": [1.75],
        "source": ["a title (a publisher)"]})
    ds = load(frames)
    assert ds.tables["tlvs"] == 4 and ds.tables["rates"] == 1
    assert ds.tables["reference_values"] == 1
    assert '"complete_date": "2022-11-08"' in ds.to_json()

    frames["tlvs"].loc[3, "decision_date"] = pd.Timestamp("2022-12-01")
    frames["rates"] = pd.concat([frames["rates"]] * 2, ignore_index=True)
    with pytest.raises(passend.LoadError) as e:
        load(frames)
    assert [str(d) for d in e.value.diagnostics if d.severity == "error"] == [
        "tlvs:4:8: error: outcome is empty; a TLV decided on 2022-12-01 needs its outcome "
        "(toegekend|afgewezen|ingetrokken)",
        "rates:2:1: error: the rate of 2022-2023 vso hoog is given twice; the first is on line 1",
    ]


def test_distinct_texts_cross_as_one_buffer_unless_a_value_is_not_plain_text() -> None:
    from passend._frames import _strings

    pytest.importorskip("pyarrow")
    offsets, data = _strings(pd.Index(["L1", "L22", ""], dtype=object))
    assert list(offsets) == [0, 2, 5, 5]
    assert bytes(data[:5]) == b"L1L22"
    # A lone surrogate keeps its bytes, so the loader reports it as text that is not UTF-8.
    assert _strings(pd.Index(["a\udcff"], dtype=object)) == [b"a\xed\xb3\xbf"]


def test_a_float_amount_is_read_to_the_cent_as_arrow_and_the_appender_read_it() -> None:
    """198000000.0 (shortest text `1.98e+08`, which the CSV rule rejects) is 198,000,000.00
    euros; 12.5 is 12.50; 0.125 lies between cents and is rejected, located."""
    frames = typed(small_frames())
    funds = frames["funds"]
    funds["amount_eur"] = [198000000.0]
    assert from_frames(frames).to_json() == from_frames(small_frames() | {
        "funds": funds.astype({"amount_eur": str}).assign(amount_eur=["198000000.00"])}).to_json()
    funds["amount_eur"] = [0.125]
    with pytest.raises(passend.LoadError) as caught:
        from_frames(frames)
    [error] = caught.value.errors
    assert (error.file, error.line, error.rule) == ("funds", 1, "malformed_amount")
    assert "'0.125'" in error.message
