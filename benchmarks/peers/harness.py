# SPDX-License-Identifier: EUPL-1.2
"""The peer benchmark: the same KPI ids (common.KPIS, national and per partnership) computed by
passend and by DuckDB, polars and pandas as an expert in each would write them.

Each tool runs in a process of its own (so its peak memory is its own, from wait4's rusage): it
loads the contract folder's tables with their types, computes the ids, and hands back its
values and times. Every peer's values are checked equal to passend's (``Dataset.kpis`` with
suppression off); a tool that differs fails the run and no figure is written. Then the table:
load, compute, whole (load + compute) and peak memory per tool, each peer's ratio to passend,
and the bound of one plain pass over the loaded columns (numpy summing each column once).

  .venv/bin/python benchmarks/peers/harness.py DIR [--results benchmarks/RESULTS.md]
  .venv/bin/python benchmarks/peers/harness.py DIR --check      # values only (the test suite)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402

PEERS = ("duckdb", "polars", "pandas")


# ---- inside a tool's own process ---------------------------------------------------------------

def run_tool(tool: str, folder: Path, out: Path) -> None:
    """Load, compute, and write {times, values} to `out` (pickle)."""
    start = time.perf_counter()
    if tool == "plain_pass":
        timings = plain_pass(folder)
        values = None
    else:
        load, compute = tool_functions(tool)
        cpu = time.process_time()  # every thread of the process: steadier on a shared machine
        loaded = load(folder)
        loaded_at, loaded_cpu = time.perf_counter(), time.process_time()
        values = compute(loaded)
        done, done_cpu = time.perf_counter(), time.process_time()
        timings = {"load": loaded_at - start, "compute": done - loaded_at, "whole": done - start,
                   "load_cpu": loaded_cpu - cpu, "compute_cpu": done_cpu - loaded_cpu,
                   "whole_cpu": done_cpu - cpu}
    with open(out, "wb") as f:
        pickle.dump({"times": timings, "values": values}, f)


def tool_functions(tool: str) -> tuple[Any, Any]:
    if tool in ("passend", "passend_full", "passend_snapshot"):
        import passend

        def compute(ds: Any) -> Any:
            frame = ds.kpis(suppress=False, kpi=list(common.KPIS), level="swv")
            return common.passend_values(frame)

        if tool == "passend":
            # Only the tables the ids need (a partial load), as polars' lazy scan reads only the
            # columns its queries use.
            def load(folder: Path) -> Any:
                return passend.Dataset.from_folder(folder, kpis=list(common.KPIS))

            return load, compute
        if tool == "passend_full":
            # Every table read and checked, as `passend validate` does: the load a report of the
            # whole catalog needs.
            return passend.Dataset.from_folder, compute
        return (lambda folder: passend.Dataset.open(snapshot_path(folder))), compute
    module = __import__(f"{tool}_kpis")
    return module.load, module.compute


def snapshot_path(folder: Path) -> Path:
    return Path(os.environ["PEERS_SNAPSHOT"])


def plain_pass(folder: Path) -> dict[str, float]:
    """The floor of any compute: one pass over the columns the ids read, as fixed-width numpy
    arrays (dates as days, labels and ids as dictionary codes), each summed once."""
    import numpy as np
    import polars as pl

    import polars_kpis

    tables = polars_kpis.load(folder)
    columns = []
    for name, frame in tables.items():
        for c in frame.columns:
            s = frame[c]
            if s.dtype == pl.Date:
                columns.append(s.to_physical().fill_null(0).to_numpy())
            elif s.dtype == pl.String:
                columns.append(s.cast(pl.Categorical).to_physical().fill_null(0).to_numpy())
            else:
                columns.append(s.fill_null(0).to_numpy())
    start = time.perf_counter()
    total = 0
    for column in columns:
        total += int(np.sum(column, dtype=np.int64))
    seconds = time.perf_counter() - start
    return {"pass": seconds, "bytes": float(sum(c.nbytes for c in columns)), "checksum": total}


# ---- the driver ---------------------------------------------------------------------------------

def measure(tool: str, folder: Path, scratch: Path) -> dict[str, Any]:
    """Run one tool in a child process; its times, values and peak memory (max RSS, bytes)."""
    out = scratch / f"{tool}.pkl"
    child = subprocess.Popen([sys.executable, __file__, str(folder), "--tool", tool,
                              "--out", str(out)])
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"peers: {tool} failed (exit {os.waitstatus_to_exitcode(status)})")
    with open(out, "rb") as f:
        result: dict[str, Any] = pickle.load(f)
    result["peak_bytes"] = usage.ru_maxrss * 1024
    result["cpu"] = usage.ru_utime + usage.ru_stime
    return result


def versions() -> dict[str, str]:
    import duckdb
    import numpy
    import pandas
    import polars

    import passend
    return {"passend": passend.__version__, "DuckDB": duckdb.__version__,
            "polars": polars.__version__, "pandas": pandas.__version__,
            "numpy": numpy.__version__, "Python": platform.python_version()}


def machine() -> str:
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kb = int(f.readline().split()[1])
    return f"{model}, {os.cpu_count()} cores, {mem_kb / 2**20:.0f} GiB, {platform.platform()}"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.csv"))


def passend_tables() -> list[str]:
    import passend

    return passend.tables_for(list(common.KPIS))


def write_results(path: Path, folder: Path, results: dict[str, dict[str, Any]],
                  loads: tuple[str, str], command: str) -> None:
    base = results["passend"]["times"]
    lines = [
        "# Peer benchmark: passend against DuckDB, polars and pandas",
        "",
        f"Written by `benchmarks/peers/harness.py` on {dt.date.today().isoformat()}. Command:",
        "",
        f"    {command}",
        "",
        f"- Data: `{folder}` ({folder_size(folder) / 1e6:.0f} MB of contract CSV)",
        f"- Machine: {machine()}; shared: load average {loads[0]} before the run, "
        f"{loads[1]} after it",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in versions().items()),
        f"- The ids ({len(common.KPIS)}, national and per partnership; the absence ids "
        "national only): " + ", ".join(f"`{k}`" for k in common.KPIS),
        "- passend loads only the tables the ids need (`Dataset.from_folder(DIR, kpis=...)`: "
        "a partial load, as polars' lazy scan reads only the columns its queries use): "
        + ", ".join(passend_tables()) + "; `passend_full` reads and checks every table "
        "(`Dataset.from_folder(DIR)`), `passend_snapshot` opens a snapshot of the folder.",
        "- Every peer's values were checked equal to passend's (numerator and denominator of "
        "every id, year and unit) in this run; each tool ran once, in a process of its own.",
        "",
        "Wall seconds, with the CPU seconds of the process (all its threads) in brackets: on a "
        "shared machine the CPU time is the steadier figure. A ratio is the tool's time over "
        "passend's (wall; CPU in brackets): above 1, the tool is slower than passend.",
        "",
        "| tool | load (s) | compute (s) | whole (s) | peak memory (MB) | load / passend "
        "| compute / passend | whole / passend |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for tool, r in results.items():
        if tool == "plain_pass":
            continue
        t = r["times"]
        cells = [f"{t[p]:.2f} ({t[p + '_cpu']:.2f})" for p in ("load", "compute", "whole")]
        ratios = [f"{t[p] / base[p]:.2f} ({t[p + '_cpu'] / base[p + '_cpu']:.2f})"
                  for p in ("load", "compute", "whole")]
        lines.append(f"| {tool} | " + " | ".join(cells) + f" | {r['peak_bytes'] / 1e6:.0f} | "
                     + " | ".join(ratios) + " |")
    plain = results["plain_pass"]["times"]
    lines += [
        "",
        f"One plain pass over the loaded columns (numpy, each of {plain['bytes'] / 1e6:.0f} MB of "
        f"fixed-width columns summed once): {plain['pass']:.3f} s, the floor of any compute.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a contract CSV folder (passend demo --out)")
    parser.add_argument("--check", action="store_true",
                        help="only check that every peer's values equal passend's")
    parser.add_argument("--results", type=Path, help="write the table to this Markdown file")
    parser.add_argument("--snapshot", type=Path,
                        help="also time passend opening this snapshot of the folder")
    parser.add_argument("--tool", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tool:
        run_tool(args.tool, args.folder, args.out)
        return

    loads = [load_average(), ""]
    tools = (["passend"] + ([] if args.check else ["passend_full"])
             + (["passend_snapshot"] if args.snapshot else []) + list(PEERS))
    if not args.check:
        tools.append("plain_pass")
    if args.snapshot:
        os.environ["PEERS_SNAPSHOT"] = str(args.snapshot)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="passend-peers-") as scratch:
        for tool in tools:
            results[tool] = measure(tool, args.folder, Path(scratch))
    loads[1] = load_average()
    want = results["passend"]["values"]
    problems = []
    for tool in tools:
        if results[tool]["values"] is not None and tool != "passend":
            problems += common.differences(tool, results[tool]["values"], want)
    for p in problems:
        print(p)
    if problems:
        raise SystemExit("peers: values differ from passend's; nothing timed is reported")
    print(f"peers: {len(want)} values of {len(common.KPIS)} ids equal in "
          + ", ".join(t for t in tools if results[t]["values"] is not None))
    if args.check:
        return
    for tool, r in results.items():
        print(f"{tool:18} " + json.dumps({k: round(v, 3) for k, v in r["times"].items()})
              + f" peak {r['peak_bytes'] / 1e6:.0f} MB")
    if args.results:
        command = "python benchmarks/peers/harness.py " + " ".join(sys.argv[1:])
        write_results(args.results, args.folder, results, (loads[0], loads[1]), command)


if __name__ == "__main__":
    main()
