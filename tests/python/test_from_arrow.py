# SPDX-License-Identifier: EUPL-1.2
"""from_arrow beyond text columns: timestamps as dates (every unit, with and without a time zone,
nulls) and malformed arrays, each with the exact diagnostic. The C tests (tests/c/test_arrow.c)
check the same import from C; these check that the Python path reports it alike."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

import passend
from conftest import Frames, from_frames, needs, small_frames, typed

pytestmark = needs("load_arrow")
pa = pytest.importorskip("pyarrow")

#: the zones an Arrow timestamp may carry: none (wall-clock time), UTC, a tz database name, and
#: fixed offsets; each maps to the tzinfo pandas localizes with
ZONES: dict[str | None, Any] = {
    None: None,
    "UTC": "UTC",
    "Europe/Amsterdam": "Europe/Amsterdam",
    "+01:00": dt.timezone(dt.timedelta(hours=1)),
    "-05:00": dt.timezone(-dt.timedelta(hours=5)),
}
#: date columns of the small region, spread over three tables, with absent values among them
DATE_COLUMNS = [("pupils", "birth_date"), ("enrolments", "start_date"),
                ("enrolments", "end_date"), ("tlvs", "request_date"), ("tlvs", "start_date")]


def arrow(frames: Frames) -> dict[str, Any]:
    return {name: pa.Table.from_pandas(frame, preserve_index=False)
            for name, frame in frames.items()}


def with_column(table: Any, name: str, values: Any) -> Any:
    return table.set_column(table.schema.get_field_index(name), name, values)


def load_error(tables: dict[str, Any]) -> passend.LoadError:
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.from_arrow(**tables)
    return caught.value


def diagnostic(error: passend.LoadError, rule: str) -> tuple[str, int, int, str]:
    [found] = [d for d in error.errors if d.rule == rule]
    return found.file, found.line, found.column, found.message


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
@pytest.mark.parametrize("zone", list(ZONES), ids=str)
@pytest.mark.parametrize("time", ["00:30", "13:45", "23:30"])
def test_a_timestamp_is_the_day_it_falls_on(unit: str, zone: str | None, time: str) -> None:
    """`time` local time on each contract date, as an instant in `zone`: the day is the date.
    (00:30 in Amsterdam or at +01:00 is the previous day in UTC, 23:30 at -05:00 the next.)"""
    frames = small_frames()
    reference = from_frames(frames).to_json()
    tables = arrow(frames)
    for table, column in DATE_COLUMNS:
        local = pd.to_datetime(frames[table][column].replace("", None)) + pd.Timedelta(time + ":00")
        if zone is not None:  # the same wall-clock time in the zone, as a UTC instant
            local = local.dt.tz_localize(ZONES[zone]).dt.tz_convert("UTC").dt.tz_localize(None)
        stamps = pa.array(local.to_numpy(dtype="datetime64[ns]"), from_pandas=True)
        stamps = stamps.cast(pa.timestamp(unit, tz=zone))
        assert stamps.null_count == (frames[table][column] == "").sum()
        tables[table] = with_column(tables[table], column, stamps)
    assert passend.Dataset.from_arrow(**tables).to_json() == reference


def test_a_named_zone_gives_the_local_date() -> None:
    """2018-07-30T22:30Z is 2018-07-31 00:30 in Amsterdam (CEST): end_date 2018-07-31, a day
    before p1's start; read in UTC it would be 2018-07-30."""
    tables = arrow(small_frames())
    ends = pa.array([1532989800] + [None] * 6, pa.timestamp("s", tz="Europe/Amsterdam"))
    tables["enrolments"] = with_column(tables["enrolments"], "end_date", ends)
    assert diagnostic(load_error(tables), "end_before_start") == (
        "enrolments", 1, 4, "end_date 2018-07-31 is before start_date 2018-08-01")


def test_a_null_timestamp_is_an_absent_date() -> None:
    tables = arrow(small_frames())
    births = pa.array([None, 1360454400, 1354233600, 1263513600], pa.timestamp("s"))
    tables["pupils"] = with_column(tables["pupils"], "birth_date", births)
    assert diagnostic(load_error(tables), "missing_value") == (
        "pupils", 1, 2, "birth_date is empty; a value is required")


def test_an_unknown_zone_is_a_column_error() -> None:
    tables = arrow(small_frames())
    births = pa.array([1398902400000, 1360454400000, 1354233600000, 1263513600000],
                      pa.timestamp("ms", tz="Mars/Olympus"))
    tables["pupils"] = with_column(tables["pupils"], "birth_date", births)
    error = load_error(tables)
    assert diagnostic(error, "unknown_time_zone") == (
        "pupils", 0, 2, "birth_date has Arrow type 'tsm:Mars/Olympus' with time zone "
        "'Mars/Olympus', which passend cannot resolve: Mars/Olympus not found in timezone database")
    assert [d.rule for d in error.errors if d.file == "pupils"] == ["unknown_time_zone"]


def test_pandas_datetimes_load_alike_through_arrow() -> None:
    """datetime64 columns, naive or in a zone, export to Arrow as timestamps: from_arrow reads
    them as from_pandas does (no cast to date32 needed)."""
    frames = typed(small_frames())
    reference = from_frames(frames).to_json()
    assert passend.Dataset.from_arrow(**arrow(frames)).to_json() == reference
    zoned = {}
    for name, frame in frames.items():
        frame = frame.copy()
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column].dtype):
                # 00:30 in Amsterdam: the previous day in UTC
                frame[column] = (frame[column] + pd.Timedelta(minutes=30)).dt.tz_localize(
                    "Europe/Amsterdam")
        zoned[name] = frame
    assert from_frames(zoned).to_json() == reference
    assert passend.Dataset.from_arrow(**arrow(zoned)).to_json() == reference


def test_a_dictionary_index_out_of_range() -> None:
    tables = arrow(small_frames())
    settings = pa.DictionaryArray.from_arrays(
        pa.array([0, 0, 1, 2, 9], pa.int8()), pa.array(["bao", "sbo", "so", "vo"]), safe=False)
    tables["schools"] = with_column(tables["schools"], "setting", settings)
    error = load_error(tables)
    assert diagnostic(error, "dictionary_index_out_of_range") == (
        "schools", 5, 5, "setting dictionary index 9 is out of range of 4 values")
    assert (error.file, error.line, error.column) == ("schools", 5, 5)
    assert "schools:5:5:" in str(error)
    # The rejected school still counts as defined: its enrolments get no second error.
    assert "unknown_reference" not in [d.rule for d in error.errors]


def test_a_column_of_the_wrong_arrow_type_is_named_and_only_it_is_reported() -> None:
    """birth_date as float64 (a date column takes dates, timestamps or text): one error at the
    field's position, and the table counts as given (no second error that pupils is missing)."""
    tables = arrow(small_frames())
    position = tables["pupils"].schema.get_field_index("birth_date") + 1
    tables["pupils"] = with_column(tables["pupils"], "birth_date",
                                   pa.array([20150301.0] * tables["pupils"].num_rows))
    error = load_error(tables)
    assert [d.rule for d in error.errors] == ["wrong_type"]
    assert diagnostic(error, "wrong_type") == (
        "pupils", 0, position,
        "birth_date has Arrow type 'g'; expected a date (date32, date64, timestamp) or a string "
        "YYYY-MM-DD")


def test_typed_columns_give_the_dataset_their_text_gives() -> None:
    """Dates as timestamps, grades as int64 and amounts as float64 take the typed path; the same
    tables with every column as text take the text path: one dataset."""
    frames = small_frames()
    typed_tables = arrow(typed(frames))
    text_tables = {name: pa.Table.from_pandas(frame.astype("string"), preserve_index=False)
                   for name, frame in frames.items()}
    assert (passend.Dataset.from_arrow(**typed_tables).to_json()
            == passend.Dataset.from_arrow(**text_tables).to_json())
