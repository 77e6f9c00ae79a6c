# SPDX-License-Identifier: EUPL-1.2
"""The peer KPIs in DuckDB SQL: typed read_csv into tables, then one query per family of ids
(stocks with the paying partnership by a window over the covering TLVs, transitions by LAG,
TLV counts and absences by range joins on the years), national rows by GROUPING SETS."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from common import (DEELNAME_BASE, DIRECT_GAP_DAYS, LONG_RELATIVE_DAYS, PAID, SECTOR, TLV_SETTINGS,
                    TRANSITIONS, extract_date, school_years, years_frame)

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
    years = years_frame(school_years(first, extract))
    con.register("years_df", years)
    con.execute("CREATE OR REPLACE TEMP TABLE years AS SELECT school_year, teldatum::DATE AS "
                "teldatum, first_day::DATE AS first_day, last_day::DATE AS last_day FROM years_df")
    sector_po = [s for s in PAID if SECTOR[s] == "po"][0]
    stocks = con.execute(f"""
        -- the enrolment of each pupil on each teldatum: the last in passend's order (start, then
        -- end) that covers it, so a switch day gives the new one
        WITH on_day AS (
            SELECT y.school_year, y.teldatum, e.pupil_id, s.setting, s.swv_id AS school_swv
            FROM enrolments e JOIN years y
              ON e.start_date <= y.teldatum AND coalesce(e.end_date, DATE '9999-12-31') >= y.teldatum
            JOIN schools s USING (school_id)
            QUALIFY row_number() OVER (PARTITION BY y.school_year, e.pupil_id
                                       ORDER BY e.start_date DESC, e.end_date DESC NULLS FIRST) = 1),
        paid AS (  -- so/vso pupils: the granted TLV for the setting covering the day, decided last
            SELECT o.school_year, o.pupil_id, t.swv_id
            FROM on_day o JOIN tlvs t
              ON t.pupil_id = o.pupil_id AND t.setting = o.setting AND t.outcome = 'toegekend'
             AND t.start_date <= o.teldatum AND coalesce(t.end_date, DATE '9999-12-31') >= o.teldatum
            WHERE o.setting IN {_in(PAID)}
            QUALIFY row_number() OVER (PARTITION BY o.school_year, o.pupil_id
                                       ORDER BY t.decision_date DESC, t.tlv_id DESC) = 1),
        region AS (
            SELECT r.municipality, w.sector, r.swv_id FROM regions r JOIN swvs w USING (swv_id)),
        attributed AS (
            SELECT o.school_year, o.setting,
                   CASE WHEN o.setting IN {_in(PAID)}
                        THEN coalesce(p.swv_id, r.swv_id, o.school_swv) ELSE o.school_swv END AS unit
            FROM on_day o
            LEFT JOIN paid p USING (school_year, pupil_id)
            LEFT JOIN pupils u ON u.pupil_id = o.pupil_id
            LEFT JOIN region r ON r.municipality = u.municipality
              AND r.sector = CASE WHEN o.setting = '{sector_po}' THEN 'po' ELSE 'vo' END)
        SELECT school_year, coalesce(unit, 'NL') AS unit, setting, count(*) AS pupils
        FROM attributed GROUP BY GROUPING SETS ((school_year, unit, setting), (school_year, setting))
    """).df()
    transitions = con.execute(f"""
        WITH ordered AS (
            SELECT e.pupil_id, e.start_date, s.setting, s.swv_id,
                   lag(e.end_date) OVER w AS prev_end, lag(s.setting) OVER w AS prev_setting,
                   lag(s.swv_id) OVER w AS prev_swv
            FROM enrolments e JOIN schools s USING (school_id)
            WINDOW w AS (PARTITION BY e.pupil_id ORDER BY e.start_date, e.end_date NULLS LAST))
        SELECT y.school_year, coalesce(o.prev_swv, 'NL') AS unit, o.prev_setting, o.setting,
               count(*) AS moves
        FROM ordered o JOIN years y ON o.start_date BETWEEN y.first_day AND y.last_day
        WHERE o.start_date - o.prev_end <= {DIRECT_GAP_DAYS}
        GROUP BY GROUPING SETS ((y.school_year, o.prev_swv, o.prev_setting, o.setting),
                                (y.school_year, o.prev_setting, o.setting))
    """).df()
    tlv = con.execute(f"""
        SELECT y.school_year, coalesce(t.swv_id, 'NL') AS unit, coalesce(t.setting, '') AS setting,
               count(*) FILTER (WHERE t.outcome = 'toegekend' AND t.decision_date
                                BETWEEN y.first_day AND y.last_day) AS granted,
               count(*) FILTER (WHERE t.request_date BETWEEN y.first_day AND y.last_day) AS requests
        FROM tlvs t JOIN years y
          ON (t.decision_date BETWEEN y.first_day AND y.last_day)
          OR (t.request_date BETWEEN y.first_day AND y.last_day)
        GROUP BY GROUPING SETS ((y.school_year, t.swv_id, t.setting), (y.school_year, t.swv_id),
                                (y.school_year, t.setting), (y.school_year))
    """).df()
    absences = con.execute(f"""
        WITH qualifying AS (
            SELECT y.school_year, a.pupil_id, a.kind = 'absoluut' AS absolute,
                   a.kind = 'relatief' AND
                   coalesce(a.end_date, y.last_day) - a.start_date + 1
                       > {LONG_RELATIVE_DAYS} AS long_relative
            FROM absences a JOIN years y
              ON a.start_date <= y.last_day AND coalesce(a.end_date, y.last_day) >= y.first_day
            WHERE a.kind IN ('absoluut', 'relatief'))
        SELECT school_year,
               count(DISTINCT pupil_id) FILTER (WHERE absolute) AS absoluut_verzuim,
               count(DISTINCT pupil_id) FILTER (WHERE long_relative) AS langdurig_relatief_verzuim,
               count(DISTINCT pupil_id) FILTER (WHERE absolute OR long_relative) AS thuiszitters
        FROM qualifying GROUP BY school_year
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
