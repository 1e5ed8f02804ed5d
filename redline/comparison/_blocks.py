"""Two Word documents compared block by block: what a redline written in place shows.

The drafter's own paragraphs and tables are paired, never joined or split: identical blocks
are anchored first (a diff over the blocks' keys), then, between anchors, paragraphs are
paired by similarity in order, tables with tables of the same shape row by row and cell by
cell; what is left is deleted or inserted; a paragraph beside one that, joined to it, reads
as its counterpart is a split or a merge (`_joins`), and a deleted paragraph that stands
again elsewhere, nearly the same, is a move. A paired paragraph gets its word diff, atoms
(pictures, fields, links, note references) compared whole (`_words`). Every decision is a
value here (`_changes`); the Word writer only renders them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import replace

from rapidfuzz.distance import Indel

from ..candidates import reaches, scored
from ..diff import Op, diff_sequences
from ..document import Block, Document, Para, Row, Table, block_key
from ._changes import BlockChange, Change, DocumentChanges, RowChange, Step, StoryChange
from ._joins import splits_and_merges
from ._words import coded, edited_inside, remembered, word_steps

__all__ = [
    "BlockChange",
    "Change",
    "DocumentChanges",
    "RowChange",
    "Step",
    "StoryChange",
    "compare_documents",
]

PAIR_AT = 0.5
"""Paragraphs between two anchors are paired from this similarity up (else deleted/added)."""
MOVE_AT = 0.8
"""A deleted paragraph standing again elsewhere at this similarity or more is a move."""
MOVE_MIN = 20
"""Paragraphs shorter than this (characters shown) are never called moves."""
_BAND = 40  # how far from the gap's diagonal pairs are scored: long gaps stay linear


# -- sequences of blocks -----------------------------------------------------------------------


def _open(block: Block) -> bool:
    """A paragraph that pairs with another (one compared whole, a field across paragraphs,
    pairs with none)."""
    return isinstance(block, Para) and not block.whole


def _pairable(a: Block, b: Block) -> bool:
    if isinstance(a, Para) and isinstance(b, Para):
        return _open(a) and _open(b)
    return isinstance(a, Table) and isinstance(b, Table) and a.shape == b.shape


def _gap_pairs(
    old: Sequence[Block], new: Sequence[Block], pairable: Callable[[Block, Block], bool]
) -> list[tuple[int, int]]:
    """Pairs, in order on both sides, maximising the summed similarity of paired blocks.

    Only pairs near the gap's diagonal are scored (each block encoded once), and the best
    chain of them is found among the scored pairs alone, so a long gap costs its length,
    not its area. `pairable` decides which tables pair (rows of one grid: any); paragraphs
    pair when both are open, and the new side's open ones are listed once, so a band of
    them is a slice.
    """
    n, m = len(old), len(new)
    if not n or not m:
        return []
    a, b = coded(old, new)
    opened = [j for j, block in enumerate(new) if _open(block)]
    opened_codes = [b[j] for j in opened]
    seen = _SEEN.get()
    opened_ids = [id(new[j]) for j in opened] if seen is not None else []
    score: dict[tuple[int, int], float] = {}
    for i, block in enumerate(old):
        centre = i * m // n
        lo, hi = max(0, centre - _BAND), min(m, centre + _BAND + 1)
        if isinstance(block, Table):  # a table is paired with its like at any similarity
            for j in range(lo, hi):
                if pairable(block, new[j]):
                    score[i, j] = float(Indel.normalized_similarity(a[i], b[j])) + 1.0
            continue
        if not _open(block):
            continue
        x, y = bisect_left(opened, lo), bisect_left(opened, hi)
        hits = scored(a[i], opened_codes[x:y], PAIR_AT)
        for k, s in hits:
            score[i, opened[x + k]] = s
        if seen is not None:
            seen[id(block)] = (opened_ids[x:y], {opened_ids[x + k]: s for k, s in hits})
    return _best_chain(score, m)


_SEEN: ContextVar[dict[int, tuple[list[int], dict[int, float]]] | None] = ContextVar(
    "redline_gap_scores", default=None
)
"""Within `compare_documents`, by paragraph: the paragraphs its gap scored it against, and
the scores reaching `PAIR_AT` (by `id`, the documents holding the blocks meanwhile): a move
(at `MOVE_AT`, above `PAIR_AT`) is looked for among those very pairs, so `find_moves` reads
them off."""


def _best_chain(score: dict[tuple[int, int], float], m: int) -> list[tuple[int, int]]:
    """The pairs increasing on both sides whose scores sum highest (a weighted longest
    increasing subsequence, with a Fenwick tree of prefix maxima over the new side)."""
    pairs = sorted(score)
    tree: list[tuple[float, int]] = [(0.0, -1)] * (m + 1)
    back = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    k = 0
    while k < len(pairs):
        row = k
        while k < len(pairs) and pairs[k][0] == pairs[row][0]:
            k += 1
        found = []
        for r in range(row, k):
            best, pos = (0.0, -1), pairs[r][1]  # the best chain ending before this column
            while pos > 0:
                best = max(best, tree[pos])
                pos -= pos & -pos
            found.append((r, best[0] + score[pairs[r]], best[1]))
        for r, value, prev in found:  # a row's pairs never chain to each other
            total[r], back[r] = value, prev
            pos = pairs[r][1] + 1
            while pos <= m:
                if (value, r) > tree[pos]:
                    tree[pos] = (value, r)
                pos += pos & -pos
    if not pairs:
        return []
    end = max(range(len(pairs)), key=lambda r: (total[r], -r))
    chain = []
    while end != -1:
        chain.append(pairs[end])
        end = back[end]
    return chain[::-1]


_Pairing = list[tuple[int | None, int | None]]


def _sequence(
    old: Sequence[Block],
    new: Sequence[Block],
    keys: tuple[list[str], list[str]],
    pairable: Callable[[Block, Block], bool],
) -> _Pairing:
    """(old index, new index) in reading order: identical blocks anchored, the gaps between
    paired by similarity; None on the side a block is missing from."""
    out: _Pairing = []
    i = j = 0
    gi, gj = 0, 0  # where the pending gap starts

    def gap() -> None:
        x = y = 0
        a, b = old[gi:i], new[gj:j]
        for pi, pj in [*_gap_pairs(a, b, pairable), (len(a), len(b))]:
            gone: _Pairing = [(gi + k, None) for k in range(x, pi)]
            come: _Pairing = [(None, gj + k) for k in range(y, pj)]
            # A deleted paragraph is not set right before a table (its tracked mark could
            # not go there: LibreOffice leaves an empty paragraph), so the deleted blocks
            # go after the first inserted ones that no table follows, where there are such.
            nxt = [
                *(new[gj + k] for k in range(y, pj)),
                new[gj + pj] if gj + pj < len(new) else None,
            ]
            cut = 0
            if gone and isinstance(a[pi - 1], Para):
                cut = next((k for k, n in enumerate(nxt) if not isinstance(n, Table)), 0)
            out.extend(come[:cut] + gone + come[cut:])
            if pi < len(a):
                out.append((gi + pi, gj + pj))
            x, y = pi + 1, pj + 1

    for op, n in diff_sequences(*keys):
        if op is Op.EQUAL:
            gap()
            out.extend((i + k, j + k) for k in range(n))
            i, j = i + n, j + n
            gi, gj = i, j
        elif op is Op.DELETE:
            i += n
        else:
            j += n
    gap()
    return out


def _paired(old: Block, new: Block, i: int, j: int) -> BlockChange:
    if isinstance(old, Table) and isinstance(new, Table):
        rows = _rows(old.rows, new.rows)
        kept = all(r.change is Change.KEPT for r in rows)
        return BlockChange(Change.KEPT if kept else Change.EDITED, i, j, rows=rows)
    assert isinstance(old, Para) and isinstance(new, Para)
    look = old.look != new.look
    if old.key == new.key and not look and old.formats == new.formats:
        return BlockChange(Change.KEPT, i, j)
    steps, inside = edited_inside(old, new, word_steps(old, new))
    return BlockChange(Change.EDITED, i, j, steps=steps, look_changed=look, inside=inside)


def align_blocks(old: Sequence[Block], new: Sequence[Block]) -> list[BlockChange]:
    """The blocks of two stories in the redline's reading order: new order, each deleted
    block where it stood among its neighbours."""
    keys = ([block_key(b) for b in old], [block_key(b) for b in new])
    out = []
    for i, j in _sequence(old, new, keys, _pairable):
        if i is None:
            out.append(BlockChange(Change.INSERTED, None, j))
        elif j is None:
            out.append(BlockChange(Change.DELETED, i, None))
        else:
            out.append(_paired(old[i], new[j], i, j))
    return splits_and_merges(out, old, new)


def _rows(old: Sequence[Row], new: Sequence[Row]) -> tuple[RowChange, ...]:
    """Rows of two tables on one grid: anchored on identical rows, paired in order; rows
    of another shape (cells merged or split) are deleted and inserted."""
    as_old = [Table((r,), "row") for r in old]
    as_new = [Table((r,), "row") for r in new]
    keys = ([r.key for r in old], [r.key for r in new])
    out: list[RowChange] = []
    for i, j in _sequence(as_old, as_new, keys, lambda a, b: True):
        if i is None:
            out.append(RowChange(Change.INSERTED, None, j))
        elif j is None:
            out.append(RowChange(Change.DELETED, i, None))
        elif old[i].shape != new[j].shape or len(old[i].cells) != len(new[j].cells):
            out += [RowChange(Change.DELETED, i, None), RowChange(Change.INSERTED, None, j)]
        else:
            cells = tuple(tuple(align_blocks(ca, cb)) for ca, cb in zip(old[i].cells, new[j].cells))
            kept = all(x.change is Change.KEPT for cell in cells for x in cell)
            out.append(RowChange(Change.KEPT if kept else Change.EDITED, i, j, cells))
    return tuple(out)


# -- moves ---------------------------------------------------------------------------------------


def find_moves(
    changes: list[BlockChange], old: Sequence[Block], new: Sequence[Block]
) -> list[BlockChange]:
    """A deleted paragraph that stands again, nearly the same, among the inserted ones is a
    move: the best pairs first, each paragraph in one move at most."""
    gone = [
        (k, c.old)
        for k, c in enumerate(changes)
        if c.change is Change.DELETED and c.old is not None and _movable(old[c.old])
    ]
    came = [
        (k, c.new)
        for k, c in enumerate(changes)
        if c.change is Change.INSERTED and c.new is not None and _movable(new[c.new])
    ]
    if not gone or not came or len(gone) * len(came) > 250_000:
        return changes
    a, b = coded(
        [old[gi] for _, gi in gone if gi is not None], [new[cj] for _, cj in came if cj is not None]
    )
    came_at = {id(new[cj]): y for y, (_, cj) in enumerate(came) if cj is not None}
    seen = _SEEN.get() if len(came_at) == len(came) else None
    ranked = []
    for x, (gk, gi) in enumerate(gone):
        row = seen.get(id(old[gi])) if seen is not None and gi is not None else None
        if row is None:
            found = scored(a[x], b, MOVE_AT)
        else:  # the pairs its gap scored are read off, the others scored now
            band = set(row[0])
            rest = [y for j, y in came_at.items() if j not in band]
            found = []
            if rest:
                found = [(rest[k], s) for k, s in scored(a[x], [b[y] for y in rest], MOVE_AT)]
            for j, s in row[1].items():
                y = came_at.get(j)
                if y is not None:
                    found.append((y, s))
        for y, s in found:
            if reaches(s, MOVE_AT):
                ranked.append((-s, gk, came[y][0]))
    ranked.sort()
    used: set[int] = set()
    out = list(changes)
    move = 0
    for _, gk, ck in ranked:
        if gk in used or ck in used:
            continue
        used |= {gk, ck}
        move += 1
        out[gk] = BlockChange(Change.MOVED_FROM, changes[gk].old, None, move=move)
        out[ck] = BlockChange(Change.MOVED_TO, None, changes[ck].new, move=move)
    return out


def _movable(block: Block) -> bool:
    return isinstance(block, Para) and not block.whole and len(block.shown.strip()) >= MOVE_MIN


# -- stories -----------------------------------------------------------------------------------


def _walk(
    changes: Sequence[BlockChange],
    old: Sequence[Block],
    new: Sequence[Block],
    visit: Callable[[BlockChange, Block | None, Block | None], None],
) -> None:
    for c in changes:
        a = old[c.old] if c.old is not None else None
        b = new[c.new] if c.new is not None else None
        visit(c, a, b)
        if c.rows and isinstance(a, Table) and isinstance(b, Table):
            for r in c.rows:
                if r.cells and r.old is not None and r.new is not None:
                    for cell, ca, cb in zip(
                        r.cells, a.rows[r.old].cells, b.rows[r.new].cells, strict=True
                    ):
                        _walk(cell, ca, cb, visit)


def _kept_refs(
    changes: Sequence[BlockChange], old: Sequence[Block], new: Sequence[Block]
) -> list[tuple[str, str]]:
    """(old story, new story) for each atom referring to a story that the changes keep."""
    pairs: list[tuple[str, str]] = []

    def visit(c: BlockChange, a: Block | None, b: Block | None) -> None:
        if not isinstance(a, Para) or not isinstance(b, Para):
            return
        if c.change is Change.KEPT:
            refs_a = [x for _, x in a.atoms if x.ref]
            refs_b = [y for _, y in b.atoms if y.ref]
            pairs.extend((x.ref, y.ref) for x, y in zip(refs_a, refs_b, strict=False))
            return
        # The atoms kept in place, by the offsets of the old side's referring atoms (in
        # order, as the steps are): not every character of the kept text.
        refs = [(off, x.ref) for off, x in sorted(dict(a.atoms).items()) if x.ref]
        if not refs:
            return
        offsets = [off for off, _ in refs]
        new_atoms = dict(b.atoms)
        for s in c.steps:
            if s.op is Op.EQUAL:
                for k in range(bisect_left(offsets, s.old[0]), bisect_left(offsets, s.old[1])):
                    off, ref = refs[k]
                    y = new_atoms.get(s.new[0] + off - s.old[0])
                    if y and y.ref:
                        pairs.append((ref, y.ref))

    _walk(changes, old, new, visit)
    return pairs


def _stories(body: Sequence[BlockChange], old: Document, new: Document) -> list[StoryChange]:
    out: list[StoryChange] = []
    done_old: set[str] = set()
    done_new: set[str] = set()
    queue = [(body, old.body, new.body)]
    while queue:
        changes, a, b = queue.pop(0)
        for x, y in _kept_refs(changes, a, b):
            if x in done_old or y in done_new or x not in old.stories or y not in new.stories:
                continue
            done_old.add(x)
            done_new.add(y)
            blocks = tuple(align_blocks(old.stories[x], new.stories[y]))
            out.append(StoryChange(x, y, blocks))
            queue.append((blocks, old.stories[x], new.stories[y]))  # a note in a text box
    for name in sorted(set(old.stories) & set(new.stories)):
        if name.startswith(("header:", "footer:")):
            out.append(
                StoryChange(name, name, tuple(align_blocks(old.stories[name], new.stories[name])))
            )
    for name, held in sorted(old.stories.items()):
        if name not in done_old and name.startswith(("footnote:", "endnote:")):
            dels = tuple(BlockChange(Change.DELETED, k, None) for k in range(len(held)))
            out.append(StoryChange(name, None, dels))
    for name, held in sorted(new.stories.items()):
        if name not in done_new and name.startswith(("footnote:", "endnote:")):
            ins = tuple(BlockChange(Change.INSERTED, None, k) for k in range(len(held)))
            out.append(StoryChange(None, name, ins))
    return out


def compare_documents(old: Document, new: Document) -> DocumentChanges:
    """Every block decision between two Word documents (see the module's docstring).

    A side that is a text standing in as a Word file has no look or run format of its
    own, so the two are then compared by their text, elements and numbering alone
    (`looks=False`): a list label is read as text, a style or a font is not.
    """
    looks = not (old.stand_in or new.stand_in)
    if not looks:
        old, new = _unformatted(old), _unformatted(new)
    seen = _SEEN.set({})
    try:
        with remembered():
            body = find_moves(align_blocks(old.body, new.body), old.body, new.body)
            return DocumentChanges(tuple(body), tuple(_stories(body, old, new)), looks=looks)
    finally:
        _SEEN.reset(seen)


_NUMBERED = re.compile(r'numId [^>]*val="(?!0")')  # a list (numId 0 takes a style's list off)


def _unformatted(d: Document) -> Document:
    """`d` with every paragraph's look reduced to whether it is numbered, its run formats
    left out (positions kept, so the decisions hold for `d` itself)."""

    def bare(b: Block) -> Block:
        if isinstance(b, Para):
            return replace(b, look="numbered" if _NUMBERED.search(b.look) else "", formats=())
        rows = tuple(replace(r, cells=tuple(tuple(map(bare, c)) for c in r.cells)) for r in b.rows)
        return replace(b, rows=rows)

    stories = {k: tuple(map(bare, v)) for k, v in d.stories.items()}
    return replace(d, body=tuple(map(bare, d.body)), stories=stories)
