# SPDX-License-Identifier: EUPL-1.2
"""Importing schools' exports from Python: Dataset.from_export and import_to_folder, thin
wrappers over the library's import (the fixtures of tests/data/import)."""

from __future__ import annotations

from pathlib import Path

import pytest

import passend

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
OSO = [DATA / "oso" / "poswv_full.xml", DATA / "oso" / "voswv_full.xml"]


def test_from_export_merges_one_pupil_of_two_dossiers() -> None:
    ds = passend.Dataset.from_export("oso", OSO, secret_file=DATA / "secret.txt")
    assert ds.tables["pupils"] == 1
    assert ds.tables["enrolments"] == 3
    assert ds.tables["tlvs"] == 3


def test_uwlr_needs_the_schools_table() -> None:
    files = sorted((DATA / "uwlr").glob("*.xml"))
    with pytest.raises(passend.Error, match="--schools"):
        passend.Dataset.from_export("uwlr", files, secret_file=DATA / "secret.txt")
    ds = passend.Dataset.from_export(
        "uwlr", files, secret_file=DATA / "secret.txt", schools=DATA / "uwlr" / "schools.csv"
    )
    assert ds.tables["pupils"] == 6


def test_located_errors_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    broken = [*OSO, DATA / "errors" / "missing_element.xml"]
    with pytest.raises(passend.LoadError) as caught:
        passend.import_to_folder("oso", broken, out, secret_file=DATA / "secret.txt")
    first = caught.value  # repeats the first error
    assert (Path(first.file).name, first.line, first.column, first.rule) == (
        "missing_element.xml",
        12,
        3,
        "missing_element",
    )
    assert not out.exists()
    warnings = passend.import_to_folder("oso", OSO, out, secret_file=DATA / "secret.txt")
    assert len(warnings) == 3  # schools made from the exports alone
    assert (out / "tlvs.csv").read_text().count("\n") == 4
    assert passend.Dataset.from_folder(out).tables["pupils"] == 1


def test_bad_format_and_short_secret(tmp_path: Path) -> None:
    with pytest.raises(passend.Error, match="not uwlr or oso"):
        passend.Dataset.from_export("edex", OSO, secret_file=DATA / "secret.txt")
    short = tmp_path / "key"
    short.write_text("short\n")
    with pytest.raises(passend.Error, match="at least 16"):
        passend.Dataset.from_export("oso", OSO, secret_file=short)
