"""Judging the aligner: revision pairs with a known gold alignment, and their scores.

>>> from support.evaluation import revise, score
>>> pair = revise(redline.parse(Path("examples/hrc-46-13.txt")), seed=7)
>>> pair.operations[:2]
('promote PP6 -> OP1', 'edit PP3: 5 words')
>>> score(pair, redline.compare(pair.old, pair.new).matches).accuracy_by_kind()
{'unchanged': 1.0, 'modified': 1.0, 'deleted': 1.0, 'merged': 1.0}
"""

from .generate import ALL_KINDS, NEW_CUTOFF, GoldMatch, RevisionPair, revise, revision_pairs
from .score import KINDS, Score, score

__all__ = [
    "ALL_KINDS",
    "GoldMatch",
    "KINDS",
    "NEW_CUTOFF",
    "RevisionPair",
    "Score",
    "revise",
    "revision_pairs",
    "score",
]
