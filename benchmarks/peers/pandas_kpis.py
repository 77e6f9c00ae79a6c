# SPDX-License-Identifier: EUPL-1.2
"""The peer KPIs in pandas: read_csv with the pyarrow engine (dates parsed, labels as
categories), then vectorised masks, merges, sorts and groupbys. The only Python loops run over
the ten school years and the few ids, never over rows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from common import (COLUMNS, DEELNAME_BASE, DIRECT_GAP_DAYS, LONG_RELATIVE_DAYS, PAID, SECTOR,
                    TLV_SETTINGS, TRANSITIONS, SchoolYear, extract_date, school_years)

DATES = {
    "pupils": ["birth_date"],
    "enrolments": ["start_date", "end_date"],
    "tlvs": ["request_date", "decision_date", "start_date", "end_date", "complete_date"],
    "absences": ["start_date", "end_date"],
}
LABELS = {"setting", "sector", "kind", "outcome", "category", "exit"}
TABLES = ("swvs", "regions", "schools", "pupils", "enrolments", "tlvs", "absences")
FAR = pd.Timestamp("2262-04-11")


def load(folder: Path) -> dict[str, pd.DataFrame]:
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        frame = pd.read_csv(folder / f"{name}.csv", engine="pyarrow",
                            parse_dates=DATES.get(name, []))
        for c in LABELS & set(frame.columns):
            frame[c] = frame[c].astype("category")
        tables[name] = frame
    tables["extract"] = pd.DataFrame({"extract_date": [pd.Timestamp(extract_date(folder))]})
    return tables


def _years(t: dict[str, pd.DataFrame]) -> list[SchoolYear]:
    first = min(t["enrolments"].start_date.min(), t["absences"].start_date.min()).date()
    return school_years(first, t["extract"].extract_date[0].date())


def _with_nation(grouped: pd.DataFrame, by: list[str], count: str) -> pd.DataFrame:
    nation = grouped.groupby(by, observed=True, as_index=False)[count].sum().assign(unit="NL")
    return pd.concat([grouped, nation], ignore_index=True)


def compute(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    years = _years(t)
    en, tl, ab = t["enrolments"], t["tlvs"], t["absences"]
    schools = t["schools"][["school_id", "setting", "swv_id"]].rename(
        columns={"swv_id": "school_swv"})
    # passend's order of a pupil's enrolments: start, then end (an open one last)
    en = en.assign(last=en.end_date.fillna(FAR)).sort_values(["pupil_id", "start_date", "last"])
    en = en.merge(schools, on="school_id", how="left")
    granted = tl[tl.outcome == "toegekend"]
    region = t["regions"].merge(t["swvs"][["swv_id", "sector"]], on="swv_id").rename(
        columns={"swv_id": "region_swv"})
    home = t["pupils"][["pupil_id", "municipality"]]

    stock_parts = []
    for y in years:
        day = pd.Timestamp(y.teldatum)
        on_day = en[(en.start_date <= day) & (en["last"] >= day)]
        on_day = on_day.drop_duplicates("pupil_id", keep="last")  # a switch day: the new one
        paid = on_day[on_day.setting.isin(PAID)]
        tlv = paid[["pupil_id", "setting"]].merge(granted, on=["pupil_id", "setting"])
        tlv = tlv[(tlv.start_date <= day) & (tlv.end_date.fillna(FAR) >= day)]
        tlv = (tlv.sort_values(["decision_date", "tlv_id"])
               .drop_duplicates("pupil_id", keep="last")[["pupil_id", "swv_id"]])
        paid = (paid.merge(tlv, on="pupil_id", how="left")
                .merge(home, on="pupil_id", how="left")
                .assign(sector=lambda f: f.setting.astype(str).map(SECTOR))
                .merge(region, on=["municipality", "sector"], how="left"))
        paid_unit = paid.swv_id.fillna(paid.region_swv).fillna(paid.school_swv)
        units = pd.concat([on_day.loc[~on_day.setting.isin(PAID), ["school_swv", "setting"]]
                           .rename(columns={"school_swv": "unit"}),
                           pd.DataFrame({"unit": paid_unit.to_numpy(),
                                         "setting": paid.setting.to_numpy()})])
        counted = units.groupby(["unit", "setting"], observed=True).size().rename("pupils")
        stock_parts.append(counted.reset_index().assign(school_year=y.label))
    stocks = _with_nation(pd.concat(stock_parts, ignore_index=True), ["school_year", "setting"],
                          "pupils")

    same = en.pupil_id.eq(en.pupil_id.shift())
    moves = pd.DataFrame({"start_date": en.start_date,
                          "gap": (en.start_date - en.end_date.shift()).dt.days,
                          "prev_setting": en.setting.shift(), "setting": en.setting,
                          "unit": en.school_swv.shift()})[same.to_numpy()]
    moves = moves[moves.gap <= DIRECT_GAP_DAYS]
    moves["school_year"] = _year_of(moves.start_date, years)
    moves = moves.dropna(subset=["school_year"])
    transitions = _with_nation(
        moves.groupby(["school_year", "unit", "prev_setting", "setting"], observed=True).size()
        .rename("moves").reset_index(), ["school_year", "prev_setting", "setting"], "moves")

    requests = tl.assign(school_year=_year_of(tl.request_date, years)).dropna(
        subset=["school_year"])
    requests = _with_nation(requests.groupby(["school_year", "swv_id"]).size().rename("n")
                            .reset_index().rename(columns={"swv_id": "unit"}),
                            ["school_year"], "n")
    decided = granted.assign(school_year=_year_of(granted.decision_date, years)).dropna(
        subset=["school_year"])
    granted_all = _with_nation(decided.groupby(["school_year", "swv_id"]).size().rename("n")
                               .reset_index().rename(columns={"swv_id": "unit"}),
                               ["school_year"], "n")
    granted_setting = _with_nation(
        decided.groupby(["school_year", "swv_id", "setting"], observed=True).size().rename("n")
        .reset_index().rename(columns={"swv_id": "unit"}), ["school_year", "setting"], "n")

    absence_rows = []
    relevant = ab[ab.kind.isin(["absoluut", "relatief"])]
    for y in years:
        first, last = pd.Timestamp(y.first_day), pd.Timestamp(y.last_day)
        end = relevant.end_date.fillna(last)
        overlap = relevant[(relevant.start_date <= last) & (end >= first)]
        end = end[overlap.index]
        absolute = overlap.kind == "absoluut"
        long_relative = (overlap.kind == "relatief") & (
            (end - overlap.start_date).dt.days + 1 > LONG_RELATIVE_DAYS)
        absence_rows.append({
            "school_year": y.label,
            "absoluut_verzuim": overlap.pupil_id[absolute].nunique(),
            "langdurig_relatief_verzuim": overlap.pupil_id[long_relative].nunique(),
            "thuiszitters": overlap.pupil_id[absolute | long_relative].nunique()})
    return _tidy(stocks, transitions, requests, granted_all, granted_setting,
                 pd.DataFrame(absence_rows))


def _year_of(dates: pd.Series, years: list[SchoolYear]) -> pd.Series:
    """The label of the reported school year holding each date (NaN outside them)."""
    bins = [pd.Timestamp(y.first_day) for y in years] + [pd.Timestamp(years[-1].last_day)
                                                          + pd.Timedelta(days=1)]
    return pd.cut(dates, bins, right=False, labels=[y.label for y in years]).astype(object)


def _tidy(stocks: pd.DataFrame, transitions: pd.DataFrame, requests: pd.DataFrame,
          granted: pd.DataFrame, granted_setting: pd.DataFrame,
          absences: pd.DataFrame) -> pd.DataFrame:
    key = ["school_year", "unit"]
    wide = stocks.pivot_table(index=key, columns="setting", values="pupils", aggfunc="sum",
                              fill_value=0, observed=True)
    wide.columns = wide.columns.astype(str)
    parts = [_rows(f"leerlingen_{s}", wide[s]) for s in wide.columns]
    parts.append(_rows("leerlingen_totaal", wide.sum(axis=1)))
    for s, base in DEELNAME_BASE.items():
        parts.append(_rows(f"deelname_{s}", wide[s], sum(wide[b] for b in base)))
    pair = list(zip(transitions.prev_setting.astype(str), transitions.setting.astype(str)))
    pairs = pd.Series(pair, index=transitions.index)
    for kpi, wanted in TRANSITIONS.items():
        sel = transitions[pairs.isin(wanted)]
        parts.append(_rows(kpi, sel.groupby(key).moves.sum()))
    parts.append(_rows("tlv_aanvragen", requests.set_index(key).n))
    parts.append(_rows("tlv_toegekend", granted.set_index(key).n))
    for s in TLV_SETTINGS:
        sel = granted_setting[granted_setting.setting.astype(str) == s]
        parts.append(_rows(f"tlv_toegekend_{s}", sel.set_index(key).n))
    nation = absences.assign(unit="NL").set_index(key)
    for kpi in ("absoluut_verzuim", "langdurig_relatief_verzuim", "thuiszitters"):
        parts.append(_rows(kpi, nation[kpi]))
    return pd.concat(parts, ignore_index=True)[COLUMNS]


def _rows(kpi: str, numerator: pd.Series, denominator: pd.Series | None = None) -> pd.DataFrame:
    frame = numerator.astype("float64").rename("numerator").reset_index()
    frame["denominator"] = np.nan if denominator is None else denominator.to_numpy(float)
    frame.insert(0, "kpi", kpi)
    return frame
