"""A Word file read as its own blocks (`redline.document`), for a redline written in place.

One walk of a paragraph's XML (`items`) serves the reader and the writer alike, so the
offsets the core's word diff speaks of land on the very runs they were read from:
- each `w:t` is text, one offset per character;
- every other run child (tab, break, drawing, note reference, symbol, hyphens, objects) is one
  atom, as is every element at paragraph level that is not a plain run (hyperlink, content
  control, equation, simple field, smart tag), and a complex field from its begin to its end;
- bookmarks, comment anchors and proofing marks hold no offset: they travel with the next
  item, and are never compared; `w:lastRenderedPageBreak` is layout, not content.
An atom's key is its XML with the ids Word renumbers at will taken out and each relationship
replaced by what it points to (a picture's bytes, a link's URL), so the same picture in two
files is the same atom.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lxml import etree

from ...document import ATOM, Atom, Block, Document, Para, Row, Table
from ..oxml import MC_NS, R_NS, W_NS, clone, visible_text
from ._document import count_changes
from ._formats import Formats, look_of, run_format
from ._package import Package
from ._stories import box_contents, margins, text_boxes
from ._text import choose, local

__all__ = [
    "Item",
    "block_elements",
    "items",
    "inner_runs",
    "inner_texts",
    "read_blocks",
    "read_document",
    "rows_of",
    "run_format",
]

_W = f"{{{W_NS}}}"
_R = f"{{{R_NS}}}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
ZERO_WIDTH = {
    f"{_W}{t}"
    for t in [
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "proofErr",
        "permStart",
        "permEnd",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
    ]
}
BLOCKS = {f"{_W}p", f"{_W}tbl", f"{_W}sdt", f"{_W}customXml", f"{_W}altChunk"}
_NOTES = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}
_NOTE_KINDS = ("footnote", "endnote")
_VOLATILE = {  # attributes Word renumbers or stamps at will: never part of a key
    f"{_W}rsidR",
    f"{_W}rsidRPr",
    f"{_W}rsidRDefault",
    f"{_W}rsidP",
    f"{_W}rsidDel",
    f"{_W}rsidSect",
    f"{_W}rsidTr",
    f"{_W14}paraId",
    f"{_W14}textId",
}
_P, _PPR, _RPR, _RUN, _T = f"{_W}p", f"{_W}pPr", f"{_W}rPr", f"{_W}r", f"{_W}t"
_FLDCHAR = f"{_W}fldChar"
_NOT_ITEMS = (_RPR, f"{_W}lastRenderedPageBreak")  # a run's children that are no item

Resolve = Callable[[str], str]
"""A relationship id → what it points to (a part's digest, an external URL)."""


@dataclass(slots=True)
class Item:
    """One unit of a paragraph's content, in order.

    `text` items are a `w:t` (`elements` = [run, t]); atoms are `elements` = [run, child]
    for a run child, [element] for one at paragraph level, or the runs of a complex field.
    `before` holds the zero-width elements standing just before it.
    """

    level: str  # "text" | "run" | "p" | "runs"
    elements: list[etree._Element]
    text: str = ""
    atom: Atom | None = None
    before: list[etree._Element] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.text) if self.level == "text" else 1


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]  # a content key, not security


def atom_key(kind: str, element: etree._Element | list[etree._Element], resolve: Resolve) -> str:
    """The element(s) as compared: volatile ids out, relationships by what they point to."""
    parts = element if isinstance(element, list) else [element]
    out = []
    for e in parts:
        c = clone(e)
        if kind == "text box":  # its text is a story of its own, compared inside the box
            for box in c.iter(f"{_W}txbxContent"):
                for child in list(box):
                    box.remove(child)
        for node in c.iter():
            if not isinstance(node.tag, str):
                continue
            for name in [str(n) for n in node.attrib]:
                if name in _VOLATILE or (node.tag == f"{_WP}docPr" and name in ("id", "name")):
                    del node.attrib[name]
                elif name.startswith(_R):
                    node.set(name, resolve(node.get(name) or ""))
                elif node.tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
                    del node.attrib[name]
        out.append(etree.tostring(c))
    return kind + ":" + _digest(b"".join(out))


def _field_state(run: etree._Element) -> list[str]:
    return [fc.get(f"{_W}fldCharType") or "" for fc in run.iter(_FLDCHAR)]


def _text_of(elements: list[etree._Element], instr: bool) -> str:
    tags = {f"{_W}instrText"} if instr else {f"{_W}t", f"{_M}t"}
    return "".join(t.text or "" for e in elements for t in e.iter(*tags))


def _kind(e: etree._Element) -> str:
    tag = e.tag if isinstance(e.tag, str) else ""
    if tag in _NOTES:
        return _NOTES[tag]
    if any(True for _ in e.iter(f"{_W}txbxContent")):
        return "text box"
    if tag in (f"{_W}drawing", f"{_W}pict", f"{_W}object"):
        return "picture" if tag != f"{_W}object" else "object"
    if tag.startswith(_M):
        return "equation"
    if tag == f"{{{MC_NS}}}AlternateContent":  # named by the branch that is read
        branch = choose(e)
        inside = [c for c in branch if isinstance(c.tag, str)] if branch is not None else []
        return _kind(inside[0]) if len(inside) == 1 else "drawing"
    return {
        "hyperlink": "link",
        "sdt": "control",
        "fldSimple": "field",
        "tab": "tab",
        "ptab": "tab",
        "br": "break",
        "cr": "break",
    }.get(local(e), local(e) or "other")


def items(
    p: etree._Element, resolve: Resolve | None, boxes: dict[etree._Element, str] | None = None
) -> tuple[list[Item], list[etree._Element], bool]:
    """The paragraph's items, the zero-width elements after the last one, and whether the
    paragraph must be taken whole (a field opened or closed outside it).

    `resolve` None: the items of a paragraph being written, not compared (the same items,
    each atom its kind only: no key, no text)."""
    out: list[Item] = []
    pending: list[etree._Element] = []
    field_runs: list[etree._Element] = []
    depth = 0
    whole = False
    fields = next(p.iter(_FLDCHAR), None) is not None  # most paragraphs: no run has a field
    for child in p:
        tag = child.tag
        if tag == _RUN and not fields:  # most children: a plain run (no field anywhere)
            pending = _run_items(child, resolve, boxes, pending, out)
            continue
        if tag == _PPR or not isinstance(tag, str):
            continue
        if tag in ZERO_WIDTH and not field_runs:
            pending.append(child)
            continue
        if tag == _RUN and (field_runs or (fields and _field_state(child))):
            field_runs.append(child)
            for state in _field_state(child):
                depth += {"begin": 1, "end": -1}.get(state, 0)
                if depth < 0:
                    whole = True
                    depth = 0
            if depth == 0:
                out.append(_field(field_runs, resolve, pending))
                pending, field_runs = [], []
            continue
        if field_runs:  # a hyperlink or bookmark inside a field: part of it
            field_runs.append(child)
            continue
        if tag == _RUN:
            pending = _run_items(child, resolve, boxes, pending, out)
            continue
        kind = _kind(child)
        if resolve is None:
            out.append(Item("p", [child], atom=Atom(kind, ""), before=pending))
            pending = []
            continue
        shown = _text_of([child], instr=False)
        atom = Atom(kind, atom_key(kind, child, resolve), shown)
        if kind in _INNER:
            atom = replace(
                atom, frame=_frame(child, kind, resolve), inner=tuple(inner_texts(child, kind))
            )
        out.append(Item("p", [child], atom=atom, before=pending))
        pending = []
    if field_runs:
        whole = True
        out.append(_field(field_runs, resolve, pending))
        pending = []
    return out, pending, whole


def _run_items(
    run: etree._Element,
    resolve: Resolve | None,
    boxes: dict[etree._Element, str] | None,
    pending: list[etree._Element],
    out: list[Item],
) -> list[etree._Element]:
    """A run's items appended to `out`, the first taking `pending` (the zero-width elements
    before it); the zero-width elements still waiting after it."""
    for rc in run:
        rtag = rc.tag
        if rtag == _T:
            text = rc.text
            if text:
                out.append(Item("text", [run, rc], text, None, pending))
                pending = []
            continue
        if rtag in _NOT_ITEMS or not isinstance(rtag, str):
            continue
        kind = _kind(rc)
        if resolve is None:
            atom = Atom(kind, "")
        else:
            ref = f"{kind}:{rc.get(f'{_W}id') or ''}" if kind in _NOTE_KINDS else ""
            if kind == "text box" and boxes is not None:
                ref = boxes.get(rc, "")
            shown = visible_text(rc) or ""
            key = kind if kind in _NOTE_KINDS else atom_key(kind, rc, resolve)
            atom = Atom(kind, key, shown, ref)
        out.append(Item("run", [run, rc], "", atom, pending))
        pending = []
    return pending


_INNER = {  # an atom edited inside: its runs, their text, and what else a run may hold
    "equation": (f"{_M}r", f"{_M}t", {f"{_M}rPr", f"{_W}rPr", f"{_M}t"}),
    "link": (f"{_W}r", f"{_W}t", {f"{_W}rPr", f"{_W}t"}),
    "control": (f"{_W}r", f"{_W}t", {f"{_W}rPr", f"{_W}t"}),
}


def inner_runs(atom: etree._Element, kind: str) -> list[etree._Element]:
    """An equation's math runs, or a link's or a content control's runs, in order: where its
    characters stand."""
    return list(atom.iter(_INNER[kind][0]))


def inner_texts(atom: etree._Element, kind: str) -> list[str]:
    text = _INNER[kind][1]
    return ["".join(t.text or "" for t in r.iter(text)) for r in inner_runs(atom, kind)]


def _frame(atom: etree._Element, kind: str, resolve: Resolve) -> str:
    """The atom with its runs' characters taken out (and bookmarks): two atoms of the same
    frame differ only in characters, which are then diffed run by run. "" when a run holds
    more than characters (a tab, a picture): such an atom is compared whole."""
    run, text, plain = _INNER[kind]
    if any(child.tag not in plain for r in inner_runs(atom, kind) for child in r):
        return ""
    c = clone(atom)
    for r in c.iter(run):
        for child in list(r):
            if child.tag == text or kind == "equation":
                r.remove(child)
    for z in [e for e in c.iter() if isinstance(e.tag, str) and e.tag in ZERO_WIDTH]:
        parent = z.getparent()
        if parent is not None:
            parent.remove(z)
    return atom_key(f"{kind} frame", c, resolve)


def _field(
    runs: list[etree._Element], resolve: Resolve | None, before: list[etree._Element]
) -> Item:
    if resolve is None:
        return Item("runs", list(runs), atom=Atom("field", ""), before=before)
    code = " ".join(_text_of(runs, instr=True).split())
    shown = _text_of(runs, instr=False)
    key = "field:" + code + "\x00" + atom_key("field", runs, resolve)
    return Item("runs", list(runs), atom=Atom("field", key, shown), before=before)


def paragraph(
    p: etree._Element,
    resolve: Resolve,
    boxes: dict[etree._Element, str] | None = None,
    formats: Formats | None = None,
) -> Para:
    found, _, whole = items(p, resolve, boxes)
    if whole:
        key = atom_key("paragraph", [c for c in p if local(c) != "pPr"], resolve)
        shown = _text_of([p], instr=False)
        return Para(ATOM, ((0, Atom("paragraph", key, shown)),), look_of(p, formats), whole=True)
    text: list[str] = []
    atoms: list[tuple[int, Atom]] = []
    formats_at: list[tuple[int, str]] = []
    pos = 0
    run: etree._Element | None = None
    run_look = last = ""
    format_of = formats.run if formats is not None else run_format
    for it in found:
        level = it.level
        if level == "text" or level == "run":
            first = it.elements[0]
            if first is not run:  # a run's items share its format
                run = first
                run_look = format_of(run)
            look = run_look
        else:
            look = ""
        if not formats_at or last != look:
            formats_at.append((pos, look))
            last = look
        atom = it.atom
        if atom is not None:
            atoms.append((pos, atom))
            text.append(ATOM)
            pos += 1
        else:
            text.append(it.text)
            pos += len(it.text)
    return Para("".join(text), tuple(atoms), look_of(p, formats), formats=tuple(formats_at))


def rows_of(table: etree._Element) -> list[etree._Element]:
    """A table's own rows, also those a content control or custom XML wraps (not a nested
    table's)."""
    return [tr for tr in table.iter(f"{_W}tr") if next(tr.iterancestors(f"{_W}tbl"), None) is table]


def _cells_of(row: etree._Element) -> list[etree._Element]:
    return [tc for tc in row.iter(f"{_W}tc") if next(tc.iterancestors(f"{_W}tr"), None) is row]


def _grid(table: etree._Element) -> list[tuple[etree._Element, list[etree._Element]]] | None:
    """The table's rows, each with its cells, when every row is the table's own child and
    every cell its row's (a plain grid, read as a table); None otherwise."""
    grid = []
    for tr in rows_of(table):
        if tr.getparent() is not table:
            return None
        grid.append((tr, _cells_of(tr)))
    for tr, tcs in grid:
        if any(tc.getparent() is not tr for tc in tcs):
            return None
    return grid


def block_elements(container: etree._Element) -> list[etree._Element]:
    """The blocks of a body, cell or note, in order (zero-width elements and sectPr aside)."""
    return [c for c in container if c.tag in BLOCKS]  # a comment's tag (a function) is not


def block(
    e: etree._Element,
    resolve: Resolve,
    boxes: dict[etree._Element, str] | None = None,
    formats: Formats | None = None,
) -> Block:
    tag = e.tag
    if tag == _P:
        return paragraph(e, resolve, boxes, formats)
    grid = _grid(e) if tag == f"{_W}tbl" else None
    if grid is not None:
        rows = []
        for _row, tcs in grid:
            cells = []
            shape = []
            for tc in tcs:
                cells.append(tuple(block(b, resolve, boxes, formats) for b in block_elements(tc)))
                span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                shape.append(
                    f"{span.get(f'{_W}val') if span is not None else 1}"
                    f"{'v' + (merge.get(f'{_W}val') or 'c') if merge is not None else ''}"
                )
            rows.append(Row(tuple(cells), ",".join(shape)))
        cols = e.findall(f"{_W}tblGrid/{_W}gridCol")
        return Table(tuple(rows), str(len(cols)))
    key = atom_key("block", e, resolve)
    return Para(ATOM, ((0, Atom("block", key, _text_of([e], instr=False))),), whole=True)


def _resolver(pkg: Package, part: str) -> Resolve:
    import posixpath

    folder, name = posixpath.split(part)
    rels = pkg.tree(posixpath.join(folder, "_rels", f"{name}.rels"))
    table: dict[str, str] = {}
    for rel in rels if rels is not None else ():
        if not isinstance(rel.tag, str):
            continue
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External":
            table[rel.get("Id") or ""] = "url:" + target
            continue
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        data = pkg.read(path)
        table[rel.get("Id") or ""] = "part:" + (_digest(data) if data is not None else path)
    return lambda rid: table.get(rid, "rid:" + rid)


def read_document(pkg: Package) -> Document:
    """The body's blocks and every other story's, as `redline.document` values."""
    root = pkg.tree(pkg.main)
    body = root.find(f"{_W}body") if root is not None else None
    if root is None or body is None:
        raise pkg.error(pkg.main, "the main part has no body")
    resolve = _resolver(pkg, pkg.main)
    formats = _formats(pkg, pkg.main, root)
    tracked = count_changes(root)
    stories: dict[str, tuple[Block, ...]] = {}
    boxes = {e: f"box:{k}" for k, e in enumerate(text_boxes(root))}
    for e, name in boxes.items():
        content = box_contents(e)
        if content:
            stories[name] = tuple(
                block(b, resolve, None, formats) for b in block_elements(content[0])
            )
    for kind in ("footnote", "endnote"):
        for part in pkg.related(pkg.main, f"{kind}s"):
            nroot = pkg.tree(part)
            if nroot is None:
                continue
            tracked += count_changes(nroot)
            nresolve = _resolver(pkg, part)
            nformats = _formats(pkg, part, nroot)
            for note in nroot.findall(f"{_W}{kind}"):
                if note.get(f"{_W}type") in _SEPARATORS:
                    continue
                stories[f"{kind}:{note.get(f'{_W}id') or ''}"] = tuple(
                    block(b, nresolve, None, nformats) for b in block_elements(note)
                )
    for name, part in margins(pkg, root).items():
        mroot = pkg.tree(part)
        if mroot is not None:
            tracked += count_changes(mroot)
            mresolve = _resolver(pkg, part)
            mformats = _formats(pkg, part, mroot)
            stories[name] = tuple(block(b, mresolve, None, mformats) for b in block_elements(mroot))
    blocks = tuple(block(b, resolve, boxes, formats) for b in block_elements(body))
    return Document(blocks, stories, tracked)


def _formats(pkg: Package, part: str, root: etree._Element) -> Formats:
    return Formats(pkg.read(part) or b"", root)


_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
_ = MC_NS


def read_blocks(data: bytes, *, source: str, pkg: Package | None = None) -> Document:
    """A .docx file's bytes read as its own blocks (`read_document`); `pkg`, when given, is
    those bytes already open (read once for this and `read_lines`)."""
    opened = pkg if pkg is not None else Package(data, source=source)
    document = read_document(opened)
    return replace(document, digest=hashlib.sha256(data).hexdigest(), package=data, opened=opened)
