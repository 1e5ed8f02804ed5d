"""What a segment shows besides its words: the footnote at each reference, and the kept words
whose italics changed. Decided here once; the writers and the report only read them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..diff import Edit, Op, diff_words
from ..lines import Line
from ..model import Kind, NoteRef, Resolution

__all__ = ["ItalicChange", "NoteChange", "NotePair", "italic_changes", "note_changes", "note_pairs"]


@dataclass(frozen=True, slots=True)
class NotePair:
    """A footnote reference of the redline: the old footnote and the new one shown there.

    `old` and `new` are the footnotes' marks (None where the reference stands on one side
    only); `edits` are the words from the old note's text to the new one's. The reference
    stands in the segment's new line `line` at `offset`, or, for an old note alone, in its
    old line.
    """

    old: str | None
    new: str | None
    edits: tuple[Edit, ...]
    line: int
    offset: int

    def text(self, *, new: bool) -> str:
        """The note's text on one side."""
        dropped = Op.DELETE if new else Op.INSERT
        return "".join(e.text for e in self.edits if e.op is not dropped)


@dataclass(frozen=True, slots=True)
class ItalicChange:
    """Kept words whose italics changed: characters `start` to `end` of the segment's new
    line `line`, `italic` in the new text and not in the old, or the other way round."""

    line: int
    start: int
    end: int
    italic: bool


@dataclass(frozen=True, slots=True)
class _Step:
    """One edit of a segment with where it stands on each side, and the notes it holds."""

    edit: Edit
    old_line: int
    old_offset: int
    new_line: int
    new_offset: int
    old_notes: tuple[NoteRef, ...]
    new_notes: tuple[NoteRef, ...]


def _held(line: Line | None, start: int, size: int) -> tuple[NoteRef, ...]:
    """The notes an edit of `size` characters from `start` holds: a note at offset k follows
    character k-1, so a note between two edits belongs to the first (at a line's start, to
    the line's first edit)."""
    if line is None:
        return ()
    lo = start if start == 0 else start + 1
    return tuple(n for n in line.notes if lo <= n.offset <= start + size)


def _steps(old: Sequence[Line], new: Sequence[Line], edits: Sequence[Edit]) -> Iterator[_Step]:
    oi = oo = ni = no = 0
    for e in edits:
        if e.mark:
            if e.op is not Op.INSERT:
                oi, oo = oi + 1, 0
            if e.op is not Op.DELETE:
                ni, no = ni + 1, 0
            continue
        size = len(e.text)
        on_old = e.op is not Op.INSERT and oi < len(old)
        on_new = e.op is not Op.DELETE and ni < len(new)
        yield _Step(
            e,
            oi,
            oo,
            ni,
            no,
            _held(old[oi], oo, size) if on_old else (),
            _held(new[ni], no, size) if on_new else (),
        )
        if e.op is not Op.INSERT:
            oo += size
        if e.op is not Op.DELETE:
            no += size


def _note_text(r: Resolution, mark: str) -> str:
    note = r.footnote(mark)
    return note.text if note else ""


def _one_side(line: int, ref: NoteRef, r: Resolution, *, new: bool) -> NotePair:
    edit = Edit(Op.INSERT if new else Op.DELETE, _note_text(r, ref.mark))
    return NotePair(None if new else ref.mark, ref.mark if new else None, (edit,), line, ref.offset)


def _pair(old: Resolution, new: Resolution, a: str, b: str, line: int, offset: int) -> NotePair:
    return NotePair(a, b, diff_words(_note_text(old, a), _note_text(new, b)), line, offset)


def note_pairs(
    old_lines: Sequence[Line],
    new_lines: Sequence[Line],
    edits: Sequence[Edit],
    old: Resolution,
    new: Resolution,
    *,
    moved: bool,
) -> tuple[NotePair, ...]:
    """Every footnote reference of a segment with the note it shows on each side.

    In words kept in place, the notes at one place pair in order, the rest were added or
    deleted there. At a move's destination a note in kept words is the old note it was
    (`_moved_marks`); a note in words inserted there is new.
    """
    if not any(ln.notes for ln in old_lines) and not any(ln.notes for ln in new_lines):
        return ()  # most segments: no reference to pair, so no step to walk
    before = _moved_marks(old_lines, new_lines, edits) if moved else {}
    out: list[NotePair] = []
    for s in _steps(old_lines, new_lines, edits):
        kept = s.edit.op is Op.EQUAL
        if moved:
            for k, ref in enumerate(s.new_notes):
                marks = before.get((s.new_line, ref.offset), []) if kept else []
                rank = sum(1 for n in s.new_notes[:k] if n.offset == ref.offset)
                if rank < len(marks):
                    out.append(_pair(old, new, marks[rank], ref.mark, s.new_line, ref.offset))
                else:
                    out.append(_one_side(s.new_line, ref, new, new=True))
            continue
        olds = list(s.old_notes)
        for ref in s.new_notes:
            at = ref.offset - s.new_offset
            match = next((n for n in olds if n.offset - s.old_offset == at), None) if kept else None
            if match is None:
                out.append(_one_side(s.new_line, ref, new, new=True))
            else:
                olds.remove(match)
                out.append(_pair(old, new, match.mark, ref.mark, s.new_line, ref.offset))
        out.extend(_one_side(s.old_line, ref, old, new=False) for ref in olds)
    return tuple(out)


def _moved_marks(
    old: Sequence[Line], new: Sequence[Line], edits: Sequence[Edit]
) -> dict[tuple[int, int], list[str]]:
    """The old note of each note of a moved paragraph, by (new line, offset): a note at the
    same place in kept words is the same note; the notes left over are paired in order when
    as many remain on both sides (a note after a promotion's changed end sign)."""
    new_at = {(k, n.offset): n.mark for k, line in enumerate(new) for n in line.notes}
    out: dict[tuple[int, int], list[str]] = {}
    used: set[tuple[int, int]] = set()
    for s in _steps(old, new, edits):
        if s.edit.op is not Op.EQUAL:
            continue
        for n in s.old_notes:
            key = (s.new_line, s.new_offset + n.offset - s.old_offset)
            if key in new_at and (s.old_line, n.offset) not in used:
                out.setdefault(key, []).append(n.mark)
                used.add((s.old_line, n.offset))
    old_left = [
        n.mark for k, line in enumerate(old) for n in line.notes if (k, n.offset) not in used
    ]
    new_left = sorted(key for key in new_at if key not in out)
    if len(old_left) == len(new_left):
        for key, mark in zip(new_left, old_left):
            out[key] = [mark]
    return out


def italic_changes(
    old: Sequence[Line], new: Sequence[Line], edits: Sequence[Edit]
) -> tuple[ItalicChange, ...]:
    """The kept words of a segment whose italics differ between its old and new lines,
    cut where either side's italics begin or end."""
    if not any(ln.italic for ln in old) and not any(ln.italic for ln in new):
        return ()  # no italics on either side: none can differ
    out: list[ItalicChange] = []
    for s in _steps(old, new, edits):
        if s.edit.op is not Op.EQUAL or s.old_line >= len(old) or s.new_line >= len(new):
            continue
        size = len(s.edit.text)
        now, was = new[s.new_line].italic, old[s.old_line].italic
        cuts = sorted(
            {
                0,
                size,
                *(max(0, min(size, x - s.new_offset)) for span in now for x in span),
                *(max(0, min(size, x - s.old_offset)) for span in was for x in span),
            }
        )
        for a, b in itertools.pairwise(cuts):
            it = any(p <= s.new_offset + a and s.new_offset + b <= q for p, q in now)
            before = any(p <= s.old_offset + a and s.old_offset + b <= q for p, q in was)
            if it != before:
                out.append(ItalicChange(s.new_line, s.new_offset + a, s.new_offset + b, it))
    return tuple(out)


class _Holding(Protocol):
    """A segment, as far as its notes go."""

    @property
    def notes(self) -> tuple[NotePair, ...]: ...


@dataclass(frozen=True, slots=True)
class NoteChange:
    """A footnote added, deleted or edited, as the two texts' lists of footnotes show it.

    Read off the redline's `NotePair`s (one pairing, decided once): a note whose old and new
    texts are the same is no change, whatever its mark.
    """

    old: str | None
    new: str | None
    edits: tuple[Edit, ...]  # the words from the old text to the new

    @property
    def kind(self) -> Kind:
        if self.old is None:
            return Kind.ADDED
        return Kind.DELETED if self.new is None else Kind.MODIFIED


def note_changes(segments: Sequence[_Holding]) -> tuple[NoteChange, ...]:
    """The footnotes that changed, read off the redline's own note pairs, so the report says
    what the redline shows: edited and added in the redline's order, then deleted.

    A note on both sides with the same text did not change, whatever its mark (a note
    renumbered by an earlier one). A moved paragraph's notes are paired at its destination;
    at its source only a note the destination does not pair counts, as deleted.
    """
    pairs = [n for seg in segments for n in seg.notes]
    paired = {n.old for n in pairs if n.old is not None and n.new is not None}
    changed = [n for n in pairs if n.new is not None and any(e.op is not Op.EQUAL for e in n.edits)]
    gone = [n for n in pairs if n.new is None and n.old not in paired]
    return tuple(NoteChange(n.old, n.new, n.edits) for n in (*changed, *gone))
