# SPDX-License-Identifier: EUPL-1.2
"""The same bad selection gives the same error text as the command line and the C ABI: the table
tests/data/selection/errors.tsv (option, value, message) is read by all three."""

from __future__ import annotations

from pathlib import Path

import pytest

import passend

TABLE = Path(__file__).resolve().parents[1] / "data" / "selection" / "errors.tsv"
ROWS = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def demo() -> passend.Dataset:
    return passend.Dataset.demo(pupils=2000)


@pytest.mark.parametrize(("option", "value", "message"), ROWS)
def test_bad_selection_same_text(demo: passend.Dataset, option: str, value: str,
                                 message: str) -> None:
    argument: int | str = int(value) if option == "year" else value
    with pytest.raises(passend.SelectionError) as caught:
        demo.kpis(**{option: argument})
    assert str(caught.value) == message


def test_table_has_every_kind() -> None:
    assert sorted(r[0] for r in ROWS) == ["kpi", "level", "unit", "year"]
