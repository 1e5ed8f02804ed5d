"""Footnote marks in extracted text: "rights,1 for" read as a reference to footnote 1.

Text pulled from a PDF prints a raised mark as a plain digit, glued to the word or sign it
follows ("1993,1 for", "tenth4 and", "Development”5") or set apart by spaces ("2000, 2  its").
A page's footnotes are printed at its foot, in order, so each note's mark is looked for in
that page's body, after the mark before it: glued first (an ordinary number is never
glued to a word), else set apart after a closing sign. A mark found is taken out of the
text (noise "note mark") and becomes a `NoteRef` at the place it stood, so the paragraph
reads as the PDF shows it and the footnote travels with it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..model import Noise, NoteRef, Repair, RepairKind
from ._line import SourceLine
from ._pages import Pages

__all__ = ["attach_loose_marks", "attach_marks"]

_AFTER_GLUED = ',;:”’")]'
_AFTER_SPACED = ',;:”’")'
_BEFORE_NUMBERS = (
    "resolution resolutions paragraph paragraphs article articles goal goals "
    "target targets item items annex chapter chap section session principle principles rule "
    "rules no vol para of to from and or at by than over about some the in on nearly almost "
    "january february march april may june july august september october november december "
    "page pages part parts sect table figure volume number"
)
_NUMBERED = frozenset(_BEFORE_NUMBERS.split())
"""Words a number follows in running text: a digit set apart after them is no mark."""


def attach_marks(
    lines: list[SourceLine], notes: Sequence[SourceLine], pages: Pages, noise: list[Noise]
) -> list[Repair]:
    """Attach each page-foot footnote to its mark in the page's body; the repairs made."""
    repairs: list[Repair] = []
    ends = sorted([b for _, b in pages.heads] + [block[-1] for block in pages.note_lines if block])
    separators = sorted(pages.separators)
    numbers = [ln.number - 1 for ln in lines]  # in source order: a page is a slice
    position = (0, 0)  # the line (index into `lines`) and offset after the last mark found
    for note in notes:
        if not note.footnote or not note.footnote.isdigit():
            continue
        printed = note.number - 1
        below = bisect_left(separators, printed)
        separator = separators[below - 1] if below else -1
        at = bisect_left(ends, separator)
        start = ends[at - 1] if at else -1
        body = [
            k
            for k in range(bisect_right(numbers, start), bisect_left(numbers, separator))
            if lines[k].text.strip() and lines[k].footnote is None
        ]
        if body and lines[body[0]].number - 1 > start and body[0] > position[0]:
            position = (body[0], 0)
        found = _find(lines, [k for k in body if k >= position[0]], position, note.footnote)
        if found is not None:
            position = _attach(lines, found, note, noise, repairs)
    return repairs


def attach_loose_marks(lines: list[SourceLine], noise: list[Noise]) -> list[Repair]:
    """Attach footnotes defined with markup ("[^4]: …") but never referred to with it to the
    bare digits in the text before them ("Rights, 1 the", "79/7;1"), in order."""
    repairs: list[Repair] = []
    referenced = {n.mark for ln in lines for n in ln.notes}
    position = (0, 0)
    for at, note in enumerate(list(lines)):
        if not note.footnote or not note.footnote.isdigit() or note.footnote in referenced:
            continue
        body = [
            k for k in range(position[0], at) if lines[k].text.strip() and lines[k].footnote is None
        ]
        found = _find(lines, body, position, note.footnote)
        if found is not None:
            position = _attach(lines, found, note, noise, repairs)
    return repairs


def _attach(
    lines: list[SourceLine],
    found: tuple[int, int, int, int],
    note: SourceLine,
    noise: list[Noise],
    repairs: list[Repair],
) -> tuple[int, int]:
    """Take the mark out of its line, put a reference there; where to look for the next."""
    k, a, b, ref = found
    line = lines[k]
    mark = note.footnote or ""
    noise.append(Noise(line.number, line.text[a : a + len(mark)], "note mark"))
    lines[k] = _cut(line, a, b, NoteRef(ref, mark))
    context = lines[k].text[max(ref - 30, 0) : ref].lstrip()
    repairs.append(
        Repair(
            RepairKind.FOOTNOTE_MOVED,
            line.number,
            f"footnote {mark} (printed at line {note.number}) after …{context}",
        )
    )
    return (k, ref)


def _find(
    lines: list[SourceLine], body: list[int], position: tuple[int, int], mark: str
) -> tuple[int, int, int, int] | None:
    """The first place of `mark` in the body lines, by how sure it is: glued to a word or
    sign, else set apart after a closing sign, else set apart after a word ("Declaration
    1  and"). (line index, start, end of what to cut, the reference's offset)."""
    pattern = re.compile(rf"{re.escape(mark)}(?!\d)")
    found: list[tuple[int, tuple[int, int, int, int]]] = []
    for k in body:
        text = lines[k].text
        offset = position[1] if k == position[0] else 0
        for m in pattern.finditer(text, offset):
            a, b = m.start(), m.end()
            tight = a > 0 and text[a - 1] in ",;" and text[b : b + 1].isalpha()  # "Rights,1as"
            if b < len(text) and not (text[b].isspace() or text[b] in ",;:.)" or tight):
                continue
            if _glued(text, a) or _after_year(text, a):
                return k, a, b, a
            rank = _spaced(text, a, b)
            if rank:
                e = b
                while e < len(text) and text[e].isspace():
                    e += 1
                w = a
                while w > 0 and text[w - 1].isspace():
                    w -= 1
                found.append((rank, (k, a, e if e < len(text) else b, w)))
    return min(found, key=lambda f: f[0])[1] if found else None


def _glued(text: str, a: int) -> bool:
    """A digit glued to a word or closing sign: "tenth4", "1993,1", "Development”5"."""
    if a == 0:
        return False
    before = text[a - 1]
    if before in _AFTER_GLUED:  # "resolution 77/164;15", "1993,1 for"; not an opening '"1'
        return a >= 2 and not text[a - 2].isspace()
    word = text[:a].split()[-1] if text[:a].split() else ""
    if "/" in word:
        return False
    if before.isalpha():
        return True
    if before == ".":  # "subject.7", not "Add.1" or "Sub.2"
        letters = re.search(r"([^\W\d_]+)\.$", text[:a])
        return letters is not None and letters.group(1).islower() and len(letters.group(1)) >= 4
    return False


def _after_year(text: str, a: int) -> bool:
    """A mark glued to a year: "10 July 20243 and" (note 3 after 2024)."""
    return bool(re.search(r"(?:^|[^\d/.\-])(?:19|20)\d\d$", text[:a]))


def _spaced(text: str, a: int, b: int) -> int:
    """A mark set apart by spaces: 1 after a closing sign ("2000, 2  its"), 2 after a word
    with two spaces or the line's end after it ("Declaration 1  and"), 3 after a word that
    does not call for a number ("reports 20 of"); 0 for none of these."""
    head = text[:a].rstrip()
    if len(head) == a or not head:
        return 0
    if head[-1] in _AFTER_SPACED:
        return 1
    word = head.split()[-1]
    if re.search(r"(?<!\d)(?:19|20)\d\d$", word):  # "22 April 1998 12 on", "2015–2030 19 by"
        return 2
    if not word[-1:].isalpha() or word.lower() in _NUMBERED:
        return 0
    return 2 if text[b : b + 2] == "  " or not text[b:].strip() else 3


def _cut(line: SourceLine, a: int, b: int, ref: NoteRef) -> SourceLine:
    """The line without text[a:b], its spans and references moved, and the new reference."""
    n = b - a

    def moved(x: int) -> int:
        return x if x <= a else max(x - n, a)

    out = SourceLine(
        line.number,
        line.text[:a] + line.text[b:],
        [(moved(x), moved(y)) for x, y in line.italic if moved(x) < moved(y)],
        line.bold,
        sorted(
            [*(NoteRef(moved(r.offset), r.mark) for r in line.notes), ref], key=lambda r: r.offset
        ),
        line.footnote,
        line.rule,
        line.page_break,
    )
    return out
