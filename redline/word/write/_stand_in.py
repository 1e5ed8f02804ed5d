"""A text input laid out as a Word file, so a redline onto the other side's .docx can use it.

When the new version is the drafter's .docx and the old one a text (pasted from a PDF, a
web page, an e-mail), the redline is still their document: the old text stands in as the
clean document redline writes for a text (its header, paragraphs, footnotes and vote),
read back as blocks, and its paragraphs are carried into the drafter's file as deletions.
The stand-in is built the same way every time (a fixed author and date, no changes in it),
so the writer rebuilds it from the Resolution and finds the very bytes compared.
"""

from __future__ import annotations

import copy
import hashlib
import io
from dataclasses import replace

from lxml import etree

from ...comparison import compare_resolutions
from ...document import Document
from ...model import Resolution
from ..oxml import W_NS, parse_part
from ..read import read_blocks
from ._docx import docx_bytes
from ._package import zip_parts
from ._template import Template

__all__ = ["stand_in", "stand_in_bytes"]

_W = f"{{{W_NS}}}"
_STAMP = "2000-01-01T00:00:00Z"  # no change is tracked in it; fixed so its bytes are too


def stand_in_bytes(r: Resolution, template: Template) -> bytes:
    """The .docx redline writes for `r` alone onto `template` (the other side's file, so
    its paragraphs take that file's styles): what the text looks like in that document."""
    same = compare_resolutions(r, r)
    parts = docx_bytes(same, author="redline", date=_STAMP, template=template)
    for kind in ("footnote", "endnote"):
        _open_notes_as(parts, template, kind)
    buffer = io.BytesIO()
    zip_parts(buffer, parts)
    return buffer.getvalue()


def _open_notes_as(parts: dict[str, bytes], template: Template, kind: str) -> None:
    """The stand-in's notes open as the file's own do: the run after the note's mark (a
    tab, or a space) copied in, so it is not read as a change in every note."""
    name = f"word/{kind}s.xml"
    found = template.pkg.related(template.main, f"{kind}s")
    given = template.pkg.tree(found[0]) if found else None
    if name not in parts or given is None:
        return
    opening = next(
        (
            _opening(runs[1])
            for note in given.iter(f"{_W}{kind}")
            if note.get(f"{_W}type") in (None, "normal")
            and len(runs := note.findall(f"{_W}p/{_W}r")) > 1
            and runs[0].find(f"{_W}{kind}Ref") is not None
        ),
        None,
    )
    if opening is None:
        return
    root = parse_part(parts[name], source="<stand-in>", part=name)
    for ref in root.iter(f"{_W}{kind}Ref"):
        run = ref.getparent()
        if run is not None and run.getnext() is not None and not _blank(run.getnext()):
            run.addnext(copy.deepcopy(opening))
    parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _blank(run: etree._Element | None) -> bool:
    """A run holding only a tab or white space."""
    if run is None:
        return False
    shown = [c for c in run if c.tag != f"{_W}rPr"]
    return bool(shown) and all(
        c.tag == f"{_W}tab" or (c.tag == f"{_W}t" and not (c.text or "").strip()) for c in shown
    )


def _opening(run: etree._Element) -> etree._Element | None:
    """The tab or the spaces a note's text opens with, as a run of their own (or None)."""
    made = etree.Element(run.tag)
    for c in run:
        if c.tag == f"{_W}rPr" or c.tag == f"{_W}tab":
            made.append(copy.deepcopy(c))
        else:
            text = c.text or "" if c.tag == f"{_W}t" else ""
            spaces = text[: len(text) - len(text.lstrip(" "))]
            if spaces:
                t = etree.SubElement(made, c.tag)
                t.text = spaces
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            break
    return made if _blank(made) else None


def stand_in(r: Resolution, template: Template) -> Document:
    """`r`'s stand-in read as blocks, marked as a stand-in (never a file to write onto)."""
    data = stand_in_bytes(r, template)
    document = read_blocks(data, source=r.source or "<text>")
    return replace(document, digest=hashlib.sha256(data).hexdigest(), stand_in=True, package=data)
