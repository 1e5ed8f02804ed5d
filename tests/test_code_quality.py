"""The package is ruff-clean (lint and format) and passes mypy --strict, as STYLE.md asks.

Run as tests so a change that breaks either fails CI rather than waiting for a reviewer.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "redline", "tests", "benchmarks", "examples", "tools"),
        ("ruff", "format", "--check", "redline", "tests", "benchmarks", "examples", "tools"),
    ],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff_is_clean(command: tuple[str, ...]) -> None:
    done = _run(*command)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean() -> None:
    done = _run("mypy", "redline")
    assert done.returncode == 0, done.stdout + done.stderr
