"""Each page's printed lines sorted into body, footnotes and page furniture (noise).

- **Furniture** is peeled from the page's edges, outermost line first, and stops at the
  first line that is not furniture, so body text is never taken for it:
  - at the bottom (every page): page numbers ("2/4"), job numbers ("23-26037 (E) 090124"),
    barcodes (a barcode font or "*2326037*"), "Please recycle", and any line that repeats
    on two or more pages at the same edge (digits aside: "Page 2", "Page 3");
  - at the top (every page but the first, whose top is the masthead that holds the symbol):
    every line above a full-width rule near the top (the UN running head: symbol and title),
    else the same patterns, repeated lines and a document symbol.
- **Footnotes**: below the footnote separator — a line of underscores, or a short drawn
  rule followed by smaller type opening with a raised mark — or, with neither, the trailing
  lines in smaller type when the first of them opens with a mark.
- Everything else is body, in reading order.

Each page whose furniture was dropped is one `Repair` (a running head: what the page's edges
printed, the symbol, title, page and job numbers, barcode), as a text's running head is; the
footnote separator is a page rule, not a repair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Noise, Repair, RepairKind
from ..parse._patterns import SYMBOL, furniture
from ._glyphs import PageGlyphs
from ._printed import PrintedLine

__all__ = ["Zones", "split_zones"]

_EDGE = 0.1  # furniture is looked for this far from the top or bottom (fraction of height)
_HEAD_RULE = 0.15  # a full-width rule this close to the top closes the running head
_FULL_RULE = 0.4  # of the page width
_SMALLER = 0.4  # points below the body size that make "smaller type"
_SEPARATOR = re.compile(r"^_{5,}$")
_SYMBOL = re.compile(rf"^{SYMBOL}$")


@dataclass(slots=True)
class Zones:
    """Body and footnote lines per page, and what was set aside as noise."""

    bodies: list[list[PrintedLine]] = field(default_factory=list)
    notes: list[list[PrintedLine]] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)  # one per page with furniture dropped


def _key(s: PrintedLine) -> str:
    return re.sub(r"\d+", "#", s.text)


def _repeated(pages: list[PageGlyphs], segments: list[list[PrintedLine]]) -> dict[str, set[str]]:
    """Texts (digits folded) seen near the top or bottom edge of two or more pages."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for page, found in zip(pages, segments):
        for s in found:
            if s.marks:
                continue
            if s.base > (1 - _EDGE) * page.height and page.number > 1:
                seen[("top", _key(s))].add(page.number)
            if s.top < _EDGE * page.height:
                seen[("bottom", _key(s))].add(page.number)
    out: dict[str, set[str]] = {"top": set(), "bottom": set()}
    for (edge, key), numbers in seen.items():
        if len(numbers) >= 2:
            out[edge].add(key)
    return out


def split_zones(
    pages: list[PageGlyphs], segments: list[list[PrintedLine]], body_size: float
) -> Zones:
    """Sort each page's segments (top to bottom) into body, footnotes and noise."""
    zones = Zones()
    repeated = _repeated(pages, segments)

    dropped: list[PrintedLine] = []

    def drop(s: PrintedLine, kind: str) -> None:
        zones.noise.append(Noise(s.number, s.text + "".join(m for _, m in s.marks), kind))
        if kind != "page rule":
            dropped.append(s)

    for page, found in zip(pages, segments):
        dropped.clear()
        lines = list(found)
        while lines and (kind := _foot(page, lines[-1], repeated["bottom"])):
            drop(lines.pop(), kind)
        if page.number > 1:
            rule = _head_rule(page)
            while lines and (kind := _head(page, lines[0], rule, repeated["top"])):
                drop(lines.pop(0), kind)
        for s in [s for s in lines if s.barcode]:
            drop(s, "barcode")
            lines.remove(s)
        body, below = _footnotes(page, lines, body_size, drop)
        if dropped:
            zones.repairs.append(_running_head(page.number, dropped))
        zones.bodies.append(body)
        zones.notes.append(below)
        if not found and page.images:
            zones.warnings.append(f"page {page.number} has no text layer (a scanned page?)")
    return zones


def _running_head(page: int, dropped: list[PrintedLine]) -> Repair:
    """The page's furniture as one repair, in print order, at its first printed line."""
    ordered = sorted(dropped, key=lambda s: s.number)
    texts = " | ".join(s.text for s in ordered)
    return Repair(RepairKind.RUNNING_HEAD, ordered[0].number, f"page {page}: {texts}")


def _pattern(s: PrintedLine) -> str | None:
    if s.barcode:
        return "barcode"
    return furniture(s.text)


def _foot(page: PageGlyphs, s: PrintedLine, repeated: set[str]) -> str | None:
    if s.top >= _EDGE * page.height and not s.barcode:
        return None
    if s.marks:
        return None
    return _pattern(s) or ("running foot" if _key(s) in repeated else None)


def _head_rule(page: PageGlyphs) -> float | None:
    top = [
        y
        for y, x0, x1 in page.rules
        if y > (1 - _HEAD_RULE) * page.height and x1 - x0 >= _FULL_RULE * page.width
    ]
    return min(top) if top else None


def _head(page: PageGlyphs, s: PrintedLine, rule: float | None, repeated: set[str]) -> str | None:
    if rule is not None:
        return "running head" if s.base >= rule else None
    if s.base <= (1 - _EDGE) * page.height or s.marks:
        return None
    if _key(s) in repeated or _SYMBOL.match(s.text):
        return "running head"
    return _pattern(s)


def _footnotes(
    page: PageGlyphs,
    lines: list[PrintedLine],
    body_size: float,
    drop: Callable[[PrintedLine, str], None],
) -> tuple[list[PrintedLine], list[PrintedLine]]:
    """Split the page's remaining lines at the footnote separator: (body, footnotes)."""
    for i, s in enumerate(lines):
        if _SEPARATOR.match(s.text):
            drop(s, "page rule")
            return lines[:i], lines[i + 1 :]
    for y, x0, x1 in page.rules:
        if x1 - x0 >= _FULL_RULE * page.width:
            continue
        below = [i for i, s in enumerate(lines) if s.top <= y]
        if below and _opens_note(lines[below[0]], body_size):
            return lines[: below[0]], lines[below[0] :]
    i = len(lines)
    while i > 0 and lines[i - 1].size < body_size - _SMALLER:
        i -= 1
    if i < len(lines) and _opens_note(lines[i], body_size):
        return lines[:i], lines[i:]
    return lines, []


def _opens_note(s: PrintedLine, body_size: float) -> bool:
    return s.size < body_size - _SMALLER and bool(s.marks) and s.marks[0][0] == 0
