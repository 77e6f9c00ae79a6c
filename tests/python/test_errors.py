# SPDX-License-Identifier: EUPL-1.2
"""Every validation rule of the contract surfaces as passend.LoadError carrying its location,
from data frames, CSV folders and Arrow tables alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
import pytest

import passend
from conftest import Frames, from_frames, needs, small_frames, typed, write_csv_folder


class Case(NamedTuple):
    table: str
    row: int  # 0-based row of the mutated record
    column: str
    value: str | None  # None: drop the column
    rule: str
    at: tuple[str, int, str] | None = None  # where the error is reported, when not the mutation


CASES = [
    Case("enrolments", 0, "end_date", "2017-01-01", "end_before_start"),
    Case("enrolments", 0, "start_date", "2018-02-30", "malformed_date"),
    Case("enrolments", 1, "start_date", "", "missing_value"),
    Case("enrolments", 0, "school_id", "99ZZ00", "unknown_reference"),
    Case("enrolments", 2, "start_date", "2020-12-01", "overlapping_enrolments"),
    Case("enrolments", 0, "grade", "9", "grade_range"),
    Case("enrolments", 0, "grade", "x", "malformed_number"),
    Case("enrolments", 0, "exit", "gezakt", "unknown_code"),
    Case("enrolments", 0, "start_date", None, "missing_column"),
    Case("schools", 1, "setting", "xyz", "unknown_code"),
    Case("schools", 1, "swv_id", "PO9999", "unknown_reference"),
    Case("pupils", 1, "pupil_id", "p1", "duplicate_id"),
    Case("pupils", 0, "birth_date", "", "missing_value"),
    Case("pupils", 0, "birth_date", "2017-01-01", "age_range", ("enrolments", 0, "start_date")),
    Case("tlvs", 0, "outcome", "misschien", "unknown_code"),
    Case("tlvs", 0, "start_date", "", "missing_value"),
    Case("tlvs", 1, "category", "extra", "unknown_code"),
    Case("tlvs", 0, "objection", "soms", "unknown_code"),
    Case("arrangements", 0, "level", "7", "level_range"),
    Case("arrangements", 0, "cost_eur", "-3.00", "negative_amount"),
    Case("funds", 0, "amount_eur", "-5.00", "negative_amount"),
    Case("funds", 0, "amount_eur", "12.345", "malformed_amount"),
    Case("funds", 0, "school_year", "2022", "malformed_school_year"),
    Case("assessments", 0, "score", "1.5", "score_range"),
    Case("assessments", 1, "unit_id", "X1", "unknown_reference"),
    Case("absences", 0, "kind", "ziek", "unknown_code"),
    Case("opps", 0, "end_date", "2020-01-01", "end_before_start"),
]


def mutate(frames: Frames, case: Case) -> Frames:
    frame = frames[case.table].copy()
    if case.value is None:
        frame = frame.drop(columns=[case.column])
    else:
        frame.loc[case.row, case.column] = case.value
    return {**frames, case.table: frame}


def expected_location(frames: Frames, case: Case) -> tuple[str, int, int]:
    """(table, 1-based row, 1-based column position) of the error."""
    if case.value is None:
        return case.table, 0, 0
    table, row, column = case.at or (case.table, case.row, case.column)
    return table, row + 1, list(frames[table].columns).index(column) + 1


def check(error: passend.LoadError, case: Case, file: str, line: int, column: int) -> None:
    assert isinstance(error, passend.Error) and isinstance(error, ValueError)
    matching = [d for d in error.errors if d.rule == case.rule]
    assert matching, f"no {case.rule} in {error.diagnostics}"
    assert (matching[0].file, matching[0].line, matching[0].column) == (file, line, column)
    first = error.errors[0]
    assert (error.file, error.line, error.column, error.rule) == (
        first.file, first.line, first.column, first.rule)
    assert f"{error.file}:" in str(error)


def ids(case: Case) -> str:
    return f"{case.table}.{case.column}={case.value}:{case.rule}"


def test_the_base_region_loads() -> None:
    ds = from_frames(small_frames())
    assert ds.validate() == []


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_frames(case: Case) -> None:
    frames = mutate(small_frames(), case)
    table, line, column = expected_location(frames, case)
    with pytest.raises(passend.LoadError) as caught:
        from_frames(frames)
    check(caught.value, case, table, line, column)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_csv_folder(case: Case, tmp_path: Path) -> None:
    frames = mutate(small_frames(), case)
    table, line, column = expected_location(frames, case)
    folder = write_csv_folder(frames, tmp_path)
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.from_folder(folder)
    # a CSV file's header is line 1, where a missing column is reported
    check(caught.value, case, f"{table}.csv", line + 1, column)
    assert any(d.rule == case.rule for d in passend.validate(folder))


@needs("load_arrow")
@pytest.mark.parametrize("case", CASES, ids=ids)
def test_arrow(case: Case) -> None:
    pa = pytest.importorskip("pyarrow")
    frames = mutate(small_frames(), case)
    table, line, column = expected_location(frames, case)
    arrow = {name: pa.Table.from_pandas(f, preserve_index=False) for name, f in frames.items()}
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.from_arrow(**arrow)
    check(caught.value, case, table, line, column)


TYPED_CASES: list[tuple[str, int, str, Any, str]] = [
    ("enrolments", 0, "end_date", pd.Timestamp("2017-01-01"), "end_before_start"),
    ("enrolments", 1, "start_date", pd.NaT, "missing_value"),
    ("enrolments", 0, "grade", 9, "grade_range"),
    ("enrolments", 0, "grade", 2.5, "malformed_number"),
    ("pupils", 0, "birth_date", pd.NaT, "missing_value"),
    ("pupils", 1, "pupil_id", "p1", "duplicate_id"),
    ("tlvs", 1, "category", "extra", "unknown_code"),
    ("tlvs", 0, "start_date", pd.NaT, "missing_value"),
    ("absences", 0, "end_date", pd.Timestamp("2021-01-01"), "end_before_start"),
    ("funds", 0, "amount_eur", -5.0, "negative_amount"),
    ("funds", 0, "amount_eur", 12.345, "malformed_amount"),
]


@pytest.mark.parametrize("table,row,column,value,rule", TYPED_CASES)
def test_typed_frames(table: str, row: int, column: str, value: Any, rule: str) -> None:
    """datetime64 and numeric columns take the typed path; their errors match the text path."""
    frames = typed(small_frames())
    frame = frames[table].copy()
    if isinstance(value, float) and column == "grade":
        frame[column] = frame[column].astype("Float64")
    frame.loc[row, column] = value
    frames[table] = frame
    with pytest.raises(passend.LoadError) as caught:
        from_frames(frames)
    position = list(frame.columns).index(column) + 1
    case = Case(table, row, column, "", rule)
    check(caught.value, case, table, row + 1, position)


def test_every_error_is_listed_and_the_cap_holds() -> None:
    frames = small_frames()
    enrolments = pd.concat([frames["enrolments"]] * 300, ignore_index=True)
    enrolments["school_id"] = "nowhere"
    frames["enrolments"] = enrolments
    with pytest.raises(passend.LoadError) as caught:
        from_frames(frames, max_errors=10)
    errors = caught.value.errors
    assert [d.rule for d in errors[:10]] == ["unknown_reference"] * 10
    assert errors[-1].rule == "too_many_diagnostics"


def test_unknown_columns_are_warnings() -> None:
    frames = small_frames()
    frames["pupils"] = frames["pupils"].assign(shoe_size="42")
    ds = from_frames(frames)
    [warning] = ds.validate()
    assert (warning.severity, warning.file, warning.column, warning.rule) == (
        "warning", "pupils", 4, "unknown_column")


def test_a_column_given_twice() -> None:
    frames = small_frames()
    frames["pupils"] = frames["pupils"].assign(Pupil_ID=frames["pupils"]["pupil_id"])
    with pytest.raises(passend.LoadError) as caught:
        from_frames(frames)
    assert (caught.value.rule, caught.value.column) == ("duplicate_column", 4)


def test_wrong_types_are_rejected_plainly() -> None:
    frames: dict[str, Any] = dict(small_frames())
    frames["pupils"] = [("p1", "2014-01-01")]
    with pytest.raises(TypeError, match="pupils: expected a pandas DataFrame"):
        from_frames(frames)


def test_no_dataset_without_the_required_tables(tmp_path: Path) -> None:
    frames = small_frames()
    write_csv_folder({k: v for k, v in frames.items() if k != "pupils"}, tmp_path)
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.from_folder(tmp_path)
    assert any(d.rule in ("missing_table", "missing_file") for d in caught.value.errors)


