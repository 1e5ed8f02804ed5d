"""Where a Word file's other stories are: text boxes in the body, and page headers and
footers by type and section. The reader and the writer find them the same way."""

from __future__ import annotations

import posixpath

from lxml import etree

from ..oxml import R_NS, W_NS
from ._package import Package
from ._text import local

__all__ = ["box_contents", "margins", "text_boxes"]

_W = f"{{{W_NS}}}"
_R = f"{{{R_NS}}}"


def text_boxes(root: etree._Element) -> list[etree._Element]:
    """The run children holding a text box, in document order (boxes inside boxes aside):
    the k-th is story "box:k", in the reader and the writer alike."""
    if next(root.iter(f"{_W}txbxContent"), None) is None:  # most documents: one walk in C
        return []
    found = []
    for r in root.iter(f"{_W}r"):
        if any(True for _ in r.iterancestors(f"{_W}txbxContent")):
            continue
        for rc in r:
            if isinstance(rc.tag, str) and any(True for _ in rc.iter(f"{_W}txbxContent")):
                found.append(rc)
    return found


def box_contents(atom: etree._Element) -> list[etree._Element]:
    """A text box's content elements: one, or two when Word keeps a fallback copy."""
    return [
        t
        for t in atom.iter(f"{_W}txbxContent")
        if not any(True for _ in t.iterancestors(f"{_W}txbxContent"))
    ]


def margins(pkg: Package, root: etree._Element) -> dict[str, str]:
    """Page headers and footers by story name ("header:default:0": type, section) → part."""
    body = root.find(f"{_W}body")
    sections = [s for s in body.iter(f"{_W}sectPr")] if body is not None else []
    rels = _rels(pkg, pkg.main)
    out = {}
    for k, sect in enumerate(sections):
        for ref in sect:
            kind = local(ref).removesuffix("Reference")
            if kind in ("header", "footer"):
                target = rels.get(ref.get(f"{_R}id") or "")
                if target:
                    out[f"{kind}:{ref.get(f'{_W}type') or 'default'}:{k}"] = target
    return out


def _rels(pkg: Package, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    root = pkg.tree(posixpath.join(folder, "_rels", f"{name}.rels"))
    out = {}
    for rel in root if root is not None else ():
        if isinstance(rel.tag, str) and rel.get("TargetMode") != "External":
            out[rel.get("Id") or ""] = posixpath.normpath(
                posixpath.join(folder, rel.get("Target") or "")
            )
    return out
