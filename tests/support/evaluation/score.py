"""Scoring an alignment against a revision pair's gold: exact targets, false pairs, moves.

A gold match counts as found only when a predicted match has exactly its old and new
indices: half a split, or a pair one paragraph off, is what a reader would have to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.model import Kind, Match

from .generate import GoldMatch, RevisionPair

__all__ = ["KINDS", "Score", "score"]

KINDS = tuple(k.value for k in Kind)
"""The gold kinds, in the order of `Score.gold` and `Score.exact`."""

_ZERO = (0,) * len(KINDS)


@dataclass(frozen=True, slots=True)
class Score:
    """Counts over one or more revision pairs; add scores to aggregate (`sum(s, Score())`).

    `gold` and `exact` count gold matches per kind (in `KINDS` order) and those predicted
    with the same old and new indices; `wrong_kind` the exact ones given another kind.
    `false_pairs` are predicted pairs (old and new both non-empty) not in the gold.
    `missed_moves`: gold moved, but no exact predicted match says moved; `false_moves`:
    predicted moved, but no gold match with the same indices moved.
    """

    pairs: int = 0
    gold: tuple[int, ...] = _ZERO
    exact: tuple[int, ...] = _ZERO
    wrong_kind: int = 0
    false_pairs: int = 0
    moves: int = 0
    missed_moves: int = 0
    false_moves: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.pairs + other.pairs,
            tuple(a + b for a, b in zip(self.gold, other.gold, strict=True)),
            tuple(a + b for a, b in zip(self.exact, other.exact, strict=True)),
            self.wrong_kind + other.wrong_kind,
            self.false_pairs + other.false_pairs,
            self.moves + other.moves,
            self.missed_moves + other.missed_moves,
            self.false_moves + other.false_moves,
        )

    @property
    def accuracy(self) -> float:
        """Exact-target accuracy over all gold matches (1.0 when there are none)."""
        total = sum(self.gold)
        return sum(self.exact) / total if total else 1.0

    def accuracy_by_kind(self) -> dict[str, float]:
        """Exact-target accuracy per gold kind, for the kinds the gold has."""
        return {k: e / g for k, g, e in zip(KINDS, self.gold, self.exact, strict=True) if g}

    def summary(self) -> str:
        """One line for a benchmark log."""
        kinds = ", ".join(
            f"{k} {e}/{g}" for k, g, e in zip(KINDS, self.gold, self.exact, strict=True) if g
        )
        return (
            f"{self.pairs} pairs: accuracy {self.accuracy:.3f} ({kinds}); "
            f"{self.wrong_kind} wrong kind, {self.false_pairs} false pairs, "
            f"moves {self.moves} ({self.missed_moves} missed, {self.false_moves} false)"
        )


def score(pair: RevisionPair, matches: Sequence[Match]) -> Score:
    """Score predicted `matches` (e.g. `compare(pair.old, pair.new).matches`) on one pair."""
    predicted = {(m.old, m.new): m for m in matches}
    gold: dict[tuple[tuple[int, ...], tuple[int, ...]], GoldMatch] = {
        (g.old, g.new): g for g in pair.gold
    }
    counts, exact = [0] * len(KINDS), [0] * len(KINDS)
    wrong_kind = missed_moves = 0
    for g in pair.gold:
        k = KINDS.index(g.kind)
        counts[k] += 1
        m = predicted.get((g.old, g.new))
        if m is not None:
            exact[k] += 1
            wrong_kind += m.kind.value != g.kind
        if g.moved and not (m is not None and m.moved):
            missed_moves += 1
    false_pairs = sum(1 for m in matches if m.old and m.new and (m.old, m.new) not in gold)
    false_moves = 0
    for m in matches:
        hit = gold.get((m.old, m.new))
        false_moves += m.moved and not (hit is not None and hit.moved)
    return Score(
        1,
        tuple(counts),
        tuple(exact),
        wrong_kind,
        false_pairs,
        sum(1 for g in pair.gold if g.moved),
        missed_moves,
        false_moves,
    )
