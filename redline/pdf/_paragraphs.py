"""Printed lines to paragraphs: which line goes on with which paragraph.

A line continues the paragraph above it when all of these hold:

- it follows the paragraph's last line at the normal line spacing (at most 1.45 times the
  font size from baseline to baseline; UN documents add space between paragraphs), in the
  same size and weight, overlapping it horizontally;
- once the paragraph has two lines, it starts where the second line started (a first-line
  indent, or a number hanging to the left, shows a new paragraph);
- it does not open a paragraph by itself: a number "12." or a letter "(a)" after a line
  ending in a closing sign, or an italic capitalized lead after a line ending in "," or ";";
- the line above did not end the paragraph: the new line's first word would have fitted
  on it. This is sound for any right edge no further right than the true one, so the edge
  used is the furthest the paragraph's lines reach, or, in the text column, the furthest any
  of the page's column lines reach. It parts paragraphs in drafts set without spacing or
  indents, and the cells of a table's column.

Across a page break, the first line of a page continues the previous page's last paragraph
when it starts where that paragraph's later lines start (as printed, or moved by the
difference between the pages' margins: a book's odd and even pages are set apart) and the
other tests allow it. A line
of a row whose earlier cell opened a paragraph opens one too (the cells of a table row).
The text margin of a page is where the most text starts, weighed by width, so a masthead or
a narrow table column does not move it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ._printed import PrintedLine

__all__ = ["PrintedParagraph", "group_paragraphs"]

_LEADING = 1.45
_CLOSING = (",", ";", ":", ".")
_STARTER = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,2}\)|\([ivxl]{1,6}\))\s")


@dataclass(slots=True)
class PrintedParagraph:
    """The printed lines of one paragraph, in reading order."""

    segments: list[PrintedLine] = field(default_factory=list)

    @property
    def continuation(self) -> float | None:
        """Where the paragraph's lines after the first start (None while it has one line)."""
        return self.segments[1].x0 if len(self.segments) > 1 else None


def group_paragraphs(
    bodies: list[list[PrintedLine]], *, body_size: float
) -> list[PrintedParagraph]:
    """Group each page's body lines (top to bottom) into paragraphs, across pages."""
    return _Grouper(body_size).paragraphs(bodies)


class _Grouper:
    def __init__(self, body_size: float) -> None:
        self.body_size = body_size
        self.columns: dict[int, tuple[float, float]] = {}  # page: (margin, right edge)

    def paragraphs(self, bodies: list[list[PrintedLine]]) -> list[PrintedParagraph]:
        out: list[PrintedParagraph] = []
        last_of_page: PrintedParagraph | None = None
        for body in bodies:
            margin = self._column(body)
            previous_row: list[tuple[PrintedParagraph, PrintedLine, bool]] = []
            row: list[tuple[PrintedParagraph, PrintedLine, bool]] = []
            first_row = True
            for s in body:
                if row and s.row != row[-1][1].row:
                    previous_row, row = row, []
                    first_row = False
                target = None
                opened_left = any(not cont for _, _, cont in row)  # a table row's later cells
                if first_row:
                    if last_of_page is not None and self._continues_page(last_of_page, s, margin):
                        target = last_of_page
                elif not opened_left:
                    target = next(
                        (p for p, above, _ in previous_row if self._continues(p, above, s)), None
                    )
                continued = target is not None
                if target is None:
                    target = PrintedParagraph()
                    out.append(target)
                target.segments.append(s)
                row.append((target, s, continued))
            if row:
                last_of_page = row[-1][0]
        return out

    def _column(self, body: list[PrintedLine]) -> float:
        """The page's text margin, where the most text starts; notes the column's right edge.

        Text is weighed by width, so a table's narrow column or a masthead does not move it.
        """
        text = [s for s in body if abs(s.size - self.body_size) < 0.4]
        widths: Counter[int] = Counter()
        for s in text:
            widths[round(s.x0)] += round(s.x1 - s.x0)
        margin = float(widths.most_common(1)[0][0]) if widths else 0.0
        ends = [s.x1 for s in text if abs(s.x0 - margin) <= 4 * s.size]
        if body:
            self.columns[body[0].page] = (margin, max(ends) if ends else 0.0)
        return margin

    def _ended(self, p: PrintedParagraph, s: PrintedLine) -> bool:
        """Whether the paragraph's last line ended it: the next line's first word would fit.

        The line could not have ended short of the right edge unless the paragraph ended
        there, so the test is sound with any edge no further right than the true one: the
        furthest any of the paragraph's lines reaches, or, for a body-size line in the text
        column, the furthest any line of that column on the page reaches. It is how
        paragraphs part in a draft set without spacing or indents.
        """
        above = p.segments[-1]
        right = max(x.x1 for x in p.segments)
        margin, column = self.columns.get(above.page, (0.0, 0.0))
        if abs(above.size - self.body_size) < 0.4 and abs(above.x0 - margin) <= 4 * above.size:
            right = max(right, column)
        return above.x1 + 0.25 * s.size + s.first_word < right - 0.1 * s.size

    def _opens(self, above: PrintedLine, s: PrintedLine) -> bool:
        """Whether `s` opens a paragraph whatever the layout: a number or letter after a
        closing sign, or an italic capitalized lead after a line ending in "," or ";"."""
        end = above.text.rstrip()
        if _STARTER.match(s.text) and end.endswith(_CLOSING):
            return True
        lead = bool(s.italic) and s.italic[0][0] == 0 and s.text[:1].isupper()
        return lead and end.endswith((",", ";"))

    def _continues(self, p: PrintedParagraph, above: PrintedLine, s: PrintedLine) -> bool:
        size = max(above.size, s.size)
        if not 0 < above.base - s.base <= _LEADING * size:
            return False
        if abs(above.size - s.size) > 0.6 or above.bold != s.bold:
            return False
        if s.x0 >= above.x1 or s.x1 <= above.x0:
            return False
        if p.continuation is not None and abs(s.x0 - p.continuation) > 0.5 * s.size:
            return False  # indented (a first-line indent) or outdented (a hanging number)
        return not self._opens(above, s) and not self._ended(p, s)

    def _continues_page(self, p: PrintedParagraph, s: PrintedLine, margin: float) -> bool:
        """Whether the page's first line goes on with the previous page's last paragraph.

        It must start where that paragraph's later lines start, as printed or moved by the
        difference of the two pages' margins (a book's odd and even pages are set apart).
        """
        last = p.segments[-1]
        before = self.columns.get(last.page, (margin, 0.0))[0]
        expected = p.continuation if p.continuation is not None else before
        return (
            abs(last.size - s.size) <= 0.6
            and last.bold == s.bold
            and min(abs(s.x0 - expected), abs(s.x0 - (expected - before + margin))) < 2.0
            and abs(last.size - self.body_size) < 0.4
            and not self._opens(last, s)
            and not self._ended(p, s)
        )
