# SPDX-License-Identifier: EUPL-1.2
"""from_pandas, from_arrow (pyarrow, polars, DuckDB) and from_folder give the same dataset, and so
the same KPIs: compared through the contract JSON of the dataset (to_json), which holds every
record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import passend
from conftest import Frames, from_frames, needs, small_frames, typed, write_csv_folder

pytestmark = needs("load_arrow")


def from_arrow(tables: dict[str, Any]) -> passend.Dataset:
    return passend.Dataset.from_arrow(**tables)


def as_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """datetime64 columns as Arrow date32 columns."""
    pa = pytest.importorskip("pyarrow")
    frame = frame.copy()
    for c in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[c].dtype):
            frame[c] = frame[c].astype(pd.ArrowDtype(pa.date32()))
    return frame


def read_folder_pandas(folder: Path) -> Frames:
    frames = {}
    for path in sorted(folder.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for c in [c for c in frame.columns if c.endswith("_date")]:
            frame[c] = pd.to_datetime(frame[c].replace("", None))
        frames[path.stem] = frame
    return frames


def test_small_region_all_loaders(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    text = small_frames()
    reference = from_frames(text).to_json()
    assert from_frames(typed(text)).to_json() == reference
    assert passend.Dataset.from_folder(write_csv_folder(text, tmp_path)).to_json() == reference
    # Arrow dates as date32 here (datetime64 columns exported as timestamps: test_from_arrow)
    dated = {k: as_dates(v) for k, v in typed(text).items()}
    arrow = {k: pa.Table.from_pandas(v, preserve_index=False) for k, v in dated.items()}
    assert from_arrow(arrow).to_json() == reference
    polars = {k: pl.from_pandas(v) for k, v in dated.items()}
    assert from_arrow(polars).to_json() == reference
    # pandas >= 2.2 frames speak the PyCapsule interface too
    assert from_arrow(dict(dated)).to_json() == reference


def test_duckdb_results() -> None:
    duckdb = pytest.importorskip("duckdb")
    frames = typed(small_frames())
    con = duckdb.connect()
    tables = {}
    for name, frame in frames.items():
        con.register(f"{name}_frame", as_dates(frame))
        tables[name] = con.sql(f"select * from {name}_frame")
    assert from_arrow(tables).to_json() == from_frames(frames).to_json()


def test_demo_region_all_loaders(demo: passend.Dataset, demo_folder: Path) -> None:
    pa_csv = pytest.importorskip("pyarrow.csv")
    pl = pytest.importorskip("polars")
    reference = demo.to_json()
    assert passend.Dataset.from_folder(demo_folder).to_json() == reference
    assert from_frames(read_folder_pandas(demo_folder)).to_json() == reference
    options = pa_csv.ConvertOptions(strings_can_be_null=True)
    arrow = {p.stem: pa_csv.read_csv(p, convert_options=options)
             for p in sorted(demo_folder.glob("*.csv"))}
    assert from_arrow(arrow).to_json() == reference
    polars = {p.stem: pl.read_csv(p, try_parse_dates=True, infer_schema_length=None)
              for p in sorted(demo_folder.glob("*.csv"))}
    assert from_arrow(polars).to_json() == reference


def test_not_a_table() -> None:
    frames: dict[str, Any] = dict(small_frames())
    frames["schools"] = [1, 2, 3]
    with pytest.raises(TypeError, match="schools: expected an Arrow table"):
        from_arrow(frames)


def test_a_stream_is_consumed_once() -> None:
    pa = pytest.importorskip("pyarrow")
    frames = small_frames()
    arrow = {k: pa.Table.from_pandas(v, preserve_index=False) for k, v in frames.items()}
    reader = pa.RecordBatchReader.from_batches(arrow["pupils"].schema, arrow["pupils"].to_batches())
    ds = from_arrow({**arrow, "pupils": reader})
    assert ds.tables["pupils"] == 4
    with pytest.raises(Exception):
        from_arrow({**arrow, "pupils": reader})
