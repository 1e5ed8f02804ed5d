"""Tracing a draft against a corpus held in memory: pure functions over values.

A `Library` holds the corpus paragraphs, their candidate index (`redline.candidates`, lossless)
and their folded texts; it
is built from values (the SQLite index in `_store` is one way to fill it, never imported
here). `trace_resolution` asks it, for every paragraph of the draft, which corpus
paragraphs reach the threshold, and reads the standing, precedents, earliest and latest
source off the answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from ..align import DEFAULT_THRESHOLD
from ..candidates import WordIndex, reaches
from ..diff import diff_lines
from ..errors import OptionError
from ..model import Header, Paragraph, Resolution
from ..parse.lexicon import WORDS
from ._fold import NEAR, fold, scored_words
from ._model import (
    CorpusParagraph,
    CorpusResolution,
    ParagraphTrace,
    Precedent,
    Standing,
    Trace,
)

FORMULA_RESOLUTIONS = 10
"""N: a standard formula is found (the same words, or near) in more than N resolutions ...

Measured on the shared corpus (1,453 resolutions, 39,598 paragraphs; README "Agreed
language"): of the 26,960 distinct folded paragraphs, five are held identically by more
than 10 resolutions across more than 4 series: "Decides to remain seized of the matter."
(134 resolutions, 26 series), "Guided by the purposes and principles of the Charter..."
(89, 28), "Decides to remain actively seized of the matter." (87, 14), "Acting under Chapter
VII of the Charter..." (30, 7), "Decides to remain seized of this matter." (12, 6). The next
ones hold 4 series: a family's own agreed language (28 resolutions reaffirming 69/313 in
4 series) or a series' renewal formula (25 resolutions of one series), which a negotiator
wants traced, not counted.
"""
FORMULA_SERIES = 4
"""M: ... across more than M series."""

_MONTHS = {m.casefold(): i for i, m in enumerate(WORDS["en"]["months"], 1)}
_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(WORDS["en"]["months"]) + r")\s+(\d{4})", re.I)


def iso_date(text: str | None) -> str | None:
    """The first "12 July 2021" in `text` as "2021-07-12", or None."""
    m = _DATE.search(text or "")
    if m is None:
        return None
    return f"{m.group(3)}-{_MONTHS[m.group(2).casefold()]:02d}-{int(m.group(1)):02d}"


def describe(
    header: Header, *, path: str, listed: Mapping[str, str] | None = None
) -> CorpusResolution:
    """A resolution's symbol, date and series, each saying where it came from.

    Symbol and date from the header; where the header has none, the manifest row (`listed`,
    its `symbol`/`date`/`series` columns) when given, else the path names the file. Series
    from the manifest, else the header's title.
    """
    listed = listed or {}
    if header.symbol:
        symbol, symbol_from = (
            header.symbol,
            ("header (inferred)" if header.symbol_inferred else "header"),
        )
    elif listed.get("symbol"):
        symbol, symbol_from = listed["symbol"], "manifest"
    else:
        symbol, symbol_from = path, "path"
    date = iso_date(header.date) or iso_date(header.adopted)
    date_from = "header" if date else "none"
    if date is None and listed.get("date"):
        date, date_from = listed["date"], "manifest"
    series, series_from = (listed.get("series") or None), "manifest"
    if series is None:
        series, series_from = header.title, ("title" if header.title else "none")
    return CorpusResolution(path, symbol, date, series, symbol_from, date_from, series_from)


def corpus_paragraphs(
    resolution: Resolution, described: CorpusResolution
) -> tuple[CorpusParagraph, ...]:
    """The paragraphs of a resolution as the corpus holds them (those with words only)."""
    return tuple(
        CorpusParagraph(described, p.part, p.label, p.number, p.lead, p.full_text)
        for p in resolution.paragraphs
        if scored_words(p.full_text)
    )


class Folded(Protocol):
    """Each corpus paragraph's text as "the same words" compares it, by position."""

    def __getitem__(self, position: int, /) -> str: ...


class _LazyFolded:
    """The folded texts, each made when first asked: a trace asks for a few hundred of a
    corpus's tens of thousands, and folding them all took a fifth of opening the index."""

    __slots__ = ("_made", "_paragraphs")

    def __init__(self, paragraphs: Sequence[CorpusParagraph]) -> None:
        self._paragraphs = paragraphs
        self._made: dict[int, str] = {}

    def __getitem__(self, position: int, /) -> str:
        text = self._made.get(position)
        if text is None:
            text = self._made[position] = fold(self._paragraphs[position].text)
        return text


class Library:
    """The corpus in memory: its paragraphs, their candidate index and folded texts."""

    def __init__(
        self,
        paragraphs: Sequence[CorpusParagraph],
        words: Sequence[Sequence[str]] | None = None,
    ) -> None:
        self.paragraphs = tuple(paragraphs)
        if words is None:
            words = [scored_words(p.text) for p in self.paragraphs]
        self._index = WordIndex(words)  # lossless: what scoring every paragraph finds
        self.folded: Folded = _LazyFolded(self.paragraphs)
        self.resolutions = len({p.resolution.symbol for p in self.paragraphs})

    def search(self, words: Sequence[str], threshold: float) -> list[tuple[int, float]]:
        return self._index.search(words, threshold)


def _newest_first(p: Precedent) -> tuple[float, bool, str, str, str]:
    """Best first (the same words before a 1.0 that differs in punctuation); among equals the
    latest resolution first (start from the latest)."""
    date = p.paragraph.resolution.date or ""
    return (-p.similarity, not p.same, _inverted(date), p.symbol, p.paragraph.label)


def _inverted(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def _dated(p: Precedent) -> tuple[bool, str, str, str]:
    res = p.paragraph.resolution
    return (res.date is None, res.date or "", res.symbol, p.paragraph.label)


def trace_paragraph(
    paragraph: Paragraph,
    library: Library,
    *,
    own: CorpusResolution,
    top: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    formula: tuple[int, int] = (FORMULA_RESOLUTIONS, FORMULA_SERIES),
    before: str | None = None,
) -> ParagraphTrace:
    """One paragraph of the draft against the library (the draft's own file left out; with
    `before`, an ISO date, resolutions dated on or after it left out too, undated ones kept)."""
    text = paragraph.full_text
    words = scored_words(text)
    folded = fold(text)
    best: dict[str, Precedent] = {}  # per resolution (symbol), its best paragraph
    holding: dict[str, Precedent] = {}  # per resolution, a paragraph with the same words

    def kept(res: CorpusResolution) -> bool:
        if res.path == own.path or (res.symbol == own.symbol and own.symbol_from != "path"):
            return False
        return before is None or res.date is None or res.date < before

    # The words held at >= 0.95 first: when `top` resolutions hold them, no paragraph below
    # 0.95 can be reported (precedents rank by similarity; standings other than "precedent"
    # are read off the >= 0.95 ones), so the slower search at the threshold is skipped.
    hits = library.search(words, max(threshold, NEAR)) if words else []
    found = {library.paragraphs[i].resolution for i, _ in hits}
    if threshold < NEAR and words and len({r.symbol for r in found if kept(r)}) < top:
        hits = library.search(words, threshold)
    for i, score in hits:
        held = library.paragraphs[i]
        res = held.resolution
        if not kept(res):
            continue
        same = library.folded[i] == folded
        if not (same or reaches(score, threshold)):
            continue
        p = Precedent(held, score, same, ())  # the diff only for those reported, below
        key = res.symbol  # one resolution in several forms (PDF text, Markdown) counts once
        if key not in best or _newest_first(p) < _newest_first(best[key]):
            best[key] = p
        near = same or reaches(score, NEAR)
        if near and (key not in holding or (same and not holding[key].same)):
            holding[key] = p
    ranked = sorted(best.values(), key=_newest_first)
    series = {
        h.paragraph.resolution.series or h.paragraph.resolution.path for h in holding.values()
    }
    identical = [h for h in holding.values() if h.same]
    dated = sorted(identical or holding.values(), key=_dated)  # identical ones, else the near
    if len(holding) > formula[0] and len(series) > formula[1]:
        standing = Standing.FORMULA
    elif any(h.same for h in holding.values()):
        standing = Standing.AGREED
    elif holding:
        standing = Standing.NEAR
    elif ranked:
        standing = Standing.PRECEDENT
    else:
        standing = Standing.NEW
    latest = (
        max(dated, key=lambda p: (p.date is not None, p.date or "", p.symbol)) if dated else None
    )
    lines = text.split("\n")

    def diffed(p: Precedent) -> Precedent:
        return replace(p, edits=diff_lines(p.paragraph.text.split("\n"), lines))

    return ParagraphTrace(
        paragraph.part,
        paragraph.label,
        paragraph.number,
        text,
        standing,
        tuple(diffed(p) for p in ranked[:top]),
        diffed(dated[0]) if dated else None,
        diffed(latest) if latest else None,
        len(holding),
        len(series),
    )


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_options(*, top: int, threshold: float, before: str | None = None) -> None:
    """`top`, `threshold` and `before` are values they take, or OptionError (raised before
    any file is read)."""
    if before is not None and not (isinstance(before, str) and _ISO.fullmatch(before)):
        raise OptionError("before", f"before must be a date as YYYY-MM-DD, not {before!r}")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise OptionError("threshold", f"threshold must be a number, not {threshold!r}")
    if not 0.0 < threshold <= 1.0:
        raise OptionError("threshold", f"threshold must be in (0, 1], not {threshold!r}")
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise OptionError("top", f"top must be a whole number of at least 1, not {top!r}")


def trace_resolution(
    draft: Resolution,
    library: Library,
    *,
    own: CorpusResolution,
    top: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    formula: tuple[int, int] = (FORMULA_RESOLUTIONS, FORMULA_SERIES),
    before: str | None = None,
    skipped: Sequence[tuple[str, str]] = (),
) -> Trace:
    """Every paragraph of `draft` traced against `library`, in the draft's order."""
    check_options(top=top, threshold=threshold, before=before)
    traced = tuple(
        trace_paragraph(
            p, library, own=own, top=top, threshold=threshold, formula=formula, before=before
        )
        for p in draft.paragraphs
    )
    return Trace(
        own,
        traced,
        library.resolutions,
        len(library.paragraphs),
        threshold,
        formula,
        tuple(skipped),
        before,
        draft,
    )
