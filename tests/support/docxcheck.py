"""Structural checks of a tracked-change DOCX: what makes Word repair a file, and more.

`check_package` reads a package (path, bytes or the parts by name) and returns the problems
it finds as sentences; an empty list means none. It covers what a schema validator cannot
(NOTES.md §1-3, §5, §8): revision ids unique over all story parts and all revision types,
moves paired by name with closed ranges, `w:t`/`w:delText` where they belong, the last
paragraph mark of a container left untracked, footnote references that resolve, and a
package whose relationships all point at parts with a content type. Parsing never resolves
entities, loads a DTD or touches the network.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import posixpath
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from lxml import etree

from redline.word.oxml import W_NS

__all__ = ["check_package"]

_W = f"{{{W_NS}}}"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES = {  # relationship type (last segment) -> the content types it may target
    "officeDocument": (
        f"{_WML}.document.main+xml",
        f"{_WML}.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ),
    "styles": (f"{_WML}.styles+xml",),
    "settings": (f"{_WML}.settings+xml",),
    "numbering": (f"{_WML}.numbering+xml",),
    "footnotes": (f"{_WML}.footnotes+xml",),
    "endnotes": (f"{_WML}.endnotes+xml",),
    "comments": (f"{_WML}.comments+xml",),
    "fontTable": (f"{_WML}.fontTable+xml",),
    "header": (f"{_WML}.header+xml",),
    "footer": (f"{_WML}.footer+xml",),
    "theme": ("application/vnd.openxmlformats-officedocument.theme+xml",),
    "core-properties": ("application/vnd.openxmlformats-package.core-properties+xml",),
    "extended-properties": (
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    ),
}
_STORY_RELS = {"footnotes", "endnotes", "header", "footer"}  # parts sharing the id counter

# CT_TrackChange and its extensions (CT_RunTrackChange, CT_MoveBookmark, CT_*PrChange, ...):
# each carries a required w:id and w:author, and Word numbers them all from one counter.
_REVISIONS = frozenset(
    _W + t
    for t in (
        "ins",
        "del",
        "moveFrom",
        "moveTo",
        "moveFromRangeStart",
        "moveToRangeStart",
        "customXmlInsRangeStart",
        "customXmlDelRangeStart",
        "customXmlMoveFromRangeStart",
        "customXmlMoveToRangeStart",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "tblGridChange",
        "trPrChange",
        "tcPrChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
    )
)
_RANGE_ENDS = {
    _W + "moveFromRangeEnd": _W + "moveFromRangeStart",
    _W + "moveToRangeEnd": _W + "moveToRangeStart",
    _W + "customXmlInsRangeEnd": _W + "customXmlInsRangeStart",
    _W + "customXmlDelRangeEnd": _W + "customXmlDelRangeStart",
    _W + "customXmlMoveFromRangeEnd": _W + "customXmlMoveFromRangeStart",
    _W + "customXmlMoveToRangeEnd": _W + "customXmlMoveToRangeStart",
}
_STARTS = frozenset(_RANGE_ENDS.values())
_MOVED = frozenset((_W + "moveFrom", _W + "moveTo"))
_MOVE_STARTS = {_W + "moveFromRangeStart": "moveFrom", _W + "moveToRangeStart": "moveTo"}
_MARKS = (_W + "ins", _W + "del", _W + "moveFrom", _W + "moveTo")  # CT_ParaRPr's order
_RUN_CHANGES = frozenset(_MARKS)
_BLOCKS = frozenset((_W + "p", _W + "tbl", _W + "hyperlink"))
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_INT = re.compile(r"-?\d+")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else str(tag)


def _w(el: etree._Element, attr: str) -> str | None:
    value = el.get(_W + attr)
    return None if value is None else str(value)


class _Part:
    """One parsed XML part, with a short way to name its elements."""

    def __init__(self, name: str, root: etree._Element) -> None:
        self.name = name
        self.root = root
        self._tree = root.getroottree()

    def at(self, el: etree._Element) -> str:
        return f"{self.name} {self._tree.getpath(el)}"


def _read(source: str | os.PathLike[str] | bytes | Mapping[str, bytes]) -> dict[str, bytes]:
    if isinstance(source, Mapping):
        return {str(k): bytes(v) for k, v in source.items()}
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}


def check_package(path_or_bytes: str | os.PathLike[str] | bytes | Mapping[str, bytes]) -> list[str]:
    """The problems found in a DOCX package (a path, its bytes, or its parts by name).

    An empty list means the package passed every check. Each problem names the part and
    the element's XPath.
    """
    try:
        files = _read(path_or_bytes)
    except (OSError, zipfile.BadZipFile) as exc:
        return [f"cannot read the package: {exc}"]
    problems: list[str] = []
    parsed: dict[str, etree._Element] = {}
    for name, data in sorted(files.items()):
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        try:
            tree = etree.parse(io.BytesIO(data), _parser())
        except etree.XMLSyntaxError as exc:
            problems.append(f"{name}: not well-formed XML: {exc}")
            continue
        info: Any = tree.docinfo  # lxml-stubs type it as a union
        if info.doctype:
            problems.append(f"{name}: has a DOCTYPE (OOXML forbids DTDs)")
        parsed[name] = tree.getroot()
    problems += _check_relationships(files, parsed)
    main = _main_part(parsed)
    if main is None or main not in parsed:
        return [*problems, f"no readable main document part ({main or 'no officeDocument'})"]
    stories = [_Part(main, parsed[main])]
    stories += [_Part(n, parsed[n]) for n in _related(parsed, main, _STORY_RELS) if n in parsed]
    problems += _check_ids(stories)
    for part in stories:
        problems += _check_moves(part)
        problems += _check_content(part)
        problems += _check_last_marks(part)
    problems += _check_notes(stories, parsed, main)
    return problems


# -- package ---------------------------------------------------------------------------------
def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _relationships(parsed: Mapping[str, etree._Element], part: str) -> Iterator[etree._Element]:
    root = parsed.get(_rels_name(part))
    if root is not None:
        yield from root.iter(f"{{{_PKG_REL}}}Relationship")


def _target(part: str, rel: etree._Element) -> str:
    target = rel.get("Target") or ""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _main_part(parsed: Mapping[str, etree._Element]) -> str | None:
    for rel in _relationships(parsed, ""):
        if rel.get("Type") == _OFFICE_DOC:
            return _target("", rel)
    return None


def _related(parsed: Mapping[str, etree._Element], part: str, kinds: set[str]) -> list[str]:
    return [
        _target(part, rel)
        for rel in _relationships(parsed, part)
        if (rel.get("Type") or "").rsplit("/", 1)[-1] in kinds
        and rel.get("TargetMode") != "External"
    ]


def _check_relationships(
    files: Mapping[str, bytes], parsed: Mapping[str, etree._Element]
) -> list[str]:
    """Every internal relationship points at a part that exists and has a content type, the
    one its relationship type calls for (Word refuses a main document typed application/xml)."""
    types = parsed.get("[Content_Types].xml")
    if types is None:
        return ["[Content_Types].xml is missing"]
    defaults = {
        (d.get("Extension") or "").lower(): d.get("ContentType") or ""
        for d in types.iter(f"{{{_CT}}}Default")
    }
    overrides = {
        (o.get("PartName") or "").lstrip("/").lower(): o.get("ContentType") or ""
        for o in types.iter(f"{{{_CT}}}Override")
    }
    names = {n.lower() for n in files}
    problems = [] if "_rels/.rels" in files else ["_rels/.rels is missing"]
    for rels in sorted(n for n in parsed if n.endswith(".rels")):
        folder = posixpath.dirname(posixpath.dirname(rels))
        source = posixpath.join(folder, posixpath.basename(rels)[: -len(".rels")])
        if source and source.lower() not in names:
            problems.append(f"{rels}: relationships of a part that does not exist ({source})")
        seen: Counter[str] = Counter()
        for rel in parsed[rels].iter(f"{{{_PKG_REL}}}Relationship"):
            seen[rel.get("Id") or ""] += 1
            if rel.get("TargetMode") == "External":
                continue
            target = _target(source, rel)
            key = target.lower()
            ctype = overrides.get(key) or defaults.get(posixpath.splitext(key)[1].lstrip("."))
            expected = _CONTENT_TYPES.get((rel.get("Type") or "").rsplit("/", 1)[-1])
            if key not in names:
                problems.append(f"{rels}: relationship {rel.get('Id')} targets missing {target}")
            elif not ctype:
                problems.append(f"{rels}: {target} has no content type")
            elif expected and ctype not in expected:
                problems.append(f"{rels}: {target} has content type {ctype}, not {expected[0]}")
        problems += [
            f"{rels}: relationship Id {i!r} used {n} times" for i, n in seen.items() if n > 1
        ]
    return problems


# -- revision ids and attributes -------------------------------------------------------------
def _check_ids(stories: list[_Part]) -> list[str]:
    """One integer id per revision across all story parts; author and date present."""
    problems: list[str] = []
    first: dict[str, str] = {}
    for part in stories:
        for el in part.root.iter(*_REVISIONS):
            where = part.at(el)
            rid = _w(el, "id")
            if rid is None:
                problems.append(f"{where}: no w:id")
            elif not _INT.fullmatch(rid):
                problems.append(f"{where}: w:id {rid!r} is not an integer")
            elif rid in first:
                problems.append(f"{where}: w:id {rid} already used by {first[rid]}")
            else:
                first[rid] = where
            if _w(el, "author") is None:
                problems.append(f"{where}: no w:author")
            date = _w(el, "date")
            if date is None:
                problems.append(f"{where}: no w:date")
            elif not _valid_date(date):
                problems.append(f"{where}: w:date {date!r} is not YYYY-MM-DDThh:mm:ssZ")
            if _w(el, "name") is not None and el.tag not in _MOVE_STARTS:
                problems.append(f"{where}: w:name belongs only on move range starts")
        for el in part.root.iter(*_RANGE_ENDS):
            if _w(el, "name") is not None:
                problems.append(f"{part.at(el)}: w:name belongs only on move range starts")
    return problems


def _valid_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


# -- moves -----------------------------------------------------------------------------------
def _logical(el: etree._Element) -> Iterator[etree._Element]:
    """Elements in reading order, a paragraph's properties (its mark) after its content."""
    for child in el:
        yield child
        if child.tag == _W + "p":
            ppr = [c for c in child if c.tag == _W + "pPr"]
            for c in child:
                if c.tag != _W + "pPr":
                    yield c
                    yield from _logical(c)
            for c in ppr:
                yield c
                yield from _logical(c)
        else:
            yield from _logical(child)


def _check_moves(part: _Part) -> list[str]:
    """Ranges closed after they open; sources and destinations paired by name; moved
    content inside a range of its kind (else Word takes it for a plain deletion/insertion)."""
    problems: list[str] = []
    names: dict[str, Counter[str]] = {"moveFrom": Counter(), "moveTo": Counter()}
    open_: dict[str, dict[str, etree._Element]] = defaultdict(dict)  # start tag -> id -> start
    for el in _logical(part.root):
        tag = el.tag
        if tag in _RANGE_ENDS:
            start_tag, rid = _RANGE_ENDS[tag], _w(el, "id") or ""
            if open_[start_tag].pop(rid, None) is None:
                problems.append(f"{part.at(el)}: w:id {rid} closes no open {_local(start_tag)}")
        elif tag in _STARTS:
            open_[tag][_w(el, "id") or ""] = el
            name = _w(el, "name")
            if tag not in _MOVE_STARTS:
                continue
            if not name:
                problems.append(f"{part.at(el)}: move range without w:name")
            else:
                names[_MOVE_STARTS[tag]][name] += 1
        elif tag in _MOVED and not open_[f"{tag}RangeStart"]:
            problems.append(f"{part.at(el)}: {_local(tag)} outside any {_local(tag)} range")
    for start_tag, starts in open_.items():
        for rid, el in starts.items():
            problems.append(f"{part.at(el)}: w:id {rid} has no {_local(start_tag)[:-5]}End")
    for kind, other in (("moveFrom", "moveTo"), ("moveTo", "moveFrom")):
        for name, n in sorted(names[kind].items()):
            if n > 1:
                problems.append(f"{part.name}: {n} {kind}RangeStart named {name!r}")
            if names[other][name] == 0:
                problems.append(f"{part.name}: {kind}RangeStart {name!r} has no {other} pair")
    return problems


# -- content ---------------------------------------------------------------------------------
def _inside(el: etree._Element, tag: str) -> bool:
    return any(a.tag == tag for a in el.iterancestors())


def _check_content(part: _Part) -> list[str]:
    """Text elements on the right side of a deletion, no block inside a run-level change,
    paragraph-mark changes first in CT_ParaRPr, property changes last."""
    problems: list[str] = []
    deleted = _W + "del"
    for el in part.root.iter(_W + "t", _W + "instrText"):
        if _inside(el, deleted):
            problems.append(
                f"{part.at(el)}: w:{_local(el.tag)} inside w:del (deleted text is w:delText)"
            )
    for el in part.root.iter(_W + "delText", _W + "delInstrText"):
        if not _inside(el, deleted):
            problems.append(f"{part.at(el)}: w:{_local(el.tag)} outside any w:del")
    for el in part.root.iter(*_BLOCKS):
        parent = el.getparent()
        if parent is not None and parent.tag in _RUN_CHANGES:
            problems.append(f"{part.at(el)}: w:{_local(el.tag)} inside w:{_local(parent.tag)}")
    for rpr in part.root.iter(_W + "rPr"):
        parent = rpr.getparent()
        kids = [c for c in rpr if isinstance(c.tag, str)]
        marks = [c for c in kids if c.tag in _MARKS]
        if parent is None or parent.tag != _W + "pPr":
            problems += [f"{part.at(m)}: paragraph-mark change in a run's w:rPr" for m in marks]
            continue
        lead = [c.tag for c in kids[: len(marks)]]
        if lead != [m.tag for m in marks] or lead != sorted(lead, key=_MARKS.index):
            problems.append(f"{part.at(rpr)}: w:ins/w:del/w:moveFrom/w:moveTo must come first")
        if len(set(lead)) != len(lead):
            problems.append(f"{part.at(rpr)}: a paragraph-mark change repeated")
    for tag, holder in (("rPrChange", "rPr"), ("pPrChange", "pPr")):
        for el in part.root.iter(_W + tag):
            parent = el.getparent()
            if parent is None or parent.tag != _W + holder:
                problems.append(f"{part.at(el)}: w:{tag} outside w:{holder}")
            elif [c for c in parent if isinstance(c.tag, str)][-1] is not el:
                problems.append(f"{part.at(el)}: w:{tag} is not the last child of w:{holder}")
    return problems


def _check_last_marks(part: _Part) -> list[str]:
    """The last paragraph of the body, a table cell, a footnote or an endnote keeps an
    untracked mark: LibreOffice cannot remove it and Word repairs such files."""
    problems: list[str] = []
    containers = (_W + "body", _W + "tc", _W + "footnote", _W + "endnote", _W + "hdr", _W + "ftr")
    for box in part.root.iter(*containers):
        blocks = [c for c in box if c.tag in (_W + "p", _W + "tbl", _W + "sdt")]
        if not blocks:
            continue
        last = blocks[-1]
        if last.tag != _W + "p":
            problems.append(f"{part.at(box)}: ends with w:{_local(last.tag)}, not a paragraph")
            continue
        marks = last.findall(f"{_W}pPr/{_W}rPr/*")
        for m in marks:
            if m.tag in _MARKS:
                problems.append(f"{part.at(m)}: the last paragraph mark of a container is tracked")
    return problems


# -- notes -----------------------------------------------------------------------------------
def _check_notes(
    stories: list[_Part], parsed: Mapping[str, etree._Element], main: str
) -> list[str]:
    """Every note reference resolves to one ordinary note, referenced once; settings name
    the separators that exist."""
    problems: list[str] = []
    for kind in ("footnote", "endnote"):
        parts = _related(parsed, main, {f"{kind}s"})
        notes: dict[str, etree._Element] = {}
        name = parts[0] if parts else f"({kind}s part)"
        root = parsed.get(name)
        if root is not None:
            for note in root.iter(_W + kind):
                nid = _w(note, "id") or ""
                if nid in notes:
                    problems.append(f"{name}: {kind} id {nid} used twice")
                notes[nid] = note
        refs: Counter[str] = Counter()
        for part in stories:
            for ref in part.root.iter(f"{_W}{kind}Reference"):
                nid = _w(ref, "id") or ""
                refs[nid] += 1
                found = notes.get(nid)
                if found is None:
                    problems.append(f"{part.at(ref)}: {kind} {nid} is not in {name}")
                elif _w(found, "type") not in (None, "normal"):
                    problems.append(f"{part.at(ref)}: refers to the {_w(found, 'type')} {kind}")
        for nid, n in sorted(refs.items()):
            if n > 1:
                problems.append(f"{name}: {kind} {nid} referenced {n} times")
        for nid, note in notes.items():
            if _w(note, "type") in (None, "normal") and nid not in refs:
                problems.append(f"{name}: {kind} {nid} is never referenced")
        settings = _related(parsed, main, {"settings"})
        sroot = parsed.get(settings[0]) if settings else None
        if sroot is not None:
            for sep in sroot.iterfind(f"{_W}{kind}Pr/{_W}{kind}"):
                if _w(sep, "id") not in notes:
                    problems.append(f"{settings[0]}: {kind}Pr names missing {kind} {_w(sep, 'id')}")
    return problems
