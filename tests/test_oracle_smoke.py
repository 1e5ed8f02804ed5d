"""The LibreOffice oracle runs here: a hand-built tracked-change DOCX, accepted and rejected.

The package is written byte by byte (no python-docx, no redline code), so a failure here
is about the test machine's LibreOffice, not about redline's writer.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from oracle import reopen, require_oracle, run_oracle
from oracle import write_control_docx as write_tracked_docx


@pytest.mark.oracle
def test_oracle_accepts_and_rejects_a_hand_built_docx(tmp_path: Path) -> None:
    require_oracle()
    docx = write_tracked_docx(tmp_path / "smoke.docx")

    report = run_oracle([docx])[str(docx)]

    assert report["loaded"] is True
    assert report["filter"] == "MS Word 2007 XML"
    assert report["redlines"] == {"Insert": 1, "Delete": 1}
    assert report["moves"] == 0
    nothing_else = {
        "tables": [],
        "graphics": 0,
        "embedded": 0,
        "shapes": {},
        "shape_texts": [],
        "frames": 0,
        "fields": {},
        "hyperlinks": [],
        "bookmarks": [],
        "line_breaks": 0,
    }
    assert report["accept"] == {
        "body": ["Alpha gamma ."],
        "numbers": [""],
        "footnotes": [],
        "endnotes": [],
        "structure": nothing_else,
        "remaining": 0,
    }
    assert report["reject"] == {
        "body": ["Alpha beta."],
        "numbers": [""],
        "footnotes": [],
        "endnotes": [],
        "structure": nothing_else,
        "remaining": 0,
    }


def test_a_lock_left_by_a_crashed_libreoffice_does_not_fail_the_file(tmp_path: Path) -> None:
    """A LibreOffice killed with a document open leaves ".~lock.NAME#" beside it, and every
    later headless LibreOffice then refuses that document; run_oracle removes such a lock
    first (a stop's CI once failed on three files for this alone)."""
    require_oracle()
    docx = write_tracked_docx(tmp_path / "locked.docx")
    lock = tmp_path / ".~lock.locked.docx#"
    lock.write_text(",root,vm,06.12.2026 10:40,file:///tmp/lo_oracle_profile_gone;\n")
    report = run_oracle([docx], modes=("accept",))
    assert report[str(docx)]["loaded"]
    assert not lock.exists()


@pytest.mark.oracle
def test_reopen_keeps_a_file_libreoffice_cannot_open_failed(tmp_path: Path) -> None:
    """The retry after a LibreOffice crash rescues a file that opens and never one that
    does not: a DOCX whose document part is not XML fails beside the opened control in two
    retries and stays failed, with LibreOffice's error."""
    require_oracle()
    good = write_tracked_docx(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, b"<w:document" if name == "word/document.xml" else data)
    again = reopen([good, broken], modes=("accept",), pauses=(0, 0, 0))
    assert again[good]["loaded"] and again[good]["accept"]["body"] == ["Alpha gamma ."]
    assert not again[broken]["loaded"]
    assert again[broken]["error"]
