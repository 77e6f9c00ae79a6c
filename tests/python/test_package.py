# SPDX-License-Identifier: EUPL-1.2
"""The package as installed: version, public names, type information."""

from __future__ import annotations

import re
from importlib import metadata, resources
from pathlib import Path

import passend

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_cmake_project_version() -> None:
    cmake = (ROOT / "CMakeLists.txt").read_text()
    match = re.search(r"project\(passend VERSION ([0-9.]+)", cmake)
    assert match and passend.__version__ == match.group(1)


def test_declares_its_licence_and_ships_the_text() -> None:
    meta = metadata.metadata("passend")
    assert meta["License-Expression"] == "EUPL-1.2"
    files = metadata.files("passend") or []
    licence = [f for f in files if f.name == "LICENSE" and "licenses" in f.parts]
    assert len(licence) == 1
    text = licence[0].read_text(encoding="utf-8")
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_public_names() -> None:
    for name in passend.__all__:
        assert hasattr(passend, name), name
    assert issubclass(passend.LoadError, passend.Error)
    assert issubclass(passend.Error, Exception)


def test_ships_type_information() -> None:
    files = resources.files("passend")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath("_core.pyi").is_file()


def test_dataset_is_made_by_its_factories_only() -> None:
    try:
        passend.Dataset()
    except TypeError as e:
        assert "from_folder" in str(e)
    else:
        raise AssertionError("Dataset() made an empty dataset")


def test_every_part_whose_sources_exist_is_built() -> None:
    from conftest import PARTS

    from passend import _core

    for part, sources in PARTS.items():
        if all((ROOT / source).exists() for source in sources):
            assert hasattr(_core, part), f"{part}: sources present but not compiled in"
