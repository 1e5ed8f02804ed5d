"""The values a comparison of two Word documents is made of: what became of each block."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..diff import Op

__all__ = [
    "BlockChange",
    "Change",
    "DocumentChanges",
    "InnerEdit",
    "RowChange",
    "Step",
    "StoryChange",
]


class Change(enum.Enum):
    """What became of a block (or row) between the two documents."""

    KEPT = "kept"  # the same in both: written as the new document has it
    EDITED = "edited"  # paired, with changes inside
    DELETED = "deleted"
    INSERTED = "inserted"
    MOVED_FROM = "moved from"
    MOVED_TO = "moved to"


@dataclass(frozen=True, slots=True)
class Step:
    """A stretch of a paired paragraph: `old`/`new` are [start, end) offsets of its texts."""

    op: Op
    old: tuple[int, int]
    new: tuple[int, int]


@dataclass(frozen=True, slots=True)
class InnerEdit:
    """An atom kept in its frame, its characters edited: an equation's math runs or a
    link's text runs, each with its steps (empty for a run kept as it was). `old`/`new` are
    the atom's offsets in the two paragraphs."""

    old: int
    new: int
    runs: tuple[tuple[Step, ...], ...]


@dataclass(frozen=True, slots=True)
class BlockChange:
    """One block of the redline, in reading order. `old`/`new` index the story's blocks.

    An edited paragraph has `steps`; an edited table has `rows`; a move's two sides share
    `move` (from 1). `look_changed`: the paragraph's look differs between the two. A split
    is one old paragraph in two changes (the first's mark inserted), a merge two old ones in
    two changes sharing the new paragraph (the first's mark deleted, each its `span`).
    """

    change: Change
    old: int | None
    new: int | None
    steps: tuple[Step, ...] = ()
    rows: tuple[RowChange, ...] = ()
    move: int = 0
    look_changed: bool = False
    mark: str = ""  # "ins" / "del": this paragraph's own mark is inserted (split) or deleted
    inside: tuple[InnerEdit, ...] = ()  # equations and links edited inside (step kept)
    span: tuple[int, int] | None = None  # a merge's part: the new paragraph's text it holds


@dataclass(frozen=True, slots=True)
class RowChange:
    """One row of an edited table; a kept or edited row has each cell's block changes."""

    change: Change
    old: int | None
    new: int | None
    cells: tuple[tuple[BlockChange, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class StoryChange:
    """A story besides the body (a note, a text box, a page header or footer): paired (both
    names), deleted (old only) or added (new only), with its block changes."""

    old: str | None
    new: str | None
    blocks: tuple[BlockChange, ...]

    @property
    def kind(self) -> str:
        return (self.old or self.new or "").split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class DocumentChanges:
    """The body's block changes in reading order, and every other story's."""

    body: tuple[BlockChange, ...]
    stories: tuple[StoryChange, ...] = ()
    looks: bool = True  # run formats compared: not when a text stands in for one side

    @property
    def changed(self) -> int:
        return sum(b.change is not Change.KEPT for b in self.body)

    def summary(self) -> str:
        """What the Word redline holds, block by block ("; in the Word file: 3 kept …")."""
        counts = {c: 0 for c in Change}
        for b in self.body:
            counts[b.change] += 1
        said = [f"{n} {c.value}" for c, n in counts.items() if n and c is not Change.MOVED_TO]
        stories = sum(1 for s in self.stories if any(b.change is not Change.KEPT for b in s.blocks))
        return (
            "; in the Word file: "
            + ", ".join(said)
            + " block(s) of the body"
            + (f", {stories} note(s), box(es) or page header(s) changed" if stories else "")
        )
