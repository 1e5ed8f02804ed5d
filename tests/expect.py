"""What accept-all and reject-all must show, computed from the parsed inputs alone.

The expectation is written out here from the Resolution's own fields, not taken from
`redline.lines` (the code the writer renders from), so a slip there cannot hide itself:
the header lines as the source gives them, the enacting formula, each paragraph's text
(an operative paragraph with its printed number and a tab, or a list label of Word's
automatic numbering when the comparison numbers automatically), each sub-paragraph as its
label, a tab and its text, then the lines of the adoption record. A footnote shows as its
number in reading order at its reference's offset, and its text goes to the footnotes.
The one mapping applied on top is the documented character mapping `xml_safe_text` (what
a character XML cannot hold becomes).

For Word inputs, `docx_view` gives the same three lists from LibreOffice's own reading of
an input file, so a redline of two .docx files can be held to what the inputs show.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redline.model import NoteRef, Part, Resolution
from redline.word import xml_safe_text

View = tuple[list[str], list[str], list[str]]
"""(body paragraphs, list labels, footnote texts), as the LibreOffice oracle reports them."""


def expected_view(r: Resolution, *, auto_numbers: bool) -> View:
    """(body paragraphs, list labels, footnote texts) of `r` as a word processor shows it."""
    body: list[str] = []
    numbers: list[str] = []
    notes: list[str] = []

    def show(text: str, refs: Sequence[NoteRef], *, prefix: str = "", label: str = "") -> None:
        cut = 0
        shown = prefix
        for ref in sorted(refs, key=lambda n: n.offset):  # stable: same offset, source order
            shown += text[cut : ref.offset] + str(len(notes) + 1)
            note = r.footnote(ref.mark)
            notes.append(xml_safe_text(note.text) if note else "")
            cut = ref.offset
        body.append(xml_safe_text(shown + text[cut:]))
        numbers.append(label)

    for line in r.header.lines:
        show(line.text, ())
    if r.formula:
        show(r.formula, ())
    counted = 0
    for p in r.paragraphs:
        prefix = label = ""
        if p.part is Part.OPERATIVE and auto_numbers:
            counted += 1
            label = f"{counted}."
        elif p.part is Part.OPERATIVE and p.number:
            prefix = f"{p.number}.\t"
        show(p.text, p.notes, prefix=prefix, label=label)
        for s in p.subparagraphs:
            show(s.text, s.notes, prefix=f"{s.label}\t")
    for line in r.vote.lines if r.vote else ():
        show(line, ())
    return body, numbers, notes


def oracle_view(report: dict[str, Any], mode: str) -> View:
    """The (body, list labels, footnotes) LibreOffice reported for one file in `mode`."""
    shown = report[mode]
    return list(shown["body"]), list(shown["numbers"]), list(shown["footnotes"])


def read_as_paragraphs(view: View, *, text_boxes: Sequence[str] = ()) -> View:
    """A view as a reader compares two documents: each non-empty body paragraph with its list
    label in front and its white space (line breaks, tabs) run together, and the footnotes.

    `text_boxes` are lines a source holds in a text box (the symbol at the top of a UN
    document), which LibreOffice leaves out of the body and the redline writes as a line of
    its own: each is taken out once where it stands as a whole paragraph.
    """
    body, numbers, notes = view
    shown = [" ".join(f"{n} {t}".split()) for t, n in zip(body, numbers, strict=True) if t.strip()]
    for line in text_boxes:
        if line in shown:
            shown.remove(line)
    return shown, [], [" ".join(t.split()) for t in notes]


def against_inputs(
    comparison: Any, report: dict[str, dict[str, Any]], *, redline: Path, old: Path, new: Path
) -> dict[str, tuple[View, View]]:
    """Accept All of `redline` against LibreOffice's own reading of the new input, Reject All
    against the old one's, for each side that is a Word document: {mode: (redline, input)},
    both `read_as_paragraphs` with the side's header symbol allowed as a text box.

    `report` is the oracle's report on the redline and the inputs (one LibreOffice start).
    """
    pairs = {}
    for mode, path, side in (("accept", new, comparison.new), ("reject", old, comparison.old)):
        if path.suffix != ".docx":
            continue
        boxes = [side.header.symbol] if side.header.symbol else []
        written = read_as_paragraphs(oracle_view(report[str(redline)], mode), text_boxes=boxes)
        given = read_as_paragraphs(oracle_view(report[str(path)], "accept"), text_boxes=boxes)
        pairs[mode] = (written, given)
    return pairs
