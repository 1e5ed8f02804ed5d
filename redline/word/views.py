"""Read a tracked-change DOCX as accept-all or reject-all would show it.

Our own reader, for fast checks on every generated file (the LibreOffice oracle checks a
sample in CI). It mirrors what LibreOffice reports: paragraph strings with a footnote's
number at its reference, list labels apart, footnote texts without their numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lxml import etree

from .._files import read_limited
from ..errors import DocumentError
from .oxml import _SHOWN, W_NS, first_child, parse_part, visible_text
from .read._package import MAX_DOCX_BYTES, Package

__all__ = ["View", "read_view"]

_W = f"{{{W_NS}}}"
_DOC, _NOTES = "word/document.xml", "word/footnotes.xml"
_DROP = {"accept": {"del", "moveFrom"}, "reject": {"ins", "moveTo"}}
# What `visible_text` gives for each ``w:`` element it renders as one fixed character.
_SHOWN_BY_TAG = {_W + name: shown for name, shown in _SHOWN.items()}


@dataclass(frozen=True, slots=True)
class View:
    """The document after accepting or rejecting every change."""

    body: tuple[str, ...]
    numbers: tuple[str, ...]
    footnotes: tuple[str, ...]


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def read_view(path: str | Path, mode: Literal["accept", "reject"]) -> View:
    """Accept ("accept") or reject ("reject") every change and read the document.

    The file is read and opened as an input is (the one reader of named files, then the
    reader's package, under their limits), so a missing file is an InputError and a damaged
    or hostile one a DocumentError, each naming it, never zipfile's own error."""
    data = read_limited(Path(path), limit=MAX_DOCX_BYTES, kind="a .docx file")
    package = Package(data, source=str(path))
    parts = {name: got for name in (_DOC, _NOTES) if (got := package.read(name)) is not None}
    if _DOC not in parts:
        raise DocumentError(f"cannot read the DOCX: no {_DOC}", source=str(path))
    return views_of(parts, source=str(path))[mode]


_Item = str | int  # a piece of text, or a note reference (its id)


_SKIPPED = frozenset({f"{_W}pPr", f"{_W}rPr"})
_NOTE_REF = f"{_W}footnoteReference"
_TEXTS = frozenset({f"{_W}t", f"{_W}delText"})
_SYM = f"{_W}sym"
# The tags whose content accept-all (reject-all) drops, as `_DROP` names them, in ``w:``.
_GONE_ACCEPT = frozenset(_W + name for name in _DROP["accept"])
_GONE_REJECT = frozenset(_W + name for name in _DROP["reject"])
_ID = f"{_W}id"
_P, _PPR, _RPR, _R = f"{_W}p", f"{_W}pPr", f"{_W}rPr", f"{_W}r"
_NUMPR, _NUMID, _PPR_CHANGE = f"{_W}numPr", f"{_W}numId", f"{_W}pPrChange"
# A paragraph mark's revisions, any namespace ("{*}": as a local name matches them).
_MARKS = tuple(sorted(f"{{*}}{name}" for name in _DROP["accept"] | _DROP["reject"]))


def _pieces(
    el: etree._Element,
    accept: bool,
    reject: bool,
    shown: tuple[list[_Item], list[_Item]],
) -> int:
    """What a paragraph shows, in order, each view's pieces appended to its list in
    `shown` (accept-all's, reject-all's) unless that view drops them: one walk for both
    views. A note reference is its id (an int), numbered when the view is read; the count
    of references met is returned. Properties are skipped whole (tab stops are
    ``w:pPr/w:tabs/w:tab``, not characters).

    By full tag (``w:`` names only, as `visible_text` reads them); a comment or processing
    instruction has no children and shows nothing."""
    refs = 0
    on_accept, on_reject = shown
    for child in el:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == _R:
            # A run (most children): its children read here as the call for it would read
            # them (a run drops nothing itself), the same tests in the same order.
            for g in child:
                tag = g.tag
                if tag in _SKIPPED:
                    continue
                if tag == _NOTE_REF:
                    fid = int(g.get(_ID) or 0)
                    refs += 1
                    if not accept:
                        on_accept.append(fid)
                    if not reject:
                        on_reject.append(fid)
                    continue
                if len(g):
                    refs += _pieces(
                        g, accept or tag in _GONE_ACCEPT, reject or tag in _GONE_REJECT, shown
                    )
                    continue
                if tag in _TEXTS:
                    text = g.text or ""
                elif tag == _SYM:
                    text = visible_text(g) or ""
                else:
                    found = _SHOWN_BY_TAG.get(tag)
                    if found is None:
                        continue
                    text = found
                if not accept:
                    on_accept.append(text)
                if not reject:
                    on_reject.append(text)
            continue
        if tag == _NOTE_REF:
            fid = int(child.get(_ID) or 0)
            refs += 1
            if not accept:
                on_accept.append(fid)
            if not reject:
                on_reject.append(fid)
            continue
        if len(child):
            refs += _pieces(
                child, accept or tag in _GONE_ACCEPT, reject or tag in _GONE_REJECT, shown
            )
            continue
        if tag in _TEXTS:
            text = child.text or ""
        elif tag == _SYM:
            text = visible_text(child) or ""
        else:
            found = _SHOWN_BY_TAG.get(tag)
            if found is None:
                continue
            text = found
        if not accept:
            on_accept.append(text)
        if not reject:
            on_reject.append(text)
    return refs


_Shown = tuple[
    tuple[str, str] | tuple[list[_Item], list[_Item]], tuple[bool, bool], tuple[bool, bool]
]
"""A paragraph read for both views: by view, its text (its pieces, when it holds a note
reference: numbered as the view is read), whether it is numbered and whether its mark
is dropped (a plain tuple: made for every paragraph, cheaper than an instance)."""


def _numbered(ppr: etree._Element | None) -> bool:
    """A ``w:numPr`` child of `ppr` holds a ``w:numId``, as ``find("w:numPr/w:numId")``
    finds it."""
    return ppr is not None and any(_has(n, _NUMID) for n in ppr.iterchildren(_NUMPR))


def _has(el: etree._Element, tag: str) -> bool:
    """`el` has a child of this tag (``el.find(tag) is not None``, asked in C)."""
    for _ in el.iterchildren(tag):
        return True
    return False


def views_of(
    parts: dict[str, bytes],
    *,
    source: str = "<redline>",
    parsed: dict[str, tuple[etree._Element, bytes]] | None = None,
) -> dict[str, View]:
    """Accept-all and reject-all (by mode) of a package's parts, by name, before they are
    written: what `read_view` gives for the file in each mode.

    The writer checks its own output with it, so both views come from one parse and one
    walk of each paragraph. `parsed`: by part name, a root and the bytes it was serialised
    to; a part whose bytes in `parts` are those very bytes (the same object) is read from
    that root, which parsing them would give back, instead of being parsed again.
    """

    def root(part: str) -> etree._Element:
        known = parsed.get(part) if parsed is not None else None
        if known is not None and parts[part] is known[1]:
            return known[0]
        return parse_part(parts[part], source=source, part=part)

    document = root(_DOC)
    notes = root(_NOTES) if _NOTES in parts else None
    return views_of_tree(document, notes)


def views_of_tree(
    document: etree._Element, footnotes: etree._Element | None = None
) -> dict[str, View]:
    """`views_of` for parts not yet serialised: the root of the main part and of the
    footnotes part (None: no footnotes part), as parsing their bytes would give them."""
    notes: dict[int, etree._Element] = {}
    if footnotes is not None:
        for note in footnotes.iter(f"{_W}footnote"):
            notes[int(note.get(_ID) or 0)] = note
    shown: list[_Shown] = []
    accept_drops, reject_drops = _DROP["accept"], _DROP["reject"]
    held: dict[etree._Element, tuple[bool, bool]] = {}  # by parent: what its place drops
    for p in document.iter(_P):
        # a paragraph inside a text box whose drawing is inserted or deleted goes with it
        # (any namespace: ancestors by local name)
        parent = p.getparent()
        gone = held.get(parent) if parent is not None else None
        if gone is None:
            gone_accept = gone_reject = False
            for a in p.iterancestors():
                local = a.tag.rpartition("}")[2]
                gone_accept = gone_accept or local in accept_drops
                gone_reject = gone_reject or local in reject_drops
            gone = (gone_accept, gone_reject)
            if parent is not None:
                held[parent] = gone
        pieces: tuple[list[_Item], list[_Item]] = ([], [])
        refs = _pieces(p, gone[0], gone[1], pieces)
        # The paragraph's properties in one pass over them, as `_numbered` and the first
        # w:pPrChange read them; the mark's revisions by local name, as `_local` gives it.
        numbered = changed = False
        was: bool | None = None
        marked_accept, marked_reject = gone
        ppr = first_child(p, _PPR)
        for c in ppr if ppr is not None else ():
            tag = c.tag
            if tag == _NUMPR:
                numbered = numbered or _has(c, _NUMID)
            elif tag == _PPR_CHANGE:
                if not changed:
                    changed = True
                    was = _numbered(first_child(c, _PPR))
            elif tag == _RPR:  # only its revision marks, picked in C
                for m in c.iterchildren(*_MARKS):
                    local = m.tag.rpartition("}")[2]
                    marked_accept = marked_accept or local in accept_drops
                    marked_reject = marked_reject or local in reject_drops
        # Reject-all shows the look before a paragraph change.
        looks = (numbered, numbered if was is None else was)
        # Joined now unless a note reference is to be numbered: two strs kept, not two lists.
        texts = pieces if refs else ("".join(pieces[0]), "".join(pieces[1]))  # type: ignore[arg-type]
        shown.append((texts, looks, (marked_accept, marked_reject)))
    return {mode: _view(shown, notes, k) for k, mode in enumerate(("accept", "reject"))}


def _said(pieces: list[_Item], refs: list[int]) -> str:
    """A view's pieces as its text: each note reference numbered in `refs`' order."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, int):
            refs.append(piece)
            out.append(str(len(refs)))
        else:
            out.append(piece)
    return "".join(out)


def _view(shown: list[_Shown], notes: dict[int, etree._Element], side: int) -> View:
    body: list[str] = []
    numbers: list[str] = []
    refs: list[int] = []
    pending = ""
    pending_numbered: bool | None = None
    count = 0
    for p in shown:
        pieces, numbered, dropped = p[0][side], p[1][side], p[2][side]
        text = pending + (pieces if isinstance(pieces, str) else _said(pieces, refs))
        # Joined paragraphs take the look of the first, as in LibreOffice.
        first = pending_numbered if pending_numbered is not None else numbered
        if dropped:
            pending, pending_numbered = text, first
            continue
        pending, pending_numbered = "", None
        body.append(text)
        count += first
        numbers.append(f"{count}." if first else "")
    if pending:
        body.append(pending)
        numbers.append("")
    footnotes = []
    for fid in refs:
        fn = notes.get(fid)
        if fn is not None:
            texts = []
            for fp in fn.iter(f"{_W}p"):
                held: tuple[list[_Item], list[_Item]] = ([], [])
                _pieces(fp, False, False, held)
                texts.append(_said(held[side], []))
            footnotes.append("".join(texts))
    return View(tuple(body), tuple(numbers), tuple(footnotes))
