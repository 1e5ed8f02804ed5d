"""What old content brings with it into the new package: parts, relationships, styles, lists.

A deleted paragraph is the old document's own: the pictures it shows, the links it holds,
the styles and lists it uses travel with it, under names and ids the new package does not
use yet, so nothing dangles and no id is used twice.
"""

from __future__ import annotations

import copy
import posixpath
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from ...comparison import BlockChange, DocumentChanges
from ..oxml import W_NS, parse_part
from ..read._package import Package

__all__ = [
    "CARRIED",
    "PARA_IDS",
    "Carrier",
    "Ids",
    "Out",
    "Side",
    "drop_comments",
    "max_id",
    "rels_part",
    "tostring",
]

_W = f"{{{W_NS}}}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"

PARA_IDS = (f"{_W14}paraId", f"{_W14}textId")
"""The ids Word gives a paragraph, dropped from an old one carried (the new may hold them)."""
CARRIED = {
    f"{_WP}docPr": "docPr",
    **{f"{_W}{name}": "drop" for name in ("bookmarkStart", "bookmarkEnd")},
    **{f"{_W}{name}": "drop" for name in ("commentRangeStart", "commentRangeEnd")},
    f"{_W}commentReference": "drop",
    f"{_W}id": "id",
    f"{_W}footnoteReference": "footnote",
    f"{_W}endnoteReference": "endnote",
    **{f"{_W}{name}": "style" for name in ("pStyle", "rStyle", "tblStyle")},
    f"{_W}numId": "numId",
}
"""What carrying an old element into the new package does to each tag (by kind: a fresh
drawing id, dropped, a content control's fresh id, a note's new id, a style or list carried
along); an element of any other tag keeps all but its attributes' relationships."""


class Ids:
    """One counter for every id the redline adds (revisions, bookmarks, drawings)."""

    def __init__(self, start: int) -> None:
        self.next = start

    def take(self) -> str:
        self.next += 1
        return str(self.next)


@dataclass
class Side:
    """One input package: its parts, main part and relationship lookup."""

    pkg: Package
    root: etree._Element
    rels: dict[str, tuple[str, str, str]]  # id → (type, target, mode)
    edited: bool

    @classmethod
    def open(cls, pkg: Package, *, edited: bool = True) -> Side:
        """`edited` False: the side is only read and copied from (the old document), so its
        parts are the package's shared trees, not copies (the seed's main part: 0.12 ms)."""
        root = _part(pkg, pkg.main, edited)
        assert root is not None
        return cls(pkg, root, rels_of(pkg, pkg.main), edited)

    def part(self, name: str) -> etree._Element | None:
        """A part of this side: a copy to edit, or the shared tree of a side only read."""
        return _part(self.pkg, name, self.edited)


def _part(pkg: Package, name: str, edited: bool) -> etree._Element | None:
    return pkg.xml(name) if edited else pkg.tree(name)


def rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def rels_of(pkg: Package, part: str) -> dict[str, tuple[str, str, str]]:
    root = pkg.tree(rels_part(part))  # only read
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
class Out:
    """The new package being written: parts changed or added, relationships added."""

    new: Side
    old: Side
    parts: dict[str, bytes] = field(default_factory=dict)
    added_rels: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)
    carried: dict[tuple[str, str], str] = field(default_factory=dict)  # (part, old rid) → rid
    defaults: dict[str, str] = field(default_factory=dict)  # extension → content type

    def rel_ids(self, part: str) -> set[str]:
        ids = set(rels_of(self.new.pkg, part))
        ids |= {r[0] for r in self.added_rels.get(part, [])}
        return ids

    def carry_rel(self, part: str, old_part: str, rid: str) -> str:
        """The old part's relationship `rid`, made in the new part `part`: its id there."""
        key = (part, old_part + "#" + rid)
        if key in self.carried:
            return self.carried[key]
        rels = rels_of(self.old.pkg, old_part)
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
    types = pkg.tree("[Content_Types].xml")
    ext = posixpath.splitext(part)[1].lstrip(".").lower()
    for entry in types if types is not None else ():
        if entry.tag == f"{_CT}Override" and (entry.get("PartName") or "").lstrip("/") == part:
            return entry.get("ContentType") or "application/octet-stream"
    for entry in types if types is not None else ():
        if entry.tag == f"{_CT}Default" and (entry.get("Extension") or "").lower() == ext:
            return entry.get("ContentType") or "application/octet-stream"
    return "application/octet-stream"


class Carrier:
    """Styles or lists an old element uses that the new package lacks, carried over."""

    def __init__(self, new: Package, old: Package, kind: str) -> None:
        self.kind = kind
        new_parts = new.related(new.main, kind)
        old_parts = old.related(old.main, kind)
        self.part = new_parts[0] if new_parts else None
        self._new = new
        self._edited: etree._Element | None = None  # the part's own copy, once one is edited
        self.old_root = old.tree(old_parts[0]) if old_parts else None  # copied from, only
        self.map: dict[str, str] = {}
        self.changed = False

    @property
    def new_root(self) -> etree._Element | None:
        """The new part as it stands: the package's shared tree until something is carried
        into it (most redlines carry nothing: no copy of the part made for them)."""
        if self._edited is not None:
            return self._edited
        return self._new.tree(self.part) if self.part else None

    def _editable(self) -> etree._Element:
        """The new part's own copy, made when first edited; the edits go there."""
        if self._edited is None:
            assert self.part is not None
            root = self._new.xml(self.part)
            assert root is not None
            self._edited = root
        self.changed = True
        return self._edited

    def carry(self, value: str) -> str:
        if value in self.map:
            return self.map[value]
        if self.new_root is None or self.old_root is None:
            self.map[value] = value
            return value
        result = self._styles(value) if self.kind == "styles" else self._numbering(value)
        self.map[value] = result
        return result

    def continue_lists(
        self,
        changes: DocumentChanges,
        old_blocks: Sequence[etree._Element],
        new_blocks: Sequence[etree._Element],
    ) -> None:
        """Take old list ids to the new ones their paragraphs are paired into, where both
        lists are defined alike (the same list under another id; any, for a text standing
        in, which has no list of its own): an old paragraph carried back then counts on in
        that list rather than in a copy that restarts the numbers."""
        if self.new_root is None or self.old_root is None:
            return
        alike = changes.looks
        for old_id, new_id in paired_lists(changes.body, old_blocks, new_blocks).items():
            old_num = _find(self.old_root, "num", "numId", old_id)
            new_num = _find(self.new_root, "num", "numId", new_id)
            if old_num is None or new_num is None or old_id in self.map:
                continue
            a = _find(self.old_root, "abstractNum", "abstractNumId", _abstract_of(old_num))
            b = _find(self.new_root, "abstractNum", "abstractNumId", _abstract_of(new_num))
            if not alike or (a is not None and b is not None and _same_list(a, b)):
                self.map[old_id] = new_id

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
        self._editable().append(copy.deepcopy(old))
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
        root = self._editable()
        abs_ids = [int(a.get(f"{_W}abstractNumId") or 0) for a in root.findall(f"{_W}abstractNum")]
        num_ids = [int(n.get(f"{_W}numId") or 0) for n in root.findall(f"{_W}num")]
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
        nums = root.findall(f"{_W}num")
        if nums:
            nums[0].addprevious(a)
        else:
            root.append(a)
        root.append(n)
        return fresh


def _find(root: etree._Element, tag: str, attr: str, value: str) -> etree._Element | None:
    return next((e for e in root.findall(f"{_W}{tag}") if e.get(f"{_W}{attr}") == value), None)


def _abstract_of(num: etree._Element) -> str:
    ref = num.find(f"{_W}abstractNumId")
    return (ref.get(f"{_W}val") or "") if ref is not None else ""


def _same_list(a: etree._Element, b: etree._Element) -> bool:
    def key(e: etree._Element) -> bytes:
        c = copy.deepcopy(e)
        if f"{_W}abstractNumId" in c.attrib:
            del c.attrib[f"{_W}abstractNumId"]
        for junk in c.findall(f"{_W}nsid") + c.findall(f"{_W}tmpl"):
            c.remove(junk)
        return etree.tostring(c)

    return key(a) == key(b)


def max_id(pkg: Package) -> int:
    top = 0
    for name in pkg.names():
        if not name.endswith(".xml"):
            continue
        root = pkg.tree(name)  # only read
        if root is None:
            continue
        # every element's w:id, and every drawing's wp:docPr/@id (XPath: the same values
        # a walk of every element reads, without a Python step per element)
        for value in cast(list[str], _W_IDS(root)):
            if value and value.lstrip("-").isdigit():
                top = max(top, int(value))
        for value in cast(list[str], _DOC_PR_IDS(root)):
            if value and value.isdigit():
                top = max(top, int(value))
    return top + 1000


_W_IDS = etree.XPath("//@w:id", namespaces={"w": W_NS}, smart_strings=False)
_DOC_PR_IDS = etree.XPath("//wp:docPr/@id", namespaces={"wp": _WP[1:-1]}, smart_strings=False)


def tostring(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


COMMENT_RELS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible")
_ANCHORS = {f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference"}


def drop_comments(parts: dict[str, bytes], main: str, source: str) -> None:
    """Take the comments out of a package's parts: their anchors in the main text and the
    notes, the comment parts, their relationships and content types (`--drop-comments`)."""
    rels_name = rels_part(main)
    rels = (
        parse_part(parts[rels_name], source=source, part=rels_name) if rels_name in parts else None
    )
    gone: set[str] = set()
    for rel in list(rels) if rels is not None else []:
        if any((rel.get("Type") or "").endswith(k) for k in COMMENT_RELS):
            gone.add(
                posixpath.normpath(posixpath.join(posixpath.dirname(main), rel.get("Target") or ""))
            )
            rels.remove(rel)  # type: ignore[union-attr]
    if rels is not None:
        parts[rels_name] = tostring(rels)
    for name in list(parts):
        if name in gone:
            del parts[name]
        elif name.endswith(".xml") and b"comment" in parts[name] and name.startswith("word/"):
            root = parse_part(parts[name], source=source, part=name)
            found = [e for e in root.iter() if isinstance(e.tag, str) and e.tag in _ANCHORS]
            for e in found:
                parent = e.getparent()
                if parent is None:
                    continue
                parent.remove(e)
                if parent.tag == f"{_W}r" and not [c for c in parent if c.tag != f"{_W}rPr"]:
                    holder = parent.getparent()
                    if holder is not None:
                        holder.remove(parent)
            if found:
                parts[name] = tostring(root)
    types = parse_part(parts["[Content_Types].xml"], source=source, part="[Content_Types].xml")
    for entry in list(types):
        if (entry.get("PartName") or "").lstrip("/") in gone:
            types.remove(entry)
    parts["[Content_Types].xml"] = tostring(types)


def paired_lists(
    changes: Sequence[BlockChange],
    old_blocks: Sequence[etree._Element],
    new_blocks: Sequence[etree._Element],
) -> dict[str, str]:
    """Old list ids to the new ones their paragraphs are paired into (the most common)."""
    seen: dict[str, Counter[str]] = {}
    for c in changes:
        if c.old is None or c.new is None:
            continue
        ids = [_list_id(e) for e in (old_blocks[c.old], new_blocks[c.new])]
        if ids[0] and ids[1]:
            seen.setdefault(ids[0], Counter())[ids[1]] += 1
    return {old: counts.most_common(1)[0][0] for old, counts in sorted(seen.items())}


def _list_id(p: etree._Element) -> str:
    found = p.find(f"{_W}pPr/{_W}numPr/{_W}numId")
    value = found.get(f"{_W}val") if found is not None else None
    return value if value and value != "0" else ""
