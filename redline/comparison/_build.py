"""A comparison of two resolutions: matches, and the redline's segments in reading order.

The comparison decides everything a redline or a report shows (which paragraph pairs with
which, what moved, each segment's role, the word diff of each pair, where deletions stand,
the footnote at each reference and its edit, the kept words whose italics changed, which
leads gained or lost their italics, which footnotes changed); writers and the report only
read these values.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..align import DEFAULT_THRESHOLD, align
from ..diff import Edit, Op, diff_lines, side_lines
from ..errors import ConservationError
from ..lines import Line, header_lines, paragraph_lines, sequential, vote_lines
from ..model import Kind, Match, Resolution
from ..progress import tell
from ._blocks import DocumentChanges, compare_documents
from ._elements import ElementChanges, element_changes
from ._notes import ItalicChange, NoteChange, NotePair, italic_changes, note_changes, note_pairs
from ._order import Side, placements
from ._words import remembered

__all__ = ["Comparison", "Role", "Segment", "check_conservation", "compare_resolutions"]


class Role(enum.Enum):
    """What a segment of the redline is, in a drafter's terms."""

    HEADER = "header"  # the header lines and the enacting formula
    PAIR = "pair"  # a paragraph (or a split or merge) kept in place: its word diff
    DELETED = "deleted"  # a paragraph of the old text only
    ADDED = "added"  # a paragraph of the new text only
    MOVE_SOURCE = "move source"  # where a moved paragraph stood: its old text
    MOVE_DESTINATION = "move destination"  # where it stands now: the diff from its old text
    VOTE = "vote"  # the adoption record

    @property
    def shows_old(self) -> bool:
        """Whether the segment's old lines stand here in the old text (reject-all).

        A move's destination carries the old lines only to diff against: they stand at
        the move's source.
        """
        return self is not Role.MOVE_DESTINATION


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the redline: lines of the old and new text and the word diff between them.

    A move has two segments sharing `move`, its name: the source (old lines) and the
    destination (new lines, with the diff from the old). `notes` is the footnote at each
    reference, `italics` the kept words whose italics changed.
    """

    old: tuple[Line, ...]
    new: tuple[Line, ...]
    edits: tuple[Edit, ...]
    role: Role
    match: int | None = None
    move: str | None = None
    notes: tuple[NotePair, ...] = ()
    italics: tuple[ItalicChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed from `old` to `new`: every paragraph's match, and the redline's segments."""

    old: Resolution
    new: Resolution
    matches: tuple[Match, ...]
    segments: tuple[Segment, ...]
    auto_numbers: bool
    lead_restyled: tuple[bool, ...]  # by match: whether the lead gained or lost its italics
    note_changes: tuple[NoteChange, ...]  # the footnotes added, deleted or edited
    warnings: tuple[str, ...] = ()
    document: DocumentChanges | None = None  # two Word inputs compared block by block
    elements: ElementChanges | None = None  # those blocks' tables and elements, as told

    def count(self, kind: Kind) -> int:
        return sum(1 for m in self.matches if m.kind is kind)

    def count_moved(self) -> int:
        """How many matches moved."""
        return sum(1 for m in self.matches if m.moved)

    def marked_characters(self) -> int:
        """Characters a reader must read as change: inserted and deleted, a move's text once.

        A move shows its whole old text at the source and its added words at the
        destination, so it counts kept + deleted + inserted words once, either way round.
        """
        total = 0
        for seg in self.segments:
            for e in seg.edits:
                if e.op is Op.EQUAL or (seg.role is Role.MOVE_DESTINATION and e.op is Op.DELETE):
                    continue
                total += len(e.text)
        return total

    def summary(self) -> str:
        """One line a drafter reads at a glance."""
        pairs = sum(1 for m in self.matches if m.old and m.new)
        restyled = sum(self.lead_restyled)
        return (
            f"{pairs} paragraphs matched ({self.count(Kind.UNCHANGED)} unchanged, "
            f"{self.count(Kind.MODIFIED)} modified, {self.count_moved()} moved), "
            f"{self.count(Kind.ADDED)} added, {self.count(Kind.DELETED)} deleted"
            + (f", {restyled} with the lead's italics changed" if restyled else "")
            + (self.document.summary() if self.document is not None else "")
            + f"; language {self.old.language}"
            + (f" / {self.new.language}" if self.new.language != self.old.language else "")
        )


def whole(lines: Sequence[Line], op: Op) -> tuple[Edit, ...]:
    """The edits that insert or delete whole lines, marks between them included."""
    edits: list[Edit] = []
    for k, line in enumerate(lines):
        if k:
            edits.append(Edit(op, "", mark=True))
        if line.text:
            edits.append(Edit(op, line.text))
    return tuple(edits)


def _diff(old: Sequence[Line], new: Sequence[Line]) -> tuple[Edit, ...]:
    if not old:
        return whole(new, Op.INSERT)
    if not new:
        return whole(old, Op.DELETE)
    return diff_lines([ln.text for ln in old], [ln.text for ln in new])


def compare_resolutions(
    old: Resolution, new: Resolution, *, threshold: float = DEFAULT_THRESHOLD
) -> Comparison:
    """Compare two parsed resolutions (each text tokenized and each coded pair diffed
    once: two Word documents' paragraph pairs are diffed as lines and again as blocks)."""
    matches = align(
        old.paragraphs,
        new.paragraphs,
        threshold=threshold,
        old_notes={f.mark: f.text for f in old.footnotes},
        new_notes={f.mark: f.text for f in new.footnotes},
    )
    with remembered():
        return _compared(old, new, matches)


def _compared(old: Resolution, new: Resolution, matches: tuple[Match, ...]) -> Comparison:
    auto = sequential(old.paragraphs) and sequential(new.paragraphs)
    # Italics are compared only between two sources that set them (Word, PDF, Markdown).
    formats = all(any(p.italic is not None for p in r.paragraphs) for r in (old, new))

    def segment(
        ol: tuple[Line, ...],
        nl: tuple[Line, ...],
        role: Role,
        match: int | None = None,
        move: str | None = None,
    ) -> Segment:
        if role is Role.DELETED or role is Role.MOVE_SOURCE:
            edits = whole(ol, Op.DELETE)
        elif role is Role.ADDED:
            edits = whole(nl, Op.INSERT)
        else:
            edits = _diff(ol, nl)
        moved = role is Role.MOVE_DESTINATION
        notes = note_pairs(ol, nl, edits, old, new, moved=moved)
        kept = role in (Role.HEADER, Role.PAIR, Role.VOTE)
        italics = italic_changes(ol, nl, edits) if formats and kept else ()
        return Segment(ol, nl, edits, role, match, move, notes, italics)

    segments: list[Segment] = []
    oh, nh = header_lines(old), header_lines(new)
    if oh or nh:
        segments.append(segment(oh, nh, Role.HEADER))
    move_names: dict[int, str] = {}
    places = placements(old.paragraphs, new.paragraphs, matches)
    for k, place in enumerate(places):
        tell("diffing paragraphs", k, len(places))
        m = matches[place.match]
        ol = tuple(
            ln for i in m.old for ln in paragraph_lines(old.paragraphs[i], auto_numbers=auto)
        )
        nl = tuple(
            ln for j in m.new for ln in paragraph_lines(new.paragraphs[j], auto_numbers=auto)
        )
        name = None
        if m.moved:
            name = move_names.setdefault(place.match, f"move{len(move_names) + 1}")
        if place.side is Side.BOTH:
            segments.append(segment(ol, nl, Role.PAIR, place.match))
        elif place.side is Side.OLD:
            role = Role.MOVE_SOURCE if name else Role.DELETED
            segments.append(segment(ol, (), role, place.match, name))
        elif name:
            segments.append(segment(ol, nl, Role.MOVE_DESTINATION, place.match, name))
        else:
            segments.append(segment((), nl, Role.ADDED, place.match))
    tell("diffing paragraphs", len(places), len(places))
    ov, nv = vote_lines(old), vote_lines(new)
    if ov or nv:
        segments.append(segment(ov, nv, Role.VOTE))
    warnings = tuple(f"old: {w}" for w in old.warnings) + tuple(f"new: {w}" for w in new.warnings)
    restyled = tuple(_lead_restyled(old, new, m) for m in matches)
    notes = note_changes(tuple(segments))
    document = (
        compare_documents(old.document, new.document)
        if old.document is not None and new.document is not None
        else None
    )
    elements = element_changes(document, old, new) if document is not None else None
    return Comparison(
        old, new, matches, tuple(segments), auto, restyled, notes, warnings, document, elements
    )


def _lead_restyled(old: Resolution, new: Resolution, match: Match) -> bool:
    """Whether a pair's lead gained or lost its italics (between two formatted sources:
    Word, PDF or Markdown that set the leads in italics)."""
    if len(match.old) != 1 or len(match.new) != 1:
        return False
    a, b = old.paragraphs[match.old[0]], new.paragraphs[match.new[0]]
    if a.italic is None or b.italic is None:
        return False
    return bool(a.italic and a.italic[0][0] == 0) != bool(b.italic and b.italic[0][0] == 0)


def check_conservation(c: Comparison) -> None:
    """Every paragraph of both texts is shown exactly once, and every text in full.

    Run before any file is written: a failure is a bug in redline, raised as a typed
    error rather than written as a wrong redline.
    """
    for side, paragraphs, new_side in (
        ("old", c.old.paragraphs, False),
        ("new", c.new.paragraphs, True),
    ):
        counts = Counter(i for m in c.matches for i in (m.new if new_side else m.old))
        bad = [i for i in range(len(paragraphs)) if counts[i] != 1]
        if bad or set(counts) - set(range(len(paragraphs))):
            raise ConservationError(
                f"{paragraphs[bad[0]].label if bad else 'a paragraph'} is not in exactly one match",
                source=side,
            )
    shown = {"old": [0] * len(c.old.paragraphs), "new": [0] * len(c.new.paragraphs)}
    for seg in c.segments:  # (counted in lists: a Counter's update is a call per segment)
        if seg.old and seg.role.shows_old:
            _same_text(seg, seg.old, new=False)
            if seg.match is not None:
                for i in c.matches[seg.match].old:
                    shown["old"][i] += 1
        if seg.new:
            _same_text(seg, seg.new, new=True)
            if seg.match is not None:
                for j in c.matches[seg.match].new:
                    shown["new"][j] += 1
    for side, paragraphs in (("old", c.old.paragraphs), ("new", c.new.paragraphs)):
        missing = [p.label for i, p in enumerate(paragraphs) if shown[side][i] != 1]
        if missing:
            raise ConservationError(
                f"{missing[0]} is not shown exactly once in the redline", source=side
            )


def _same_text(seg: Segment, lines: Sequence[Line], *, new: bool) -> None:
    got = side_lines(seg.edits, new=new)
    want = [ln.text for ln in lines]
    if got != want:
        where = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), len(want))
        raise ConservationError(
            f"the redline would not give back the {'new' if new else 'old'} text of "
            f"line {where + 1} of a segment ({want[where][:40] if where < len(want) else ''!r})",
            source="new" if new else "old",
        )
