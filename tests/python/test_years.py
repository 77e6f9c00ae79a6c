# SPDX-License-Identifier: EUPL-1.2
"""School years as Python arguments: every method that takes one reads it as the CLI reads
``--year`` (2024, numpy's 2024, "2024" or "2024-2025", the first year within 1900-2200) and
raises ValueError naming the argument and the rule for anything else, before any work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import passend

ROOT = Path(__file__).resolve().parents[2]
REGION = ROOT / "tests" / "data" / "valid_coverage"
DEMO_PLAN = ROOT / "plans" / "demo-plan.json"

RULE = "is not a school year: give it as 2024 or '2024-2025', its first year within 1900-2200"

# Each wrong year and how Python's repr() shows it in the message.
WRONG: list[tuple[Any, str]] = [
    (24, "24"),
    (1899, "1899"),
    (2201, "2201"),
    (-2024, "-2024"),
    (2**70, str(2**70)),
    (True, "True"),
    (2024.0, "2024.0"),
    ("24-25", "'24-25'"),
    ("2024-2026", "'2024-2026'"),
    ("2024/2025", "'2024/2025'"),
    ("1899-1900", "'1899-1900'"),
    ("", "''"),
]

# Each method that takes a year, called on the small region with that year.
CALLS: dict[str, Callable[[passend.Dataset, Any], object]] = {
    "coverage": lambda ds, y: ds.coverage(year=y, suppress=False),
    "kpis": lambda ds, y: ds.kpis(year=y, kpi="leerlingen_bao", unit="PO1"),
    "kpis_list": lambda ds, y: ds.kpis(year=[2024, y], kpi="leerlingen_bao", unit="PO1"),
    "explain": lambda ds, y: ds.explain("leerlingen_bao", "PO1", y),
    "flows": lambda ds, y: ds.flows(y, "PO1"),
}


@pytest.fixture(scope="module")
def region() -> passend.Dataset:
    return passend.Dataset.from_folder(REGION)


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize(("year", "shown"), WRONG, ids=[s for _, s in WRONG])
def test_a_wrong_year_is_a_value_error_naming_the_argument(
    region: passend.Dataset, call: str, year: Any, shown: str
) -> None:
    with pytest.raises(ValueError) as raised:
        CALLS[call](region, year)
    assert str(raised.value) == f"year {shown} {RULE}"


@pytest.mark.parametrize("call", CALLS)
def test_every_spelling_of_a_year_gives_the_same_result(
    region: passend.Dataset, call: str
) -> None:
    def same(a: object, b: object) -> bool:
        return repr(a) == repr(b)

    expected = CALLS[call](region, 2024)
    for spelling in ("2024-2025", "2024", " 2024-2025 ", np.int64(2024), np.int32(2024)):
        assert same(CALLS[call](region, spelling), expected), spelling


def test_none_is_every_year_or_the_default_but_not_a_year_in_a_list(
    region: passend.Dataset,
) -> None:
    assert region.kpis(year=None, kpi="leerlingen_bao", unit="PO1")["school_year"].nunique() == 2
    with pytest.raises(ValueError, match=f"^year None {RULE}$"):
        region.kpis(year=[2024, None], kpi="leerlingen_bao", unit="PO1")


def test_the_range_ends_are_years(region: passend.Dataset) -> None:
    # 1900 and 2200 are years: 1900-1901 lies before the data (nothing offered), 2200-2201
    # after their extract date (passend.Error).
    assert region.coverage(year=1900)["school_year"] == "1900-1901"
    with pytest.raises(passend.Error, match="not reported"):
        region.coverage(year="2200-2201")


def test_the_plan_and_the_demo_take_years_alike(demo: passend.Dataset) -> None:
    assert demo.plan_json(DEMO_PLAN, year=2024) == demo.plan_json(DEMO_PLAN, year="2024-2025")
    with pytest.raises(ValueError, match=f"^year 20245 {RULE}$"):
        demo.plan(DEMO_PLAN, year=20245)
    with pytest.raises(ValueError, match=f"^last_year '2024-25' {RULE}$"):
        passend.Dataset.demo(pupils=100, last_year="2024-25")
    one = passend.Dataset.demo(pupils=200, years=2, last_year="2022-2023")
    assert one.school_years == ["2021-2022", "2022-2023"]
    assert passend.Dataset.demo(pupils=200, years=2, last_year=2022).school_years == \
        one.school_years


def test_the_core_rejects_unchecked_years_too(region: passend.Dataset) -> None:
    from passend import _core

    assert _core.school_year("2024-2025", "year") == 2024
    with pytest.raises(ValueError, match=f"^year 99999 {RULE}$"):
        _core.coverage(region._ds, 99999, None, True)
    with pytest.raises(ValueError, match=f"^year 0 {RULE}$"):
        _core.flows(region._ds, 0, "NL", "flows", "paying", True)
