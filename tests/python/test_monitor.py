# SPDX-License-Identifier: EUPL-1.2
"""Dataset.monitor: the frames hold the numbers of `passend monitor --demo --format json` (the
document itself, and every frame value equal to its field), a day and a unit, suppression, and
the errors for a day after the extract date, an unknown partnership and a malformed day."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from typing import Any

import pytest

import passend


def number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) else math.nan


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize("args", [[], ["--day", "2024-10-01", "--unit", "PO3104"]])
def test_frames_equal_the_cli_json(demo: passend.Dataset, cli: Callable[..., str],
                                   args: list[str]) -> None:
    printed = json.loads(cli("monitor", "--demo", "--format", "json", *args))
    day = args[1] if args else None
    unit = args[3] if args else None
    m = demo.monitor(day=day, unit=unit, subject="demo: Zuid-Limburg")
    assert m.document == printed
    assert m.headline.attrs["day"] == printed["day"]
    head = m.headline.set_index(["unit", "kpi"])
    bins = m.distributions.set_index(["unit", "distribution", "bin"])
    checked = 0
    for u in printed["partnerships"]:
        for f in u["headline"]:
            row = head.loc[(u["id"], f["kpi"])]
            for field in ("value", "numerator", "denominator", "change", "previous", "national"):
                assert same(row[field], number(f[field])), (u["id"], f["kpi"], field)
                checked += 1
        for name in ("open_requests", "thuiszitters"):
            for b in u[name]["bins"]:
                row = bins.loc[(u["id"], name, b["bin"])]
                assert same(row["count"], number(b["count"]))
                assert bool(row["small"]) == (b["count"] == "<5")
                checked += 1
            assert same(bins.loc[(u["id"], name, "total")]["count"], number(u[name]["total"]))
    assert checked > 20
    assert len(m.cross_border) >= len(printed["partnerships"])  # the money row at least


def test_day_and_unit(demo: passend.Dataset) -> None:
    m = demo.monitor(day=dt.date(2024, 10, 1), unit="PO3105")
    assert m.document["day"] == "2024-10-01"
    assert m.document["school_year"] == "2024-2025"
    assert set(m.headline.unit) == {"PO3105"}
    assert list(m.distributions[m.distributions.distribution == "open_requests"].bin) == [
        "0-2w", "2-4w", "4-6w", "6-10w", "10w+", "total"]


def test_no_suppress_shows_every_count(demo: passend.Dataset) -> None:
    m = demo.monitor(unit="PO3104", suppress=False)
    assert not m.distributions.small.any()
    assert not m.distributions["count"].isna().any()
    counts = m.distributions.set_index(["distribution", "bin"])["count"]
    for name in ("open_requests", "thuiszitters"):
        assert counts[name].drop("total").sum() == counts[(name, "total")]


def test_errors(demo: passend.Dataset) -> None:
    with pytest.raises(passend.Error, match="day 2025-03-16 is after the data's extract date 2025-03-15"):
        demo.monitor(day="2025-03-16")
    with pytest.raises(passend.Error, match="unit 'XX9999': not a partnership of the data"):
        demo.monitor(unit="XX9999")
    with pytest.raises(ValueError, match="expected a date like 2025-03-15"):
        demo.monitor(day="1 maart")
