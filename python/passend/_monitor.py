# SPDX-License-Identifier: EUPL-1.2
"""The partnership's monitor as DataFrames, made from the ``passend-monitor`` JSON document that
``passend monitor --format json`` prints (one implementation behind both)."""

from __future__ import annotations

from typing import Any, NamedTuple

import pandas as pd


class Monitor(NamedTuple):
    """The monitor on one day (:meth:`passend.Dataset.monitor`). Numbers are float64, NaN when
    absent or hidden; ``attrs`` of each frame hold ``day``, ``extract_date``, ``school_year`` and
    ``partial``; ``document`` is the JSON document itself (a hidden small count there is
    ``"<5"``)."""

    headline: pd.DataFrame
    """One row per partnership and KPI: ``unit, kpi, value, numerator, denominator, change,
    previous, partial, national, reference, reference_source``."""
    distributions: pd.DataFrame
    """One row per partnership, distribution (``open_requests``: open TLV requests by age;
    ``thuiszitters``: by duration) and bin: ``unit, distribution, bin, label_nl, label_en, count,
    small`` (``small``: the count is hidden as a small count), with the total as bin ``total``."""
    cross_border: pd.DataFrame
    """One row per partnership and setting (and ``ondersteuningsbekostiging``: the money, in
    euro): ``unit, setting, outgoing, incoming``."""
    document: dict[str, Any]


def _number(value: Any) -> float:
    """A number of the document as float: NaN for null and for a hidden small count ("<5")."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else float("nan")


_HEADLINE = ["value", "numerator", "denominator", "change", "previous", "national"]


def monitor_frames(document: dict[str, Any]) -> Monitor:
    """The frames of a ``passend-monitor`` document."""
    headline: list[dict[str, Any]] = []
    bins: list[dict[str, Any]] = []
    border: list[dict[str, Any]] = []
    for unit in document["partnerships"]:
        uid = unit["id"]
        for f in unit["headline"]:
            ref = f["reference"]
            row: dict[str, Any] = {"unit": uid, "kpi": f["kpi"]}
            row.update({k: _number(f[k]) for k in _HEADLINE})
            row.update(partial=bool(f["partial"]),
                       reference=_number(ref["value"]) if ref else float("nan"),
                       reference_source=ref["source"] if ref else None)
            headline.append(row)
        for name in ("open_requests", "thuiszitters"):
            dist = unit[name]
            for b in dist["bins"] + [{"bin": "total", "label_nl": "totaal", "label_en": "total",
                                      "count": dist["total"]}]:
                bins.append({"unit": uid, "distribution": name, "bin": b["bin"],
                             "label_nl": b["label_nl"], "label_en": b["label_en"],
                             "count": _number(b["count"]), "small": isinstance(b["count"], str)})
        for b in unit["cross_border"]:
            border.append({"unit": uid, "setting": b["setting"],
                           "outgoing": _number(b["outgoing"]), "incoming": _number(b["incoming"])})
        border.append({"unit": uid, "setting": "ondersteuningsbekostiging",
                       "outgoing": _number(unit["money"]["outgoing"]),
                       "incoming": _number(unit["money"]["incoming"])})
    attrs = {k: document[k] for k in ("day", "extract_date", "school_year", "partial",
                                      "suppressed")}
    frames = []
    for rows, columns in (
        (headline, ["unit", "kpi", *_HEADLINE[:5], "partial", "national", "reference",
                    "reference_source"]),
        (bins, ["unit", "distribution", "bin", "label_nl", "label_en", "count", "small"]),
        (border, ["unit", "setting", "outgoing", "incoming"]),
    ):
        frame = pd.DataFrame(rows, columns=columns)
        frame.attrs.update(attrs)
        frames.append(frame)
    return Monitor(frames[0], frames[1], frames[2], document)
