# SPDX-License-Identifier: EUPL-1.2
"""Type information stays true: mypy --strict over the package and these tests, and stubtest
comparing python/passend/_core.pyi with the compiled module."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("PASSEND_BUILD_DIR", ROOT / "build")) / "mypy_cache"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_mypy_strict() -> None:
    # the installed package is what is checked against the stubs; the sources are what we edit
    result = run("-m", "mypy", "--cache-dir", str(CACHE), "--config-file", "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_stubs_match_the_module() -> None:
    # pybind11 classes have their own metaclass, which a stub cannot spell
    allowlist = str(Path(__file__).with_name("stubtest_allowlist.txt"))
    result = run("-m", "mypy.stubtest", "passend._core", "--mypy-config-file", "pyproject.toml",
                 "--allowlist", allowlist)
    assert result.returncode == 0, result.stdout + result.stderr
