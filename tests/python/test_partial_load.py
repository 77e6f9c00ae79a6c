# SPDX-License-Identifier: EUPL-1.2
"""A partial load: Dataset.from_folder(path, kpis=...) or tables=... reads only those tables
and the ones always read; the rest are not given, listed by tables_left_out() and warned about,
and the KPIs asked for have the full load's values."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import passend

SMALL = Path(__file__).resolve().parents[1] / "data" / "valid_small"
ALWAYS = ["swvs", "boards", "schools", "pupils", "regions", "enrolments", "extract", "rates",
          "reference_values"]


def test_tables_for() -> None:
    assert passend.tables_for("arrangementen") == [*ALWAYS[:6], "arrangements", *ALWAYS[6:]]
    # counted per pupil: the paying partnership comes from the TLVs
    assert passend.tables_for(["deelname_so"]) == [*ALWAYS[:6], "tlvs", *ALWAYS[6:]]


def test_partial_load_values_and_flags() -> None:
    kpis = ["deelname_so", "tlv_toegekend"]
    full = passend.Dataset.from_folder(SMALL)
    part = passend.Dataset.from_folder(SMALL, kpis=kpis)
    assert full.tables_left_out() == []
    assert part.tables_left_out() == ["arrangements", "opps", "absences", "funds", "allocations",
                                      "assessments", "support_offers", "finances"]
    assert not part.has_table("arrangements") and part.has_table("tlvs")
    rules = {d.rule for d in part.validate()}
    assert rules == {"table_not_read"}
    pd.testing.assert_frame_equal(part.kpis(suppress=False, kpi=kpis),
                                  full.kpis(suppress=False, kpi=kpis))
    # a KPI whose table was not read has no value
    arr = part.kpis(suppress=False, kpi="arrangementen")
    assert len(arr) > 0 and arr.numerator.isna().all() and arr.value.isna().all()


def test_tables_by_name() -> None:
    part = passend.Dataset.from_folder(SMALL, tables=["opps"])
    assert part.has_table("opps") and not part.has_table("tlvs")
    with pytest.raises(ValueError, match="no table named 'opp'"):
        passend.Dataset.from_folder(SMALL, tables=["opp"])


def test_unknown_kpi_is_an_error_before_loading() -> None:
    # A misspelt id must not load only the tables always read and leave the KPI silently empty.
    with pytest.raises(passend.SelectionError, match="kpi 'deelname_zo': not an id or tag"):
        passend.Dataset.from_folder(SMALL, kpis=["deelname_so", "deelname_zo"])
    with pytest.raises(passend.SelectionError, match="not an id or tag"):
        passend.tables_for(["deelname_zo"])
