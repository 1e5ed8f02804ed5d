"""Where the tracked marks of a story stand, and how a paragraph's items are cut.

LibreOffice (7.4) applies some layouts of paragraph marks and not others; the passes here
put the marks where it does (each checked through LibreOffice by the tests), and `cut`
turns offsets of the core's word diff into the runs they were read from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from ..oxml import W_NS, clone, el, first_child
from ..read._blocks import Item, block_elements, rows_of, run_format
from ._template import _PPR_ORDER, ordered

__all__ = [
    "cut",
    "local_name",
    "delete_text",
    "mark_mark",
    "run_at",
    "run_format_of",
    "settle_marks",
    "zero_width_before",
]

_W = f"{{{W_NS}}}"
_P, _RUN, _TBL, _PPR, _RPR = (f"{_W}{name}" for name in ("p", "r", "tbl", "pPr", "rPr"))
_DELETED_TEXT = {f"{_W}t": f"{_W}delText", f"{_W}instrText": f"{_W}delInstrText"}
Tracked = Callable[[str], etree._Element]
"""Makes a tracked-change element (ins, del, pPrChange …) with a fresh id."""


def local_name(e: etree._Element | None) -> str:
    """An element's tag without its namespace ("" for a comment, or for no element)."""
    return etree.QName(e).localname if e is not None and isinstance(e.tag, str) else ""


def mark_mark(p: etree._Element, mark: etree._Element) -> None:
    """Track the paragraph's mark with `mark` (an ins, del, moveFrom or moveTo)."""
    ppr = first_child(p, _PPR)
    if ppr is None:
        ppr = el("pPr")
        p.insert(0, ppr)
    rpr = first_child(ppr, _RPR)
    if rpr is None:
        rpr = el("rPr")
        ppr.append(rpr)
        ordered(ppr, _PPR_ORDER)
    for old in [c for c in rpr if c.tag in _MARKS]:
        rpr.remove(old)
    rpr.insert(0, mark)


class _Before(dict[etree._Element, list[etree._Element]]):
    def values_flat(self) -> list[etree._Element]:
        return [z for zs in self.values() for z in zs]


def zero_width_before(container: etree._Element, blocks: Sequence[etree._Element]) -> _Before:
    """The zero-width elements (bookmarks …) standing before each block of a container."""
    out = _Before()
    pending: list[etree._Element] = []
    wanted = set(blocks)
    for c in container:
        if c in wanted:
            if pending:
                out[c] = pending
                pending = []
        elif isinstance(c.tag, str) and c.tag not in (f"{_W}sectPr", f"{_W}tcPr"):
            pending.append(c)
    return out


_MARKS = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")


_MARK_NAMES = {tag: tag[len(_W) :] for tag in _MARKS}


def _mark_of(p: etree._Element) -> str | None:
    """The paragraph mark's revision: the first of the first w:rPr of the first w:pPr
    holding one, as the path "w:pPr/w:rPr" finds it. Read in Python when the properties
    lead the paragraph and hold the w:rPr (a few children each: cheaper than asking lxml
    for three filtered iterators); else found by the filtered walk (`_mark_found`)."""
    first = p[0] if len(p) else None
    if first is not None and first.tag == _PPR:
        for rpr in first:
            if rpr.tag == _RPR:
                for c in rpr:
                    name = _MARK_NAMES.get(c.tag)
                    if name is not None:
                        return name
                return None
    return _mark_found(p)


def _mark_found(p: etree._Element) -> str | None:
    for ppr in p.iterchildren(_PPR):
        for rpr in ppr.iterchildren(_RPR):
            for c in rpr.iterchildren(*_MARKS):  # its first mark, picked in C
                return _MARK_NAMES[c.tag]
            return None
    return None


def _clear_mark(p: etree._Element) -> None:
    rpr = p.find(f"{_W}pPr/{_W}rPr")
    if rpr is not None:
        for c in [c for c in rpr if c.tag in _MARKS]:
            rpr.remove(c)


def settle_marks(container: etree._Element, tracked: Tracked) -> None:
    """Keep tracked paragraph marks where LibreOffice can apply them.

    LibreOffice (7.4) cannot remove a container's last paragraph mark, nor the mark of a
    paragraph standing just before a table: a run of inserted (or deleted) paragraphs there
    has its tracked mark carried on the paragraph before the run, whose text then joins the
    run's last paragraph in the view that drops the run (the same text either way); that
    paragraph shows the right look in both views through a tracked paragraph change.
    Deleted paragraphs before inserted ones there fold into the last paragraph: the old
    text deleted, then the new inserted, under one untracked mark.

    A container holding no tracked element at all has no tracked paragraph mark: nothing
    to settle (most table cells and notes of a redline), asked in C.
    """
    if next(container.iter(*_MARKS), None) is None:
        return
    blocks = block_elements(container)
    ends = [
        k
        for k, b in enumerate(blocks)
        if b.tag == _P and (k == len(blocks) - 1 or blocks[k + 1].tag == _TBL)
    ]
    _settle_runs(container, tracked)
    for target in reversed([blocks[k] for k in ends]):
        if target.getparent() is not container:
            continue  # folded into the paragraph after it
        blocks = block_elements(container)
        k = blocks.index(target)
        at_end = k == len(blocks) - 1
        mark = _mark_of(blocks[k])
        if not at_end and mark and _rows_marked(blocks[k + 1], _SAME[mark]):
            continue  # the table goes in the same view: the mark joins across it
        _carry_back(container, blocks, k, tracked, at_end=at_end)


_NOTE_REFS = (f"{_W}footnoteReference", f"{_W}endnoteReference")
_GOING = {"accept": (f"{_W}del", f"{_W}moveFrom"), "reject": (f"{_W}ins", f"{_W}moveTo")}


def _gone(p: etree._Element, mark: str | None, going: tuple[str, ...]) -> bool:
    """Whether the view dropping `going` removes the paragraph (its mark `mark`), mark and
    all: every run under one of them (most often its parent)."""
    if p.tag != _P or f"{_W}{mark}" not in going:
        return False
    for r in p.iter(_RUN):
        parent = r.getparent()
        if (parent is None or parent.tag not in going) and not _under(r, going):
            return False
    return True


def _under(e: etree._Element, tags: tuple[str, ...]) -> bool:
    """Some ancestor of `e` has one of these tags (its ancestors walked in C)."""
    for _ in e.iterancestors(*tags):
        return True
    return False


def _look(p: etree._Element) -> bytes:
    ppr = first_child(p, _PPR)
    if ppr is None:
        return b""
    props = clone(ppr)
    for c in [c for c in props if local_name(c) in ("rPr", "sectPr", "pPrChange")]:
        props.remove(c)
    return etree.tostring(props)


def _noted(p: etree._Element) -> bool:
    return any(True for _ in p.iter(*_NOTE_REFS))


def _holds_box(p: etree._Element) -> bool:
    """Whether a text box stands in the paragraph (its own paragraphs inside this one)."""
    return any(True for _ in p.iter(f"{_W}txbxContent"))


def _settle_runs(container: etree._Element, tracked: Tracked) -> None:
    """A run of paragraphs a view removes whole: LibreOffice joins the paragraph after it
    to the run's first, whose look it then shows (a deleted preambular paragraph takes an
    operative one's number away), and leaves an empty paragraph where a deleted run holding
    a note reference stood. So, where the looks differ or a note is held, the run's tracked
    mark is carried on the kept paragraph before it (one holding no note nor text box),
    whose text then ends in the run's paragraph under its own look (a tracked paragraph
    change keeps the run's for the other view); with no such paragraph before, the run's
    first paragraph shows the next one's look in that view. Moves are carried only for a
    note."""
    blocks = block_elements(container)  # the same blocks in both views: none is removed
    # Each block's mark, read once and read again where a pass moves one. A pass changes
    # marks only before the block it has reached, so which blocks go is known at its start.
    marks = [_mark_of(b) if b.tag == _P else None for b in blocks]
    for view, mark in (("accept", "del"), ("reject", "ins")):
        going = _GOING[view]
        gone = [_gone(b, m, going) for b, m in zip(blocks, marks, strict=True)]
        k = 0
        while k < len(blocks):
            if not gone[k]:
                k += 1
                continue
            end = k
            while end + 1 < len(blocks) and gone[end + 1]:
                end += 1
            run, k = blocks[k : end + 1], end + 1
            after = blocks[end + 1] if end + 1 < len(blocks) else None
            before = blocks[k - len(run) - 1] if k - len(run) > 0 else None
            noted = [p for p in run if _noted(p)] if view == "accept" else []
            plain = all(m in ("ins", "del") for m in marks[k - len(run) : k])
            differs = after is not None and after.tag == _P and _look(run[0]) != _look(after)
            if not noted and not (plain and differs):
                continue
            at = k - len(run) - 1
            free = before is not None and before.tag == _P and marks[at] is None
            if before is not None and free and not _noted(before) and not _holds_box(before):
                held = noted[0] if noted else run[-1]
                _clear_mark(held)
                mark_mark(before, tracked(mark))
                marks[blocks.index(held)], marks[at] = _mark_of(held), _mark_of(before)
                _lend_look(before, held, tracked, inserted=view == "reject")
                continue
            if differs and after is not None and plain:
                _lend_look(after, run[0], tracked, inserted=view == "reject")


def _carry_back(
    container: etree._Element,
    blocks: list[etree._Element],
    end: int,
    tracked: Tracked,
    *,
    at_end: bool,
) -> None:
    last = blocks[end]
    kind = _mark_of(last)
    if kind is None:
        return
    inserted = kind in ("ins", "moveTo")
    same = _SAME[kind]
    k = end
    while k > 0 and (
        (blocks[k - 1].tag == _P and _mark_of(blocks[k - 1]) in same)
        or (blocks[k - 1].tag != _P and _all_marked(blocks[k - 1], same))
    ):
        k -= 1
    before = blocks[k - 1] if k > 0 else None
    if before is None or before.tag != _P:
        if at_end:
            _clear_mark(last)  # the container is all tracked: its last mark stays
        return
    mark = _mark_of(before)
    if mark is None:
        _clear_mark(last)
        mark_mark(before, tracked("ins" if inserted else "del"))
        _lend_look(before, last, tracked, inserted=inserted)
        return
    if {mark, kind} not in ({"del", "ins"}, {"moveFrom", "ins"}, {"del", "moveTo"}):
        return
    # ... D I(1..m): the deleted paragraph's text goes to the front of the last, which
    # shows the old look where it shows the old text (a tracked paragraph change)
    _clear_mark(last)
    _lend_look(before, last, tracked, inserted=True)
    content = [c for c in before if c.tag != _PPR]
    first = next((i for i, c in enumerate(last) if c.tag != _PPR), len(last))
    for offset, c in enumerate(content):
        last.insert(first + offset, c)
    container.remove(before)


_SAME = {
    "ins": ("ins", "moveTo"),
    "moveTo": ("ins", "moveTo"),
    "del": ("del", "moveFrom"),
    "moveFrom": ("del", "moveFrom"),
}


def _rows_marked(table: etree._Element, kinds: tuple[str, ...]) -> bool:
    """Whether every row of the table is tracked as one of `kinds` (it goes in a view)."""
    rows = rows_of(table)
    return bool(rows) and all(
        any(local_name(c) in kinds for c in r.findall(f"{_W}trPr/*")) for r in rows
    )


def _all_marked(block: etree._Element, kinds: tuple[str, ...]) -> bool:
    """Whether a table or a block content control goes whole in the view `kinds` drop."""
    if block.tag == _TBL:  # a table without rows shows nothing in either view
        return not rows_of(block) or _rows_marked(block, kinds)
    paras = [p for p in block.iter(_P)]
    tables = [t for t in block.iter(_TBL)]
    return (
        bool(paras)
        and all(_mark_of(p) in kinds for p in paras if not any(True for _ in p.iterancestors(_TBL)))
        and all(_rows_marked(t, kinds) for t in tables)
    )


def _lend_look(
    before: etree._Element, last: etree._Element, tracked: Tracked, *, inserted: bool
) -> None:
    """The run's last paragraph holds, in the view that drops the run, the text of the
    paragraph before it: it shows that paragraph's look there (a tracked paragraph change)."""
    own = first_child(last, _PPR)
    lent = first_child(before, _PPR)
    lent_look = clone(lent) if lent is not None else el("pPr")
    own_look = clone(own) if own is not None else el("pPr")
    for props in (lent_look, own_look):
        for c in list(props):
            if local_name(c) in ("rPr", "sectPr", "pPrChange"):
                props.remove(c)
    if etree.tostring(lent_look) == etree.tostring(own_look):
        return
    if own is None:
        own = el("pPr")
        last.insert(0, own)
    if inserted:  # accept shows the run's own look; reject the lent one
        was = lent_look
    else:  # accept shows the lent look; reject the run's own
        was = own_look
        for c in list(own):
            if local_name(c) not in ("rPr", "sectPr", "pPrChange"):
                own.remove(c)
        for c in lent_look:
            own.append(clone(c))
    for c in own.findall(f"{_W}pPrChange"):
        own.remove(c)
    change = tracked("pPrChange")
    change.append(was)
    own.append(change)
    ordered(own, _PPR_ORDER)


def delete_text(run: etree._Element) -> None:
    for node in list(run.iter(*_DELETED_TEXT)):  # picked in C, renamed after
        node.tag = _DELETED_TEXT[node.tag]


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def cut(found: list[Item], start: int, end: int, *, own: bool) -> list[etree._Element]:
    """The XML for offsets [start, end) of a paragraph's items: runs cut at the bounds, each
    piece with its run's properties; atoms whole. `own`: the elements are the paragraph's
    own (the new side, moved as they are); otherwise copies are made."""
    out: list[etree._Element] = []
    pos = 0
    current: tuple[etree._Element, etree._Element] | None = None  # (source run, piece)
    for it in found:
        a, b = pos, pos + it.size
        pos = b
        if b <= start or a >= end:
            if a >= end:
                break
            continue
        if own:
            out.extend(it.before)
            if it.before:
                current = None
        if it.level in ("text", "run"):
            run, child = it.elements
            if current is None or current[0] is not run:
                piece = clone(run)
                for c in list(piece):
                    if c.tag != _RPR:
                        piece.remove(c)
                current = (run, piece)
                out.append(piece)
            part = clone(child)
            if it.level == "text":
                text = it.text[max(start, a) - a : min(end, b) - a]
                part.text = text
                part.set(_XML_SPACE, "preserve")
            current[1].append(part)
        else:
            current = None
            out.extend(it.elements if own else [clone(e) for e in it.elements])
    return out


def run_at(found: list[Item], offset: int) -> etree._Element | None:
    """The run holding the item at `offset`, when it is a run's text or child."""
    pos = 0
    for it in found:
        if pos <= offset < pos + it.size:
            return it.elements[0] if it.level in ("text", "run") else None
        pos += it.size
    return None


def run_format_of(pieces: list[etree._Element]) -> str | None:
    runs = [p for p in pieces if p.tag == _RUN]
    return run_format(runs[0]) if runs else None
