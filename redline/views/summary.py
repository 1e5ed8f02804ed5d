r"""The change summary a drafter sends: counts per kind, then one line per changed paragraph.

"OP5 (was OP3): moved; 'Requests' → 'Encourages'; +12 / −4 words", "PP7: deleted",
"OP12 ← PP10: moved from the preamble". Read off the comparison's matches and segments in
the redline's reading order; the terminal, Markdown and Word forms all print these values.
Between two Word files, a line per table or element of the files' own that changed follows
("Table 2: row 3 inserted; row 1 cell 2 edited", "Picture: inserted in OP4"), read off
`Comparison.elements`.

>>> import redline
>>> old = "*The General Assembly,*\n\n1. *Requests* a report;\n"
>>> c = redline.compare(old, old.replace("Requests", "Encourages"))
>>> print(change_summary(c).text())
1 modified
<BLANKLINE>
OP1: 'Requests' → 'Encourages'; +1 / −1 words
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..comparison import Change, Comparison, ElementChange, Role, Segment, TableChange
from ..diff import Edit, Op, tokenize
from ..model import Kind, Match, Part
from ..report import report
from ..scripts import WORDLESS

__all__ = ["ChangeSummary", "SummaryLine", "change_summary", "word_lines"]

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_PART = {
    Part.PREAMBLE: "the preamble",
    Part.OPERATIVE: "the operative part",
    Part.ANNEX: "the annex",
    Part.PLAIN: "the body",
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One changed paragraph (or the header, or the vote): where it stands, and what changed.

    `kind` is the colour a terminal shows it in: modified, added, deleted or moved.
    """

    label: str
    said: str
    kind: str

    def __str__(self) -> str:
        return f"{self.label}: {self.said}"


@dataclass(frozen=True, slots=True)
class ChangeSummary:
    """Counts per kind, then a line per change, in the redline's reading order."""

    title: str
    counts: str
    lines: tuple[SummaryLine, ...]
    differs: bool  # any paragraph, header, footnote or vote changed: `--exit-code` exits 1

    def text(self) -> str:
        """Plain text: the counts, a blank line, a line per change."""
        return "\n".join([self.counts, "", *(str(line) for line in self.lines)])

    def markdown(self) -> str:
        """Markdown: a heading, the counts, a list of the changes (input text escaped)."""
        items = [f"- **{_md(line.label)}**: {_md(line.said)}" for line in self.lines]
        return "\n".join([f"# Changes: {_md(self.title)}", "", _md(self.counts), "", *items]) + "\n"


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _count(text: str) -> int:
    """The words of a text as the word diff cuts them: a word (hyphens and apostrophes inside
    it included) is one, but Chinese and Japanese, written without spaces, count every
    character of a word holding an ideograph or a kana, as the diff's tokens and Word's own
    word count do."""
    return sum(
        sum(1 for t in tokenize(w) if t[:1].isalnum()) if WORDLESS.search(w) else 1
        for w in _WORD.findall(text)
    )


def _words(edits: Iterable[Edit], op: Op) -> int:
    return sum(_count(e.text) for e in edits if e.op is op and not e.mark)


def _counts(c: Comparison) -> str:
    said = [f"{c.count(Kind.UNCHANGED)} unchanged"] if c.count(Kind.UNCHANGED) else []
    for name, n in (
        ("modified", c.count(Kind.MODIFIED)),
        ("moved", c.count_moved()),
        ("added", c.count(Kind.ADDED)),
        ("deleted", c.count(Kind.DELETED)),
        ("split", c.count(Kind.SPLIT)),
        ("merged", c.count(Kind.MERGED)),
    ):
        if n:
            said.append(f"{n} {name}")
    if c.note_changes:
        n = len(c.note_changes)
        said.append(f"{n} footnote{'s' * (n != 1)} changed")
    if c.elements is not None:
        for name, n in (("table", len(c.elements.tables)), ("element", len(c.elements.elements))):
            if n:
                said.append(f"{n} {name}{'s' * (n != 1)} changed")
    return ", ".join(said) or "no paragraphs"


def _numbers(label: str, numbers: Sequence[int]) -> str:
    listed = ", ".join(str(n) for n in numbers)
    return f"{label}{'s' * (len(numbers) != 1)} {listed}"


def _table_line(t: TableChange) -> SummaryLine:
    """A changed table's line, e.g. "Table 2: row 3 inserted; row 1 cell 2 edited" (rows
    by the new file's numbers, a deleted row by the old file's)."""
    label = f"Table {t.number}"
    if t.old is not None and t.new is not None and t.old != t.new:
        label += f" (was Table {t.old})"
    if t.change is not Change.EDITED:
        kind = "added" if t.change is Change.INSERTED else "deleted"
        return SummaryLine(label, t.change.value, kind)
    said = []
    for r in t.rows:
        if r.change is Change.INSERTED:
            said.append(f"row {r.new} inserted")
        elif r.change is Change.DELETED:
            said.append(f"row {r.old} deleted")
        elif r.change is Change.EDITED:
            said.append(f"row {r.new} {_numbers('cell', r.edited)} edited")
    return SummaryLine(label, "; ".join(said) or "edited", "modified")


def _element_line(e: ElementChange) -> SummaryLine:
    """An element's line, e.g. "Picture: inserted in OP4"."""
    kind = {"inserted": "added", "deleted": "deleted"}.get(e.change, "modified")
    return SummaryLine(e.kind[:1].upper() + e.kind[1:], f"{e.change} {e.where}".strip(), kind)


def word_lines(c: Comparison) -> tuple[SummaryLine, ...]:
    """The Word file's own tables and elements that changed, in reading order."""
    if c.elements is None:
        return ()
    return tuple(
        _table_line(i) if isinstance(i, TableChange) else _element_line(i) for i in c.elements.items
    )


class _Lines:
    def __init__(self, c: Comparison) -> None:
        self.c = c

    def label(self, m: Match) -> str:
        old = " + ".join(self.c.old.paragraphs[i].label for i in m.old)
        new = " + ".join(self.c.new.paragraphs[j].label for j in m.new)
        if not m.new:
            return old
        if not m.old or old == new:
            return new
        return f"{new} ← {old}" if m.part_changed else f"{new} (was {old})"

    def said(self, k: int, m: Match, seg: Segment) -> tuple[str, str]:
        if m.kind is Kind.DELETED:
            return "deleted", "deleted"
        if m.kind is Kind.ADDED:
            return "added", "added"
        parts: list[str] = []
        if m.moved:
            if m.part_changed:
                parts.append(f"moved from {_PART[self.c.old.paragraphs[m.old[0]].part]}")
            else:
                parts.append("moved")
        if m.kind in (Kind.SPLIT, Kind.MERGED):
            parts.append(m.kind.value)
        if m.renumbered and m.kind is Kind.UNCHANGED and not m.moved:
            parts.append("renumbered")
        a, b = self.c.old.paragraphs[m.old[0]].lead, self.c.new.paragraphs[m.new[0]].lead
        if a and b and a != b:
            parts.append(f"'{a}' → '{b}'")
        if self.c.lead_restyled[k]:
            parts.append("the lead's italics changed")
        added, deleted = _words(seg.edits, Op.INSERT), _words(seg.edits, Op.DELETE)
        if added or deleted:
            parts.append(f"+{added} / −{deleted} words")
        for n in seg.notes:
            if any(e.op is not Op.EQUAL for e in n.edits):
                mark = n.new if n.new is not None else n.old
                how = "added" if n.old is None else "deleted" if n.new is None else "changed"
                parts.append(f"footnote {mark} {how}")
        kind = "moved" if m.moved else "modified"
        return "; ".join(parts) or m.kind.value, kind

    def header(self) -> SummaryLine | None:
        fields = report(self.c)["header"]
        said = [f"{name} '{v['old'] or ''}' → '{v['new'] or ''}'" for name, v in fields.items()]
        return SummaryLine("Header", "; ".join(said), "modified") if said else None

    def vote(self) -> SummaryLine | None:
        vote = report(self.c)["vote"]
        said = []
        for name in ("meeting", "date", "yes", "no", "abstentions"):
            v = vote.get(name)
            if v and v["changed"]:
                said.append(f"{name} {v['old']} → {v['new']}")
        for name in ("in_favour", "against", "abstaining"):
            side = vote.get(name, {})
            who = [f"+{w}" for w in side.get("added", ())]
            who += [f"−{w}" for w in side.get("removed", ())]
            if who:
                said.append(f"{name.replace('_', ' ')} {', '.join(who)}")
        return SummaryLine("Vote", "; ".join(said), "modified") if said else None

    def all(self) -> tuple[SummaryLine, ...]:
        out: list[SummaryLine] = []
        for seg in self.c.segments:
            if seg.role is Role.HEADER:
                line = self.header()
            elif seg.role is Role.VOTE:
                line = self.vote()
            elif seg.role is Role.MOVE_SOURCE or seg.match is None:
                line = None
            else:
                m = self.c.matches[seg.match]
                changed = m.kind is not Kind.UNCHANGED or m.moved or m.renumbered
                said, kind = self.said(seg.match, m, seg) if changed else ("", "")
                line = SummaryLine(self.label(m), said, kind) if changed else None
            if line is not None:
                out.append(line)
        return tuple(out)


def _title(c: Comparison) -> str:
    old = c.old.header.symbol or Path(c.old.source).name or "old"
    new = c.new.header.symbol or Path(c.new.source).name or "new"
    return f"{old} → {new}"


def change_summary(c: Comparison) -> ChangeSummary:
    """The summary of a comparison: counts per kind, then one line per changed paragraph."""
    lines = _Lines(c).all() + word_lines(c)
    edited = any(
        e.op is not Op.EQUAL for seg in c.segments for e in (*seg.edits, *_note_edits(seg))
    )
    return ChangeSummary(_title(c), _counts(c), lines, bool(lines or c.note_changes or edited))


def _note_edits(seg: Segment) -> tuple[Edit, ...]:
    return tuple(e for n in seg.notes for e in n.edits)
