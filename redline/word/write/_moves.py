"""What a move needs from its segments: which moves can be written as moves, and which
footnotes are the same note on both sides of a move."""

from __future__ import annotations

from collections.abc import Sequence

from ...comparison import Segment
from ...diff import Op

__all__ = ["moves_at_edges", "note_pairs"]


def note_pairs(seg: Segment) -> dict[tuple[int, int], list[str]]:
    """The old note of each note of a moved paragraph, by (new line, offset), so the
    destination shows the note's edit: a note at the same place in kept words is the same
    note; the notes left over are paired in order when as many remain on both sides (a
    note after a promotion's changed end sign)."""
    new_at = {(k, n.offset): n.mark for k, line in enumerate(seg.new) for n in line.notes}
    out: dict[tuple[int, int], list[str]] = {}
    used: set[tuple[int, int]] = set()
    oi = oo = ni = no = 0
    for e in seg.edits:
        if e.mark:
            if e.op is not Op.INSERT:
                oi, oo = oi + 1, 0
            if e.op is not Op.DELETE:
                ni, no = ni + 1, 0
            continue
        size = len(e.text)
        if e.op is Op.EQUAL and oi < len(seg.old):
            lo = oo if oo == 0 else oo + 1  # a note at offset k follows character k-1
            for n in seg.old[oi].notes:
                key = (ni, no + n.offset - oo)
                if lo <= n.offset <= oo + size and key in new_at and (oi, n.offset) not in used:
                    out.setdefault(key, []).append(n.mark)
                    used.add((oi, n.offset))
        if e.op is not Op.INSERT:
            oo += size
        if e.op is not Op.DELETE:
            no += size
    old_left = [
        n.mark for k, line in enumerate(seg.old) for n in line.notes if (k, n.offset) not in used
    ]
    new_left = sorted(key for key in new_at if key not in out)
    if len(old_left) == len(new_left):
        for key, mark in zip(new_left, old_left):
            out[key] = [mark]
    return out


def moves_at_edges(segments: Sequence[Segment]) -> set[str]:
    """Moves that cannot be written safely: a half in the changed tail of the body.

    The body's last paragraph mark must stay untracked (NOTES §2); the marks of a changed
    tail are carried on the paragraphs before it, which a move's own marks cannot take.
    """
    unsafe: set[str] = set()
    for seg in reversed(segments):
        if seg.old and seg.new and not seg.move:
            break  # a paragraph in place ends the tail
        if seg.move:
            unsafe.add(seg.move)
    return unsafe
