"""A page's glyphs to printed lines: rows by position, cut at wide gaps, marks set apart.

How glyphs become lines:

- **Rows**: glyphs whose boxes overlap vertically by half the smaller height share a row,
  so a superscript mark (smaller, raised) stays on its line. Rows run top to bottom.
- **Printed lines**: a row is cut where two glyphs stand more than 3.5 times the font size
  apart: the masthead's columns ("General Assembly" … "Distr.: General") and table cells
  become separate lines, while a tab after "1." or "78/199." does not cut.
- **Spaces**: a space glyph, or a gap wider than 0.18 of the font size, is one space; runs of
  spaces (justified text, tabs) are one space.
- **Marks**: a run of glyphs smaller than 0.8 of the line's size and raised by a fifth of it,
  reading as a footnote mark ("1", "12", "*", "†", "a"), is a note mark, not text; other
  raised text (an ordinal "st") stays text.
- **Italic and bold** come from the font name ("Italic"/"Oblique", "Bold").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ._glyphs import Glyph, PageGlyphs

__all__ = ["PrintedLine", "page_segments"]

_CUT = 3.5  # a horizontal gap this many font sizes wide cuts a row into segments
_SPACE = 0.18  # a gap this many font sizes wide reads as a space
_MARK_SIZE = 0.8
_MARK_RAISE = 0.2
_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§]{1,3}|[a-z])$")


@dataclass(slots=True)
class PrintedLine:
    """One printed line (or one cell of a row): its text and where and how it is printed.

    `text` has single spaces and no mark; `italic` are character spans of it in italic
    fonts; `marks` are (offset, mark) for superscript note marks; `raw` is every glyph's text
    in order, marks included (the conservation record).
    """

    page: int
    x0: float
    x1: float
    top: float
    base: float
    size: float
    text: str
    raw: str
    italic: list[tuple[int, int]] = field(default_factory=list)
    marks: list[tuple[int, str]] = field(default_factory=list)
    bold: bool = False
    barcode: bool = False
    first_word: float = 0.0  # width of the first word: would it have fitted on the line above?
    row: int = 0
    number: int = 0


def page_segments(page: PageGlyphs) -> tuple[list[PrintedLine], list[Glyph]]:
    """The page's segments top to bottom, left to right; and the glyphs not read upright."""
    upright = [g for g in page.glyphs if g.upright]
    rotated = [g for g in page.glyphs if not g.upright and not g.blank]
    out: list[PrintedLine] = []
    for index, row in enumerate(_rows(upright)):
        for cell in _cut(row):
            segment = _segment(page.number, cell)
            if segment is not None:
                segment.row = index
                out.append(segment)
    return out, rotated


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    rows: list[tuple[float, float, float, list[Glyph]]] = []  # (low, high, size, glyphs)
    for g in sorted(glyphs, key=lambda g: (-(g.y0 + g.y1) / 2, g.x0)):
        height = max(g.y1 - g.y0, 0.1)
        best = None
        for i in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            low, high, _size, _ = rows[i]
            overlap = min(g.y1, high) - max(g.y0, low)
            if overlap >= 0.5 * min(height, high - low):
                best = i
                break
        if best is None:
            rows.append((g.y0, g.y1, g.size, [g]))
            continue
        low, high, size, members = rows[best]
        members.append(g)
        if g.size > size and not g.blank:  # the row's core is its largest glyphs
            rows[best] = (g.y0, g.y1, g.size, members)
    ordered = sorted(rows, key=lambda r: -r[1])
    return [sorted(r[3], key=lambda g: g.x0) for r in ordered]


def _cut(row: list[Glyph]) -> list[list[Glyph]]:
    cells: list[list[Glyph]] = []
    last: Glyph | None = None
    for g in row:
        if g.blank:
            if cells:
                cells[-1].append(g)
            continue
        if last is None or g.x0 - last.x1 > _CUT * min(g.size, last.size):
            cells.append([])
        cells[-1].append(g)
        last = g
    return cells


def _dominant(glyphs: list[Glyph]) -> float:
    sizes = Counter(round(g.size, 1) for g in glyphs if not g.blank)
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0] if sizes else 0.0


def _segment(page: int, glyphs: list[Glyph]) -> PrintedLine | None:
    ink = [g for g in glyphs if not g.blank]
    if not ink:
        return None
    size = _dominant(ink)
    body = [g for g in ink if round(g.size, 1) == size]
    base = min(g.y0 for g in body)
    raised = {
        id(g)
        for g in ink
        if g.size <= _MARK_SIZE * size and g.y0 >= base + _MARK_RAISE * size and g.text.strip()
    }
    # Group raised glyphs into runs and keep only those that read as marks.
    runs: list[list[Glyph]] = []
    previous_raised = False
    for g in glyphs:
        if g.blank:
            previous_raised = False
            continue
        if id(g) in raised:
            if not previous_raised:
                runs.append([])
            runs[-1].append(g)
        previous_raised = id(g) in raised
    marks = {id(g) for run in runs if _MARK.match("".join(x.text for x in run)) for g in run}
    text: list[str] = []
    italic: list[bool] = []
    found: list[tuple[int, str]] = []
    last: Glyph | None = None
    pending_space = False
    in_mark = False
    first_end: float | None = None
    for g in glyphs:
        if g.blank:
            pending_space = True
            in_mark = False
            continue
        if id(g) in marks:
            if in_mark:
                found[-1] = (found[-1][0], found[-1][1] + g.text)
            else:  # the mark belongs to the word before it, even after a space
                found.append((len("".join(text).rstrip()), g.text))
            in_mark = True
            last = g
            continue
        in_mark = False
        gap = g.x0 - last.x1 if last is not None else 0.0
        if text and (pending_space or gap > _SPACE * min(g.size, size)):
            if first_end is None and last is not None:
                first_end = last.x1
            text.append(" ")
            italic.append(False)
        text.append(g.text)
        italic.append(g.italic)
        pending_space = False
        last = g
    joined_text = "".join(text)
    spans = _spans(text, italic)
    return PrintedLine(
        page=page,
        x0=ink[0].x0,
        x1=ink[-1].x1,
        top=max(g.y1 for g in body),
        base=base,
        size=size,
        text=joined_text,
        raw="".join(g.text for g in ink),
        italic=spans,
        marks=found,
        bold=all(g.bold for g in body),
        barcode=any("barcode" in g.font.lower() for g in ink),
        first_word=(first_end if first_end is not None else ink[-1].x1) - ink[0].x0,
    )


def _spans(pieces: list[str], italic: list[bool]) -> list[tuple[int, int]]:
    """Italic character spans; spans parted only by spaces are one span (a lead's words)."""
    whole = "".join(pieces)
    spans: list[tuple[int, int]] = []
    offset = 0
    for piece, slanted in zip(pieces, italic):
        end = offset + len(piece)
        if slanted:
            if spans and not whole[spans[-1][1] : offset].strip():
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((offset, end))
        offset = end
    return spans
