# SPDX-License-Identifier: EUPL-1.2
"""The peer KPIs in pandas: read_csv with the pyarrow engine and Arrow-backed columns (dates
then as datetime64, labels as categories), then vectorised work on numpy arrays: ids factorized
to integer codes, one lexsort of the enrolments, shifts, masks and groupbys. No Python loop runs
over rows (nor over the school years)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from common import (COLUMNS, DEELNAME_BASE, DIRECT_GAP_DAYS, LONG_RELATIVE_DAYS, PAID, SECTOR,
                    SETTINGS, TLV_SETTINGS, TRANSITIONS, SchoolYear, extract_date, school_years)

DATES = {
    "pupils": ["birth_date"],
    "enrolments": ["start_date", "end_date"],
    "tlvs": ["request_date", "decision_date", "start_date", "end_date", "complete_date"],
    "absences": ["start_date", "end_date"],
}
LABELS = {"setting", "sector", "kind", "outcome", "category", "exit"}
TABLES = ("swvs", "regions", "schools", "pupils", "enrolments", "tlvs", "absences")
OPEN = np.datetime64("9999-12-31", "D").astype(np.int64)  # an open end, as a day number


def load(folder: Path) -> dict[str, pd.DataFrame]:
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        frame = pd.read_csv(folder / f"{name}.csv", engine="pyarrow", dtype_backend="pyarrow")
        for c in DATES.get(name, []):  # Arrow's date32 to datetime64 (missing: NaT) in Arrow
            frame[c] = frame[c].astype(pd.ArrowDtype(pa.timestamp("s"))).astype("datetime64[s]")
        for c in LABELS & set(frame.columns):
            frame[c] = frame[c].astype("category")
        tables[name] = frame
    tables["extract"] = pd.DataFrame({"extract_date": [pd.Timestamp(extract_date(folder))]})
    return tables


def _years(t: dict[str, pd.DataFrame]) -> list[SchoolYear]:
    first = min(t["enrolments"].start_date.min(), t["absences"].start_date.min()).date()
    return school_years(first, t["extract"].extract_date[0].date())


def _days(dates: pd.Series, missing: int = OPEN) -> np.ndarray:
    """Day numbers (days since 1970-01-01); a missing date as `missing`."""
    d = dates.to_numpy("datetime64[D]")
    out = d.astype(np.int64)
    out[np.isnat(d)] = missing
    return out


def _day(date: object) -> int:
    return int(np.datetime64(date, "D").astype(np.int64))


def _year(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def _year_of(days: np.ndarray) -> np.ndarray:
    """The school year (its start year) holding a day: 1 August + 153 days is 1 January."""
    return _year(days + 153) - 1


def _order(pupil: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The enrolments by pupil in passend's order (start, then end, an open one last): one
    argsort of the three keys packed into an int64 (np.lexsort of three keys takes four times
    as long), np.lexsort if they do not fit."""
    keys = [pupil.astype(np.int64), start - start.min(), end - end.min()]
    widths = [int(k.max()).bit_length() for k in keys]
    if sum(widths) > 63:
        return np.lexsort(keys[::-1])
    packed = keys[0] << (widths[1] + widths[2]) | keys[1] << widths[2] | keys[2]
    return np.argsort(packed, kind="stable")


def _spread(k0: np.ndarray, k1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows covering the years k0..k1: (row, k) for every year k of every row."""
    lengths = np.maximum(k1 - k0 + 1, 0)
    row = np.repeat(np.arange(len(k0)), lengths)
    first = np.cumsum(lengths) - lengths
    return row, k0[row] + np.arange(len(row)) - first[row]


def _with_nation(grouped: pd.DataFrame, by: list[str], count: str) -> pd.DataFrame:
    nation = grouped.groupby(by, observed=True, as_index=False)[count].sum().assign(unit="NL")
    return pd.concat([grouped, nation], ignore_index=True)


def _label(k: pd.Series) -> pd.Series:
    return k.astype(str) + "-" + (k + 1).astype(str)


def _labelled(counts: pd.Series, name: str) -> pd.DataFrame:
    """A groupby's counts with the school year as its label."""
    frame = counts.rename(name).reset_index()
    frame["school_year"] = _label(frame.pop("k"))
    return frame


def compute(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    years = _years(t)
    y0, yn = years[0].start, years[-1].start
    first_day, last_day = _day(years[0].first_day), _day(years[-1].last_day)
    extract = _day(years[-1].extract)
    en, tl, ab = t["enrolments"], t["tlvs"], t["absences"]

    # ids as integer codes; each enrolment's school's setting and partnership by its code
    # (the TLVs' pupils in the same pass, so a TLV's pupil has the code of its enrolments)
    pupil, pupil_ids = pd.factorize(pd.concat([en.pupil_id, tl.pupil_id], ignore_index=True))
    pupil, tlv_pupil = pupil[:len(en)], pupil[len(en):]
    school, school_ids = pd.factorize(en.school_id)
    schools = t["schools"].set_index("school_id").reindex(school_ids)
    setting_of = pd.Categorical(schools.setting, categories=SETTINGS).codes
    swv_of, swv_ids = pd.factorize(schools.swv_id)
    known = setting_of[school] >= 0  # an enrolment at an unknown school counts nowhere
    start, end = _days(en.start_date), _days(en.end_date)
    order = _order(pupil, start, end)
    order = order[known[order]]
    pupil, start, end = pupil[order], start[order], end[order]
    setting, swv = setting_of[school[order]], swv_of[school[order]]
    paid_codes = [SETTINGS.index(s) for s in PAID]
    is_paid = np.isin(setting, paid_codes)

    # the years k0..k1 whose teldatum (1 October) each enrolment covers: 1 October is on or
    # after d when year(d + 91) is at most its year, on or before d when year(d + 92) - 1 is
    # at least it
    k0 = np.maximum(_year(start + 91), y0)
    k1 = np.minimum(_year(end + 92) - 1, yn)
    same_as_next = np.append(pupil[1:] == pupil[:-1], False)
    # a later enrolment takes one of this one's teldata (a switch on a teldatum; rare): that
    # pupil is settled teldatum by teldatum, the last enrolment in order winning
    contested = same_as_next & (np.append(k0[1:], yn + 1) <= k1)
    flagged = np.zeros(len(pupil_ids), bool)
    flagged[pupil[contested]] = True
    rows = np.flatnonzero(flagged[pupil] & (k0 <= k1))
    row, k = _spread(k0[rows], k1[rows])
    row = rows[row]
    lost_at = pd.DataFrame({"p": pupil[row], "k": k}).duplicated(keep="last").to_numpy()
    lost_row, lost_k = row[lost_at], k[lost_at]

    # regular and sbo/pro pupils count for their school's partnership: enrolments per
    # (partnership, setting, span of teldata), spread, less the teldata lost
    spans = (pd.DataFrame({"swv": swv, "setting": setting, "k0": k0, "k1": k1})
             [~is_paid & (k0 <= k1)].value_counts().reset_index())
    row, k = _spread(spans.k0.to_numpy(), spans.k1.to_numpy())
    unpaid_lost = ~is_paid[lost_row]
    regular = pd.DataFrame({
        "k": np.concatenate([k, lost_k[unpaid_lost]]),
        "swv": np.concatenate([spans.swv.to_numpy()[row], swv[lost_row[unpaid_lost]]]),
        "setting": np.concatenate([spans.setting.to_numpy()[row],
                                   setting[lost_row[unpaid_lost]]]),
        "n": np.concatenate([spans["count"].to_numpy()[row],
                             -np.ones(unpaid_lost.sum(), np.int64)])})
    regular = regular.groupby(["k", "swv", "setting"]).n.sum().reset_index()
    regular["unit"] = swv_ids[regular.swv]

    # so/vso pupils (a few percent) each teldatum apart: for the partnership of the granted TLV
    # for that setting covering it decided last, else the region, else the school
    rows = np.flatnonzero(is_paid & (k0 <= k1))
    row, k = _spread(k0[rows], k1[rows])
    row = rows[row]
    kept = ~np.isin(row * 64 + (k - y0), lost_row * 64 + (lost_k - y0))
    row, k = row[kept], k[kept]
    paid_days = pd.DataFrame({"pupil": pupil[row], "setting": setting[row], "k": k,
                              "school_swv": swv_ids[swv[row]]})
    is_granted = (tl.outcome == "toegekend") & tl.setting.isin(PAID) & tl.start_date.notna()
    granted = tl[is_granted]
    granted = pd.DataFrame({
        "pupil": tlv_pupil[is_granted.to_numpy()],
        "setting": pd.Categorical(granted.setting, categories=SETTINGS).codes,
        "t0": np.maximum(_year(_days(granted.start_date) + 91), y0),
        "t1": np.minimum(_year(_days(granted.end_date) + 92) - 1, yn),
        "decision_date": granted.decision_date.to_numpy(), "tlv_id": granted.tlv_id.to_numpy(),
        "tlv_swv": granted.swv_id.to_numpy()})
    covered = paid_days[["pupil", "setting", "k"]].merge(granted, on=["pupil", "setting"])
    covered = covered[(covered.k >= covered.t0) & (covered.k <= covered.t1)]
    by_tlv = (covered.sort_values(["decision_date", "tlv_id"])
              .drop_duplicates(["pupil", "k"], keep="last")[["pupil", "k", "tlv_swv"]])
    paid_days = paid_days.merge(by_tlv, on=["pupil", "k"], how="left")
    ids = pupil_ids[paid_days.pupil]
    home = t["pupils"][t["pupils"].pupil_id.isin(ids)].set_index("pupil_id").municipality
    paid_days["municipality"] = home.reindex(ids).to_numpy()
    paid_days["sector"] = np.array(SETTINGS, object)[paid_days.setting]
    paid_days["sector"] = paid_days.sector.map(SECTOR)
    region = t["regions"].merge(t["swvs"][["swv_id", "sector"]], on="swv_id").rename(
        columns={"swv_id": "region_swv"})
    region["sector"] = region.sector.astype(str)
    paid_days = paid_days.merge(region, on=["municipality", "sector"], how="left")
    paid_days["unit"] = (paid_days.tlv_swv.fillna(paid_days.region_swv)
                         .fillna(paid_days.school_swv))
    attributed = paid_days.groupby(["k", "unit", "setting"]).size().rename("n").reset_index()
    stocks = pd.concat([regular[["k", "unit", "setting", "n"]], attributed], ignore_index=True)
    stocks["setting"] = np.array(SETTINGS, object)[stocks.setting]
    stocks = _with_nation(_labelled(stocks.set_index(["k", "unit", "setting"]).n, "pupils"),
                          ["school_year", "setting"], "pupils")

    # direct transitions: each enrolment against the one before it of the same pupil
    direct = np.flatnonzero(same_as_next[:-1] & (start[1:] - end[:-1] <= DIRECT_GAP_DAYS)
                            & (start[1:] >= first_day) & (start[1:] <= last_day)) + 1
    moves = pd.DataFrame({"k": _year_of(start[direct]), "unit": swv[direct - 1],
                          "prev_setting": setting[direct - 1], "setting": setting[direct]})
    moves = moves.value_counts().rename("moves").reset_index()
    moves["unit"] = swv_ids[moves.unit]
    for c in ("prev_setting", "setting"):
        moves[c] = np.array(SETTINGS, object)[moves[c]]
    transitions = _with_nation(_labelled(moves.set_index(["k", "unit", "prev_setting",
                                                           "setting"]).moves, "moves"),
                               ["school_year", "prev_setting", "setting"], "moves")

    def dated(frame: pd.DataFrame, column: str) -> pd.DataFrame:
        days = _days(frame[column], last_day + 1)
        within = (days >= first_day) & (days <= last_day)
        return pd.DataFrame({"k": _year_of(days[within]), "unit": frame.swv_id[within],
                             "setting": frame.setting[within]})

    requested = dated(tl, "request_date")
    requests = _with_nation(_labelled(requested.groupby(["k", "unit"]).size(), "n"),
                            ["school_year"], "n")
    decided = dated(tl[tl.outcome == "toegekend"], "decision_date")
    granted_all = _with_nation(_labelled(decided.groupby(["k", "unit"]).size(), "n"),
                               ["school_year"], "n")
    granted_setting = _with_nation(
        _labelled(decided.groupby(["k", "unit", "setting"], observed=True).size(), "n"),
        ["school_year", "setting"], "n")

    # an absence overlaps the years from its start's to its end's
    ab = ab[ab.kind.isin(["absoluut", "relatief"])]
    a_start, a_end = _days(ab.start_date), _days(ab.end_date)
    overlapping = (a_start <= last_day) & (a_end >= first_day)
    a0 = np.maximum(_year_of(a_start), y0)
    a1 = np.minimum(_year_of(a_end), yn)
    row, k = _spread(a0[overlapping], a1[overlapping])
    row = np.flatnonzero(overlapping)[row]
    # an open absence runs to the year's last day: 31 July (1 August - 1), or the extract date
    august = ((k + 1 - 1970) * 12 + 7).astype("datetime64[M]").astype("datetime64[D]")
    open_end = np.minimum(august.astype(np.int64) - 1, extract)
    kind = ab.kind.to_numpy()[row]
    absolute = kind == "absoluut"
    ends = np.where(a_end[row] == OPEN, open_end, a_end[row])
    long_relative = (kind == "relatief") & (ends - a_start[row] + 1 > LONG_RELATIVE_DAYS)
    qualifying = pd.DataFrame({"k": k, "pupil": ab.pupil_id.to_numpy()[row],
                               "absoluut_verzuim": absolute,
                               "langdurig_relatief_verzuim": long_relative,
                               "thuiszitters": absolute | long_relative})
    absences = pd.DataFrame({
        kpi: qualifying[qualifying[kpi]].groupby("k").pupil.nunique()
        for kpi in ("absoluut_verzuim", "langdurig_relatief_verzuim", "thuiszitters")
    }).fillna(0).rename_axis("k").reset_index()
    absences["school_year"] = _label(absences.pop("k"))
    return _tidy(stocks, transitions, requests, granted_all, granted_setting, absences)


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
