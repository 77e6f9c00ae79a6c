# SPDX-License-Identifier: EUPL-1.2
"""Text that is not UTF-8 reaches passend from pandas and Arrow too: located at its row and
column like a CSV field, and nothing loads (docs/bad-input.md)."""

from __future__ import annotations

import pytest

import passend
from conftest import from_frames, needs, small_frames

MESSAGE = ("name is not valid UTF-8: byte 4 of the field is 0xED (a surrogate (U+D800-U+DFFF)); "
           "save the file as UTF-8")


def test_from_pandas_lone_surrogate() -> None:
    # b"Caf\xe9" read as Latin-1 text with errors="surrogateescape": "Caf\udce9".
    frames = small_frames()
    boards = frames["boards"].copy()
    boards["name"] = boards["name"].astype(object)  # Arrow-backed strings cannot hold one
    boards.loc[1, "name"] = b"Caf\xe9".decode("utf-8", "surrogateescape")
    with pytest.raises(passend.LoadError) as caught:
        from_frames({**frames, "boards": boards})
    error = caught.value
    assert (error.file, error.line, error.column, error.rule) == ("boards", 2, 2, "invalid_utf8")
    assert error.message == MESSAGE
    assert len(error.errors) == 1


@needs("load_arrow")
def test_from_arrow_invalid_bytes() -> None:
    pa = pytest.importorskip("pyarrow")
    frames = small_frames()
    arrow = {name: pa.Table.from_pandas(f, preserve_index=False) for name, f in frames.items()}
    # A string array whose bytes are Latin-1, built without pyarrow's UTF-8 check.
    data = b"KindanteCaf\xe9"
    offsets = pa.array([0, 8, 12], pa.int32()).buffers()[1]
    names = pa.Array.from_buffers(pa.string(), 2, [None, offsets, pa.py_buffer(data)])
    arrow["boards"] = pa.table({"board_id": arrow["boards"].column("board_id"), "name": names})
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.from_arrow(**arrow)
    error = caught.value
    assert (error.file, error.line, error.column, error.rule) == ("boards", 2, 2, "invalid_utf8")
    assert error.message == ("name is not valid UTF-8: byte 4 of the field is 0xE9 (a truncated "
                             "sequence); save the file as UTF-8")
    assert len(error.errors) == 1


def test_from_json_duplicate_key_and_huge_number() -> None:
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.from_json('{"schools": [], "schools": []}')
    assert caught.value.rule == "duplicate_key"
    assert (caught.value.line, caught.value.column) == (1, 17)
    with pytest.raises(passend.LoadError) as caught:
        passend.Dataset.from_json('{"funds": [{"amount_eur": 1e309}]}')
    assert caught.value.rule == "number_out_of_range"
    assert caught.value.message == ("the number 1e309 is beyond the range of a double (about "
                                    "1.8e308)")


def test_demo_with_too_few_pupils_is_a_usage_error() -> None:
    with pytest.raises(passend.Error, match="pupils must be between 100 and 20,000,000, not 10"):
        passend.Dataset.demo(pupils=10)
