"""Read a tracked-change DOCX as accept-all or reject-all would show it.

Our own reader, for fast checks on every generated file (the LibreOffice oracle checks a
sample in CI). It mirrors what LibreOffice reports: paragraph strings with a footnote's
number at its reference, list labels apart, footnote texts without their numbers.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import DocumentError
from .oxml import W_NS, parse_part

__all__ = ["View", "read_view"]

_W = f"{{{W_NS}}}"
_DOC, _NOTES = "word/document.xml", "word/footnotes.xml"
_DROP = {"accept": {"del", "moveFrom"}, "reject": {"ins", "moveTo"}}


@dataclass(frozen=True, slots=True)
class View:
    """The document after accepting or rejecting every change."""

    body: tuple[str, ...]
    numbers: tuple[str, ...]
    footnotes: tuple[str, ...]


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _dropped(el: etree._Element, mode: str, stop: etree._Element) -> bool:
    drop = _DROP[mode]
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag.startswith(_W) and _local(node) in drop:
            return True
        node = node.getparent()
    return False


def _mark_dropped(p: etree._Element, mode: str) -> bool:
    rpr = p.find(f"{_W}pPr/{_W}rPr")
    return rpr is not None and any(_local(c) in _DROP[mode] for c in rpr)


def _text(p: etree._Element, mode: str, on_ref: list[int]) -> str:
    out: list[str] = []
    for el in p.iter(
        f"{_W}t",
        f"{_W}delText",
        f"{_W}tab",
        f"{_W}br",
        f"{_W}cr",
        f"{_W}noBreakHyphen",
        f"{_W}softHyphen",
        f"{_W}footnoteReference",
    ):
        parent = el.getparent()
        if parent is not None and _local(parent) == "rPr":
            continue
        if _dropped(el, mode, p):
            continue
        name = _local(el)
        if name in ("t", "delText"):
            out.append(el.text or "")
        elif name == "tab":
            out.append("\t")
        elif name in ("br", "cr"):
            out.append("\n")
        elif name == "noBreakHyphen":
            out.append("\u2011")
        elif name == "softHyphen":
            out.append("\u00ad")
        else:
            on_ref.append(int(el.get(f"{_W}id") or 0))
            out.append(str(len(on_ref)))
    return "".join(out)


def read_view(path: str | Path, mode: str) -> View:
    """Accept ("accept") or reject ("reject") every change and read the document."""
    try:
        with zipfile.ZipFile(path) as z:
            document = parse_part(z.read(_DOC), source=str(path), part=_DOC)
            names = z.namelist()
            notes_xml = z.read(_NOTES) if _NOTES in names else None
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise DocumentError(f"cannot read the DOCX: {exc}", source=str(path)) from exc
    notes: dict[int, etree._Element] = {}
    if notes_xml is not None:
        for note in parse_part(notes_xml, source=str(path), part=_NOTES).iter(f"{_W}footnote"):
            notes[int(note.get(f"{_W}id") or 0)] = note
    body: list[str] = []
    numbers: list[str] = []
    refs: list[int] = []
    pending = ""
    pending_numbered: bool | None = None
    counters: dict[str, int] = {}
    for p in document.iter(f"{_W}p"):
        text = pending + _text(p, mode, refs)
        ppr = p.find(f"{_W}pPr")
        if mode == "reject" and ppr is not None and ppr.find(f"{_W}pPrChange") is not None:
            ppr = ppr.find(f"{_W}pPrChange/{_W}pPr")  # the look before the change
        numbered = ppr is not None and ppr.find(f"{_W}numPr/{_W}numId") is not None
        # Joined paragraphs take the look of the first, as in LibreOffice.
        first_numbered = pending_numbered if pending_numbered is not None else numbered
        if _mark_dropped(p, mode):
            pending, pending_numbered = text, first_numbered
            continue
        pending, pending_numbered = "", None
        body.append(text)
        if first_numbered:
            key = "1"
            counters[key] = counters.get(key, 0) + 1
            numbers.append(f"{counters[key]}.")
        else:
            numbers.append("")
    if pending:
        body.append(pending)
        numbers.append("")
    footnotes = []
    for fid in refs:
        fn = notes.get(fid)
        if fn is not None:
            footnotes.append("".join(_text(fp, mode, []) for fp in fn.iter(f"{_W}p")))
    return View(tuple(body), tuple(numbers), tuple(footnotes))
