"""Render a Comparison as a DOCX with real tracked changes (w:ins, w:del, moves).

The comparison has decided everything (roles, note pairs, italics changed); this module
only turns its segments into WordprocessingML, in the layouts LibreOffice and Word
round-trip exactly: tracked paragraph marks, moves with named ranges, one revision-id
counter for the whole package, footnotes in footnotes.xml. What it writes is checked
against the two inputs before it is returned (`_conserve`).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Sequence

from lxml import etree

from ...comparison import (
    Comparison,
    ItalicChange,
    NotePair,
    Role,
    Segment,
    check_conservation,
    whole,
)
from ...diff import Edit, Op
from ...lines import Line, Style
from ..oxml import W_NS, el, sub
from ._clean import clean_package
from ._conserve import check_written
from ._marks import (
    _carry_marks_back,
    _Para,
    _relocate_last_mark,
    _Wrap,
)
from ._moves import moves_at_edges
from ._onto import first_note_id, onto_template
from ._package import _attr, deflating
from ._package import _iso as _iso  # _file takes it from here
from ._runs import _LONG, format_change, make_run, materialise, plain_runs, separate_pending_seams
from ._seams import separate_seams
from ._template import Template

__all__ = ["docx_bytes"]

_W = f"{{{W_NS}}}"
_Element, _SubElement = etree.Element, etree.SubElement
_ID, _AUTHOR, _DATE = _W + "id", _W + "author", _W + "date"
_SCRATCH = _W + "made"  # the holder of elements made for redline's own package

_PLAIN: dict[Op, _Wrap] = {Op.EQUAL: None, Op.INSERT: "ins", Op.DELETE: "del"}
# At a move's destination, words inserted since are an insertion inside the move
# (w:moveTo > w:ins): LibreOffice 7.4 leaves an empty paragraph on Reject All where a
# w:ins ends a moved paragraph (a promotion's new ";") and the move is then exact.
_MOVE_TO: dict[Op, _Wrap] = {Op.EQUAL: "moveTo", Op.INSERT: "moveTo>ins", Op.DELETE: None}
# Whether text in each wrap shows in accept-all and in reject-all (by its outer change).
_SURVIVES: dict[_Wrap, tuple[bool, bool]] = {None: (True, True), "ins": (True, False)}
_SURVIVES |= {"moveTo": (True, False), "moveTo>ins": (True, False)}
_SURVIVES |= {"del": (False, True), "moveFrom": (False, True)}


class _Builder:
    def __init__(self, author: str, date: str, note_base: int = 1, *, own: bool = False) -> None:
        # `own`: written into redline's own package, whose parts declare w: as "w" on
        # their roots. Elements are then made as children of one holder declaring it
        # so: no document per element, and moved into a part they take its "w" (as a
        # new element's own declaration, stripped there, does).
        self.new: Callable[[str], etree._Element] = (
            functools.partial(_SubElement, _Element(_SCRATCH, nsmap={"w": W_NS}))
            if own
            else _Element
        )
        self.note_base = note_base  # the first footnote id free after the separators
        self.author = author
        self.date = date
        self.next_id = 1
        self.paras: list[_Para] = []
        self.new_seen = 0  # new lines rendered so far: the next segment's first index
        self.old_seen = 0  # old lines rendered so far (a move's at its source)
        self.footnotes: list[etree._Element] = []
        # In redline's own package a plain run is written as its XML, parsed with the rest.
        # (a flag, not the bound method: that would make the builder a reference cycle)
        self.own = own
        self.long = False  # some text is long enough to be made as elements (see _runs)
        self._stamp = f' w:author="{_attr(author)}" w:date="{_attr(date)}"'

    # -- revision elements -------------------------------------------------------------
    def tracked(self, tag: str, **extra: str) -> etree._Element:
        change = self.new(_W + tag)
        change.set(_ID, str(self.next_id))
        change.set(_AUTHOR, self.author)
        change.set(_DATE, self.date)
        for name, value in extra.items():
            change.set(_W + name, value)
        self.next_id += 1
        return change

    def wrap(self, kind: _Wrap, runs: Sequence[etree._Element]) -> list[etree._Element]:
        if kind is None:
            return list(runs)
        if ">" in kind:  # nested: the outer change holds the inner one
            outer, inner = kind.split(">", 1)
            holder = self.tracked(outer)
            holder.extend(self.wrap(inner, runs))
            return [holder]
        holder = self.tracked(kind)
        holder.extend(runs)
        return [holder]

    def tracked_xml(self, tag: str, *, empty: bool = True) -> str:
        """`tracked` as XML, its id taken alike: the empty element, or its start tag."""
        xml = f'<w:{tag} w:id="{self.next_id}"{self._stamp}{"/>" if empty else ">"}'
        self.next_id += 1
        return xml

    def _as_xml(self, kind: _Wrap, xml: str) -> str:
        """`wrap` of a run's XML: the same tracked changes, ids taken in the same order."""
        if kind is None:
            return xml
        outer, _, inner = kind.partition(">")
        start = self.tracked_xml(outer, empty=False)
        return start + (self._as_xml(inner, xml) if inner else xml) + f"</w:{outer}>"

    # -- runs ----------------------------------------------------------------------------
    def run(self, text: str, *, italic: bool, deleted: bool) -> etree._Element:
        self.long = self.long or len(text) >= _LONG
        return make_run(self.new, text, italic=italic, deleted=deleted)

    def plain_runs(
        self,
        content: list[etree._Element],
        text: str,
        italic: Sequence[tuple[int, int]],
        base: int,
        kind: _Wrap,
    ) -> None:
        """`plain_runs` of the edit's text, made by this builder."""
        self.long = self.long or len(text) >= _LONG
        as_xml = self._as_xml if self.own else None
        plain_runs(self.new, self.wrap, content, text, italic, base, kind, as_xml)

    def kept_line(self, seg: Segment) -> bool:
        """A paragraph kept as it was (one line each side, its text one kept edit, no note,
        no italics change, no move: most of a long revision) built without the walk, as
        the walk builds it; False for any other segment."""
        if (
            seg.role is not Role.PAIR
            or seg.move
            or seg.notes
            or seg.italics
            or len(seg.edits) != 1
            or len(seg.old) != 1
            or len(seg.new) != 1
        ):
            return False
        e, line = seg.edits[0], seg.new[0]
        if e.op is not Op.EQUAL or e.mark or line.notes or seg.old[0].notes:
            return False
        para = _Para(line.style, line.numbered, anchor=self.new_seen, old_anchor=self.old_seen)
        para.kept = para.old_kept = bool(e.text)
        self.plain_runs(para.content, e.text, line.italic, 0, None)
        self.paras.append(para)
        self.new_seen += 1
        self.old_seen += 1
        return True

    def note_ref(self, pair: NotePair, kind: _Wrap, *, whole: bool) -> list[etree._Element]:
        """A footnote reference and its footnote: the pair's edit, or (`whole`, or a note on
        one side only) the note's whole text, inserted or deleted with its reference."""
        fid = str(len(self.footnotes) + self.note_base)
        note = el("footnote", id=fid)
        p = sub(note, "p")
        sub(sub(p, "pPr"), "pStyle", val="FootnoteText")
        ref_run = el("r")
        sub(sub(ref_run, "rPr"), "rStyle", val="FootnoteReference")
        sub(ref_run, "footnoteRef")
        if pair.old is not None and pair.new is not None and not whole:
            p.append(ref_run)
            for e in pair.edits:
                p.extend(
                    self.wrap(
                        _PLAIN[e.op], [self.run(e.text, italic=False, deleted=e.op is Op.DELETE)]
                    )
                )
        else:
            text = pair.text(new=kind not in ("del", "moveFrom"))
            tracked = kind if kind in ("ins", "del") else None
            p.extend(
                self.wrap(
                    tracked, [ref_run, self.run(text, italic=False, deleted=tracked == "del")]
                )
            )
        self.footnotes.append(note)
        body_run = el("r")
        sub(sub(body_run, "rPr"), "rStyle", val="FootnoteReference")
        sub(body_run, "footnoteReference", id=fid)
        return self.wrap(kind, [body_run])

    # -- segments ------------------------------------------------------------------------
    def segment(self, seg: Segment, *, fallback: bool) -> None:
        if self.kept_line(seg):
            return
        move = seg.move if seg.move and not fallback else None
        source = seg.role is Role.MOVE_SOURCE
        if source:
            kinds: dict[Op, _Wrap] = {Op.DELETE: "moveFrom" if move else "del"}
            end: _Wrap = kinds[Op.DELETE]
            edits: Sequence[Edit] = seg.edits
        elif seg.role is Role.MOVE_DESTINATION:
            kinds = dict(_MOVE_TO) if move else {Op.INSERT: "ins"}
            end = "moveTo" if move else "ins"
            edits = (
                [e for e in seg.edits if e.op is not Op.DELETE]
                if move
                else whole(seg.new, Op.INSERT)
            )
        else:
            kinds = dict(_PLAIN)
            end = None if seg.old and seg.new else ("ins" if seg.new else "del")
            edits = seg.edits
        old_lines = seg.old if seg.role.shows_old else ()
        first = len(self.paras)
        start = None
        if move:
            tag = "moveFrom" if source else "moveTo"
            start = self.tracked(f"{tag}RangeStart", name=move)
        render = _Render(self, seg, old_lines, kinds, self.new_seen, self.old_seen)
        render.run(edits, end)
        self.new_seen += len(seg.new)
        self.old_seen += len(old_lines)
        if start is not None:
            # The named range opens in the move's first paragraph and closes after its last.
            self.paras[first].content.insert(0, start)
            self.paras[-1].after.append(el(f"{tag}RangeEnd", id=start.get(_W + "id") or ""))


class _Render:
    """Walks one segment's edits, keeping the place on each side, and builds paragraphs."""

    def __init__(
        self,
        b: _Builder,
        seg: Segment,
        old: Sequence[Line],
        kinds: dict[Op, _Wrap],
        new_base: int,
        old_base: int = 0,
    ) -> None:
        self.b = b
        self.new_base = new_base  # the index of `new[0]` among the new text's lines
        self.old_base = old_base  # the index of `old[0]` among the old lines rendered
        # The segment's notes by (line, offset) of their reference: on the new side, or
        # on the old side for a note the old text has alone.
        self.new_notes: dict[tuple[int, int], list[NotePair]] = {}
        self.old_notes: dict[tuple[int, int], list[NotePair]] = {}
        for pair in seg.notes:
            at = self.new_notes if pair.new is not None else self.old_notes
            at.setdefault((pair.line, pair.offset), []).append(pair)
        self.italics: dict[int, list[ItalicChange]] = {}
        for change in seg.italics:
            self.italics.setdefault(change.line, []).append(change)
        self.old, self.new = old, seg.new
        # Whether a line shown holds a note reference: if none does, no edit meets one.
        self.noted = any(ln.notes for ln in old) or any(ln.notes for ln in seg.new)
        self.kinds = kinds
        self.oi = self.ni = 0  # line on each side
        self.oo = self.no = 0  # offset in that line
        self.para = self._open()

    def _line(self, side_old: bool) -> Line | None:
        lines, i = (self.old, self.oi) if side_old else (self.new, self.ni)
        return lines[i] if i < len(lines) else None

    def _open(self) -> _Para:
        para = _Para(Style.PLAIN)
        self.b.paras.append(para)
        self._look(para, self._line(False) is None)
        return para

    def _look(self, para: _Para, side_old: bool) -> None:
        """The paragraph takes the look of the line it ends on that side."""
        line = self._line(side_old)
        if line is not None:
            para.style, para.numbered = line.style, line.numbered
            para.anchor = None if side_old else self.new_base + self.ni
        para.old_anchor = self.old_base + self.oi if self.oi < len(self.old) else None

    def run(self, edits: Sequence[Edit], end: _Wrap) -> None:
        # The wrap of each op, looked up once (an Op hashes in Python, per edit).
        equal, insert = self.kinds.get(Op.EQUAL), self.kinds.get(Op.INSERT)
        delete, deleted_shown = self.kinds.get(Op.DELETE), Op.DELETE in self.kinds
        for e in edits:
            op = e.op
            if op is Op.EQUAL:
                kind = equal
            elif op is Op.INSERT:
                kind = insert
            elif deleted_shown:
                kind = delete
            else:
                continue
            if e.mark:
                self._close(e.op, kind.split(">")[0] if kind else None)
            else:
                self._text(e, kind)
        self.para.mark = end
        self._look(self.para, end in ("del", "moveFrom"))

    def _close(self, op: Op, kind: _Wrap) -> None:
        # The mark ends the new line unless only the old text has it.
        self._look(self.para, op is Op.DELETE)
        self.para.mark = kind
        if op is not Op.INSERT:
            self.oi, self.oo = self.oi + 1, 0
        if op is not Op.DELETE:
            self.ni, self.no = self.ni + 1, 0
        self.para = self._open()

    def _text(self, e: Edit, kind: _Wrap) -> None:
        size = len(e.text)
        show_old = e.op is Op.DELETE
        lines, at, base = (self.old, self.oi, self.oo) if show_old else (self.new, self.ni, self.no)
        shown = lines[at] if at < len(lines) else None  # as _line gives it
        italic = shown.italic if shown else ()
        # Kept words whose italics changed (the comparison's decision): w:rPrChange.
        changes = (
            self.italics.get(self.ni, [])
            if self.italics and e.op is Op.EQUAL and kind is None
            else []
        )
        refs_new = self._refs(False, e) if self.noted and e.op is not Op.DELETE else []
        refs_old = self._refs(True, e) if self.noted and e.op is not Op.INSERT else []
        if not changes and not refs_new and not refs_old:
            # No note and no italics change (the common case).
            self.b.plain_runs(self.para.content, e.text, italic, base, kind)
            self._advance(e, kind, size)
            return
        cuts = sorted(
            {
                0,
                size,
                *(r for r, _ in refs_new),
                *(r for r, _ in refs_old),
                *(max(0, min(size, x - base)) for span in italic for x in span),
                *(max(0, min(size, x - base)) for c in changes for x in (c.start, c.end)),
            }
        )
        out: list[etree._Element] = []
        self._emit_refs(out, 0, refs_old, refs_new, kind)
        for a, b in itertools.pairwise(cuts):
            piece = e.text[a:b]
            if piece:
                it = any(s <= base + a and base + b <= t for s, t in italic)
                run = self.b.run(piece, italic=it, deleted=kind == "del")
                if any(c.start <= base + a and base + b <= c.end for c in changes):
                    format_change(self.b.tracked, run, italic=not it)
                out.extend(self.b.wrap(kind, [run]))
            self._emit_refs(out, b, refs_old, refs_new, kind)
        self.para.content.extend(out)
        self._advance(e, kind, size)

    def _advance(self, e: Edit, kind: _Wrap, size: int) -> None:
        if size:  # some text survives accept-all (reject-all) unless its wrap drops it
            accept, reject = _SURVIVES[kind]
            self.para.kept |= accept
            self.para.old_kept |= reject
        if e.op is not Op.INSERT:
            self.oo += size
        if e.op is not Op.DELETE:
            self.no += size

    def _refs(self, side_old: bool, e: Edit) -> list[tuple[int, str]]:
        line = self._line(side_old)
        if line is None:
            return []
        start = self.oo if side_old else self.no
        lo = start if start == 0 else start + 1  # a note at offset k follows character k-1
        return [
            (n.offset - start, n.mark)
            for n in line.notes
            if lo <= n.offset <= start + len(e.text) and (n.offset > start or start == 0)
        ]

    def _emit_refs(
        self,
        out: list[etree._Element],
        at: int,
        refs_old: list[tuple[int, str]],
        refs_new: list[tuple[int, str]],
        kind: _Wrap,
    ) -> None:
        on_old = any(r == at for r, _ in refs_old)
        on_new = any(r == at for r, _ in refs_new)
        if not on_old and not on_new:
            return
        self.para.noted = True
        news = self.new_notes.get((self.ni, self.no + at), []) if on_new else []
        olds = self.old_notes.get((self.oi, self.oo + at), []) if on_old else []
        if kind is None:  # kept text: a note on both sides is one note, its edit shown
            for pair in [*news, *olds]:
                both = pair.old is not None and pair.new is not None
                wrap = None if both else ("ins" if pair.old is None else "del")
                out.extend(self.b.note_ref(pair, wrap, whole=False))
        elif kind == "moveTo":  # a note in a move's kept words: the source's note, edited
            # (not in words inserted at the destination: there LibreOffice 7.4 then drops
            # the move's pairing, e.g. a note after a promotion's new end sign)
            for pair in news:
                out.extend(self.b.note_ref(pair, kind, whole=False))
        else:
            for pair in olds if kind in ("del", "moveFrom") else news:
                out.extend(self.b.note_ref(pair, kind, whole=True))


def docx_bytes(
    comparison: Comparison,
    *,
    author: str = "redline",
    date: dt.datetime | str | None = None,
    moves: bool = True,
    template: Template | None = None,
    old_template: Template | None = None,
) -> dict[str, bytes]:
    """The parts of the redline package, by name: a clean UN-style document, or the
    `template` (the new text's own Word file) with the redline as its body.

    The comparison's own accounting is checked first, the parts as written last: either
    failing raises ConservationError and no part is returned."""
    check_conservation(comparison)
    stamp = _iso(date)
    b = _Builder(author, stamp, first_note_id(template) if template else 1, own=template is None)
    unsafe = moves_at_edges(comparison.segments)
    for seg in comparison.segments:
        b.segment(seg, fallback=not moves or seg.move in unsafe)
    # Redline's own package is written as XML, a pending run as it stands (unless some
    # text is made as elements: the parser would refuse the document's longest text).
    as_xml = template is None and not b.long
    if not as_xml:
        materialise(b.paras)
    _relocate_last_mark(b.paras)  # first: the fold fixes the last paragraph's look
    _carry_marks_back(b.paras, "accept")
    _carry_marks_back(b.paras, "reject")
    separate_pending_seams(b.paras, b.tracked, separate_seams)  # looked up now (tests)
    for para in b.paras:
        if para.mark is not None and as_xml:
            para.mark_xml = b.tracked_xml(para.mark)
        elif para.mark is not None:
            para.mark_el = b.tracked(para.mark)
        if para.was is not None and as_xml:
            para.change_xml = b.tracked_xml("pPrChange", empty=False)
        elif para.was is not None:
            para.change_el = b.tracked("pPrChange")
    bidi = comparison.new.language == "ar"
    if template is not None:
        new_lines = [ln for seg in comparison.segments for ln in seg.new]
        old_looks = None
        if old_template is not None:
            old_lines = [ln for seg in comparison.segments if seg.role.shows_old for ln in seg.old]
            old_looks = old_template.bind(old_lines)
        parts = onto_template(
            template,
            b.paras,
            b.footnotes,
            new_lines,
            bidi=bidi,
            tracked=b.tracked,
            old_looks=old_looks,
        )
        parts = deflating(parts)  # deflated on a second thread while they are checked
        check_written(comparison, parts)  # what is checked is what is written
    else:
        trees: dict[str, etree._Element] = {}
        parts = clean_package(
            comparison,
            b.paras,
            b.footnotes,
            author=author,
            date=stamp,
            bidi=bidi,
            trees=trees,
            as_xml=as_xml,
        )
        parts = deflating(parts)  # deflated on a second thread while they are checked
        # the trees the parts parse to (or the very trees they serialise)
        check_written(comparison, parts, trees=trees)
    return parts
