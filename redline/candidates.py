"""Paragraphs as bags of words: every pair above a similarity threshold, without all pairs.

The similarity is rapidfuzz's normalized Indel similarity over word sequences, 2·LCS/(la+lb):
what alignment scores paragraphs by, and what agreed-language tracing looks for in a corpus.
Scoring every pair costs n·m Indel computations; most pairs share almost no words. The
longest common subsequence cannot be longer than the words two paragraphs share as bags
(multiset intersection), so a pair is pruned without scoring when

* its lengths alone rule it out (the shorter must hold at least t/(2-t) of the longer), or
* twice its shared words over both lengths is below the threshold t, or
* it shares none of the query's rarest words: a pair reaching t shares at least
  m = ⌈t·la/(2-t)⌉ words with the query, so it must share one of the query's first la-m+1
  words in any fixed order (prefix filtering); rarest first keeps the posting lists short.

The survivors are scored exactly. The filter loses no pair: `search` returns what scoring
every indexed paragraph returns, with the same scores (tests/test_candidates.py checks it
against exhaustive scoring).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Indel

__all__ = ["WordIndex"]

_SLACK = 1e-9
"""Room left in the integer bounds, so that no rounding of the threshold prunes a pair."""


def _bound(shared: int, total: int) -> float:
    """The most an Indel similarity can be with `shared` words in common, computed the way
    rapidfuzz computes the score (1 - distance/total), so the bound never rounds below it."""
    return 1.0 - (total - 2 * shared) / total


class WordIndex:
    """Paragraphs as bags of words, for candidate search that loses no pair.

    >>> index = WordIndex([["the", "general", "assembly"], ["recalls", "its", "resolution"]])
    >>> index.search(["the", "general", "assembly", "recalls"], 0.5)
    [(0, 0.8571428571428572)]
    """

    __slots__ = ("_codes", "_counts", "_empty", "_ids", "_postings")

    def __init__(self, paragraphs: Iterable[Sequence[str]] = ()) -> None:
        self._ids: dict[str, int] = {}  # word -> its id
        self._postings: list[list[int]] = []  # word id -> positions holding it, ascending
        self._codes: list[list[int]] = []  # position -> its word ids, in order
        self._counts: list[Counter[int]] = []  # position -> its bag of word ids
        self._empty: list[int] = []  # positions of paragraphs without words
        for words in paragraphs:
            self.add(words)

    def __len__(self) -> int:
        return len(self._codes)

    def add(self, words: Sequence[str]) -> int:
        """Index one paragraph's words; returns its position (0, 1, 2, ... in order added)."""
        position = len(self._codes)
        codes = []
        for word in words:
            code = self._ids.get(word)
            if code is None:
                code = self._ids[word] = len(self._postings)
                self._postings.append([])
            codes.append(code)
        counts = Counter(codes)
        for code in counts:
            self._postings[code].append(position)
        self._codes.append(codes)
        self._counts.append(counts)
        if not codes:
            self._empty.append(position)
        return position

    def search(self, words: Sequence[str], threshold: float) -> list[tuple[int, float]]:
        """Every indexed paragraph whose word similarity with `words` is >= threshold,
        with that exact similarity (rapidfuzz Indel.normalized_similarity over the word
        sequences), best first, ties by position."""
        if threshold <= 0:
            found = self._score(words, range(len(self._codes)), threshold)
        elif not words:
            found = [(p, 1.0) for p in self._empty] if threshold <= 1 else []
        else:
            found = self._score(words, self._survivors(words, threshold), threshold)
        found.sort(key=lambda hit: (-hit[1], hit[0]))
        return found

    def _survivors(self, words: Sequence[str], threshold: float) -> list[int]:
        """Positions that may reach the threshold with `words`: prefix, length and bag bounds."""
        query = Counter(self._ids.get(w, -1) for w in words)  # -1: a word no paragraph holds
        la = len(words)
        least = threshold / (2 - threshold) if threshold < 2 else math.inf
        need = max(1, math.ceil(least * la - _SLACK))  # words a surviving pair shares
        if need > la:
            return []
        # The query's words, rarest first (unknown words first: they match nothing).
        order = sorted(query, key=lambda c: (len(self._postings[c]) if c >= 0 else 0, c))
        probe = la - need + 1
        seen: set[int] = set()
        for code in order:
            if probe <= 0:
                break
            probe -= query[code]
            if code >= 0:
                seen.update(self._postings[code])
        shortest = least * la - _SLACK
        longest = la / least + _SLACK if least > 0 else math.inf
        out = []
        for position in sorted(seen):
            lb = len(self._codes[position])
            if lb < shortest or lb > longest:
                continue
            counts = self._counts[position]
            shared = sum(min(n, counts[c]) for c, n in query.items() if c in counts)
            if _bound(shared, la + lb) >= threshold:
                out.append(position)
        return out

    def _score(
        self, words: Sequence[str], positions: Iterable[int], threshold: float
    ) -> list[tuple[int, float]]:
        query = [self._ids.get(w, -1) for w in words]
        found = []
        for position in positions:
            score = float(Indel.normalized_similarity(query, self._codes[position]))
            if score >= threshold:
                found.append((position, score))
        return found
