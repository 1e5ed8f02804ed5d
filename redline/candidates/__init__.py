"""Paragraphs as bags of words: every pair above a similarity threshold, without all pairs.

`WordIndex` is what alignment scores candidate pairs with and what agreed-language tracing
searches a corpus with; `scored` and `reaches` are the one way a similarity is tested against
a threshold (also by Word block pairing, moves, splits and merges). `_index` holds them,
`_bags` the shared-word counter.
"""

from ._index import WordIndex, reaches, scored

__all__ = ["WordIndex", "reaches", "scored"]
