"""What a trace is made of: corpus resolutions and paragraphs, precedents, one trace per
paragraph of the draft. Frozen values; rendering them (JSON, CSV) lives in `_report`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ..diff import Edit
from ..model import Part, Resolution


class Standing(enum.Enum):
    """Where a paragraph of the draft stands against the corpus."""

    FORMULA = "standard formula"
    """The same words in more resolutions, across more series, than the formula limits."""
    AGREED = "agreed"
    """A corpus resolution holds the same words (identical after folding)."""
    NEAR = "near"
    """A corpus paragraph scores at least 0.95, none is identical after folding."""
    PRECEDENT = "precedent"
    """Corpus paragraphs score at least the threshold, none as high as 0.95."""
    NEW = "new language"
    """No corpus paragraph reaches the threshold."""


@dataclass(frozen=True, slots=True)
class CorpusResolution:
    """A resolution of the corpus (or the draft), and where each of its facts came from.

    `symbol_from` is "header", "header (inferred)", "manifest" or "path" (a file without a
    symbol is named by its path); `date_from` "header", "manifest" or "none" (`date` is ISO
    8601, YYYY-MM-DD); `series_from` "manifest", "title" or "none".
    """

    path: str
    symbol: str
    date: str | None
    series: str | None
    symbol_from: str
    date_from: str
    series_from: str


@dataclass(frozen=True, slots=True)
class CorpusParagraph:
    """One paragraph of a corpus resolution: its label (PP3, OP12), printed number, lead and
    text (sub-paragraphs included, one per line, as compare() scores it)."""

    resolution: CorpusResolution
    part: Part
    label: str
    number: str
    lead: str
    text: str


@dataclass(frozen=True, slots=True)
class Precedent:
    """A corpus paragraph a draft paragraph comes from: its similarity (compare()'s word
    similarity), whether it holds the same words after folding (`same`), and the word diff
    from it to the draft's paragraph (Reject All gives the precedent, Accept All the draft)."""

    paragraph: CorpusParagraph
    similarity: float
    same: bool
    edits: tuple[Edit, ...]

    @property
    def symbol(self) -> str:
        return self.paragraph.resolution.symbol

    @property
    def date(self) -> str | None:
        return self.paragraph.resolution.date

    @property
    def near(self) -> bool:
        """Holds the words at >= 0.95 but not identically after folding."""
        return not self.same


@dataclass(frozen=True, slots=True)
class ParagraphTrace:
    """One paragraph of the draft: its standing, its best precedents (one per resolution,
    best first, the latest first among equals), the earliest and latest resolutions holding
    its words (identical after folding; only when none is, the near ones, `near` set), and
    how many resolutions and series hold them (identical or near)."""

    part: Part
    label: str
    number: str
    text: str
    standing: Standing
    precedents: tuple[Precedent, ...]
    earliest: Precedent | None
    latest: Precedent | None
    resolutions: int
    series: int


@dataclass(frozen=True, slots=True)
class Trace:
    """Every paragraph of a draft traced against a corpus.

    `formula` is the (N, M) a standard formula exceeds: found in more than N resolutions
    across more than M series. `skipped` names the corpus files not read, each with why;
    `before`, when given, the date on or after which resolutions were left out.
    `resolution` is the draft as parsed (its paragraphs are `paragraphs`, in order): what
    a DOCX of the trace is written from.
    """

    draft: CorpusResolution
    paragraphs: tuple[ParagraphTrace, ...]
    corpus_resolutions: int
    corpus_paragraphs: int
    threshold: float
    formula: tuple[int, int]
    skipped: tuple[tuple[str, str], ...] = ()
    before: str | None = None
    resolution: Resolution | None = field(default=None, compare=False, repr=False)
