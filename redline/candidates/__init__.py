"""Paragraphs as bags of words: every pair above a similarity threshold, without all pairs.

`WordIndex` is what alignment scores candidate pairs with and what agreed-language tracing
searches a corpus with; `_index` holds it, `_bags` its counter of shared words.
"""

from ._index import WordIndex

__all__ = ["WordIndex"]
