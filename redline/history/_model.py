"""What a history is made of: each paragraph's stages across the versions of a series.

Frozen values; rendering them (JSON, CSV, Markdown) lives in `_render`. Every decision a
stage shows (which paragraph continues which, its word diff, a move, a part change) is read
off the `Comparison` of two consecutive versions; the history only chains the matches.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..comparison import Comparison
from ..diff import Edit
from ..model import Part, Resolution
from ..trace._model import CorpusResolution


class HistoryEvent(enum.Enum):
    """What happened to a paragraph in one version, against the version before it."""

    APPEARED = "appeared"
    """The paragraph is new in this version (or the series starts with it)."""
    KEPT = "kept"
    """The same words in the same place (its label may have changed with its neighbours')."""
    CHANGED = "changed"
    """Its words changed: the stage's `edits` say how."""
    MOVED = "moved"
    """It left the order of its neighbours (compare's move)."""
    PART_CHANGED = "part changed"
    """It crossed between preamble and operative part (always a move)."""
    RENUMBERED = "renumbered"
    """Its printed operative number changed."""
    SPLIT = "split"
    """One paragraph of the version before became several: `with_` names them all."""
    MERGED = "merged"
    """Several paragraphs of the version before became one: `with_` names them all."""
    DROPPED = "dropped"
    """The paragraph is not in this version; its life ends here."""


@dataclass(frozen=True, slots=True)
class Stage:
    """A paragraph in one version: `version` indexes `History.versions`; its label (PP3,
    OP12), printed number, part and text there ("" for a dropped paragraph); the events
    against the version before; the similarity compare() gave the pair, and the word diff
    from the version before (Reject All gives the earlier text, Accept All this one).
    `with_` names, for a split or merge, the paragraphs on the other side of it. A paragraph
    merged into another ends with a stage of the merged paragraph's label, `position` None."""

    version: int
    events: tuple[HistoryEvent, ...]
    part: Part | None
    label: str
    number: str
    text: str
    similarity: float | None = None
    edits: tuple[Edit, ...] = ()
    with_: tuple[str, ...] = ()
    position: int | None = None
    """Where it stands in the version's `Resolution.paragraphs`; None when dropped."""

    @property
    def present(self) -> bool:
        """Whether the paragraph stands in this version (it was not dropped or merged away)."""
        return self.position is not None


@dataclass(frozen=True, slots=True)
class ParagraphHistory:
    """One paragraph's life: its stages, one for every version from the one where it
    appeared to the latest or the one where it was dropped (or merged into another)."""

    stages: tuple[Stage, ...]

    @property
    def appeared(self) -> int:
        """The version where the paragraph appeared."""
        return self.stages[0].version

    @property
    def ended(self) -> int | None:
        """The version where it was dropped (or merged away), or None while it lives."""
        last = self.stages[-1]
        return None if last.present else last.version

    @property
    def last(self) -> Stage:
        """The last stage where the paragraph stands."""
        return next(s for s in reversed(self.stages) if s.present)

    def changes(self) -> tuple[Stage, ...]:
        """The stages where something happened (every stage but the kept ones)."""
        return tuple(s for s in self.stages if s.events != (HistoryEvent.KEPT,))


@dataclass(frozen=True, slots=True)
class History:
    """Every paragraph's life across a series' versions, oldest first.

    `resolutions` are the versions parsed; `comparisons[k]` is compare() of versions k and
    k + 1; `paragraphs` are ordered by the
    version where each appeared, then by where it stood there.
    """

    versions: tuple[CorpusResolution, ...]
    resolutions: tuple[Resolution, ...]
    comparisons: tuple[Comparison, ...]
    paragraphs: tuple[ParagraphHistory, ...]
    threshold: float

    def at(self, version: int) -> tuple[tuple[ParagraphHistory, Stage], ...]:
        """The paragraphs standing in `version`, in its order, each with its stage there."""
        here = [
            (h, s)
            for h in self.paragraphs
            for s in h.stages
            if s.version == version and s.position is not None
        ]
        return tuple(sorted(here, key=lambda hs: hs[1].position or 0))
