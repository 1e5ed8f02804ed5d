"""The bit-sliced count passes exactly the paragraphs its bound passes, however it adds."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import example, given
from hypothesis import strategies as st

from redline.candidates import WordIndex
from redline.candidates._bags import Bags, _positions

WORDS = st.sampled_from(["the", "of", "a", "b", "c", "rights"])
PARAGRAPH = st.lists(WORDS, max_size=24)  # a word up to 24 times: levels and their slices


def bound(corpus: list[list[str]], query: list[str], threshold: float) -> list[int]:
    """The bound the count stands for: 2·(words shared as bags) - ⌊t·lb⌋ >= ⌊t·la⌋."""
    counts = Counter(query)
    passed = []
    for position, words in enumerate(corpus):
        shared = sum(min(n, counts[w]) for w, n in Counter(words).items())
        if 2 * shared - math.floor(threshold * len(words)) >= math.floor(threshold * len(query)):
            passed.append(position)
    return passed


@given(
    st.lists(PARAGRAPH, max_size=10),
    st.lists(PARAGRAPH, min_size=1, max_size=4),
    st.floats(min_value=0.01, max_value=1.0),
    st.sampled_from([0, 1, 3, 1000]),
)
@example([["the"] * 7 + ["of"], ["the"] * 3, ["the"]], [["the"] * 5 + ["of"] * 2], 0.5, 0)
def test_counting_passes_what_the_bound_passes(
    corpus: list[list[str]], queries: list[list[str]], threshold: float, rare: int
) -> None:
    index = WordIndex(corpus)
    index._post()  # a corpus's index: its postings by code, which its bit counts read
    counted = Bags(index._texts, index._lengths, rare=rare)
    read = Bags(index._texts, index._lengths, rare=rare, coded=index._postings)
    for query in queries * 2:  # the second time from the bits made the first
        if not query:
            continue
        chars = Counter(index._codes.get(w, "\x00") for w in query)
        for bags in (counted, read):
            assert list(bags.reaching(chars, threshold)) == bound(corpus, query, threshold)


@given(st.sets(st.integers(min_value=0, max_value=300)))
def test_positions_are_the_set_bits_lowest_first(bits: set[int]) -> None:
    assert list(_positions(sum(1 << p for p in bits))) == sorted(bits)
