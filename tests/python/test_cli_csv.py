# SPDX-License-Identifier: EUPL-1.2
"""The Python numbers are the CLI's: ds.kpis() against `passend report --demo --format csv`, for
every KPI of the catalog, every year and unit of the demo region; unsuppressed and suppressed."""

from __future__ import annotations

import io
import math
from collections.abc import Callable

import pandas as pd
import pytest

import passend
from conftest import needs

pytestmark = needs("kpis")

KEY = ["kpi", "school_year", "level", "unit"]
NUMBERS = ["numerator", "denominator", "value", "change"]


def cli_csv(cli: Callable[..., str], *args: str) -> pd.DataFrame:
    text = cli("report", "--demo", "--format", "csv", *args)
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def tolerance(text: str) -> float:
    """Half a unit of the last printed digit: the CLI may round, the frame does not."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0**-decimals + 1e-9 * abs(float(text))


def compare(frame: pd.DataFrame, csv: pd.DataFrame) -> None:
    # the CSV's first nine columns; it adds the definition's unit and titles after them, then
    # `partial`, the frame's last column
    assert list(csv.columns[: len(frame.columns) - 1]) == list(frame.columns[:-1])
    assert frame.columns[-1] == csv.columns[-1] == "partial"
    ours = frame.astype({k: str for k in KEY}).set_index(KEY)
    theirs = csv.set_index(KEY)
    assert set(ours.index) == set(theirs.index)
    assert len(ours) == len(theirs)
    theirs = theirs.loc[ours.index]
    assert list(ours["partial"]) == [text == "true" for text in theirs["partial"]]
    mismatches = []
    for column in NUMBERS:
        for key, mine, text in zip(ours.index, ours[column], theirs[column]):
            if text in ("", "<5"):
                ok = math.isnan(mine)
            else:
                ok = not math.isnan(mine) and abs(mine - float(text)) <= tolerance(text)
            if not ok:
                mismatches.append((key, column, mine, text))
    status = ours["status"].astype(object).where(ours["status"].notna(), "")
    mismatches += [(k, "status", a, b) for k, a, b in zip(ours.index, status, theirs["status"])
                   if a != b]
    assert mismatches == [], f"{len(mismatches)} differences, first: {mismatches[:5]}"


def test_every_kpi_unsuppressed(demo: passend.Dataset, cli: Callable[..., str]) -> None:
    frame = demo.kpis(suppress=False)
    # every id of the catalog; templates ({framework}_score) expand per framework in the data
    assert {i for i in passend.catalog().index if "{" not in i} <= set(frame["kpi"])
    compare(frame, cli_csv(cli, "--no-suppress"))


def test_every_kpi_suppressed(demo: passend.Dataset, cli: Callable[..., str]) -> None:
    frame = demo.kpis()
    csv = cli_csv(cli)
    assert (csv["numerator"] == "<5").any()  # the demo has small counts to hide
    compare(frame, csv)


def test_selection_is_a_subset_of_the_whole(demo: passend.Dataset) -> None:
    whole = demo.kpis()
    part = demo.kpis(year="2023-2024", unit=["NL", "PO3104"], kpi="deelname_so")
    assert set(part["school_year"]) == {"2023-2024"} and set(part["unit"]) == {"NL", "PO3104"}
    expected = whole[(whole.kpi == "deelname_so") & (whole.school_year == "2023-2024")
                     & whole.unit.isin(["NL", "PO3104"])]
    pd.testing.assert_frame_equal(
        part.astype({k: str for k in KEY}).reset_index(drop=True),
        expected.astype({k: str for k in KEY}).reset_index(drop=True),
    )


def test_explain_counts_the_numerator(demo: passend.Dataset) -> None:
    frame = demo.kpis(suppress=False, kpi="leerlingen_so", unit="PO3104")
    row = frame.iloc[-1]
    pupils = demo.explain("leerlingen_so", "PO3104", str(row["school_year"]))
    assert len(pupils) == row["numerator"]
    assert pupils == sorted(pupils)
    with pytest.raises(KeyError):
        demo.explain("no_such_kpi", "PO3104", 2024)


def test_national_is_the_sum_of_partnerships(demo: passend.Dataset) -> None:
    frame = demo.kpis(suppress=False, kpi=["leerlingen_bao", "leerlingen_so"])
    totals = frame.pivot_table(index=["kpi", "school_year"], columns="level", values="numerator",
                               aggfunc="sum", observed=True)
    pd.testing.assert_series_equal(totals["national"], totals["swv"], check_names=False)
