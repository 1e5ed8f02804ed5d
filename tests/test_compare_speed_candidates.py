"""Queries that are indexed texts too are scored among those texts once per pair.

`search_many_coded` gives each query what `search_coded` gives it: the same pairs, scores
and order, whether a query is an indexed text, a copy of one, empty, or neither.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from redline.candidates import WordIndex

_WORDS = st.lists(st.sampled_from("abcdefg"), max_size=8)


@given(
    st.lists(_WORDS, max_size=10),
    st.lists(st.one_of(_WORDS, st.integers(0, 9)), max_size=10),
    st.sampled_from([0.0, 0.3, 0.5, 0.6, 2 / 3, 0.75, 1.0, 1.5]),
)
def test_many_as_one_by_one(
    indexed: list[list[str]], asked: list[list[str] | int], threshold: float
) -> None:
    index = WordIndex()
    index.extend_coded([index.code(words) for words in indexed])
    # an int asks for an indexed text itself (when there is one): most queries of a revision
    queries = [
        index.code(indexed[q % len(indexed)] if indexed else [])
        if isinstance(q, int)
        else index.code(q)
        for q in asked
    ]
    one_by_one = [index.search_coded(query, threshold) for query in queries]
    assert list(index.search_many_coded(queries, threshold)) == one_by_one
