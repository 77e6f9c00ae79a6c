# SPDX-License-Identifier: EUPL-1.2
"""The peer KPIs in polars: typed scan_csv collected into frames (the load), then one lazy graph
collected with collect_all: the enrolments sorted once in passend's order (cached; shift for the
transitions and for a later enrolment taking a teldatum), the teldata an enrolment covers by date
arithmetic (no join_where on the years), counts per span of teldata spread by int_ranges, the
TLV join for so/vso pupils only."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import polars as pl

from common import (COLUMNS, DEELNAME_BASE, DIRECT_GAP_DAYS, LONG_RELATIVE_DAYS, PAID, SECTOR,
                    SETTINGS, TLV_SETTINGS, TRANSITIONS, extract_date, school_years)

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


def load(folder: Path) -> dict[str, pl.DataFrame]:
    frames = [pl.scan_csv(folder / f"{name}.csv", schema=schema) for name, schema in TABLES.items()]
    tables = dict(zip(TABLES, pl.collect_all(frames)))
    tables["extract"] = pl.DataFrame({"extract_date": [extract_date(folder)]})
    return tables


def _year_of(column: str) -> pl.Expr:
    """The school year (its start year) holding a date: 1 August + 153 days is 1 January."""
    return (pl.col(column) + pl.duration(days=153)).dt.year() - 1


def _teldata(first: int, last: int) -> tuple[pl.Expr, pl.Expr]:
    """The years k0..k1 whose teldatum (1 October) an interval from start_date to end_date (open:
    on) covers, within the reported years: 1 October is on or after d when year(d + 91 days) is
    at most its year, on or before d when year(d + 92 days) - 1 is at least its year."""
    k0 = pl.max_horizontal((pl.col("start_date") + pl.duration(days=91)).dt.year(), first)
    k1 = pl.min_horizontal((pl.col("end_date") + pl.duration(days=92)).dt.year() - 1, last)
    return k0.alias("k0"), k1.fill_null(last).alias("k1")


def _spread(frame: pl.LazyFrame) -> pl.LazyFrame:
    """A row for each teldatum k of k0..k1."""
    return (frame.with_columns(k=pl.int_ranges("k0", pl.col("k1") + 1, dtype=pl.Int32))
            .explode("k"))


def compute(t: dict[str, pl.DataFrame]) -> pd.DataFrame:
    en, tl, ab = t["enrolments"].lazy(), t["tlvs"].lazy(), t["absences"].lazy()
    first = min(t["enrolments"]["start_date"].min(), t["absences"]["start_date"].min())
    extract = t["extract"]["extract_date"][0]
    years = school_years(first, extract)
    y0, yn = years[0].start, years[-1].start

    def in_span(column: str) -> pl.Expr:
        return pl.col(column).is_between(years[0].first_day, years[-1].last_day)

    k0, k1 = _teldata(y0, yn)
    # the few schools' labels as categories: what is carried along every enrolment is a code
    schools = t["schools"].lazy().select("school_id", pl.col("setting").cast(pl.Enum(SETTINGS)),
                                         pl.col("swv_id").cast(pl.Categorical))

    # Every enrolment in passend's order of a pupil's enrolments (start, then end, an open one
    # last), sorted once: the one before gives the transitions; the next one's first teldatum
    # tells whether a later enrolment takes one of this one's teldata (rare), and such a pupil
    # is then settled teldatum by teldatum.
    same_pupil = pl.col("pupil_id") == pl.col("pupil_id").shift()
    ordered = (en.select("pupil_id", "school_id", "start_date", "end_date")
               .join(schools, on="school_id").drop("school_id")
               .with_columns(k0, k1)
               .sort("pupil_id", "start_date", "end_date", nulls_last=True)
               .with_row_index("enrolment")
               .with_columns(pupil=(~same_pupil).fill_null(True).cum_sum(),  # an integer id
                             prev_end=pl.when(same_pupil).then(pl.col("end_date").shift()),
                             prev_setting=pl.col("setting").shift(),
                             prev_swv=pl.col("swv_id").shift(),
                             contested=(pl.col("pupil_id") == pl.col("pupil_id").shift(-1))
                             & (pl.col("k0").shift(-1) <= pl.col("k1"))).cache())
    covering = ordered.filter(pl.col("k0") <= pl.col("k1"))
    contested = ordered.filter("contested").select("pupil").unique()
    # a contested pupil's enrolments teldatum by teldatum: all but the last in order lose it
    lost = (_spread(covering.join(contested, on="pupil", how="semi").sort("enrolment"))
            .filter(~pl.struct("pupil", "k").is_last_distinct())
            .select("enrolment", "setting", "swv_id", "k"))
    # regular and sbo/pro pupils count for their school's partnership: count enrolments per
    # (partnership, setting, span of teldata), spread the spans, take off what was lost
    regular = pl.concat([
        _spread(covering.filter(~pl.col("setting").is_in(PAID))
                .group_by("swv_id", "setting", "k0", "k1").agg(n=pl.len().cast(pl.Int64))),
        lost.filter(~pl.col("setting").is_in(PAID)).with_columns(n=pl.lit(-1, pl.Int64)),
    ], how="diagonal").group_by("k", "setting", unit="swv_id").agg(pl.col("n").sum())
    # so/vso pupils (a few percent) each teldatum apart: for the partnership of the granted TLV
    # for that setting covering it decided last, else the region, else the school
    paid_days = (_spread(covering.filter(pl.col("setting").is_in(PAID)))
                 .join(lost, on=["enrolment", "k"], how="anti")
                 .select("pupil_id", "setting", "swv_id", "k"))
    granted = (tl.filter(pl.col("outcome") == "toegekend", pl.col("setting").is_in(PAID),
                         pl.col("start_date").is_not_null())
               .select("pupil_id", pl.col("setting").cast(pl.Enum(SETTINGS)), "decision_date",
                       "tlv_id", k0, k1,
                       tlv_swv="swv_id"))
    paid = (paid_days.select("pupil_id", "setting", "k")
            .join(granted, on=["pupil_id", "setting"])
            .filter(pl.col("k").is_between("k0", "k1"))
            .sort("decision_date", "tlv_id")
            .group_by("pupil_id", "k").agg(pl.col("tlv_swv").last()))
    region = (t["regions"].lazy().join(t["swvs"].lazy().select("swv_id", "sector"), on="swv_id")
              .rename({"swv_id": "region_swv"}))
    attributed = (paid_days.join(paid, on=["pupil_id", "k"], how="left")
                  .join(t["pupils"].lazy().select("pupil_id", "municipality"), on="pupil_id",
                        how="left")
                  .with_columns(sector=pl.col("setting").replace_strict(SECTOR))
                  .join(region, on=["municipality", "sector"], how="left")
                  .group_by("k", "setting",
                            unit=pl.coalesce("tlv_swv", "region_swv", "swv_id")).len("n"))
    stocks = _with_nation(pl.concat([regular, attributed], how="vertical_relaxed"),
                          ["k", "setting"], "n")

    moves = (ordered.filter(pl.col("start_date") - pl.col("prev_end")
                            <= pl.duration(days=DIRECT_GAP_DAYS), in_span("start_date"))
             .group_by(_year_of("start_date").alias("k"), "prev_setting", "setting",
                       unit="prev_swv").len("n"))
    transitions = _with_nation(moves, ["k", "prev_setting", "setting"], "n")

    requested = tl.filter(in_span("request_date")).select(k=_year_of("request_date"),
                                                          unit="swv_id")
    requests = _with_nation(requested.group_by("k", "unit").len("n"), ["k"], "n")
    decided = tl.filter(pl.col("outcome") == "toegekend", in_span("decision_date")).select(
        "setting", k=_year_of("decision_date"), unit="swv_id")
    granted_all = _with_nation(decided.group_by("k", "unit").len("n"), ["k"], "n")
    granted_setting = _with_nation(decided.group_by("k", "unit", "setting").len("n"),
                                   ["k", "setting"], "n")

    # an absence overlaps the years from its start's to its end's
    last_day = pl.min_horizontal(pl.date(pl.col("k") + 1, 7, 31), pl.lit(extract))
    qualifying = (ab.filter(pl.col("kind").is_in(["absoluut", "relatief"]),
                            pl.col("start_date") <= years[-1].last_day,
                            pl.col("end_date").is_null()
                            | (pl.col("end_date") >= years[0].first_day))
                  .with_columns(k0=pl.max_horizontal(_year_of("start_date"), y0),
                                k1=pl.min_horizontal(_year_of("end_date"), yn).fill_null(yn))
                  .pipe(_spread)
                  .with_columns(absolute=pl.col("kind") == "absoluut",
                                long_relative=(pl.col("kind") == "relatief") & (
                                    (pl.col("end_date").fill_null(last_day)
                                     - pl.col("start_date")).dt.total_days() + 1
                                    > LONG_RELATIVE_DAYS)))
    absences = qualifying.group_by("k").agg(
        absoluut_verzuim=pl.col("pupil_id").filter("absolute").n_unique(),
        langdurig_relatief_verzuim=pl.col("pupil_id").filter("long_relative").n_unique(),
        thuiszitters=pl.col("pupil_id").filter(pl.col("absolute") | pl.col("long_relative"))
        .n_unique())

    # one graph, the sorted enrolments computed once (cache(): the branches read different
    # columns of them, so the common subplan elimination does not see one plan)
    results = pl.collect_all([stocks, transitions, requests, granted_all, granted_setting,
                              absences])
    label = (pl.col("k").cast(pl.String) + "-" + (pl.col("k") + 1).cast(pl.String))
    return _tidy(*(r.with_columns(school_year=label).drop("k") for r in results))


def _with_nation(grouped: pl.LazyFrame, by: list[str], count: str) -> pl.LazyFrame:
    """The partnership rows and their national sums (unit NL)."""
    grouped = grouped.with_columns(pl.col("unit").cast(pl.String))
    nation = grouped.group_by(by).agg(pl.col(count).sum()).with_columns(unit=pl.lit("NL"))
    return pl.concat([grouped, nation], how="diagonal")


def _tidy(stocks: pl.DataFrame, transitions: pl.DataFrame, requests: pl.DataFrame,
          granted: pl.DataFrame, granted_setting: pl.DataFrame,
          absences: pl.DataFrame) -> pd.DataFrame:
    """The small grouped results as (kpi, school_year, unit, numerator, denominator) rows."""
    key = ["school_year", "unit"]
    wide = stocks.pivot("setting", index=key, values="n").fill_null(0)
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
                     .agg(numerator=pl.col("n").sum()).with_columns(kpi=pl.lit(kpi)))
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
