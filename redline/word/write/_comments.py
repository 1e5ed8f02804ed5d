"""Word comments on the paragraphs of a written package: comments.xml and its anchors.

A comment is a `w:comment` in word/comments.xml (one `w:p` per line of its text), anchored
in the body by `w:commentRangeStart` and `w:commentRangeEnd` around the paragraph's content
and a run holding `w:commentReference`; the part needs its relationship from the document
and its content type. Comments are not tracked changes: Accept All and Reject All leave
the document and its comments as they are.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence

from lxml import etree

from ...errors import OutputError
from .._xml_safe import xml_safe_text
from ..oxml import W_NS, el, parse_part, sub, visible_text
from ._package import zip_parts

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = f"{{{W_NS}}}"


def _xml(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def body_paragraphs(document: etree._Element) -> list[etree._Element]:
    """The body's paragraphs in reading order (those in tables included)."""
    body = document.find(_W + "body")
    return [] if body is None else list(body.iter(_W + "p"))


def paragraph_text(p: etree._Element) -> str:
    """A paragraph's visible text, as a reader reads it."""
    return "".join(t for child in p.iter() if (t := visible_text(child)) is not None)


def _comment(cid: int, text: str, *, author: str, date: str) -> etree._Element:
    comment = el("comment", id=str(cid), author=author, date=date, initials=author[:2].upper())
    for line in text.split("\n"):
        run = sub(sub(comment, "p"), "r")
        t = sub(run, "t")
        t.text = xml_safe_text(line)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return comment


def _anchor(p: etree._Element, cid: int) -> None:
    """The comment's range around the paragraph's content, and its reference run."""
    ppr = p.find(_W + "pPr")
    at = 0 if ppr is None else list(p).index(ppr) + 1
    p.insert(at, el("commentRangeStart", id=str(cid)))
    sub(p, "commentRangeEnd", id=str(cid))
    sub(sub(p, "r"), "commentReference", id=str(cid))


def add_comments(
    package: bytes,
    comments: Sequence[tuple[int, str]],
    *,
    author: str,
    date: str,
    source: str,
) -> bytes:
    """The package with a comment on each of its body paragraphs named by index (reading
    order, as `body_paragraphs` counts them), each comment's text given (lines by "\\n").

    Refuses a package that already holds comments (`OutputError`): its comments would be
    lost, and this writer does not merge two comments parts.
    """
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    if "word/comments.xml" in parts:
        raise OutputError("the document already holds comments", source=source)
    document = parse_part(parts["word/document.xml"], source=source, part="word/document.xml")
    paragraphs = body_paragraphs(document)
    root = etree.Element(_W + "comments", nsmap={"w": W_NS})
    for cid, (index, text) in enumerate(comments):
        _anchor(paragraphs[index], cid)
        root.append(_comment(cid, text, author=author, date=date))
    rels_name = "word/_rels/document.xml.rels"
    rels = parse_part(parts[rels_name], source=source, part=rels_name)
    taken = {r.get("Id") for r in rels}
    rid = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
    etree.SubElement(
        rels, f"{{{_PKG_REL}}}Relationship", Id=rid, Type=_COMMENTS_REL, Target="comments.xml"
    )
    types = parse_part(parts["[Content_Types].xml"], source=source, part="[Content_Types].xml")
    etree.SubElement(
        types, f"{{{_CT_NS}}}Override", PartName="/word/comments.xml", ContentType=_COMMENTS_TYPE
    )
    parts.update(
        {
            "word/document.xml": _xml(document),
            "word/comments.xml": _xml(root),
            rels_name: _xml(rels),
            "[Content_Types].xml": _xml(types),
        }
    )
    out = io.BytesIO()
    zip_parts(out, parts)
    return out.getvalue()


def anchors(package: bytes, texts: Sequence[str], *, source: str) -> list[int]:
    """For each text (in reading order), the index of the body paragraph that holds it: the
    paragraphs a writer laid out for a resolution's paragraphs, found in order. Raises
    `OutputError` when one is not found (a bug in the writer, not in the input)."""
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        data = z.read("word/document.xml")
    paragraphs = body_paragraphs(parse_part(data, source=source, part="word/document.xml"))
    said = [" ".join(paragraph_text(p).split()) for p in paragraphs]
    found: list[int] = []
    at = 0
    for text in texts:
        want = " ".join(text.split())
        # the paragraph's text, after a number the writer typed in ("1.", "3 bis.") if any
        k = next((k for k in range(at, len(said)) if said[k] and want[:80] in said[k]), None)
        if k is None:  # a paragraph the writer laid out over several (a line break)
            k = next((k for k in range(at, len(said)) if said[k] and want.startswith(said[k])), -1)
        if k < 0:
            raise OutputError(f"no paragraph of the document reads {want[:40]!r}", source=source)
        found.append(k)
        at = k + 1
    return found


def comment_map(found: Sequence[int], texts: Mapping[int, str]) -> list[tuple[int, str]]:
    """(body paragraph, comment) pairs for the paragraphs found, in reading order."""
    return sorted((found[k], text) for k, text in texts.items())
