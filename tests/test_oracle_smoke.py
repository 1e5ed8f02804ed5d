"""The LibreOffice oracle runs here: a hand-built tracked-change DOCX, accepted and rejected.

The package is written byte by byte (no python-docx, no redline code), so a failure here
is about the test machine's LibreOffice, not about redline's writer.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from oracle import require_oracle, run_oracle

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


def write_tracked_docx(path: Path) -> Path:
    """Write the minimal four-part package holding DOCUMENT, and return its path."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/document.xml", DOCUMENT)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
    return path


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
