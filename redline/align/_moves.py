"""What moved: the longest chain of pairs that keep their order stays, the rest moved."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Paragraph


def drift(i: int, n: int, j: int, m: int) -> float:
    """Tie-break between equal scores: how far a pair moves, squared.

    Squared (convex), so among equally similar paragraphs the pairing that keeps their
    order wins, and the same whichever text is called old.
    """
    return ((i + 0.5) / n - (j + 0.5) / m) ** 2


def chain_weight(
    old: Sequence[Paragraph], new: Sequence[Paragraph], olds: Sequence[int], news: Sequence[int]
) -> float:
    """A pair's weight in the stationary chain: its text on both sides, so the choice of
    what moved is the same whichever text is called old; between chains keeping as much
    text, the one whose pairs drift least stays (a fraction of a character, never more)."""
    chars = sum(len(old[i].full_text) for i in olds) + sum(len(new[j].full_text) for j in news)
    return float(chars - drift(olds[0], len(old), news[0], len(new)) ** 0.5 / 1000)


def stationary(pairs: Sequence[tuple[int, int]], weights: Sequence[float]) -> set[int]:
    """Which pairs keep their order: the longest chain increasing on both sides.

    The most pairs stay put, so the fewest are called moved; among equally long chains the
    one keeping the most text (`weights`, e.g. characters) wins, then the earliest. Returns
    positions in `pairs`. The evaluation generator calls this too, so its gold "moved"
    follows the same rule as the report.
    """
    order = sorted(range(len(pairs)), key=lambda k: pairs[k])
    best: list[tuple[int, float]] = []
    back: list[int] = []
    for a, k in enumerate(order):
        score, prev = (1, weights[k]), -1
        for b in range(a):
            kb = order[b]
            if pairs[kb][0] < pairs[k][0] and pairs[kb][1] < pairs[k][1]:
                cand = (best[b][0] + 1, best[b][1] + weights[k])
                if cand > score:
                    score, prev = cand, b
        best.append(score)
        back.append(prev)
    if not best:
        return set()
    end = max(range(len(best)), key=lambda a: (best[a], -a))
    keep: set[int] = set()
    while end >= 0:
        keep.add(order[end])
        end = back[end]
    return keep
