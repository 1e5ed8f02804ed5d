"""The redline written in place: the new document's own package, its changes tracked.

Every block decision comes from the comparison (`DocumentChanges`); here they are rendered
onto the drafter's XML, which is otherwise left as it was:
- a kept paragraph or table is the new document's own element, untouched;
- an edited paragraph is rebuilt from its own runs, cut at the diff's word boundaries, each
  piece keeping its run properties: kept and inserted words from the new document's runs
  (inserted in `w:ins`), deleted words from the old document's runs (`w:del`, `w:delText`);
  pictures, fields, links and equations stand whole in either;
- a deleted paragraph or table is the old document's own, every run and mark deleted; an
  inserted one the new document's, every run and mark inserted; a move is a `w:moveFrom` at
  the old place and a `w:moveTo` at the new;
- an edited table keeps the new table's properties and grid, and tracks rows: inserted and
  deleted rows (`w:trPr/w:ins`, `w:del`), and in paired rows each cell compared as a story;
- every other story is written where it lives: notes in their parts (a deleted note
  carried under a fresh id), a text box inside its box, page headers and footers in theirs.
What old content refers to travels with it (`_carry`); the marks are settled where
LibreOffice can apply them (`_lay`).
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Sequence
from typing import cast

from lxml import etree

from ...comparison import BlockChange, Change, DocumentChanges, InnerEdit, RowChange
from ...diff import Op
from ..oxml import R_NS, W_NS, clone, el, first_child, parse_part
from ..read._blocks import Item, block_elements, inner_runs, items, run_format
from ..read._package import Package
from ._carry import (
    CARRIED,
    PARA_IDS,
    Carrier,
    Ids,
    Out,
    Side,
    drop_comments,
    max_id,
    rels_part,
    tostring,
)
from ._lay import cut, local_name, run_at, run_format_of, settle_marks, zero_width_before
from ._marking import Marking
from ._stories import Stories
from ._template import _PPR_ORDER, ordered

__all__ = ["write_in_place"]

_W = f"{{{W_NS}}}"
_R = f"{{{R_NS}}}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_LOOK = ("pStyle", "numPr", "jc", "ind")  # what a paragraph change shows (as the reader keys it)
_ID, _VAL = f"{_W}id", f"{_W}val"
_PPR, _RPR = f"{_W}pPr", f"{_W}rPr"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


class _Writer(Marking, Stories):
    def __init__(
        self, old: Package, new: Package, changes: DocumentChanges, author: str, date: str
    ) -> None:
        self.old, self.new = Side.open(old, edited=False), Side.open(new)
        self.out = Out(self.new, self.old)
        self.changes = changes
        self.author, self.date = author, date
        self.ids = Ids(max(max_id(new), 0) + 1)
        self.bookmarks = {b.get(f"{_W}name") for b in self.new.root.iter(f"{_W}bookmarkStart")}
        self.moves: dict[int, str] = {}
        self.as_moves = True  # moves written as Word moves, else deletion plus insertion
        self.note_ids: dict[tuple[str, str], str] = {}  # old (kind, id) → id in the new package
        self.notes = self._note_parts(self.new)  # kind → (part, root) being written
        self.created: dict[str, str] = {}  # parts the new package lacked → content type
        self._read: dict[etree._Element, tuple[list[Item], list[etree._Element]]] = {}
        self.styles = Carrier(new, old, "styles")
        self.numbering = Carrier(new, old, "numbering")
        self.part = new.main  # the part being written (relationships are made in it)
        self.old_part = old.main
        self._made: dict[str, etree._Element] = {}  # by tag: a tracked element to copy
        self._formats: dict[etree._Element, str] = {}  # an old run's format, once a write

    # -- tracked-change elements ------------------------------------------------------------
    def tracked(self, tag: str, **attrs: str) -> etree._Element:
        """A fresh ``w:tag`` (new id, the author and date): a copy of the first made for the
        tag, which costs half of building one (the same namespace, attributes and order)."""
        made = self._made.get(tag)
        if made is None:
            made = self._made[tag] = el(tag, id="", author=self.author, date=self.date)
        e = clone(made)
        e.set(_ID, self.ids.take())
        for k, v in attrs.items():
            e.set(_W + k, v)
        return e

    # -- carrying old content into the new package -------------------------------------------
    def carry(self, e: etree._Element) -> etree._Element:
        """A copy of an old element fit for the new package (one dictionary lookup a tag:
        most elements of a copy need nothing)."""
        return self._fitted(clone(e))

    def _fitted(self, c: etree._Element) -> etree._Element:
        """`carry` of a fresh copy (a deleted word's pieces, cut as copies): fit as it is."""
        for node in list(c.iter(etree.Element)):  # elements only, listed before any removal
            for name in cast(list[str], node.keys()):  # its attributes (iterating: children)
                if name in PARA_IDS:
                    del node.attrib[name]
                elif name.startswith(_R):
                    node.set(
                        name, self.out.carry_rel(self.part, self.old_part, node.get(name) or "")
                    )
            what = CARRIED.get(node.tag)
            if what is None:
                continue
            if what == "docPr":
                node.set("id", self.ids.take())
            elif what == "drop":  # bookmarks (the new document's only), comment anchors
                parent = node.getparent()
                if parent is not None:
                    parent.remove(node)
            elif what == "id" and local_name(node.getparent()) == "sdtPr":
                node.set(_VAL, self.ids.take())  # a content control's id, unique
            elif what in ("footnote", "endnote"):
                fresh = self.note_ids.get((what, node.get(_ID) or ""))
                if fresh is not None:
                    node.set(_ID, fresh)
            elif what == "style":
                node.set(_VAL, self.styles.carry(node.get(_VAL) or ""))
            elif what == "numId":
                node.set(_VAL, self.numbering.carry(node.get(_VAL) or ""))
        for sect in c.iter(f"{_W}sectPr"):
            parent = sect.getparent()
            if parent is not None and parent.tag == f"{_W}pPr":
                parent.remove(sect)
        return c

    # -- paragraphs ----------------------------------------------------------------------
    def edit_paragraph(
        self, old_p: etree._Element, new_p: etree._Element, c: BlockChange
    ) -> etree._Element:
        """The new paragraph with its word diff tracked; the first part of a merge is a
        paragraph of its own (the old one's look, its mark deleted), the first of a split
        has its mark inserted."""
        first_of_merge = c.span is not None and c.mark == "del"
        target = new_p
        if c.steps or first_of_merge:
            old_items, _, _ = items(old_p, None)  # cut, not compared: no keys
            if new_p not in self._read:  # both parts of a merge read it before either
                self._read[new_p] = items(new_p, None)[:2]
            new_items, tail = self._read[new_p]
            content: list[etree._Element] = []
            for s in c.steps:
                if s.op is Op.EQUAL:
                    content += self._kept(old_items, new_items, s.old, s.new)
                elif s.op is Op.INSERT:
                    content += self._wrapped(cut(new_items, *s.new, own=True), "ins")
                else:
                    pieces = [self._fitted(e) for e in cut(old_items, *s.old, own=False)]
                    content += self._wrapped(pieces, "del")
            for m in c.inside:  # equations and links kept in their frame, edited inside
                self._inside(_item_at(old_items, m.old), _item_at(new_items, m.new), m)
            if first_of_merge:
                target = el("p")
                look = first_child(old_p, _PPR)
                if look is not None:
                    target.append(self.carry(look))
            else:
                for child in list(new_p):
                    if child.tag != f"{_W}pPr":
                        new_p.remove(child)
            target.extend(content)
            if not first_of_merge:
                target.extend(tail)
        if c.mark:
            self.mark_mark(target, c.mark)
        if c.look_changed:
            self.look_change(old_p, target)
        return target

    def _kept(
        self,
        old_items: list[Item],
        new_items: list[Item],
        old: tuple[int, int],
        new: tuple[int, int],
    ) -> list[etree._Element]:
        """Kept text, the new runs cut wherever the old or the new format changes; a piece
        whose format changed carries the old one as a tracked format change."""
        shift = old[0] - new[0]
        cuts = {new[0], new[1]}
        for found, delta in ((new_items, 0), (old_items, -shift)):
            pos = 0
            for it in found:
                pos += it.size
                if new[0] < pos + delta < new[1]:
                    cuts.add(pos + delta)
        bounds = sorted(cuts)
        out: list[etree._Element] = []
        for a, b in itertools.pairwise(bounds):
            pieces = cut(new_items, a, b, own=True)
            was = run_at(old_items, a + shift)
            if self.changes.looks and was is not None:
                if was not in self._formats:  # an old run's, once: the old document is only read
                    self._formats[was] = run_format(was)
                if self._formats[was] != run_format_of(pieces):
                    for piece in pieces:
                        if piece.tag == f"{_W}r":
                            self._format_change(piece, was)
            out += pieces
        return out

    def _inside(self, old: Item, new: Item, m: InnerEdit) -> None:
        """Each edited run of an equation or a link replaced by runs of its kept, inserted
        and deleted characters: marked inside a math run, around a link's run, as Word
        marks them."""
        kind = new.atom.kind if new.atom is not None else ""
        olds, news = inner_runs(old.elements[0], kind), inner_runs(new.elements[0], kind)
        for k, steps in enumerate(m.runs):
            if not steps:
                continue
            a, b = olds[k], news[k]
            was, now = _chars(a), _chars(b)
            pieces = []
            for s in steps:
                if s.op is Op.DELETE:
                    source, text, tag = self.carry(a), was[s.old[0] : s.old[1]], "del"
                else:
                    source, text = b, now[s.new[0] : s.new[1]]
                    tag = "ins" if s.op is Op.INSERT else ""
                if kind == "equation":
                    pieces.append(self._math_run(source, text, tag or None))
                else:
                    pieces.append(self._text_run(source, text, tag))
            parent = b.getparent()
            if parent is not None:
                at = parent.index(b)
                parent.remove(b)
                for offset, piece in enumerate(pieces):
                    parent.insert(at + offset, piece)

    def _text_run(self, source: etree._Element, text: str, tag: str) -> etree._Element:
        run = copy.deepcopy(source)
        for child in list(run):
            if child.tag != f"{_W}rPr":
                run.remove(child)
        t = etree.SubElement(run, f"{_W}{'delText' if tag == 'del' else 't'}")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if not tag:
            return run
        wrap = self.tracked(tag)
        wrap.append(run)
        return wrap

    def _math_run(self, source: etree._Element, text: str, tag: str | None) -> etree._Element:
        run = copy.deepcopy(source)
        for child in list(run):
            if child.tag not in (f"{_M}rPr", f"{_W}rPr"):
                run.remove(child)
        t = etree.SubElement(run, f"{_M}t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if tag is not None:
            wrap = self.tracked(tag)
            for child in list(run):
                if child.tag != f"{_M}rPr":
                    wrap.append(child)
            run.append(wrap)
        return run

    def _format_change(self, run: etree._Element, was: etree._Element) -> None:
        rpr = first_child(run, _RPR)
        if rpr is None:
            rpr = el("rPr")
            run.insert(0, rpr)
        for old in rpr.findall(f"{_W}rPrChange"):
            rpr.remove(old)
        before = first_child(was, _RPR)
        held = self.carry(before) if before is not None else el("rPr")
        for old in held.findall(f"{_W}rPrChange"):
            held.remove(old)
        change = self.tracked("rPrChange")
        change.append(held)
        rpr.append(change)

    def look_change(self, old_p: etree._Element, new_p: etree._Element) -> None:
        ppr = first_child(new_p, _PPR)
        if ppr is None:
            ppr = el("pPr")
            new_p.insert(0, ppr)
        was = copy.deepcopy(ppr)
        for child in list(was):
            if local_name(child) in ("rPr", "sectPr", "pPrChange", *_LOOK):
                was.remove(child)
        old_ppr = first_child(old_p, _PPR)
        for name in _LOOK:
            e = old_ppr.find(f"{_W}{name}") if old_ppr is not None else None
            if e is not None:
                was.append(self.carry(e))
        ordered(was, _PPR_ORDER)
        change = self.tracked("pPrChange")
        change.append(was)
        ppr.append(change)
        ordered(ppr, _PPR_ORDER)

    # -- blocks --------------------------------------------------------------------------
    def story(
        self,
        changes: Sequence[BlockChange],
        old_blocks: Sequence[etree._Element],
        new_blocks: Sequence[etree._Element],
    ) -> list[etree._Element]:
        out: list[etree._Element] = []
        plain = {Change.MOVED_FROM: Change.DELETED, Change.MOVED_TO: Change.INSERTED}
        for c in changes:
            old_e = old_blocks[c.old] if c.old is not None else None
            new_e = new_blocks[c.new] if c.new is not None else None
            change = c.change if self.as_moves else plain.get(c.change, c.change)
            if change is Change.KEPT:
                assert new_e is not None
                out.append(new_e)
            elif change is Change.EDITED:
                assert old_e is not None and new_e is not None
                if new_e.tag == f"{_W}tbl":
                    out.append(self.edit_table(old_e, new_e, c.rows))
                else:
                    out.append(self.edit_paragraph(old_e, new_e, c))
            elif change is Change.DELETED:
                assert old_e is not None
                gone = self.carry(old_e)
                self.mark_block(gone, "del")
                out.append(gone)
            elif change is Change.INSERTED:
                assert new_e is not None
                self.mark_block(new_e, "ins")
                out.append(new_e)
            elif change is Change.MOVED_FROM:
                assert old_e is not None
                out.append(self.moved(self.carry(old_e), "moveFrom", c.move))
            else:
                assert new_e is not None
                out.append(self.moved(new_e, "moveTo", c.move))
        return out

    def edit_table(
        self, old_t: etree._Element, new_t: etree._Element, rows: Sequence[RowChange]
    ) -> etree._Element:
        old_rows = old_t.findall(f"{_W}tr")
        new_rows = new_t.findall(f"{_W}tr")
        built: list[etree._Element] = []
        for r in rows:
            if r.change is Change.KEPT:
                assert r.new is not None
                built.append(new_rows[r.new])
            elif r.change is Change.EDITED:
                assert r.old is not None and r.new is not None
                tr = new_rows[r.new]
                old_cells = old_rows[r.old].findall(f"{_W}tc")
                for cell, tc, otc in zip(r.cells, tr.findall(f"{_W}tc"), old_cells, strict=True):
                    self.fill(tc, cell, block_elements(otc))
                built.append(tr)
            elif r.change is Change.DELETED:
                assert r.old is not None
                tr = self.carry(old_rows[r.old])
                self.mark_row(tr, "del")
                built.append(tr)
            else:
                assert r.new is not None
                tr = new_rows[r.new]
                self.mark_row(tr, "ins")
                built.append(tr)
        for tr in new_rows:
            new_t.remove(tr)
        new_t.extend(built)
        return new_t

    def fill(
        self,
        container: etree._Element,
        changes: Sequence[BlockChange],
        old_blocks: Sequence[etree._Element],
    ) -> None:
        """Write a story (a cell, a note) in its container, in place of its blocks."""
        new_blocks = block_elements(container)
        before = zero_width_before(container, new_blocks)
        written = self.story(changes, old_blocks, new_blocks)
        keep_head = [c for c in container if not isinstance(c.tag, str) or c not in new_blocks]
        head = [c for c in keep_head if c.tag in (f"{_W}tcPr",)]
        rest = [c for c in keep_head if c not in head and c not in before.values_flat()]
        for c in list(container):
            container.remove(c)
        container.extend(head)
        for e in written:
            for z in before.get(e, []):
                container.append(z)
            container.append(e)
        container.extend(rest)
        settle_marks(container, self.tracked)

    # -- the package ---------------------------------------------------------------------
    def body(self) -> None:
        body, old_body = self.new.root.find(f"{_W}body"), self.old.root.find(f"{_W}body")
        assert body is not None and old_body is not None
        self.part, self.old_part = self.new.pkg.main, self.old.pkg.main
        new_blocks, old_blocks = block_elements(body), block_elements(old_body)
        self.numbering.continue_lists(self.changes, old_blocks, new_blocks)
        before = zero_width_before(body, new_blocks)
        written = self.story(self.changes.body, old_blocks, new_blocks)
        sect = body.find(f"{_W}sectPr")
        blocks_in, zero_width = set(new_blocks), set(before.values_flat())  # by identity
        trailing = [c for c in body if c not in blocks_in and c is not sect and c not in zero_width]
        order = [z_or_e for e in written for z_or_e in (*before.get(e, ()), e)]
        order += [*trailing, *([sect] if sect is not None else [])]
        kept = set(order)  # by identity
        for c in [c for c in body if c not in kept]:
            body.remove(c)
        for e in order:  # one of the body's own is moved to the end, as if taken out first
            body.append(e)
        settle_marks(body, self.tracked)


def _item_at(found: list[Item], offset: int) -> Item:
    """The item standing at `offset` (an atom: one offset)."""
    pos = 0
    for it in found:
        if pos == offset:
            return it
        pos += it.size
    raise IndexError(offset)


def _chars(run: etree._Element) -> str:
    return "".join(t.text or "" for t in run.iter(f"{_M}t", f"{_W}t"))


def write_in_place(
    old: Package,
    new: Package,
    changes: DocumentChanges,
    *,
    author: str,
    date: str,
    comments: bool = True,
    moves: bool = True,
    parsed: dict[str, tuple[etree._Element, bytes]] | None = None,
) -> dict[str, bytes]:
    """The redline's parts: the new package, every change tracked in place (`moves`: as Word's).
    `parsed` gets each story part's root and bytes (roots not edited after: `views_of`)."""
    w = _Writer(old, new, changes, author, date)
    w.as_moves = moves
    w.prepare_notes()
    w.boxes()
    w.body()
    w.write_notes()
    w.number_notes()
    margins_written = w.write_margins()
    parts = {n: new.read(n) or b"" for n in new.names()}
    stories = [(new.main, w.new.root), *w.notes.values(), *margins_written.items()]
    for name, root in stories:
        parts[name] = tostring(root)
        if parsed is not None:
            parsed[name] = (root, parts[name])
    for carrier in (w.styles, w.numbering):
        if carrier.changed and carrier.part and carrier.new_root is not None:
            parts[carrier.part] = tostring(carrier.new_root)
    parts.update(w.out.parts)
    for part, rels in w.out.added_rels.items():
        name = rels_part(part)
        found = new.xml(name) if name in parts else None
        root = (
            found
            if found is not None
            else etree.Element(f"{{{_PKG_REL}}}Relationships", nsmap={None: _PKG_REL})  # type: ignore[dict-item]
        )
        for rid, typ, target, mode in rels:
            rel = etree.SubElement(
                root, f"{{{_PKG_REL}}}Relationship", Id=rid, Type=typ, Target=target
            )
            if mode:
                rel.set("TargetMode", mode)
        parts[name] = tostring(root)
    if w.out.defaults or w.created:
        types = parse_part(
            parts["[Content_Types].xml"], source=new.source, part="[Content_Types].xml"
        )
        have = {(e.get("Extension") or "").lower() for e in types if e.tag == f"{_CT}Default"}
        for ext, ctype in sorted(w.out.defaults.items()):
            if ext not in have:
                d = etree.Element(f"{_CT}Default", Extension=ext, ContentType=ctype)
                types.insert(0, d)
        for made, ctype in sorted(w.created.items()):
            etree.SubElement(types, f"{_CT}Override", PartName="/" + made, ContentType=ctype)
        parts["[Content_Types].xml"] = tostring(types)
    if not comments:
        drop_comments(parts, new.main, new.source)
    return parts
