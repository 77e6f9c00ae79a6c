# SPDX-License-Identifier: EUPL-1.2
"""Dataset.plan and Dataset.plan_json: the demo plan on the demo region against the figures of
`passend plan plans/demo-plan.json --demo --format json`, suppression on and off, invalid plans
as LoadError with file, rule and JSON pointer, a year outside the data, a plan for another
region.

Hand-checked figures (tests/cli_cycle.cmake has the derivation from `passend report --demo
--unit PO3104 --format csv`), 2024-2025, partnership PO3104:
  deelname_so 100/4844 = 2.064% (2023-2024: 93/4917 = 1.891%, also the baseline), at most 2
    with tolerance 0.2: aandacht; deelname_sbo 104/4844 = 2.147% <= 2.5: op koers;
  thuiszitters 15 -> 9 (-6), no target for 2024-2025;
  terugplaatsingen_so_bao 0 -> 1: "<5", so no change; terugplaatsingen_sbo_bao 3 -> 5: the 5 is
    hidden (it would give a small count back), the 3 is "<5";
  4 op koers, 1 aandacht, 0 niet op koers, 4 without a status.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import passend

ROOT = Path(__file__).resolve().parents[2]
DEMO_PLAN = ROOT / "plans" / "demo-plan.json"
PLANS = ROOT / "tests" / "data" / "plans"


def row(frame: pd.DataFrame, kpi: str) -> pd.Series[Any]:
    rows = frame[frame.kpi == kpi]
    assert len(rows) == 1, kpi
    return rows.iloc[0]


def test_same_document_as_the_cli(demo: passend.Dataset, cli: Callable[..., str]) -> None:
    printed = json.loads(cli("plan", str(DEMO_PLAN), "--demo", "--format", "json"))
    assert demo.plan_json(DEMO_PLAN, subject="demo: Zuid-Limburg") == printed
    internal = json.loads(cli("plan", str(DEMO_PLAN), "--demo", "--format", "json",
                              "--no-suppress", "--year", "2023"))
    assert demo.plan_json(DEMO_PLAN, 2023, False, subject="demo: Zuid-Limburg") == internal


def test_demo_plan_frame(demo: passend.Dataset) -> None:
    frame = demo.plan(DEMO_PLAN)
    assert list(frame.columns) == [
        "focus_point", "kpi", "level", "unit", "kpi_unit", "baseline_year", "baseline",
        "previous", "value", "change", "target", "direction", "tolerance", "status"]
    assert len(frame) == 9  # every indicator of the plan's four focus points, in plan order
    assert list(frame.focus_point.unique()) == [
        "so-sbo-daling", "terugplaatsing", "thuiszitters", "basisondersteuning"]
    assert frame.attrs == {
        "plan": "Kwaliteitsplan PO3104 Westelijke Mijnstreek (demo)", "swv": "PO3104",
        "school_year": "2024-2025", "previous_school_year": "2023-2024", "suppressed": True}
    for name in ("baseline", "previous", "value", "change", "target", "tolerance"):
        assert frame[name].dtype == "float64"

    so = row(frame, "deelname_so")
    assert (so.level, so.unit, so.kpi_unit) == ("swv", "PO3104", "percent")
    assert so.value == pytest.approx(100 / 4844 * 100, abs=1e-9)
    assert so.previous == pytest.approx(93 / 4917 * 100, abs=1e-9)
    assert so.change == pytest.approx(100 / 4844 * 100 - 93 / 4917 * 100, abs=1e-9)
    assert (so.baseline_year, so.baseline) == ("2023-2024", so.previous)
    assert (so.direction, so.target, so.tolerance, so.status) == ("at_most", 2.0, 0.2, "aandacht")
    assert row(frame, "deelname_sbo").value == pytest.approx(104 / 4844 * 100, abs=1e-9)
    assert row(frame, "deelname_sbo").status == "op_koers"

    # 2024-2025 runs through the demo's extract date, 2025-03-15: 7 thuiszitters then against
    # 11 by 15 March 2024 (the same period), 15 in the whole 2023-2024
    thuis = row(frame, "thuiszitters")
    assert (thuis.previous, thuis.value, thuis.change) == (15, 7, -4)
    assert pd.isna(thuis.status) and math.isnan(thuis.target) and pd.isna(thuis.direction)

    # "<5" and a hidden number are NaN, with no change or status beside them
    back_so = row(frame, "terugplaatsingen_so_bao")
    assert back_so.previous == 0 and math.isnan(back_so.value) and math.isnan(back_so.change)
    back_sbo = row(frame, "terugplaatsingen_sbo_bao")
    assert math.isnan(back_sbo.previous) and math.isnan(back_sbo.value)
    assert math.isnan(back_sbo.change)

    # a board's score: ankerpunt1_score of BG41001, 189.5/224, measured every two years
    anchor = row(frame, "ankerpunt1_score")
    assert (anchor.level, anchor.unit, anchor.status) == ("board", "BG41001", "op_koers")
    assert anchor.value == pytest.approx(189.5 / 224, abs=1e-9)
    assert (anchor.baseline_year, anchor.baseline) == ("2022-2023", pytest.approx(191 / 224))

    assert frame.status.value_counts().to_dict() == {"op_koers": 4, "aandacht": 1}
    assert frame.status.isna().sum() == 4


def test_suppression_on_and_off(demo: passend.Dataset) -> None:
    shown = demo.plan_json(DEMO_PLAN)
    indicators = {i["kpi"]: i for p in shown["focus_points"] for i in p["indicators"]}
    assert shown["suppressed"] is True and shown["small_count"] == "<5"
    assert indicators["terugplaatsingen_so_bao"]["value"] == "<5"
    assert indicators["terugplaatsingen_sbo_bao"]["previous"] == "<5"
    assert indicators["terugplaatsingen_sbo_bao"]["value"] == "<5"
    assert shown["extract_date"] == "2025-03-15" and shown["partial"] is True

    internal = demo.plan(DEMO_PLAN, suppress=False)
    assert internal.attrs["suppressed"] is False
    back_sbo = row(internal, "terugplaatsingen_sbo_bao")
    # 4 through 2025-03-15 against 2 by 15 March 2024 (3 in the whole 2023-2024)
    assert (back_sbo.previous, back_sbo.value, back_sbo.change) == (3, 4, 2)
    assert (back_sbo.baseline_year, back_sbo.baseline) == ("2024-2025", 4)
    back_so = row(internal, "terugplaatsingen_so_bao")
    assert (back_so.previous, back_so.value, back_so.change) == (0, 1, 1)
    # suppression hides nothing of the percentages: the same numbers either way
    shown_frame = demo.plan(DEMO_PLAN)
    assert row(internal, "deelname_so").value == row(shown_frame, "deelname_so").value


def test_plan_as_path_text_or_dict(demo: passend.Dataset) -> None:
    text = DEMO_PLAN.read_text(encoding="utf-8")
    by_path = demo.plan(DEMO_PLAN)
    pd.testing.assert_frame_equal(demo.plan(str(DEMO_PLAN)), by_path)
    pd.testing.assert_frame_equal(demo.plan(text), by_path)
    pd.testing.assert_frame_equal(demo.plan(json.loads(text)), by_path)


def test_year(demo: passend.Dataset) -> None:
    earlier = demo.plan(DEMO_PLAN, year="2023-2024")
    assert earlier.attrs["school_year"] == "2023-2024"
    assert earlier.status.isna().all()  # the plan sets no target for 2023-2024
    pd.testing.assert_frame_equal(demo.plan(DEMO_PLAN, year=2023), earlier)
    assert row(earlier, "thuiszitters").value == 15
    with pytest.raises(passend.Error) as err:
        demo.plan(DEMO_PLAN, year=2025)
    assert str(err.value) == (
        "year 2025-2026: the data has no such school year (it has 2020-2021 to 2024-2025)")


def test_invalid_plan(demo: passend.Dataset) -> None:
    path = PLANS / "broken.json"
    with pytest.raises(passend.LoadError) as err:
        demo.plan(path)
    e = err.value
    assert (e.file, e.line, e.column, e.rule) == (str(path), 0, 0, "unknown_kpi")
    assert e.message == (
        "focus point 'so-daling' /focus_points/0/indicators/0/kpi: unknown KPI id 'deelname_sox'")
    assert [(d.rule, d.message.split(": ")[0]) for d in e.diagnostics] == [
        ("unknown_kpi", "focus point 'so-daling' /focus_points/0/indicators/0/kpi"),
        ("unknown_key", "focus point 'so-daling' /focus_points/0/indicators/1/taregts"),
        ("bad_year", "focus point 'so-daling' /focus_points/0/indicators/2/targets/2024"),
        ("target_direction",
         "focus point 'so-daling' /focus_points/0/indicators/2/targets/2025-2026"),
    ]
    # the same lines `passend plan` prints, with the file named as given
    expected = (PLANS / "broken.expected").read_text(encoding="utf-8")
    assert "\n".join(str(d) for d in e.diagnostics) + "\n" == expected.replace(
        "plans/broken.json", str(path))
    assert isinstance(e, passend.Error) and isinstance(e, ValueError)

    # a dict or text is named plan.json; a JSON syntax error is located by line and column
    plan = json.loads(DEMO_PLAN.read_text(encoding="utf-8"))
    plan["focus_points"][1]["indicators"][0]["targets"] = {"2025-2026": {"at_least": "vijf"}}
    with pytest.raises(passend.LoadError) as err:
        demo.plan_json(plan)
    assert (err.value.file, err.value.rule) == ("plan.json", "wrong_type")
    assert err.value.message.startswith(
        "focus point 'terugplaatsing' /focus_points/1/indicators/0/targets/2025-2026/at_least: ")
    with pytest.raises(passend.LoadError) as err:
        demo.plan((PLANS / "syntax.json").read_text(encoding="utf-8"))
    assert (err.value.file, err.value.line, err.value.column, err.value.rule) == (
        "plan.json", 4, 16, "json_syntax")


def test_plan_for_another_region_warns(demo: passend.Dataset) -> None:
    plan = {"plan": "elders", "swv": "PO9999", "focus_points": [{
        "id": "so", "speerpunt": "minder so", "process": "TvO",
        "indicators": [{"kpi": "deelname_so", "targets": {"2024-2025": {"at_most": 2}}}]}]}
    with pytest.warns(UserWarning, match=r"^plan.json: warning: the data has no figures for swv "
                                         r"'PO9999' \(focus point 'so'\)$"):
        frame = demo.plan(plan)
    assert math.isnan(row(frame, "deelname_so").value) and pd.isna(row(frame, "deelname_so").status)
