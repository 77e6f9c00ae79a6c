# SPDX-License-Identifier: EUPL-1.2
"""pandas data frames to the columns passend._core.load_frames takes.

No per-row Python work: with pyarrow installed, text columns cross as one buffer of UTF-8 with
offsets and a null mask; without it (or for a column that is not all str) identifiers and codes
are factorized (each distinct value converted to bytes once); dates
become int64 day numbers through numpy's datetime64[D], numbers float64 with NaN for absent.
Everything else (validation included) happens in C++, through the loaders' typed rows.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
import pandas as pd

from . import _core


def _optional_pyarrow() -> Any:
    try:
        return importlib.import_module("pyarrow")
    except ImportError:  # optional: without it, distinct values cross as a list of bytes
        return None


_pa: Any = _optional_pyarrow()

#: table -> {column: contract type}
CONTRACT: dict[str, dict[str, str]] = {
    table: {column: kind for column, kind, _ in columns} for table, _, columns in _core.contract()
}
TABLES: tuple[str, ...] = tuple(CONTRACT)

_NUMERIC = {"integer", "amount", "score", "number"}


def _days(series: pd.Series[Any]) -> np.ndarray[Any, np.dtype[np.int64]] | None:
    """Day numbers since 1970-01-01 (NaT stays NaT's int64), or None when not a date column."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        values = series
        if getattr(series.dtype, "tz", None) is not None:
            values = series.dt.tz_localize(None)
    elif series.dtype == object and pd.api.types.infer_dtype(series, skipna=True) == "date":
        values = pd.to_datetime(series)  # datetime.date objects: one vectorised conversion
    else:
        return None
    days = np.asarray(values.to_numpy()).astype("datetime64[D]")
    return np.ascontiguousarray(days.view(np.int64))


def _text(series: pd.Series[Any]) -> tuple[np.ndarray[Any, np.dtype[np.int64]], Any]:
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if pd.api.types.is_float_dtype(uniques.dtype):
        # ids read as floats because of a missing value: 123.0 means "123"
        as_float = np.asarray(uniques, dtype=np.float64)
        if np.all(np.floor(as_float) == as_float):
            uniques = pd.Index(as_float.astype(np.int64))
    return np.ascontiguousarray(codes, dtype=np.int64), _strings(uniques)


def _strings(
    uniques: Any,
) -> list[bytes] | tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.uint8]]]:
    """The distinct values as UTF-8: with pyarrow, their offsets and one buffer of their bytes,
    made without a Python loop; else, or when a value is not a str, a list of bytes."""
    strings = _arrow_strings(uniques)
    if strings is not None and strings.null_count == 0:
        return _utf8(strings)
    # A lone surrogate (text decoded with errors="surrogateescape", say) crosses as the bytes it
    # stands for, so the loader reports it as text that is not UTF-8, at its row and column.
    return [str(u).encode("utf-8", "surrogatepass") for u in uniques]


def _arrow_strings(values: Any) -> Any:
    """`values` as one pyarrow large_string array (NaN and None null), or None without pyarrow
    or when a value is not a str (a number, a lone surrogate)."""
    if _pa is None or not pd.api.types.is_string_dtype(values.dtype):
        return None
    try:
        strings = _pa.array(values, type=_pa.large_string(), from_pandas=True)
    except (_pa.ArrowException, UnicodeEncodeError):
        return None
    return strings.combine_chunks() if isinstance(strings, _pa.ChunkedArray) else strings


def _utf8(strings: Any) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.uint8]]]:
    """A large_string array's offsets (value i is bytes[offsets[i]:offsets[i + 1]]) and bytes."""
    _, offsets, data = strings.buffers()
    begin = strings.offset
    return (
        np.frombuffer(offsets, dtype=np.int64)[begin : begin + len(strings) + 1],
        np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8),
    )


def frame_columns(table: str, frame: pd.DataFrame) -> tuple[str, int, list[tuple[Any, ...]]]:
    """One table as (name, rows, [(column, position, kind, data...)])."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{table}: expected a pandas DataFrame, got {type(frame).__name__}")
    kinds = CONTRACT[table]
    columns: list[tuple[Any, ...]] = []
    for position, (label, series) in enumerate(frame.items(), start=1):
        name = str(label).strip().lower()
        kind = kinds.get(name)
        if kind == "date":
            days = _days(series)
            if days is not None:
                columns.append((name, position, "days", days))
                continue
        if (
            kind in _NUMERIC
            and pd.api.types.is_numeric_dtype(series.dtype)
            and not pd.api.types.is_bool_dtype(series.dtype)
        ):
            numbers = series.to_numpy(dtype=np.float64, na_value=np.nan)
            columns.append((name, position, "number", np.ascontiguousarray(numbers)))
            continue
        strings = _arrow_strings(series)
        if strings is not None:
            # Each row's text where it lies: no hashing of a column of unique ids.
            nulls = np.ascontiguousarray(strings.is_null().to_numpy(zero_copy_only=False))
            columns.append((name, position, "strings", *_utf8(strings), nulls))
            continue
        codes, uniques = _text(series)
        columns.append((name, position, "text", codes, uniques))
    return table, len(frame), columns
