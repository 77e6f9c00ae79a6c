# SPDX-License-Identifier: EUPL-1.2
"""passend.plot on hand-made frames: the pieces a reader relies on are drawn (norm band, national
line, annotations, suppressed cells, the three forecast series)."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import passend.plot as pp  # noqa: E402

YEARS = ["2021-2022", "2022-2023", "2023-2024"]


def kpi_frame() -> pd.DataFrame:
    rows = [("deelname_so", y, level, unit, v) for y, a, b in zip(YEARS, [1.7, 1.9, 2.1],
                                                                  [1.5, 1.6, 1.6])
            for level, unit, v in (("swv", "PO3104", a), ("national", "NL", b))]
    return pd.DataFrame(rows, columns=["kpi", "school_year", "level", "unit", "value"])


@pytest.fixture(autouse=True)
def close_figures() -> None:
    plt.close("all")


def out_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PASSEND_BUILD_DIR", tmp_path)) / "plot_tests"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_kpi_trend_with_norm_band(tmp_path: Path) -> None:
    ax = pp.kpi_trend(kpi_frame(), "deelname_so", "PO3104", norm=("at_most", 1.8, 0.2))
    plt.gcf().savefig(out_dir(tmp_path) / "kpi_trend.png")
    labels = [line.get_label() for line in ax.get_lines()]
    assert "PO3104" in labels and "Nederland" in labels
    assert len(ax.patches) == 2  # met (green) and aandacht (amber)
    low, high = ax.get_ylim()
    assert low < 1.5 and high > 2.1
    with pytest.raises(KeyError):
        pp.kpi_trend(kpi_frame(), "deelname_so", "PO9999")
    with pytest.raises(ValueError):
        pp.kpi_trend(kpi_frame(), "deelname_so", "PO3104", norm=("about", 1.0))


def test_flows_heatmap_marks_suppressed_cells(tmp_path: Path) -> None:
    flows = pd.DataFrame([[120, 3, 0], [pd.NA, 40, 7], [0, 0, 0]], dtype="Int64",
                         index=["bao", "sbo", "so"], columns=["bao", "sbo", "so"])
    ax = pp.flows_heatmap(flows)
    plt.gcf().savefig(out_dir(tmp_path) / "flows.png")
    texts = [t.get_text() for t in ax.texts]
    assert "<5" in texts and "120" in texts
    assert len(texts) == 6  # the empty row 'so' is dropped


def test_forecast_draws_every_series(tmp_path: Path) -> None:
    rows = []
    for setting, base in (("sbo", 100.0), ("so", 80.0)):
        rows += [(y, setting, "observed", base + i) for i, y in enumerate(YEARS)]
        rows += [(y, setting, s, base * f) for y in ("2024-2025", "2025-2026")
                 for s, f in (("baseline", 1.0), ("scenario", 0.9))]
    frame = pd.DataFrame(rows, columns=["school_year", "setting", "series", "pupils"])
    frame.attrs.update(unit="PO3104", scenario="minder")
    ax = pp.forecast(frame)
    plt.gcf().savefig(out_dir(tmp_path) / "forecast.png")
    styles = sorted({str(line.get_linestyle()) for line in ax.get_lines()})
    assert set(styles) == {"--", "-", ":"}
    assert "minder" in ax.get_title()
    highest = max(float(np.nanmax(np.asarray(line.get_ydata(), dtype=float)))
                  for line in ax.get_lines())
    assert highest == 102
