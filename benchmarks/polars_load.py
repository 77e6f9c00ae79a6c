# SPDX-License-Identifier: EUPL-1.2
"""The peer of load_benchmark: polars reading the same contract tables with the same types.

passend holds identifiers once and refers to them by index, dates as day numbers, codes as
one-byte enums; the like in polars is Categorical for references and codes, Date for dates and
small integers. Every table passend reads from the folder is read here, eagerly (`read_csv`, all
cores), and the time, the process's peak memory and the frames' estimated size are printed.

    .venv/bin/python benchmarks/polars_load.py DIR
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import polars as pl

S, D, C = pl.String, pl.Date, pl.Categorical
TYPES: dict[str, dict[str, type[pl.DataType] | pl.DataType]] = {
    "swvs": {"swv_id": S, "name": S, "sector": C},
    "boards": {"board_id": S, "name": S},
    "schools": {"school_id": S, "name": S, "board_id": C, "swv_id": C, "setting": C,
                "municipality": C},
    "pupils": {"pupil_id": S, "birth_date": D, "municipality": C},
    "regions": {"municipality": C, "swv_id": C},
    "enrolments": {"pupil_id": C, "school_id": C, "start_date": D, "end_date": D,
                   "grade": pl.UInt8, "exit": C},
    "tlvs": {"tlv_id": S, "pupil_id": C, "swv_id": C, "setting": C, "category": C,
             "request_date": D, "decision_date": D, "outcome": C, "start_date": D,
             "end_date": D, "objection": C, "complete_date": D},
    "arrangements": {"arrangement_id": S, "pupil_id": C, "school_id": C, "level": pl.UInt8,
                     "kind": C, "start_date": D, "end_date": D, "cost_eur": pl.Float64},
    "opps": {"pupil_id": C, "school_id": C, "start_date": D, "end_date": D},
    "absences": {"pupil_id": C, "kind": C, "start_date": D, "end_date": D, "article": S},
    "funds": {"school_year": C, "swv_id": C, "board_id": C, "stream": S, "amount_eur": pl.Float64},
    "allocations": {"school_year": C, "board_id": C, "purpose": S, "amount_eur": pl.Float64,
                    "school_id": C, "kpi_id": S},
    "assessments": {"school_year": C, "unit_id": C, "framework": S, "item": S,
                    "score": pl.Float64},
    "extract": {"extract_date": D, "source": S},
    "rates": {"school_year": C, "setting": C, "category": C, "amount_eur": pl.Float64},
    "reference_values": {"kpi": S, "school_year": C, "value": pl.Float64, "source": S},
}


def main(folder: Path) -> None:
    start = time.perf_counter()
    frames = {}
    for table, types in TYPES.items():
        path = folder / f"{table}.csv"
        if path.exists():
            frames[table] = pl.read_csv(path, schema_overrides=types)
    seconds = time.perf_counter() - start
    size = sum(f.estimated_size() for f in frames.values()) / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    rows = sum(f.height for f in frames.values())
    print(f"polars {pl.__version__} read_csv: wall {seconds:.2f} s, peak memory {peak:.0f} MB, "
          f"frames {size:.0f} MB, {rows} rows in {len(frames)} tables")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
