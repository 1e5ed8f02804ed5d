"""The one-to-one assignment: connected groups of candidates, each solved exactly.

Pairs are chosen by a maximum-weight assignment over the whole document (not greedy
first-come), so a paragraph reused under another number and in another part is still found,
and one below the threshold stays added or deleted rather than a bad pair.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def _assign(weights: list[list[float]]) -> list[int]:
    """Maximum-weight assignment of rows to columns (Hungarian method, shortest paths).

    Rows may stay unassigned (-1): each row gets a private dummy column of weight 0.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    width = cols + rows
    inf = float("inf")
    cost = [[-w for w in row] + [0.0] * rows for row in weights]
    u = [0.0] * (rows + 1)
    v = [0.0] * (width + 1)
    owner = [0] * (width + 1)  # owner[j]: row (1-based) holding column j
    way = [0] * (width + 1)
    for i in range(1, rows + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (width + 1)
        free = list(range(1, width + 1))  # the columns not on the path yet, in order
        visited = [0]  # those on it
        while True:
            i0 = owner[j0]
            ui = u[i0]
            delta = inf
            j1 = k1 = 0
            row = cost[i0 - 1]
            for k, j in enumerate(free):
                cur = row[j - 1] - ui - v[j]
                least = minv[j]
                if cur < least:
                    minv[j] = least = cur
                    way[j] = j0
                if least < delta:
                    delta = least
                    j1, k1 = j, k
            for j in visited:
                u[owner[j]] += delta
                v[j] -= delta
            for j in free:
                minv[j] -= delta
            j0 = j1
            del free[k1]
            visited.append(j0)
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    result = [-1] * rows
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
    for olds, news in _components(candidates):
        weights = [
            [
                candidates[(i, j)] - drift(i, len(old), j, len(new)) / (1000 * scale)
                if (i, j) in candidates
                else -1.0
                for j in news
            ]
            for i in olds
        ]
        for r, c in enumerate(_assign(weights)):
            if c >= 0 and (olds[r], news[c]) in candidates:
                chosen[olds[r]] = (news[c], candidates[(olds[r], news[c])])
    return chosen
