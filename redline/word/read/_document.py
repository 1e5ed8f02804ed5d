"""Read a drafter's Word file (.docx) as logical lines for the one structure pass.

The lines are what `redline.parse` gets from a text file, so a Word draft and a text draft of
the same resolution parse to the same structure. How each part of a Word file is read:

- Paragraphs in document order, one line each (`_docx_text` says how runs become text).
  Table cells are read row by row, cell by cell; block-level content controls through.
- Automatic numbering: the label Word displays ("1.", "(a)", "iv.") is computed from
  numbering.xml and put before the text with one space, as a typed number would stand, so
  the structure pass reads operative numbers and sub-paragraph letters alike. Bullets are
  not numbers: they go to the noise record ("list bullet").
- Footnotes and endnotes: each reference is a `NoteRef` with the displayed mark; the note's
  text follows the paragraph as a footnote line. The marks themselves are noise.
- Text boxes: their paragraphs follow the paragraph they are anchored to (with a warning).
- Headers and footers are noise ("running head"), except that when the body has no document
  symbol line, the symbol found there becomes the first line (with a warning).
- Comments are not read (a warning says so).
- Existing tracked changes: the document is read as Accept All ("accept") or Reject All
  ("reject") would show it, never a mix; a warning says how many there were.
- `SourceLine.number` is the paragraph's place in the main text (1-based, cells and text boxes
  counted), so "line N" in a warning means the Nth paragraph.

Hostile or broken files are refused by `_docx_zip.Package` with a `DocumentError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ...errors import DocumentError, EmptyInputError, OptionError
from ...model import Noise, NoteRef
from ...parse._patterns import SYMBOL_LINE
from ...parse._source import SourceLine
from ..oxml import MC_NS, W_NS
from ._package import Package
from ._styles import Numbering, Styles, w_val
from ._text import Reference, TextReader, TextRun, choose, first_props, local, properties

__all__ = ["EXISTING_CHANGES", "read_docx", "read_lines"]

EXISTING_CHANGES = ("accept", "reject")
"""How tracked changes already in a drafter's file are read: as accepted, or as rejected."""

_W = f"{{{W_NS}}}"
_P = f"{_W}p"
_PSTYLE, _NUMPR, _RPR, _VAL = f"{_W}pStyle", f"{_W}numPr", f"{_W}rPr", f"{_W}val"
_NUMID, _ILVL = f"{_W}numId", f"{_W}ilvl"
_NUM_TAGS = {_NUMID, _ILVL}
_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRACKED = {
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rPrChange",
    "pPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "tblGridChange",
    "numberingChange",
    "cellIns",
    "cellDel",
    "cellMerge",
}
_TRACKED_TAGS = [f"{_W}{name}" for name in sorted(_TRACKED)]
_NOTE_MARKS = (f"{_W}footnoteRef", f"{_W}endnoteRef")  # a note's own mark, shown in it
_DEFAULT_FORMATS = {"footnote": ("decimal", 1), "endnote": ("lowerRoman", 1)}


@dataclass(slots=True)
class _Pending:
    """Paragraphs joined because the marks between them are removed in the chosen view."""

    number: int
    text: TextRun
    num: etree._Element | None  # the paragraph's w:numPr
    style: str | None
    refs: list[Reference] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)


class _Reader:
    def __init__(self, pkg: Package, mode: str) -> None:
        self.pkg = pkg
        self.mode = mode
        self.warnings: list[str] = []
        self.lines: list[SourceLine] = []
        self.noise: list[Noise] = []
        self.source: list[str] = []
        self.paragraphs = 0
        self.boxes = 0
        self.other: list[str] = []
        main = pkg.main
        styles = Styles(self._part(main, "styles"))
        self.numbering = Numbering(self._part(main, "numbering"), styles)
        self.text = TextReader(styles, mode, self._note_formats(self._part(main, "settings")))
        self.notes: dict[str, dict[str, etree._Element]] = {"footnote": {}, "endnote": {}}
        self.changes = 0
        for kind in ("footnote", "endnote"):
            root = self._part(main, f"{kind}s")
            if root is not None:
                self.changes += count_changes(root)
                for note in root.iter(f"{_W}{kind}"):
                    self.notes[kind][note.get(f"{_W}id") or ""] = note

    def _part(self, part: str, kind: str) -> etree._Element | None:
        targets = self.pkg.related(part, kind)
        return self.pkg.tree(targets[0]) if targets else None

    @staticmethod
    def _note_formats(settings: etree._Element | None) -> dict[str, tuple[str, int]]:
        out = dict(_DEFAULT_FORMATS)
        for kind in out:
            pr = settings.find(f"{_W}{kind}Pr") if settings is not None else None
            if pr is not None:
                start = w_val(pr, "numStart")
                out[kind] = (
                    w_val(pr, "numFmt") or out[kind][0],
                    int(start) if start and start.isdigit() else 1,
                )
        return out

    # -- blocks -------------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> None:
        pending: _Pending | None = None
        for child in container:
            if child.tag == _P:
                pending = self._paragraph(child, pending)
                continue
            name = local(child)
            if pending is not None:
                self._emit_pending(pending)
                pending = None
            if child.tag == f"{_W}tbl":
                self._table(child)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.blocks(content)
            elif child.tag == f"{_W}customXml" or (
                name in ("ins", "moveTo", "del", "moveFrom") and name not in self.text.drop
            ):
                self.blocks(child)
            elif child.tag == f"{{{MC_NS}}}AlternateContent":
                branch = choose(child)
                if branch is not None:
                    self.blocks(branch)
            elif child.tag == f"{_W}altChunk":
                self.other.append("an embedded document (altChunk) is not read")
        if pending is not None:
            self._emit_pending(pending)

    def _paragraph(self, p: etree._Element, pending: _Pending | None) -> _Pending | None:
        self.paragraphs += 1
        text = TextRun()
        refs: list[Reference] = []
        boxes: list[etree._Element] = []
        ppr = first_props(p)
        own = properties(ppr)  # read once, for the text, the look and the mark
        props = self.text.shown_props(ppr)
        shown = own if props is ppr else properties(props)
        style_el = shown.get(_PSTYLE)
        style = style_el.get(_VAL) if style_el is not None else None
        self.text.read_styled(p, style, text, refs, boxes)
        num = shown.get(_NUMPR)
        dropped = self.text.mark_dropped(ppr, own.get(_RPR))
        if pending is None and not dropped:  # most paragraphs: emitted as read
            self._emit(self.paragraphs, text, num, style, refs, boxes)
            return None
        current = _Pending(self.paragraphs, text, num, style, refs, boxes)
        if pending is not None:
            if not pending.text.text.strip():  # a wholly removed paragraph: the next one's look
                pending.num, pending.style = current.num, current.style
            pending.text.extend(text)
            pending.refs += refs
            pending.boxes += boxes
            current = pending
        if dropped:
            return current
        self._emit_pending(current)
        return None

    def _table(self, tbl: etree._Element) -> None:
        for row in _children(tbl, "tr"):
            trpr = row.find(f"{_W}trPr")
            if trpr is not None and any(local(c) in self.text.drop for c in trpr):
                continue
            for cell in _children(row, "tc"):
                self.blocks(cell)

    def _label(self, num: etree._Element | None, style: str | None) -> tuple[str, str]:
        """The label of a paragraph whose `w:numPr` is `num` and style `style`."""
        num_id = ilvl = None
        if num is not None:
            first: dict[str, etree._Element] = {}  # as find() gives each: one pass
            for child in num:
                tag = child.tag
                if tag in _NUM_TAGS and tag not in first:
                    first[tag] = child
            num_el, ilvl_el = first.get(_NUMID), first.get(_ILVL)
            num_id = num_el.get(_VAL) if num_el is not None else None
            ilvl = ilvl_el.get(_VAL) if ilvl_el is not None else None
        style_num, style_lvl = self.text.styles.numbering(style)
        if num_id is None:
            num_id = style_num
            ilvl = ilvl if ilvl is not None else style_lvl
        if ilvl is None and num_id is not None:
            found = self.numbering.level_for_style(num_id, style)
            ilvl = str(found) if found is not None else style_lvl
        if num_id is None or num_id == "0":
            return "", ""
        try:
            level = int(ilvl or 0)
        except ValueError:
            level = 0
        return self.numbering.label(num_id, level)

    def _emit_pending(self, para: _Pending) -> None:
        self._emit(para.number, para.text, para.num, para.style, para.refs, para.boxes)

    def _emit(
        self,
        number: int,
        run: TextRun,
        num: etree._Element | None,
        style: str | None,
        refs: list[Reference],
        boxes: list[etree._Element],
    ) -> None:
        """One paragraph's line (or lines: its notes, its text boxes) and noise."""
        label, kind = self._label(num, style)
        text, spans = run.text, run.spans()
        notes = list(run.notes) if run.notes else []
        if kind == "bullet" or (label and not text.strip()):
            self._noise(number, label, "list bullet" if kind == "bullet" else "list label")
        elif label:
            shift = len(label) + 1
            text = f"{label} {text}"
            spans = [(a + shift, b + shift) for a, b in spans]
            notes = [NoteRef(n.offset + shift, n.mark) for n in notes]
        if notes or text.strip():
            if notes:
                notes = [NoteRef(min(n.offset, len(text)), n.mark) for n in notes]
            line = SourceLine(number, text, spans, run.all_bold(), notes)
            self.lines += [line, SourceLine(number, "")]
            self.source.append(text)
        for ref in refs:
            self._noise(number, ref.mark, "note mark")
            self._note(ref, number)
        for box in boxes:
            self.boxes += 1
            self.blocks(box)

    def _noise(self, number: int, text: str, kind: str) -> None:
        if text:
            self.noise.append(Noise(number, text, kind))
            self.source.append(text)

    def _note(self, ref: Reference, number: int) -> None:
        note = self.notes[ref.kind].get(ref.id)
        if note is None:
            self.warnings.append(f"{ref.kind} {ref.mark} refers to a note the file does not hold")
            return
        fields = self.text.fields
        self.text.start_story()
        run = TextRun()
        own_mark = False
        for p in note.iter(f"{_W}p"):
            if len(run):
                run.line_break()
            own_mark = own_mark or next(p.iter(*_NOTE_MARKS), None) is not None
            self.text.read(p, run, [], [])
        self.text.fields = fields
        text = run.text.strip()
        if own_mark:
            self._noise(number, ref.mark, "note mark")
        elif text.startswith(ref.mark):  # a custom mark typed at the note's start
            self._noise(number, ref.mark, "note mark")
            text = text[len(ref.mark) :].strip()
        self.lines += [SourceLine(number, text, footnote=ref.mark), SourceLine(number, "")]
        self.source.append(text)

    # -- page headers and footers -------------------------------------------------------

    def running_heads(self) -> None:
        """Headers and footers to the noise record; the symbol up front if the body has none."""
        has_symbol = any(SYMBOL_LINE.match(ln.text.strip()) for ln in self.lines if not ln.footnote)
        for kind in ("header", "footer"):
            for part in self.pkg.related(self.pkg.main, kind):
                root = self.pkg.tree(part)
                if root is None:
                    continue
                self.text.start_story()
                for p in root.iter(f"{_W}p"):
                    run = TextRun()
                    self.text.read(p, run, [], [])
                    text = run.text
                    if not has_symbol:
                        symbol = next(
                            (
                                m.group(0)
                                for piece in text.split("\t")
                                if (m := SYMBOL_LINE.match(piece.strip()))
                            ),
                            None,
                        )
                        if symbol:
                            has_symbol = True
                            self.lines[:0] = [SourceLine(0, symbol), SourceLine(0, "")]
                            self.source.append(symbol)
                            self.warnings.append(
                                f"the document symbol {symbol} was read from the page {kind}"
                            )
                            text = text.replace(symbol, "", 1)
                    if text.strip():
                        self._noise(0, text, "running head")


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    """Rows of a table or cells of a row, through content controls and custom XML."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == f"{_W}{name}":
            out.append(child)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            inner = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if inner is not None:
                out += _children(inner, name)
    return out


def count_changes(root: etree._Element) -> int:
    """The tracked changes a part already carries (both readers ask it)."""
    return sum(1 for _ in root.iter(*_TRACKED_TAGS))


def _comments(pkg: Package) -> int:
    total = 0
    for part in pkg.related(pkg.main, "comments"):
        root = pkg.tree(part)
        if root is not None:
            total += sum(1 for _ in root.iter(f"{_W}comment"))
    return total


def read_docx(
    data: bytes, *, source: str, existing_changes: str = "accept"
) -> tuple[list[SourceLine], list[Noise], str, list[str]]:
    """Read a .docx file's bytes as (lines, noise, source text, warnings).

    The lines go to the structure pass (`parse_lines`); the source text is every visible
    character the lines and the noise were made from (labels, marks and notes included), for
    `verify_conservation`. `existing_changes` says how tracked changes already in the file are
    read: "accept" (as Accept All shows it) or "reject".

    >>> from pathlib import Path
    >>> data = Path("tests/fixtures/docx/hrc-47-9.docx").read_bytes()
    >>> lines, noise, text, warnings = read_docx(data, source="hrc-47-9.docx")
    >>> lines[0].text, warnings[0]
    ('A/HRC/RES/47/9', 'the document symbol A/HRC/RES/47/9 was read from the page header')
    """
    if existing_changes not in EXISTING_CHANGES:
        raise OptionError(
            "existing_changes",
            f"existing_changes must be 'accept' or 'reject', not {existing_changes!r}",
        )
    return read_lines(Package(data, source=source), existing_changes=existing_changes)


def read_lines(
    pkg: Package, *, existing_changes: str = "accept"
) -> tuple[list[SourceLine], list[Noise], str, list[str]]:
    """`read_docx` of a package already open (its parts parsed once for every reader)."""
    source = pkg.source
    root = pkg.tree(pkg.main)
    if root is None or root.tag != f"{_W}document":
        ns = etree.QName(root).namespace if root is not None else None
        if ns == _STRICT_NS:
            raise DocumentError(
                "Strict Open XML is not supported; save as Word Document (.docx)", source=source
            )
        raise DocumentError(f"not a Word document: {pkg.main} is not a document", source=source)
    body = root.find(f"{_W}body")
    if body is None:
        raise pkg.error(pkg.main, "not a Word document: no body")
    reader = _Reader(pkg, existing_changes)
    reader.changes += count_changes(root)
    reader.text.start_story()
    reader.blocks(body)
    reader.running_heads()
    warnings = list(reader.warnings)
    if not any(ln.text.strip() for ln in reader.lines):
        elements = _elements(body)
        if not elements:
            raise EmptyInputError("the Word document holds no text", source=source)
        warnings.append(f"the Word document holds no text, only {elements}: compared as such")
    if reader.changes:
        plural = "s" if reader.changes != 1 else ""
        view = "accepted" if existing_changes == "accept" else "rejected"
        warnings.append(
            f"the file carries {reader.changes} tracked change{plural}; compared as {view}"
        )
    comments = _comments(pkg)
    if comments:
        plural = "s" if comments != 1 else ""
        warnings.append(f"the file carries {comments} comment{plural}; comments are not compared")
    if reader.boxes:
        plural = "es" if reader.boxes != 1 else ""
        warnings.append(f"{reader.boxes} text box{plural} read after the paragraph anchoring it")
    if reader.text.hidden_runs:
        warnings.append(f"{reader.text.hidden_runs} run(s) of hidden text not read")
    warnings += sorted(set(reader.other))
    return reader.lines, reader.noise, "\n".join(reader.source), warnings


_ELEMENTS = {"drawing": "picture", "pict": "picture", "object": "object", "tbl": "table"}


def _elements(body: etree._Element) -> str:
    """What a document without text holds ("2 pictures, 1 table"), or "" if nothing."""
    counts: dict[str, int] = {}
    for e in body.iter():
        if any(local(a) == "Fallback" for a in e.iterancestors()):
            continue  # the same element, drawn again for older readers
        name = _ELEMENTS.get(local(e)) or ("equation" if local(e) == "oMath" else None)
        if name:
            counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in sorted(counts.items()))
