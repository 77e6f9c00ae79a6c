# SPDX-License-Identifier: EUPL-1.2
"""Plots for reports, with matplotlib: a KPI's trend against its norm and the national line, the
flows between settings as a heat map, and a forecast with its scenario.

Each function draws on ``ax`` (a new figure when None) and returns the Axes, so plots can be
combined and saved with ``ax.figure.savefig(...)``. Import needs matplotlib
(``pip install passend[plot]``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import numpy.typing as npt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import PowerNorm
from matplotlib.lines import Line2D

from ._dataset import catalog as _catalog

__all__ = ["kpi_trend", "flows_heatmap", "forecast"]

_GOOD, _WARN = "#2e7d32", "#f9a825"
_SETTING_COLOURS = {"bao": "#1f77b4", "sbo": "#ff7f0e", "so": "#d62728", "vo": "#2ca02c",
                    "pro": "#9467bd", "vso": "#8c564b"}
_UNIT_LABELS = {"percent": "%", "count": "aantal", "days": "dagen", "euro": "euro",
                "score": "score (0-1)", "years": "schooljaren",
                "per_1000": "per 1000 leerlingen"}


def _axes(ax: Axes | None, size: tuple[float, float] = (8, 4.5)) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _definition(kpis: pd.DataFrame, kpi: str) -> pd.Series[Any] | None:
    path = kpis.attrs.get("catalog")
    definitions = _catalog(path if isinstance(path, str) else None)
    row = definitions.loc[kpi] if kpi in definitions.index else None
    return row if isinstance(row, pd.Series) else None


def kpi_trend(
    kpis: pd.DataFrame,
    kpi: str,
    unit: str,
    *,
    national: bool = True,
    norm: tuple[str, float] | tuple[str, float, float] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The value of ``kpi`` for ``unit`` per school year, with the norm band (green where the
    norm is met, amber within its tolerance) and the national line (dashed).

    ``kpis`` is a frame from :meth:`passend.Dataset.kpis` holding the unit's and NL's rows.
    The norm is the catalog's, or ``norm=("at_most", 1.8, 0.2)`` (direction, target, tolerance):
    a partnership's own target from its ondersteuningsplan.
    """
    ax = _axes(ax)
    rows = kpis[kpis["kpi"] == kpi]
    if rows.empty:
        raise KeyError(f"no rows for KPI {kpi!r} in the frame")
    years = sorted(rows["school_year"].astype(str).unique())
    x = np.arange(len(years))

    def series(u: str) -> npt.NDArray[np.float64]:
        own = rows[rows["unit"] == u].assign(school_year=lambda f: f["school_year"].astype(str))
        values = own.set_index("school_year")["value"].astype(float)
        return np.asarray(values.reindex(years).to_numpy(), dtype=np.float64)

    mine = series(unit)
    if np.all(np.isnan(mine)):
        raise KeyError(f"no values of {kpi!r} for unit {unit!r} (hidden, absent or not in frame)")
    definition = _definition(kpis, kpi)
    shown = [mine]
    if national and unit != "NL":
        nl = series("NL")
        shown.append(nl)
        ax.plot(x, nl, "--", color="0.45", marker="o", markersize=3, label="Nederland")
    ax.plot(x, mine, "-", color="#1f4e79", marker="o", linewidth=2.2, label=unit)

    finite = np.concatenate([s[np.isfinite(s)] for s in shown])
    low, high = float(finite.min()), float(finite.max())
    direction: str | None = None
    target = tolerance = 0.0
    if norm is not None:
        direction, target = norm[0], float(norm[1])
        extra: tuple[float, ...] = tuple(norm[2:])
        tolerance = float(extra[0]) if extra else 0.0
        if direction not in ("at_most", "at_least"):
            raise ValueError(f"norm direction must be 'at_most' or 'at_least', not {direction!r}")
    elif definition is not None and isinstance(definition["norm"], str):
        direction = definition["norm"]
        target, tolerance = float(definition["target"]), float(definition["tolerance"])
    if direction is not None:
        low, high = min(low, target - tolerance), max(high, target + tolerance)
        pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        bottom, top = low - pad, high + pad
        if direction == "at_most":
            ax.axhspan(bottom, target, color=_GOOD, alpha=0.12, label=f"norm ≤ {target:g}")
            if tolerance:
                ax.axhspan(target, target + tolerance, color=_WARN, alpha=0.15, label="aandacht")
        else:
            ax.axhspan(target, top, color=_GOOD, alpha=0.12, label=f"norm ≥ {target:g}")
            if tolerance:
                ax.axhspan(target - tolerance, target, color=_WARN, alpha=0.15, label="aandacht")
        ax.axhline(target, color=_GOOD, linewidth=1)
        ax.set_ylim(bottom, top)
    else:
        pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        ax.set_ylim(low - pad, high + pad)

    title = kpi
    if definition is not None:
        title = str(definition["title_nl"] or definition["title_en"] or kpi)
        ax.set_ylabel(_UNIT_LABELS.get(str(definition["unit"]), str(definition["unit"])))
    ax.set_title(f"{title} — {unit}")
    ax.set_xticks(x, years, rotation=30, ha="right")
    ax.set_xlabel("schooljaar")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="best", fontsize="small", frameon=False)
    return ax


def flows_heatmap(
    flows: pd.DataFrame,
    *,
    drop_empty: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """A flow matrix from :meth:`passend.Dataset.flows` as a heat map: rows where pupils come
    from, columns where they go, each cell annotated (``<5`` where suppressed).

    Colours follow a square-root scale so that the small off-diagonal flows (referrals, returns)
    stay visible next to the large ones.
    """
    frame = flows
    if drop_empty:
        nonzero = frame.fillna(1).ne(0)
        frame = frame.loc[nonzero.any(axis=1), nonzero.any(axis=0)]
    values = frame.to_numpy(dtype=float, na_value=np.nan)
    height = 0.55 * len(frame.index) + 1.8
    width = 0.75 * len(frame.columns) + 2.5
    ax = _axes(ax, (max(width, 6), max(height, 3.5)))
    shown = np.ma.masked_invalid(values)
    vmax = float(np.nanmax(values)) if np.isfinite(values).any() else 1.0
    image = ax.imshow(shown, cmap="Blues", norm=PowerNorm(0.5, vmin=0, vmax=max(vmax, 1)),
                      aspect="auto")
    ax.set_facecolor("0.88")  # suppressed cells
    for (r, c), v in np.ndenumerate(values):
        text = "<5" if np.isnan(v) else f"{int(v):,}".replace(",", ".")
        dark = np.isfinite(v) and v > 0.45 * vmax
        ax.text(c, r, text, ha="center", va="center", fontsize=8,
                color="white" if dark else "0.15")
    ax.set_xticks(range(len(frame.columns)), [str(c) for c in frame.columns], rotation=40,
                  ha="right")
    ax.set_yticks(range(len(frame.index)), [str(i) for i in frame.index])
    ax.set_xlabel("naar")
    ax.set_ylabel("van")
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="leerlingen")
    title = "Leerlingstromen"
    if frame.attrs:
        title += f" {frame.attrs.get('unit', '')} {frame.attrs.get('school_year', '')}"
    ax.set_title(title.strip())
    return ax


def forecast(
    forecast: pd.DataFrame,
    settings: str | Iterable[str] | None = None,
    *,
    ax: Axes | None = None,
) -> Axes:
    """Observed and projected pupils per setting from :meth:`passend.Dataset.forecast`: observed
    solid, baseline dashed, scenario dotted, one colour per setting."""
    ax = _axes(ax)
    frame = forecast
    chosen = (
        list(dict.fromkeys(frame["setting"]))
        if settings is None
        else [settings] if isinstance(settings, str) else list(settings)
    )
    years = sorted(frame["school_year"].unique())
    position = {y: i for i, y in enumerate(years)}
    styles = {"observed": "-", "baseline": "--", "scenario": ":"}
    for setting in chosen:
        colour = _SETTING_COLOURS.get(setting, None)
        rows = frame[frame["setting"] == setting]
        observed = rows[rows["series"] == "observed"].sort_values("school_year")
        if observed["pupils"].fillna(0).eq(0).all() and settings is None:
            continue  # a setting the unit does not have
        for series, style in styles.items():
            part = rows[rows["series"] == series].sort_values("school_year")
            if part.empty:
                continue
            if series != "observed" and not observed.empty:
                part = pd.concat([observed.tail(1), part])  # join the projection to the data
            ax.plot([position[y] for y in part["school_year"]], part["pupils"], style,
                    color=colour, marker="o" if series == "observed" else None, markersize=3,
                    linewidth=2 if series == "observed" else 1.6,
                    label=setting if series == "observed" else None)
    first_projected = frame.loc[frame["series"] != "observed", "school_year"].min()
    if isinstance(first_projected, str):
        ax.axvspan(position[first_projected] - 0.5, len(years) - 0.5, color="0.93", zorder=0)
    ax.set_xticks(range(len(years)), years, rotation=30, ha="right")
    ax.set_ylabel("leerlingen op teldatum")
    title = f"Prognose {frame.attrs.get('unit', '')}".strip()
    if frame.attrs.get("scenario"):
        title += f" — scenario '{frame.attrs['scenario']}'"
    ax.set_title(title)
    ax.grid(axis="y", alpha=0.3)
    handles, _ = ax.get_legend_handles_labels()
    handles += [Line2D([], [], color="0.3", linestyle="--", label="prognose (basis)")]
    if "scenario" in set(frame["series"]):
        handles += [Line2D([], [], color="0.3", linestyle=":", label="scenario")]
    ax.legend(handles=handles, fontsize="small", frameon=False, loc="best")
    return ax
