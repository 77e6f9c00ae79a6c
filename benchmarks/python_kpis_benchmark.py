"""What the Python binding adds to the KPI engine, on the national-scale demo dataset.

Measures in one run:
  kpis_total     ds.kpis(): evaluate + suppress (C++, GIL released) + columns + DataFrame
  engine         the same call into _core without building the DataFrame
  dataframe      building the returned DataFrame from those columns (the binding's share)
  from_arrow     Dataset.from_arrow on the same data as pyarrow tables (C ABI Arrow import)
  from_folder    Dataset.from_folder on the same data as CSV files (the C++ loader: the peer)
  from_pandas    Dataset.from_pandas on the same data as pandas frames (datetime64 dates)

Run:  .venv/bin/python benchmarks/python_kpis_benchmark.py [--pupils N] [--repeat R]
(default: the national scale of demo_options::national(); --pupils 40000 for the demo region).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

import passend
from passend import _core
from passend._dataset import _frame


def best_of(repeat: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def read_arrow(folder: Path) -> dict[str, pa.Table]:
    options = pa_csv.ConvertOptions(strings_can_be_null=True)
    return {p.stem: pa_csv.read_csv(p, convert_options=options) for p in sorted(folder.glob("*.csv"))}


def to_pandas(tables: dict[str, pa.Table]) -> dict[str, pd.DataFrame]:
    frames = {}
    for name, table in tables.items():
        frame = table.to_pandas()
        for c in frame.columns:
            if c.endswith("_date"):
                frame[c] = pd.to_datetime(frame[c])
        frames[name] = frame
    return frames


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pupils", type=int, default=0, help="pupils per year (0: national scale)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    ds = passend.Dataset.demo(national=True, pupils=args.pupils or None)
    print(f"dataset      {ds!r} (generated in {time.perf_counter() - start:.1f} s)")

    t_total, frame = best_of(args.repeat, lambda: ds.kpis())
    t_engine, (columns, _) = best_of(
        args.repeat, lambda: _core.kpis(ds._ds, None, None, None, None, True, "paying"))
    t_frame, _ = best_of(args.repeat, lambda: _frame(columns))
    print(f"kpis_total   {t_total:8.3f} s  ({len(frame):,} rows)")
    print(f"engine       {t_engine:8.3f} s")
    print(f"dataframe    {t_frame:8.3f} s  = {100 * t_frame / t_engine:.1f}% of the engine")

    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        folder = Path(tmp)
        ds.to_folder(folder)
        t_folder, loaded = best_of(1, lambda: passend.Dataset.from_folder(folder))
        tables = read_arrow(folder)
    t_arrow, from_arrow = best_of(1, lambda: passend.Dataset.from_arrow(**tables))
    frames = to_pandas(tables)
    del tables
    t_pandas, from_pandas = best_of(1, lambda: passend.Dataset.from_pandas(**frames))
    same = loaded.tables == from_arrow.tables == from_pandas.tables
    print(f"from_folder  {t_folder:8.3f} s  (C++ CSV loader, the peer)")
    print(f"from_arrow   {t_arrow:8.3f} s  = {t_arrow / t_folder:.2f} x from_folder")
    print(f"from_pandas  {t_pandas:8.3f} s  = {t_pandas / t_folder:.2f} x from_folder")
    print(f"same tables  {same}")


if __name__ == "__main__":
    main()
