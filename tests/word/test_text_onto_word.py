"""A text against the drafter's Word file: the redline is their Word file (issue 12).

The old version often comes as text (pasted from a PDF, a web page or an e-mail) while the
new one is the drafter's .docx. The redline is then written onto the new file itself, the
old text standing in as the clean document redline writes for a text. LibreOffice (the
shared oracle, one start for the module) applies Accept All and Reject All:

- Accept All must read as the new .docx as LibreOffice reads it: every body paragraph
  (table cells included), footnotes, endnotes and the elements (tables, pictures, fields,
  links, shapes), exactly;
- Reject All must read as the old text, paragraph by paragraph, as written out in
  tests/expect.py from the parsed text's own fields (a number, whether Word's list label
  or typed, read in front of its paragraph).

The old texts are the old Word files' paragraphs as LibreOffice reads them, one per line
with a blank line between, as a drafter copies them out of a document; and the seed
46/13 as its PDF gave it.

The other way round, the old version the drafter's .docx and the new one a text (a
revision received as text), the redline is written onto the old file's styles, page
setup, headers and numbering, the new text laid out in them: Reject All must read as the
old .docx exactly, elements included; Accept All as the new text, paragraph by paragraph.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import redline
from expect import expected_view, oracle_view, read_as_paragraphs
from oracle import require_oracle, run_oracle

pytestmark = pytest.mark.oracle

HERE = Path(__file__).resolve().parent
ELEMENTS = HERE / "fixtures" / "elements"
SEEDS = HERE.parent.parent / "examples"
DATE = "2026-01-01T00:00:00Z"
CASES = [
    "table_cell_edited",
    "table_inserted",
    "table_row_deleted",
    "picture_inserted",
    "picture_unchanged",
    "endnote_edited",
    "footnote_edited",
    "hyperlink_unchanged",
    "field_unchanged",
    "line_break_kept",
    "heading_edited",
    "list_item_edited",
    "comment_kept",
    "section_break_kept",
]
"""Not textbox_edited: LibreOffice leaves a text box's content out of the body it reads, so
the old text has none and the box is inserted whole, which LibreOffice 7.4 reads with two
U+200B (see test_elements.py: textbox_inserted)."""
SIDES = ("old", "new")
STRUCTURE = ("tables", "graphics", "embedded", "shapes", "shape_texts", "fields", "hyperlinks")


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each case's inputs and redline (written as the command line does), with the oracle's
    report on all of them: "case" is old text -> new .docx, "case/back" old .docx -> new
    text (the new file's text)."""
    require_oracle()
    folder = tmp_path_factory.mktemp("text-onto-word")
    given = {(case, side): ELEMENTS / f"{case}.{side}.docx" for case in CASES for side in SIDES}
    read = run_oracle(list(given.values()), modes=("accept",))
    cases: dict[str, tuple[Path, Path, Path]] = {}
    for (case, side), docx in given.items():
        text = "\n\n".join(t for t in read[str(docx)]["accept"]["body"] if t.strip())
        (folder / f"{case}.{side}.txt").write_text(text + "\n", encoding="utf-8")
        shutil.copyfile(docx, folder / f"{case}.{side}.docx")
    for case in CASES:
        at = folder / case
        cases[case] = (at.with_suffix(".old.txt"), at.with_suffix(".new.docx"), at)
        back = folder / f"{case}-back"
        cases[f"{case}/back"] = (at.with_suffix(".old.docx"), at.with_suffix(".new.txt"), back)
    seed_new = folder / "hrc-47-9.docx"
    shutil.copyfile(HERE.parent / "fixtures" / "docx" / "hrc-47-9.docx", seed_new)
    cases["seeds"] = (SEEDS / "hrc-46-13.txt", seed_new, folder / "seeds")
    seed_old = folder / "hrc-46-13.docx"
    shutil.copyfile(HERE.parent / "fixtures" / "docx" / "hrc-46-13.docx", seed_old)
    cases["seeds/back"] = (seed_old, SEEDS / "hrc-47-9.md", folder / "seeds-back")
    comparisons = {}
    for case, (old, new, out) in list(cases.items()):
        out = out.with_suffix(".redline.docx")
        cases[case] = (old, new, out)
        c = redline.compare(old, new)
        redline.write_docx(c, out, date=DATE)  # onto the Word side, as read: no file named
        comparisons[case] = c
    files = sorted({p for trio in cases.values() for p in trio if p.suffix == ".docx"})
    return {"cases": cases, "comparisons": comparisons, "report": run_oracle(files)}


@pytest.mark.parametrize("case", [*CASES, "seeds"])
def test_accept_all_is_the_new_word_file(views: dict[str, Any], case: str) -> None:
    _old, new, out = views["cases"][case]
    written, given = views["report"][str(out)], views["report"][str(new)]
    assert not views["comparisons"][case].new.document.stand_in
    for key in ("body", "numbers", "footnotes", "endnotes"):
        assert written["accept"][key] == given["accept"][key], key
    for key in STRUCTURE:
        assert written["accept"]["structure"][key] == given["accept"]["structure"][key], key


@pytest.mark.parametrize("case", [*CASES, "seeds"])
def test_reject_all_is_the_old_text(views: dict[str, Any], case: str) -> None:
    _old, _new, out = views["cases"][case]
    c = views["comparisons"][case]
    boxes = [c.old.header.symbol] if c.old.header.symbol else []
    got = read_as_paragraphs(oracle_view(views["report"][str(out)], "reject"), text_boxes=boxes)
    want = read_as_paragraphs(expected_view(c.old, auto_numbers=False), text_boxes=boxes)
    assert got == want


def test_the_redline_is_written_onto_the_new_file(views: dict[str, Any]) -> None:
    """The new file's own parts are there (its styles, its relationships), and the picture
    the old text could not hold is an insertion, not a loss."""
    _old, new, out = views["cases"]["picture_inserted"]
    report = views["report"]
    assert report[str(out)]["reject"]["structure"]["graphics"] == 0
    assert report[str(out)]["accept"]["structure"]["graphics"] == 1
    assert report[str(new)]["accept"]["structure"]["graphics"] == 1


BACK = [f"{case}/back" for case in (*CASES, "seeds")]


@pytest.mark.parametrize("case", BACK)
def test_reject_all_is_the_old_word_file(views: dict[str, Any], case: str) -> None:
    old, _new, out = views["cases"][case]
    written, given = views["report"][str(out)], views["report"][str(old)]
    assert views["comparisons"][case].new.document.stand_in
    for key in ("body", "numbers", "footnotes", "endnotes"):
        assert written["reject"][key] == given["accept"][key], key
    for key in STRUCTURE:
        assert written["reject"]["structure"][key] == given["accept"]["structure"][key], key


@pytest.mark.parametrize("case", BACK)
def test_accept_all_is_the_new_text(views: dict[str, Any], case: str) -> None:
    _old, _new, out = views["cases"][case]
    c = views["comparisons"][case]
    boxes = [c.new.header.symbol] if c.new.header.symbol else []
    got = read_as_paragraphs(oracle_view(views["report"][str(out)], "accept"), text_boxes=boxes)
    want = read_as_paragraphs(expected_view(c.new, auto_numbers=False), text_boxes=boxes)
    assert got == want
