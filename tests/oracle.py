"""Run the shared LibreOffice accept/reject oracle on DOCX files from the tests.

The oracle (`<shared>/tools/lo_oracle.py`) opens each file in a private headless
LibreOffice, applies Accept All and Reject All, and reports the resulting text as JSON.
It needs the system Python with LibreOffice's `uno` module (Debian: python3-uno), so it
runs as a subprocess of `/usr/bin/python3`, never inside the test interpreter.

Starting LibreOffice costs seconds: give `run_oracle` all of a test's files at once.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

SYSTEM_PYTHON = Path("/usr/bin/python3")
"""The interpreter that has LibreOffice's `uno` bridge (Debian's python3-uno)."""

REPO_ROOT = Path(__file__).resolve().parent.parent
REQUIRE_ENV = "REDLINE_REQUIRE_ORACLE"
SHARED_ENV = "REDLINE_SHARED"
MODES = ("accept", "reject")


class SharedDirMissing(LookupError):
    """The shared folder (oracle, corpus, notes) is not where the tests look for it."""


def locate_shared_dir() -> Path:
    """Return the shared folder: `$REDLINE_SHARED`, else `<repo>/../shared` (CI's layout).

    Raises `SharedDirMissing` naming the place looked at, so a test can fail clearly.
    """
    configured = os.environ.get(SHARED_ENV)
    candidate = Path(configured) if configured else REPO_ROOT.parent / "shared"
    if not candidate.is_dir():
        source = f"${SHARED_ENV}" if configured else f"<repo>/../shared (set ${SHARED_ENV})"
        raise SharedDirMissing(f"shared folder not found: {candidate} (from {source})")
    return candidate.resolve()


def oracle_script() -> Path:
    """Return the path of `lo_oracle.py` in the shared folder (it may not exist)."""
    return locate_shared_dir() / "tools" / "lo_oracle.py"


@functools.cache
def _unavailable_reason() -> str | None:
    """Say why the oracle cannot run here, or None when it can (checked once per session)."""
    try:
        script = oracle_script()
    except SharedDirMissing as exc:
        return str(exc)
    if not script.is_file():
        return f"oracle script not found: {script}"
    if not SYSTEM_PYTHON.is_file():
        return f"{SYSTEM_PYTHON} not found (the system Python with python3-uno)"
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        return "soffice not found on PATH (apt-get install libreoffice-writer-nogui)"
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        return f"{SYSTEM_PYTHON} cannot import uno (apt-get install python3-uno): {probe.stderr}"
    return None


def oracle_available() -> bool:
    """Tell whether the LibreOffice oracle can run: script, soffice and `uno` all present."""
    return _unavailable_reason() is None


def require_oracle() -> None:
    """Skip the calling test when the oracle cannot run, or fail it if the run demands one.

    With `REDLINE_REQUIRE_ORACLE=1` (set by tests/run.sh, hence in CI) a missing
    LibreOffice is a failure, so oracle tests can never pass by being skipped.
    """
    reason = _unavailable_reason()
    if reason is None:
        return
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"LibreOffice oracle required ({REQUIRE_ENV}=1) but unusable: {reason}")
    pytest.skip(f"LibreOffice oracle unavailable: {reason}")


def run_oracle(
    paths: Sequence[Path],
    *,
    modes: Sequence[str] = MODES,
    allow_unloaded: bool = False,
    timeout: float = 900.0,
    save_dir: Path | None = None,
) -> dict[str, dict[str, Any]]:
    """Run the oracle once on all `paths` (one LibreOffice start); return its report.

    The report is keyed by `str(path)` for each given path; see the oracle's docstring for
    the entries ("loaded", "redlines", "moves", and per mode "body", "numbers",
    "footnotes", "remaining"). A file LibreOffice did not load fails the calling test
    with the oracle's error, unless `allow_unloaded` (for tests about unloadable files).
    A file LibreOffice crashed on is opened again by `reopen` before that verdict.

    Raises AssertionError, with the oracle's stderr, when the oracle cannot run or its
    output is not the expected JSON.
    """
    unknown = [m for m in modes if m not in MODES]
    if not modes or unknown:
        raise ValueError(f"modes must be a non-empty subset of {MODES}, got {tuple(modes)}")
    keys = list(dict.fromkeys(str(p) for p in paths))
    if not keys:
        raise ValueError("run_oracle needs at least one file")
    reason = _unavailable_reason()
    if reason is not None:
        raise AssertionError(f"LibreOffice oracle cannot run: {reason}")
    report, stderr = _run_once(keys, modes, timeout, save_dir)
    crashed = [Path(k) for k in keys if str(report[k].get("error", "")).startswith(CRASHED)]
    if crashed:
        report.update(
            {str(p): e for p, e in reopen(crashed, modes=modes, save_dir=save_dir).items()}
        )
    if not allow_unloaded:
        unloaded = {k: report[k].get("error", "?") for k in keys if not report[k].get("loaded")}
        if unloaded:
            raise AssertionError(f"LibreOffice could not load: {unloaded}\nstderr:\n{stderr}")
    return {k: report[k] for k in keys}


CRASHED = "LibreOffice crashed on this file"
"""How the oracle's report begins the error of a file its LibreOffice died on."""

PAUSES = (10.0, 60.0, 180.0)
"""Seconds waited before each of `reopen`'s fresh starts."""


def reopen(
    paths: Sequence[Path],
    *,
    modes: Sequence[str] = MODES,
    save_dir: Path | None = None,
    pauses: Sequence[float] = PAUSES,
) -> dict[Path, dict[str, Any]]:
    """Open files LibreOffice failed on again, each time in a fresh LibreOffice that first
    opens a hand-built control file; return each file's entry (the last failure's if none
    opened it).

    LibreOffice 7.4 was seen to die on a file ("illegal object given" from the UNO bridge),
    and on fresh starts for a while after, in runs on fresh machines, while the same bytes
    opened every time here and in the next batch (stop 20's CI: two different files, each
    once). A retry whose control did not open either says nothing about the files and is
    not counted; a file stays failed when it fails in two retries whose control opened, or
    in every retry, so a file LibreOffice really cannot open still fails.
    """
    import tempfile
    import time

    keys = [str(p) for p in paths]
    last: dict[str, dict[str, Any]] = {k: {"loaded": False, "error": "not retried"} for k in keys}
    strikes = {k: 0 for k in keys}  # failures beside an opened control
    failures = {k: 0 for k in keys}
    pending = list(keys)
    with tempfile.TemporaryDirectory(prefix="redline-control-") as folder:
        control = str(write_control_docx(Path(folder) / "control.docx"))
        for pause in pauses:
            if not pending:
                break
            time.sleep(pause)
            for key in pending:
                _drop_stale_lock(Path(key))
            again, _ = _run_once([control, *pending], modes, 900.0, save_dir)
            control_opened = bool(again[control].get("loaded"))
            for key in list(pending):
                last[key] = again[key]
                if again[key].get("loaded"):
                    pending.remove(key)
                    continue
                failures[key] += 1
                strikes[key] += control_opened
                print(
                    f"oracle: retry after {pause:g} s (control opened: {control_opened}): "
                    f"{Path(key).name}: {again[key].get('error')}",
                    file=sys.stderr,
                )
                if strikes[key] >= 2:
                    pending.remove(key)
    return {Path(k): last[k] for k in keys}


def _run_once(
    keys: Sequence[str], modes: Sequence[str], timeout: float, save_dir: Path | None
) -> tuple[dict[str, dict[str, Any]], str]:
    """One oracle process on `keys`: its report (an entry for each key) and its stderr."""
    for key in keys:
        _drop_stale_lock(Path(key))
    command = [str(SYSTEM_PYTHON), str(oracle_script()), "--modes", ",".join(modes), *keys]
    if save_dir is not None:  # each view also saved there, as <stem>.<mode>.docx
        command[2:2] = ["--save-dir", str(save_dir)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(
            f"LibreOffice oracle timed out after {timeout:g} s on {len(keys)} file(s); "
            f"stderr:\n{exc.stderr!r}"
        ) from exc
    try:
        report: dict[str, dict[str, Any]] = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(
            f"LibreOffice oracle failed (exit status {done.returncode}), no JSON report.\n"
            f"command: {' '.join(command)}\nstderr:\n{done.stderr}\nstdout:\n{done.stdout[:2000]}"
        ) from exc
    missing = [k for k in keys if k not in report]
    if missing:
        raise AssertionError(f"LibreOffice oracle reported nothing for {missing}")
    return report, done.stderr


def _drop_stale_lock(path: Path) -> None:
    """Remove the lock file LibreOffice leaves beside a document it had open when it was
    killed or crashed (".~lock.NAME#"): while it stands, every later LibreOffice refuses to
    open that document headless ("could not open the file"), so one crash would fail every
    later run on the machine. This is what failed stop 19's CI: the batch's LibreOffice died
    on a file, and its three retries alone met the lock it had left."""
    lock = path.with_name(f".~lock.{path.name}#")
    try:
        lock.unlink()
    except FileNotFoundError:
        pass
    except OSError:  # a folder we may not write: LibreOffice then reports what it finds
        pass


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REVISION = 'w:author="Smoke" w:date="2024-01-01T00:00:00Z"'

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
)
# "Alpha beta." with "gamma " inserted before "beta" and "beta" deleted.
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:document xmlns:w="{W_NS}"><w:body>'
    "<w:p>"
    '<w:r><w:t xml:space="preserve">Alpha </w:t></w:r>'
    f'<w:ins w:id="1" {REVISION}><w:r><w:t xml:space="preserve">gamma </w:t></w:r></w:ins>'
    f'<w:del w:id="2" {REVISION}><w:r><w:delText xml:space="preserve">beta</w:delText></w:r>'
    "</w:del>"
    '<w:r><w:t xml:space="preserve">.</w:t></w:r>'
    "</w:p>"
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    "</w:body></w:document>"
)


def write_control_docx(path: Path) -> Path:
    """Write the minimal four-part package holding DOCUMENT, byte by byte (no python-docx,
    no redline code), and return its path: the oracle's smoke test and `reopen`'s control."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/document.xml", DOCUMENT)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
    return path
