# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures: a small hand-made region as data frames, and the demo region."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import passend

Frames = dict[str, pd.DataFrame]

# Parts of _core built only once their C++ lands (bindings/python/CMakeLists.txt): the function
# that shows the part, and the source files it needs. test_package checks that a part whose
# sources exist is built, so these skips cannot hide a broken build.
PARTS = {
    "kpis": ["include/passend/kpi/evaluate.hpp", "include/passend/report/privacy.hpp"],
    "flows": ["include/passend/flows/forecast.hpp"],
    "load_arrow": ["bindings/c/capi_arrow.cpp"],
}


def needs(part: str) -> pytest.MarkDecorator:
    from passend import _core

    return pytest.mark.skipif(not hasattr(_core, part), reason=f"_core.{part} is not built yet")


def small_frames() -> Frames:
    """A tiny region in the contract's CSV spelling (every field text, dates ISO)."""
    t = pd.DataFrame
    return {
        "swvs": t({"swv_id": ["PO3104", "VO3104"], "name": ["Westelijke Mijnstreek", "VO Zuid"],
                   "sector": ["po", "vo"]}),
        "boards": t({"board_id": ["B1", "B2"], "name": ["Kindante", "Special"]}),
        "schools": t({
            "school_id": ["04AB00", "04AC00", "05SB00", "06SO00", "07VO00"],
            "name": ["De Linde", "Het Palet", "SBO Mozaiek", "SO Kasteel", "Graaf Huyn"],
            "board_id": ["B1", "B1", "B2", "B2", "B1"],
            "swv_id": ["PO3104", "PO3104", "PO3104", "PO3104", "VO3104"],
            "setting": ["bao", "bao", "sbo", "so", "vo"],
            "municipality": ["GM1883", "GM1883", "GM1883", "GM0935", "GM1883"],
        }),
        "pupils": t({
            "pupil_id": ["p1", "p2", "p3", "p4"],
            "birth_date": ["2014-05-01", "2013-02-10", "2012-11-30", "2010-01-15"],
            "municipality": ["GM1883", "GM1883", "", "GM0935"],
        }),
        "regions": t({"municipality": ["GM1883", "GM0935", "GM1883"],
                      "swv_id": ["PO3104", "PO3104", "VO3104"]}),
        "enrolments": t({
            "pupil_id": ["p1", "p2", "p2", "p3", "p3", "p4", "p4"],
            "school_id": ["04AB00", "04AB00", "05SB00", "04AC00", "06SO00", "04AC00", "07VO00"],
            "start_date": ["2018-08-01", "2017-08-01", "2021-01-04", "2016-08-01", "2020-08-01",
                           "2014-08-01", "2022-08-01"],
            "end_date": ["", "2021-01-03", "", "2020-07-31", "", "2022-07-31", ""],
            "grade": ["5", "7", "", "", "", "8", "1"],
            "exit": ["", "", "", "", "", "", ""],
        }),
        "tlvs": t({
            "tlv_id": ["T1", "T2", "T3"],
            "pupil_id": ["p2", "p3", "p3"],
            "swv_id": ["PO3104", "PO3104", "PO3104"],
            "setting": ["sbo", "so", "so"],
            "category": ["", "laag", "M"],
            "request_date": ["2020-10-01", "2020-05-01", "2022-03-01"],
            "decision_date": ["2020-12-01", "2020-06-15", "2022-04-01"],
            "outcome": ["toegekend", "toegekend", "afgewezen"],
            "start_date": ["2021-01-01", "2020-08-01", ""],
            "end_date": ["2023-07-31", "2024-07-31", ""],
            "objection": ["nee", "", "ja"],
        }),
        "arrangements": t({
            "arrangement_id": ["A1", "A2"],
            "pupil_id": ["p1", ""],
            "school_id": ["04AB00", "04AC00"],
            "level": ["3", "4"],
            "kind": ["individueel", "groep"],
            "start_date": ["2021-09-01", "2021-08-01"],
            "end_date": ["2022-07-31", ""],
            "cost_eur": ["1250.50", ""],
        }),
        "opps": t({"pupil_id": ["p1"], "school_id": ["04AB00"], "start_date": ["2021-09-01"],
                   "end_date": [""]}),
        "absences": t({"pupil_id": ["p1", "p4"], "kind": ["relatief", "vrijstelling"],
                       "start_date": ["2022-01-10", "2023-01-01"],
                       "end_date": ["2022-03-01", ""], "article": ["", "5a"]}),
        "funds": t({"school_year": ["2022-2023"], "swv_id": ["PO3104"], "board_id": ["B1"],
                    "stream": ["terugploegregeling"], "amount_eur": ["1631099.00"]}),
        "allocations": t({"school_year": ["2022-2023", "2022-2023"], "board_id": ["B1", "B1"],
                          "purpose": ["personeel", "materiaal"],
                          "amount_eur": ["1019682", "611417.00"],
                          "school_id": ["04AB00", ""], "kpi_id": ["", "deelname_sbo"]}),
        "assessments": t({"school_year": ["2022-2023", "2022-2023"], "unit_id": ["04AB00", "B1"],
                          "framework": ["procesindicatoren", "ankerpunt1"], "item": ["15", "1"],
                          "score": ["ja", "0.8"]}),
    }


def typed(frames: Frames) -> Frames:
    """The same tables the way pandas users hold them: datetime64 dates, numbers, NaN/NaT."""
    out: Frames = {}
    for name, frame in frames.items():
        f = frame.replace("", None)
        for col in f.columns:
            if col.endswith("_date"):
                f[col] = pd.to_datetime(f[col])
            elif col in ("grade", "level"):
                f[col] = pd.to_numeric(f[col]).astype("Int64")
            elif col in ("cost_eur", "amount_eur"):
                f[col] = pd.to_numeric(f[col])
        out[name] = f
    return out


def from_frames(frames: Frames, max_errors: int = 200) -> passend.Dataset:
    """Dataset.from_pandas on a dict of frames named like the contract's tables."""
    return passend.Dataset.from_pandas(
        schools=frames["schools"],
        pupils=frames["pupils"],
        enrolments=frames["enrolments"],
        swvs=frames.get("swvs"),
        boards=frames.get("boards"),
        regions=frames.get("regions"),
        tlvs=frames.get("tlvs"),
        arrangements=frames.get("arrangements"),
        opps=frames.get("opps"),
        absences=frames.get("absences"),
        funds=frames.get("funds"),
        allocations=frames.get("allocations"),
        assessments=frames.get("assessments"),
        extract=frames.get("extract"),
        rates=frames.get("rates"),
        reference_values=frames.get("reference_values"),
        support_offers=frames.get("support_offers"),
        finances=frames.get("finances"),
        max_errors=max_errors,
    )


def write_csv_folder(frames: Frames, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


@pytest.fixture
def frames() -> Frames:
    return small_frames()


@pytest.fixture(scope="session")
def demo() -> passend.Dataset:
    return passend.Dataset.demo()


@pytest.fixture(scope="session")
def demo_folder(demo: passend.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    demo.to_folder(folder)
    return folder


@pytest.fixture(scope="session")
def cli() -> Callable[..., str]:
    """Run the passend CLI built by the ctest build (PASSEND_CLI) or found on PATH."""
    import subprocess

    exe = os.environ.get("PASSEND_CLI") or shutil.which("passend")
    if not exe:
        build = Path(__file__).resolve().parents[2] / "build" / "default" / "passend"
        exe = str(build) if build.exists() else None
    if not exe:
        pytest.fail("the passend CLI is needed: build it (scripts/build.sh) or set PASSEND_CLI")

    def run(*args: str) -> str:
        return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout

    return run
