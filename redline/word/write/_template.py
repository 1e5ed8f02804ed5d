"""The drafter's own document as the redline's template: its looks, parts and footnote style.

A redline written onto the new document keeps what the drafter's file holds around the
text — styles, page setup, headers and footers, section properties, numbering definitions,
settings — and takes each written paragraph's look (paragraph properties and the run
properties of its text) from the template paragraph that holds the same text. Paragraphs
only the old text has take the look of a template paragraph of the same kind (a deleted
preambular paragraph looks like the preambular paragraphs around it).

What is not carried over: the template's body content other than paragraph and run looks
(tables are written as paragraphs, images and bookmarks are not copied), section breaks
inside the body (the document's last section governs the redline), comments (they belong to
the file, not to the text compared).
"""

from __future__ import annotations

import copy
import difflib
import functools
import hashlib
import os
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..._files import read_limited
from ...errors import DocumentError
from ...lines import Line, Style
from ..oxml import W_NS, clone, el, visible_text
from ..read._package import MAX_DOCX_BYTES, Package
from ..read._styles import Styles, on, w_val

__all__ = ["Look", "Template"]

_W = f"{{{W_NS}}}"
_CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_LABEL = re.compile(r"^\s*(?:\(?[0-9]{1,3}[a-z]?[.)]|\([a-zA-Z]{1,4}\)|[ivxlc]{1,6}[.)])\s+")
_SPACE = re.compile(r"\s+")
_TRACKED_MARKS = ("ins", "del", "moveFrom", "moveTo", "rPrChange")
_COMMENT_RELS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible")

# Schema order of the children of w:pPr and w:rPr (ECMA-376 Part 1, CT_PPr and CT_RPr).
_PPR_ORDER = (  # noqa: SIM905
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId "
    "cnfStyle rPr sectPr pPrChange"
).split()
_RPR_ORDER = (  # noqa: SIM905
    "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline "
    "shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position "
    "sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
    "specVanish oMath rPrChange"
).split()


def ordered(props: etree._Element, order: Sequence[str]) -> etree._Element:
    """Sort a properties element's children into schema order (unknown ones last)."""
    rank = {name: k for k, name in enumerate(order)}
    children = sorted(props, key=lambda child: rank.get(etree.QName(child).localname, len(rank)))
    props[:] = children
    return props


def _clean_runs_props(rpr: etree._Element | None) -> etree._Element | None:
    """A run's look without what the redline decides itself: italics, revisions, styles of
    note marks, superscript."""
    if rpr is None:
        return None
    out = clone(rpr)
    for child in list(out):
        if etree.QName(child).localname in ("i", "iCs", "rPrChange", "vertAlign", "rStyle"):
            out.remove(child)
    return out


@dataclass(frozen=True, slots=True)
class Look:
    """A template paragraph's look: paragraph properties and its text's run properties.

    `numbered` says the template's own automatic numbering labels it (direct `w:numPr` or
    through its style), so a numbered redline paragraph keeps the drafter's list.
    """

    ppr: etree._Element
    rpr: etree._Element | None
    numbered: bool


def _text(p: etree._Element) -> str:
    """A template paragraph's visible text, as the new document reads with changes accepted."""
    out: list[str] = []
    for run in p.iter(f"{_W}r"):
        if any(
            etree.QName(a).localname in ("del", "moveFrom", "txbxContent", "fldChar")
            for a in run.iterancestors()
        ):
            continue
        out.extend(visible_text(child) or "" for child in run)
    return "".join(out)


def _key(text: str) -> str:
    """What a template paragraph and a written line are matched on: the text without its
    label and spacing, so "1. Decides" and a numbered "Decides" are one paragraph."""
    return _SPACE.sub("", _LABEL.sub("", text, count=1)).replace("\u2011", "-").casefold()


class Template:
    """The new document read as a template for the redline."""

    def __init__(self, data: bytes, *, source: str, opened: object = None) -> None:
        """`opened`: the package a reader opened (`Document.opened`), taken up only when it
        holds these very bytes under this name (a file changed since is opened afresh).
        Its trees are shared with that reader: a template reads them (`Package.tree`), and
        takes its own copy of any part it edits (`Package.xml`)."""
        known = (
            opened
            if isinstance(opened, Package)
            and opened.source == source
            and (opened.data is data or opened.data == data)
            else None
        )
        self.pkg = known if known is not None else Package(data, source=source)
        self.digest = hashlib.sha256(data).hexdigest()
        self.source = source
        self.main = self.pkg.main
        root = self.pkg.tree(self.main)  # never edited: `document` edits a copy
        body = root.find(f"{_W}body") if root is not None else None
        if root is None or body is None:
            raise self.pkg.error(self.main, "not a Word document: no body")
        self.root = root
        self.body = body

    # Styles are worked out when first asked for (a redline written in place never asks),
    # from the styles part as read, never edited.
    @functools.cached_property
    def styles(self) -> Styles:
        return Styles(self._tree("styles"))

    @functools.cached_property
    def style_ids(self) -> frozenset[str]:
        return frozenset(self._style_ids())

    @functools.cached_property
    def _num_style(self) -> dict[str, bool]:
        return {
            sid: bool(num and num != "0")
            for sid in self._style_ids()
            for num in [self.styles.numbering(sid)[0]]
        }

    # The template's paragraphs and their looks are worked out when first asked for (a
    # redline written in place never asks): the tree they are read from is never edited
    # (`document` edits a copy), so they are the same whenever they are worked out.
    @functools.cached_property
    def paragraphs(self) -> list[etree._Element]:
        return [
            p
            for p in self.body.iter(f"{_W}p")
            if not any(etree.QName(a).localname == "txbxContent" for a in p.iterancestors())
        ]

    @functools.cached_property
    def looks(self) -> list[Look]:
        return [self._look(p) for p in self.paragraphs]

    @classmethod
    def read(cls, path: str | os.PathLike[str], *, opened: object = None) -> Template:
        """The template in the .docx file at `path`; a clear error for anything else.
        The file is read every time; `opened` as for the constructor."""
        name = os.fspath(path)
        if not name.lower().endswith(".docx"):
            raise DocumentError("a template must be a Word document (.docx)", source=name)
        data = read_limited(Path(name), limit=MAX_DOCX_BYTES, kind="a .docx file")
        return cls(data, source=name, opened=opened)

    def _part(self, kind: str) -> etree._Element | None:
        """The part of this kind, the caller's own to edit."""
        targets = self.pkg.related(self.main, kind)
        return self.pkg.xml(targets[0]) if targets else None

    def _tree(self, kind: str) -> etree._Element | None:
        """The part of this kind as read, shared: never edited."""
        targets = self.pkg.related(self.main, kind)
        return self.pkg.tree(targets[0]) if targets else None

    def _style_ids(self) -> list[str]:
        root = self._tree("styles")
        if root is None:
            return []
        return [s.get(f"{_W}styleId") or "" for s in root.iter(f"{_W}style")]

    # -- looks ---------------------------------------------------------------------------
    def _look(self, p: etree._Element) -> Look:
        src = p.find(f"{_W}pPr")
        ppr = clone(src) if src is not None else el("pPr")
        for child in list(ppr):
            name = etree.QName(child).localname
            if name in ("sectPr", "pPrChange"):
                ppr.remove(child)
            elif name == "rPr":
                for mark in list(child):
                    if etree.QName(mark).localname in _TRACKED_MARKS:
                        child.remove(mark)
        num = ppr.find(f"{_W}numPr")
        if num is not None:
            numbered = w_val(num, "numId") not in (None, "0")
        else:
            numbered = self._num_style.get(w_val(ppr, "pStyle") or "", False)
        return Look(ppr, _clean_runs_props(_text_run_props(p)), numbered)

    def bind(self, lines: Sequence[Line]) -> list[Look | None]:
        """The template look of each written new line, matched in order by text."""
        keys = [_key(ln.text) for ln in lines]
        tkeys = [_key(_text(p)) for p in self.paragraphs]
        out: list[Look | None] = [None] * len(lines)
        sm = difflib.SequenceMatcher(None, keys, tkeys, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for k in range(i2 - i1):  # a changed paragraph in the same place: its look
                    out[i1 + k] = self.looks[j1 + k]
        return out

    # -- notes ---------------------------------------------------------------------------
    def note_looks(self) -> tuple[etree._Element | None, etree._Element | None]:
        """The paragraph properties of a footnote's text and the run properties of its
        mark, from the template's first real footnote (None where it has none)."""
        root = self._tree("footnotes")
        if root is None:
            return None, None
        for note in root.iter(f"{_W}footnote"):
            if note.get(f"{_W}type") not in (None, "normal"):
                continue
            p = note.find(f"{_W}p")
            if p is None:
                continue
            ppr = p.find(f"{_W}pPr")
            ref = next(
                (r for r in p.iter(f"{_W}r") if r.find(f"{_W}footnoteRef") is not None), None
            )
            rpr = ref.find(f"{_W}rPr") if ref is not None else None
            return (
                copy.deepcopy(ppr) if ppr is not None else None,
                copy.deepcopy(rpr) if rpr is not None else None,
            )
        return None, None

    def body_note_props(self) -> etree._Element | None:
        """The run properties of a footnote reference in the template's body."""
        for ref in self.body.iter(f"{_W}footnoteReference"):
            parent = ref.getparent()
            rpr = parent.find(f"{_W}rPr") if parent is not None else None
            if rpr is not None:
                return copy.deepcopy(rpr)
        return None

    def separators(self) -> list[etree._Element]:
        """The template's separator footnotes, kept as they are."""
        root = self._tree("footnotes")
        if root is None:
            return []
        return [
            copy.deepcopy(n)
            for n in root.iter(f"{_W}footnote")
            if n.get(f"{_W}type") not in (None, "normal")
        ]

    def numbering(self) -> etree._Element | None:
        return self._part("numbering")

    # -- the package ---------------------------------------------------------------------
    def document(self, content: Sequence[etree._Element]) -> bytes:
        """The template's main part with its body replaced by `content` and its last
        section's properties kept."""
        root = copy.deepcopy(self.root)
        body = root.find(f"{_W}body")
        assert body is not None
        sect = body.find(f"{_W}sectPr")
        body[:] = [*content, *([sect] if sect is not None else [])]
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def parts(self, replaced: dict[str, bytes]) -> dict[str, bytes]:
        """Every part of the template, with `replaced` parts ("document", "footnotes",
        "numbering") written where the template keeps them or added where it has none."""
        names = self.pkg.names()
        comments = {
            t
            for typ, t in self.pkg.relationships(self.main)
            if any(typ.endswith(k) for k in _COMMENT_RELS)
        }
        out = {n: self.pkg.read(n) or b"" for n in names if n not in comments}
        folder = posixpath.dirname(self.main)
        rels_name = posixpath.join(folder, "_rels", posixpath.basename(self.main) + ".rels")
        rels = self.pkg.xml(rels_name)
        if rels is None:
            rels = etree.Element(f"{{{_PKG_REL}}}Relationships", nsmap={None: _PKG_REL})  # type: ignore[dict-item]
        types = self.pkg.xml(_CONTENT_TYPES)
        if types is None:
            raise self.pkg.error(_CONTENT_TYPES, "missing: not a Word package")
        for rel in list(rels):
            if any((rel.get("Type") or "").endswith(k) for k in _COMMENT_RELS):
                rels.remove(rel)
        for override in list(types):
            if override.get("PartName", "").lstrip("/") in comments:
                types.remove(override)
        for kind, data in replaced.items():
            if kind == "document":
                out[self.main] = data
                continue
            existing = self.pkg.related(self.main, kind)
            if existing:
                out[existing[0]] = data
                continue
            name = posixpath.join(folder, f"{kind}.xml")
            out[name] = data
            ids = {rel.get("Id") for rel in rels}
            rid = next(f"rIdRl{k}" for k in range(1, 1000) if f"rIdRl{k}" not in ids)
            etree.SubElement(
                rels,
                f"{{{_PKG_REL}}}Relationship",
                Id=rid,
                Type=f"{_REL}/{kind}",
                Target=f"{kind}.xml",
            )
            etree.SubElement(
                types,
                f"{{{_CT_NS}}}Override",
                PartName=f"/{name}",
                ContentType=f"{_WML}.{kind}+xml",
            )
        out[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
        out[_CONTENT_TYPES] = etree.tostring(
            types, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        return out


def _text_run_props(p: etree._Element) -> etree._Element | None:
    """The run properties of a paragraph's plain text: its first upright text run, else its
    first text run."""
    first: etree._Element | None = None
    for r in p.iter(f"{_W}r"):
        if r.find(f"{_W}t") is None:
            continue
        rpr = r.find(f"{_W}rPr")
        if first is None:
            first = rpr if rpr is not None else el("rPr")
        if rpr is None or not on(rpr.find(f"{_W}i")):
            return rpr
    return first


def fallback_looks(lines: Sequence[Line], bound: Sequence[Look | None]) -> dict[Style, Look]:
    """For each kind of line, the template look of the first bound line of that kind."""
    out: dict[Style, Look] = {}
    for line, look in zip(lines, bound):
        if look is not None:
            out.setdefault(line.style, look)
    return out
