# SPDX-License-Identifier: EUPL-1.2
"""What every tool of the peer benchmark shares: the KPI ids it computes, the school years and
their reference days (from the data, as passend derives them), and the check that a tool's
values equal passend's.

A tool's result is a frame with the columns ``kpi, school_year, unit, numerator, denominator``:
``unit`` is ``NL`` or a partnership id, ``denominator`` is NaN for a count. The definitions are
those of docs/definitions.md ("Standard definitions").
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

SETTINGS = ("bao", "sbo", "so", "vo", "pro", "vso")
PAID = ("so", "vso")  # counted for the partnership of the pupil's TLV (WEC article 40)
SECTOR = {"bao": "po", "sbo": "po", "so": "po", "vo": "vo", "pro": "vo", "vso": "vo"}
# participation: numerator setting, then the regular base it is a share of (with itself)
DEELNAME = {"sbo": "bao", "so": "bao", "pro": "vo", "vso": "vo"}
DEELNAME_BASE = {"sbo": ("bao", "sbo"), "so": ("bao", "sbo"), "pro": ("vo", "pro"),
                 "vso": ("vo", "pro")}
# direct transitions (from, to) counted per id, for the partnership of the from-enrolment's school
TRANSITIONS = {
    "verwijzingen_sbo": [("bao", "sbo")],
    "verwijzingen_so": [("bao", "so"), ("sbo", "so")],
    "verwijzingen_pro": [("vo", "pro")],
    "verwijzingen_vso": [("vo", "vso"), ("pro", "vso")],
    "doorstroom_vo_vso": [("vo", "vso")],
    "terugplaatsingen_sbo_bao": [("sbo", "bao")],
}
TLV_SETTINGS = ("sbo", "so", "pro", "vso")
DIRECT_GAP_DAYS = 92  # a direct transition: the next enrolment starts at most 92 days later
LONG_RELATIVE_DAYS = 28  # langdurig relatief verzuim: more than four weeks

# The ids every tool computes: at the national and the partnership level unless NATIONAL_ONLY.
NATIONAL_ONLY = ("absoluut_verzuim", "langdurig_relatief_verzuim", "thuiszitters")
KPIS = (
    [f"leerlingen_{s}" for s in SETTINGS]
    + ["leerlingen_totaal"]
    + [f"deelname_{s}" for s in DEELNAME]
    + ["tlv_aanvragen", "tlv_toegekend"]
    + [f"tlv_toegekend_{s}" for s in TLV_SETTINGS]
    + list(TRANSITIONS)
    + list(NATIONAL_ONLY)
)
COLUMNS = ["kpi", "school_year", "unit", "numerator", "denominator"]


@dataclass(frozen=True)
class SchoolYear:
    start: int  # the calendar year it starts in
    extract: dt.date  # the data's extract date

    @property
    def label(self) -> str:
        return f"{self.start}-{self.start + 1}"

    @property
    def teldatum(self) -> dt.date:
        return dt.date(self.start, 10, 1)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start, 8, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day its counts run through: 31 July, or the extract date in a partial year."""
        return min(dt.date(self.start + 1, 7, 31), self.extract)


def extract_date(folder: Path) -> dt.date:
    with open(folder / "extract.csv", newline="", encoding="utf-8") as f:
        return dt.date.fromisoformat(next(csv.DictReader(f))["extract_date"])


def school_years(first_start: dt.date, extract: dt.date) -> list[SchoolYear]:
    """From the year holding the earliest enrolment or absence start to the last whose teldatum
    is on or before the extract date (as passend's dataset::school_years())."""
    start = first_start.year if first_start.month >= 8 else first_start.year - 1
    years = []
    while dt.date(start, 10, 1) <= extract:
        years.append(SchoolYear(start, extract))
        start += 1
    return years


def passend_values(frame: pd.DataFrame) -> pd.DataFrame:
    """passend's rows (``Dataset.kpis(suppress=False)``) of the ids here, national and partnership."""
    rows = frame[frame.kpi.isin(KPIS) & frame.level.isin(["national", "swv"])]
    rows = rows[~((rows.level == "swv") & rows.kpi.isin(NATIONAL_ONLY))]
    out = rows[COLUMNS].astype({"kpi": str, "school_year": str, "unit": str})
    return out.reset_index(drop=True)


def differences(tool: str, got: pd.DataFrame, want: pd.DataFrame, limit: int = 10) -> list[str]:
    """Every (kpi, year, unit) where the tool's numerator or denominator differs from passend's;
    a row one side lacks counts as 0 (a count of nothing is not a row everywhere)."""
    key = ["kpi", "school_year", "unit"]
    got = got[COLUMNS].astype({"kpi": str, "school_year": str, "unit": str})
    both = want.merge(got, on=key, how="outer", suffixes=("_passend", "_" + tool))
    problems = []
    for part in ("numerator", "denominator"):
        a = both[f"{part}_passend"].fillna(0).astype("float64")
        b = both[f"{part}_{tool}"].fillna(0).astype("float64")
        for _, row in both[(a - b).abs() > 1e-6].head(limit).iterrows():
            problems.append(f"{tool}: {row.kpi} {row.school_year} {row.unit} {part}: passend "
                            f"{row[f'{part}_passend']}, {tool} {row[f'{part}_{tool}']}")
    missing = set(want[want.numerator.fillna(0) > 0].kpi) - set(got.kpi)
    if missing:
        problems.append(f"{tool}: no rows for {sorted(missing)}")
    return problems
