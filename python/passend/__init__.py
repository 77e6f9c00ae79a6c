# SPDX-License-Identifier: EUPL-1.2
"""passend: the figures of Dutch *passend onderwijs* from pupil-level records.

>>> import passend
>>> ds = passend.Dataset.demo()
>>> ds.kpis(year=2024, unit="PO3104").head()

The compiled core lives in ``passend._core`` and is private; everything public is re-exported
here and listed in ``__all__``.
"""

from __future__ import annotations

from ._core import __version__
from ._dataset import Dataset, catalog, import_to_folder, tables_for, validate
from ._errors import Diagnostic, Error, LoadError, SelectionError
from ._monitor import Monitor

__all__ = [
    "Dataset",
    "Diagnostic",
    "Error",
    "LoadError",
    "Monitor",
    "SelectionError",
    "__version__",
    "catalog",
    "import_to_folder",
    "tables_for",
    "validate",
]
