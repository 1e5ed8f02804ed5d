"""How a resolution reads as a sequence of lines: the paragraphs a word processor shows.

The redline writer renders these lines, and the tests compute from them, straight from the
parsed inputs, what accept-all and reject-all must give. Keeping both on one definition is
what makes "accept-all gives the new text" a checkable statement.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from .model import NoteRef, Paragraph, Part, Resolution


class Style(enum.Enum):
    """The look of a line, named after what it is in a resolution."""

    HEADER = "header"
    TITLE = "title"
    FORMULA = "formula"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    ANNEX = "annex"
    PLAIN = "plain"
    VOTE = "vote"


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of the written document.

    `numbered` lines get their operative number from Word's automatic numbering, so the
    number is not part of `text`; `italic` spans and footnote `notes` are offsets in `text`.
    """

    style: Style
    text: str
    italic: tuple[tuple[int, int], ...] = ()
    notes: tuple[NoteRef, ...] = ()
    numbered: bool = False


_PART_STYLE = {
    Part.PREAMBLE._name_: Style.PREAMBLE,
    Part.OPERATIVE._name_: Style.OPERATIVE,
    Part.ANNEX._name_: Style.ANNEX,
    Part.PLAIN._name_: Style.PLAIN,
}
"""Each part's style, by the part's name: a str hashes in C, an enum member in Python."""


def sequential(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether operative numbers run 1, 2, 3… so Word's numbering can show them."""
    ops = [p for p in paragraphs if p.part is Part.OPERATIVE]
    return all(p.number == str(k) for k, p in enumerate(ops, 1))


def paragraph_lines(p: Paragraph, *, auto_numbers: bool) -> tuple[Line, ...]:
    """The lines of one paragraph: its text, then one per sub-paragraph."""
    text, shift = p.text, 0
    part = p.part
    numbered = part is Part.OPERATIVE and auto_numbers
    if part is Part.OPERATIVE and not auto_numbers and p.number:
        prefix = f"{p.number}.\t"
        text, shift = prefix + text, len(prefix)
    if p.italic is not None:  # the source's own italics
        italic = tuple((a + shift, b + shift) for a, b in p.italic) if p.italic else ()
    else:  # the lead, italic by convention
        italic = ((shift, shift + len(p.lead)),) if p.lead else ()
    notes = tuple(NoteRef(n.offset + shift, n.mark) for n in p.notes) if p.notes else ()
    lines = [Line(_PART_STYLE[part._name_], text, italic, notes, numbered)]
    if not p.subparagraphs:
        return (lines[0],)
    for s in p.subparagraphs:
        prefix = f"{s.label}\t"
        lines.append(
            Line(
                Style.SUBPARAGRAPH,
                prefix + s.text,
                (),
                tuple(NoteRef(n.offset + len(prefix), n.mark) for n in s.notes) if s.notes else (),
            )
        )
    return tuple(lines)


def header_lines(r: Resolution) -> tuple[Line, ...]:
    """The header as it stands in the source, then the enacting formula."""
    lines = [
        Line(Style.TITLE if h.field == "title" else Style.HEADER, h.text) for h in r.header.lines
    ]
    if r.formula:
        lines.append(Line(Style.FORMULA, r.formula, ((0, len(r.formula)),)))
    return tuple(lines)


def vote_lines(r: Resolution) -> tuple[Line, ...]:
    return tuple(Line(Style.VOTE, t) for t in r.vote.lines) if r.vote else ()


def document_lines(r: Resolution, *, auto_numbers: bool) -> tuple[Line, ...]:
    """Every line of the document in order, as accept-all (new) or reject-all (old) shows it."""
    lines = list(header_lines(r))
    for p in r.paragraphs:
        lines += paragraph_lines(p, auto_numbers=auto_numbers)
    lines += vote_lines(r)
    return tuple(lines)


def reading(r: Resolution, *, auto_numbers: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a reader of the document sees: each line's text with its footnotes' numbers at
    their references (numbered in reading order, as a word processor shows them), and the
    footnotes' texts in that order. The writer's output must read so (accept-all for the new
    text, reject-all for the old), after the characters XML cannot hold are mapped."""
    body: list[str] = []
    notes: list[str] = []
    for line in document_lines(r, auto_numbers=auto_numbers):
        if not line.notes:  # (most lines: the text as it is)
            body.append(line.text)
            continue
        pieces: list[str] = []
        pos = 0
        for ref in sorted(line.notes, key=lambda n: n.offset):
            pieces += (line.text[pos : ref.offset], str(len(notes) + 1))
            note = r.footnote(ref.mark)
            notes.append(note.text if note else "")
            pos = ref.offset
        pieces.append(line.text[pos:])
        body.append("".join(pieces))
    return tuple(body), tuple(notes)
