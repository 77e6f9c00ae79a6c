# SPDX-License-Identifier: EUPL-1.2
"""Dataset.save and Dataset.open: the demo saved as a snapshot opens back to the same dataset
(the same contract JSON, the same KPI frame); from_folder takes a snapshot file too; a damaged
or truncated file is a LoadError naming the file and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import passend
from conftest import needs

pytestmark = needs("open_snapshot")


@pytest.fixture(scope="module")
def demo() -> passend.Dataset:
    return passend.Dataset.demo(pupils=2000, years=2)


def test_round_trip(demo: passend.Dataset, tmp_path: Path) -> None:
    file = tmp_path / "demo.snapshot"
    demo.save(file)
    back = passend.Dataset.open(file)
    assert back.to_json() == demo.to_json()
    assert back.extract_date == demo.extract_date
    pd.testing.assert_frame_equal(back.kpis(suppress=False), demo.kpis(suppress=False))
    # from_folder takes the snapshot file as well
    assert passend.Dataset.from_folder(str(file)).to_json() == demo.to_json()


def test_damaged_and_truncated(demo: passend.Dataset, tmp_path: Path) -> None:
    file = tmp_path / "demo.snapshot"
    demo.save(file)
    good = file.read_bytes()
    damaged = bytearray(good)
    damaged[-100] ^= 0x01
    file.write_bytes(bytes(damaged))
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.open(file)
    assert caught.value.file == str(file)
    assert caught.value.rule == "snapshot_checksum"
    assert caught.value.message.startswith("is damaged: the checksum of column ")

    file.write_bytes(good[:1000])
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.open(file)
    assert caught.value.rule == "snapshot_truncated"
    assert caught.value.message == (f"is truncated: it has 1000 bytes, its header says "
                                    f"{len(good)}")


def test_not_a_snapshot(tmp_path: Path) -> None:
    file = tmp_path / "pupils.csv"
    file.write_text("pupil_id,birth_date\np1,2015-03-14\n", encoding="utf-8")
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.open(file)
    assert caught.value.rule == "snapshot_magic"
