# SPDX-License-Identifier: EUPL-1.2
"""The peer KPIs in DuckDB SQL: typed read_csv into tables (the load), then one window pass over
the enrolments in passend's order, materialized once as a temp table (LAG for the transitions,
LEAD for a later enrolment taking a teldatum), the teldata an enrolment covers by date arithmetic
(no range join on the years), counts per span of teldata spread by range(), the TLV join for
so/vso pupils only, and national rows by GROUPING SETS."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from common import (DEELNAME_BASE, DIRECT_GAP_DAYS, LONG_RELATIVE_DAYS, PAID, SECTOR, TLV_SETTINGS,
                    TRANSITIONS, extract_date, school_years)

TABLES = {
    "swvs": {"swv_id": "VARCHAR", "name": "VARCHAR", "sector": "VARCHAR"},
    "regions": {"municipality": "VARCHAR", "swv_id": "VARCHAR"},
    "schools": {"school_id": "VARCHAR", "name": "VARCHAR", "board_id": "VARCHAR",
                "swv_id": "VARCHAR", "setting": "VARCHAR", "municipality": "VARCHAR"},
    "pupils": {"pupil_id": "VARCHAR", "birth_date": "DATE", "municipality": "VARCHAR"},
    "enrolments": {"pupil_id": "VARCHAR", "school_id": "VARCHAR", "start_date": "DATE",
                   "end_date": "DATE", "grade": "TINYINT", "exit": "VARCHAR"},
    "tlvs": {"tlv_id": "VARCHAR", "pupil_id": "VARCHAR", "swv_id": "VARCHAR",
             "setting": "VARCHAR", "category": "VARCHAR", "request_date": "DATE",
             "decision_date": "DATE", "outcome": "VARCHAR", "start_date": "DATE",
             "end_date": "DATE", "objection": "VARCHAR", "complete_date": "DATE"},
    "absences": {"pupil_id": "VARCHAR", "kind": "VARCHAR", "start_date": "DATE",
                 "end_date": "DATE", "article": "VARCHAR"},
}


def load(folder: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for name, types in TABLES.items():
        columns = "{" + ", ".join(f"'{c}': '{t}'" for c, t in types.items()) + "}"
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{folder / (name + '.csv')}', "
                    f"header = true, columns = {columns})")
    con.execute(f"CREATE TABLE extract AS SELECT DATE '{extract_date(folder)}' AS extract_date")
    return con


def _in(values: tuple[str, ...] | list[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def compute(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    first = con.execute("SELECT least((SELECT min(start_date) FROM enrolments), "
                        "coalesce((SELECT min(start_date) FROM absences), DATE '9999-12-31'))"
                        ).fetchall()[0][0]
    extract = con.execute("SELECT extract_date FROM extract").fetchall()[0][0]
    years = school_years(first, extract)
    y0, yn = years[0].start, years[-1].start
    first_day, last_day = years[0].first_day, years[-1].last_day
    # A school year is its start year Y (label Y-Y+1): a date d lies in year(d + 153 days) - 1
    # (1 August + 153 days is 1 January), and the teldatum 1 October Y is on or after d when
    # year(d + 91 days) <= Y, on or before d when year(d + 92 days) - 1 >= Y. So an interval
    # covers the teldata of the years k0..k1 without a join on the years.
    k0 = f"greatest(year(start_date + 91), {y0})"
    k1 = f"least(coalesce(year(end_date + 92) - 1, {yn}), {yn})"
    in_span = f"BETWEEN DATE '{first_day}' AND DATE '{last_day}'"

    def year_of(column: str) -> str:
        return f"year({column} + 153) - 1"

    # Every enrolment in passend's order of a pupil's enrolments (start, then end, an open one
    # last), sorted once: the previous enrolment gives the transitions, the next one's first
    # teldatum tells whether a later enrolment takes one of this one's teldata (a switch on a
    # teldatum; rare), and that pupil alone is then settled teldatum by teldatum.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE ordered AS
        WITH e AS (SELECT e.pupil_id, e.start_date, e.end_date, s.setting, s.swv_id,
                          {k0} AS k0, {k1} AS k1
                   FROM enrolments e JOIN schools s USING (school_id))
        SELECT *, lag(end_date) OVER w AS prev_end, lag(setting) OVER w AS prev_setting,
               lag(swv_id) OVER w AS prev_swv, lead(k0) OVER w <= k1 AS contested
        FROM e WINDOW w AS (PARTITION BY pupil_id ORDER BY start_date, end_date NULLS LAST)
    """)
    stocks = con.execute(f"""
        WITH contested_pupils AS (SELECT DISTINCT pupil_id FROM ordered WHERE contested),
        -- a contested pupil's enrolments teldatum by teldatum: all but the last in order lose it
        lost AS (
            SELECT * FROM (
                SELECT o.enrolment, o.pupil_id, k, o.setting, o.swv_id, row_number() OVER (
                    PARTITION BY o.pupil_id, k
                    ORDER BY o.start_date DESC, o.end_date DESC NULLS FIRST) AS rank
                FROM (SELECT rowid AS enrolment, * FROM ordered
                      SEMI JOIN contested_pupils USING (pupil_id) WHERE k0 <= k1) o,
                     range(o.k0, o.k1 + 1) r(k))
            WHERE rank > 1),
        -- the pupils of the regular and sbo/pro settings count for their school's partnership:
        -- count enrolments per (partnership, setting, span of teldata), spread the spans, and
        -- take off the teldata a contested pupil's enrolment lost
        spans AS (
            SELECT swv_id, setting, k0, k1, count(*) AS n FROM ordered
            WHERE k0 <= k1 AND setting NOT IN {_in(PAID)} GROUP BY ALL),
        regular AS (
            SELECT swv_id AS unit, setting, k, sum(n) AS n
            FROM spans, range(k0, k1 + 1) r(k) GROUP BY ALL
            UNION ALL
            SELECT swv_id, setting, k, -count(*) FROM lost
            WHERE setting NOT IN {_in(PAID)} GROUP BY ALL),
        -- so/vso pupils (a few percent): each teldatum apart, for the partnership of the
        -- granted TLV for that setting covering it decided last, else the region, else the school
        paid_days AS (
            SELECT pupil_id, setting, swv_id, k
            FROM (SELECT enrolment, pupil_id, setting, swv_id, k
                  FROM (SELECT rowid AS enrolment, * FROM ordered
                        WHERE k0 <= k1 AND setting IN {_in(PAID)}), range(k0, k1 + 1) r(k))
            ANTI JOIN lost USING (enrolment, k)),
        granted AS (
            SELECT pupil_id, setting, swv_id, decision_date, tlv_id, {k0} AS k0, {k1} AS k1
            FROM tlvs WHERE outcome = 'toegekend' AND setting IN {_in(PAID)}
              AND start_date IS NOT NULL),
        paid AS (
            SELECT p.pupil_id, p.k, arg_max(g.swv_id, (g.decision_date, g.tlv_id)) AS tlv_swv
            FROM paid_days p JOIN granted g
              ON g.pupil_id = p.pupil_id AND g.setting = p.setting AND p.k BETWEEN g.k0 AND g.k1
            GROUP BY ALL),
        region AS (
            SELECT r.municipality, w.sector, r.swv_id FROM regions r JOIN swvs w USING (swv_id)),
        attributed AS (
            SELECT coalesce(p.tlv_swv, r.swv_id, d.swv_id) AS unit, d.setting, d.k, count(*) AS n
            FROM paid_days d
            LEFT JOIN paid p USING (pupil_id, k)
            LEFT JOIN pupils u USING (pupil_id)
            LEFT JOIN region r ON r.municipality = u.municipality
              AND r.sector = CASE WHEN d.setting = 'so' THEN 'po' ELSE 'vo' END
            GROUP BY ALL),
        counted AS (SELECT * FROM regular UNION ALL SELECT * FROM attributed)
        SELECT k || '-' || (k + 1) AS school_year,
               CASE WHEN grouping(unit) = 1 THEN 'NL' ELSE unit END AS unit, setting,
               sum(n) AS pupils
        FROM counted GROUP BY GROUPING SETS ((k, unit, setting), (k, setting))
    """).df()
    transitions = con.execute(f"""
        WITH direct AS (
            SELECT {year_of('start_date')} AS k, prev_swv, prev_setting, setting FROM ordered
            WHERE start_date - prev_end <= {DIRECT_GAP_DAYS} AND start_date {in_span})
        SELECT k || '-' || (k + 1) AS school_year,
               CASE WHEN grouping(prev_swv) = 1 THEN 'NL' ELSE prev_swv END AS unit,
               prev_setting, setting, count(*) AS moves
        FROM direct
        GROUP BY GROUPING SETS ((k, prev_swv, prev_setting, setting), (k, prev_setting, setting))
    """).df()
    tlv = con.execute(f"""
        WITH events AS (
            SELECT {year_of('request_date')} AS k, swv_id, setting, false AS granted
            FROM tlvs WHERE request_date {in_span}
            UNION ALL
            SELECT {year_of('decision_date')}, swv_id, setting, true FROM tlvs
            WHERE outcome = 'toegekend' AND decision_date {in_span})
        SELECT k || '-' || (k + 1) AS school_year,
               CASE WHEN grouping(swv_id) = 1 THEN 'NL' ELSE swv_id END AS unit,
               CASE WHEN grouping(setting) = 1 THEN '' ELSE setting END AS setting,
               count(*) FILTER (WHERE granted) AS granted,
               count(*) FILTER (WHERE NOT granted) AS requests
        FROM events
        GROUP BY GROUPING SETS ((k, swv_id, setting), (k, swv_id), (k, setting), (k))
    """).df()
    absences = con.execute(f"""
        WITH overlapping AS (  -- an absence overlaps the years of its start to those of its end
            SELECT pupil_id, kind, start_date, end_date,
                   greatest({year_of('start_date')}, {y0}) AS a0,
                   least(coalesce({year_of('end_date')}, {yn}), {yn}) AS a1
            FROM absences
            WHERE kind IN ('absoluut', 'relatief') AND start_date <= DATE '{last_day}'
              AND (end_date IS NULL OR end_date >= DATE '{first_day}')),
        qualifying AS (
            SELECT k, pupil_id, kind = 'absoluut' AS absolute,
                   kind = 'relatief' AND coalesce(end_date, least(make_date(k + 1, 7, 31),
                       DATE '{extract}')) - start_date + 1 > {LONG_RELATIVE_DAYS} AS long_relative
            FROM overlapping, range(a0, a1 + 1) r(k))
        SELECT k || '-' || (k + 1) AS school_year,
               count(DISTINCT pupil_id) FILTER (WHERE absolute) AS absoluut_verzuim,
               count(DISTINCT pupil_id) FILTER (WHERE long_relative) AS langdurig_relatief_verzuim,
               count(DISTINCT pupil_id) FILTER (WHERE absolute OR long_relative) AS thuiszitters
        FROM qualifying GROUP BY k
    """).df()
    return _tidy(stocks, transitions, tlv, absences)


def _tidy(stocks: pd.DataFrame, transitions: pd.DataFrame, tlv: pd.DataFrame,
          absences: pd.DataFrame) -> pd.DataFrame:
    """The grouped results as the common (kpi, school_year, unit, numerator, denominator) rows:
    a reshape of a few thousand rows, the same for every SQL result."""
    parts = []
    wide = stocks.pivot_table(index=["school_year", "unit"], columns="setting", values="pupils",
                              aggfunc="sum", fill_value=0)
    for s in wide.columns:
        parts.append(_rows(f"leerlingen_{s}", wide[s]))
    parts.append(_rows("leerlingen_totaal", wide.sum(axis=1)))
    for s, base in DEELNAME_BASE.items():
        den = sum(wide[b] for b in base if b in wide)
        parts.append(_rows(f"deelname_{s}", wide.get(s, 0 * den), den))
    moves = transitions.set_index(["prev_setting", "setting"])
    for kpi, pairs in TRANSITIONS.items():
        sel = moves[moves.index.isin(pairs)]
        parts.append(_rows(kpi, sel.groupby(["school_year", "unit"]).moves.sum()))
    by_unit = tlv[tlv.setting == ""].set_index(["school_year", "unit"])
    parts.append(_rows("tlv_aanvragen", by_unit.requests))
    parts.append(_rows("tlv_toegekend", by_unit.granted))
    for s in TLV_SETTINGS:
        parts.append(_rows(f"tlv_toegekend_{s}",
                           tlv[tlv.setting == s].set_index(["school_year", "unit"]).granted))
    nl = absences.assign(unit="NL").set_index(["school_year", "unit"])
    for kpi in ("absoluut_verzuim", "langdurig_relatief_verzuim", "thuiszitters"):
        parts.append(_rows(kpi, nl[kpi]))
    return pd.concat(parts, ignore_index=True)


def _rows(kpi: str, numerator: pd.Series, denominator: pd.Series | None = None) -> pd.DataFrame:
    frame = numerator.rename("numerator").reset_index()
    frame["denominator"] = float("nan") if denominator is None else denominator.to_numpy()
    frame.insert(0, "kpi", kpi)
    return frame[["kpi", "school_year", "unit", "numerator", "denominator"]]
