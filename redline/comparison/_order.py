"""The redline's reading order: which match, and which side of it, each paragraph shows."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Match, Paragraph, Part

__all__ = ["Placement", "Side", "placements"]


class Side(enum.Enum):
    """What a placement in the redline shows of its match."""

    BOTH = "both"  # a pair in place: its word diff
    OLD = "old"  # a deleted paragraph, or the source of a move
    NEW = "new"  # an added paragraph, or the destination of a move


@dataclass(frozen=True, slots=True)
class Placement:
    """One paragraph of the redline: which match, and which side of it."""

    match: int
    side: Side


def placements(
    old: Sequence[Paragraph], new: Sequence[Paragraph], matches: Sequence[Match]
) -> tuple[Placement, ...]:
    """The redline's paragraphs in order, part by part.

    Between two paragraphs that stay in place, the old text's leftovers (deletions, move
    sources) come first, in old order, then the new text's (insertions, move destinations),
    as Word shows a deletion before an insertion.
    """
    out: list[Placement] = []
    old_at = {i: m for m, match in enumerate(matches) for i in match.old}
    new_at = {j: m for m, match in enumerate(matches) for j in match.new}
    shown: set[tuple[int, Side]] = set()

    def show(m: int, side: Side) -> None:
        if (m, side) not in shown:  # a split or merge is shown once for its paragraphs
            shown.add((m, side))
            out.append(Placement(m, side))

    for part in Part:
        olds = [i for i, p in enumerate(old) if p.part is part]
        news = [j for j, p in enumerate(new) if p.part is part]
        oi = ni = 0
        while oi < len(olds) or ni < len(news):
            while oi < len(olds) and not _in_place(matches[old_at[olds[oi]]]):
                show(old_at[olds[oi]], Side.OLD)
                oi += 1
            while ni < len(news) and not _in_place(matches[new_at[news[ni]]]):
                show(new_at[news[ni]], Side.NEW)
                ni += 1
            if ni < len(news):
                m = new_at[news[ni]]
                show(m, Side.BOTH)
                ni += len(matches[m].new)
                oi += len(matches[m].old)
            elif oi < len(olds):  # cannot happen: an in-place old pairs an in-place new
                raise AssertionError("unbalanced placements")
    return tuple(out)


def _in_place(m: Match) -> bool:
    return bool(m.old and m.new and not m.moved)
