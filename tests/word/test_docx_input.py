"""Reading drafters' Word files: same structure as the text, every feature, hostile files refused.

The fixtures in tests/fixtures/docx/ were written by LibreOffice (tests/fixtures/make_docx.py)
from the texts they are compared with here; small documents built in the tests pin single
features. The oracle tests check our reading against LibreOffice's own and run the redline
round trip with Word inputs.
"""

from __future__ import annotations

import importlib.util
import io
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import redline
from expect import against_inputs, expected_view
from oracle import require_oracle, run_oracle
from redline import errors
from redline.model import NoteRef, Resolution
from redline.word import read_view
from redline.word.read._document import read_docx

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "docx"
EXAMPLES = ROOT / "examples"
SEEDS = {"hrc-47-9": "hrc-47-9.md", "hrc-46-13": "hrc-46-13.txt"}
DATE = "2026-01-01T00:00:00Z"


def _make_docx() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_docx", FIXTURES.parent / "make_docx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _make_docx()


def _shape(r: Resolution) -> list[tuple[Any, ...]]:
    return [
        (p.part, p.index, p.number, p.lead, p.text, p.notes, p.subparagraphs) for p in r.paragraphs
    ]


def _same_structure(docx: Resolution, text: Resolution) -> None:
    assert _shape(docx) == _shape(text)
    assert docx.formula == text.formula
    assert docx.footnotes == text.footnotes
    assert docx.vote == text.vote
    fields = {k: v for k, v in text.header.fields().items() if k != "symbol"}
    assert {k: v for k, v in docx.header.fields().items() if k != "symbol"} == fields


# -- the seeds, rendered by a word processor ---------------------------------------------


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_docx_parses_like_the_text(name: str) -> None:
    docx = redline.parse(FIXTURES / f"{name}.docx")
    text = redline.parse(EXAMPLES / SEEDS[name])
    _same_structure(docx, text)
    assert docx.header.symbol == text.header.symbol
    ops = [p.number for p in docx.operative]
    assert ops == [str(k) for k in range(1, len(ops) + 1)]


def test_seed_counts_leads_notes_and_votes() -> None:
    r479 = redline.parse(FIXTURES / "hrc-47-9.docx")
    r4613 = redline.parse(FIXTURES / "hrc-46-13.docx")
    assert (len(r479.preamble), len(r479.operative)) == (34, 36)
    assert (len(r4613.preamble), len(r4613.operative)) == (17, 8)
    assert (
        r479.preamble[1].lead == "Recalling" and r479.operative[7].lead == "Expresses its concern"
    )
    notes = {p.label: p.notes for p in r479.paragraphs if p.notes}
    assert notes == {
        "PP8": (NoteRef(204, "1"),),
        "PP14": (NoteRef(538, "2"),),
        "OP20": (NoteRef(167, "3"),),
        "OP31": (NoteRef(208, "4"),),
    }
    assert [f.text for f in r479.footnotes][2:] == ["A/HRC/46/70.", "A/HRC/47/47."]
    assert r479.vote and (r479.vote.yes, r479.vote.no, r479.vote.abstentions) == (30, 14, 3)
    assert r4613.vote and (r4613.vote.yes, r4613.vote.no, r4613.vote.abstentions) == (26, 15, 6)
    assert len(r479.vote.in_favour) == 30 and r479.vote.meeting == "35th meeting"


def test_symbol_from_the_page_header_only_when_the_body_has_none() -> None:
    r479 = redline.parse(FIXTURES / "hrc-47-9.docx")
    assert r479.header.symbol == "A/HRC/RES/47/9" and not r479.header.symbol_inferred
    assert r479.header.lines[0].text == "A/HRC/RES/47/9"
    assert "the document symbol A/HRC/RES/47/9 was read from the page header" in r479.warnings
    r4613 = redline.parse(FIXTURES / "hrc-46-13.docx")
    assert r4613.header.lines[0].text == "United Nations A/HRC/RES/46/13"
    assert not any("page header" in w for w in r4613.warnings)
    assert any(n.kind == "running head" and "A/HRC/RES/46/13" in n.text for n in r4613.noise)


def test_reader_returns_lines_noise_source_and_warnings() -> None:
    data = (FIXTURES / "hrc-47-9.docx").read_bytes()
    lines, noise, source, warnings = read_docx(data, source="x.docx")
    texts = [ln.text for ln in lines if ln.text]
    assert "1. Reaffirms that it is one of the purposes" in "\n".join(texts)
    assert texts[texts.index("The Human Rights Council,") + 1].startswith("Reaffirming")
    first = next(ln for ln in lines if ln.text.startswith("Reaffirming"))
    assert first.italic[0] == (0, len("Reaffirming"))
    notes = [ln for ln in lines if ln.footnote]
    assert [ln.footnote for ln in notes] == ["1", "2", "3", "4"]
    assert {n.kind for n in noise} >= {"note mark", "running head"}
    assert re.search(r"\nPage \d+", source) and "A/HRC/47/47." in source
    assert warnings == ["the document symbol A/HRC/RES/47/9 was read from the page header"]


# -- numbering, tracked changes, fields ---------------------------------------------------


def test_subparagraphs_and_restarted_numbering() -> None:
    docx = redline.parse(FIXTURES / "subparagraphs.docx")
    _same_structure(docx, redline.parse(MAKE.SUBPARAGRAPHS))
    assert [[s.label for s in p.subparagraphs] for p in docx.operative] == [
        ["a", "b"],
        ["a", "b", "c"],
        [],
    ]
    assert [p.text for p in docx.annex][1:] == [
        "1. The first paragraph of the annex.",
        "2. The second paragraph of the annex.",
    ]


@pytest.mark.parametrize("view", ["accept", "reject"])
def test_tracked_changes_read_as_accepted_or_rejected(view: str) -> None:
    path = FIXTURES / "tracked-changes.docx"
    docx = redline.parse(path, existing_changes=view)
    _same_structure(docx, redline.parse(MAKE.tracked_text(view)))
    shown = "accepted" if view == "accept" else "rejected"
    assert f"the file carries 10 tracked changes; compared as {shown}" in docx.warnings
    assert "the file carries 1 comment; comments are not compared" in docx.warnings


def test_tracked_views_differ_and_never_mix() -> None:
    path = FIXTURES / "tracked-changes.docx"
    new, old = (redline.parse(path, existing_changes=v) for v in ("accept", "reject"))
    assert new.preamble[0].text == "Recalling its resolution 1/1 of 3 June 2007,"
    assert old.preamble[0].text == "Recalling its resolution 1/1 of 2 May 2007,"
    assert [p.lead for p in old.preamble] == ["Recalling", "Noting", "Stressing"]
    assert [p.text for p in new.operative][1] == "Requests the High Commissioner to report;"
    assert len(old.operative) == 2
    with pytest.raises(ValueError, match="existing_changes"):
        read_docx(path.read_bytes(), source="x", existing_changes="both")


def test_comparing_a_tracked_file_with_itself_rejected_gives_its_changes() -> None:
    path = FIXTURES / "tracked-changes.docx"
    old = redline.parse(path, existing_changes="reject")
    c = redline.compare(old, path)
    assert c.old.preamble[0].text.endswith("2 May 2007,")
    assert c.new.preamble[0].text.endswith("3 June 2007,")
    assert c.count(redline.Kind.UNCHANGED) < len(c.matches)


def test_fields_hyperlinks_hyphens_tabs_breaks_and_text_boxes() -> None:
    docx = redline.parse(FIXTURES / "fields-links.docx")
    _same_structure(docx, redline.parse(MAKE.FIELDS))
    assert docx.preamble[0].text == (
        "Recalling the report available at https://www.ohchr.org/en/documents on the matter,"
    )
    assert "“Draft resolution” adopted in Geneva," in docx.preamble[1].text
    assert (
        "non\u2011governmental" in docx.preamble[2].text and "\u00adsoft" in docx.preamble[2].text
    )
    assert docx.operative[0].text == "Decides to hold a meeting in Geneva\tnext year;"
    assert docx.operative[1].text == "Requests the Secretary-General to report."
    assert [h.text for h in docx.header.lines][-1] == "Advance unedited version"
    assert "1 text box read after the paragraph anchoring it" in docx.warnings


# -- single features, in small documents built here --------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "styles": "styles.xml",
    "numbering": "numbering.xml",
    "footnotes": "footnotes.xml",
    "endnotes": "endnotes.xml",
    "settings": "settings.xml",
    "header": "header1.xml",
    "comments": "comments.xml",
}
_ROOTS = {
    "styles": "styles",
    "numbering": "numbering",
    "footnotes": "footnotes",
    "endnotes": "endnotes",
    "settings": "settings",
    "header": "hdr",
    "comments": "comments",
}


def _xml(root: str, inner: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<w:{root} xmlns:w="{W}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'xmlns:r="{_REL}">{inner}</w:{root}>'
    )


def build(body: str, **parts: str) -> bytes:
    """A minimal DOCX: `body` is the inside of w:body; parts by name (styles=..., ...)."""
    rels = "".join(
        f'<Relationship Id="r{k}" Type="{_REL}/{name}" Target="{_PARTS[name]}"/>'
        for k, name in enumerate(parts)
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="r1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr("word/document.xml", _xml("document", f"<w:body>{body}</w:body>"))
        z.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>",
        )
        for name, inner in parts.items():
            z.writestr(f"word/{_PARTS[name]}", _xml(_ROOTS[name], inner))
    return buf.getvalue()


def p(inner: str, ppr: str = "") -> str:
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{inner}</w:p>"


def r(text: str, rpr: str = "") -> str:
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def texts(data: bytes, **kw: str) -> list[str]:
    lines, _noise, _source, _warnings = read_docx(data, source="t.docx", **kw)
    return [ln.text for ln in lines if ln.text]


def test_runs_symbols_hyphens_tabs_and_breaks() -> None:
    body = p(
        r("Alpha ")
        + '<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>b</w:t><w:noBreakHyphen/>'
        '<w:t>c</w:t><w:softHyphen/><w:t xml:space="preserve">d  </w:t><w:br/>'
        '<w:t xml:space="preserve">  e</w:t><w:cr/><w:t>f</w:t></w:r>'
    )
    assert texts(build(body)) == ["Alpha \uf0b7\tb\u2011c\u00add e f"]


def test_fields_show_their_result_only() -> None:
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("shown")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    simple = '<w:fldSimple w:instr=" TITLE "><w:r><w:t>Title</w:t></w:r></w:fldSimple>'
    link = f'<w:hyperlink r:id="x">{r(" link")}</w:hyperlink>'
    sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{r(' control')}</w:sdtContent></w:sdt>"
    body = p(r("A ") + complex_field + r(" ") + simple + link + sdt)
    body += f"<w:sdt><w:sdtContent>{p(r('Block control'))}</w:sdtContent></w:sdt>"
    assert texts(build(body)) == ["A shown Title link control", "Block control"]


def test_italics_from_direct_formatting_styles_and_complex_script() -> None:
    styles = (
        '<w:style w:type="character" w:styleId="Base"><w:rPr><w:i/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Lead"><w:basedOn w:val="Base"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Quote"><w:rPr><w:i/></w:rPr></w:style>'
    )
    body = (
        p(r("Recalling", "<w:i/>") + r(" also", "<w:i/>") + r(" its resolution,"))
        + p(r("Noting", '<w:rStyle w:val="Lead"/>') + r(" the report,"))
        + p(r("All italic"), '<w:pStyle w:val="Quote"/>')
        + p(r("Not", '<w:i w:val="0"/>') + r(" italic"))
        + p(r("عربي", "<w:iCs/><w:rtl/>") + r(" Latin", "<w:iCs/>"))
    )
    lines, *_ = read_docx(build(body, styles=styles), source="t.docx")
    spans = [ln.italic for ln in lines if ln.text]
    assert spans == [[(0, 14)], [(0, 6)], [(0, 10)], [], [(0, 4)]]


def test_hidden_text_and_comments_are_not_read() -> None:
    body = p(r("Seen") + r(" hidden", "<w:vanish/>") + '<w:r><w:commentReference w:id="1"/></w:r>')
    comments = '<w:comment w:id="1" w:author="A"><w:p><w:r><w:t>Note</w:t></w:r></w:p></w:comment>'
    data = build(body, comments=comments)
    _lines, _noise, source, warnings = read_docx(data, source="t.docx")
    assert texts(data) == ["Seen"] and "Note" not in source
    assert "1 run(s) of hidden text not read" in warnings
    assert "the file carries 1 comment; comments are not compared" in warnings


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "decimal", "%1.")
    + lvl(1, "lowerLetter", "(%2)")
    + lvl(2, "lowerRoman", "(%3)")
    + '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
    + lvl(0, "upperRoman", "%1.", start=4)
    + lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
    + '</w:abstractNum><w:abstractNum w:abstractNumId="2">'
    + lvl(0, "bullet", "•")
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
)


def num(num_id: int, ilvl: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def test_automatic_numbering_labels() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="OP"><w:pPr><w:numPr><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style>"
    )
    body = (
        p(r("Decides:"), '<w:pStyle w:val="OP"/>')
        + p(r("To act;"), num(1, 1))
        + p(r("Firstly;"), num(1, 2))
        + p(r("To report;"), num(1, 1))
        + p(r("Requests."), num(1))
        + p(r("Typed 7. stays text"))
        + p(r("Restarted."), num(2))
        + p(r("Continued."), num(1))
        + p(r("Roman."), num(3))
        + p(r("Legal."), num(3, 1))
        + p(r("A bullet."), num(4))
        + p("", num(1))
        + p(r("Off."), num(1) + '<w:numPr><w:numId w:val="0"/></w:numPr>')
    )
    lines, noise, source, _ = read_docx(
        build(body, styles=styles, numbering=NUMBERING), source="t.docx"
    )
    assert [ln.text for ln in lines if ln.text] == [
        "1. Decides:",
        "(a) To act;",
        "(i) Firstly;",
        "(b) To report;",
        "2. Requests.",
        "Typed 7. stays text",
        "1. Restarted.",
        "2. Continued.",
        "IV. Roman.",
        "4.1 Legal.",
        "A bullet.",
        "4. Off.",
    ]
    assert [(n.text, n.kind) for n in noise] == [("•", "list bullet"), ("3.", "list label")]
    assert "(a) To act;" in source and "•" in source


def test_moves_and_paragraph_marks_follow_the_view() -> None:
    tracked = 'w:id="{}" w:author="A" w:date="2024-01-01T00:00:00Z"'
    body = (
        p(
            r("Keep ")
            + f"<w:moveFrom {tracked.format(1)}>{r('moved ')}</w:moveFrom>"
            + f"<w:del {tracked.format(2)}><w:r><w:delText>old</w:delText></w:r></w:del>"
            + f"<w:ins {tracked.format(3)}>{r('new')}</w:ins>",
            f"<w:rPr><w:del {tracked.format(4)}/></w:rPr>",
        )
        + p(r(" joined") + f"<w:moveTo {tracked.format(5)}>{r(' moved')}</w:moveTo>")
        + p(
            r("Roman", f"<w:i/><w:rPrChange {tracked.format(6)}><w:rPr/></w:rPrChange>"),
            f"{num(1)}<w:pPrChange {tracked.format(7)}><w:pPr/></w:pPrChange>",
        )
    )
    data = build(body, numbering=NUMBERING)
    assert texts(data) == ["Keep new joined moved", "1. Roman"]
    assert texts(data, existing_changes="reject") == ["Keep moved old", " joined", "Roman"]
    lines, _n, _s, warnings = read_docx(data, source="t.docx", existing_changes="reject")
    assert [ln.italic for ln in lines if ln.text] == [[], [], []]
    assert "the file carries 7 tracked changes; compared as rejected" in warnings


def test_table_rows_inserted_or_deleted_follow_the_view() -> None:
    tracked = 'w:id="{}" w:author="A" w:date="2024-01-01T00:00:00Z"'
    row = "<w:tr>{}<w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>"
    body = (
        "<w:tbl>"
        + row.format("", p(r("a1")), p(r("a2")))
        + row.format(f"<w:trPr><w:ins {tracked.format(1)}/></w:trPr>", p(r("b1")), p(r("b2")))
        + row.format(f"<w:trPr><w:del {tracked.format(2)}/></w:trPr>", p(r("c1")), p(r("c2")))
        + "</w:tbl>"
    )
    assert texts(build(body)) == ["a1", "a2", "b1", "b2"]
    assert texts(build(body), existing_changes="reject") == ["a1", "a2", "c1", "c2"]


def test_footnotes_endnotes_and_custom_marks() -> None:
    settings = '<w:footnotePr><w:numFmt w:val="lowerLetter"/></w:footnotePr>'
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>First.</w:t></w:r>'
        "</w:p><w:p>" + r("Second paragraph.") + "</w:p></w:footnote>"
        '<w:footnote w:id="3"><w:p>' + r("* Starred.") + "</w:p></w:footnote>"
        '<w:footnote w:id="4"><w:p><w:r><w:footnoteRef/></w:r>'
        + r(" Third.")
        + "</w:p></w:footnote>"
    )
    endnotes = (
        '<w:endnote w:id="5"><w:p><w:r><w:endnoteRef/></w:r>' + r(" End.") + "</w:p></w:endnote>"
    )
    body = p(
        r("Text")
        + '<w:r><w:footnoteReference w:id="2"/></w:r>'
        + r(" more")
        + '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r>'
        + '<w:r><w:footnoteReference w:id="4"/></w:r>'
        + '<w:r><w:endnoteReference w:id="5"/></w:r>'
        + r(".")
    )
    data = build(body, settings=settings, footnotes=footnotes, endnotes=endnotes)
    lines, noise, source, _ = read_docx(data, source="t.docx")
    body_line = lines[0]
    assert body_line.text == "Text more."
    assert body_line.notes == [NoteRef(4, "a"), NoteRef(9, "*"), NoteRef(9, "b"), NoteRef(9, "i")]
    notes = [(ln.footnote, ln.text) for ln in lines if ln.footnote]
    assert notes == [
        ("a", "First. Second paragraph."),
        ("*", "Starred."),
        ("b", "Third."),
        ("i", "End."),
    ]
    assert sorted(n.text for n in noise if n.kind == "note mark") == sorted("aa**bbii")
    assert "Second paragraph." in source


def test_text_boxes_follow_their_anchor_once() -> None:
    box = "<w:txbxContent>" + p(r("In the box.")) + "</w:txbxContent>"
    drawing = (
        (
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps>'
            f"{box}</wps></w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
        .replace("<wps>", "<w:dummy>")
        .replace("</wps>", "</w:dummy>")
    )
    data = build(p(r("Anchor") + drawing + r(" text.")) + p(r("Next.")))
    lines, _n, _s, warnings = read_docx(data, source="t.docx")
    assert [ln.text for ln in lines if ln.text] == ["Anchor text.", "In the box.", "Next."]
    assert warnings == ["1 text box read after the paragraph anchoring it"]


def test_symbol_in_page_header() -> None:
    header = p(r("A/HRC/RES/47/9") + "<w:r><w:tab/></w:r>" + r("3/12"))
    data = build(p(r("Human Rights Council")), header=header)
    lines, noise, _source, warnings = read_docx(data, source="t.docx")
    assert [ln.text for ln in lines if ln.text] == ["A/HRC/RES/47/9", "Human Rights Council"]
    assert [(n.text, n.kind) for n in noise] == [("\t3/12", "running head")]
    assert warnings == ["the document symbol A/HRC/RES/47/9 was read from the page header"]


def test_empty_document_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(build(p("")))
    with pytest.raises(
        errors.EmptyInputError, match=r"empty\.docx: the Word document holds no text"
    ):
        redline.parse(path)


# -- hostile and broken files --------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _document(xml: str) -> bytes:
    return _zip({"word/document.xml": xml.encode()})


XXE = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>'
)


def _bomb(size: int) -> bytes:
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("word/document.xml", "w", force_zip64=True) as f,
    ):
        for _ in range(size // 2**20):
            f.write(b"\0" * 2**20)
    return buf.getvalue()


def _lying_header() -> bytes:
    """document.xml of 5 MB whose ZIP headers claim 1,000 bytes."""
    data = bytearray(_zip({"word/document.xml": b" " * 5 * 2**20}))
    real = struct.pack("<I", 5 * 2**20)
    for m in list(re.finditer(re.escape(real), bytes(data))):
        data[m.start() : m.end()] = struct.pack("<I", 1000)
    return bytes(data)


def _later_zip_version() -> bytes:
    """A package whose central directory says an entry needs ZIP version 8.4 to extract
    (zipfile refuses it with NotImplementedError when opening)."""
    data = bytearray((FIXTURES / "hrc-46-13.docx").read_bytes())
    at = data.index(b"PK\x01\x02") + 6  # the first entry's "version needed to extract"
    data[at : at + 2] = struct.pack("<H", 84)
    return bytes(data)


def _corrupt_entry() -> bytes:
    data = bytearray((FIXTURES / "hrc-47-9.docx").read_bytes())
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 100, start + 400):
        data[k] ^= 0x5A
    return bytes(data)


HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "not-zip": (
        lambda: b"Just some text, not a package.",
        r"not a Word document: not a ZIP package",
    ),
    "truncated": (
        lambda: (FIXTURES / "hrc-47-9.docx").read_bytes()[:5000],
        r"not a Word document: corrupt or truncated",
    ),
    "zip-version": (
        _later_zip_version,
        r"not a Word document: unsupported ZIP package \(zip file version 8\.4\)",
    ),
    "corrupt-entry": (
        _corrupt_entry,
        r"word/document\.xml: the ZIP package is corrupt or truncated",
    ),
    "no-document": (
        lambda: _zip({"word/styles.xml": b"<x/>"}),
        r"not a Word document: the package has no main document part \(word/document\.xml\)",
    ),
    "malformed": (
        lambda: _document(f'<w:document xmlns:w="{W}">\n<w:body><w:p></w:body></w:document>'),
        r"word/document\.xml: malformed XML at line 2: ",
    ),
    "xxe": (lambda: _document(XXE), r"word/document\.xml: refused: a DOCTYPE declaration"),
    "laughs": (lambda: _document(LAUGHS), r"word/document\.xml: refused: a DOCTYPE declaration"),
    "utf16-doctype": (
        lambda: _zip(
            {"word/document.xml": XXE.replace('<?xml version="1.0"?>', "").encode("utf-16")}
        ),
        r"word/document\.xml: refused: a DOCTYPE declaration",
    ),
    "ratio": (
        lambda: _bomb(20 * 2**20),
        r"word/document\.xml: expands \d+ times its compressed size; the limit is 200",
    ),
    "lying-header": (_lying_header, r"word/document\.xml: the ZIP package is corrupt"),
    "entries": (
        lambda: _zip({f"x/{k}.xml": b"" for k in range(10_001)}),
        r"the package has 10001 entries; the limit is 10000",
    ),
    "doc": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
        r"a \.doc or encrypted file; save as \.docx",
    ),
    "strict": (
        lambda: _document(
            '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/>'
            "</w:document>"
        ),
        r"Strict Open XML is not supported; save as Word Document \(\.docx\)",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_a_document_error(case: str, tmp_path: Path) -> None:
    make, message = HOSTILE[case]
    path = tmp_path / f"{case}.docx"
    path.write_bytes(make())
    with pytest.raises(errors.DocumentError, match=rf"^{re.escape(str(path))}: {message}") as info:
        redline.parse(path)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("case", sorted(set(HOSTILE) - {"strict"}))
def test_reading_a_hostile_file_back_is_a_document_error(case: str, tmp_path: Path) -> None:
    """`read_view` (the tests' and tools' reader of a written file) opens a file as an input
    is opened: the same limits, and a DocumentError naming the file, never zipfile's own
    (a Strict file it reads as it is: only comparing refuses it)."""
    path = tmp_path / f"{case}.docx"
    path.write_bytes(HOSTILE[case][0]())
    with pytest.raises(errors.DocumentError, match=rf"^{re.escape(str(path))}: "):
        read_view(path, "accept")


def test_zip_bomb_of_300_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_bomb(300 * 2**20))
    assert path.stat().st_size < 2**20
    with pytest.raises(
        errors.DocumentError,
        match=r"bomb\.docx: the package would expand to 300 MB; the limit is 200 MB",
    ):
        redline.parse(path)


# -- LibreOffice: our reading is what it shows, and the round trip holds -----------------


def _flat(s: str) -> str:
    return " ".join(s.split())


def _our_view(path: Path, view: str) -> tuple[list[str], list[str]]:
    """Body paragraphs (label, marks at references) and footnotes, as read_docx reads them."""
    lines, *_ = read_docx(path.read_bytes(), source=str(path), existing_changes=view)
    body, notes = [], []
    for ln in lines:
        if ln.footnote:
            notes.append(_flat(ln.text))
        elif ln.text and ln.number > 0 and ln.text != "Advance unedited version":  # text box
            text = ln.text
            for ref in sorted(ln.notes, key=lambda n: -n.offset):
                text = text[: ref.offset] + ref.mark + text[ref.offset :]
            body.append(_flat(text))
    return body, notes


ORACLE_FIXTURES = [
    "hrc-47-9",
    "hrc-46-13",
    "subparagraphs",
    "tracked-changes-no-comment",
    "fields-links",
]


@pytest.mark.oracle
def test_read_docx_reads_what_libreoffice_shows() -> None:
    require_oracle()
    paths = [FIXTURES / f"{n}.docx" for n in ORACLE_FIXTURES]
    report = run_oracle(paths)
    for path in paths:
        for view in ("accept", "reject"):
            shown = report[str(path)][view]
            body = [
                _flat(f"{num} {text}" if num else text)
                for num, text in zip(shown["numbers"], shown["body"])
                if text.strip()
            ]
            notes = [_flat(t) for t in shown["footnotes"]]
            assert _our_view(path, view) == (body, notes), f"{path.name} {view}"


@pytest.mark.oracle
def test_redline_round_trip_with_word_inputs(tmp_path: Path) -> None:
    require_oracle()
    docx = {n: FIXTURES / f"{n}.docx" for n in SEEDS}
    text = {n: EXAMPLES / f for n, f in SEEDS.items()}
    pairs = {
        "docx-docx": (docx["hrc-46-13"], docx["hrc-47-9"]),
        "docx-docx-back": (docx["hrc-47-9"], docx["hrc-46-13"]),
        "text-docx": (text["hrc-46-13"], docx["hrc-47-9"]),
        "docx-text": (docx["hrc-46-13"], text["hrc-47-9"]),
    }
    cases = []
    for name, (old, new) in pairs.items():
        comparison = redline.compare(old, new)
        out = redline.write_docx(comparison, tmp_path / f"{name}.docx", date=DATE, plain=True)
        cases.append((name, comparison, out, old, new))
    report = run_oracle([*(out for _, _, out, *_ in cases), *docx.values()])
    for name, comparison, out, old, new in cases:
        for view, side in (("accept", comparison.new), ("reject", comparison.old)):
            body, numbers, notes = expected_view(side, auto_numbers=comparison.auto_numbers)
            shown = report[str(out)][view]
            assert (shown["body"], shown["numbers"], shown["footnotes"], shown["remaining"]) == (
                body,
                numbers,
                notes,
                0,
            ), f"{name} {view}"
        # and, read by LibreOffice both times, as the Word inputs themselves read
        checked = against_inputs(comparison, report, redline=out, old=old, new=new)
        assert len(checked) == sum(p.suffix == ".docx" for p in (old, new)), name
        for view, (written, given) in checked.items():
            assert written == given, f"{name} {view} against the input"


def test_visible_text_renders_a_runs_children_as_libreoffice_shows_them() -> None:
    """The one rendering (`oxml.visible_text`), checked against the oracle's strings for a run
    of each element: tab and ptab "\\t", br and cr "\\n", U+2011, U+00AD, the sym's code point."""
    from lxml import etree

    from redline.word.oxml import W_NS, visible_text

    run = etree.fromstring(
        f'<w:r xmlns:w="{W_NS}"><w:t>a</w:t><w:delText>b</w:delText><w:tab/><w:ptab/><w:br/>'
        '<w:cr/><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/>'
        '<w:sym w:char="zz"/><w:rPr/><w:fldChar/><w:footnoteReference w:id="1"/></w:r>'
    )
    assert [visible_text(c) for c in run] == [
        "a",
        "b",
        "\t",
        "\t",
        "\n",
        "\n",
        "\u2011",
        "\u00ad",
        "\uf0b7",
        "",
        None,
        None,
        None,
    ]
