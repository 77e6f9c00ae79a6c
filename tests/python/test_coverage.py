# SPDX-License-Identifier: EUPL-1.2
"""Dataset.coverage: the document of `passend coverage DIR --format json` on the small
covering-network region (tests/data/valid_coverage), its figures by hand, a unit, suppression,
the same tables through pandas and Arrow, the xlsx
read back with openpyxl, and the errors for an unknown partnership and year."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import passend

REGION = Path(__file__).resolve().parents[1] / "data" / "valid_coverage"


@pytest.fixture(scope="module")
def region() -> passend.Dataset:
    return passend.Dataset.from_folder(REGION)


@pytest.mark.parametrize("args", [[], ["--unit", "PO2", "--year", "2024"], ["--no-suppress"]])
def test_the_document_is_the_cli_json(region: passend.Dataset, cli: Callable[..., str],
                                      args: list[str]) -> None:
    printed = json.loads(cli("coverage", str(REGION), "--format", "json", *args))
    unit = "PO2" if "--unit" in args else None
    year = 2024 if "--year" in args else None
    doc = region.coverage(year=year, unit=unit, suppress="--no-suppress" not in args)
    assert doc == printed


def test_figures_by_hand(region: passend.Dataset) -> None:
    doc = region.coverage(suppress=False)
    assert doc["school_year"] == "2024-2025"
    assert doc["domains"] == ["fysiek_medisch", "gedrag", "taal"]
    po1 = doc["partnerships"][0]
    cells = {(c["domain"], c["municipality"]): c for c in po1["cells"]}
    assert cells[("gedrag", "GM01")]["occupancy"] == 150  # 3 pupils, 2 places
    assert cells[("gedrag", "GM01")]["state"] == "over_demanded"
    assert cells[("gedrag", "GM03")]["state"] == "no_offer"
    assert cells[("fysiek_medisch", "GM03")]["places"] == 4  # only at the so school
    assert po1["cost_eur"] == 62000
    assert po1["calendar_years"] == {"2024": 25833.33, "2025": 36166.67}
    years = {k["year"]: k for k in po1["continuity"]}
    assert years[2024]["signaleringswaarde_reserves"] == 250000
    assert years[2024]["rule"] == "minimum"
    assert years[2024]["reserves_boven_signaleringswaarde"] == 150000
    po2 = {k["year"]: k for k in doc["partnerships"][1]["continuity"]}
    assert po2[2023]["rule"] == "percentage"
    assert po2[2023]["signaleringswaarde_reserves"] == 350000
    # Published: 3 pupils show as <5, without occupancy.
    hidden = region.coverage()["partnerships"][0]["cells"]
    assert {c["pupils"] for c in hidden if c["domain"] == "gedrag"} >= {"<5"}


def test_the_same_tables_through_pandas_and_arrow(region: passend.Dataset) -> None:
    frames = {f.stem: pd.read_csv(f, dtype=str, keep_default_na=False)
              for f in REGION.glob("*.csv")}
    from_frames = passend.Dataset.from_pandas(**frames)
    assert from_frames.coverage() == region.coverage()
    assert from_frames.tables["support_offers"] == 5
    assert from_frames.tables["finances"] == 4
    import pyarrow as pa

    from_arrow = passend.Dataset.from_arrow(
        **{name: pa.Table.from_pandas(frame, preserve_index=False) for name, frame in frames.items()})
    assert from_arrow.coverage() == region.coverage()


def test_errors(region: passend.Dataset) -> None:
    with pytest.raises(passend.Error, match="no partnership 'PO9'"):
        region.coverage(unit="PO9")
    with pytest.raises(passend.Error, match="not reported"):
        region.coverage(year="2030-2031")


def test_xlsx_read_back(cli: Callable[..., str], tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "dekking.xlsx"
    cli("coverage", str(REGION), "--format", "xlsx", "--out", str(out), "--no-suppress")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["dekking", "knelpunten", "kosten", "continuiteit"]
    cells = {(r[1], r[2], r[3]): r for r in wb["dekking"].iter_rows(min_row=2, values_only=True)}
    assert cells[("PO1", "gedrag", "GM01")][4:] == (2, 3, 150, "over_demanded")
    assert cells[("PO1", "gedrag", "GM03")][7] == "no_offer"
    costs = [r for r in wb["kosten"].iter_rows(min_row=2, values_only=True) if r[1] == "PO1"]
    assert sum(r[5] for r in costs) == 62000
    assert ("PO1", "fysiek_medisch", 5, 4, 48000, 20000, 28000) == costs[0][1:]
    money = {(r[0], r[1]): r for r in wb["continuiteit"].iter_rows(min_row=2, values_only=True)}
    assert money[(2024, "PO1")][4:] == (250000, "minimum", 150000)
    assert money[(2023, "PO2")][4:] == (350000, "percentage", 150000)
