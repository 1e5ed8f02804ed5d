"""Word comments on the paragraphs of a written package: comments.xml and its anchors.

A comment is a `w:comment` in word/comments.xml (one `w:p` per line of its text), anchored
in the body by `w:commentRangeStart` and `w:commentRangeEnd` around the paragraph's content
and a run holding `w:commentReference`; the part needs its relationship from the document
and its content type. Comments are not tracked changes: Accept All and Reject All leave
the document and its comments as they are. `write_commented` is the one writer of a
commented document (a series' history, a draft's agreed language): a Comparison written by
`write_docx`, then a comment on each of its new side's paragraphs.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from ...comparison import Comparison
from ...errors import OutputError
from .._xml_safe import xml_safe_text
from ..oxml import W_NS, el, sub, visible_text
from ..read._package import Package
from . import _package
from ._file import write_docx

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


_GONE = (_W + "del", _W + "moveFrom")
_NUMBERED = re.compile(r"\(?[0-9A-Za-z]{1,4}(?: bis| ter)?[.)]\s+")
"""A number a paragraph's text opens with ("1. ", "(a) ", "3 bis. ")."""


def paragraph_text(p: etree._Element) -> str:
    """A paragraph's visible text as Accept All shows it (deleted and moved-away runs left
    out), as a reader reads it."""
    return "".join(
        t
        for child in p.iter()
        if (t := visible_text(child)) is not None
        and not any(a.tag in _GONE for a in child.iterancestors())
    )


def _comment(cid: int, text: str, *, author: str, date: str) -> etree._Element:
    comment = el("comment", id=str(cid), author=author, date=date, initials=author[:2].upper())
    for line in text.split("\n"):
        run = sub(sub(comment, "p"), "r")
        t = sub(run, "t")
        t.text = xml_safe_text(line)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return comment


_ADDED = (_W + "ins", _W + "moveTo")


def _anchor(p: etree._Element, cid: int) -> None:
    """The comment's range around the paragraph's content, and its reference run: inside
    the paragraph's last insertion when all its text is inserted (a paragraph a redline
    adds), so Reject All takes the comment away with the paragraph rather than leave an
    empty paragraph holding it."""
    ppr = p.find(_W + "pPr")
    at = 0 if ppr is None else list(p).index(ppr) + 1
    p.insert(at, el("commentRangeStart", id=str(cid)))
    sub(p, "commentRangeEnd", id=str(cid))
    texts = list(p.iter(_W + "t"))
    added = [c for c in p if c.tag in _ADDED] or [c for c in p.iter(*_ADDED)]
    whole = texts and all(any(a.tag in _ADDED for a in t.iterancestors()) for t in texts)
    sub(sub(added[-1] if whole and added else p, "r"), "commentReference", id=str(cid))


def commented_parts(
    pkg: Package,
    comments: Sequence[tuple[int, str]],
    *,
    author: str,
    date: str,
) -> dict[str, bytes]:
    """The package's parts with a comment on each of its body paragraphs named by index
    (reading order, as `body_paragraphs` counts them), each comment's text given (lines by
    "\\n").

    A package that holds comments already (the drafter's own file) keeps them: the new
    ones are added to its comments part, numbered after the last of its own.
    """
    parts = {name: pkg.read(name) or b"" for name in pkg.names()}
    main = pkg.main
    document = pkg.xml(main)
    folder, base = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
    rels = pkg.xml(rels_name)
    types = pkg.xml("[Content_Types].xml")
    if document is None or rels is None or types is None:
        said = f"{main}, its relationships or the content types missing"
        raise OutputError(said, source=pkg.source)
    own = pkg.related(main, "comments")
    name = own[0] if own else posixpath.join(folder, "comments.xml")
    root = pkg.xml(name) if own else None
    if root is None:
        root = etree.Element(_W + "comments", nsmap={"w": W_NS})
    first = 1 + max(
        (int(i) for c in root.iter(_W + "comment") if (i := c.get(_W + "id", "")).isdigit()),
        default=-1,
    )
    paragraphs = body_paragraphs(document)
    for cid, (index, text) in enumerate(comments, first):
        _anchor(paragraphs[index], cid)
        root.append(_comment(cid, text, author=author, date=date))
    if not own:
        taken = {r.get("Id") for r in rels}
        rid = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
        etree.SubElement(
            rels, f"{{{_PKG_REL}}}Relationship", Id=rid, Type=_COMMENTS_REL, Target="comments.xml"
        )
        etree.SubElement(
            types, f"{{{_CT_NS}}}Override", PartName=f"/{name}", ContentType=_COMMENTS_TYPE
        )
        parts.update({rels_name: _xml(rels), "[Content_Types].xml": _xml(types)})
    parts.update({main: _xml(document), name: _xml(root)})
    return parts


def anchors(pkg: Package, texts: Sequence[str]) -> list[int]:
    """For each text (in reading order), the index of the body paragraph that holds it: the
    paragraphs a writer laid out for a resolution's paragraphs, found in order. Raises
    `OutputError` when one is not found (a bug in the writer, not in the input)."""
    document = pkg.xml(pkg.main)
    paragraphs = [] if document is None else body_paragraphs(document)
    said = [" ".join(paragraph_text(p).split()) for p in paragraphs]
    found: list[int] = []
    at = 0
    for text in texts:
        want = " ".join(text.split())
        # the paragraph's text, after a number the writer typed in ("1.", "3 bis.") if any;
        # else without the number its text opens with (the drafter's list numbers it)
        k = next(
            (
                k
                for w in dict.fromkeys((want, _NUMBERED.sub("", want, count=1)))
                for k in range(at, len(said))
                if said[k] and w[:80] in said[k]
            ),
            None,
        )
        if k is None:  # a paragraph the writer laid out over several (a line break)
            k = next((k for k in range(at, len(said)) if said[k] and want.startswith(said[k])), -1)
        if k < 0:
            raise OutputError(
                f"no paragraph of the document reads {want[:40]!r}", source=pkg.source
            )
        found.append(k)
        at = k + 1
    return found


def write_commented(
    comparison: Comparison,
    comments: Sequence[str | None],
    target: str | os.PathLike[str],
    *,
    author: str,
    date: str,
) -> Path:
    """Write `comparison` as `write_docx` writes it (onto the new side's own Word file when
    it was read from one), the new side's paragraph k commented with `comments[k]` (None:
    no comment), to `target`; the one writer of a commented document.

    The comments are anchored on the paragraphs as Accept All shows them, so a redline
    (tracked changes) is commented as a clean document is.
    """
    path = Path(target)
    out = io.BytesIO()
    write_docx(comparison, out, author=author, date=date)
    texts = [p.text for p in comparison.new.paragraphs]
    pkg = Package(out.getvalue(), source=str(path))  # opened once, for both passes
    found = anchors(pkg, texts)
    given = [(k, text) for k, text in zip(found, comments, strict=True) if text is not None]
    parts = commented_parts(pkg, given, author=author, date=date)
    _package.write_package(path, parts)  # looked up now: tests record every file
    return path
