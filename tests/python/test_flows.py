# SPDX-License-Identifier: EUPL-1.2
"""Flows and forecast on the demo region: labels, suppression, and the identities that tie them to
the KPIs (stocks move by inflow minus outflow; the forecast starts from the KPI's stocks)."""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pytest

import passend
from conftest import needs

pytestmark = [needs("flows"), needs("kpis")]

SETTINGS = ["bao", "sbo", "so", "vo", "pro", "vso"]


def test_labels(demo: passend.Dataset) -> None:
    year = demo.school_years[-1]
    flows = demo.flows(year)
    assert list(flows.index) == SETTINGS + ["instroom", "elders", "onderweg"]
    assert list(flows.columns[:8]) == SETTINGS + ["elders", "onderweg"]
    assert all(c.startswith("uitstroom_") for c in flows.columns[8:])
    yoy = demo.flows(year, "PO3104", matrix="verplaatsingen")
    assert list(yoy.index) == list(yoy.columns) == SETTINGS + ["elders", "buiten"]
    with pytest.raises(KeyError):
        demo.flows(year, "XX9999")


def test_suppression_hides_exactly_the_small_counts(demo: passend.Dataset) -> None:
    year = demo.school_years[-1]
    raw = demo.flows(year, "PO3104", suppress=False)
    shown = demo.flows(year, "PO3104")
    small = ((raw >= 1) & (raw <= 4)).astype(bool)
    assert small.to_numpy().any()
    assert shown.isna().equals(small)
    assert shown.where(~small).equals(raw.where(~small))


@pytest.mark.parametrize("unit", ["NL", "PO3104"])
def test_stocks_move_by_inflow_minus_outflow(demo: passend.Dataset, unit: str) -> None:
    kpis = demo.kpis(suppress=False, unit=unit, kpi=[f"leerlingen_{s}" for s in SETTINGS])
    stock = kpis.pivot_table(index="school_year", columns="kpi", values="numerator",
                             observed=True).fillna(0)
    checked = 0
    for previous, year in zip(demo.school_years, demo.school_years[1:]):
        flows = demo.flows(year, unit, suppress=False).to_numpy(dtype=np.int64)
        for i, s in enumerate(SETTINGS):
            column = f"leerlingen_{s}"
            if column not in stock.columns:
                continue
            inflow, outflow = flows[:, i].sum(), flows[i, :].sum()
            assert stock.loc[year, column] == stock.loc[previous, column] + inflow - outflow, (
                year, s)
            checked += 1
    assert checked > 0


def test_forecast_starts_from_the_observed_stocks(demo: passend.Dataset) -> None:
    forecast = demo.forecast(5, unit="PO3104", suppress=False)
    observed = forecast[forecast.series == "observed"].pivot_table(
        index="school_year", columns="setting", values="pupils")
    kpis = demo.kpis(suppress=False, unit="PO3104", kpi=["leerlingen_bao", "leerlingen_so"])
    for s in ("bao", "so"):
        rows = kpis[kpis.kpi == f"leerlingen_{s}"]
        numbers = rows.set_index(rows["school_year"].astype(str))
        for year, value in observed[s].items():
            assert value == numbers.loc[str(year), "numerator"], (s, year)
    years = sorted(forecast.loc[forecast.series == "baseline", "school_year"].unique())
    assert len(years) == 5 and years[0] > observed.index.max()


def test_a_scenario_moves_the_projection(demo: passend.Dataset) -> None:
    same = demo.forecast(3, {"name": "gelijk", "rates": [{"from": "bao", "to": "so", "factor": 1}]})
    pd.testing.assert_series_equal(
        same[same.series == "baseline"]["pupils"].reset_index(drop=True),
        same[same.series == "scenario"]["pupils"].reset_index(drop=True), check_names=False)
    fewer = demo.forecast(3, {"name": "minder so", "rates": [{"from": "bao", "to": "so",
                                                               "factor": 0.5}]})
    assert fewer.attrs["scenario"] == "minder so"
    so = fewer[(fewer.setting == "so") & (fewer.series != "observed")]
    last = so[so.school_year == so.school_year.max()].set_index("series")["pupils"]
    assert last["scenario"] < last["baseline"]
    with pytest.raises(passend.Error):
        demo.forecast(3, {"rates": [{"from": "bao", "to": "xx", "factor": 2}]})


def test_threads_share_a_dataset(demo: passend.Dataset) -> None:
    """The GIL is released during the computation; results do not depend on the threads."""
    results: list[pd.DataFrame] = []
    threads = [threading.Thread(target=lambda: results.append(demo.kpis(kpi="deelname_so")))
               for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for other in results[1:]:
        pd.testing.assert_frame_equal(results[0], other)
