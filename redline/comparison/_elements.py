"""What changed in a Word file's own blocks, as a reader is told it: tables and elements.

Two Word files are compared block by block (`_blocks`); this reads those decisions once more
in a drafter's terms, so that every view says the same: each table that changed, numbered
as the document numbers its tables ("Table 2": the second table of the body), its rows
(inserted, deleted, edited: which cells) and each cell's text with its word diff; each
picture, equation, text box, field, link or content control inserted, deleted, replaced or
edited inside, with the paragraph it stands in ("in OP4", by the structure's labels); a page
header or footer edited. Views render these values and decide nothing.

Numbers are 1-based. A row or table that stands in the new file is numbered as the new file
numbers it; a deleted one as the old file did. A paragraph's label is found from its place
among the Word file's paragraphs (cells and text boxes counted, as the structure reader
counts them for its line numbers); an element in a paragraph the structure does not hold (an
empty paragraph holding only a picture) is placed "after" the paragraph before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..diff import Edit, Op
from ..document import ATOM, Atom, Block, Document, Para, Table
from ..model import Resolution
from ._changes import BlockChange, Change, DocumentChanges, StoryChange

__all__ = ["ElementChange", "ElementChanges", "RowView", "TableChange", "element_changes"]

NAMED = ("picture", "drawing", "object", "equation", "text box", "field", "link", "control")
"""The atoms a reader is told about (tabs, breaks and note marks are not: the footnotes and
the text say those)."""

_SHOWN = {"picture": "[picture]", "drawing": "[drawing]", "object": "[object]"}


@dataclass(frozen=True, slots=True)
class ElementChange:
    """An element inserted, deleted, replaced (deleted and another inserted in its place) or
    edited inside (an equation's characters, a link's text). `where` is "in OP4",
    "after PP2", "in Table 2", or "" when the place is not known."""

    kind: str  # "picture", "equation", "text box", "field", "link", "control", "page header" …
    change: str  # "inserted", "deleted", "replaced", "edited"
    where: str = ""


@dataclass(frozen=True, slots=True)
class RowView:
    """A row of a changed table as a reader sees it: each cell's text with its word diff
    (paragraphs inside a cell separated by mark edits); `edited` the cells (1-based) that
    changed in a row kept in place."""

    change: Change  # KEPT, EDITED, INSERTED or DELETED
    old: int | None
    new: int | None
    cells: tuple[tuple[Edit, ...], ...]
    edited: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TableChange:
    """A table of the body inserted, deleted or edited, with all its rows."""

    change: Change  # INSERTED, DELETED or EDITED
    old: int | None
    new: int | None
    rows: tuple[RowView, ...]

    @property
    def number(self) -> int:
        """The number a reader knows it by: the new file's, or the old's for a deleted one."""
        return self.new if self.new is not None else self.old or 0


Item = TableChange | ElementChange


@dataclass(frozen=True, slots=True)
class ElementChanges:
    """The tables and elements that changed, in the redline's reading order."""

    items: tuple[Item, ...] = ()

    @property
    def tables(self) -> tuple[TableChange, ...]:
        return tuple(i for i in self.items if isinstance(i, TableChange))

    @property
    def elements(self) -> tuple[ElementChange, ...]:
        return tuple(i for i in self.items if isinstance(i, ElementChange))


# -- where a block stands --------------------------------------------------------------------


class _Places:
    """A side's body blocks → "in OP4" / "after PP2", and its tables' numbers."""

    def __init__(self, doc: Document, resolution: Resolution) -> None:
        self.doc = doc
        starts: dict[int, str] = {}
        for p in resolution.paragraphs:
            for k in range(1 + len(p.subparagraphs)):  # a lettered sub-paragraph: its own line
                starts.setdefault(p.line + k, p.label)
        self.starts = starts
        self.lines: list[int | None] = []  # the Word paragraph number each body block starts at
        self.tables: dict[int, int] = {}
        known = not doc.stand_in and not doc.tracked and resolution.paragraphs
        n = 0
        for k, block in enumerate(doc.body):
            if isinstance(block, Table):
                self.tables[k] = len(self.tables) + 1
            if n < 0 or not known:
                self.lines.append(None)
                continue
            self.lines.append(n + 1)
            counted = self._count(block)
            n = n + counted if counted >= 0 else -1

    def _count(self, block: Block) -> int:
        """How many Word paragraphs the structure reader counts in a block (-1: unknown)."""
        if isinstance(block, Table):
            total = 0
            for row in block.rows:
                for cell in row.cells:
                    for b in cell:
                        c = self._count(b)
                        if c < 0:
                            return -1
                        total += c
            return total
        if block.whole and block.atoms and block.atoms[0][1].kind == "block":
            return -1  # a content control or custom XML holding paragraphs: not counted here
        total = 1
        for _, atom in block.atoms:
            if atom.ref.startswith("box:"):
                for b in self.doc.stories.get(atom.ref, ()):
                    c = self._count(b)
                    if c < 0:
                        return -1
                    total += c
        return total

    def where(self, k: int) -> str:
        """Where body block `k` stands, in the structure's labels."""
        if k in self.tables:
            return f"in Table {self.tables[k]}"
        n = self.lines[k] if k < len(self.lines) else None
        if n is None:
            return ""
        if n in self.starts:
            return f"in {self.starts[n]}"
        before = [line for line in self.starts if line < n]
        return f"after {self.starts[max(before)]}" if before else ""

    def holding(self, ref: str) -> str:
        """Where the body paragraph holding the atom that refers to story `ref` stands."""
        for k, block in enumerate(self.doc.body):
            if isinstance(block, Para) and any(a.ref == ref for _, a in block.atoms):
                return self.where(k)
        return ""


# -- text as a reader sees it ----------------------------------------------------------------


def _text(p: Para, start: int = 0, end: int | None = None) -> str:
    """The paragraph's text from `start` to `end`, each atom shown by its text or its name."""
    atoms = dict(p.atoms)
    out = []
    for i in range(start, len(p.text) if end is None else end):
        ch = p.text[i]
        atom = atoms.get(i) if ch == ATOM else None
        out.append(ch if atom is None else atom.text or _SHOWN.get(atom.kind, ""))
    return "".join(out)


def _shown(block: Block) -> str:
    if isinstance(block, Para):
        return _text(block)
    return " | ".join(
        " ".join(_shown(b) for b in cell).strip() for row in block.rows for cell in row.cells
    )


def _whole(blocks: Sequence[Block], op: Op) -> tuple[Edit, ...]:
    edits: list[Edit] = []
    for k, b in enumerate(blocks):
        if k:
            edits.append(Edit(Op.EQUAL, "", mark=True))
        text = _shown(b)
        if text:
            edits.append(Edit(op, text))
    return tuple(edits)


def _para_edits(c: BlockChange, old: Para, new: Para) -> list[Edit]:
    if not c.steps:
        return [Edit(Op.EQUAL, _text(new))] if new.text else []
    out = []
    for s in c.steps:
        if s.op is Op.DELETE:
            out.append(Edit(Op.DELETE, _text(old, *s.old)))
        else:
            out.append(Edit(s.op, _text(new, *s.new)))
    return [e for e in out if e.text]


def _story_edits(
    changes: Sequence[BlockChange], old: Sequence[Block], new: Sequence[Block]
) -> tuple[Edit, ...]:
    """A story's (a cell's) blocks with their word diffs, one after another."""
    edits: list[Edit] = []
    for k, c in enumerate(changes):
        if k:  # the mark after a deleted paragraph goes with it
            gone = changes[k - 1].new is None
            edits.append(Edit(Op.DELETE if gone else Op.EQUAL, "", mark=True))
        a = old[c.old] if c.old is not None else None
        b = new[c.new] if c.new is not None else None
        if a is None and b is not None:
            edits += _whole([b], Op.INSERT)
        elif b is None and a is not None:
            edits += _whole([a], Op.DELETE)
        elif isinstance(a, Para) and isinstance(b, Para):
            edits += _para_edits(c, a, b)
        elif a is not None and b is not None:  # a table in a cell: its text, old and new
            if c.change is Change.KEPT:
                edits += _whole([b], Op.EQUAL)
            else:
                edits += [*_whole([a], Op.DELETE), *_whole([b], Op.INSERT)]
    return tuple(edits)


def _table(c: BlockChange, old: Table | None, new: Table | None, places: _Both) -> TableChange:
    number_old = places.old.tables.get(c.old) if c.old is not None else None
    number_new = places.new.tables.get(c.new) if c.new is not None else None
    rows: list[RowView] = []
    if old is not None and new is not None:
        for r in c.rows:
            if r.old is None and r.new is not None:
                rows.append(RowView(r.change, None, r.new + 1, _cells(new.rows[r.new].cells)))
            elif r.new is None and r.old is not None:
                cells = _cells(old.rows[r.old].cells, Op.DELETE)
                rows.append(RowView(r.change, r.old + 1, None, cells))
            elif r.old is not None and r.new is not None:
                a, b = old.rows[r.old].cells, new.rows[r.new].cells
                if r.change is Change.KEPT:
                    rows.append(RowView(r.change, r.old + 1, r.new + 1, _cells(b, Op.EQUAL)))
                    continue
                cells = tuple(_story_edits(ch, ca, cb) for ch, ca, cb in zip(r.cells, a, b))
                edited = tuple(
                    k + 1
                    for k, ch in enumerate(r.cells)
                    if any(x.change is not Change.KEPT for x in ch)
                )
                rows.append(RowView(r.change, r.old + 1, r.new + 1, cells, edited))
    elif new is not None:
        for k, row in enumerate(new.rows):
            rows.append(RowView(Change.INSERTED, None, k + 1, _cells(row.cells)))
    elif old is not None:
        for k, row in enumerate(old.rows):
            rows.append(RowView(Change.DELETED, k + 1, None, _cells(row.cells, Op.DELETE)))
    return TableChange(c.change, number_old, number_new, tuple(rows))


def _cells(cells: Sequence[Sequence[Block]], op: Op = Op.INSERT) -> tuple[tuple[Edit, ...], ...]:
    return tuple(_whole(cell, op) for cell in cells)


# -- elements --------------------------------------------------------------------------------


def _named(p: Block | None, start: int = 0, end: int | None = None) -> list[Atom]:
    """The named atoms of a paragraph between two offsets (of every paragraph in a table)."""
    if p is None:
        return []
    if isinstance(p, Table):
        return [a for r in p.rows for cell in r.cells for b in cell for a in _named(b)]
    stop = len(p.text) if end is None else end
    return [a for i, a in p.atoms if start <= i < stop and a.kind in NAMED]


def _in_para(c: BlockChange, old: Para, new: Para, where: str) -> list[ElementChange]:
    """The elements an edited paragraph's steps insert, delete or replace, and those edited
    inside (an equation's or a link's characters)."""
    out: list[ElementChange] = []
    steps = c.steps
    k = 0
    while k < len(steps):
        s = steps[k]
        nxt = steps[k + 1] if k + 1 < len(steps) else None
        if s.op is Op.DELETE:
            gone = _named(old, *s.old)
            came = _named(new, *nxt.new) if nxt is not None and nxt.op is Op.INSERT else []
            swapped = [a.kind for a in gone] == [b.kind for b in came] and gone
            if swapped:
                out += [ElementChange(a.kind, "replaced", where) for a in gone]
                k += 2
                continue
            out += [ElementChange(a.kind, "deleted", where) for a in gone]
        elif s.op is Op.INSERT:
            out += [ElementChange(a.kind, "inserted", where) for a in _named(new, *s.new)]
        k += 1
    atoms = dict(new.atoms)
    for inner in c.inside:
        atom = atoms.get(inner.new)
        if atom is not None and atom.kind in NAMED:
            out.append(ElementChange(atom.kind, "edited", where))
    return out


def _cell_elements(
    changes: Sequence[BlockChange], old: Sequence[Block], new: Sequence[Block], where: str
) -> list[ElementChange]:
    out: list[ElementChange] = []
    for c in changes:
        a = old[c.old] if c.old is not None else None
        b = new[c.new] if c.new is not None else None
        out += _block_elements(c, a, b, where)
    return out


def _block_elements(
    c: BlockChange, a: Block | None, b: Block | None, where: str
) -> list[ElementChange]:
    if c.change in (Change.INSERTED, Change.DELETED):
        gone = c.change is Change.DELETED
        return [ElementChange(x.kind, c.change.value, where) for x in _named(a if gone else b)]
    if c.change is not Change.EDITED or a is None or b is None:
        return []
    if isinstance(a, Para) and isinstance(b, Para):
        return _in_para(c, a, b, where)
    out: list[ElementChange] = []
    if isinstance(a, Table) and isinstance(b, Table):
        for r in c.rows:
            ra = a.rows[r.old] if r.old is not None else None
            rb = b.rows[r.new] if r.new is not None else None
            if ra is not None and rb is not None:
                for ch, ca, cb in zip(r.cells, ra.cells, rb.cells):
                    out += _cell_elements(ch, ca, cb, where)
            else:
                row = rb if rb is not None else ra
                how = "inserted" if rb is not None else "deleted"
                cells = row.cells if row is not None else ()
                out += [
                    ElementChange(x.kind, how, where)
                    for cell in cells
                    for bl in cell
                    for x in _named(bl)
                ]
    return out


@dataclass(frozen=True, slots=True)
class _Both:
    old: _Places
    new: _Places


def _story(s: StoryChange, places: _Both) -> ElementChange | None:
    if all(b.change is Change.KEPT for b in s.blocks):
        return None
    if s.kind == "box" and s.old is not None and s.new is not None:
        return ElementChange("text box", "edited", places.new.holding(s.new))
    if s.kind in ("header", "footer") and s.old is not None and s.new is not None:
        return ElementChange(f"page {s.kind}", "edited")
    return None


def element_changes(
    changes: DocumentChanges, old: Resolution, new: Resolution
) -> ElementChanges | None:
    """The tables and elements that changed between two Word files (None when a side has no
    Word document)."""
    if old.document is None or new.document is None:
        return None
    places = _Both(_Places(old.document, old), _Places(new.document, new))
    items: list[Item] = []
    for c in changes.body:
        a = old.document.body[c.old] if c.old is not None else None
        b = new.document.body[c.new] if c.new is not None else None
        if c.change in (Change.KEPT, Change.MOVED_FROM, Change.MOVED_TO):
            continue
        if isinstance(a, Table) or isinstance(b, Table):
            ta = a if isinstance(a, Table) else None
            tb = b if isinstance(b, Table) else None
            table = _table(c, ta, tb, places)
            items.append(table)
            where = f"in Table {table.number}"
        elif c.new is not None:
            where = places.new.where(c.new)
        else:
            where = places.old.where(c.old) if c.old is not None else ""
        items += _block_elements(c, a, b, where)
    for s in changes.stories:
        said = _story(s, places)
        if said is not None:
            items.append(said)
    return ElementChanges(tuple(items))
