"""Paragraphs as bags of words: every pair above a similarity threshold, without all pairs.

The similarity is rapidfuzz's normalized Indel similarity over word sequences, 2·LCS/(la+lb):
what alignment scores paragraphs by, and what agreed-language tracing looks for in a corpus.
The longest common subsequence is no longer than the words two paragraphs share as bags, so
a paragraph of lb words can reach the threshold t with a query of la words only if

* its length allows it: lb >= t·la/(2-t) (and la >= t·lb/(2-t));
* it shares a(lb) = ⌈t(la+lb)/2⌉ words with the query, hence one of the query's first
  la-a(lb)+1 words in any fixed order (prefix filtering; rarest first keeps the posting lists
  short, and long paragraphs, which must share more, are looked up for fewer words);
* the words it shares among those probed, plus the query's words not probed for it, reach
  a(lb).

Only the paragraphs left are scored, exactly. The filter loses no pair: `search` returns what
scoring every indexed paragraph returns, with the same scores (tests/test_candidates.py checks
it against exhaustive scoring).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ._bags import _SLACK, Bags, floor_within, reach, shortest
from ._bags import char_code as _code
from ._bags import code_char as _char

__all__ = ["WordIndex", "reaches", "scored"]

_SCORE_ALL_UP_TO = 200
"""Indexes of up to this many paragraphs are scored whole: filtering costs more than it saves."""
_BAGS_UP_TO = 20_000
"""Indexes of up to this many paragraphs are searched by counting shared words bit-sliced."""
_ONE_BY_ONE = 8
"""Up to this many paragraphs are scored one call each: `process.extract` costs more to set up."""
_CUTOFF_ROOM = 1e-6
"""How far under a threshold rapidfuzz's own cutoff is set. rapidfuzz turns a cutoff into a
distance with rounding, and 1e-9 under 0.8 still dropped a pair at exactly 0.8 (four words of
five kept). With 1e-6, none of the 61,396 pairs of up to 200 words a side that score exactly
a two-decimal threshold is dropped; a score under the threshold is then tested by `reaches`."""


def reaches(score: float, threshold: float) -> bool:
    """Whether a similarity reaches a threshold ("at least"). A similarity is computed as
    1 - d/(la+lb) in floating point, which can come out one unit in the last place under the
    fraction it stands for: 1 - 24/30 is under 0.2, though 6/30 is 0.2. The room allowed,
    1e-9, is less than the gap between a threshold of up to four decimal places and any
    fraction other than itself of texts of under 30,000 words together."""
    return score >= threshold - _SLACK


def scored(query: str, choices: Sequence[str], threshold: float) -> list[tuple[int, float]]:
    """(choice, similarity) of every choice whose word similarity with `query` (texts coded
    a character per word) `reaches` the threshold, in rapidfuzz's C loop, in choice order:
    the very scores `Indel.normalized_similarity` gives one pair at a time."""
    hits = process.extract(
        query,
        choices,
        scorer=Indel.normalized_similarity,
        score_cutoff=_cutoff(threshold),
        limit=None,
    )
    return sorted((k, float(s)) for _, s, k in hits if reaches(s, threshold))


def _cutoff(threshold: float) -> float:
    """The cutoff rapidfuzz is given for a threshold: `_CUTOFF_ROOM` under it."""
    return max(threshold - _CUTOFF_ROOM, 0.0)


class WordIndex:
    """Paragraphs as bags of words, for candidate search that loses no pair.

    >>> index = WordIndex([["the", "general", "assembly"], ["recalls", "its", "resolution"]])
    >>> index.search(["the", "general", "assembly", "recalls"], 0.5)
    [(0, 0.8571428571428572)]
    """

    __slots__ = (
        "_bags",
        "_codes",
        "_empty",
        "_lengths",
        "_posted",
        "_postings",
        "_sizes",
        "_texts",
        "_unsorted",
    )

    def __init__(self, paragraphs: Iterable[Sequence[str]] = ()) -> None:
        self._codes = _Codes()  # word -> its code's character, codes from 1 as first met
        self._postings: list[list[int]] = [[]]  # code -> positions holding it, shortest first
        self._sizes: list[list[int]] = [[]]  # code -> the lengths of those positions, sorted
        self._texts: list[str] = []  # position -> its words, one character per code
        self._lengths: list[int] = []  # position -> its number of words
        self._empty: list[int] = []  # positions of paragraphs without words
        self._unsorted: set[int] = set()  # codes whose postings gained a position unsorted
        self._posted = 0  # positions before this are in the postings (made when first needed)
        self._bags: Bags | None = None  # bit sets per word, made when a search needs them
        self.extend(paragraphs)

    def __len__(self) -> int:
        return len(self._texts)

    def add(self, words: Sequence[str]) -> int:
        """Index one paragraph's words; returns its position (0, 1, 2, ... in order added)."""
        self.extend([words])
        return len(self._texts) - 1

    def extend(self, paragraphs: Iterable[Sequence[str]]) -> None:
        """Index paragraphs in order: each new word gets the next code, each paragraph the
        next position. The per-word work is done by the dictionary and string primitives
        (opening a corpus index of 40,000 paragraphs is mostly this), and only the batch's
        own words are looked at, so adding one paragraph costs what that paragraph holds.
        The postings are made at the first search that probes them: a small index is
        scored whole and never needs them."""
        self.extend_coded(list(map(self.code, paragraphs)))

    def code(self, words: Iterable[str]) -> str:
        """The words as `search_coded` and `extend_coded` take them, one character per word:
        a word met for the first time, in a paragraph or a query, gets the next code (a
        caller coding both sides with one index reads each word once)."""
        return "".join(map(self._codes.__getitem__, words))

    def extend_coded(self, texts: Sequence[str]) -> None:
        """Index paragraphs given as `code` gave them."""
        start = len(self._texts)
        self._texts.extend(texts)
        self._lengths.extend(map(len, texts))
        self._empty.extend(start + k for k, text in enumerate(texts) if not text)
        self._bags = None

    def _post(self) -> None:
        """Put the paragraphs indexed since the last search into the postings."""
        postings, touched = self._postings, set()
        for _ in range(len(postings), len(self._codes) + 1):  # codes given since
            postings.append([])
            self._sizes.append([])
        if self._posted == len(self._texts):
            return
        code = ord if len(postings) <= 0xD800 else _code  # no code in the surrogate block yet
        for position in range(self._posted, len(self._texts)):
            chars = set(self._texts[position])
            touched |= chars
            for ch in chars:
                postings[code(ch)].append(position)
        self._unsorted.update(map(code, touched))
        self._posted = len(self._texts)

    def search(self, words: Sequence[str], threshold: float) -> list[tuple[int, float]]:
        """Every indexed paragraph whose word similarity with `words` is >= threshold,
        with that exact similarity (rapidfuzz Indel.normalized_similarity over the word
        sequences), best first, ties by position."""
        # one character per word; a word no paragraph holds reads as code 0's (it matches
        # none, as would a code of its own)
        return self.search_coded("".join(map(self._codes.get, words, repeat("\x00"))), threshold)

    def search_coded(self, query: str, threshold: float) -> list[tuple[int, float]]:
        """`search` for words given as `code` gave them."""
        if threshold <= 0:
            found = self._score(query, range(len(self._texts)), threshold)
        elif not query or threshold > 1:
            found = [(p, 1.0) for p in self._empty] if not query and threshold <= 1 else []
        elif len(self._texts) <= _SCORE_ALL_UP_TO:
            found = self._score_all(query, threshold)  # a few dozen paragraphs: C is quicker
        elif len(self._texts) <= _BAGS_UP_TO:
            # An index of the size of a document: every word's bits are cheap, and counting
            # shared words bit-sliced beats probing postings.
            if self._bags is None:
                self._bags = Bags(self._texts, self._lengths)
            found = self._score(query, self._bags.reaching(Counter(query), threshold), threshold)
        else:  # a corpus is probed first
            self._post()
            codes = list(map(_code, query))
            survivors = self._survivors(codes, threshold)
            if survivors is None:
                if self._bags is None:
                    self._bags = Bags(self._texts, self._lengths, coded=self._postings)
                survivors = list(self._bags.reaching(Counter(query), threshold))
            found = self._score(query, survivors, threshold)
        found.sort(key=lambda hit: (-hit[1], hit[0]))
        return found

    def search_many_coded(
        self, queries: Sequence[str], threshold: float
    ) -> Iterator[list[tuple[int, float]]]:
        """`search_coded` of each query, in turn. In an index scored whole, the queries
        that are indexed texts too (two versions share most paragraphs) are first scored
        among those texts once per pair: the similarity is the same either way round."""
        texts = self._texts
        if not 0 < threshold <= 1 or len(texts) > _SCORE_ALL_UP_TO:
            yield from (self.search_coded(query, threshold) for query in queries)
            return
        at: dict[str, list[int]] = {}  # an indexed text -> its positions
        for position, text in enumerate(texts):
            at.setdefault(text, []).append(position)
        shared = [query for query in dict.fromkeys(queries) if query and query in at]
        rank = {text: k for k, text in enumerate(shared)}
        others = [p for p, text in enumerate(texts) if text not in rank]
        among: list[list[tuple[int, float]]] = [[] for _ in shared]  # (rank, score) reached
        for k, text in enumerate(shared):
            for x, score in scored(text, shared[k + 1 :], threshold):
                among[k].append((k + 1 + x, score))
                among[k + 1 + x].append((k, score))
        for query in queries:
            if query not in rank:
                yield self.search_coded(query, threshold)
                continue
            found = self._score(query, others, threshold) + [(p, 1.0) for p in at[query]]
            found += [(p, score) for r, score in among[rank[query]] for p in at[shared[r]]]
            found.sort(key=lambda hit: (-hit[1], hit[0]))
            yield found

    def _survivors(self, query: list[int], threshold: float) -> list[int] | None:
        """Positions that may reach the threshold (0 < threshold <= 1) with `query`, or None
        when the filter would count more postings than there are paragraphs (common words
        in a short window): scoring every paragraph in rapidfuzz's C loop is then cheaper.

        A paragraph of lb words reaches it only if it shares at least
        a(lb) = t(la+lb)/2 words, so one of the query's first la-a(lb)+1 words, rarest first
        (its window): the words are probed in that order, each in the paragraphs whose window
        holds it (the postings, sorted by length, are cut at the longest such paragraph), and
        counted as often as the query holds it. What a paragraph shares in its window plus the
        query's words after its window bounds its shared words, hence its similarity.
        """
        la = len(query)
        counts = Counter(query)
        postings, sizes = self._postings, self._sizes
        half = threshold / 2
        fewest = shortest(la, threshold)
        longest = max(self._lengths, default=0)
        shared: Counter[int] = Counter()
        windows: list[tuple[int, int]] = []  # (reach of a probed word, words probed with it)
        slices: list[tuple[int, int, int]] = []  # (code, first, cut) of each probed word
        probed = 0
        # Unknown words (code 0) first: they match nothing and only shorten the windows.
        for code in sorted(counts, key=lambda c: (len(postings[c]), c)):
            if code in self._unsorted:  # sorted by length when first searched
                postings[code].sort(key=lambda p: (self._lengths[p], p))
                sizes[code] = [self._lengths[p] for p in postings[code]]
                self._unsorted.discard(code)
            # the longest paragraph whose window holds this word (`probed` words before it)
            most = floor_within(reach(la - probed, half, la), longest)
            if most < fewest:
                break
            first, cut = bisect_left(sizes[code], fewest), bisect_right(sizes[code], most)
            slices.append((code, first, cut))
            probed += counts[code]
            windows.append((most, probed))
        if sum((cut - first) * counts[code] for code, first, cut in slices) > len(self._texts):
            return None
        for code, first, cut in slices:
            for _ in range(counts[code]):
                shared.update(postings[code][first:cut])
        # rest_at[lb]: the query's words after the window of a paragraph of lb words
        rest_at = [la] * (windows[0][0] + 1 if windows else 0)
        k = 0
        for lb in range(len(rest_at) - 1, fewest - 1, -1):
            while k < len(windows) and windows[k][0] >= lb:
                k += 1
            rest_at[lb] = la - windows[k - 1][1] if k else la
        lengths = self._lengths
        out = []
        for position, n in shared.items():
            lb = lengths[position]
            if (n + rest_at[lb] + _SLACK) >= half * (la + lb):
                total = la + lb
                if reaches(1.0 - (total - 2 * min(n + rest_at[lb], lb, la)) / total, threshold):
                    out.append(position)
        return out

    def _score(
        self, query: str, positions: Iterable[int], threshold: float
    ) -> list[tuple[int, float]]:
        """The given paragraphs scored in rapidfuzz's C loop, as `_score_all` scores all."""
        kept = list(positions)
        texts = self._texts
        if len(kept) <= _ONE_BY_ONE:
            cutoff, score = _cutoff(threshold), Indel.normalized_similarity
            scores = [score(query, texts[p], score_cutoff=cutoff) for p in kept]
            return [(p, float(s)) for p, s in zip(kept, scores) if reaches(s, threshold)]
        return [(kept[k], s) for k, s in scored(query, [texts[p] for p in kept], threshold)]

    def _score_all(self, query: str, threshold: float) -> list[tuple[int, float]]:
        """Every paragraph scored, in C; the same scores `_score` gives."""
        return scored(query, self._texts, threshold)


class _Codes(dict[str, str]):
    """Word -> its code's character; a word met for the first time gets the next code."""

    __slots__ = ()

    def __missing__(self, word: str) -> str:
        char = self[word] = _char(len(self) + 1)
        return char
