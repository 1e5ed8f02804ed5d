"""The redline written onto the drafter's own document (`write_docx(..., template=new_path)`).

The fixtures come from LibreOffice (tests/fixtures/make_docx.py). What is checked: the
template's parts around the text are kept as they are (styles, numbering definitions, page
headers and footers, the last section's properties), each paragraph takes the look of the
template paragraph holding its text, comments are dropped, the output is deterministic, and
LibreOffice's Accept All / Reject All give the new / old text exactly.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

import redline
from expect import against_inputs, expected_view, oracle_view, read_as_paragraphs
from oracle import require_oracle, run_oracle
from redline.errors import DocumentError, InputError

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "docx"
EXAMPLES = HERE.parent.parent / "examples"
DATE = "2026-03-01T10:00:00Z"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

PAIRS = {
    "docx-docx": ("hrc-46-13.docx", "hrc-47-9.docx"),
    # the template has no footnotes part: the old text's deleted notes need one added
    "docx-docx-back": ("hrc-47-9.docx", "hrc-46-13.docx"),
    "text-docx": (EXAMPLES / "hrc-46-13.txt", "hrc-47-9.docx"),
    "markdown-docx": (EXAMPLES / "hrc-47-9.md", "hrc-46-13.docx"),
    "subparagraphs": ("subparagraphs.docx", "subparagraphs.docx"),
    "tracked-into-seed": ("tracked-changes-no-comment.docx", "hrc-47-9.docx"),
    # the template carries a comment: it is dropped (LibreOffice 7.4 crashes applying
    # changes in a file with comments, so this also proves it is gone)
    "onto-commented": ("hrc-46-13.docx", "tracked-changes.docx"),
}

IN_PLACE = {"text-docx", "markdown-docx"}
"""A text against a Word file: the redline is written onto the Word file itself (the text
standing in as redline's clean document), so Accept All reads as that file, not as the
parsed text laid out anew; Reject All reads as the old text, paragraph by paragraph."""

DIFFERS_FROM_INPUT = {
    "subparagraphs": "sub-paragraph labels lose their brackets ('(a) To report' shows as "
    "'a<tab>To report') and the adoption record, before the annex in the input, is written "
    "after it",
}
"""Pairs whose redline does not read as its Word inputs do in LibreOffice, and why."""


def _path(p: str | Path) -> Path:
    return p if isinstance(p, Path) else FIXTURES / p


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _write(tmp_path: Path, name: str) -> tuple[redline.Comparison, Path, Path]:
    old, new = (_path(p) for p in PAIRS[name])
    comparison = redline.compare(old, new)
    out = redline.write_docx(comparison, tmp_path / f"{name}.docx", date=DATE, template=new)
    return comparison, new, out


def test_parts_around_the_text_are_the_templates(tmp_path: Path) -> None:
    _, new, out = _write(tmp_path, "docx-docx")
    tpl, got = _parts(new), _parts(out)
    for name in ("word/styles.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml"):
        assert got[name] == tpl[name], name
    # numbering definitions: the template's lists are all still there
    tpl_nums = etree.fromstring(tpl["word/numbering.xml"])
    got_nums = etree.fromstring(got["word/numbering.xml"])
    assert {n.get(f"{W}numId") for n in tpl_nums.iter(f"{W}num")} <= {
        n.get(f"{W}numId") for n in got_nums.iter(f"{W}num")
    }
    body = etree.fromstring(got["word/document.xml"]).find(f"{W}body")
    tpl_body = etree.fromstring(tpl["word/document.xml"]).find(f"{W}body")
    assert body is not None and tpl_body is not None
    assert etree.tostring(body[-1]) == etree.tostring(tpl_body[-1])  # the last w:sectPr
    assert body[-1].tag == f"{W}sectPr"


def test_paragraphs_take_the_look_of_their_template_paragraph(tmp_path: Path) -> None:
    comparison, new, out = _write(tmp_path, "docx-docx")
    tpl_body = etree.fromstring(_parts(new)["word/document.xml"]).find(f"{W}body")
    body = etree.fromstring(_parts(out)["word/document.xml"]).find(f"{W}body")
    assert tpl_body is not None and body is not None
    tpl_numbered = [
        p for p in tpl_body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr/{W}numId") is not None
    ]
    assert tpl_numbered, "the fixture numbers its operative paragraphs automatically"
    list_id = tpl_numbered[0].find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    written = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr/{W}numId") is not None]
    # every operative paragraph (kept, inserted or deleted) is in the template's own list
    ops = len(comparison.new.operative) + sum(
        1 for m in comparison.matches if m.old and not m.new and m.old[0] in _op(comparison)
    )
    assert len(written) >= ops
    assert {p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") for p in written} == {list_id}


def _op(comparison: redline.Comparison) -> set[int]:
    return {i for i, p in enumerate(comparison.old.paragraphs) if p.part is redline.Part.OPERATIVE}


def test_runs_take_the_template_runs_properties(tmp_path: Path) -> None:
    _, _, out = _write(tmp_path, "docx-docx")
    body = etree.fromstring(_parts(out)["word/document.xml"])
    fonts = {
        f.get(f"{W}ascii")
        for f in body.iter(f"{W}rFonts")
        if f.getparent() is not None and f.getparent().tag == f"{W}rPr"
    }
    italic = sum(1 for _ in body.iter(f"{W}i"))
    assert italic > 20  # the leads
    assert fonts <= {None, "Times New Roman"}


def test_comments_are_dropped_with_their_relationships(tmp_path: Path) -> None:
    _, new, out = _write(tmp_path, "onto-commented")
    assert "word/comments.xml" in _parts(new)
    got = _parts(out)
    assert "word/comments.xml" not in got
    assert b"comments" not in got["word/_rels/document.xml.rels"]
    assert b"comments" not in got["[Content_Types].xml"]


def test_footnotes_keep_the_separators_and_take_free_ids(tmp_path: Path) -> None:
    _, new, out = _write(tmp_path, "docx-docx")
    tpl = etree.fromstring(_parts(new)["word/footnotes.xml"])
    got = etree.fromstring(_parts(out)["word/footnotes.xml"])
    seps = [n.get(f"{W}id") for n in tpl.iter(f"{W}footnote") if n.get(f"{W}type")]
    assert [n.get(f"{W}id") for n in got.iter(f"{W}footnote") if n.get(f"{W}type")] == seps
    ids = [n.get(f"{W}id") for n in got.iter(f"{W}footnote")]
    assert len(ids) == len(set(ids))
    refs = {
        r.get(f"{W}id")
        for r in etree.fromstring(_parts(out)["word/document.xml"]).iter(f"{W}footnoteReference")
    }
    assert refs and refs <= set(ids) - set(seps)


def test_same_inputs_same_bytes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = _write(tmp_path / "a", "text-docx")[2]
    b = _write(tmp_path / "b", "text-docx")[2]
    assert a.read_bytes() == b.read_bytes()


def test_template_errors_name_the_file(tmp_path: Path) -> None:
    comparison = redline.compare(EXAMPLES / "hrc-46-13.txt", EXAMPLES / "hrc-47-9.md")
    with pytest.raises(DocumentError, match=r"hrc-47-9\.md: a template must be a Word document"):
        redline.write_docx(comparison, tmp_path / "x.docx", template=EXAMPLES / "hrc-47-9.md")
    with pytest.raises(InputError, match=r"missing\.docx: no such file"):
        redline.write_docx(comparison, tmp_path / "x.docx", template=tmp_path / "missing.docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DocumentError, match=r"bad\.docx: not a Word document"):
        redline.write_docx(comparison, tmp_path / "x.docx", template=bad)
    assert not (tmp_path / "x.docx").exists()


def test_cli_writes_onto_a_docx_new_by_default(tmp_path: Path) -> None:
    from redline.cli import main

    new = FIXTURES / "hrc-47-9.docx"
    old = EXAMPLES / "hrc-46-13.txt"
    onto, plain = tmp_path / "onto.docx", tmp_path / "plain.docx"
    assert main([str(old), str(new), "-o", str(onto), "--date", DATE, "-q"]) == 0
    assert main([str(old), str(new), "-o", str(plain), "--date", DATE, "-q", "--plain"]) == 0
    assert _parts(onto)["word/styles.xml"] == _parts(new)["word/styles.xml"]
    assert _parts(plain)["word/styles.xml"] != _parts(new)["word/styles.xml"]
    assert b"RlOperative" in _parts(plain)["word/document.xml"]


@pytest.mark.oracle
def test_accept_and_reject_all_through_libreoffice(tmp_path: Path) -> None:
    require_oracle()
    cases = [(name, *_write(tmp_path, name)) for name in PAIRS]
    inputs = {_path(p) for pair in PAIRS.values() for p in pair if _path(p).suffix == ".docx"}
    report = run_oracle([*(out for *_, out in cases), *sorted(inputs)])
    for name, comparison, _, out in cases:
        assert report[str(out)]["loaded"], name
        for view, side in (("accept", comparison.new), ("reject", comparison.old)):
            body, numbers, notes = expected_view(side, auto_numbers=comparison.auto_numbers)
            shown = report[str(out)][view]
            if name in IN_PLACE:  # the new file itself: accept-all is held to it below
                if view == "reject":
                    boxes = [side.header.symbol] if side.header.symbol else []
                    got = read_as_paragraphs(oracle_view(report[str(out)], view), text_boxes=boxes)
                    want = read_as_paragraphs((body, numbers, notes), text_boxes=boxes)
                    assert (got, shown["remaining"]) == (want, 0), f"{name} {view}"
                continue
            assert (shown["body"], shown["numbers"], shown["footnotes"], shown["remaining"]) == (
                body,
                numbers,
                notes,
                0,
            ), f"{name} {view}"
        # and, read by LibreOffice both times, as the Word inputs themselves read
        old, new = (_path(p) for p in PAIRS[name])
        for view, (written, given) in against_inputs(
            comparison, report, redline=out, old=old, new=new
        ).items():
            if name in DIFFERS_FROM_INPUT:  # a known fault: the check must keep seeing it
                assert written != given, f"{name} {view}: fixed? drop it from DIFFERS_FROM_INPUT"
            else:
                assert written == given, f"{name} {view} against the input"
