# SPDX-License-Identifier: EUPL-1.2
# Stubs of the compiled module passend._core (bindings/python/*.cpp). Private API: the public
# one is the passend package. tests/python/test_typing.py compares these with the module (stubtest).
from os import PathLike
from typing import Any

__version__: str

_Diagnostic = tuple[str, str, int, int, str, str]
_Loaded = tuple[Dataset | None, list[_Diagnostic]]

class Error(Exception): ...
class SelectionError(Error): ...

class Dataset:
    def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    def table_sizes(self) -> dict[str, int]: ...
    def has_table(self, arg0: str, /) -> bool: ...
    def tables_left_out(self) -> list[str]: ...
    def school_years(self) -> list[int]: ...
    def horizon(self) -> int: ...
    def extract_date(self) -> tuple[int, str, str]: ...
    def warnings(self) -> list[_Diagnostic]: ...
    def write_folder(self, arg0: str | PathLike[str], /) -> None: ...
    def save_snapshot(self, arg0: str | PathLike[str], /) -> None: ...
    def to_json(self) -> str: ...
    def swvs(self) -> dict[str, list[str]]: ...
    def schools(self) -> dict[str, list[str]]: ...

def school_year(value: object, argument: str) -> int: ...
def contract() -> list[tuple[str, bool, list[tuple[str, str, bool]]]]: ...
def load_folder(
    dir: str | PathLike[str], max_errors: int, as_of: str | None = None,
    tables: list[str] | None = None,
) -> _Loaded: ...
def open_snapshot(file: str | PathLike[str]) -> _Loaded: ...
def load_json(text: str, source: str, max_errors: int, as_of: str | None = None) -> _Loaded: ...
def import_exports(
    format: str,
    files: list[str | PathLike[str]],
    secret_file: str | PathLike[str],
    schools: str | PathLike[str] | None,
    max_file_bytes: int,
    max_errors: int,
) -> _Loaded: ...
def import_to_folder(
    format: str,
    files: list[str | PathLike[str]],
    secret_file: str | PathLike[str],
    schools: str | PathLike[str] | None,
    max_file_bytes: int,
    out: str | PathLike[str],
) -> tuple[bool, list[_Diagnostic]]: ...
def make_demo(
    pupils: int,
    years: int,
    last_year: int | str | None,
    partnerships: int,
    seed: int,
    national: bool,
    as_of: str | None = None,
) -> Dataset: ...
def load_arrow(
    tables: list[tuple[str, Any]], max_errors: int, as_of: str | None = None
) -> _Loaded: ...
def load_frames(
    tables: list[tuple[str, int, list[tuple[Any, ...]]]], max_errors: int, as_of: str | None = None
) -> _Loaded: ...

_Column = tuple[Any, list[str]] | Any
_Definition = tuple[str, str, str, str, str | None, float | None, float | None, str, str]

def kpis(
    dataset: Dataset,
    catalog: str | PathLike[str] | None,
    kpis: list[str] | None,
    years: list[int | str] | None,
    units: list[str] | None,
    suppress: bool,
    view: str,
    levels: list[str] | None,
    day: str | None = None,
    tlv_term_days: int = 42,
    rolling: bool = False,
) -> tuple[dict[str, _Column], list[_Definition]]: ...
def catalog(catalog: str | PathLike[str] | None) -> list[_Definition]: ...
def tables_for(kpis: list[str], catalog: str | PathLike[str] | None) -> list[str]: ...
def explain(
    dataset: Dataset,
    kpi: str,
    year: int | str,
    unit: str,
    level: str | None,
    part: str,
    catalog: str | PathLike[str] | None,
    view: str,
) -> list[str]: ...
def flows(
    dataset: Dataset, year: int | str, unit: str, matrix: str, view: str, suppress: bool
) -> tuple[Any, list[str], list[str], Any]: ...
def plan(
    dataset: Dataset, plan: str, source: str, year: int | str | None, suppress: bool, subject: str
) -> tuple[str | None, list[_Diagnostic]]: ...
def monitor(
    dataset: Dataset,
    day: str | None,
    units: list[str],
    suppress: bool,
    view: str,
    tlv_term_days: int,
    subject: str,
) -> str: ...
def coverage(dataset: Dataset, year: int | str | None, unit: str | None, suppress: bool) -> str: ...
def forecast(
    dataset: Dataset, unit: str, years: int, scenario: str | None, view: str, suppress: bool
) -> dict[str, Any]: ...
