"""Accept All / Reject All applied to a package's XML by hand, for tests: a second reader.

Written apart from redline's own reader (`redline.word.views`) so that a test can check the
written structure (tables, rows, pictures, equations, text boxes, fields, links) and not
only the text: the tracked elements the view drops are removed, the ones it keeps are
unwrapped, paragraphs whose mark is dropped join the next, rows marked dropped go, and
an equation or a drawing left without content goes too. What stays is counted.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DROP = {"accept": ("del", "moveFrom"), "reject": ("ins", "moveTo")}
KEEP = {"accept": ("ins", "moveTo"), "reject": ("del", "moveFrom")}
_RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
_ZERO_WIDTH = (*_RANGES, "bookmarkStart", "bookmarkEnd", "proofErr")


def part(data: bytes, name: str) -> etree._Element | None:
    with zipfile.ZipFile(BytesIO(data)) as z:
        if name not in z.namelist():
            return None
        return etree.fromstring(z.read(name))


def apply(root: etree._Element, mode: str) -> etree._Element:
    """A copy of `root` as the view shows it (tracked changes applied)."""
    import copy

    root = copy.deepcopy(root)
    drop = {W + t for t in DROP[mode]}
    keep = {W + t for t in KEEP[mode]}
    for tr in list(root.iter(W + "tr")):
        props = tr.find(W + "trPr")
        if props is not None and any(c.tag in drop for c in props):
            tr.getparent().remove(tr)
    for table in list(root.iter(W + "tbl")):  # a table whose rows all went goes too
        if table.find(W + "tr") is None:
            table.getparent().remove(table)
    for p in list(root.iter(W + "p")):  # paragraphs whose mark goes join the next
        rpr = p.find(f"{W}pPr/{W}rPr")
        if rpr is None or not any(c.tag in drop for c in rpr):
            continue
        nxt = p.getnext()
        holder = p.getparent()
        while nxt is None and holder is not None and holder.tag == W + "sdtContent":
            nxt = holder.getparent().getnext()  # out of a block content control
            holder = holder.getparent().getparent()
        while nxt is not None and nxt.tag == W + "sdt":  # into one
            nxt = nxt.find(f"{W}sdtContent/{W}p")
        while nxt is not None and nxt.tag != W + "p":
            nxt = nxt.getnext() if nxt.tag not in (W + "tbl",) else None
        if nxt is None:  # before a table (or last): the paragraph goes with its mark, as
            # in Word, when nothing of it is left in this view
            held = [c for c in p if c.tag != W + "pPr" and c.tag[len(W) :] not in _ZERO_WIDTH]
            if p.getnext() is not None and all(c.tag in drop for c in held):
                p.getparent().remove(p)
            continue
        content = [c for c in p if c.tag != W + "pPr"]
        first = 1 if nxt.find(W + "pPr") is not None else 0
        for k, c in enumerate(content):
            nxt.insert(first + k, c)
        p.getparent().remove(p)
    for e in list(root.iter()):
        if not isinstance(e.tag, str) or e.getparent() is None:
            continue
        if e.tag in drop:
            e.getparent().remove(e)
    for e in list(root.iter()):
        if isinstance(e.tag, str) and e.tag in keep and e.getparent() is not None:
            parent = e.getparent()
            if parent.tag in (W + "rPr", W + "trPr"):
                parent.remove(e)
                continue
            at = parent.index(e)
            for k, c in enumerate(list(e)):
                parent.insert(at + k, c)
            parent.remove(e)
        elif isinstance(e.tag, str) and (
            e.tag.endswith(("rPrChange", "pPrChange")) or e.tag[len(W) :] in _RANGES
        ):
            e.getparent().remove(e)
    for sdt in list(root.iter(W + "sdt")):  # a block content control left empty
        content = sdt.find(W + "sdtContent")
        if content is not None and len(content) == 0:
            sdt.getparent().remove(sdt)
    for link in list(root.iter(W + "hyperlink", W + "fldSimple")):  # nothing left to show
        if link.find(f".//{W}r") is None:
            link.getparent().remove(link)
    for math in list(root.iter(M + "oMath")):  # an equation left without a character
        if not "".join(t.text or "" for t in math.iter(M + "t")):
            math.getparent().remove(math)
    for fallback in list(root.iter(MC + "Fallback")):
        fallback.getparent().remove(fallback)
    return root


def texts(root: etree._Element) -> list[str]:
    """Each paragraph's text (runs' text, tabs as tab, breaks as newline)."""
    out = []
    for p in root.iter(W + "p"):
        chars = []
        for e in p.iter(W + "t", W + "delText", W + "tab", W + "br", M + "t"):
            if e.tag == W + "tab" and e.getparent().tag == W + "r":
                chars.append("\t")
            elif e.tag == W + "br":
                chars.append("\n")
            elif e.tag in (W + "t", W + "delText", M + "t"):
                chars.append(e.text or "")
        out.append("".join(chars))
    return out


def counts(root: etree._Element) -> dict[str, Any]:
    """What a view holds besides text."""
    return {
        "tables": [len(t.findall(W + "tr")) for t in root.iter(W + "tbl")],
        "pictures": sum(1 for _ in root.iter(W + "drawing"))
        + sum(1 for _ in root.iter(W + "pict")),
        "equations": sum(1 for _ in root.iter(M + "oMath")),
        "text boxes": sum(1 for _ in root.iter(W + "txbxContent")),
        "fields": sum(1 for f in root.iter(W + "fldChar") if f.get(W + "fldCharType") == "begin")
        + sum(1 for _ in root.iter(W + "fldSimple")),
        "links": sum(1 for _ in root.iter(W + "hyperlink")),
        "controls": sum(1 for _ in root.iter(W + "sdt")),
    }


def view(
    data: bytes, mode: str, name: str = "word/document.xml"
) -> tuple[list[str], dict[str, Any]]:
    root = part(data, name)
    assert root is not None, name
    shown = apply(root, mode)
    return texts(shown), counts(shown)
