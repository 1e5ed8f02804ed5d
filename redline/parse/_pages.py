"""Pages in text extracted from a PDF: running heads, footnote blocks and page breaks found.

A PDF-to-text tool keeps what the PDF reader sets aside by position: each page after the
first opens (or ends) with its running head — the document symbol, the title's lines, the
job number and the page number "2/4" — and the footnotes printed at a page's foot stand,
under a separator line, between the last body line of one page and the first of the next.
This module finds them in the lines alone, so the text reads like the PDF:

- a **running head** is a cluster of page numbers, job numbers, barcodes and symbol lines
  (blank lines between), around a page number; the title's lines next to the symbol belong
  to it when they are the masthead's title again (what a running head repeats);
- a **footnote block** opens with a separator (a line of underscores) and holds lines that
  open with a mark ("1  A/CONF.157/24…", "* On behalf of…") and their continuation lines;
  the first lines may continue the note of the page before. A blank line followed by a
  line without a mark ends the block;
- a **page break** lies where a footnote block or a running head stands between body lines.

Nothing here removes text: it says which raw lines are what, and the caller keeps every
character as noise or content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ._patterns import SYMBOL, furniture

__all__ = ["NOTE_LINE", "Pages", "read_pages"]

SEPARATOR = re.compile(r"^\s*_{5,}\s*$")
NOTE_LINE = re.compile(r"^\s*(?P<mark>\d{1,3}|\*{1,3})\s+(?P<text>\S.*)$")
"""A line opening a footnote at a page's foot: its mark, then the note's text."""
_TITLE = re.compile(r"^\s*\d{1,3}/\d{1,4}\.\s+(?P<title>\S.*)$")  # "80/4. Necessity of…"
_SYMBOL_ONLY = re.compile(rf"^\s*{SYMBOL}\s*$")
_TITLE_LINES = 6  # a running title is at most this many lines
_MASTHEAD = 60  # the first page's masthead, where the title is printed in full, is this high


@dataclass(slots=True)
class Pages:
    """What the raw lines of an extracted text are, by index (0-based)."""

    furniture: dict[int, str] = field(default_factory=dict)  # index -> noise kind
    heads: list[tuple[int, int]] = field(default_factory=list)  # running heads: first, last
    notes: dict[int, str] = field(default_factory=dict)  # a note's first line -> its mark
    note_lines: list[list[int]] = field(default_factory=list)  # each page's footnote lines
    separators: set[int] = field(default_factory=set)
    breaks: set[int] = field(default_factory=set)  # first index of each page's furniture
    note_set: set[int] = field(default_factory=set)  # every footnote line, for look-ups

    def footnote_line(self, i: int) -> bool:
        return i in self.note_set


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def read_pages(raw: Sequence[str]) -> Pages:
    """Sort the lines of an extracted text into running heads, footnote blocks and body."""
    pages = Pages()
    kinds = [furniture(line) if line else None for line in raw]  # ("" is no furniture)
    anchors = [i for i, k in enumerate(kinds) if k == "page number"]
    separated = [i for i, ln in enumerate(raw) if ln and SEPARATOR.match(ln)]
    ends = [_MASTHEAD, *anchors[:1], *separated]
    # the first page, its footnotes left out (only a running head is compared with it)
    masthead = _fold(" ".join(raw[: min(ends)])) if anchors else ""
    for i, kind in enumerate(kinds):
        if kind:
            pages.furniture[i] = kind
    for anchor in anchors:
        first, last = _widened(raw, *_cluster(raw, kinds, anchor), masthead)
        for j in range(first, last + 1):
            if raw[j].strip() and j not in pages.furniture:
                pages.furniture[j] = "running head"
        pages.heads.append((first, last))
        pages.breaks.add(first)
    _repeated_titles(raw, pages)
    starts = sorted(first for first, _ in pages.heads)
    for i in separated:
        if not any(a <= i <= b for a, b in pages.heads):
            block = _note_block(raw, i, next((s for s in starts if s > i), len(raw)))
            if block:
                pages.separators.add(i)
                pages.breaks.add(i)
                pages.note_lines.append(block)
                pages.note_set.update(block)
                for j in block:
                    m = NOTE_LINE.match(raw[j])
                    if m and _opens_note(raw, j, block[0], m.group("mark"), pages.notes):
                        pages.notes[j] = m.group("mark")
    return pages


def _repeated_titles(raw: Sequence[str], pages: Pages) -> None:
    """A line standing alone (blank lines around it) that repeats the masthead's title, or
    its start, after the title: a running head the conversion left ("Necessity of ending the
    economic, commercial and financial")."""
    masthead = [(i, _TITLE.match(raw[i])) for i in range(min(_MASTHEAD, len(raw)))]
    found = next(((i, m.group("title")) for i, m in masthead if m), None)
    if found is None:
        return
    at, title = found[0], _fold(found[1])
    for i in range(at + 1, len(raw)):
        alone = (i == 0 or not raw[i - 1].strip()) and (i + 1 == len(raw) or not raw[i + 1].strip())
        if not alone:
            continue
        text = _fold(raw[i])
        if len(text) >= 15 and title.startswith(text) and i not in pages.furniture:
            pages.furniture[i] = "running head"
            pages.heads.append((i, i))
            pages.breaks.add(i)


def _cluster(raw: Sequence[str], kinds: list[str | None], anchor: int) -> tuple[int, int]:
    """The furniture around a page number: blank, furniture and symbol lines either side."""

    def part(j: int) -> bool:
        return not raw[j].strip() or kinds[j] is not None or bool(_SYMBOL_ONLY.match(raw[j]))

    first = last = anchor
    while first > 0 and part(first - 1):
        first -= 1
    while last + 1 < len(raw) and part(last + 1):
        last += 1
    while first < anchor and not raw[first].strip():  # blank lines around stay layout
        first += 1
    while last > anchor and not raw[last].strip():
        last -= 1
    return first, last


def _widened(raw: Sequence[str], first: int, last: int, masthead: str) -> tuple[int, int]:
    """A running head with the symbol and title lines next to it (a blank line between):
    a run of at most a title's lines holding the symbol, the rest the masthead's title."""
    for step in (-1, 1):
        j = (first if step < 0 else last) + step
        while 0 <= j < len(raw) and not raw[j].strip():
            j += step
        run: list[int] = []
        while 0 <= j < len(raw) and raw[j].strip() and len(run) <= _TITLE_LINES:
            run.append(j)
            j += step
        if not run or len(run) > _TITLE_LINES or (0 <= j < len(raw) and raw[j].strip()):
            continue
        symbols = [k for k in run if _SYMBOL_ONLY.match(raw[k])]
        symbols += [k for k in range(first, last + 1) if _SYMBOL_ONLY.match(raw[k])]
        title = _fold(" ".join(raw[k] for k in sorted(run) if k not in symbols))
        if symbols and (not title or (len(title) >= 8 and title in masthead)):
            first, last = min(first, *run), max(last, *run)
    return first, last


def _note_block(raw: Sequence[str], separator: int, end: int) -> list[int]:
    """The footnote lines under a separator, up to the next running head at the latest."""
    block: list[int] = []
    blank = False
    for j in range(separator + 1, end):
        line = raw[j]
        if not line.strip():
            blank = True
            continue
        if blank and block and not NOTE_LINE.match(line):
            break
        block.append(j)
        blank = False
    return block if any(NOTE_LINE.match(raw[j]) for j in block) else []


def _opens_note(raw: Sequence[str], j: int, first: int, mark: str, notes: dict[int, str]) -> bool:
    """Whether a line of a footnote block that starts with a mark opens a note: a star always
    ("* On behalf of…"), a number when it is the block's first line, follows a blank line,
    or is the number after the last note's ("1" when none): a continuation line may also
    start with a number ("77 and China.", "53 (A/79/53)")."""
    if not mark.isdigit():
        return True
    if j == first or not raw[j - 1].strip():
        return True
    numbers = [int(m) for m in notes.values() if m.isdigit()]
    return int(mark) == (numbers[-1] + 1 if numbers else 1)
