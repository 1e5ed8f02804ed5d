"""The candidate index loses no pair: `WordIndex.search` is exhaustive scoring, faster.

The reference is the plain definition: rapidfuzz's Indel normalized similarity of the query
with every indexed paragraph, kept when the similarity as an exact fraction (words kept over
words in both) is at least the threshold as written, best first, ties by position.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from fractions import Fraction
from unittest.mock import patch

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import Indel

import redline
from redline.align._score import _candidates, _words
from redline.candidates import WordIndex
from redline.candidates import _index as candidates_index
from redline.candidates._bags import Bags
from redline.diff import encode_tokens
from redline.model import Paragraph, Part

# A small vocabulary, so paragraphs share words (repeats included) and pairs land near any
# threshold; lengths from empty to long enough for the prefix and length bounds to matter.
WORDS = st.sampled_from(["the", "general", "assembly", "recalls", "its", "of", "a", "b"])
PARAGRAPH = st.lists(WORDS, max_size=14)
DECIMALS = st.integers(0, 10_000).map(lambda k: k / 10_000)
"""Thresholds as a drafter writes them, to four decimal places: 0.2 and 0.45 among them, where
a similarity of exactly the threshold comes out a unit in the last place under it."""
THRESHOLD = st.one_of(st.sampled_from([0.0, 1.0, 0.5, 1 / 3, 2 / 3, 0.8, 0.2, -0.1, 1.1]), DECIMALS)


def reaches_exactly(a: Sequence[object], b: Sequence[object], threshold: float) -> bool:
    """Whether a pair's similarity, as the fraction it is, is at least the threshold as
    written (`repr`): 6 words kept of 30 reach 0.2, though 1 - 24/30 is under 0.2 in floats."""
    total = len(a) + len(b)
    kept = Fraction(total - Indel.distance(a, b), total) if total else Fraction(1)
    return kept >= Fraction(repr(threshold))


def exhaustive(
    corpus: Sequence[Sequence[str]], query: Sequence[str], threshold: float
) -> list[tuple[int, float]]:
    found = []
    for position, words in enumerate(corpus):
        if reaches_exactly(list(query), list(words), threshold):
            score = float(Indel.normalized_similarity(list(query), list(words)))
            found.append((position, score))
    return sorted(found, key=lambda hit: (-hit[1], hit[0]))


WAYS = {"whole": (10**6, 10**6), "bags": (0, 10**6), "probe": (0, 0)}
"""How an index of that size searches: scored whole, counted bit-sliced, or probed first (the
sizes up to which it scores whole and counts bit-sliced), so small examples try every way."""


@contextmanager
def searched(way: str) -> Iterator[None]:
    whole, bags = WAYS[way]
    with (
        patch.object(candidates_index, "_SCORE_ALL_UP_TO", whole),
        patch.object(candidates_index, "_BAGS_UP_TO", bags),
    ):
        yield


@given(st.lists(PARAGRAPH, max_size=12), PARAGRAPH, THRESHOLD, st.sampled_from(sorted(WAYS)))
@example([[]], [], 1.0, "bags")
@example([["a"], []], [], 0.0, "bags")
@example([["a", "a", "b"], ["a", "b", "b"]], ["a", "a", "a"], 0.5, "bags")
@example([["a", "a", "b"], ["a", "b", "b"]], ["a", "a", "a"], 0.5, "probe")
@example([["a", "b", "c"]], ["c", "b", "a"], 1 / 3, "bags")
def test_search_is_exhaustive_scoring(
    corpus: list[list[str]], query: list[str], threshold: float, way: str
) -> None:
    index = WordIndex(corpus)
    assert len(index) == len(corpus)
    with searched(way):
        assert index.search(query, threshold) == exhaustive(corpus, query, threshold)


@given(
    st.lists(PARAGRAPH, max_size=12),
    st.lists(PARAGRAPH, min_size=1, max_size=4),
    st.sampled_from(sorted(WAYS)),
)
def test_added_paragraphs_are_searched_like_initial_ones(
    corpus: list[list[str]], later: list[list[str]], way: str
) -> None:
    """Paragraphs added after searches are found as if indexed at the start."""
    index = WordIndex(corpus)
    with searched(way):
        for words in later:
            index.search(words, 0.5)
            assert index.add(words) == len(index) - 1
        everything = corpus + later
        for query in later:
            assert index.search(query, 0.5) == exhaustive(everything, query, 0.5)


@given(
    st.lists(PARAGRAPH, max_size=10),
    st.lists(PARAGRAPH, max_size=10),
    st.lists(PARAGRAPH, min_size=1, max_size=4),
    THRESHOLD,
    st.sampled_from(sorted(WAYS)),
)
def test_a_batch_extended_after_searches_is_found_as_if_added_one_by_one(
    first: list[list[str]],
    batch: list[list[str]],
    queries: list[list[str]],
    threshold: float,
    way: str,
) -> None:
    """`extend` (what opening a corpus index uses) indexes as `add` does, also after searches
    have sorted some postings."""
    index = WordIndex(first)
    with searched(way):
        for query in queries:
            index.search(query, threshold)
        index.extend(iter(batch))  # any iterable, not only a list
        everything = first + batch
        assert len(index) == len(everything)
        for query in queries:
            assert index.search(query, threshold) == exhaustive(everything, query, threshold)


def _hits(corpus: list[list[str]], query: list[str], threshold: float) -> set[int]:
    return {position for position, _ in exhaustive(corpus, query, threshold)}


@given(
    st.lists(PARAGRAPH, max_size=12),
    PARAGRAPH,
    st.floats(min_value=0.0, max_value=1.0, exclude_min=True),
    st.sampled_from([0, 1, 3, 1000]),
)
@example([["a", "a", "b"], ["a", "b", "b"]], ["a", "a", "a"], 0.5, 0)
@example([["of", "of", "the"], ["of"]], ["of", "of", "of", "x"], 0.4, 1)
def test_counting_shared_words_keeps_every_hit(
    corpus: list[list[str]], query: list[str], threshold: float, rare: int
) -> None:
    """The bit-sliced count of shared words (words in `rare` paragraphs or more as bit sets,
    the others one paragraph at a time) passes every paragraph that reaches the threshold.
    (An empty query is answered by `search` itself: only empty paragraphs equal it.)"""
    if not query:
        return
    index = WordIndex(corpus)
    chars = Counter(index._codes.get(w, "\x00") for w in query)
    bags = Bags(index._texts, index._lengths, rare=rare)
    assert set(bags.reaching(chars, threshold)) >= _hits(corpus, query, threshold)
    assert set(bags.reaching(chars, threshold)) >= _hits(corpus, query, threshold)  # bits kept


@given(st.lists(PARAGRAPH, max_size=12), PARAGRAPH, st.floats(min_value=0.0, max_value=1.0))
def test_probing_postings_keeps_every_hit(
    corpus: list[list[str]], query: list[str], threshold: float
) -> None:
    """The prefix filter (what a corpus-sized index uses first) passes every hit too."""
    index = WordIndex(corpus)
    index._post()
    codes = [ord(index._codes.get(w, "\x00")) for w in query]
    if threshold <= 0 or not codes:
        return
    survivors = index._survivors(codes, threshold)
    if survivors is not None:
        assert set(survivors) >= _hits(corpus, query, threshold)


def test_counting_shared_words_prunes_what_cannot_reach() -> None:
    """The count is of words shared as bags: "of" three times in the query and once in the
    paragraph counts once (1 of the 2 or more its length needs), so that paragraph is not a
    candidate; counted as often as the query holds it, it would be."""
    corpus = [["of", "the", "the", "the"], ["of", "rights", "council", "human"]]
    index = WordIndex(corpus)
    query = ["of", "of", "of", "human", "rights", "council"]
    chars = Counter(index._codes.get(w, "\x00") for w in query)
    for rare in (0, 1000):
        bags = Bags(index._texts, index._lengths, rare=rare)
        assert list(bags.reaching(chars, 0.5)) == [1]


def test_unrelated_paragraphs_are_not_candidates() -> None:
    index = WordIndex([["recalls", "its", "resolution"], ["welcomes", "the", "report"]])
    [(position, score)] = index.search(["recalls", "its", "resolution", "again"], 0.5)
    assert position == 0
    assert score == pytest.approx(6 / 7)  # 2 x 3 kept words over 3 + 4
    assert index.search(["nothing", "shared"], 0.01) == []


def _extract_candidates(
    old: Sequence[Paragraph], new: Sequence[Paragraph], threshold: float
) -> dict[tuple[int, int], float]:
    """align._score._candidates before the index (commit 6e8b8a2): all pairs scored, here
    kept when their exact similarity reaches the threshold (`reaches_exactly`; rapidfuzz's
    own cutoff rounds a few pairs at the threshold out, e.g. 0.8 at 0.8)."""
    codes, _ = encode_tokens([_words(p) for p in (*old, *new)])
    olds, news = codes[: len(old)], codes[len(old) :]
    pairs: dict[tuple[int, int], float] = {}
    for i, query in enumerate(olds):
        for _choice, score, j in process.extract(
            query, news, scorer=Indel.normalized_similarity, limit=None
        ):
            if reaches_exactly(query, news[j], threshold):
                pairs[(i, j)] = float(score)
    return pairs


TEXT = st.lists(
    st.sampled_from(["the", "General", "assembly", "of", "a", "b", "—", "人权"]), max_size=10
)
PARAGRAPHS = st.lists(TEXT.map(" ".join), max_size=10).map(
    lambda texts: [Paragraph(Part.OPERATIVE, k + 1, t) for k, t in enumerate(texts)]
)


@given(
    PARAGRAPHS,
    PARAGRAPHS,
    st.one_of(
        st.sampled_from([0.5, 0.4, 0.6, 0.3, 0.8, 1 / 3, 2 / 3, 1.0, 0.55, 0.2, 0.45]),
        DECIMALS.filter(lambda t: t >= 0.01),
    ),
    st.sampled_from(sorted(WAYS)),
)
@example(
    [Paragraph(Part.OPERATIVE, 1, "a b c")], [Paragraph(Part.OPERATIVE, 1, "a b d e")], 0.6, "bags"
)
@example([Paragraph(Part.OPERATIVE, 1, "—")], [Paragraph(Part.OPERATIVE, 1, "")], 0.5, "bags")
def test_alignment_takes_the_pairs_all_pairs_scoring_took(
    old: list[Paragraph], new: list[Paragraph], threshold: float, way: str
) -> None:
    """The index changes which pairs are scored, never which pairs are candidates."""
    with searched(way):
        assert _candidates(old, new, threshold) == _extract_candidates(old, new, threshold)


def test_a_pair_at_exactly_the_threshold_is_paired() -> None:
    """`threshold` is the similarity below which paragraphs are not paired, so a pair at it
    is paired: at 0.8, four words kept of five on each side (2 x 4 / 10; rapidfuzz's own
    cutoff rounded it out), and at 0.2, three of fifteen (2 x 3 / 30; 1 - 24/30 is under 0.2
    in floats). Just under, at 3 of 15 against 0.2001, it is not."""
    old = "The Human Rights Council,\n\n1. Decides alpha beta gamma delta;\n"
    new = "The Human Rights Council,\n\n1. Decides alpha beta gamma epsilon;\n"
    for threshold in (0.8, 0.6):
        matches = redline.compare(old, new, threshold=threshold).matches
        assert [(m.old, m.new, m.similarity) for m in matches] == [((0,), (0,), 0.8)]
    a = Paragraph(Part.OPERATIVE, 1, " ".join(f"w{i}" for i in range(15)))
    b = Paragraph(Part.OPERATIVE, 1, " ".join(["w0", "w1", "w2"] + [f"x{i}" for i in range(12)]))
    assert _candidates([a], [b], 0.2) == {(0, 0): pytest.approx(0.2)}
    assert _candidates([a], [b], 0.2001) == {}
