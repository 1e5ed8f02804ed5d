"""Matching paragraphs across two texts: scoring, one-to-one assignment, splits, moves.

_score    word-level similarity; candidate pairs at the threshold
_assign   connected groups of candidates, each assigned exactly (Hungarian method)
_moves    the longest chain of pairs that keep their order; the rest moved
_splits   splits and merges grown from the pairs
_match    align(): every paragraph of both texts in exactly one Match
"""

from ._match import align
from ._moves import chain_weight, stationary
from ._score import DEFAULT_THRESHOLD, similarity

__all__ = ["DEFAULT_THRESHOLD", "align", "chain_weight", "similarity", "stationary"]
