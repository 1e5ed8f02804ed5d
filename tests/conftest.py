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

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=1000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder: `$REDLINE_SHARED`, else `<repo>/../shared` as CI lays it out."""
    try:
        return locate_shared_dir()
    except SharedDirMissing as exc:
        pytest.fail(str(exc), pytrace=False)


# Every DOCX the suite writes is also opened by LibreOffice once, at the end of the run:
# the writes are collected (one copy per distinct file) and handed to the oracle in one
# call; a file LibreOffice cannot load fails the run. Tests that write deliberately broken
# packages do not go through `write_package`, so they are not collected.
_WRITTEN: dict[str, bytes] = {}


@pytest.fixture(autouse=True, scope="session")
def _collect_written_docx() -> object:
    import hashlib

    from redline.word.write import _package

    original = _package.write_package

    def recording(path: Path, parts: dict[str, bytes]) -> None:
        original(path, parts)
        data = Path(path).read_bytes()
        _WRITTEN.setdefault(hashlib.sha256(data).hexdigest(), data)

    _package.write_package = recording  # type: ignore[assignment]
    yield
    _package.write_package = original  # type: ignore[assignment]


_BATCH = 300  # written files opened per LibreOffice start at the end of the run


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from oracle import oracle_available, reopen, run_oracle

    if not _WRITTEN or not oracle_available():
        if _WRITTEN and os.environ.get("REDLINE_REQUIRE_ORACLE") == "1":
            session.exitstatus = 1
            print("\nLibreOffice is required to open the written DOCX files, and is missing")
        return
    import tempfile

    with tempfile.TemporaryDirectory(prefix="redline-written-") as folder:
        paths = []
        for digest, data in sorted(_WRITTEN.items()):
            path = Path(folder) / f"{digest[:16]}.docx"
            path.write_bytes(data)
            paths.append(path)
        # In batches of a few hundred: one LibreOffice kept on thousands of files was seen
        # to fail on one of them (see oracle.reopen).
        report: dict[str, dict[str, object]] = {}
        for start in range(0, len(paths), _BATCH):
            chunk = paths[start : start + _BATCH]
            report.update(run_oracle(chunk, modes=("accept",), allow_unloaded=True, timeout=3600.0))
        bad = [p for p in paths if not report[str(p)].get("loaded")]
        if bad:  # run_oracle already reopened those LibreOffice died on; the rest once more
            print(
                f"\nnot opened in the batch: { {p.name: report[str(p)].get('error') for p in bad} }"
            )
            again = reopen(bad, modes=("accept",))
            bad = [p for p in bad if not again[p].get("loaded")]
        kept = Path(tempfile.gettempdir()) / "redline-unloaded"
        for p in bad:  # keep them for a look
            kept.mkdir(exist_ok=True)
            (kept / p.name).write_bytes(p.read_bytes())
    print(
        f"\nLibreOffice opened {len(paths) - len(bad)} of the {len(paths)} distinct DOCX files "
        "the tests wrote"
    )
    if bad:
        print(f"not loaded (copies in {kept}): " + ", ".join(p.name for p in bad[:20]))
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, object]) -> None:
    """The names the examples of tests/support take for granted."""
    import redline

    doctest_namespace["redline"] = redline
    doctest_namespace["Path"] = Path
