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
- notes (footnotes, endnotes) stay where they are, edits inside them tracked; a deleted
  note is carried into the new package under a fresh id.
What an old element refers to travels with it into the new package: pictures and other
parts (under new names and relationship ids), hyperlink targets, styles and lists the new
document lacks, and notes; its drawing ids are renumbered, so no id is used twice.
"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from ...comparison import Comparison
from ...comparison._blocks import BlockChange, Change, DocumentChanges, NotePairing, RowChange
from ...diff import Op
from ...errors import ConservationError
from ..oxml import R_NS, W_NS, el, parse_part
from ..read._blocks import Item, _resolver, block_elements, items
from ..read._package import Package
from ._template import _PPR_ORDER, ordered

__all__ = ["in_place", "write_in_place"]

_W = f"{{{W_NS}}}"
_R = f"{{{R_NS}}}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_CONTAINERS = {"hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent"}
_DELETED_TEXT = {f"{_W}t": f"{_W}delText", f"{_W}instrText": f"{_W}delInstrText"}
_LOOK = ("pStyle", "numPr", "jc", "ind")  # what a paragraph change shows (as the reader keys it)
_COMMENT_ANCHORS = {f"{_W}commentRangeStart", f"{_W}commentRangeEnd"}


def _local(e: etree._Element) -> str:
    return etree.QName(e).localname if isinstance(e.tag, str) else ""


class _Ids:
    """One counter for every id the redline adds (revisions, bookmarks, drawings)."""

    def __init__(self, start: int) -> None:
        self.next = start

    def take(self) -> str:
        self.next += 1
        return str(self.next)


@dataclass
class _Side:
    """One input package: its parts, main part and relationship lookup."""

    pkg: Package
    root: etree._Element
    rels: dict[str, tuple[str, str, str]]  # id → (type, target, mode)

    @classmethod
    def open(cls, pkg: Package) -> _Side:
        root = pkg.xml(pkg.main)
        assert root is not None
        return cls(pkg, root, _rels_of(pkg, pkg.main))


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _rels_of(pkg: Package, part: str) -> dict[str, tuple[str, str, str]]:
    root = pkg.xml(_rels_part(part))
    out = {}
    for rel in root if root is not None else ():
        if isinstance(rel.tag, str):
            out[rel.get("Id") or ""] = (
                rel.get("Type") or "",
                rel.get("Target") or "",
                rel.get("TargetMode") or "",
            )
    return out


@dataclass
class _Out:
    """The new package being written: parts changed or added, relationships added."""

    new: _Side
    old: _Side
    parts: dict[str, bytes] = field(default_factory=dict)
    added_rels: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)
    carried: dict[tuple[str, str], str] = field(default_factory=dict)  # (part, old rid) → rid
    defaults: dict[str, str] = field(default_factory=dict)  # extension → content type

    def rel_ids(self, part: str) -> set[str]:
        ids = set(_rels_of(self.new.pkg, part))
        ids |= {r[0] for r in self.added_rels.get(part, [])}
        return ids

    def carry_rel(self, part: str, old_part: str, rid: str) -> str:
        """The old part's relationship `rid`, made in the new part `part`: its id there."""
        key = (part, old_part + "#" + rid)
        if key in self.carried:
            return self.carried[key]
        rels = _rels_of(self.old.pkg, old_part)
        if rid not in rels:
            return rid
        typ, target, mode = rels[rid]
        if mode != "External":
            folder = posixpath.dirname(old_part)
            src = posixpath.normpath(posixpath.join(folder, target))
            data = self.old.pkg.read(src)
            if data is None:
                return rid
            base, ext = posixpath.splitext(posixpath.basename(src))
            names = set(self.new.pkg.names()) | set(self.parts)
            k = 1
            while True:
                dest = posixpath.join(posixpath.dirname(src), f"{base}-old{k}{ext}")
                if dest not in names:
                    break
                k += 1
            self.parts[dest] = data
            self.defaults.setdefault(ext.lstrip(".").lower(), _content_type(self.old.pkg, src))
            target = posixpath.relpath(dest, posixpath.dirname(part))
        ids = self.rel_ids(part)
        n = 1
        while f"rIdOld{n}" in ids:
            n += 1
        new_id = f"rIdOld{n}"
        self.added_rels.setdefault(part, []).append((new_id, typ, target, mode))
        self.carried[key] = new_id
        return new_id


def _content_type(pkg: Package, part: str) -> str:
    types = pkg.xml("[Content_Types].xml")
    ext = posixpath.splitext(part)[1].lstrip(".").lower()
    for entry in types if types is not None else ():
        if entry.tag == f"{_CT}Override" and (entry.get("PartName") or "").lstrip("/") == part:
            return entry.get("ContentType") or "application/octet-stream"
    for entry in types if types is not None else ():
        if entry.tag == f"{_CT}Default" and (entry.get("Extension") or "").lower() == ext:
            return entry.get("ContentType") or "application/octet-stream"
    return "application/octet-stream"


class _Writer:
    def __init__(
        self, old: Package, new: Package, changes: DocumentChanges, author: str, date: str
    ) -> None:
        self.old, self.new = _Side.open(old), _Side.open(new)
        self.out = _Out(self.new, self.old)
        self.changes = changes
        self.author, self.date = author, date
        self.ids = _Ids(max(_max_id(new), 0) + 1)
        self.old_resolve = _resolver(old, old.main)
        self.new_resolve = _resolver(new, new.main)
        self.bookmarks = {b.get(f"{_W}name") for b in self.new.root.iter(f"{_W}bookmarkStart")}
        self.moves: dict[int, str] = {}
        self.note_ids: dict[tuple[str, str], str] = {}  # old (kind, id) → id in the new package
        self.styles = _Carrier(self, "styles")
        self.numbering = _Carrier(self, "numbering")
        self.part = new.main  # the part being written (relationships are made in it)
        self.old_part = old.main

    # -- tracked-change elements ------------------------------------------------------------
    def tracked(self, tag: str, **attrs: str) -> etree._Element:
        e = el(tag, id=self.ids.take(), author=self.author, date=self.date)
        for k, v in attrs.items():
            e.set(_W + k, v)
        return e

    # -- carrying old content into the new package -------------------------------------------
    def carry(self, e: etree._Element) -> etree._Element:
        """A copy of an old element fit for the new package."""
        c = copy.deepcopy(e)
        for node in list(c.iter()):
            if not isinstance(node.tag, str):
                continue
            for name in list(node.attrib):
                if name in (f"{_W14}paraId", f"{_W14}textId"):
                    del node.attrib[name]
                elif name.startswith(_R):
                    node.set(
                        name, self.out.carry_rel(self.part, self.old_part, node.get(name) or "")
                    )
            if node.tag == f"{_WP}docPr":
                node.set("id", self.ids.take())
            elif node.tag in (f"{_W}bookmarkStart", f"{_W}bookmarkEnd"):
                name = node.get(f"{_W}name")
                parent = node.getparent()
                if parent is not None:  # never compared: kept by the new document only
                    parent.remove(node)
                continue
            elif (
                node.tag == f"{_W}id"
                and node.getparent() is not None
                and _local(node.getparent()) == "sdtPr"
            ):
                node.set(f"{_W}val", self.ids.take())  # a content control's id, unique
            elif node.tag in _COMMENT_ANCHORS or node.tag == f"{_W}commentReference":
                parent = node.getparent()
                if parent is not None:
                    parent.remove(node)
                continue
            elif node.tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
                kind = "footnote" if node.tag == f"{_W}footnoteReference" else "endnote"
                fresh = self.note_ids.get((kind, node.get(f"{_W}id") or ""))
                if fresh is not None:
                    node.set(f"{_W}id", fresh)
            elif node.tag in (f"{_W}pStyle", f"{_W}rStyle", f"{_W}tblStyle"):
                node.set(f"{_W}val", self.styles.carry(node.get(f"{_W}val") or ""))
            elif node.tag == f"{_W}numId":
                node.set(f"{_W}val", self.numbering.carry(node.get(f"{_W}val") or ""))
        for sect in c.iter(f"{_W}sectPr"):
            parent = sect.getparent()
            if parent is not None and parent.tag == f"{_W}pPr":
                parent.remove(sect)
        return c

    # -- marking -------------------------------------------------------------------------
    def mark_runs(self, e: etree._Element, tag: str) -> None:
        """Wrap every run in `e` (itself, or inside links, controls, fields) in `tag`."""
        if e.tag == f"{_W}r":
            parent = e.getparent()
            wrap = self.tracked(tag)
            if parent is not None:
                parent.replace(e, wrap)
            wrap.append(e)
            if tag in ("del",):
                _delete_text(e)
            return
        if e.tag == f"{_M}r":
            wrap = self.tracked(tag)
            for child in list(e):
                wrap.append(child)
            e.append(wrap)
            return
        if e.tag == f"{_W}p":
            self.mark_paragraph(e, tag)
            return
        for child in list(e):
            if not isinstance(child.tag, str):
                continue
            if child.tag in (f"{_W}pPr", f"{_W}rPr", f"{_W}tblPr", f"{_W}sdtPr", f"{_W}sdtEndPr"):
                continue
            self.mark_runs(child, tag)

    def mark_paragraph(self, p: etree._Element, tag: str, *, mark: bool = True) -> None:
        for child in list(p):
            if isinstance(child.tag, str) and child.tag != f"{_W}pPr":
                self.mark_runs(child, tag)
        if mark:
            self.mark_mark(p, tag)

    def mark_mark(self, p: etree._Element, tag: str) -> None:
        ppr = p.find(f"{_W}pPr")
        if ppr is None:
            ppr = el("pPr")
            p.insert(0, ppr)
        rpr = ppr.find(f"{_W}rPr")
        if rpr is None:
            rpr = el("rPr")
            ppr.append(rpr)
            ordered(ppr, _PPR_ORDER)
        for old in rpr.findall(f"{_W}ins") + rpr.findall(f"{_W}del"):
            rpr.remove(old)
        rpr.insert(0, self.tracked(tag))

    def mark_table(self, tbl: etree._Element, tag: str) -> None:
        for tr in tbl.findall(f"{_W}tr"):
            self.mark_row(tr, tag)

    def mark_row(self, tr: etree._Element, tag: str) -> None:
        trpr = tr.find(f"{_W}trPr")
        if trpr is None:
            trpr = el("trPr")
            at = 1 if tr.find(f"{_W}tblPrEx") is not None else 0
            tr.insert(at, trpr)
        trpr.append(self.tracked(tag))
        for tc in tr.findall(f"{_W}tc"):
            for b in block_elements(tc):
                self.mark_block(b, tag)

    def mark_block(self, b: etree._Element, tag: str) -> None:
        if b.tag == f"{_W}tbl":
            self.mark_table(b, tag)
        elif b.tag == f"{_W}p":
            self.mark_paragraph(b, tag)
        else:
            self.mark_runs(b, tag)

    def moved(self, p: etree._Element, tag: str, move: int) -> etree._Element:
        name = self.moves.setdefault(move, f"move{move}")
        if p.tag != f"{_W}p":
            self.mark_block(p, "del" if tag == "moveFrom" else "ins")
            return p
        self.mark_paragraph(p, tag)
        start = self.tracked(f"{tag}RangeStart", name=name)
        ppr = p.find(f"{_W}pPr")
        p.insert(1 if ppr is not None else 0, start)
        p.append(el(f"{tag}RangeEnd", id=start.get(f"{_W}id") or ""))
        return p

    # -- paragraphs ----------------------------------------------------------------------
    def edit_paragraph(
        self, old_p: etree._Element, new_p: etree._Element, c: BlockChange
    ) -> etree._Element:
        if c.steps:
            old_items, _, _ = items(old_p, self.old_resolve)
            new_items, tail, _ = items(new_p, self.new_resolve)
            content: list[etree._Element] = []
            for s in c.steps:
                if s.op is Op.EQUAL:
                    content += _cut(new_items, *s.new, own=True)
                elif s.op is Op.INSERT:
                    content += self._wrapped(_cut(new_items, *s.new, own=True), "ins")
                else:
                    pieces = [self.carry(e) for e in _cut(old_items, *s.old, own=False)]
                    content += self._wrapped(pieces, "del")
            for child in list(new_p):
                if child.tag != f"{_W}pPr":
                    new_p.remove(child)
            new_p.extend(content)
            new_p.extend(tail)
        if c.look_changed:
            self.look_change(old_p, new_p)
        return new_p

    def _wrapped(self, pieces: list[etree._Element], tag: str) -> list[etree._Element]:
        out: list[etree._Element] = []
        for e in pieces:
            if e.tag == f"{_W}r":
                if out and out[-1].tag == _W + tag and out[-1].get("_open") == "1":
                    out[-1].append(e)
                else:
                    wrap = self.tracked(tag)
                    wrap.set("_open", "1")
                    wrap.append(e)
                    out.append(wrap)
                if tag == "del":
                    _delete_text(e)
                continue
            holder = etree.Element("holder")
            holder.append(e)
            self.mark_runs(e, tag)
            out.extend(list(holder))
        for e in out:
            if "_open" in e.attrib:
                del e.attrib["_open"]
        return out

    def look_change(self, old_p: etree._Element, new_p: etree._Element) -> None:
        ppr = new_p.find(f"{_W}pPr")
        if ppr is None:
            ppr = el("pPr")
            new_p.insert(0, ppr)
        was = copy.deepcopy(ppr)
        for child in list(was):
            if _local(child) in ("rPr", "sectPr", "pPrChange", *_LOOK):
                was.remove(child)
        old_ppr = old_p.find(f"{_W}pPr")
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
        for c in changes:
            old_e = old_blocks[c.old] if c.old is not None else None
            new_e = new_blocks[c.new] if c.new is not None else None
            if c.change is Change.KEPT:
                assert new_e is not None
                out.append(new_e)
            elif c.change is Change.EDITED:
                assert old_e is not None and new_e is not None
                if new_e.tag == f"{_W}tbl":
                    out.append(self.edit_table(old_e, new_e, c.rows))
                else:
                    out.append(self.edit_paragraph(old_e, new_e, c))
            elif c.change is Change.DELETED:
                assert old_e is not None
                gone = self.carry(old_e)
                self.mark_block(gone, "del")
                out.append(gone)
            elif c.change is Change.INSERTED:
                assert new_e is not None
                self.mark_block(new_e, "ins")
                out.append(new_e)
            elif c.change is Change.MOVED_FROM:
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
        before = _zero_width_before(container, new_blocks)
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
        _untrack_last_mark(container, self)

    # -- the package ---------------------------------------------------------------------
    def body(self) -> None:
        body = self.new.root.find(f"{_W}body")
        old_body = self.old.root.find(f"{_W}body")
        assert body is not None and old_body is not None
        self.part, self.old_part = self.new.pkg.main, self.old.pkg.main
        new_blocks = block_elements(body)
        before = _zero_width_before(body, new_blocks)
        written = self.story(self.changes.body, block_elements(old_body), new_blocks)
        sect = body.find(f"{_W}sectPr")
        trailing = [
            c
            for c in body
            if c not in new_blocks and c is not sect and c not in before.values_flat()
        ]
        for c in list(body):
            body.remove(c)
        for e in written:
            for z in before.get(e, []):
                body.append(z)
            body.append(e)
        body.extend(trailing)
        if sect is not None:
            body.append(sect)
        _untrack_last_mark(body, self)

    def notes(self) -> dict[str, etree._Element]:
        """The notes parts rewritten: edits inside paired notes, deleted notes carried."""
        roots: dict[str, etree._Element] = {}
        for kind in ("footnote", "endnote"):
            new_parts = self.new.pkg.related(self.new.pkg.main, f"{kind}s")
            old_parts = self.old.pkg.related(self.old.pkg.main, f"{kind}s")
            pairings = [n for n in self.changes.notes if n.kind == kind]
            if not pairings:
                continue
            if not new_parts:
                if any(n.new is None for n in pairings):
                    raise _Unwritable(f"the new document has no {kind}s part for a deleted note")
                continue
            root = self.new.pkg.xml(new_parts[0])
            old_root = self.old.pkg.xml(old_parts[0]) if old_parts else None
            assert root is not None
            new_notes = {n.get(f"{_W}id"): n for n in root.findall(f"{_W}{kind}")}
            old_notes = {
                n.get(f"{_W}id"): n
                for n in (old_root.findall(f"{_W}{kind}") if old_root is not None else [])
            }
            used = {int(i) for i in new_notes if i and i.lstrip("-").isdigit()}
            for pairing in pairings:
                if pairing.new is None and pairing.old is not None:
                    fresh = max(used, default=0) + 1
                    used.add(fresh)
                    self.note_ids[kind, pairing.old] = str(fresh)
            roots[new_parts[0]] = root
            self._notes_root = (
                kind,
                root,
                old_root,
                new_notes,
                old_notes,
                pairings,
                new_parts[0],
                old_parts[0] if old_parts else "",
            )
            self._pending_notes.append(self._notes_root)
        return roots

    _pending_notes: list = []  # type: ignore[type-arg]

    def write_notes(self) -> None:
        for (
            kind,
            root,
            _old_root,
            new_notes,
            old_notes,
            pairings,
            part,
            old_part,
        ) in self._pending_notes:
            self.part, self.old_part = part, old_part
            for pairing in pairings:
                self._note(kind, root, new_notes, old_notes, pairing)
        self.part, self.old_part = self.new.pkg.main, self.old.pkg.main

    def _note(
        self,
        kind: str,
        root: etree._Element,
        new_notes: dict[str | None, etree._Element],
        old_notes: dict[str | None, etree._Element],
        pairing: NotePairing,
    ) -> None:
        if pairing.old is not None and pairing.new is not None:
            note, old = new_notes.get(pairing.new), old_notes.get(pairing.old)
            if note is not None and old is not None:
                self.fill(note, pairing.blocks, block_elements(old))
        elif pairing.old is not None:
            old = old_notes.get(pairing.old)
            if old is None:
                return
            gone = self.carry(old)
            gone.set(f"{_W}id", self.note_ids[kind, pairing.old])
            for b in block_elements(gone):
                self.mark_block(b, "del")
            _untrack_last_mark(gone, self)
            root.append(gone)
        elif pairing.new is not None:
            note = new_notes.get(pairing.new)
            if note is not None:
                for b in block_elements(note):
                    self.mark_block(b, "ins")
                _untrack_last_mark(note, self)


class _Unwritable(Exception):
    """The in-place writer cannot render this pair faithfully: use the clean writer."""


class _Carrier:
    """Styles or lists an old element uses that the new package lacks, carried over."""

    def __init__(self, writer: _Writer, kind: str) -> None:
        self.w = writer
        self.kind = kind
        new_parts = writer.new.pkg.related(writer.new.pkg.main, kind)
        old_parts = writer.old.pkg.related(writer.old.pkg.main, kind)
        self.part = new_parts[0] if new_parts else None
        self.new_root = writer.new.pkg.xml(new_parts[0]) if new_parts else None
        self.old_root = writer.old.pkg.xml(old_parts[0]) if old_parts else None
        self.map: dict[str, str] = {}
        self.changed = False

    def carry(self, value: str) -> str:
        if value in self.map:
            return self.map[value]
        if self.new_root is None or self.old_root is None:
            self.map[value] = value
            return value
        result = self._styles(value) if self.kind == "styles" else self._numbering(value)
        self.map[value] = result
        return result

    def _styles(self, sid: str) -> str:
        assert self.new_root is not None and self.old_root is not None
        have = {s.get(f"{_W}styleId") for s in self.new_root.findall(f"{_W}style")}
        if sid in have:
            return sid
        old = next(
            (s for s in self.old_root.findall(f"{_W}style") if s.get(f"{_W}styleId") == sid),
            None,
        )
        if old is None:
            return sid
        self.new_root.append(copy.deepcopy(old))
        self.changed = True
        return sid

    def _numbering(self, num_id: str) -> str:
        assert self.new_root is not None and self.old_root is not None
        old_num = _find(self.old_root, "num", "numId", num_id)
        if old_num is None:
            return num_id
        old_abs = _find(self.old_root, "abstractNum", "abstractNumId", _abstract_of(old_num))
        new_num = _find(self.new_root, "num", "numId", num_id)
        if new_num is not None and old_abs is not None:
            new_abs = _find(self.new_root, "abstractNum", "abstractNumId", _abstract_of(new_num))
            if new_abs is not None and _same_list(old_abs, new_abs):
                return num_id
        if old_abs is None:
            return num_id
        abs_ids = [
            int(a.get(f"{_W}abstractNumId") or 0) for a in self.new_root.findall(f"{_W}abstractNum")
        ]
        num_ids = [int(n.get(f"{_W}numId") or 0) for n in self.new_root.findall(f"{_W}num")]
        a = copy.deepcopy(old_abs)
        a.set(f"{_W}abstractNumId", str(max(abs_ids, default=0) + 1))
        for nsid in a.findall(f"{_W}nsid"):
            a.remove(nsid)
        n = copy.deepcopy(old_num)
        fresh = str(max(num_ids, default=0) + 1)
        n.set(f"{_W}numId", fresh)
        ref = n.find(f"{_W}abstractNumId")
        if ref is not None:
            ref.set(f"{_W}val", a.get(f"{_W}abstractNumId") or "0")
        nums = self.new_root.findall(f"{_W}num")
        if nums:
            nums[0].addprevious(a)
        else:
            self.new_root.append(a)
        self.new_root.append(n)
        self.changed = True
        return fresh


def _find(root: etree._Element, tag: str, attr: str, value: str) -> etree._Element | None:
    return next((e for e in root.findall(f"{_W}{tag}") if e.get(f"{_W}{attr}") == value), None)


def _abstract_of(num: etree._Element) -> str:
    ref = num.find(f"{_W}abstractNumId")
    return (ref.get(f"{_W}val") or "") if ref is not None else ""


def _same_list(a: etree._Element, b: etree._Element) -> bool:
    def key(e: etree._Element) -> bytes:
        c = copy.deepcopy(e)
        c.attrib.pop(f"{_W}abstractNumId", None)
        for junk in c.findall(f"{_W}nsid") + c.findall(f"{_W}tmpl"):
            c.remove(junk)
        return etree.tostring(c)

    return key(a) == key(b)


class _Before(dict[etree._Element, list[etree._Element]]):
    def values_flat(self) -> list[etree._Element]:
        return [z for zs in self.values() for z in zs]


def _zero_width_before(container: etree._Element, blocks: Sequence[etree._Element]) -> _Before:
    """The zero-width elements (bookmarks …) standing before each block of a container."""
    out = _Before()
    pending: list[etree._Element] = []
    wanted = set(blocks)
    for c in container:
        if c in wanted:
            if pending:
                out[c] = pending
                pending = []
        elif isinstance(c.tag, str) and c.tag not in (f"{_W}sectPr", f"{_W}tcPr"):
            pending.append(c)
    return out


_MARKS = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")


def _mark_of(p: etree._Element) -> str | None:
    rpr = p.find(f"{_W}pPr/{_W}rPr")
    found = [c for c in rpr if c.tag in _MARKS] if rpr is not None else []
    return _local(found[0]) if found else None


def _clear_mark(p: etree._Element) -> None:
    rpr = p.find(f"{_W}pPr/{_W}rPr")
    for c in [c for c in rpr if c.tag in _MARKS] if rpr is not None else []:
        rpr.remove(c)


def _untrack_last_mark(container: etree._Element, w: _Writer) -> None:
    """Keep tracked paragraph marks where LibreOffice can apply them.

    LibreOffice (7.4) cannot remove a container's last paragraph mark, nor the mark of a
    paragraph standing just before a table: a run of inserted (or deleted) paragraphs there
    has its tracked mark carried on the paragraph before the run, whose text then joins the
    run's last paragraph in the view that drops the run (the same text either way); that
    paragraph shows the right look in both views through a tracked paragraph change.
    Deleted paragraphs before inserted ones at the very end fold into the last paragraph:
    the old text deleted, then the new inserted, under one untracked mark.
    """
    blocks = block_elements(container)
    ends = [
        k
        for k, b in enumerate(blocks)
        if b.tag == f"{_W}p" and (k == len(blocks) - 1 or blocks[k + 1].tag == f"{_W}tbl")
    ]
    for k in reversed(ends):
        _carry_back(container, blocks, k, w, at_end=k == len(blocks) - 1)


def _carry_back(
    container: etree._Element, blocks: list[etree._Element], end: int, w: _Writer, *, at_end: bool
) -> None:
    last = blocks[end]
    kind = _mark_of(last)
    if kind is None:
        return
    inserted = kind in ("ins", "moveTo")
    same = ("ins", "moveTo") if inserted else ("del", "moveFrom")
    k = end
    while k > 0 and blocks[k - 1].tag == f"{_W}p" and _mark_of(blocks[k - 1]) in same:
        k -= 1
    before = blocks[k - 1] if k > 0 else None
    if before is None or before.tag != f"{_W}p":
        if at_end:
            _clear_mark(last)  # the container is all tracked: its last mark stays
        return
    mark = _mark_of(before)
    if mark is None:
        _clear_mark(last)
        w.mark_mark(before, "ins" if inserted else "del")
        _lend_look(before, last, w, inserted=inserted)
        return
    if not at_end:
        return
    # ... D I(1..m) at the end: the deleted paragraph's text goes to the front of the last
    _clear_mark(last)
    content = [c for c in before if c.tag != f"{_W}pPr"]
    first = next((i for i, c in enumerate(last) if c.tag != f"{_W}pPr"), len(last))
    for offset, c in enumerate(content):
        last.insert(first + offset, c)
    container.remove(before)


def _lend_look(before: etree._Element, last: etree._Element, w: _Writer, *, inserted: bool) -> None:
    """The run's last paragraph holds, in the view that drops the run, the text of the
    paragraph before it: it shows that paragraph's look there (a tracked paragraph change)."""
    own = last.find(f"{_W}pPr")
    lent = before.find(f"{_W}pPr")
    lent_look = copy.deepcopy(lent) if lent is not None else el("pPr")
    own_look = copy.deepcopy(own) if own is not None else el("pPr")
    for props in (lent_look, own_look):
        for c in list(props):
            if _local(c) in ("rPr", "sectPr", "pPrChange"):
                props.remove(c)
    if etree.tostring(lent_look) == etree.tostring(own_look):
        return
    if own is None:
        own = el("pPr")
        last.insert(0, own)
    if inserted:  # accept shows the run's own look; reject the lent one
        was = lent_look
    else:  # accept shows the lent look; reject the run's own
        was = own_look
        for c in list(own):
            if _local(c) not in ("rPr", "sectPr", "pPrChange"):
                own.remove(c)
        for c in lent_look:
            own.append(copy.deepcopy(c))
    for c in own.findall(f"{_W}pPrChange"):
        own.remove(c)
    change = w.tracked("pPrChange")
    change.append(was)
    own.append(change)
    ordered(own, _PPR_ORDER)


def _delete_text(run: etree._Element) -> None:
    for node in run.iter():
        if node.tag in _DELETED_TEXT:
            node.tag = _DELETED_TEXT[node.tag]


def _cut(found: list[Item], start: int, end: int, *, own: bool) -> list[etree._Element]:
    """The XML for offsets [start, end) of a paragraph's items: runs cut at the bounds, each
    piece with its run's properties; atoms whole. `own`: the elements are the paragraph's
    own (the new side, moved as they are); otherwise copies are made."""
    out: list[etree._Element] = []
    pos = 0
    current: tuple[etree._Element, etree._Element] | None = None  # (source run, piece)
    for it in found:
        a, b = pos, pos + it.size
        pos = b
        if b <= start or a >= end:
            if a >= end:
                break
            continue
        if own:
            out.extend(it.before)
            if it.before:
                current = None
        if it.level in ("text", "run"):
            run, child = it.elements
            if current is None or current[0] is not run:
                piece = copy.deepcopy(run)
                for c in list(piece):
                    if c.tag != f"{_W}rPr":
                        piece.remove(c)
                current = (run, piece)
                out.append(piece)
            part = copy.deepcopy(child)
            if it.level == "text":
                text = it.text[max(start, a) - a : min(end, b) - a]
                part.text = text
                part.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            current[1].append(part)
        else:
            current = None
            out.extend(it.elements if own else [copy.deepcopy(e) for e in it.elements])
    return out


def _max_id(pkg: Package) -> int:
    top = 0
    for name in pkg.names():
        if not name.endswith(".xml"):
            continue
        root = pkg.xml(name)
        if root is None:
            continue
        for node in root.iter():
            if not isinstance(node.tag, str):
                continue
            value = node.get(f"{_W}id")
            if value and value.lstrip("-").isdigit():
                top = max(top, int(value))
            value = node.get("id") if node.tag == f"{_WP}docPr" else None
            if value and value.isdigit():
                top = max(top, int(value))
    return top + 1000


def _tostring(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def in_place(comparison: Comparison) -> bool:
    """Whether the redline can be written onto the drafter's own file: both inputs are Word
    documents without tracked changes of their own."""
    old, new = comparison.old.document, comparison.new.document
    return (
        comparison.document is not None
        and old is not None
        and new is not None
        and not old.tracked
        and not new.tracked
    )


def write_in_place(
    old: Package, new: Package, changes: DocumentChanges, *, author: str, date: str
) -> dict[str, bytes] | None:
    """The redline's parts, written onto the new package; None when this pair cannot be
    written in place faithfully (the caller then writes the clean document)."""
    w = _Writer(old, new, changes, author, date)
    w._pending_notes = []
    try:
        roots = w.notes()
        w.body()
        w.write_notes()
    except _Unwritable:
        return None
    parts = {n: new.read(n) or b"" for n in new.names()}
    parts[new.main] = _tostring(w.new.root)
    for name, root in roots.items():
        parts[name] = _tostring(root)
    for carrier in (w.styles, w.numbering):
        if carrier.changed and carrier.part and carrier.new_root is not None:
            parts[carrier.part] = _tostring(carrier.new_root)
    parts.update(w.out.parts)
    for part, rels in w.out.added_rels.items():
        name = _rels_part(part)
        root = new.xml(name) if name in parts else None
        if root is None:
            root = etree.Element(f"{{{_PKG_REL}}}Relationships", nsmap={None: _PKG_REL})  # type: ignore[dict-item]
        for rid, typ, target, mode in rels:
            rel = etree.SubElement(
                root, f"{{{_PKG_REL}}}Relationship", Id=rid, Type=typ, Target=target
            )
            if mode:
                rel.set("TargetMode", mode)
        parts[name] = _tostring(root)
    if w.out.defaults:
        types = parse_part(
            parts["[Content_Types].xml"], source=new.source, part="[Content_Types].xml"
        )
        have = {(e.get("Extension") or "").lower() for e in types if e.tag == f"{_CT}Default"}
        for ext, ctype in sorted(w.out.defaults.items()):
            if ext not in have:
                d = etree.Element(f"{_CT}Default", Extension=ext, ContentType=ctype)
                types.insert(0, d)
        parts["[Content_Types].xml"] = _tostring(types)
    return parts


_ = ConservationError
