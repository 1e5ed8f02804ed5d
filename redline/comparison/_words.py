"""A paragraph of a Word document as the word diff sees it: its units and their offsets."""

from __future__ import annotations

from ..diff import Op, diff_sequences, tokenize
from ..document import Block, Para
from ._changes import Step

__all__ = ["tokens", "units", "word_steps"]


def tokens(p: Para) -> tuple[list[object], list[int]]:
    """The paragraph's diff units and the offset each starts at (atoms one unit each)."""
    units: list[object] = []
    starts: list[int] = []
    atoms = dict(p.atoms)
    pos = 0
    cut = sorted(atoms)
    for at in [*cut, len(p.text)]:
        for tok in tokenize(p.text[pos:at]):
            units.append(tok)
            starts.append(pos)
            pos += len(tok)
        if at < len(p.text) and at in atoms:
            units.append(("atom", atoms[at].key))
            starts.append(at)
            pos = at + 1
    return units, starts


def word_steps(old: Para, new: Para) -> tuple[Step, ...]:
    """The word diff of two paragraphs as steps over their texts' offsets."""
    a, a_at = tokens(old)
    b, b_at = tokens(new)
    a_at.append(len(old.text))
    b_at.append(len(new.text))
    steps: list[Step] = []
    i = j = 0
    for op, n in diff_sequences(a, b):
        di = n if op is not Op.INSERT else 0
        dj = n if op is not Op.DELETE else 0
        steps.append(Step(op, (a_at[i], a_at[i + di]), (b_at[j], b_at[j + dj])))
        i, j = i + di, j + dj
    return tuple(steps)


def units(block: Block) -> list[object]:
    if isinstance(block, Para):
        return [u for u in tokens(block)[0] if not (isinstance(u, str) and u.isspace())]
    return [u for r in block.rows for c in r.cells for b in c for u in units(b)]
