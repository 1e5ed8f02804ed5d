"""The HTML report's section on the Word files' own tables and elements.

Between two Word files, each changed table is drawn as a table: its rows in the new file's
order, an inserted row underlined, a deleted one struck through, an edited cell with its word
diff; each picture, equation, text box, field or link inserted, deleted, replaced or edited
is one line ("Picture: inserted in P2"), worded as the change summary words it. Everything
is read off `Comparison.elements`; the strings from the inputs are escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from ..comparison import Change, Comparison, RowView, TableChange
from ..diff import Edit
from .summary import SummaryLine, word_lines

__all__ = ["word_changes", "word_section"]

_ROW = {  # a row's change: its word, and the tag colour the report gives it
    Change.INSERTED: ("inserted", "added"),
    Change.DELETED: ("deleted", "deleted"),
    Change.EDITED: ("edited", "modified"),
}


def _e(text: str) -> str:
    return escape(text, quote=True)


def word_changes(c: Comparison) -> list[tuple[str, SummaryLine]]:
    """(anchor id, line) for each table or element that changed, in reading order."""
    return [(f"w{k + 1}", line) for k, line in enumerate(word_lines(c))]


def _row(r: RowView, inline: Callable[[Iterable[Edit]], str]) -> str:
    word, colour = _ROW.get(r.change, ("", ""))
    label = f"{r.new}" if r.new is not None else f"{r.old} (old)"
    if word:
        label += f'<br><span class="tag {colour}">{word}</span>'
    edited = ' class="edited"'
    cells = "".join(
        f"<td{edited if k + 1 in r.edited else ''}>"
        f'<div class="text" dir="auto">{inline(cell)}</div></td>'
        for k, cell in enumerate(r.cells)
    )
    return f'<tr class="{word or "kept"}"><th scope="row">{label}</th>{cells}</tr>'


def _table(t: TableChange, inline: Callable[[Iterable[Edit]], str]) -> str:
    rows = "".join(_row(r, inline) for r in t.rows)
    return f'<table class="word-table"><tbody>{rows}</tbody></table>'


def word_section(c: Comparison, inline: Callable[[Iterable[Edit]], str]) -> str:
    """The section: a heading, then each change's line, a changed table drawn under its own."""
    if c.elements is None or not c.elements.items:
        return ""
    parts = []
    for (anchor, line), item in zip(word_changes(c), c.elements.items, strict=True):
        parts.append(
            f'<p id="{anchor}" class="word-line"><span class="tag {_e(line.kind)}">'
            f"{_e(line.kind)}</span> <strong>{_e(line.label)}</strong>: {_e(line.said)}</p>"
        )
        if isinstance(item, TableChange):
            parts.append(_table(item, inline))
    return (
        '<section id="word"><h2>Tables and elements of the Word files</h2>'
        + "".join(parts)
        + "</section>"
    )
