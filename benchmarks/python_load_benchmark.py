# SPDX-License-Identifier: EUPL-1.2
"""The loaders that skip parsing against the CSV folder they were made from, in one run.

Times, best of --repeat, on the same contract folder:
  from_folder  Dataset.from_folder: the C++ CSV loader (blocks parsed on worker threads)
  from_arrow   Dataset.from_arrow on the folder read by pyarrow.csv (typed columns: dates, ints)
  from_pandas  Dataset.from_pandas on those tables as pandas frames (datetime64 dates)
  appender     the C appender (passend.h), value by value with typed values, from
               build/default/benchmarks/appender_benchmark, against from_folder in its own process

Run:  .venv/bin/python benchmarks/python_load_benchmark.py DIR [--repeat R]
      (DIR from `passend demo --pupils 150000 --years 10 --out DIR`)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import passend
from python_kpis_benchmark import read_arrow, to_pandas  # the same tables, typed the same way

CPU: dict[str, float] = {}
WALL: dict[str, float] = {}


def best_of(repeat: int, name: str, work: Callable[[], Any]) -> Any:
    """Best wall time of `repeat` runs into WALL[name], the CPU time of that run into CPU[name]."""
    WALL[name], result = float("inf"), None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = work()
        wall = time.perf_counter() - start
        if wall < WALL[name]:
            WALL[name], CPU[name] = wall, time.process_time() - cpu
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a contract folder (passend demo --out DIR)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--appender", type=Path,
                        default=Path(os.environ.get("PASSEND_BUILD_DIR", "build/default"))
                        / "benchmarks" / "appender_benchmark")
    args = parser.parse_args()

    folder = best_of(args.repeat, "from_folder", lambda: passend.Dataset.from_folder(args.folder))
    tables = read_arrow(args.folder)
    arrow = best_of(args.repeat, "from_arrow", lambda: passend.Dataset.from_arrow(**tables))
    frames = to_pandas(tables)
    del tables
    pandas = best_of(args.repeat, "from_pandas", lambda: passend.Dataset.from_pandas(**frames))
    same = folder.tables == arrow.tables == pandas.tables

    print(f"data         {args.folder}: {folder!r}")
    print(f"{'':12} {'wall':>9} {'CPU':>9}   ratio to from_folder (wall, CPU)")
    for name in ("from_folder", "from_arrow", "from_pandas"):
        print(f"{name:12} {WALL[name]:7.3f} s {CPU[name]:7.3f} s   "
              f"{WALL[name] / WALL['from_folder']:5.2f} x  {CPU[name] / CPU['from_folder']:5.2f} x")
    if args.appender.exists():
        out = subprocess.run([str(args.appender), str(args.folder), str(args.repeat)],
                             check=True, capture_output=True, text=True).stdout
        print("appender_benchmark (its own process, against its own from_folder):")
        print("  " + out.strip().replace("\n", "\n  "))
    else:
        print(f"appender     {args.appender} not built")
    print(f"same tables  {same}")


if __name__ == "__main__":
    main()
