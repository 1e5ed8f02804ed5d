"""The parsed structure of a resolution: plain, frozen values that know nothing of files.

A `Resolution` is what every reader (text, Markdown, Word, PDF) reduces its input to, and
what the aligner, the diff and the writers work from. Offsets into paragraph text are in
Python characters (code points), so they hold for any script.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .document import Document


class Part(enum.Enum):
    """Where a paragraph stands in a resolution; a part change is always a move."""

    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    ANNEX = "annex"
    PLAIN = "plain"

    @property
    def prefix(self) -> str:
        """The label prefix of the match report: PP3, OP12, AN1, P7."""
        return _PREFIX[self]


_PREFIX = {Part.PREAMBLE: "PP", Part.OPERATIVE: "OP", Part.ANNEX: "AN", Part.PLAIN: "P"}


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote reference: the footnote `mark` sits after `offset` characters of a text."""

    offset: int
    mark: str


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote's printed mark ("1") and its text."""

    mark: str
    text: str


@dataclass(frozen=True, slots=True)
class SubParagraph:
    """A lettered sub-paragraph, (a), (b)…, of a paragraph; the label is kept as printed."""

    label: str
    text: str
    notes: tuple[NoteRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One preambular, operative, annex or plain paragraph.

    `text` is the whole paragraph as a reader reads it, lead included; `lead` is its italic
    opening ("Recalling also", "Calls upon"), a prefix of `text` or "". `number` is the
    operative number as printed ("3", "3 bis"), without its full stop. `index` counts the
    paragraphs of its part from 1, in document order: the report's labels use it. `italic`
    are the italic spans of `text` as the source sets them, or None when the source carries
    no formatting (plain text): then the lead is shown italic by convention, and a lead that
    lost or gained its italics can only be seen between two formatted sources.
    """

    part: Part
    index: int
    text: str
    lead: str = ""
    number: str = ""
    subparagraphs: tuple[SubParagraph, ...] = ()
    notes: tuple[NoteRef, ...] = ()
    line: int = 0
    italic: tuple[tuple[int, int], ...] | None = None

    @property
    def label(self) -> str:
        return f"{self.part.prefix}{self.index}"

    @property
    def full_text(self) -> str:
        """The text with its sub-paragraphs, one per line: what similarity is scored on."""
        if not self.subparagraphs:
            return self.text
        return "\n".join([self.text, *(f"{s.label} {s.text}" for s in self.subparagraphs)])


@dataclass(frozen=True, slots=True)
class HeaderLine:
    """One line of the header as it stands in the source, with the field it gives."""

    field: str
    text: str


@dataclass(frozen=True, slots=True)
class Header:
    """The document's header; fields are None where the source does not give them.

    `symbol_inferred` says the symbol was built from the title's number (47/9's text has no
    symbol line), so a reader knows it is not in the source.
    """

    lines: tuple[HeaderLine, ...] = ()
    symbol: str | None = None
    symbol_inferred: bool = False
    body: str | None = None
    session: str | None = None
    dates: str | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    adopted: str | None = None
    date: str | None = None
    number: str | None = None
    title: str | None = None

    def fields(self) -> dict[str, str | None]:
        """The header's fields by name, for reports."""
        return {
            "symbol": self.symbol,
            "body": self.body,
            "session": self.session,
            "dates": self.dates,
            "agenda_item": self.agenda_item,
            "agenda_title": self.agenda_title,
            "adopted": self.adopted,
            "date": self.date,
            "number": self.number,
            "title": self.title,
        }


@dataclass(frozen=True, slots=True)
class Vote:
    """The adoption record after the operative part: meeting, date and the recorded vote.

    `lines` are the record's lines as they stand (what the redline shows); the other fields
    are read from them. Counts are None when the text states none (adopted without a vote).
    """

    lines: tuple[str, ...]
    meeting: str | None = None
    date: str | None = None
    in_favour: tuple[str, ...] = ()
    against: tuple[str, ...] = ()
    abstaining: tuple[str, ...] = ()
    yes: int | None = None
    no: int | None = None
    abstentions: int | None = None


@dataclass(frozen=True, slots=True)
class Noise:
    """Text the parser dropped as page furniture (running heads, page rules): kept on record."""

    line: int
    text: str
    kind: str


class RepairKind(enum.Enum):
    """What the parser repaired in the input's layout to read the document as printed."""

    PAGE_BREAK = "page break"  # a paragraph cut by a page break joined again
    WRAPPED_LINE = "wrapped line"  # a hard-wrapped line joined to the one before
    FOOTNOTE_MOVED = "footnote moved"  # a footnote printed at a page's foot put at its mark
    RUNNING_HEAD = "running head"  # a page's running head (symbol, title, page number) dropped


@dataclass(frozen=True, slots=True)
class Repair:
    """One repair, where it was made: so a drafter can check it before trusting "unchanged".

    `line` is the source line the repair concerns (the joined line, the mark's line, the
    running head's first line); `detail` shows what was joined, moved or dropped.
    """

    kind: RepairKind
    line: int
    detail: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """A parsed resolution (or, when `structured` is false, a text of plain paragraphs)."""

    source: str
    header: Header = field(default_factory=Header)
    formula: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    vote: Vote | None = None
    language: str = "en"
    structured: bool = True
    warnings: tuple[str, ...] = ()
    noise: tuple[Noise, ...] = ()
    document: Document | None = field(default=None, compare=False, repr=False)
    """A Word input as its own blocks (the redline is then written onto it), else None."""
    repairs: tuple[Repair, ...] = ()

    def part(self, part: Part) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.part is part)

    @property
    def preamble(self) -> tuple[Paragraph, ...]:
        return self.part(Part.PREAMBLE)

    @property
    def operative(self) -> tuple[Paragraph, ...]:
        return self.part(Part.OPERATIVE)

    @property
    def annex(self) -> tuple[Paragraph, ...]:
        return self.part(Part.ANNEX)

    def footnote(self, mark: str) -> Footnote | None:
        return next((f for f in self.footnotes if f.mark == mark), None)


class Kind(enum.Enum):
    """A paragraph's fate between the two texts."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    ADDED = "added"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"


@dataclass(frozen=True, slots=True)
class Match:
    """One paragraph's fate: indices into the old and new `Resolution.paragraphs`.

    `moved` says the pair is not on the longest chain of pairs that keep their order, so the
    reader must be told it moved; `part_changed` that it crossed between preamble and
    operative part (always a move); `renumbered` that its operative number changed.
    """

    kind: Kind
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float | None = None
    moved: bool = False
    part_changed: bool = False
    renumbered: bool = False
