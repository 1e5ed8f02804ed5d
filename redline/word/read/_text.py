"""The visible text of one Word paragraph: runs, fields, symbols, note references, italics.

Decisions, each what a reader of the printed page sees:
- `w:t` is text; `w:delText` only where deletions are kept (existing changes rejected).
- `w:tab`/`w:ptab`, `w:noBreakHyphen` (U+2011), `w:softHyphen` (U+00AD) and `w:sym` as
  `oxml.visible_text` renders them, the one rendering every reader of runs uses.
- `w:br`/`w:cr` (line, column or page break) join the lines around them with one space, spaces
  on either side folded into it, as a Markdown hard break does: a break inside a paragraph is
  layout, not a new paragraph.
- Hyperlinks, smart tags, custom XML, `w:sdt` content and `w:fldSimple` are read through;
  a complex field (`w:fldChar` begin/separate/end) gives its displayed RESULT only, never its
  instruction, nested fields included.
- Hidden runs (`w:vanish`, direct or by style) are not visible and not read.
- `mc:AlternateContent`: the first `mc:Choice` is read, never also its `mc:Fallback`.
- Office Math (`m:t`) is read as text.
- Text boxes (`w:txbxContent` in a drawing or VML picture) are not part of the paragraph's
  text: they are handed back to be read after it.
- `w:footnoteReference`/`w:endnoteReference` become note references whose mark is the number
  Word displays (footnotes and endnotes counted apart, in the format settings.xml gives);
  with `w:customMarkFollows` the text that follows the reference is the mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ...model import NoteRef
from ..oxml import LINE_BREAK, MC_NS, W_NS, visible_text
from ._styles import RunLook, Styles, format_number, w_val

__all__ = ["Reference", "TextReader", "TextRun", "choose", "first_props", "properties"]

_W = f"{{{W_NS}}}"
_MC = f"{{{MC_NS}}}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_AC = f"{_MC}AlternateContent"
_PPR, _RPR, _R, _T = f"{_W}pPr", f"{_W}rPr", f"{_W}r", f"{_W}t"
_PROPERTIES = {f"{_W}pStyle", f"{_W}numPr", _RPR}
_THROUGH = {"hyperlink", "smartTag", "customXml", "dir", "bdo", "fldSimple"}
_CHANGES = {"ins", "del", "moveFrom", "moveTo"}
DROP = {"accept": {"del", "moveFrom"}, "reject": {"ins", "moveTo"}}


def local(el: etree._Element) -> str:
    """The tag without its namespace ("" for a comment or processing instruction)."""
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def first_props(p: etree._Element) -> etree._Element | None:
    """A paragraph's first `w:pPr`, as find() gives it (most often its first child)."""
    first = p[0] if len(p) else None
    if first is not None and first.tag == _PPR:
        return first
    return next(p.iterchildren(_PPR), None)  # find()'s, without parsing a path


def properties(ppr: etree._Element | None) -> dict[str, etree._Element]:
    """The first `w:pStyle`, `w:numPr` and `w:rPr` of paragraph properties, by tag (as find()
    gives each): one pass over them."""
    first: dict[str, etree._Element] = {}
    for child in ppr if ppr is not None else ():
        tag = child.tag
        if tag in _PROPERTIES and tag not in first:
            first[tag] = child
    return first


def choose(ac: etree._Element) -> etree._Element | None:
    """The branch of an `mc:AlternateContent` that is read: the first Choice, else Fallback."""
    choice = ac.find(f"{_MC}Choice")
    return choice if choice is not None else ac.find(f"{_MC}Fallback")


@dataclass(frozen=True, slots=True)
class Reference:
    """A note reference met in the text: which note, and the mark displayed for it."""

    kind: str  # "footnote" | "endnote"
    id: str
    mark: str


@dataclass(slots=True)
class TextRun:
    """A paragraph's text being read, piece by piece, with what formats each piece.

    A piece is the text of one `add`, italic and bold alike throughout: a paragraph's runs
    are a few pieces, where a list of characters would be hundreds of entries."""

    pieces: list[str] = field(default_factory=list)
    italic: list[bool] = field(default_factory=list)  # one entry per piece
    bold: list[bool] = field(default_factory=list)
    notes: list[NoteRef] = field(default_factory=list)
    breaking: bool = False
    size: int = 0  # characters in the pieces
    # Whether an italic (a bold) piece was ever added: when not, spans and all_bold need
    # not look at the pieces (most paragraphs).
    some_italic: bool = False
    some_bold: bool = False

    def __len__(self) -> int:
        return self.size

    def add(self, text: str, look: RunLook | None = None) -> None:
        if self.breaking:
            text = text.lstrip(" ")
            if not text:
                return
            self.breaking = False
            if self.size:
                self._put(" ", False, False)
        if look is None:
            it = bd = False
        else:
            it, bd = look.shows_italic, bool(look.bold)
        if text:
            self._put(text, it, bd)
        if it:
            self.some_italic = True
        if bd:
            self.some_bold = True

    def _put(self, text: str, it: bool, bd: bool) -> None:
        self.pieces.append(text)
        self.italic.append(it)
        self.bold.append(bd)
        self.size += len(text)

    def line_break(self) -> None:
        pieces = self.pieces
        while pieces:  # the spaces before the break go, piece by piece
            last = pieces[-1]
            kept = last.rstrip(" ")
            self.size -= len(last) - len(kept)
            if kept:
                pieces[-1] = kept
                break
            pieces.pop()
            self.italic.pop()
            self.bold.pop()
        self.breaking = True

    def extend(self, other: TextRun) -> None:
        """Join `other` on directly (a paragraph mark removed between them)."""
        base = self.size
        self.pieces += other.pieces
        self.italic += other.italic
        self.bold += other.bold
        self.size += other.size
        self.notes += [NoteRef(n.offset + base, n.mark) for n in other.notes]
        self.breaking = False
        self.some_italic = self.some_italic or other.some_italic
        self.some_bold = self.some_bold or other.some_bold

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def spans(self) -> list[tuple[int, int]]:
        """Italic spans without edge whitespace, merged across whitespace-only gaps."""
        if not self.some_italic or True not in self.italic:  # most paragraphs: nothing to walk
            return []
        text = self.text
        raw: list[list[int]] = []
        at = 0
        for piece, italic in zip(self.pieces, self.italic):
            start, at = at, at + len(piece)
            if not italic:
                continue
            # The piece's characters but its edge whitespace: any whitespace between them
            # merges them, so they are one span, joined to the one before as a character is.
            shown = piece.strip()
            if not shown:
                continue
            first = start + len(piece) - len(piece.lstrip())
            if raw and (raw[-1][1] == first or text[raw[-1][1] : first].isspace()):
                raw[-1][1] = first + len(shown)
            else:
                raw.append([first, first + len(shown)])
        return [(a, b) for a, b in raw]

    def all_bold(self) -> bool:
        """Whether every character but whitespace is bold (and there is one)."""
        if not self.some_bold or True not in self.bold:  # most: no bold character at all
            return False
        shown = [bold for piece, bold in zip(self.pieces, self.bold) if piece.strip()]
        return bool(shown) and all(shown)


class TextReader:
    """Reads paragraphs of one document, keeping field and note-number state between them."""

    def __init__(self, styles: Styles, mode: str, note_formats: dict[str, tuple[str, int]]):
        self.styles = styles
        self.mode = mode
        self.drop = DROP[mode]
        self.fields: list[bool] = []  # one entry per open field: True once in its result
        self.hidden_runs = 0
        self._formats = note_formats
        self._counts = {"footnote": 0, "endnote": 0}
        self._custom: tuple[str, str] | None = None

    def start_story(self) -> None:
        self.fields = []
        self._custom = None

    def paragraph_props(self, p: etree._Element) -> etree._Element | None:
        """The paragraph's properties as the chosen view shows them."""
        return self.shown_props(first_props(p))

    def shown_props(self, ppr: etree._Element | None) -> etree._Element | None:
        """`paragraph_props`, given the paragraph's first `w:pPr` (`first_props`)."""
        if self.mode == "reject" and ppr is not None:
            old = ppr.find(f"{_W}pPrChange/{_W}pPr")
            if old is not None:
                return old
        return ppr

    def mark_dropped(self, ppr: etree._Element | None, rpr: etree._Element | None) -> bool:
        """Whether the view removes the paragraph's mark, as the first pPr/rPr (find() of that
        path) says: `ppr` is the paragraph's first pPr, `rpr` that one's first rPr."""
        if rpr is not None:
            return self._dropped(rpr)
        for other in ppr.itersiblings(_PPR) if ppr is not None else ():
            rpr = other.find(_RPR)
            if rpr is not None:
                return self._dropped(rpr)
        return False

    def _dropped(self, rpr: etree._Element) -> bool:
        drop = self.drop
        for c in rpr:
            tag = c.tag
            if isinstance(tag, str) and tag.rpartition("}")[2] in drop:  # local(c)
                return True
        return False

    def read(
        self,
        p: etree._Element,
        out: TextRun,
        refs: list[Reference],
        boxes: list[etree._Element],
    ) -> None:
        """Append paragraph `p`'s visible text to `out`; note references and text boxes aside."""
        self.read_styled(p, w_val(self.paragraph_props(p), "pStyle"), out, refs, boxes)

    def read_styled(
        self,
        p: etree._Element,
        style: str | None,
        out: TextRun,
        refs: list[Reference],
        boxes: list[etree._Element],
    ) -> None:
        """`read`, for a caller that has the paragraph's properties already (its style)."""
        self._inline(p, out, style, refs, boxes)

    def _inline(
        self,
        node: etree._Element,
        out: TextRun,
        style: str | None,
        refs: list[Reference],
        boxes: list[etree._Element],
    ) -> None:
        for child in node:
            tag = child.tag
            if tag == _R:  # most children: a run, else the properties (which show nothing)
                self._run(child, out, style, refs, boxes)
                continue
            if tag == _PPR:
                continue
            if not isinstance(tag, str):
                tag = ""
            name = tag.rpartition("}")[2]  # local(child), inline: a step per element
            if tag.startswith(_W):
                if name == "r":
                    self._run(child, out, style, refs, boxes)
                elif name in _CHANGES:
                    if name not in self.drop:
                        self._inline(child, out, style, refs, boxes)
                elif name in _THROUGH:
                    self._inline(child, out, style, refs, boxes)
                elif name == "sdt":
                    content = child.find(f"{_W}sdtContent")
                    if content is not None:
                        self._inline(content, out, style, refs, boxes)
            elif tag == _AC:
                branch = choose(child)
                if branch is not None:
                    self._inline(branch, out, style, refs, boxes)
            elif tag.startswith(_M) and all(self.fields):
                for t in child.iter(f"{_M}t"):
                    out.add(t.text or "")

    def _run(
        self,
        r: etree._Element,
        out: TextRun,
        style: str | None,
        refs: list[Reference],
        boxes: list[etree._Element],
    ) -> None:
        kids = list(r)  # held, so each child's proxy is made once
        rpr = None  # the first rPr, as find() gives it: most often the first child
        for kid in kids:
            if kid.tag == _RPR:
                rpr = kid
                break
        if self.mode == "reject" and rpr is not None:
            old = rpr.find(f"{_W}rPrChange/{_W}rPr")
            rpr = old if old is not None else rpr
        look = self.styles.run_look(style, rpr)
        counted = False
        for child in kids:
            tag = child.tag
            if tag == _T:  # most children: text, read as _piece reads it
                if not all(self.fields):
                    continue
                if look.hidden:
                    if not counted:
                        self.hidden_runs += 1
                        counted = True
                    continue
                text = child.text or ""
                if self._custom is not None and text.strip():
                    self._custom_mark(text, out, refs)
                else:
                    out.add(text, look)
                continue
            if tag == _RPR:  # shows nothing: every branch below passes it by
                continue
            name = tag.rpartition("}")[2] if isinstance(tag, str) else ""  # local(child)
            if name == "fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    self.fields.append(False)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if name in ("drawing", "pict", "object") or tag == _AC:
                if not look.hidden:
                    _find_boxes(child, boxes)
                continue
            if not all(self.fields):
                continue
            if look.hidden:
                if name in ("t", "delText") and not counted:
                    self.hidden_runs += 1
                    counted = True
                continue
            self._piece(child, name, out, look, refs)

    def _custom_mark(self, text: str, out: TextRun, refs: list[Reference]) -> None:
        """The text after a `w:customMarkFollows` reference: that note's mark."""
        assert self._custom is not None
        kind, nid = self._custom
        self._custom = None
        mark = text.strip()
        refs.append(Reference(kind, nid, mark))
        out.notes.append(NoteRef(len(out), mark))

    def _piece(
        self,
        child: etree._Element,
        name: str,
        out: TextRun,
        look: RunLook,
        refs: list[Reference],
    ) -> None:
        shown = visible_text(child)
        if name == "delText" and self.mode != "reject":
            return
        if name == "t" or name == "delText":
            text = shown or ""
            if self._custom is not None and text.strip():
                self._custom_mark(text, out, refs)
                return
            out.add(text, look)
        elif shown == LINE_BREAK:
            out.line_break()  # joined with one space, as a Markdown hard break
        elif shown is not None:
            out.add(shown, look)
        elif name in ("footnoteReference", "endnoteReference"):
            kind = name[: -len("Reference")]
            nid = child.get(f"{_W}id") or ""
            if (child.get(f"{_W}customMarkFollows") or "").lower() in ("1", "true", "on"):
                self._custom = (kind, nid)
                return
            fmt, start = self._formats[kind]
            mark = format_number(start + self._counts[kind], fmt)
            self._counts[kind] += 1
            refs.append(Reference(kind, nid, mark))
            out.notes.append(NoteRef(len(out), mark))


def _find_boxes(el: etree._Element, out: list[etree._Element]) -> None:
    """Text boxes under a drawing, outermost only, one branch of each AlternateContent."""
    if el.tag == f"{_MC}AlternateContent":
        branch = choose(el)
        if branch is not None:
            _find_boxes(branch, out)
        return
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag == f"{_W}txbxContent":
            out.append(child)
        else:
            _find_boxes(child, out)
