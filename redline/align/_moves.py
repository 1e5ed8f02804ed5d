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
    columns = {j: c for c, j in enumerate(sorted({j for _, j in pairs}), start=1)}
    # A Fenwick tree of prefix maxima over the new side: the best chain (length, weight,
    # earliest) ending left of a column, in O(n log n) instead of trying every earlier pair.
    tree: list[tuple[int, float, int]] = [(0, 0.0, 1)] * (len(columns) + 1)
    best: list[tuple[int, float]] = []
    back: list[int] = []
    a = 0
    while a < len(order):
        row = a
        while a < len(order) and pairs[order[a]][0] == pairs[order[row]][0]:
            a += 1
        for b in range(row, a):  # pairs of one old paragraph never chain to each other
            k = order[b]
            found, pos = (0, 0.0, 1), columns[pairs[k][1]] - 1
            while pos > 0:
                found = max(found, tree[pos])
                pos -= pos & -pos
            if found[0]:
                best.append((found[0] + 1, found[1] + weights[k]))
                back.append(-found[2])
            else:
                best.append((1, weights[k]))
                back.append(-1)
        for b in range(row, a):
            value = (*best[b], -b)
            pos = columns[pairs[order[b]][1]]
            while pos < len(tree):
                if value > tree[pos]:
                    tree[pos] = value
                pos += pos & -pos
    if not best:
        return set()
    end = max(range(len(best)), key=lambda a: (best[a], -a))
    keep: set[int] = set()
    while end >= 0:
        keep.add(order[end])
        end = back[end]
    return keep
