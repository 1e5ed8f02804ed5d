"""Test-wide configuration: Hypothesis profiles and the shared folder.

Hypothesis profiles: `dev` (50 examples, the default) and `ci` (1000 examples, no
deadline, failing examples printed as reproduction blobs). Choose one with the
environment variable HYPOTHESIS_PROFILE; tests/run.sh sets `ci` unless told otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from oracle import SharedDirMissing, locate_shared_dir

settings.register_profile("dev", max_examples=50)
settings.register_profile("ci", max_examples=1000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder: `$REDLINE_SHARED`, else `<repo>/../shared` as CI lays it out."""
    try:
        return locate_shared_dir()
    except SharedDirMissing as exc:
        pytest.fail(str(exc), pytrace=False)
