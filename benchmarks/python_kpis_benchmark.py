# SPDX-License-Identifier: EUPL-1.2
"""What the Python binding adds to the KPI engine, on the national-scale demo dataset.

Measures in one run:
  kpis_total     ds.kpis(): evaluate + suppress (C++, GIL released) + columns + DataFrame
  engine         the same call into _core without building the DataFrame
  dataframe      building the returned DataFrame from those columns (the binding's share)
  from_arrow     Dataset.from_arrow on the same data as pyarrow tables (the core's Arrow import)
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


CPU: dict[str, float] = {}


def best_of(repeat: int, work: Callable[[], Any], name: str = "") -> tuple[float, Any]:
    """Best wall time of `repeat` runs; the CPU time (all threads) of that run goes to CPU[name]:
    on a shared machine the CPU time is the steadier measure."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = work()
        wall = time.perf_counter() - start
        if wall < best:
            best, CPU[name] = wall, time.process_time() - cpu
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

    t_total, frame = best_of(args.repeat, lambda: ds.kpis(), "kpis_total")
    t_engine, (columns, _) = best_of(
        args.repeat, lambda: _core.kpis(ds._ds, None, None, None, None, True, "paying"), "engine")
    t_frame, _ = best_of(args.repeat, lambda: _frame(columns), "dataframe")

    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        folder = Path(tmp)
        ds.to_folder(folder)
        t_folder, loaded = best_of(1, lambda: passend.Dataset.from_folder(folder), "from_folder")
        tables = read_arrow(folder)
    t_arrow, from_arrow = best_of(1, lambda: passend.Dataset.from_arrow(**tables), "from_arrow")
    frames = to_pandas(tables)
    del tables
    t_pandas, from_pandas = best_of(1, lambda: passend.Dataset.from_pandas(**frames),
                                    "from_pandas")
    same = loaded.tables == from_arrow.tables == from_pandas.tables

    def line(name: str, wall: float, note: str = "") -> None:
        print(f"{name:12} {wall:8.3f} s wall {CPU[name]:8.3f} s CPU  {note}")

    print(f"rows         {len(frame):,} KPI rows")
    line("kpis_total", t_total, "ds.kpis(): engine + DataFrame")
    line("engine", t_engine, "evaluate + suppress + columns (C++)")
    line("dataframe", t_frame,
         f"building the DataFrame = {100 * CPU['dataframe'] / CPU['engine']:.1f}% of the engine (CPU)")
    line("from_folder", t_folder, "C++ CSV loader (the peer)")
    line("from_arrow", t_arrow, f"= {CPU['from_arrow'] / CPU['from_folder']:.2f} x from_folder (CPU)")
    line("from_pandas", t_pandas,
         f"= {CPU['from_pandas'] / CPU['from_folder']:.2f} x from_folder (CPU)")
    print(f"same tables  {same}")

if __name__ == "__main__":
    main()
