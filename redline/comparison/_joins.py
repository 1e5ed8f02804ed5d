"""Splits and merges: one paragraph that became two, or two that became one.

Written as Word writes them: the words kept where they stand and one paragraph mark
inserted (a split) or deleted (a merge), never half a paragraph deleted and written again.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel

from ..candidates import reaches
from ..diff import Op, diff_sequences, encode_tokens
from ..document import Block, Para
from ._changes import BlockChange, Change, Step
from ._words import tokens, units

__all__ = ["SPLIT_AT", "splits_and_merges"]


SPLIT_AT = 0.8
"""A paragraph and the two it became (or the two that became it) read this alike, joined."""
_MARK = ("mark",)


def _joined_similarity(olds: Sequence[Para], news: Sequence[Para]) -> float:
    a = [u for k, p in enumerate(olds) for u in ([_MARK] if k else []) + units(p)]
    b = [u for k, p in enumerate(news) for u in ([_MARK] if k else []) + units(p)]
    (x, y), _ = encode_tokens([a, b])  # type: ignore[list-item]
    return float(Indel.normalized_similarity(x, y))


def _alone(known: float | None, p: Para, q: Para) -> float:
    """How alike the pair reads unjoined: `known`, or scored now (most pairs never ask)."""
    return _joined_similarity([p], [q]) if known is None else known


def _split_steps(
    olds: Sequence[Para], news: Sequence[Para]
) -> list[tuple[int, int, tuple[Step, ...]]]:
    """The word diff of paragraphs joined by their marks, cut back into one change per
    paragraph of the side with two: (old part, new part, steps in those parts' offsets).
    A deletion goes with the paragraph its place falls in, and so does an insertion."""
    units_a: list[tuple[object, int, int]] = []  # (unit, part, offset)
    units_b: list[tuple[object, int, int]] = []
    for side, found in ((olds, units_a), (news, units_b)):
        for k, p in enumerate(side):
            if k:
                found.append((_MARK, k, 0))
            read, starts = tokens(p)
            found.extend((t, k, at) for t, at in zip(read, starts, strict=True))
    ends_a = [len(p.text) for p in olds]
    ends_b = [len(p.text) for p in news]
    two_new = len(news) > 1
    parts: dict[int, list[Step]] = {}
    i = j = 0
    for op, n in diff_sequences([u for u, _, _ in units_a], [u for u, _, _ in units_b]):
        for _ in range(n):
            ua = units_a[i] if op is not Op.INSERT else None
            ub = units_b[j] if op is not Op.DELETE else None
            i += op is not Op.INSERT
            j += op is not Op.DELETE
            if (ua and ua[0] == _MARK) or (ub and ub[0] == _MARK):
                continue
            pa = ua[1] if ua else (units_a[i][1] if i < len(units_a) else len(olds) - 1)
            pb = ub[1] if ub else (units_b[j - 1][1] if j else 0)
            if ua is None and not two_new and i and units_a[i - 1][0] == _MARK:
                pa -= 1  # an insertion at the seam stays with the paragraph before it
            a0 = ua[2] if ua else _place(units_a, i, ends_a)
            b0 = ub[2] if ub else _place(units_b, j, ends_b)
            a1 = a0 + (_size(ua[0]) if ua else 0)
            b1 = b0 + (_size(ub[0]) if ub else 0)
            key = pb if two_new else pa
            steps = parts.setdefault(key, [])
            if steps and steps[-1].op is op:
                last = steps[-1]
                steps[-1] = Step(
                    op,
                    (last.old[0], a1 if ua else last.old[1]),
                    (last.new[0], b1 if ub else last.new[1]),
                )
            else:
                steps.append(Step(op, (a0, a1), (b0, b1)))
    return [
        (0 if two_new else k, k if two_new else 0, tuple(parts.get(k, [])))
        for k in range(len(news) if two_new else len(olds))
    ]


def _size(unit: object) -> int:
    return len(unit) if isinstance(unit, str) else 1


def _place(units: list[tuple[object, int, int]], at: int, ends: list[int]) -> int:
    """The offset, in its own paragraph, where the unit at `at` would stand."""
    if at < len(units) and units[at][0] != _MARK:
        return units[at][2]
    part = units[at - 1][1] if at else 0
    return ends[part]


def splits_and_merges(
    changes: list[BlockChange], old: Sequence[Block], new: Sequence[Block]
) -> list[BlockChange]:
    """A paired paragraph beside an inserted one that, joined to it, reads as the old
    paragraph is a split; beside a deleted one that, joined, reads as the new, a merge."""
    out: list[BlockChange] = []
    k = 0
    while k < len(changes):
        c, nxt = changes[k], changes[k + 1] if k + 1 < len(changes) else None
        prev = out[-1] if out else None
        done = None
        if c.change is Change.EDITED and c.old is not None and c.new is not None:
            p, q = old[c.old], new[c.new]
            if isinstance(p, Para) and isinstance(q, Para) and not p.whole and not q.whole:
                alone: float | None = None  # scored only once a join could beat it
                for other, first in ((nxt, False), (prev, True)):
                    if other is None or other.change not in (Change.INSERTED, Change.DELETED):
                        continue
                    idx = other.new if other.change is Change.INSERTED else other.old
                    pool = new if other.change is Change.INSERTED else old
                    if idx is None or not isinstance(pool[idx], Para) or pool[idx].whole:  # type: ignore[union-attr]
                        continue
                    twin = pool[idx]
                    assert isinstance(twin, Para)
                    if other.change is Change.INSERTED:
                        if idx != c.new + (-1 if first else 1):
                            continue
                        news = [twin, q] if first else [q, twin]
                        score = _joined_similarity([p], news)
                        if reaches(score, SPLIT_AT) and score > (alone := _alone(alone, p, q)):
                            js = [idx, c.new] if first else [c.new, idx]
                            parts = _split_steps([p], news)
                            done = [
                                BlockChange(
                                    Change.EDITED,
                                    c.old,
                                    js[n],
                                    steps=st,
                                    mark="ins" if n == 0 else "",
                                )
                                for n, (_, _, st) in enumerate(parts)
                            ]
                    else:
                        if idx != c.old + (-1 if first else 1):
                            continue
                        olds = [twin, p] if first else [p, twin]
                        score = _joined_similarity(olds, [q])
                        if reaches(score, SPLIT_AT) and score > (alone := _alone(alone, p, q)):
                            is_ = [idx, c.old] if first else [c.old, idx]
                            parts = _split_steps(olds, [q])
                            cut = _merge_cut(parts, len(q.text))
                            done = [
                                BlockChange(
                                    Change.EDITED,
                                    is_[n],
                                    c.new,
                                    steps=st,
                                    mark="del" if n == 0 else "",
                                    span=(0, cut) if n == 0 else (cut, len(q.text)),
                                )
                                for n, (_, _, st) in enumerate(parts)
                            ]
                    if done is not None:
                        if first:
                            out.pop()
                        else:
                            k += 1
                        break
        out.extend(done if done is not None else [c])
        k += 1
    return out


def _merge_cut(parts: list[tuple[int, int, tuple[Step, ...]]], length: int) -> int:
    """Where the new paragraph's text passes from the first merged part to the second."""
    first = [s.new[1] for s in parts[0][2] if s.op is not Op.DELETE]
    second = [s.new[0] for s in parts[1][2] if s.op is not Op.DELETE]
    if second:
        return min(second)
    return max(first, default=length)
