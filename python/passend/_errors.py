# SPDX-License-Identifier: EUPL-1.2
"""Diagnostics and the exceptions passend raises."""

from __future__ import annotations

from typing import NamedTuple

from . import _core

Error = _core.Error
"""Base of every exception passend raises (a C++ ``passend::error`` arrives as this)."""

SelectionError = _core.SelectionError
"""A selection of KPIs, units, levels or years that the catalog or the data does not hold; its
text is the same as the command line's and the C ABI's for the same selection."""


class Diagnostic(NamedTuple):
    """One problem in the input, located like a compiler message.

    ``line`` is the physical line in a CSV file (the header is line 1); for a data frame or an
    Arrow table it is the 1-based row number (``df.iloc[line - 1]``). ``column`` is the 1-based
    position of the column in the file or frame. Either is 0 when it does not apply.
    """

    severity: str  #: ``"error"`` or ``"warning"``
    file: str  #: ``enrolments.csv``, or the table name for frames
    line: int
    column: int
    rule: str  #: stable id of the rule broken, e.g. ``end_before_start``
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message}"


class LoadError(Error, ValueError):
    """A load that failed: every diagnostic, and the location of the first error.

    ``file``, ``line``, ``column``, ``rule`` and ``message`` repeat the first error so that
    ``except passend.LoadError as e: print(e.file, e.line)`` needs no indexing.
    """

    diagnostics: list[Diagnostic]
    file: str
    line: int
    column: int
    rule: str
    message: str

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = self.errors
        first = errors[0] if errors else Diagnostic("error", "", 0, 0, "unknown", "load failed")
        self.file, self.line, self.column = first.file, first.line, first.column
        self.rule, self.message = first.rule, first.message
        text = f"load failed with {len(errors)} error(s); first: {first}"
        super().__init__(text)

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics of severity error, in source order."""
        return [d for d in self.diagnostics if d.severity == "error"]


def diagnostics_of(raw: list[tuple[str, str, int, int, str, str]]) -> list[Diagnostic]:
    return [Diagnostic(*d) for d in raw]
