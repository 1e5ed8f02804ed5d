"""Real texts as they come: raw text pulled from official PDFs, and the Universal Declaration.

The expected values are read from the corpus itself, never from the parser: paragraph
counts from the structured/ version of the same resolution (its conventions: the formula
counted as preambular, sub-paragraphs as separate elements), running heads from the page
numbers printed in the raw text, the Declaration's paragraphs from its source lines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import redline
from redline.model import Kind, RepairKind, Resolution

# Chosen to cover: footnote marks glued to years and to signs (79/166), a page cut after a
# comma before a number (78/219), a sub-paragraph alone on its line across a page (79/171),
# a long resolution with sub-paragraphs (78/203), the adopted PDF's U+2011 (80/207 has no
# structured/ version, so it is only read), and one with no footnote at all (78/137).
CASES = ("A_RES_79_166", "A_RES_78_219", "A_RES_79_171", "A_RES_78_203", "A_RES_78_137")


def _raw(shared: Path, name: str) -> str:
    data = json.loads((shared / "corpus" / "pdf-text" / f"{name}.json").read_text("utf-8"))
    return str(data["text"])


def _gold_counts(shared: Path, name: str) -> tuple[int, int]:
    """(preambular, operative) elements of structured/, as the corpus labels them."""
    path = shared / "corpus" / "structured" / f"{name}.json"
    elements = json.loads(path.read_text("utf-8"))
    kinds = [e.get("paragraph_type") for e in elements if e.get("type") == "paragraph"]
    return kinds.count("preambular"), kinds.count("operative")


def _counts(r: Resolution) -> tuple[int, int]:
    """The parse under structured/'s conventions: the formula as preambular, sub-paragraphs
    as elements of their own."""
    pre = (1 if r.formula else 0) + sum(1 + len(p.subparagraphs) for p in r.preamble)
    ops = sum(1 + len(p.subparagraphs) for p in r.operative)
    return pre, ops


@pytest.mark.parametrize("name", CASES)
def test_pdf_text_has_the_structured_counts(shared_dir: Path, name: str) -> None:
    r = redline.parse(_raw(shared_dir, name))
    assert _counts(r) == _gold_counts(shared_dir, name)
    assert not any("no lead recognised" in w for w in r.warnings), r.warnings


@pytest.mark.parametrize("name", CASES)
def test_pdf_text_furniture_goes_to_noise(shared_dir: Path, name: str) -> None:
    """Each page after the first prints a page number "n/N": one running head per page
    break is dropped, and no page furniture is left in a paragraph."""
    raw = _raw(shared_dir, name)
    pages = len(re.findall(r"(?m)^\s*\d{1,2}/\d{1,2}\s*$", raw))
    r = redline.parse(raw)
    heads = [x for x in r.repairs if x.kind is RepairKind.RUNNING_HEAD]
    assert len(heads) == pages
    for p in r.paragraphs:
        assert not p.text.startswith("A/RES/"), p.text
        assert not re.search(r"\b\d{2}-\d{5}\b|__{3,}|\b\d{1,2}/\d{1,2}\s*$", p.text), p.text


def test_footnotes_attached_to_their_marks(shared_dir: Path) -> None:
    """79/166: the six footnotes printed at the pages' feet go to the words they follow."""
    r = redline.parse(_raw(shared_dir, "A_RES_79_166"))
    assert [f.mark for f in r.footnotes] == ["1", "2", "3", "4", "5", "6"]
    # what the raw text prints before each mark: "1993,1 for", "2000, 2  its", "20243 and",
    # "tenth4 and", "twentieth5 anniversaries", "session,6"
    before = {
        "1": ("PP1", "on 25 June 1993,"),
        "2": ("PP3", "8 September 2000,"),
        "3": ("PP3", "56/2 of 10 July 2024"),
        "4": ("PP4", "to commemorate the tenth"),
        "5": ("PP4", "the tenth and twentieth"),
        "6": ("PP15", "at its fifty-second session,"),
    }
    found = {n.mark: (p.label, p.text[: n.offset]) for p in r.paragraphs for n in p.notes}
    assert set(found) == set(before)
    for mark, (label, tail) in before.items():
        assert found[mark][0] == label and found[mark][1].endswith(tail), (mark, found[mark])
    assert not any("footnote" in w for w in r.warnings), r.warnings
    moved = [x for x in r.repairs if x.kind is RepairKind.FOOTNOTE_MOVED]
    assert len(moved) == 6


def test_page_cut_paragraph_rejoined(shared_dir: Path) -> None:
    """79/166 PP4 runs from page 1 ("…held in Geneva from 20 to") to page 2 ("24 April
    2009…") past three footnotes and a running head."""
    r = redline.parse(_raw(shared_dir, "A_RES_79_166"))
    assert "held in Geneva from 20 to 24 April 2009, and the political" in r.preamble[3].text


@pytest.mark.parametrize("name", ["A_RES_79_166", "A_RES_78_203"])
def test_pdf_text_against_the_pdf_changes_nothing(shared_dir: Path, name: str) -> None:
    """The raw text and the official PDF of one resolution: every paragraph unchanged."""
    pytest.importorskip("pdfminer")
    pdf = shared_dir / "corpus" / "pdf" / f"{name}.pdf"
    c = redline.compare(_raw(shared_dir, name), pdf)
    assert [m.kind for m in c.matches] == [Kind.UNCHANGED] * len(c.matches)
    assert c.old.footnotes == c.new.footnotes


# -- the Universal Declaration as the corpus holds it ------------------------------------------


def _udhr(shared: Path, code: str) -> list[str]:
    return (
        (shared / "corpus" / "multilingual" / "udhr" / f"udhr_{code}.txt")
        .read_text("utf-8")
        .splitlines()
    )


def _pieces(r: Resolution) -> list[str]:
    """Every paragraph and header line of a parse, as texts."""
    return [h.text for h in r.header.lines] + [p.text for p in r.paragraphs]


def test_english_declaration_keeps_its_whereas_lines_apart(shared_dir: Path) -> None:
    lines = [ln.strip() for ln in _udhr(shared_dir, "eng") if ln.strip().startswith("Whereas")]
    assert len(lines) == 7
    r = redline.parse(shared_dir / "corpus" / "multilingual" / "udhr" / "udhr_eng.txt")
    pieces = _pieces(r)
    for line in lines:
        assert line in pieces


def test_russian_declaration_keeps_its_preamble(shared_dir: Path) -> None:
    """Its preambular paragraphs open in small letters ("принимая во внимание, что…") and end
    "; и": each stays its own (they stand before the enacting formula, so in the header)."""
    lines = [
        ln.strip()
        for ln in _udhr(shared_dir, "rus")
        if ln.strip().lower().startswith("принимая во внимание")
    ]
    assert len(lines) == 7
    r = redline.parse(shared_dir / "corpus" / "multilingual" / "udhr" / "udhr_rus.txt")
    pieces = _pieces(r)
    for line in lines:
        assert line in pieces


def test_pdf_text_against_markdown_changes_nothing(shared_dir: Path) -> None:
    """80/4 as raw PDF text and as the corpus's Markdown (bare footnote digits, a running
    title left in the text, soft-wrapped lines): every paragraph unchanged."""
    md = shared_dir / "corpus" / "markdown" / "A_RES_80_4.md"
    c = redline.compare(_raw(shared_dir, "A_RES_80_4"), md)
    assert c.matches and [m.kind for m in c.matches] == [Kind.UNCHANGED] * len(c.matches)


def test_report_counts_the_repairs(shared_dir: Path) -> None:
    """The JSON report says per side what reading it repaired: the raw text by the text
    rule, the PDF by its layout (the same footnotes and page cuts; one running head more,
    the first page's foot, job number and barcode, that the text prints apart from any
    page break)."""
    pytest.importorskip("pdfminer")
    raw = _raw(shared_dir, "A_RES_79_166")
    pages = len(re.findall(r"(?m)^\s*\d{1,2}/\d{1,2}\s*$", raw))
    c = redline.compare(raw, shared_dir / "corpus" / "pdf" / "A_RES_79_166.pdf")
    data = redline.report(c)
    assert data["old"]["repairs"]["running head"] == pages == 3
    assert data["old"]["repairs"]["footnote moved"] == len(c.old.footnotes) == 6
    assert data["old"]["repairs"]["page break"] >= 1
    # pages 2 and 4 of the PDF open with a paragraph cut by the page before (pdftotext)
    assert data["new"]["repairs"]["page break"] == 2
    assert data["new"]["repairs"]["footnote moved"] == 6
    assert data["new"]["repairs"]["running head"] == pages + 1
    assert data["repaired"].startswith("repaired old: ")
    assert "3 running heads dropped; new: 2 joined across a page break" in data["repaired"]
