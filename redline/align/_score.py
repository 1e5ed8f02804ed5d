"""Word-level similarity of paragraphs, and the candidate pairs above the threshold.

Paragraphs are scored by word-level similarity (rapidfuzz's normalized Indel similarity
over word tokens: twice the words kept in order, over the words of both). Words, not
characters, because two unrelated paragraphs of one resolution family share most of their
letters ("human rights", "international cooperation") but few of their word sequences,
and because the kept words are what a reader sees unmarked in the redline.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..diff import encode_tokens, tokenize
from ..model import Paragraph

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
    return [t for t in tokenize(text.casefold()) if t[0].isalnum() or t[0] == "_"]


def similarity(a: Paragraph, b: Paragraph) -> float:
    """Word-level similarity of two paragraphs, from 0 (nothing kept) to 1 (same words)."""
    (x, y), _ = encode_tokens([_words(a), _words(b)])
    return float(Indel.normalized_similarity(x, y))


def _candidates(
    old: Sequence[Paragraph], new: Sequence[Paragraph], threshold: float
) -> dict[tuple[int, int], float]:
    codes, _ = encode_tokens([_words(p) for p in (*old, *new)])
    olds, news = codes[: len(old)], codes[len(old) :]
    pairs: dict[tuple[int, int], float] = {}
    for i, query in enumerate(olds):
        for _choice, score, j in process.extract(
            query, news, scorer=Indel.normalized_similarity, score_cutoff=threshold, limit=None
        ):
            pairs[(i, j)] = float(score)
    return pairs
