"""Reading resolutions from their PDFs: official GA PDFs against the structured corpus, by hand,
drafts printed by LibreOffice against their Word source, layout rules on built pages, errors.

The six official PDFs are in ../shared/corpus/pdf/; the structured versions of four of them
(found through MANIFEST.csv) are the gold for paragraph counts and texts, under the corpus's
conventions (README: the enacting formula counted as preambular, sub-paragraphs as separate
operative elements, footnote markers removed). 80/204 and 80/207 exist only as raw text: the
figures asserted for them were read off `pdftotext -layout` of the PDFs by hand.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

import redline
from expect import expected_view
from oracle import require_oracle, run_oracle
from redline import errors
from redline.cli import main
from redline.model import Noise, NoteRef, Part, RepairKind, Resolution
from redline.parse._conserve import source_map, verify_conservation
from redline.parse._leads import find_lead
from redline.parse._source import SourceLine
from redline.parse._structure import parse_lines
from redline.pdf import read_pdf
from redline.pdf._glyphs import Glyph, PageGlyphs
from redline.pdf.reader import read_pages

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DATE = "2026-01-01T00:00:00Z"
OFFICIAL = ("A_RES_78_199", "A_RES_78_203", "A_RES_79_166", "A_RES_79_170")
HAND_CHECKED = ("A_RES_80_204", "A_RES_80_207")
ALL = OFFICIAL + HAND_CHECKED


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _load("make_pdf", HERE / "make_pdf.py")


@dataclass(frozen=True)
class Read:
    """One PDF as `read_pdf` gives it and as `redline.parse` parses it."""

    resolution: Resolution
    lines: list[SourceLine]
    noise: list[Noise]
    text: str
    warnings: list[str]


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.fixture(scope="module")
def official(corpus: Path) -> dict[str, Read]:
    out = {}
    for name in ALL:
        path = corpus / "pdf" / f"{name}.pdf"
        lines, noise, text, warnings, _ = read_pdf(path.read_bytes(), source=str(path))
        out[name] = Read(redline.parse(path), lines, noise, text, warnings)
    return out


# -- against the structured corpus ----------------------------------------------------------


def _structured(corpus: Path, symbol: str) -> list[tuple[str, str]]:
    with (corpus / "MANIFEST.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["symbol"] == symbol]
    (path,) = [r["path"] for r in rows if r["path"].startswith("structured/")]
    elements = json.loads((corpus / path).read_text(encoding="utf-8"))
    return [(e["paragraph_type"], e["text"]) for e in elements if e["type"] == "paragraph"]


def _elements(r: Resolution) -> list[tuple[str, str]]:
    """The parse under the corpus's conventions: formula as preambular, sub-paragraphs apart."""
    out = [("preambular", r.formula)] + [("preambular", p.text) for p in r.preamble]
    for p in r.operative:
        out.append(("operative", p.text))
        out += [("operative", s.text) for s in p.subparagraphs]
    return out


def _fold(text: str) -> str:
    """Whitespace (no-break spaces too) to one space; U+2011/U+2010 to "-"."""
    return re.sub(r"\s+", " ", re.sub("[\u2010\u2011]", "-", text)).strip()


@pytest.mark.parametrize("name", OFFICIAL)
def test_paragraph_counts_equal_structured(
    official: dict[str, Read], corpus: Path, name: str
) -> None:
    r = official[name].resolution
    gold = _structured(corpus, r.header.symbol or "")
    assert [kind for kind, _ in _elements(r)] == [kind for kind, _ in gold]
    assert r.warnings == ()


@pytest.mark.parametrize("name", OFFICIAL)
def test_paragraph_texts_equal_structured(
    official: dict[str, Read], corpus: Path, name: str
) -> None:
    # No wording quirk of structured/ shows in these four files: every paragraph is equal
    # after folding whitespace and hyphen variants (the PDFs of session 78 print "-", those
    # of sessions 79 and 80 partly U+2011). 78/199 prints "Subcommission" as structured/ has.
    r = official[name].resolution
    gold = _structured(corpus, r.header.symbol or "")
    ours = _elements(r)
    differing = [
        (i, a, b) for i, ((_, a), (_, b)) in enumerate(zip(ours, gold)) if _fold(a) != _fold(b)
    ]
    assert differing == []


def test_structured_counts_figures(official: dict[str, Read]) -> None:
    """Preambular and operative paragraphs, sub-paragraphs and footnotes per official PDF."""
    figures = {
        name: (
            len(read.resolution.preamble),
            len(read.resolution.operative),
            sum(len(p.subparagraphs) for p in read.resolution.paragraphs),
            len(read.resolution.footnotes),
        )
        for name, read in official.items()
    }
    assert figures == {
        "A_RES_78_199": (16, 17, 0, 7),
        "A_RES_78_203": (39, 52, 5, 32),
        "A_RES_79_166": (15, 17, 0, 6),
        "A_RES_79_170": (38, 53, 5, 31),
        "A_RES_80_204": (15, 17, 0, 6),
        "A_RES_80_207": (36, 51, 5, 28),
    }


# -- checked by hand -------------------------------------------------------------------------


def _attached(r: Resolution) -> dict[str, str]:
    return {n.mark: p.label for p in r.paragraphs for n in p.notes}


def test_80_204_by_hand(official: dict[str, Read]) -> None:
    r = official["A_RES_80_204"].resolution
    assert r.header.symbol == "A/RES/80/204"
    assert r.header.number == "80/204"
    assert r.header.title == "Enhancement of international cooperation in the field of human rights"
    assert r.header.session == "Eightieth session"
    assert r.header.agenda_item == "Agenda item 71 (b)"
    assert r.header.date == "18 December 2025"
    assert r.formula == "The General Assembly,"
    assert (len(r.preamble), len(r.operative)) == (15, 17)
    leads = {p.label: p.lead for p in r.paragraphs}
    assert leads["PP1"] == "Reaffirming its commitment"  # the PDF sets all three words italic
    assert (leads["PP3"], leads["PP14"], leads["PP15"]) == (
        "Recalling also",
        "Underlining",
        "Recalling",
    )
    assert (leads["OP4"], leads["OP12"], leads["OP17"]) == (
        "Also reaffirms",
        "Calls upon",
        "Decides",
    )
    assert r.operative[-1].text == (
        "Decides to continue its consideration of the question at its eighty-first session."
    )
    assert [(f.mark, f.text) for f in r.footnotes] == [
        ("1", "A/CONF.157/24 (Part I), chap. III."),
        ("2", "Resolution 55/2."),
        (
            "3",
            "See Official Records of the General Assembly, Eightieth Session, Supplement No. 53 "
            "(A/80/53), chap. VI, sect. A.",
        ),
        ("4", "Resolution 66/3."),
        ("5", "Resolution 76/1."),
        ("6", "See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A."),
    ]
    assert _attached(r) == {"1": "PP1", "2": "PP3", "3": "PP3", "4": "PP4", "5": "PP4", "6": "PP15"}
    pp1 = r.preamble[0]
    assert pp1.text[: pp1.notes[0].offset].endswith("on 25 June 1993,")
    assert r.preamble[-1].notes == (NoteRef(len(r.preamble[-1].text), "6"),)
    assert "encourages non\u2011governmental organizations" in r.operative[11].text
    assert r.vote is not None and (r.vote.meeting, r.vote.date) == (
        "69th plenary meeting",
        "18 December 2025",
    )


def test_80_207_by_hand(official: dict[str, Read]) -> None:
    r = official["A_RES_80_207"].resolution
    assert (r.header.symbol, r.header.number, r.header.title) == (
        "A/RES/80/207",
        "80/207",
        "The right to development",
    )
    assert (len(r.preamble), len(r.operative)) == (36, 51)
    op10 = r.operative[9]
    assert op10.text.endswith("take into account the need:")
    assert [s.label for s in op10.subparagraphs] == ["a", "b", "c", "d", "e"]
    assert op10.subparagraphs[0].text.startswith("To promote the democratization")
    leads = {p.label: p.lead for p in r.paragraphs}
    assert (leads["PP1"], leads["PP14"], leads["PP22"]) == (
        "Guided",
        "Deeply concerned",
        "Reiterating its continuing support",
    )
    assert (leads["OP13"], leads["OP33"], leads["OP51"]) == (
        "Takes note with appreciation",
        "Calls once again for",
        "Requests",
    )
    # The PDF prints "Rights,¹as well": no space after the mark, and the text keeps it so.
    assert r.preamble[1].text.startswith(
        "Recalling the Universal Declaration of Human Rights,as well as the International"
    )
    assert [n.mark for n in r.preamble[1].notes] == ["1", "2", "3"]
    assert len(r.footnotes) == 28
    notes = {f.mark: f.text for f in r.footnotes}
    assert (notes["6"], notes["12"], notes["21"], notes["28"]) == (
        "Resolution 70/1.",
        "A/HRC/60/40.",
        "A/80/206.",
        "Ibid., vol. 2349, No. 42146.",
    )
    attached = _attached(r)
    assert (attached["1"], attached["6"], attached["12"], attached["21"], attached["28"]) == (
        "PP2",
        "PP9",
        "OP1",
        "OP13",
        "OP44",
    )
    # Both hyphens print in one paragraph; neither is changed.
    pp21 = r.preamble[20].text
    assert "Non-Aligned Countries, held" in pp21 and "Non\u2011Aligned Countries stressed" in pp21
    assert r.vote is not None and r.vote.meeting == "69th plenary meeting"


def test_non_breaking_hyphens_kept(official: dict[str, Read]) -> None:
    def content(r: Resolution) -> str:
        return "".join(p.full_text for p in r.paragraphs)

    counts = {n: content(read.resolution).count("\u2011") for n, read in official.items()}
    assert counts == {n: official[n].text.count("\u2011") for n in ALL}
    assert (counts["A_RES_78_203"], counts["A_RES_80_204"], counts["A_RES_80_207"]) == (0, 5, 10)


def test_hyphens_at_line_ends_of_hyphenated_words_kept(official: dict[str, Read]) -> None:
    r = official["A_RES_78_199"].resolution
    assert "relations of good-neighbourliness, coexistence" in r.preamble[6].text
    assert "will mark the seventy-fifth anniversary" in r.preamble[15].text
    assert all(n.kind != "line-end hyphen" for read in official.values() for n in read.noise)


# -- conservation, furniture, italics -------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_every_character_accounted_for(official: dict[str, Read], name: str) -> None:
    read = official[name]
    r = parse_lines(read.lines, read.noise, source=name)
    verify_conservation(read.text, r)  # raises ConservationError when one is lost


@pytest.mark.parametrize("name", ALL)
def test_page_furniture_is_noise(official: dict[str, Read], name: str) -> None:
    r = official[name].resolution
    symbol, title = r.header.symbol or "", r.header.title or ""
    pages = max(int(m.group(1)) for n in r.noise if (m := re.match(r"\d+/(\d+)$", n.text)))
    kinds: dict[str, list[str]] = {}
    for n in r.noise:
        kinds.setdefault(n.kind, []).append(n.text)
    assert all(t == symbol or t in title for t in kinds["running head"])
    assert kinds["running head"].count(symbol) == pages - 1
    assert sorted(kinds["page number"]) == sorted(f"{k}/{pages}" for k in range(2, pages + 1))
    assert len(kinds["barcode"]) == 1 and kinds["barcode"][0].startswith("*")
    assert len(kinds["job number"]) == pages
    assert set(kinds["page rule"]) == {kinds["page rule"][0]} and set(kinds["page rule"][0]) == {
        "_"
    }
    marks = [n.mark for p in r.paragraphs for n in p.notes]
    assert sorted(kinds["note mark"]) == sorted(marks + [f.mark for f in r.footnotes])


def _italic_leads(read: Read) -> int:
    """Preambular and operative paragraphs whose lead is the italic span opening their line."""
    by_number = {ln.number: ln for ln in read.lines if ln.footnote is None and ln.text}
    count = 0
    for p in read.resolution.preamble + read.resolution.operative:
        line = by_number[p.line]
        start = line.text.index(p.text)  # after the printed number, if any
        spans = [line.text[a:b].rstrip() for a, b in line.italic if a == start]
        count += spans == [p.lead]
    return count


def test_leads_come_from_italic_fonts(official: dict[str, Read]) -> None:
    figures = {
        name: (_italic_leads(read), len(read.resolution.preamble + read.resolution.operative))
        for name, read in official.items()
    }
    assert figures == {
        "A_RES_78_199": (33, 33),
        "A_RES_78_203": (91, 91),
        "A_RES_79_166": (32, 32),
        "A_RES_79_170": (91, 91),
        "A_RES_80_204": (32, 32),
        "A_RES_80_207": (87, 87),
    }


def test_italic_leads_that_differ_from_the_lexicon(official: dict[str, Read]) -> None:
    """Where the PDF sets more (or fewer) words italic than the lead lexicon has, the PDF wins."""
    differing = {
        (name, p.label, p.lead)
        for name, read in official.items()
        for p in read.resolution.preamble + read.resolution.operative
        if p.lead != find_lead(p.text, part=p.part.value)
    }
    assert differing == {
        (name, "PP1", "Reaffirming its commitment")
        for name in ("A_RES_78_199", "A_RES_79_166", "A_RES_80_204")
    } | {
        ("A_RES_78_203", "PP25", "Reiterating its continuing support"),
        ("A_RES_79_170", "PP24", "Reiterating its continuing support"),
        ("A_RES_80_207", "PP22", "Reiterating its continuing support"),
        ("A_RES_78_203", "OP44", "Stresses its commitment"),
        ("A_RES_79_170", "OP44", "Stresses its commitment"),
        ("A_RES_80_207", "OP42", "Stresses its commitment"),
    } | {(name, "PP1", "Guided") for name in ("A_RES_78_203", "A_RES_79_170", "A_RES_80_207")}


# -- drafts printed by LibreOffice -------------------------------------------------------------


def _shape(r: Resolution) -> list[tuple[object, ...]]:
    return [(p.part, p.number, p.lead, p.text, p.notes, p.subparagraphs) for p in r.paragraphs]


@pytest.mark.parametrize("name", MAKE.DRAFTS)
def test_draft_pdf_reads_as_its_word_source(name: str) -> None:
    """A draft printed to PDF (no spacing, no indents, hanging numbers, a vote table) gives
    the paragraphs, footnotes and vote of the Word file it was printed from."""
    pdf = redline.parse(HERE / "fixtures" / f"{name}.pdf")
    docx = redline.parse(ROOT / "tests" / "fixtures" / "docx" / f"{name}.docx")
    assert _shape(pdf) == _shape(docx)
    assert (pdf.formula, pdf.footnotes) == (docx.formula, docx.footnotes)
    assert pdf.vote is not None and docx.vote is not None
    assert (pdf.vote.meeting, pdf.vote.date, pdf.vote.in_favour, pdf.vote.against) == (
        docx.vote.meeting,
        docx.vote.date,
        docx.vote.in_favour,
        docx.vote.against,
    )
    assert (pdf.vote.abstaining, pdf.vote.yes, pdf.vote.no) == (
        docx.vote.abstaining,
        docx.vote.yes,
        docx.vote.no,
    )
    # A line break typed inside a Word paragraph prints as a line end, which a PDF cannot
    # tell from a paragraph end: the header lines so broken differ, nothing else.
    differing = {
        k for k, v in pdf.header.fields().items() if v != docx.header.fields()[k] and k != "symbol"
    }
    assert (
        differing
        == {
            "hrc-46-13": set(),
            "hrc-47-9": set(),  # "… Council on" / "12 July 2021": one record (read_header)
            "subparagraphs": {"adopted", "number", "title"},
        }[name]
    )
    assert pdf.warnings == ()


# -- layout rules on built pages -------------------------------------------------------------

_TOKEN = re.compile(r"\{(?P<i>[^}]+)\}|\^(?P<m>\S+)|(?P<t>[^{^]+)")


def _printed(
    x: float, y: float, markup: str, *, size: float = 10.0, right: float = 0
) -> list[Glyph]:
    """One printed line: {italic}, ^mark (raised, small); justified to `right` if given."""
    pieces = [
        (m.group("i") or m.group("m") or m.group("t"), m.lastgroup) for m in _TOKEN.finditer(markup)
    ]
    chars = sum(len(t) for t, kind in pieces if kind != "m")
    width = (right - x) / chars if right else 0.5 * size
    out: list[Glyph] = []
    for text, kind in pieces:
        for ch in text:
            if kind == "m":
                out.append(Glyph(ch, "Times-Roman", 6.5, x, x + 3.2, y + 4, y + 10.5))
                x += 3.2
                continue
            font = "Times-Italic" if kind == "i" else "Times-Roman"
            out.append(Glyph(ch, font, size, x, x + width, y, y + size))
            x += width
    return out


def _pages() -> list[PageGlyphs]:
    right = 491.0
    one = [
        *_printed(123, 740, "A/RES/1/1"),
        *_printed(123, 700, "1/1. Test resolution^*"),
        *_printed(147, 660, "The {General Assembly},"),
        *_printed(147, 642, "{Recalling} the good-", right=right),
        *_printed(123, 630, "neighbourliness of States and the cooperation of all,^1"),
        *_printed(147, 612, "{Noting} the co-", right=right),
        *_printed(123, 600, "operation of all States,"),
        *_printed(147, 582, "1. {Decides} to con\u00ad", right=right),
        *_printed(123, 570, "tinue the work;"),
        *_printed(147, 552, "2. {Requests} the non\u2011", right=right),
        *_printed(
            123, 540, "governmental organizations to report at the next session of the", right=right
        ),
        *_printed(100, 120, "__________", size=8),
        *_printed(117, 105, "^* Issued for testing.", size=8.5),
        *_printed(
            117, 94, "^1 Resolution 1/1, adopted by the Assembly in a session held at", size=8.5
        ),
        *_printed(65, 45, "99-12345 (E)"),
        *_printed(65, 33, "*9912345*"),
    ]
    two = [
        *_printed(60, 735, "A/RES/1/1", size=8.5),
        *_printed(420, 735, "Test resolution", size=8.5),
        *_printed(123, 700, "Assembly;"),
        *_printed(147, 682, "3. {Decides} to remain seized of the matter."),
        *_printed(400, 650, "99th plenary meeting"),
        *_printed(410, 638, "1 January 2030"),
        *_printed(100, 120, "__________", size=8),
        *_printed(123, 105, "Geneva.", size=8.5),
        *_printed(60, 35, "2/2", size=8.5),
        *_printed(520, 37, "99-12345", size=7),
    ]
    barcode = [
        Glyph(g.text, "Barcode 3 of 9", 12, g.x0, g.x1, g.y0, g.y1) if g.y0 == 33 else g
        for g in one
    ]
    return [
        PageGlyphs(1, 612, 792, tuple(barcode), ((727.0, 60.0, 552.0),)),
        PageGlyphs(2, 612, 792, tuple(two), ((727.0, 60.0, 552.0),)),
    ]


@pytest.fixture(scope="module")
def built() -> tuple[Resolution, list[Noise], str]:
    lines, noise, text, warnings, repairs = read_pages(_pages(), source="built.pdf")
    assert warnings == []
    return parse_lines(lines, noise, source="built.pdf", repairs=repairs), noise, text


def test_built_pages_structure(built: tuple[Resolution, list[Noise], str]) -> None:
    r, _, text = built
    verify_conservation(text, r)
    assert (r.header.symbol, r.header.number, r.header.title) == (
        "A/RES/1/1",
        "1/1",
        "Test resolution",
    )
    assert r.formula == "The General Assembly,"
    assert [(p.label, p.number, p.lead, p.text) for p in r.paragraphs] == [
        (
            "PP1",
            "",
            "Recalling",
            "Recalling the good-neighbourliness of States and the cooperation of all,",
        ),
        ("PP2", "", "Noting", "Noting the cooperation of all States,"),
        ("OP1", "1", "Decides", "Decides to continue the work;"),
        (
            "OP2",
            "2",
            "Requests",
            "Requests the non\u2011governmental organizations to report at the next session of "
            "the Assembly;",
        ),
        ("OP3", "3", "Decides", "Decides to remain seized of the matter."),
    ]
    assert r.preamble[0].notes == (NoteRef(len(r.preamble[0].text), "1"),)
    assert [(f.mark, f.text) for f in r.footnotes] == [
        ("*", "Issued for testing."),  # referred to from the title: placed after the formula
        ("1", "Resolution 1/1, adopted by the Assembly in a session held at Geneva."),
    ]
    assert r.vote is not None and (r.vote.meeting, r.vote.date) == (
        "99th plenary meeting",
        "1 January 2030",
    )


def test_built_pages_noise(built: tuple[Resolution, list[Noise], str]) -> None:
    _, noise, _ = built
    kinds = sorted((n.kind, n.text) for n in noise if n.kind != "note mark")
    assert kinds == [
        ("barcode", "*9912345*"),
        ("job number", "99-12345"),
        ("job number", "99-12345 (E)"),
        ("line-end hyphen", "-"),  # "co-operation": the document writes "cooperation"
        ("line-end hyphen", "\u00ad"),  # a soft hyphen
        ("page number", "2/2"),
        ("page rule", "__________"),
        ("page rule", "__________"),
        ("running head", "A/RES/1/1"),
        ("running head", "Test resolution"),
    ]
    assert sorted(n.text for n in noise if n.kind == "note mark") == ["*", "*", "1", "1"]


def test_built_pages_repairs(built: tuple[Resolution, list[Noise], str]) -> None:
    """What `_pages()` prints, repaired, each at its printed line (counted by hand: page 1's
    lines 1-16, the footnotes 13-14 and its foot 15-16; page 2's head 17-18, "Assembly;" 19,
    the record 21-22, its foot 25-26): four paragraphs printed on two lines each, one running
    on to page 2, the record's meeting and date one record, two footnotes placed at their
    marks (the title's star, PP1's 1; the note's "Geneva." on page 2 is no paragraph), and
    both pages' furniture."""
    r, _, _ = built
    assert [(x.kind, x.line) for x in r.repairs] == [
        (RepairKind.FOOTNOTE_MOVED, 2),  # "1/1. Test resolution*"
        (RepairKind.WRAPPED_LINE, 5),  # "neighbourliness of States…"
        (RepairKind.FOOTNOTE_MOVED, 5),  # "…cooperation of all,1"
        (RepairKind.WRAPPED_LINE, 7),  # "operation of all States,"
        (RepairKind.WRAPPED_LINE, 9),  # "tinue the work;"
        (RepairKind.WRAPPED_LINE, 11),  # "governmental organizations…"
        (RepairKind.RUNNING_HEAD, 15),  # page 1's foot
        (RepairKind.RUNNING_HEAD, 17),  # page 2's head and foot
        (RepairKind.PAGE_BREAK, 19),  # "Assembly;"
        (RepairKind.WRAPPED_LINE, 22),  # "1 January 2030"
    ]
    details = {(x.kind, x.line): x.detail for x in r.repairs}
    assert details[RepairKind.RUNNING_HEAD, 15] == "page 1: 99-12345 (E) | *9912345*"
    assert details[RepairKind.RUNNING_HEAD, 17] == (
        "page 2: A/RES/1/1 | Test resolution | 2/2 | 99-12345"
    )
    assert details[RepairKind.PAGE_BREAK, 19].endswith("next session of the | Assembly;…")
    assert details[RepairKind.FOOTNOTE_MOVED, 5].startswith("footnote 1 (printed at line 14)")
    assert "page break" in source_map(r) and "running head" in source_map(r)


def test_a_page_without_text_is_named() -> None:
    first, _ = _pages()
    scanned = PageGlyphs(2, 612, 792, (), (), images=1)
    lines, _, _, warnings, _ = read_pages([first, scanned], source="half-scanned.pdf")
    assert warnings == ["page 2 has no text layer (a scanned page?)"]
    assert any(ln.text.startswith("Recalling the good-neighbourliness") for ln in lines)


def test_text_pdf_through_pdfminer(tmp_path: Path) -> None:
    """A PDF written with the standard Times fonts: spaces from gaps, italics from the font."""
    path = tmp_path / "small.pdf"
    path.write_bytes(
        MAKE.text_pdf(
            [
                (123, 700, "R", "The General Assembly,"),
                (147, 682, "I", "Recalling"),
                (190, 682, "R", "its resolution 1/1,"),
                (147, 664, "R", "1."),
                (170, 664, "I", "Decides"),
                (206, 664, "R", "to remain seized of the matter."),
            ]
        )
    )
    r = redline.parse(path)
    assert [(p.label, p.lead, p.text) for p in r.paragraphs] == [
        ("PP1", "Recalling", "Recalling its resolution 1/1,"),
        ("OP1", "Decides", "Decides to remain seized of the matter."),
    ]


# -- errors ----------------------------------------------------------------------------------


def _error(path: Path) -> str:
    with pytest.raises(errors.DocumentError) as info:
        redline.parse(path)
    assert info.value.source == str(path)
    return str(info.value)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"PK\x03\x04 this is no PDF at all" * 20)
    assert _error(path) == f"{path}: not a PDF file (no %PDF- header)"


def test_truncated_pdf(tmp_path: Path, corpus: Path) -> None:
    data = (corpus / "pdf" / "A_RES_78_199.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    for cut in (len(data) // 2, len(data) - 2000, 100):
        path.write_bytes(data[:cut])
        message = _error(path)
        assert message.startswith(f"{path}: the PDF is damaged or truncated and cannot be read (")


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(MAKE.encrypted_pdf("secret", [(72, 700, "R", "The General Assembly,")]))
    assert _error(path) == (
        f"{path}: the PDF is encrypted and needs a password; save an unprotected copy "
        "(PDFPasswordIncorrect)"
    )


def test_scanned_pdf(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(MAKE.image_pdf())
    assert _error(path) == (
        f"{path}: the PDF has no text layer (scanned pages?); run OCR on it or use a text or "
        "Word version"
    )


def test_pdfminer_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path) -> None:
    for name in [m for m in sys.modules if m == "pdfminer" or m.startswith("pdfminer.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "pdfminer", None)
    path = corpus / "pdf" / "A_RES_78_199.pdf"
    assert _error(path) == f"{path}: reading PDF files needs pdfminer.six: install redline[pdf]"


def test_pdf_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import redline._api

    monkeypatch.setattr(redline._api, "MAX_PDF_BYTES", 1024 * 1024)
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024))
    with pytest.raises(
        errors.InputError, match=r"the file is 3 MB; the limit for a \.pdf file is 1 MB"
    ):
        redline.parse(path)


def test_cli_reads_pdfs_and_names_a_broken_one(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.docx"
    old, new = corpus / "pdf" / "A_RES_79_166.pdf", corpus / "pdf" / "A_RES_80_204.pdf"
    assert main([str(old), str(new), "-o", str(out), "--date", DATE]) == 0
    assert "paragraphs matched" in capsys.readouterr().out
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj\n<<")
    assert main([str(broken), str(new), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(broken) in err[0] and "damaged or truncated" in err[0]


# -- end to end through LibreOffice ---------------------------------------------------------


@pytest.mark.oracle
def test_pdf_redlines_accept_and_reject_exactly(corpus: Path, tmp_path: Path) -> None:
    """Two series pairs of adopted PDFs (MANIFEST: "GA: The right to development" 78/203 →
    79/170, "GA: Enhancement of international cooperation…" 79/166 → 80/204): Accept All
    gives the new text and Reject All the old one, in LibreOffice."""
    require_oracle()
    pairs = [("A_RES_78_203", "A_RES_79_170"), ("A_RES_79_166", "A_RES_80_204")]
    cases = []
    for old, new in pairs:
        comparison = redline.compare(corpus / "pdf" / f"{old}.pdf", corpus / "pdf" / f"{new}.pdf")
        assert comparison.old.structured and comparison.new.structured
        path = redline.write_docx(
            comparison, tmp_path / f"{old}-{new}.docx", author="Oracle", date=DATE
        )
        cases.append((comparison, path))
    report = run_oracle([path for _, path in cases])
    for comparison, path in cases:
        result = report[str(path)]
        for mode, side in (("accept", comparison.new), ("reject", comparison.old)):
            body, numbers, notes = expected_view(side, auto_numbers=comparison.auto_numbers)
            view = result[mode]
            assert view["body"] == body, f"{path.name} {mode}"
            assert view["numbers"] == numbers, f"{path.name} {mode}"
            assert view["footnotes"] == notes, f"{path.name} {mode}"
            assert view["remaining"] == 0, f"{path.name} {mode}"
        assert result["redlines"]["Insert"] > 0 and result["redlines"]["Delete"] > 0


def test_pdf_pair_matches_by_structure(corpus: Path) -> None:
    comparison = redline.compare(
        corpus / "pdf" / "A_RES_78_203.pdf", corpus / "pdf" / "A_RES_79_170.pdf"
    )
    kinds = {m.kind.value for m in comparison.matches}
    assert {"unchanged", "modified"} <= kinds
    parts = {
        (comparison.old.paragraphs[m.old[0]].part if m.old else None) for m in comparison.matches
    }
    assert Part.PREAMBLE in parts and Part.OPERATIVE in parts
