"""Word-level similarity of paragraphs, and the candidate pairs above the threshold.

Paragraphs are scored by word-level similarity (rapidfuzz's normalized Indel similarity
over word tokens: twice the words kept in order, over the words of both). Words, not
characters, because two unrelated paragraphs of one resolution family share most of their
letters ("human rights", "international cooperation") but few of their word sequences,
and because the kept words are what a reader sees unmarked in the redline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from ..candidates import WordIndex
from ..diff import encode_tokens, words
from ..model import Paragraph
from ..progress import tell

DEFAULT_THRESHOLD = 0.5
"""Word similarity below which two paragraphs are not a pair, in all six languages.

Calibrated on English (benchmarks/calibrate.py) and checked per script on the six-language
corpus (calibrate.py --languages): Chinese, scored per character, has about as many
unrelated look-alikes at this threshold as English (10.3 % and 11.0 % of 3,691 UN lines),
and a higher one would cost it reused paragraphs; Arabic and Russian score lower on both
sides, but at English's false-pair risk (0.45) they would keep few more reused paragraphs
(2.5 points), so one threshold serves every script; `threshold=` overrides it.
"""


def _words(p: Paragraph) -> list[str]:
    """The words similarity is scored on: word tokens, and each Chinese or Japanese
    character on its own (those scripts write no spaces, so a "word" would be a sentence)."""
    return _scored_words(p.full_text)


def _scored_words(text: str) -> list[str]:
    if not text.isascii():
        signs_out = _SIGN.sub(" ", text)  # most others: ASCII but for quotes and dashes
        if not signs_out.isascii():
            return words(text.casefold())
        text = signs_out
    # \w is [A-Za-z0-9_] and the rest are spaces to split on
    return text.encode("ascii").translate(_ASCII_WORD).decode("ascii").lower().split()


_ASCII_WORD = bytes(c if chr(c).isalnum() or c == 0x5F else 0x20 for c in range(256))
"""Each ASCII word character kept, every other byte a space: `words` of ASCII text, in C."""
_SIGNS = "\u2019\u201c\u201d\u2018\u2013\u2014\xa0\u2026\xab\xbb"
"""Signs that end a word as a space does (no word character, no mark or joiner, casefolded
as they are): text that is ASCII once they are spaces has the words of its ASCII path.
tests/test_candidates_words.py checks it against `words`."""
_SIGN = re.compile(f"[{_SIGNS}]")  # (str.translate, char by char, took 15 times as long)


def similarity(a: Paragraph, b: Paragraph) -> float:
    """Word-level similarity of two paragraphs, from 0 (nothing kept) to 1 (same words)."""
    return words_similarity(_words(a), _words(b))


def words_similarity(a: list[str], b: list[str]) -> float:
    """`similarity` of two paragraphs' words (as `_words` gives them)."""
    (x, y), _ = encode_tokens([a, b])
    return float(Indel.normalized_similarity(x, y))


def _candidates(
    old: Sequence[Paragraph], new: Sequence[Paragraph], threshold: float
) -> dict[tuple[int, int], float]:
    """Every pair whose similarity reaches the threshold, with its score.

    The new paragraphs are indexed (`WordIndex`, which prunes without loss the pairs that
    cannot reach the threshold) and each old paragraph is searched in them. A pair scored
    exactly at the threshold is kept (`candidates.reaches`).
    """
    index = WordIndex()
    coded: dict[str, str] = {}  # a text's words as the index codes them: most on both sides

    def code_of(p: Paragraph) -> str:
        found = coded.get(p.full_text)
        if found is None:
            found = coded[p.full_text] = index.code(_words(p))
        return found

    index.extend_coded(list(map(code_of, new)))
    queries = list(map(code_of, old))
    searched = index.search_many_coded(list(dict.fromkeys(queries)), threshold)
    hits: dict[str, list[tuple[int, float]]] = {}  # a query's pairs: the same for its copies
    pairs: dict[tuple[int, int], float] = {}
    for i, query in enumerate(queries):
        tell("matching paragraphs", i, len(old))
        found = hits.get(query)
        if found is None:  # the next distinct query: searched in turn
            found = hits[query] = next(searched)
        for j, score in found:
            pairs[(i, j)] = score
    tell("matching paragraphs", len(old), len(old))
    return pairs
