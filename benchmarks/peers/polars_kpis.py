# SPDX-License-Identifier: EUPL-1.2
"""The peer KPIs in polars: typed scan_csv collected into frames (the load), then lazy queries
(range joins on the years with join_where, the paying partnership by a sort and a first per
pupil, transitions by shift over the pupil), collected together with collect_all."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import polars as pl

from common import (COLUMNS, DEELNAME_BASE, DIRECT_GAP_DAYS, LONG_RELATIVE_DAYS, PAID, SECTOR,
                    TLV_SETTINGS, TRANSITIONS, extract_date, school_years, years_frame)

S, D, I8 = pl.String, pl.Date, pl.Int8
TABLES = {
    "swvs": {"swv_id": S, "name": S, "sector": S},
    "regions": {"municipality": S, "swv_id": S},
    "schools": {"school_id": S, "name": S, "board_id": S, "swv_id": S, "setting": S,
                "municipality": S},
    "pupils": {"pupil_id": S, "birth_date": D, "municipality": S},
    "enrolments": {"pupil_id": S, "school_id": S, "start_date": D, "end_date": D, "grade": I8,
                   "exit": S},
    "tlvs": {"tlv_id": S, "pupil_id": S, "swv_id": S, "setting": S, "category": S,
             "request_date": D, "decision_date": D, "outcome": S, "start_date": D, "end_date": D,
             "objection": S, "complete_date": D},
    "absences": {"pupil_id": S, "kind": S, "start_date": D, "end_date": D, "article": S},
}
FAR = pl.date(9999, 12, 31)


def load(folder: Path) -> dict[str, pl.DataFrame]:
    frames = [pl.scan_csv(folder / f"{name}.csv", schema=schema) for name, schema in TABLES.items()]
    tables = dict(zip(TABLES, pl.collect_all(frames)))
    tables["extract"] = pl.DataFrame({"extract_date": [extract_date(folder)]})
    return tables


def compute(t: dict[str, pl.DataFrame]) -> pd.DataFrame:
    en, tl, ab = t["enrolments"].lazy(), t["tlvs"].lazy(), t["absences"].lazy()
    first = min(t["enrolments"]["start_date"].min(), t["absences"]["start_date"].min())
    years = pl.from_pandas(years_frame(school_years(first, t["extract"]["extract_date"][0])))
    years = years.with_columns(pl.col("teldatum", "first_day", "last_day").cast(pl.Date)).lazy()
    schools = (t["schools"].lazy().select("school_id", "setting", "swv_id")
               .rename({"swv_id": "school_swv"}))

    on_day = (en.with_columns(last=pl.col("end_date").fill_null(FAR))
              .join_where(years, pl.col("start_date") <= pl.col("teldatum"),
                          pl.col("last") >= pl.col("teldatum"))
              # the last in passend's order (start, then end) wins: a switch day gives the new one
              .sort("start_date", "last", descending=True)
              .unique(["school_year", "pupil_id"], keep="first")
              .join(schools, on="school_id"))
    paid = (on_day.filter(pl.col("setting").is_in(PAID))
            .join(tl.filter(pl.col("outcome") == "toegekend"), on="pupil_id", suffix="_tlv")
            .filter(pl.col("setting") == pl.col("setting_tlv"),
                    pl.col("start_date_tlv") <= pl.col("teldatum"),
                    pl.col("end_date_tlv").fill_null(FAR) >= pl.col("teldatum"))
            .sort("decision_date", "tlv_id", descending=True)
            .unique(["school_year", "pupil_id"], keep="first")
            .select("school_year", "pupil_id", "swv_id").rename({"swv_id": "tlv_swv"}))
    region = (t["regions"].lazy().join(t["swvs"].lazy().select("swv_id", "sector"), on="swv_id")
              .select("municipality", "sector", "swv_id").rename({"swv_id": "region_swv"}))
    attributed = (on_day.join(paid, on=["school_year", "pupil_id"], how="left")
                  .join(t["pupils"].lazy().select("pupil_id", "municipality"), on="pupil_id",
                        how="left")
                  .with_columns(sector=pl.col("setting").replace_strict(SECTOR))
                  .join(region, on=["municipality", "sector"], how="left")
                  .with_columns(unit=pl.when(pl.col("setting").is_in(PAID))
                                .then(pl.coalesce("tlv_swv", "region_swv", "school_swv"))
                                .otherwise("school_swv")))
    stocks = _with_nation(attributed.group_by("school_year", "unit", "setting").len("pupils"),
                          ["school_year", "setting"], "pupils")

    # one sort, then each row against the one before it (no per-pupil window needed)
    moves = (en.join(schools, on="school_id")
             .sort("pupil_id", "start_date", "end_date", nulls_last=True)
             .with_columns(same=pl.col("pupil_id") == pl.col("pupil_id").shift(),
                           prev_end=pl.col("end_date").shift(),
                           prev_setting=pl.col("setting").shift(),
                           unit=pl.col("school_swv").shift())
             .filter(pl.col("same"),
                     (pl.col("start_date") - pl.col("prev_end")).dt.total_days() <= DIRECT_GAP_DAYS)
             .join_where(years, pl.col("start_date") >= pl.col("first_day"),
                         pl.col("start_date") <= pl.col("last_day")))
    transitions = _with_nation(moves.group_by("school_year", "unit", "prev_setting", "setting")
                               .len("moves"), ["school_year", "prev_setting", "setting"], "moves")

    def in_year(column: str) -> pl.LazyFrame:
        return tl.join_where(years, pl.col(column) >= pl.col("first_day"),
                             pl.col(column) <= pl.col("last_day"))

    requests = _with_nation(in_year("request_date").group_by("school_year", unit="swv_id")
                            .len("n"), ["school_year"], "n")
    granted = in_year("decision_date").filter(pl.col("outcome") == "toegekend")
    granted_all = _with_nation(granted.group_by("school_year", unit="swv_id").len("n"),
                               ["school_year"], "n")
    granted_setting = _with_nation(granted.group_by("school_year", "setting", unit="swv_id")
                                   .len("n"), ["school_year", "setting"], "n")

    qualifying = (ab.filter(pl.col("kind").is_in(["absoluut", "relatief"]))
                  .with_columns(last=pl.col("end_date").fill_null(FAR))
                  .join_where(years, pl.col("start_date") <= pl.col("last_day"),
                              pl.col("last") >= pl.col("first_day"))
                  .with_columns(absolute=pl.col("kind") == "absoluut",
                                long_relative=(pl.col("kind") == "relatief") & (
                                    (pl.col("end_date").fill_null(pl.col("last_day"))
                                     - pl.col("start_date")).dt.total_days() + 1
                                    > LONG_RELATIVE_DAYS)))
    absences = qualifying.group_by("school_year").agg(
        absoluut_verzuim=pl.col("pupil_id").filter("absolute").n_unique(),
        langdurig_relatief_verzuim=pl.col("pupil_id").filter("long_relative").n_unique(),
        thuiszitters=pl.col("pupil_id").filter(pl.col("absolute") | pl.col("long_relative"))
        .n_unique())

    results = pl.collect_all([stocks, transitions, requests, granted_all, granted_setting,
                              absences])
    return _tidy(*results)


def _with_nation(grouped: pl.LazyFrame, by: list[str], count: str) -> pl.LazyFrame:
    """The partnership rows and their national sums (unit NL)."""
    nation = grouped.group_by(by).agg(pl.col(count).sum()).with_columns(unit=pl.lit("NL"))
    return pl.concat([grouped, nation], how="diagonal")


def _tidy(stocks: pl.DataFrame, transitions: pl.DataFrame, requests: pl.DataFrame,
          granted: pl.DataFrame, granted_setting: pl.DataFrame,
          absences: pl.DataFrame) -> pd.DataFrame:
    """The small grouped results as (kpi, school_year, unit, numerator, denominator) rows."""
    key = ["school_year", "unit"]
    wide = stocks.pivot("setting", index=key, values="pupils").fill_null(0)
    present = [c for c in wide.columns if c not in key]
    parts = [wide.select(*key, kpi=pl.lit(f"leerlingen_{s}"), numerator=pl.col(s))
             for s in present]
    parts.append(wide.select(*key, kpi=pl.lit("leerlingen_totaal"),
                             numerator=pl.sum_horizontal(present)))
    for s, base in DEELNAME_BASE.items():
        parts.append(wide.select(*key, kpi=pl.lit(f"deelname_{s}"), numerator=pl.col(s),
                                 denominator=pl.sum_horizontal(base)))
    for kpi, pairs in TRANSITIONS.items():
        match = pl.any_horizontal([(pl.col("prev_setting") == a) & (pl.col("setting") == b)
                                   for a, b in pairs])
        parts.append(transitions.filter(match).group_by(key)
                     .agg(numerator=pl.col("moves").sum()).with_columns(kpi=pl.lit(kpi)))
    parts.append(requests.select(*key, kpi=pl.lit("tlv_aanvragen"), numerator="n"))
    parts.append(granted.select(*key, kpi=pl.lit("tlv_toegekend"), numerator="n"))
    for s in TLV_SETTINGS:
        parts.append(granted_setting.filter(pl.col("setting") == s)
                     .select(*key, kpi=pl.lit(f"tlv_toegekend_{s}"), numerator="n"))
    for kpi in ("absoluut_verzuim", "langdurig_relatief_verzuim", "thuiszitters"):
        parts.append(absences.select("school_year", unit=pl.lit("NL"), kpi=pl.lit(kpi),
                                     numerator=kpi))
    out = pl.concat([p.with_columns(pl.col("numerator").cast(pl.Float64)) for p in parts],
                    how="diagonal_relaxed")
    return out.select(COLUMNS).to_pandas()
