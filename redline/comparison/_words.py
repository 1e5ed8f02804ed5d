"""A paragraph of a Word document as the word diff sees it: its units and their offsets."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import accumulate
from typing import cast

from ..diff import (
    Op,
    code_with,
    diff_sequences,
    remembered_tokens,
    remembering,
    solid_tokens,
)
from ..document import Block, Para
from ._changes import InnerEdit, Step

__all__ = ["coded", "edited_inside", "remembered", "tokens", "units", "word_steps"]

_Memo = tuple[dict[int, tuple[Block, list[object]]], dict[int, str], dict[Hashable, str]]
_MEMO: ContextVar[_Memo | None] = ContextVar("redline_units", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    """Within it, each block's units, each text's tokens and each coded diff are worked out
    once: one comparison asks for the same paragraph's in its gaps, moves, joins and word
    diffs, and diffs its pairs as lines too. Nested: the outer memo serves."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set(({}, {}, {}))
    try:
        with remembering():
            yield
    finally:
        _MEMO.reset(token)


_tokenize = remembered_tokens


def tokens(p: Para, *, framed: bool = False) -> tuple[list[object], list[int]]:
    """The paragraph's diff units and the offset each starts at (atoms one unit each;
    `framed`: an equation by its frame, as similarity reads it)."""
    units: list[object] = []
    starts: list[int] = []
    atoms = dict(p.atoms)
    pos = 0
    cut = sorted(atoms)
    for at in [*cut, len(p.text)]:
        read = _tokenize(p.text[pos:at])
        if read:  # each token starts where the ones before it end
            units += read
            ends = list(accumulate(map(len, read), initial=pos))
            starts += ends[:-1]
            pos = ends[-1]
        if at < len(p.text) and at in atoms:
            atom = atoms[at]
            units.append(("atom", atom.frame if framed and atom.frame else atom.key))
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
    """The block's units as similarity reads them: its words, signs and atoms, no spaces
    (remembered inside `remembered`: the list is shared, read it only)."""
    memo = _MEMO.get()
    if memo is None:
        return _units(block)
    hit = memo[0].get(id(block))
    if hit is not None and hit[0] is block:
        return hit[1]
    found = _units(block)
    memo[0][id(block)] = (block, found)  # the block kept, so that its id stays its own
    return found


def coded(*sides: Sequence[Block]) -> list[list[str]]:
    """Each side's blocks, their units one character each in one alphabet, as
    `encode_tokens` codes them for similarity (which reads only which units are equal).
    Inside `remembered` every block of the comparison is coded once, in the comparison's
    alphabet, whichever gap, move or join asks."""
    memo = _MEMO.get()
    if memo is None:
        alphabet: dict[Hashable, str] = {}
        return [code_with(alphabet, [units(b) for b in side]) for side in sides]
    _, codes, alphabet = memo
    # (`units` keeps each block in the memo, so its id stays its own while the codes live)
    new = list({id(b): b for side in sides for b in side if id(b) not in codes}.values())
    codes.update(zip(map(id, new), code_with(alphabet, [units(b) for b in new])))
    return [[codes[id(b)] for b in side] for side in sides]


def _units(block: Block) -> list[object]:
    if isinstance(block, Para):
        if not block.atoms:  # words and signs only: no offsets to keep
            return cast("list[object]", solid_tokens(block.text))
        return [
            u for u in tokens(block, framed=True)[0] if not (isinstance(u, str) and u.isspace())
        ]
    return [u for r in block.rows for c in r.cells for b in c for u in units(b)]


def edited_inside(
    old: Para, new: Para, steps: tuple[Step, ...]
) -> tuple[tuple[Step, ...], tuple[InnerEdit, ...]]:
    """An equation or a link deleted and inserted in one place, in the same frame (the same
    structure, target and formats), is one atom edited inside: its step is kept and its
    runs get their own word diffs."""
    olds, news = dict(old.atoms), dict(new.atoms)
    out: list[Step] = []
    edits: list[InnerEdit] = []
    k = 0
    while k < len(steps):
        s = steps[k]
        t = steps[k + 1] if k + 1 < len(steps) else None
        a = olds.get(s.old[0]) if s.op is Op.DELETE and s.old[1] - s.old[0] == 1 else None
        b = news.get(t.new[0]) if t and t.op is Op.INSERT and t.new[1] - t.new[0] == 1 else None
        if (
            t is not None
            and a is not None
            and b is not None
            and a.frame
            and a.kind == b.kind
            and a.frame == b.frame
            and len(a.inner) == len(b.inner)
        ):
            out.append(Step(Op.EQUAL, s.old, t.new))
            runs = tuple(
                word_steps(Para(x), Para(y)) if x != y else ()
                for x, y in zip(a.inner, b.inner, strict=True)
            )
            edits.append(InnerEdit(s.old[0], t.new[0], runs))
            k += 2
            continue
        out.append(s)
        k += 1
    return tuple(out), tuple(edits)
