# SPDX-License-Identifier: EUPL-1.2
"""passend.Dataset: load records from files, data frames or Arrow tables, and compute on them."""

from __future__ import annotations

import datetime as _dt
import json
import os
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from . import _core
from ._errors import Diagnostic, LoadError, diagnostics_of
from ._frames import TABLES, frame_columns
from ._monitor import Monitor, monitor_frames

_EPOCH = _dt.date(1970, 1, 1)
_DEFAULT_MAX_ERRORS = 200


def _school_year(start: int) -> str:
    return f"{start}-{start + 1}"


def _loaded(result: tuple[_core.Dataset | None, list[tuple[str, str, int, int, str, str]]]) -> Dataset:
    handle, raw = result
    diagnostics = diagnostics_of(raw)
    if handle is None:
        raise LoadError(diagnostics)
    return Dataset._wrap(handle)


class Dataset:
    """A validated, immutable set of passend onderwijs records.

    Make one with :meth:`from_folder`, :meth:`from_pandas`, :meth:`from_arrow`,
    :meth:`from_json` or :meth:`demo`. A load that finds errors raises :class:`LoadError` (with
    every diagnostic, each located by file, line and column) and makes no dataset.
    """

    __slots__ = ("_ds",)
    _ds: _core.Dataset

    def __init__(self) -> None:
        raise TypeError("use Dataset.from_folder, from_pandas, from_arrow, from_json or demo")

    @classmethod
    def _wrap(cls, handle: _core.Dataset) -> Dataset:
        self = object.__new__(cls)
        self._ds = handle
        return self

    # ---- loading -----------------------------------------------------------------------------

    @classmethod
    def from_folder(
        cls,
        path: str | os.PathLike[str],
        *,
        max_errors: int = _DEFAULT_MAX_ERRORS,
        as_of: _dt.date | str | None = None,
        tables: Iterable[str] | None = None,
        kpis: str | Iterable[str] | None = None,
        catalog: str | os.PathLike[str] | None = None,
    ) -> Dataset:
        """Load a folder of contract CSV files (schools.csv, pupils.csv, enrolments.csv, ...),
        or a snapshot file (as :meth:`open`, which opens whole).

        ``as_of``: the extract date (the day the data were exported); it wins over extract.csv.

        ``tables`` or ``kpis`` make a *partial load*, as a lazy reader reads only the columns
        its queries use: only these tables (names as ``"tlvs"``), or those the KPI ids or tags
        need (:func:`tables_for`, with ``catalog``), and the tables always read (partnerships,
        boards, schools, pupils, regions, enrolments, extract, rates, reference values). The
        tables left out are neither read nor checked: :meth:`has_table` is False for them, a
        KPI that needs one has no value, :meth:`tables_left_out` lists them and a file of one
        gives the warning ``table_not_read``. :func:`validate` checks every table.
        """
        wanted: set[str] | None = None
        if tables is not None:
            wanted = set([tables] if isinstance(tables, str) else tables)
        if kpis is not None:
            wanted = (wanted or set()) | set(tables_for(kpis, catalog))
        return _loaded(_core.load_folder(os.fspath(path), max_errors, _as_of(as_of),
                                         None if wanted is None else sorted(wanted)))

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Dataset:
        """Open a snapshot file written by :meth:`save` (or ``passend snapshot DIR --out FILE``):
        the loaded, validated dataset, mapped and checked in a fraction of a CSV load's time.

        Raises:
            LoadError: the file is not a snapshot, was written by another passend version, is
                truncated or damaged; the one diagnostic names the file and what is wrong.
        """
        return _loaded(_core.open_snapshot(os.fspath(path)))

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the dataset as a snapshot file (docs/snapshot.md), replaced whole; :meth:`open`
        reads it back to a dataset whose every figure equals this one's."""
        self._ds.save_snapshot(os.fspath(path))

    @classmethod
    def from_export(
        cls,
        format: str,
        files: Sequence[str | os.PathLike[str]],
        *,
        secret_file: str | os.PathLike[str],
        schools: str | os.PathLike[str] | None = None,
        max_file_bytes: int = 0,
        max_errors: int = _DEFAULT_MAX_ERRORS,
    ) -> Dataset:
        """Read schools' XML exports: ``format`` ``"uwlr"`` (UWLR 2.x leerlinggegevens; needs
        ``schools``, the contract's schools.csv) or ``"oso"`` (OSO 2019.1 dossiers). Pupils get
        keyed pseudonyms under the key in ``secret_file``; names, addresses, BSN and the like are
        never copied (docs/import.md). ``max_file_bytes`` 0 is the default limit (256 MiB)."""
        return _loaded(
            _core.import_exports(
                format,
                [os.fspath(f) for f in files],
                os.fspath(secret_file),
                None if schools is None else os.fspath(schools),
                max_file_bytes,
                max_errors,
            )
        )

    @classmethod
    def from_json(
        cls,
        text: str,
        *,
        source: str = "data.json",
        max_errors: int = _DEFAULT_MAX_ERRORS,
        as_of: _dt.date | str | None = None,
    ) -> Dataset:
        """Load the tables from one contract JSON document (``{"schools": [{...}], ...}``)."""
        return _loaded(_core.load_json(text, source, max_errors, _as_of(as_of)))

    @classmethod
    def demo(
        cls,
        *,
        pupils: int | None = None,
        years: int | None = None,
        last_year: int | str | None = None,
        partnerships: int | None = None,
        seed: int = 2014,
        national: bool = False,
        as_of: _dt.date | str | None = None,
    ) -> Dataset:
        """The built-in synthetic demo region (Zuid-Limburg), or the national-scale variant.

        The same arguments give the same dataset on every machine. ``last_year``: its last school
        year (``2024`` or ``"2024-2025"``). ``as_of``: the day the demo's data are exported
        (default 15 March of its last school year, which is then partial).
        """
        handle = _core.make_demo(
            pupils or 0,
            years or 0,
            None if last_year is None else _start_year(last_year, "last_year"),
            -1 if partnerships is None else partnerships,
            seed,
            national,
            _as_of(as_of),
        )
        return cls._wrap(handle)

    @classmethod
    def from_pandas(
        cls,
        *,
        schools: pd.DataFrame,
        pupils: pd.DataFrame,
        enrolments: pd.DataFrame,
        swvs: pd.DataFrame | None = None,
        boards: pd.DataFrame | None = None,
        regions: pd.DataFrame | None = None,
        tlvs: pd.DataFrame | None = None,
        arrangements: pd.DataFrame | None = None,
        opps: pd.DataFrame | None = None,
        absences: pd.DataFrame | None = None,
        funds: pd.DataFrame | None = None,
        allocations: pd.DataFrame | None = None,
        assessments: pd.DataFrame | None = None,
        extract: pd.DataFrame | None = None,
        rates: pd.DataFrame | None = None,
        reference_values: pd.DataFrame | None = None,
        support_offers: pd.DataFrame | None = None,
        finances: pd.DataFrame | None = None,
        max_errors: int = _DEFAULT_MAX_ERRORS,
        as_of: _dt.date | str | None = None,
    ) -> Dataset:
        """Build a dataset from pandas DataFrames with the contract's columns (by name).

        Dates may be datetime64 columns (fastest), ``datetime.date`` objects or ISO text; numbers
        numeric or text; absent values NaN/NaT/None. Diagnostics name the table as file, the
        1-based row position as line and the column's 1-based position as column. The frame's
        index is not used.
        """
        given = _tables(locals())
        tables = [frame_columns(name, frame) for name, frame in given]
        return _loaded(_core.load_frames(tables, max_errors, _as_of(as_of)))

    @classmethod
    def from_arrow(
        cls,
        *,
        schools: Any,
        pupils: Any,
        enrolments: Any,
        swvs: Any = None,
        boards: Any = None,
        regions: Any = None,
        tlvs: Any = None,
        arrangements: Any = None,
        opps: Any = None,
        absences: Any = None,
        funds: Any = None,
        allocations: Any = None,
        assessments: Any = None,
        extract: Any = None,
        rates: Any = None,
        reference_values: Any = None,
        support_offers: Any = None,
        finances: Any = None,
        max_errors: int = _DEFAULT_MAX_ERRORS,
        as_of: _dt.date | str | None = None,
    ) -> Dataset:
        """Build a dataset from Arrow tables: anything with ``__arrow_c_stream__`` (a pyarrow
        Table or RecordBatchReader, a polars DataFrame, a DuckDB result, a pandas DataFrame).

        Columns are matched by name; dates may be date32/date64, timestamps (the calendar day
        they fall on, in their time zone when they have one; the time of day is dropped) or ISO
        text, numbers any numeric type or text. Goes through the core's Arrow import
        (``passend/io/arrow.hpp``, as the C ABI's ``passend_appender_append_arrow`` does):
        diagnostics name the table as file, the 1-based row as line, the field position as
        column.
        """
        streams = [(name, _arrow_stream(name, table)) for name, table in _tables(locals())]
        return _loaded(_core.load_arrow(streams, max_errors, _as_of(as_of)))

    # ---- introspection -----------------------------------------------------------------------

    def validate(self) -> list[Diagnostic]:
        """The warnings of the load that made this dataset (a dataset with errors never exists)."""
        return diagnostics_of(self._ds.warnings())

    @property
    def tables(self) -> dict[str, int]:
        """Rows per table held (partnerships and boards always; optional tables when given;
        regions as the municipalities placed in a PO or VO partnership)."""
        return self._ds.table_sizes()

    def tables_left_out(self) -> list[str]:
        """The tables a partial load left out (``from_folder(tables=..., kpis=...)``): not
        read, so not given whatever the folder holds. Empty after a full load."""
        return self._ds.tables_left_out()

    def has_table(self, name: str) -> bool:
        """Whether an optional table was given (KPIs that need an absent table have no value)."""
        return self._ds.has_table(name)

    @property
    def school_years(self) -> list[str]:
        """The school years reported, oldest first (``"2024-2025"``): from the first the data
        speak of through the last whose teldatum is on or before the extract date."""
        return [_school_year(y) for y in self._ds.school_years()]

    @property
    def horizon(self) -> _dt.date:
        """The last day the data speaks of: the extract date (:attr:`extract_date`)."""
        return _EPOCH + _dt.timedelta(days=self._ds.horizon())

    @property
    def extract_date(self) -> _dt.date:
        """The extract date: the day the data were exported (the ``as_of`` option, else
        extract.csv, else the latest request, decision, or start of an enrolment, absence or OPP).
        No reference day after it has a value; the school year holding it is partial."""
        return _EPOCH + _dt.timedelta(days=self._ds.extract_date()[0])

    @property
    def extract_date_origin(self) -> str:
        """Where :attr:`extract_date` came from: ``"option"``, ``"file"`` or ``"derived"``."""
        return self._ds.extract_date()[1]

    @property
    def partnerships(self) -> pd.DataFrame:
        """The partnerships (samenwerkingsverbanden): swv_id, name, sector."""
        return pd.DataFrame(self._ds.swvs())

    @property
    def schools(self) -> pd.DataFrame:
        """The schools: school_id, name, board_id, swv_id, setting, municipality."""
        return pd.DataFrame(self._ds.schools())

    def __repr__(self) -> str:
        sizes = self.tables
        years = self._ds.school_years()
        span = f"{_school_year(years[0])}..{_school_year(years[-1])}" if years else "no years"
        return (
            f"<passend.Dataset {sizes.get('pupils', 0)} pupils, "
            f"{sizes.get('enrolments', 0)} enrolments, {sizes.get('schools', 0)} schools, {span}>"
        )

    # ---- KPIs ----------------------------------------------------------------------------------

    def kpis(
        self,
        year: int | str | Iterable[int | str] | None = None,
        unit: str | Iterable[str] | None = None,
        catalog: str | os.PathLike[str] | None = None,
        suppress: bool = True,
        *,
        kpi: str | Iterable[str] | None = None,
        view: str = "paying",
        level: str | Iterable[str] | None = None,
        day: _dt.date | str | None = None,
        tlv_term_days: int = 42,
        rolling: bool = False,
    ) -> pd.DataFrame:
        """Every KPI of the catalog as a tidy DataFrame, one row per KPI, school year and unit.

        Columns as the report's CSV: ``kpi, school_year, level, unit, numerator, denominator,
        value, status, change, partial``; labels are categorical, numbers float64 with NaN when
        absent; ``partial`` (bool) marks a school year whose counts over the year run through
        the extract date (``frame.attrs["extract_date"]``), their change against the same period
        a year earlier.
        The definitions behind the ids: :func:`passend.catalog`.

        Args:
            year: school year(s) to keep, as ``2024`` or ``"2024-2025"``; None: all.
            unit: unit id(s) to keep (``"NL"``, a partnership, board, school or municipality).
            catalog: a KPI catalog file that extends or overrides the built-in one.
            suppress: hide counts 1-4 and every number they could be recovered from (NaN), as a
                publication must; False only for internal analysis.
            kpi: KPI id(s) or tag(s) to keep (``"deelname_so"``, ``"kwaliteitsbeleid"``).
            view: ``"paying"`` (so/vso pupils count for the partnership of their TLV) or
                ``"schoolgaand"`` (for their school's partnership).
            level: level(s) to keep (``"swv"``, ``"board"``, ``"school"``, ``"municipality"``);
                the national rows always come along.
            day: any day up to the extract date (the monitor): stocks are taken on it (the year
                before on the same day a year earlier), the counts of its school year run through
                it, and only that year and the one before are reported
                (``frame.attrs["day"]``). None: the yearly table.
            tlv_term_days: the term of ``tlv_binnen_termijn``, days from a complete request.
            rolling: counts over the 12 months up to ``day`` (default: the extract date) rather
                than from 1 August, compared with the 12 months before.

        Raises:
            SelectionError: a KPI, unit, level or year the catalog or the data does not hold,
                with the same text as ``passend report`` and the C ABI give.
        """
        columns, _ = _core.kpis(
            self._ds,
            _path(catalog),
            _strings(kpi),
            None if year is None else [_start_year(y) for y in _many(year)],
            _strings(unit),
            suppress,
            view,
            _strings(level),
            None if day is None else str(day),
            tlv_term_days,
            rolling,
        )
        frame = _frame(columns)
        # plain values only: pandas compares attrs when frames are concatenated or compared
        frame.attrs.update(catalog=_path(catalog), suppressed=suppress,
                           extract_date=self.extract_date.isoformat(),
                           day=None if day is None else str(day), rolling=rolling)
        return frame

    def explain(
        self,
        kpi: str,
        unit: str,
        year: int | str,
        *,
        part: str = "numerator",
        level: str | None = None,
        catalog: str | os.PathLike[str] | None = None,
        view: str = "paying",
    ) -> list[str]:
        """The pupil ids (pseudonyms, sorted) counted in one number of :meth:`kpis`.

        ``part`` is ``"numerator"`` or ``"denominator"``; ``level`` is needed only when a unit id
        is ambiguous (``"onbekend"``), otherwise it follows from the id.
        """
        return _core.explain(
            self._ds, kpi, _start_year(year), unit, level, part, _path(catalog), view
        )

    # ---- flows and forecast --------------------------------------------------------------------

    def flows(
        self,
        year: int | str,
        unit: str = "NL",
        *,
        matrix: str = "flows",
        suppress: bool = True,
        view: str = "paying",
    ) -> pd.DataFrame:
        """A labelled flow matrix of one school year and unit (``"NL"``, a partnership, board or
        school id): rows where pupils come from, columns where they go.

        ``matrix="flows"``: every change of state between the previous teldatum and this year's
        (rows the settings, ``instroom``, ``elders``, ``onderweg``; columns the settings,
        ``elders``, ``onderweg`` and ``uitstroom_<exit>``), so that stock(T) = stock(T-1) +
        inflow - outflow per setting. ``matrix="verplaatsingen"``: each pupil's setting at the
        previous teldatum against this one's (the national dashboard's view).
        With ``suppress`` every count a publication hides is ``<NA>`` (the column type is nullable
        Int64): counts 1-4 and the counts they could be recovered from, exactly as ``passend
        flows`` hides them (docs/privacy.md).
        """
        counts, rows, columns, hidden = _core.flows(self._ds, _start_year(year), unit, matrix,
                                                    view, suppress)
        frame = pd.DataFrame(counts, index=pd.Index(rows, name="from"),
                             columns=pd.Index(columns, name="to")).astype("Int64")
        if suppress:
            frame = frame.mask(hidden)
        frame.attrs.update(school_year=_school_year(_start_year(year)), unit=unit, matrix=matrix,
                           suppressed=suppress)
        return frame

    def forecast(
        self,
        years: int = 5,
        scenario: str | os.PathLike[str] | dict[str, Any] | None = None,
        *,
        unit: str = "NL",
        suppress: bool = True,
        view: str = "paying",
    ) -> pd.DataFrame:
        """Project the unit's pupils per setting for ``years`` school years after the data.

        ``scenario`` scales transition rates or inflow: a dict such as
        ``{"name": "minder so", "rates": [{"from": "bao", "to": "so", "factor": 0.8}]}``, its
        JSON text, or the path of a scenario file (docs/flows.md). Returns a tidy frame with
        columns school_year, setting, series (``observed``, ``baseline``, ``scenario``) and
        pupils; ``attrs["backtest_mape"]`` holds the backtest's mean absolute percentage error
        per setting. With ``suppress`` the observed counts that ``passend flows`` hides are NaN.
        """
        text = None if scenario is None else _json_document(scenario, "scenario.json")[0]
        raw = _core.forecast(self._ds, unit, years, text, view, suppress)
        settings = list(raw["settings"])
        parts = []
        series = [("observed", raw["observed_years"], raw["observed"]),
                  ("baseline", raw["years"], raw["baseline"])]
        if text is not None:
            series.append(("scenario", raw["years"], raw["scenario"]))
        for name, starts, values in series:
            part = pd.DataFrame(values, columns=settings)
            if name == "observed" and suppress:
                part = part.mask(raw["observed_hidden"])
            part.insert(0, "school_year", [_school_year(y) for y in starts])
            part = part.melt(id_vars="school_year", var_name="setting", value_name="pupils")
            part.insert(2, "series", name)
            parts.append(part)
        frame = pd.concat(parts, ignore_index=True)
        frame.attrs.update(
            unit=unit,
            scenario=raw["scenario_name"] or None,
            backtest_mape=dict(zip(settings, raw["backtest_mape"][0].tolist())),
        )
        return frame

    # ---- the partnership's monitor -------------------------------------------------------------

    def monitor(
        self,
        day: str | _dt.date | None = None,
        unit: str | Iterable[str] | None = None,
        suppress: bool = True,
        *,
        view: str = "paying",
        tlv_term_days: int = 42,
        subject: str = "",
    ) -> Monitor:
        """The partnership's monitor on one day (docs/monitor.md): per partnership the headline
        figures with their change against the same period last year, the national value and a
        published reference value; open TLV requests by age; thuiszitters on the day by
        duration; cross-border pupils and the money that follows them.

        The numbers are those of ``passend monitor --format json`` (``Monitor.document``).

        Args:
            day: the day D (``"2025-03-15"`` or a date), on or before the extract date; None: the
                extract date.
            unit: partnership id(s); None: every partnership.
            suppress: hide counts 1-4 and what reveals them (NaN), as a publication must.
            view: ``"paying"`` or ``"schoolgaand"``, as in :meth:`kpis`.
            tlv_term_days: the legal term of a TLV decision in days.
            subject: what the data is (the document's ``subject``).

        Raises:
            Error: a day after the extract date, or a unit that is not a partnership.
            ValueError: a malformed day, view or term.
        """
        text = _core.monitor(
            self._ds,
            day.isoformat() if isinstance(day, _dt.date) else day,
            _strings(unit) or [],
            suppress,
            view,
            tlv_term_days,
            subject,
        )
        return monitor_frames(json.loads(text))

    # ---- the covering network ------------------------------------------------------------------

    def coverage(
        self,
        year: str | int | None = None,
        unit: str | None = None,
        suppress: bool = True,
    ) -> dict[str, Any]:
        """The covering network of support (docs/coverage.md): per partnership a cell per support
        domain and municipality of its region (places, pupils and occupancy on teldatum, state
        ``covered``, ``over_demanded`` or ``no_offer``), the gaps in words, the costs per domain
        and level split over calendar years, and its reserves against the signal value.

        The document is that of ``passend coverage --format json``, parsed.

        Args:
            year: the school year (``"2024-2025"`` or ``2024``); None: the latest reported year
                with support offers.
            unit: one partnership id; None: every partnership.
            suppress: show pupil counts 1-4 as ``"<5"`` without occupancy, as a publication must.

        Raises:
            Error: a unit that is not a partnership, or a year the data do not report.
            ValueError: a malformed year.
        """
        text = _core.coverage(self._ds, None if year is None else _start_year(year), unit, suppress)
        document: dict[str, Any] = json.loads(text)
        return document

    # ---- focus plans ---------------------------------------------------------------------------

    def plan(
        self,
        plan: str | os.PathLike[str] | dict[str, Any],
        year: int | str | None = None,
        suppress: bool = True,
    ) -> pd.DataFrame:
        """A focus plan's indicators against its targets in one school year, one row per indicator.

        ``plan`` is the path of a plan file, its JSON text, or the plan as a dict (the KPI
        template, "sjabloon", of *Integrale kwaliteitszorg*, Perspectief op School 2019;
        docs/quality-cycle.md). The figures are those of ``passend plan PLAN --format
        json`` (:meth:`plan_json` returns that document): columns ``focus_point, kpi, level, unit,
        kpi_unit, baseline_year, baseline, previous, value, change, target, direction, tolerance,
        status``. Numbers are float64, NaN where the document has null or ``"<5"`` (absent, or
        hidden by suppression); labels are text, missing (NaN) where the document has null:
        ``status`` is ``op_koers``, ``aandacht`` or ``niet_op_koers``, missing without a target,
        without a value or beside a hidden value; ``attrs`` holds ``plan``, ``swv``,
        ``school_year``, ``previous_school_year`` and ``suppressed``.

        Args:
            plan: the plan (a path, JSON text or dict).
            year: the school year, ``2024`` or ``"2024-2025"``; None: the latest the data covers.
            suppress: hide counts 1-4 and every number, change and status that would reveal one,
                as a publication must; False only for internal analysis.

        Raises:
            LoadError: the plan is invalid; every problem is a diagnostic whose ``file`` is the
                plan's path (``plan.json`` for text or a dict), with the rule, and the focus point
                and JSON pointer in the message (line and column for a JSON syntax error).
            Error: ``year`` is not a year the data covers.

        An indicator unit the data has no figures for (a plan for another region) gives a
        ``UserWarning``.
        """
        document = self._plan_document(plan, year, suppress, "")
        rows = []
        for point in document["focus_points"]:
            for ind in point["indicators"]:
                baseline = ind["baseline"] or {}
                target = ind["target"] or {}
                rows.append({
                    "focus_point": point["id"],
                    "kpi": ind["kpi"],
                    "level": ind["level"],
                    "unit": ind["unit"],
                    "kpi_unit": ind["kpi_unit"],
                    "baseline_year": baseline.get("school_year"),
                    "baseline": _plan_number(baseline.get("value")),
                    "previous": _plan_number(ind["previous"]),
                    "value": _plan_number(ind["value"]),
                    "change": _plan_number(ind["change"]),
                    "target": _plan_number(target.get("target")),
                    "direction": target.get("direction"),
                    "tolerance": _plan_number(target.get("tolerance")),
                    "status": ind["status"],
                })
        frame = pd.DataFrame(rows, columns=_PLAN_COLUMNS)
        for name in _PLAN_NUMBERS:
            frame[name] = frame[name].astype("float64")
        frame.attrs.update(
            plan=document["plan"],
            swv=document["swv"],
            school_year=document["school_year"],
            previous_school_year=document["previous_school_year"],
            suppressed=document["suppressed"],
        )
        return frame

    def plan_json(
        self,
        plan: str | os.PathLike[str] | dict[str, Any],
        year: int | str | None = None,
        suppress: bool = True,
        *,
        subject: str = "",
    ) -> dict[str, Any]:
        """The plan's evaluation as the ``passend-plan-1`` document (docs/quality-cycle.md), the
        JSON ``passend plan PLAN --format json`` prints, parsed: a hidden small count is
        ``"<5"``, a number that would reveal one null. Arguments and errors as :meth:`plan`;
        ``subject`` is the document's ``subject`` (what the figures are of).
        """
        return self._plan_document(plan, year, suppress, subject)

    def _plan_document(
        self, plan: str | os.PathLike[str] | dict[str, Any], year: int | str | None,
        suppress: bool, subject: str,
    ) -> dict[str, Any]:
        text, source = _json_document(plan, "plan.json")
        start = None if year is None else _start_year(year)
        raw, found = _core.plan(self._ds, text, source, start, suppress, subject)
        diagnostics = diagnostics_of(found)
        if raw is None:
            raise LoadError(diagnostics)
        for d in diagnostics:
            warnings.warn(str(d), UserWarning, stacklevel=3)
        document: dict[str, Any] = json.loads(raw)
        return document

    # ---- writing -----------------------------------------------------------------------------

    def to_folder(self, path: str | os.PathLike[str]) -> None:
        """Write the dataset as contract CSV files into ``path`` (created if needed)."""
        self._ds.write_folder(os.fspath(path))

    def to_json(self) -> str:
        """The dataset as one contract JSON document (:meth:`from_json` reads it back)."""
        return self._ds.to_json()


def catalog(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The KPI definitions (built-in, or extended by a catalog file): id, titles, unit, norm."""
    return _definitions(_core.catalog(_path(path)))


def tables_for(kpis: str | Iterable[str], catalog: str | os.PathLike[str] | None = None) -> list[str]:
    """The tables a partial load reads for these KPI ids or tags (of the built-in catalog, or it
    extended by a catalog file), in contract order: those their numerators and denominators
    need, the TLVs for figures counted per pupil (the paying partnership) and the tables
    always read. ``Dataset.from_folder(path, kpis=...)`` loads just these."""
    return _core.tables_for([kpis] if isinstance(kpis, str) else list(kpis), _path(catalog))


def _definitions(raw: list[tuple[Any, ...]]) -> pd.DataFrame:
    columns = ["id", "title_nl", "title_en", "unit", "norm", "target", "tolerance", "source",
               "description"]
    return pd.DataFrame(raw, columns=columns).set_index("id")


def _frame(columns: dict[str, Any]) -> pd.DataFrame:
    """The columns from _core (categorical codes + categories, or float arrays) as a frame."""
    data: dict[str, Any] = {}
    for name, column in columns.items():
        if isinstance(column, tuple):
            codes, categories = column
            data[name] = pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object))
        else:
            data[name] = column
    return pd.DataFrame(data)


_PLAN_COLUMNS = ["focus_point", "kpi", "level", "unit", "kpi_unit", "baseline_year", "baseline",
                 "previous", "value", "change", "target", "direction", "tolerance", "status"]
_PLAN_NUMBERS = ["baseline", "previous", "value", "change", "target", "tolerance"]


def _plan_number(value: Any) -> float:
    """A number of passend-plan-1 as float: NaN for null and for a hidden small count ("<5")."""
    return float(value) if isinstance(value, (int, float)) else float("nan")


def _json_document(value: str | os.PathLike[str] | dict[str, Any], name: str) -> tuple[str, str]:
    """(JSON text, the name its diagnostics give) of a dict, a JSON text or a file's path."""
    if isinstance(value, dict):
        return json.dumps(value), name
    if isinstance(value, str) and value.lstrip().startswith(("{", "[")):
        return value, name
    path = os.fspath(value)
    with open(path, encoding="utf-8") as f:
        return f.read(), path


def _tables(arguments: dict[str, Any]) -> list[tuple[str, Any]]:
    """The tables given to a loader (its keyword arguments are named after them), in contract
    order."""
    return [(name, arguments[name]) for name in TABLES if arguments.get(name) is not None]


def _arrow_stream(name: str, table: Any) -> Any:
    """The table itself: _core exports its stream just before reading it."""
    if not hasattr(table, "__arrow_c_stream__"):
        raise TypeError(
            f"{name}: expected an Arrow table (an object with __arrow_c_stream__: pyarrow, "
            f"polars, DuckDB), got {type(table).__name__}"
        )
    return table


def _many(value: Any) -> list[Any]:
    """A value or an iterable of them as a list (a str, a number or numpy's scalar is one)."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def _strings(value: str | Iterable[str] | None) -> list[str] | None:
    return None if value is None else [str(v) for v in _many(value)]


def _start_year(year: int | str, argument: str = "year") -> int:
    """2024 or "2024-2025" -> 2024, read as the CLI reads ``--year`` (the first year within
    1900-2200); ValueError naming the argument otherwise."""
    return _core.school_year(year, argument)


def _as_of(value: _dt.date | str | None) -> str | None:
    """The extract date option as ISO text (a date, or text C++ checks); None: not given."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def _path(path: str | os.PathLike[str] | None) -> str | None:
    return None if path is None else os.fspath(path)


def validate(
    path: str | os.PathLike[str],
    *,
    max_errors: int = _DEFAULT_MAX_ERRORS,
    as_of: _dt.date | str | None = None,
) -> list[Diagnostic]:
    """Check a folder of contract CSV files: every error and warning, without raising."""
    _, raw = _core.load_folder(os.fspath(path), max_errors, _as_of(as_of))
    return diagnostics_of(raw)


def import_to_folder(
    format: str,
    files: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    secret_file: str | os.PathLike[str],
    schools: str | os.PathLike[str] | None = None,
    max_file_bytes: int = 0,
) -> list[Diagnostic]:
    """:meth:`Dataset.from_export` written as a contract folder ``out`` (which must not exist, or
    be empty; nothing is written when the import fails). Returns the warnings; raises
    :class:`LoadError` with every located problem."""
    written, raw = _core.import_to_folder(
        format,
        [os.fspath(f) for f in files],
        os.fspath(secret_file),
        None if schools is None else os.fspath(schools),
        max_file_bytes,
        os.fspath(out),
    )
    diagnostics = diagnostics_of(raw)
    if not written:
        raise LoadError(diagnostics)
    return diagnostics


__all__ = ["Dataset", "catalog", "import_to_folder", "validate", "TABLES"]
