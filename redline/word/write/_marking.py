"""Tracking whole elements: runs, paragraphs, rows and tables inserted, deleted or moved.

Word's markup decides where the marks go: a run in `w:ins`/`w:del` (text in `w:delText`), a
paragraph's mark in its `w:pPr/w:rPr`, a row's in `w:trPr`, a math run's inside it, a
content control whole; a link or a field is marked inside, since neither may stand in a
tracked run. A move is `w:moveFrom`/`w:moveTo` with its named ranges.
"""

from __future__ import annotations

from lxml import etree

from ..oxml import W_NS, el, first_child
from ..read._blocks import block_elements, rows_of
from ._lay import delete_text, local_name, mark_mark

__all__ = ["Marking"]

_W = f"{{{W_NS}}}"
_P, _RUN, _TBL, _SDT, _PPR = (f"{_W}{name}" for name in ("p", "r", "tbl", "sdt", "pPr"))
_PROPS = frozenset(f"{_W}{name}" for name in ("pPr", "rPr", "tblPr", "sdtPr", "sdtEndPr"))
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


class Marking:
    """The writer's part that marks whole elements as tracked (mixed into the writer)."""

    moves: dict[int, str]

    def tracked(self, tag: str, **attrs: str) -> etree._Element:
        raise NotImplementedError

    def mark_runs(self, e: etree._Element, tag: str) -> None:
        """Wrap every run in `e` (itself, or inside links, controls, fields) in `tag`."""
        if e.tag == _RUN:
            parent = e.getparent()
            wrap = self.tracked(tag)
            if parent is not None:
                parent.replace(e, wrap)
            wrap.append(e)
            if tag in ("del",):
                delete_text(e)
            return
        if e.tag == f"{_M}r":
            wrap = self.tracked(tag)
            for child in list(e):
                wrap.append(child)
            e.append(wrap)
            return
        if e.tag == _P:
            self.mark_paragraph(e, tag)
            return
        for child in list(e):
            if not isinstance(child.tag, str):
                continue
            if child.tag in _PROPS:
                continue
            self.mark_runs(child, tag)

    def mark_paragraph(self, p: etree._Element, tag: str, *, mark: bool = True) -> None:
        for child in list(p):
            if isinstance(child.tag, str) and child.tag != _PPR:
                self.mark_runs(child, tag)
        if mark:
            self.mark_mark(p, tag)

    def mark_mark(self, p: etree._Element, tag: str) -> None:
        mark_mark(p, self.tracked(tag))

    def mark_table(self, tbl: etree._Element, tag: str) -> None:
        for tr in rows_of(tbl):
            self.mark_row(tr, tag)

    def mark_row(self, tr: etree._Element, tag: str) -> None:
        trpr = first_child(tr, f"{_W}trPr")
        if trpr is None:
            trpr = el("trPr")
            at = 1 if tr.find(f"{_W}tblPrEx") is not None else 0
            tr.insert(at, trpr)
        if not [c for c in trpr if local_name(c) not in ("ins", "del", "trPrChange")]:
            # the schema wants one row property before the mark: the default, said aloud
            trpr.insert(0, el("cantSplit", val="off"))
        trpr.append(self.tracked(tag))
        for tc in tr.iter(f"{_W}tc"):
            if next(tc.iterancestors(f"{_W}tr"), None) is tr:
                for b in block_elements(tc):
                    self.mark_block(b, tag)

    def mark_block(self, b: etree._Element, tag: str) -> None:
        if b.tag == _TBL:
            self.mark_table(b, tag)
        elif b.tag == _P:
            self.mark_paragraph(b, tag)
        else:
            self.mark_runs(b, tag)

    def moved(self, p: etree._Element, tag: str, move: int) -> etree._Element:
        name = self.moves.setdefault(move, f"move{move}")
        if p.tag != _P:
            self.mark_block(p, "del" if tag == "moveFrom" else "ins")
            return p
        self.mark_paragraph(p, tag)
        start = self.tracked(f"{tag}RangeStart", name=name)
        ppr = first_child(p, _PPR)
        p.insert(1 if ppr is not None else 0, start)
        p.append(el(f"{tag}RangeEnd", id=start.get(f"{_W}id") or ""))
        return p

    def _wrapped(self, pieces: list[etree._Element], tag: str) -> list[etree._Element]:
        out: list[etree._Element] = []
        runs: etree._Element | None = None  # the last wrap made for runs: the next run joins it
        for e in pieces:
            if e.tag == _RUN:
                if out and out[-1] is runs:
                    runs.append(e)
                else:
                    runs = self.tracked(tag)
                    runs.append(e)
                    out.append(runs)
                if tag == "del":
                    delete_text(e)
                continue
            if e.tag == _SDT:  # a content control inserted or deleted whole: the
                # control goes with its text (Word's markup allows it in a tracked run)
                wrap = self.tracked(tag)
                wrap.append(e)
                if tag == "del":
                    delete_text(e)
                out.append(wrap)
                continue
            holder = etree.Element("holder")
            holder.append(e)
            self.mark_runs(e, tag)
            out.extend(list(holder))
        return out
