# SPDX-License-Identifier: EUPL-1.2
"""The example notebook runs clean (so it never rots), is stored without outputs, and leaves its
plots as PNGs in the build folder (build/<preset>/notebook_plots) to be looked at."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import needs

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "notebooks" / "referral_trends.ipynb"


def test_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@needs("kpis")
@needs("flows")
def test_notebook_executes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    plots = Path(os.environ.get("PASSEND_BUILD_DIR", tmp_path)).resolve() / "notebook_plots"
    plots.mkdir(parents=True, exist_ok=True)
    for old in plots.glob("*.png"):
        old.unlink()
    # the kernel inherits this process's environment
    monkeypatch.setenv("PASSEND_PLOT_DIR", str(plots))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")]
    assert errors == []
    names = sorted(p.name for p in plots.glob("*.png"))
    assert names == ["deelname_sbo_PO3106.png", "deelname_so_PO3104.png", "flows_PO3104.png",
                     "forecast_PO3104.png", "verwijzingen_so_PO3104.png"]
