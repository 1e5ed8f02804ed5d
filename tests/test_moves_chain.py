"""The stationary chain (what did not move) equals the plain quadratic rule it replaced.

The reference below is the O(n^2) dynamic programme `stationary` used before it took a
Fenwick tree: every earlier pair tried, the longest chain kept, then the most text, then
the earliest. Written out here as the gold, it is not the code under test.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from redline.align._moves import stationary


def reference(pairs: Sequence[tuple[int, int]], weights: Sequence[float]) -> set[int]:
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


weights = st.one_of(st.integers(1, 4).map(float), st.floats(0.5, 500.0))


@given(
    st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), unique=True, max_size=40).flatmap(
        lambda ps: st.tuples(st.just(ps), st.lists(weights, min_size=len(ps), max_size=len(ps)))
    )
)
def test_stationary_is_the_quadratic_rule(case: tuple[list[tuple[int, int]], list[float]]) -> None:
    pairs, w = case
    assert stationary(pairs, w) == reference(pairs, w)


def test_a_crossing_pair_is_the_one_moved() -> None:
    # (0,0) (1,2) (2,1) (3,3): one of the crossing middle pairs moves; the longer text stays
    assert stationary([(0, 0), (1, 2), (2, 1), (3, 3)], [5.0, 9.0, 4.0, 5.0]) == {0, 1, 3}
    assert stationary([(0, 0), (1, 2), (2, 1), (3, 3)], [5.0, 4.0, 9.0, 5.0]) == {0, 2, 3}
