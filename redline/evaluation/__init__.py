"""Judging the aligner: revision pairs with a known gold alignment, and their scores.

>>> from redline.evaluation import revise, score
>>> pair = revise(redline.parse(Path("examples/hrc-46-13.txt")), seed=7)
>>> score(pair, redline.compare(pair.old, pair.new).matches).accuracy_by_kind()
"""

from .generate import ALL_KINDS, NEW_CUTOFF, GoldMatch, RevisionPair, revise, revision_pairs
from .score import KINDS, Score, score

__all__ = [
    "ALL_KINDS",
    "KINDS",
    "NEW_CUTOFF",
    "GoldMatch",
    "RevisionPair",
    "Score",
    "revise",
    "revision_pairs",
    "score",
]
