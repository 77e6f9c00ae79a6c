# SPDX-License-Identifier: EUPL-1.2
"""The xlsx report read back with openpyxl: sheets, frozen headers, typed cells, and the same
numbers as the CSV report of the same data (passend report --demo)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["kpi", "school_year", "level", "unit", "naam", "numerator", "denominator", "value",
          "status", "change", "kpi_unit", "title_nl", "title_en", "partial"]


def cli() -> str:
    path = os.environ.get("PASSEND_CLI") or str(ROOT / "build" / "default" / "passend")
    if not Path(path).exists():
        pytest.skip(f"no passend CLI at {path} (build it, or set PASSEND_CLI)")
    return path


def report(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli(), "report", "--demo", *args], check=True, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    out = tmp_path_factory.mktemp("xlsx") / "demo.xlsx"
    report("--format", "xlsx", "--out", str(out))
    return openpyxl.load_workbook(out)


@pytest.fixture(scope="module")
def csv_rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(report("--format", "csv").stdout)))


def test_sheets_headers_frozen(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames[0] == "landelijk"
    assert {"swv", "bestuur", "school", "definities", "gegevens"} <= set(workbook.sheetnames)
    # the data's own day, Dutch first
    assert workbook["gegevens"]["A1"].value.startswith("Gegevens t/m 2025-03-15.")
    assert workbook["gegevens"]["A2"].value.startswith("Data as of 2025-03-15.")
    for name in workbook.sheetnames:
        if name == "gegevens":
            continue
        ws = workbook[name]
        assert ws.freeze_panes == "B2", name
        if name != "definities":
            assert [c.value for c in ws[1]] == HEADER, name
            assert ws.auto_filter.ref is not None


def test_cells_are_typed(workbook: openpyxl.Workbook) -> None:
    ws = workbook["swv"]
    numbers = small = 0
    for row in ws.iter_rows(min_row=2, values_only=True):
        for value in row[5:8]:  # numerator, denominator, value
            if isinstance(value, (int, float)):
                numbers += 1
            elif value is not None:
                assert value == "<5"
                small += 1
        assert row[1].count("-") == 1 and row[2] == "swv"
    assert numbers > 100
    # Suppression is on by default; the demo's partnerships have some small flows.
    assert small + sum(1 for r in workbook["school"].iter_rows(min_row=2, values_only=True)
                       if "<5" in r[5:8]) > 0


def test_same_numbers_as_csv(workbook: openpyxl.Workbook,
                             csv_rows: list[dict[str, str]]) -> None:
    sheet_of = {"national": "landelijk", "swv": "swv", "board": "bestuur", "school": "school",
                "municipality": "gemeente"}
    expected: dict[tuple[str, ...], tuple[str, str, str]] = {
        (r["kpi"], r["school_year"], r["level"], r["unit"]):
        (r["numerator"], r["denominator"], r["value"]) for r in csv_rows}
    seen = 0
    for level, sheet in sheet_of.items():
        if sheet not in workbook.sheetnames:
            continue
        for row in workbook[sheet].iter_rows(min_row=2, values_only=True):
            key = (row[0], row[1], level, row[3])
            assert key in expected, key
            for cell, text in zip(row[5:8], expected[key]):
                if text in ("", "<5"):
                    assert cell == (text or None), key
                else:
                    assert cell == pytest.approx(float(text), rel=1e-9), key
            seen += 1
    assert seen == len(csv_rows)


def test_no_suppress_shows_every_count(tmp_path: Path) -> None:
    out = tmp_path / "internal.xlsx"
    report("--format", "xlsx", "--no-suppress", "--out", str(out))
    wb = openpyxl.load_workbook(out, read_only=True)
    for name in wb.sheetnames:
        for row in wb[name].iter_rows(min_row=2, values_only=True):
            assert "<5" not in row, name


def test_xlsx_needs_out() -> None:
    proc = subprocess.run([cli(), "report", "--demo", "--format", "xlsx"], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 2
    assert "--out" in proc.stderr
