"""A field whose stored result changed, its code the same, is replaced whole (issue 12).

The issue asked for a field's visible result to be diffed inside when its code is kept.
Written that way (the field kept, `w:del`/`w:ins` between its `separate` and `end`), the
package is exact for a second reader of the XML, but LibreOffice 7.4 applies no tracked
change inside a field's result: it shows old and new words together in both views. So
redline deletes the old field and inserts the new one whole, which both views of both
word processors apply. These tests hold the two halves of that decision on the
LibreOffice-made pair `field_result_changed` (make_elements.py): the whole replacement is
exact in LibreOffice, and the inside diff is not (a pin: if a LibreOffice ever applies
it, this test fails and the decision can be revisited).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import redline
from oracle import require_oracle, run_oracle
from support.applied import W, part, view

pytestmark = pytest.mark.oracle

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "elements"
OLD = FIXTURES / "field_result_changed.old.docx"
NEW = FIXTURES / "field_result_changed.new.docx"
DATE = "2026-01-01T00:00:00Z"
WANT = {"accept": "Drafted by Ben Drafter.", "reject": "Drafted by Ana Drafter."}


def _field_paragraph(body: list[str]) -> str:
    return next(text for text in body if text.startswith("Drafted by"))


def _inside_diff(data: bytes) -> bytes:
    """The same redline with the field kept and only its result's words tracked, as the
    issue first asked: the old field's `w:del`, the new field's `w:ins` replaced by one
    field whose result run holds "Ana" deleted, "Ben" inserted and " Drafter" kept."""
    root = part(data, "word/document.xml")
    assert root is not None
    deleted = root.find(f".//{W}del")
    inserted = deleted.getnext()
    assert inserted is not None and inserted.tag == f"{W}ins"
    runs = list(inserted)
    result = next(r for r in runs if r.find(f"{W}t") is not None)
    attrs = 'w:author="redline" w:date="2026-01-01T00:00:00Z"'
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    from lxml import etree

    pieces = etree.fromstring(
        f'<w:x {ns}><w:del w:id="9001" {attrs}><w:r><w:delText>Ana</w:delText></w:r></w:del>'
        f'<w:ins w:id="9002" {attrs}><w:r><w:t>Ben</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> Drafter</w:t></w:r></w:x>'
    )
    parent = deleted.getparent()
    assert parent is not None
    at = parent.index(deleted)
    parent.remove(deleted)
    parent.remove(inserted)
    replacement = []
    for run in runs:
        replacement.extend(list(pieces) if run is result else [run])
    for k, element in enumerate(replacement):
        parent.insert(at + k, element)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "word/document.xml":
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, body)
    return out.getvalue()


def test_a_changed_field_result_is_replaced_whole_and_both_views_are_exact(
    tmp_path: Path,
) -> None:
    require_oracle()
    path = redline.write_docx(redline.compare(OLD, NEW), tmp_path / "whole.docx", date=DATE)
    data = path.read_bytes()
    root = part(data, "word/document.xml")
    assert root is not None
    deleted, inserted = root.find(f".//{W}del"), root.find(f".//{W}ins")
    assert deleted is not None and inserted is not None
    assert [e.get(f"{W}fldCharType") for e in deleted.iter(f"{W}fldChar")] == [
        "begin",
        "separate",
        "end",
    ]
    assert "".join(deleted.itertext()).strip() == "USERNAME Ana Drafter"
    assert "".join(inserted.itertext()).strip() == "USERNAME Ben Drafter"
    report = run_oracle([path])[str(path)]
    for mode, want in WANT.items():
        assert _field_paragraph(report[mode]["body"]) == want
        assert report[mode]["structure"]["fields"] == {"Author": 1}  # one field, not two


def test_libreoffice_applies_no_tracked_change_inside_a_field_result(tmp_path: Path) -> None:
    require_oracle()
    whole = redline.write_docx(redline.compare(OLD, NEW), tmp_path / "whole.docx", date=DATE)
    inside = tmp_path / "inside.docx"
    inside.write_bytes(_inside_diff(whole.read_bytes()))
    for mode, want in WANT.items():  # the package itself is right: a second reader agrees
        texts, _ = view(inside.read_bytes(), mode)
        assert _field_paragraph(texts) == want
    report = run_oracle([inside])[str(inside)]
    shown = {mode: _field_paragraph(report[mode]["body"]) for mode in WANT}
    assert shown == {"accept": "Drafted by AnaBen Drafter.", "reject": "Drafted by AnaBen Drafter."}
