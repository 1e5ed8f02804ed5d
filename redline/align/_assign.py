"""The one-to-one assignment: connected groups of candidates, each solved exactly.

Pairs are chosen by a maximum-weight assignment over the whole document (not greedy
first-come), so a paragraph reused under another number and in another part is still found,
and one below the threshold stays added or deleted rather than a bad pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from ..model import Paragraph
from ._moves import drift
from ._score import _candidates


def _components(pairs: dict[tuple[int, int], float]) -> list[tuple[list[int], list[int]]]:
    """Connected groups of candidate pairs: each is assigned on its own, small and fast."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        a, b = find(("o", i)), find(("n", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for i, j in sorted(pairs):
        olds, news = groups.setdefault(find(("o", i)), ([], []))
        if i not in olds:
            olds.append(i)
        if j not in news:
            news.append(j)
    return [(sorted(o), sorted(n)) for _, (o, n) in sorted(groups.items())]


def _assign(rows: Sequence[Sequence[tuple[int, float]]], cols: int) -> list[int]:
    """Maximum-weight assignment of rows to columns (Hungarian method, shortest paths).

    rows[r] holds (column, weight) of row r's candidate pairs, by column; every other pair
    weighs -1. Rows may stay unassigned (-1): each row has a dummy column of weight 0.

    The steps and the floating-point arithmetic are those of the dense method (every column
    scanned at each step, tests/test_align.py keeps it verbatim), so ties go the same way,
    but a step looks only at the columns that can be chosen: a pair of weight -1 never is,
    since from the same row a free dummy costs 1 less and is chosen first (ending the
    search), and the free dummies all read the same, so the first stands for them all.
    """
    if cols == 1 and len(rows) == 1 and len(rows[0]) == 1:  # most groups: one pair
        return [-1] if -rows[0][0][1] > 0.0 else [0]  # what the steps below decide
    count = len(rows)
    width = cols + count
    inf = float("inf")
    costs = [[(c + 1, -w) for c, w in row] for row in rows]  # columns from 1, as below
    u = [0.0] * (count + 1)
    v = [0.0] * (width + 1)
    owner = [0] * (width + 1)  # owner[j]: row (1-based) holding column j
    way = [0] * (width + 1)
    dummies: list[tuple[int, float]] = []  # the dummy columns held: a prefix of them
    for i in range(1, count + 1):
        owner[0] = i
        j0 = 0
        minv: dict[int, float] = {}  # the columns reached, not on the path yet
        visited = [0]  # the columns on the path
        on_path = {0}
        free = (cols + len(dummies) + 1, 0.0)  # the first free dummy
        while True:
            i0 = owner[j0]
            ui = u[i0]
            for j, cost in chain(costs[i0 - 1], dummies, (free,)):
                if j in on_path:
                    continue
                cur = cost - ui - v[j]
                if cur < minv.get(j, inf):
                    minv[j] = cur
                    way[j] = j0
            delta, j1 = min((least, j) for j, least in minv.items())
            for j in visited:
                u[owner[j]] += delta
                v[j] -= delta
            for j in minv:
                minv[j] -= delta
            j0 = j1
            del minv[j0]
            visited.append(j0)
            on_path.add(j0)
            if owner[j0] == 0:
                break
        if j0 == free[0]:
            dummies.append(free)
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    result = [-1] * count
    for j in range(1, cols + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def _pairs(
    old: Sequence[Paragraph], new: Sequence[Paragraph], threshold: float
) -> dict[int, tuple[int, float]]:
    candidates = _candidates(old, new, threshold)
    chosen: dict[int, tuple[int, float]] = {}
    scale = max(len(old), len(new), 1)
    by_old: dict[int, list[int]] = {}
    for i, j in sorted(candidates):
        by_old.setdefault(i, []).append(j)
    for olds, news in _components(candidates):
        column = {j: c for c, j in enumerate(news)}
        rows = [
            [
                (column[j], candidates[(i, j)] - drift(i, len(old), j, len(new)) / (1000 * scale))
                for j in by_old[i]
            ]
            for i in olds
        ]
        for r, c in enumerate(_assign(rows, len(news))):
            if c >= 0:
                chosen[olds[r]] = (news[c], candidates[(olds[r], news[c])])
    return chosen
