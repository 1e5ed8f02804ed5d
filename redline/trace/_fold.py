"""What "the same words" means: a paragraph's text folded, and the words it is scored on.

Two paragraphs hold the same words when their texts are identical after folding case,
whitespace, quotation marks and hyphens: the adopted PDFs print U+2011 where a draft types
"-", curly quotes where a draft types straight ones, and a line break where a draft runs on.
Similarity is compare()'s own word similarity (align's scored words, Indel), so a precedent
scores here what the same pair scores in a redline.
"""

from __future__ import annotations

from ..align._score import _scored_words

NEAR = 0.95
"""Similarity from which a paragraph not identical after folding still holds the same words
("near"): a comma or a footnote mark apart."""

_QUOTES = "\"'`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
_HYPHENS = "\u2010\u2011\u2012"
_FOLD = str.maketrans({**dict.fromkeys(_QUOTES, "'"), **dict.fromkeys(_HYPHENS, "-")})
_SOFT_HYPHEN = "\xad"


def fold(text: str) -> str:
    """The text as "the same words" compares it: case, whitespace, quotes and hyphens folded.

    >>> fold("Calls upon  States to “promote”\\nnon\u2011discrimination")
    "calls upon states to 'promote' non-discrimination"
    """
    return " ".join(text.replace(_SOFT_HYPHEN, "").translate(_FOLD).casefold().split())


def scored_words(text: str) -> list[str]:
    """The words similarity is scored on, exactly as compare() scores a paragraph."""
    return _scored_words(text)
