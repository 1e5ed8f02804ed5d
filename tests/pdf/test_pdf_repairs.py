"""What reading an official PDF repaired, counted against the PDF as printed.

Every expected figure below was read by hand off `pdftotext -layout -f N -l N` of each page
(poppler, not redline) and `pdfinfo`, never from the reader:

- **running heads**: each page drops its furniture, so one repair per page (`pdfinfo`'s page
  count): the first page its job number and barcode, every other page its head (symbol and
  title) and foot (job number, page number "n/N");
- **footnotes**: the marks printed under each page's separator;
- **page breaks**: the pages whose first body line goes on with the paragraph of the page
  before (printed at the text margin, not indented as a paragraph's first line is);
- **wrapped lines** (79/166): the body's lines printed at the text margin — every line of a
  paragraph after its first — less those opening a page (page breaks), plus the adoption
  record, printed on two lines ("53rd plenary meeting" / "17 December 2024") and read as one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import redline
from redline.cli import main
from redline.model import RepairKind, Resolution

pytest.importorskip("pdfminer")

# Page by page, the footnote marks printed under the separator.
NOTES_79_166 = (("1", "2", "3"), ("4", "5", "6"), (), ())
NOTES_78_203 = (
    ("1", "2", "3"),
    ("4", "5", "6", "7", "8", "9", "10"),
    ("11", "12", "13"),
    ("14",),
    ("15", "16"),
    ("17", "18", "19", "20", "21", "22", "23"),
    ("24", "25"),
    (),
    (),
    ("26", "27", "28", "29", "30"),
    ("31", "32"),
    (),
)
# Each page's first body line: paragraphs cut by the page break before it.
CUT_79_166 = {2: "24 April 2009, and the political", 4: "compounded global crises, such as"}
CUT_78_203 = {
    3: "of poverty and inequity on Indi",
    4: "right to development by the re",
    6: "resolution 1998/72 and the Hum",
    7: "cooperation for the realization",
    8: "development, recognizing that the r",
    9: "international levels, including in",
    10: "avoidance of new forms of prot",
    11: "development and the implementat",
    12: "development and financial instituti",
}  # pages 2 ("Reaffirming that…") and 5 ("Recognizing also…") open with a paragraph
# 79/166's body lines at the text margin, page by page (pdftotext -layout columns 16, 19,
# 17, 15): the continuation lines of its paragraphs, pages 2 and 4 opening with one.
MARGIN_LINES_79_166 = (13, 31, 36, 14)


def _pdf(corpus: Path, name: str) -> Path:
    return corpus / "pdf" / f"{name}.pdf"


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> dict[str, Resolution]:
    return {name: redline.parse(_pdf(corpus, name)) for name in ("A_RES_79_166", "A_RES_78_203")}


def _of(r: Resolution, kind: RepairKind) -> list[str]:
    return [x.detail for x in r.repairs if x.kind is kind]


@pytest.mark.parametrize(
    ("name", "pages", "symbol"),
    [("A_RES_79_166", 4, "A/RES/79/166"), ("A_RES_78_203", 12, "A/RES/78/203")],
)
def test_one_running_head_per_page(
    parsed: dict[str, Resolution], name: str, pages: int, symbol: str
) -> None:
    heads = _of(parsed[name], RepairKind.RUNNING_HEAD)
    assert [h.split(":")[0] for h in heads] == [f"page {k}" for k in range(1, pages + 1)]
    assert re.fullmatch(r"page 1: \d\d-\d{5} \(E\)( \d{6})? \| \*\d{7}\*", heads[0]), heads[0]
    for k, head in enumerate(heads[1:], 2):
        assert f" {k}/{pages}" in head and symbol in head, head


@pytest.mark.parametrize(
    ("name", "notes"), [("A_RES_79_166", NOTES_79_166), ("A_RES_78_203", NOTES_78_203)]
)
def test_each_footnote_placed_at_its_mark(
    parsed: dict[str, Resolution], name: str, notes: tuple[tuple[str, ...], ...]
) -> None:
    moved = _of(parsed[name], RepairKind.FOOTNOTE_MOVED)
    marks = [m.group(1) for d in moved if (m := re.match(r"footnote (\S+) ", d))]
    assert marks == [mark for page in notes for mark in page]


def test_79_166_footnotes_follow_the_words_printed_before_their_marks(
    parsed: dict[str, Resolution],
) -> None:
    """pdftotext prints the marks after "on 25 June 1993, 1", "8 September 2000, 2", "10 July
    2024 3", "the tenth 4", "and twentieth 5", "fifty-second session, 6"."""
    moved = _of(parsed["A_RES_79_166"], RepairKind.FOOTNOTE_MOVED)
    before = ("25 June 1993,", "8 September 2000,", "10 July 2024", "the tenth", "and twentieth")
    for detail, words in zip(moved, (*before, "fifty-second session,")):
        assert detail.endswith(words), detail


@pytest.mark.parametrize(
    ("name", "cut"), [("A_RES_79_166", CUT_79_166), ("A_RES_78_203", CUT_78_203)]
)
def test_paragraphs_cut_by_a_page_joined(
    parsed: dict[str, Resolution], name: str, cut: dict[int, str]
) -> None:
    joins = _of(parsed[name], RepairKind.PAGE_BREAK)
    assert [int(d.split(":")[0].removeprefix("page ")) for d in joins] == sorted(cut)
    for detail, start in zip(joins, (cut[k] for k in sorted(cut))):
        assert detail.split(" | ")[1].startswith(start[:25]), detail


def test_79_166_every_continuation_line_is_a_wrapped_line(parsed: dict[str, Resolution]) -> None:
    """Below the enacting formula (the header's lines aside): 94 margin lines, 2 of them
    opening pages 2 and 4, and the record's second line."""
    r = parsed["A_RES_79_166"]
    formula = next(p.line for p in r.paragraphs) - 1  # the formula's printed line
    wrapped = [x for x in r.repairs if x.kind is RepairKind.WRAPPED_LINE and x.line > formula]
    assert len(wrapped) == sum(MARGIN_LINES_79_166) - len(CUT_79_166) + 1


def test_report_and_cli_count_a_pdfs_repairs(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """79/166's PDF against 78/203's: the JSON report's counts and the command line's line
    (the wrapped lines of 79/166's body at least: its header's are on top)."""
    old, new = _pdf(corpus, "A_RES_79_166"), _pdf(corpus, "A_RES_78_203")
    data = redline.report(redline.compare(old, new))
    for side, pages, notes, cut in (
        ("old", 4, NOTES_79_166, CUT_79_166),
        ("new", 12, NOTES_78_203, CUT_78_203),
    ):
        counts = data[side]["repairs"]
        assert counts["running head"] == pages
        assert counts["footnote moved"] == sum(len(page) for page in notes)
        assert counts["page break"] == len(cut)
    body = sum(MARGIN_LINES_79_166) - len(CUT_79_166) + 1
    assert data["old"]["repairs"]["wrapped line"] >= body
    assert main([str(old), str(new)]) == 0
    said = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("repaired ")]
    assert said == [data["repaired"]]
    assert re.fullmatch(
        r"repaired old: 2 joined across a page break, \d+ wrapped lines joined, 6 footnotes "
        r"moved to their marks, 4 running heads dropped; new: 9 joined across a page break, "
        r"\d+ wrapped lines joined, 32 footnotes moved to their marks, 12 running heads dropped",
        data["repaired"],
    ), data["repaired"]
