"""The HTML report: a `Comparison` as one self-contained page a delegate reads on a phone.

One table row per stretch of the redline, in the new document's order: the old and new
text side by side in one row (so the two sides stay level as the text wraps), or inline
with a toggle. A move shows a stub row at its old place linked to its new one and back.
Every decision (pairs, moves, word edits, footnote pairs) is read off the comparison; this
module only renders it, and escapes every string it takes from the inputs.

>>> from pathlib import Path
>>> import redline
>>> c = redline.compare("Recalling its resolution 1/1,", "Recalling its resolutions 1/1,")
>>> page = html_report(c)
>>> page.startswith("<!DOCTYPE html>") and "<ins>resolutions</ins>" in page
True
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from ..comparison import Comparison, NotePair, Role, Segment
from ..diff import Edit, Op
from ..errors import OutputError
from ..model import Kind, Match, Paragraph
from ..report import report
from ._page import CSP, SCRIPT, STYLE
from ._word import word_changes, word_section

__all__ = ["FILTERS", "html_report", "row_tags", "write_html"]

# The change list's filters: (tag, what the reader sees).
FILTERS = (
    ("modified", "modified"),
    ("added", "added"),
    ("deleted", "deleted"),
    ("moved", "moved"),
    ("part-changed", "part changed"),
    ("renumbered-only", "renumbered only"),
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def row_tags(match: Match) -> tuple[str, ...]:
    """The filter tags of a match's rows: its kind, then moved, part changed, renumbered only."""
    tags = [match.kind.value]
    if match.kind in (Kind.SPLIT, Kind.MERGED):
        tags.append("modified")
    if match.moved:
        tags.append("moved")
    if match.part_changed:
        tags.append("part-changed")
    if match.renumbered and match.kind is Kind.UNCHANGED and not match.moved:
        tags.append("renumbered-only")
    return tuple(tags)


def _changed(tags: Sequence[str]) -> bool:
    return tags != ("unchanged",)


def _side(edits: Iterable[Edit], *, new: bool) -> str:
    """One side's text: kept words plain, the side's own changes marked as Word marks them."""
    out: list[str] = []
    drop = Op.DELETE if new else Op.INSERT
    tag = "ins" if new else "del"
    for e in edits:
        if e.op is drop:
            continue
        if e.mark:
            out.append("<br>")
        elif e.op is Op.EQUAL:
            out.append(_e(e.text))
        else:
            out.append(f"<{tag}>{_e(e.text)}</{tag}>")
    return "".join(out)


def _inline(edits: Iterable[Edit]) -> str:
    """Both sides in one text: deletions struck through, insertions underlined."""
    out: list[str] = []
    for e in edits:
        if e.mark:
            out.append(
                "<br>"
                if e.op is Op.EQUAL
                else "<del>¶</del>"
                if e.op is Op.DELETE
                else "<ins>¶</ins><br>"
            )
        elif e.op is Op.EQUAL:
            out.append(_e(e.text))
        else:
            tag = "ins" if e.op is Op.INSERT else "del"
            out.append(f"<{tag}>{_e(e.text)}</{tag}>")
    return "".join(out)


def _notes(notes: Sequence[NotePair], *, new: bool | None) -> str:
    """A row's footnotes with their changes (new=None: inline, both sides)."""
    items = []
    for n in notes:
        mark = n.new if new is not False and n.new is not None else n.old
        was = (
            f" (was {n.old})" if n.old is not None and n.new is not None and n.old != n.new else ""
        )
        if new is None:
            body = _inline(n.edits)
        elif (n.new if new else n.old) is None:
            continue
        else:
            body = _side(n.edits, new=new)
        items.append(
            f'<li><span class="note-label">footnote {_e(mark or "")}{_e(was)}:</span> '
            f'<span class="text" dir="auto">{body}</span></li>'
        )
    return f'<ul class="notes">{"".join(items)}</ul>' if items else ""


def _label(p: Paragraph) -> str:
    shown = p.number if p.number and p.number != str(p.index) else ""
    return p.label + (f" (no. {shown})" if shown else "")


class _Rows:
    """The table's rows, one per segment, with the ids that link a move's two ends."""

    def __init__(self, c: Comparison) -> None:
        self.c = c
        self.ids = {k: f"r{k + 1}" for k in range(len(c.segments))}
        self.ends: dict[tuple[str, Role], str] = {
            (s.move, s.role): self.ids[k] for k, s in enumerate(c.segments) if s.move
        }

    def labels(self, seg: Segment) -> tuple[str, str]:
        if seg.match is None:
            name = "Header" if seg.role is Role.HEADER else "Vote"
            return name, name
        m = self.c.matches[seg.match]
        old = " + ".join(_label(self.c.old.paragraphs[i]) for i in m.old)
        new = " + ".join(_label(self.c.new.paragraphs[j]) for j in m.new)
        return old, new

    def tags(self, seg: Segment) -> tuple[str, ...]:
        if seg.match is not None:
            return row_tags(self.c.matches[seg.match])
        edited = any(e.op is not Op.EQUAL for e in seg.edits) or any(
            any(e.op is not Op.EQUAL for e in n.edits) for n in seg.notes
        )
        return ("modified",) if edited else ("unchanged",)

    def heading(self, seg: Segment) -> str:
        """The row's label: new (and old) paragraph, and its kind."""
        old, new = self.labels(seg)
        if seg.role in (Role.DELETED, Role.MOVE_SOURCE):
            where = old
        elif seg.role is Role.ADDED or old == new:
            where = new
        else:
            where = f"{new} ← {old}"
        kinds = [t.replace("-", " ") for t in self.tags(seg)]
        if seg.role is Role.MOVE_SOURCE:
            kinds = ["moved away"]
        return f"{_e(where)}<br>" + "".join(
            f'<span class="tag {_e(k.split()[0])}">{_e(k)}</span>' for k in kinds
        )

    def row(self, k: int, seg: Segment) -> str:
        tags = self.tags(seg)
        old_label, new_label = self.labels(seg)
        old_side, new_side = _side(seg.edits, new=False), _side(seg.edits, new=True)
        both = _inline(seg.edits)
        link = ""
        classes = [tags[0]]
        if seg.move:
            classes.append("moved")
        change = _changed(tags)
        if seg.role is Role.MOVE_SOURCE and seg.move:
            classes.append("stub")
            change = False
            there = self.ends.get((seg.move, Role.MOVE_DESTINATION), "")
            link = f'<a class="move" href="#{there}">moved to {_e(new_label)} ↓</a>'
            new_side, both = link, both + link
            link = ""
        elif seg.role is Role.MOVE_DESTINATION and seg.move:
            there = self.ends.get((seg.move, Role.MOVE_SOURCE), "")
            link = f'<a class="move" href="#{there}">moved from {_e(old_label)} ↑</a>'
        if seg.role in (Role.ADDED,):
            old_side = ""
        if seg.role in (Role.DELETED,):
            new_side = ""
        cells = (
            f'<td class="old"><div class="text" dir="auto">{old_side}</div>'
            f"{_notes(seg.notes, new=False)}</td>"
            f'<td class="new"><div class="text" dir="auto">{new_side}</div>{link}'
            f"{_notes(seg.notes, new=True)}</td>"
            f'<td class="both"><div class="text" dir="auto">{both}</div>{link}'
            f"{_notes(seg.notes, new=None)}</td>"
        )
        return (
            f'<tr id="{self.ids[k]}" class="{" ".join(classes)}" data-tags="{" ".join(tags)}"'
            f'{" data-change" if change else ""}><th class="label" scope="row">'
            f"{self.heading(seg)}</th>{cells}</tr>"
        )

    def change_list(self) -> str:
        items = []
        for k, seg in enumerate(self.c.segments):
            tags = self.tags(seg)
            if not _changed(tags) or seg.role is Role.MOVE_SOURCE:
                continue
            old, new = self.labels(seg)
            where = old if seg.role is Role.DELETED else new
            if old and old not in (new, where):
                where += f" (was {old})"
            kinds = ", ".join(t.replace("-", " ") for t in tags)
            items.append(
                f'<li data-tags="{" ".join(tags)}"><a href="#{self.ids[k]}">'
                f"{_e(where)}</a>: {_e(kinds)}</li>"
            )
        for anchor, line in word_changes(self.c):
            items.append(
                f'<li data-tags="{_e(line.kind)}"><a href="#{anchor}">{_e(line.label)}</a>: '
                f"{_e(line.said)}</li>"
            )
        return "".join(items)


def _counts(c: Comparison) -> str:
    counts = [(kind.value, c.count(kind)) for kind in Kind]
    counts.insert(2, ("moved", c.count_moved()))
    counts.append(("footnotes changed", len(c.note_changes)))
    if c.elements is not None:
        counts.append(("tables changed", len(c.elements.tables)))
        counts.append(("elements changed", len(c.elements.elements)))
    return "".join(f"<li>{_e(name)}: {n}</li>" for name, n in counts if n or name == "modified")


def _footnotes(c: Comparison) -> str:
    if not c.note_changes:
        return ""
    items = []
    for n in c.note_changes:
        mark = n.new if n.new is not None else n.old
        was = (
            f" (was {n.old})" if n.old is not None and n.new is not None and n.old != n.new else ""
        )
        items.append(
            f'<li><span class="note-label">{_e(mark or "")}{_e(was)}, {_e(n.kind.value)}:</span> '
            f'<span class="text" dir="auto">{_inline(n.edits)}</span></li>'
        )
    return f'<section id="footnotes"><h2>Footnotes</h2><ol>{"".join(items)}</ol></section>'


def _vote(c: Comparison) -> str:
    vote = report(c)["vote"]
    rows = []
    for name in ("meeting", "date", "yes", "no", "abstentions"):
        if name in vote and (vote[name]["old"] is not None or vote[name]["new"] is not None):
            v = vote[name]
            said = f"{v['old']} → {v['new']}" if v["changed"] else f"{v['new']}"
            rows.append(f"<li>{_e(name)}: {_e(said)}</li>")
    for name in ("in_favour", "against", "abstaining"):
        for how in ("added", "removed"):
            if vote.get(name, {}).get(how):
                who = ", ".join(vote[name][how])
                rows.append(f"<li>{_e(name.replace('_', ' '))}, {how}: {_e(who)}</li>")
    return f'<section id="vote"><h2>Vote</h2><ul>{"".join(rows)}</ul></section>' if rows else ""


def _title(c: Comparison) -> str:
    old = c.old.header.symbol or Path(c.old.source).name or "old"
    new = c.new.header.symbol or Path(c.new.source).name or "new"
    return f"{old} → {new}"


def html_report(c: Comparison) -> str:
    """The comparison as one self-contained HTML page (inline style and script, no network).

    The same comparison gives the same text: no time or machine is written into it.
    """
    rows = _Rows(c)
    filters = "".join(
        f'<label><input type="checkbox" data-filter="{tag}"> {_e(name)}</label>'
        for tag, name in FILTERS
    )
    warnings = "".join(f'<p class="meta">warning: {_e(w)}</p>' for w in c.warnings)
    changes = rows.change_list()
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(_title(c))}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<header><h1 dir="auto">{_e(_title(c))}</h1>'
        f'<p class="meta" dir="auto">old: {_e(c.old.source)}<br>new: {_e(c.new.source)}</p>'
        f'<p class="meta">{_e(c.summary())}</p><ul class="counts">{_counts(c)}</ul>'
        f"{warnings}</header>\n"
        f'<div class="controls"><fieldset><legend>Show</legend>{filters}</fieldset>'
        '<button id="toggle" type="button" aria-pressed="false">Inline view</button></div>\n'
        '<p class="keys">Next / previous change: j or n / k or p</p>\n'
        f'<nav aria-label="Changes"><strong>Changes</strong><ol id="changes">{changes}</ol></nav>\n'
        '<table class="redline">'
        '<thead><tr><th class="label">§</th><th class="old">Old</th><th class="new">New</th>'
        '<th class="both">Redline</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows.row(k, seg) for k, seg in enumerate(c.segments))
        + f"\n</tbody></table>\n{word_section(c, _inline)}{_footnotes(c)}{_vote(c)}\n"
        f"<script>{SCRIPT}</script>\n"
        "</body>\n</html>\n"
    )


def write_html(comparison: Comparison, path: str | os.PathLike[str]) -> None:
    """Write the HTML report to `path` (UTF-8), atomically, with the ordinary permissions.

    >>> import redline, tempfile, pathlib
    >>> c = redline.compare("Decides to act.", "Decides to act now.")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     redline.write_html(c, pathlib.Path(d, "r.html"))
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:  # os.open's mode is reduced by the umask, as for any file a program creates
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", source=str(target)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(html_report(comparison).encode("utf-8"))
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror or exc}", source=str(target)) from exc
