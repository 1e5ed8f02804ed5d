"""Read a resolution's PDF as logical lines for the one structure pass.

The lines are what `redline.parse` gets from a text file (one per paragraph, italic spans,
footnote references and footnote lines), so a PDF and a text of the same resolution parse to
the same structure. The steps, one module each:

1. `_glyphs`: the PDF's characters with font, size and position (pdfminer.six);
2. `_printed`: printed lines — rows, cells, spaces, raised note marks, italic spans;
3. `_zones`: page furniture (running heads, page and job numbers, barcodes) to the noise
   record; footnote lines apart from the body;
4. `_paragraphs`: body lines grouped into paragraphs, across pages;
5. here: each paragraph's lines joined into one text, footnotes joined and placed.

Joining:

- **Hyphens at line ends**: a line ending in "-" (or U+2010) before a letter joins the next
  line without a space. The hyphen is kept — UN documents are set without automatic
  hyphenation, so a line-end hyphen is the word's own ("good-neighbourliness",
  "seventy-fifth") — unless the document itself writes the joined word elsewhere and never
  the hyphenated one; then it was a break hyphen and is dropped (recorded as noise). A soft
  hyphen (U+00AD) at a line end is always dropped; a non-breaking hyphen (U+2011) is kept.
  Characters are kept as printed: U+2011 stays U+2011. Other lines join with one space.
- **Footnotes**: each opens with its raised mark; a line without one continues the footnote
  before (also onto the next page). A raised mark in the text is a `NoteRef` at its offset
  (after the word it follows). A footnote's line follows the first paragraph that refers to
  it, or the enacting formula when the reference stands in the header; the marks are noise
  ("note mark").
- **Italic** (font name "Italic"/"Oblique") gives italic spans, so the structure pass reads
  leads from the fonts, as from a Word file; numbers ("1.") and letters ("(a)") stay text.
- `SourceLine.number` counts printed lines from the start of the document, in reading order, so
  "line N" in a warning is the Nth printed line.

Repairs (`Repair`, as the text reader records them, each naming its page): every printed line
joined to the line above it in one paragraph (a wrapped line), or to the last paragraph of
the page before (a page break); every footnote placed at the paragraph whose mark refers to
it; every page whose furniture was dropped (`_zones`). A footnote's own lines, joined, are no
repair, as in a text.

Not read: images (a file with no text layer — scanned pages — is refused; a page without
text is named in a warning), rotated text (noise, with a warning), table structure (a row's
cells are read left to right as separate paragraphs), annotations, comments, form fields.
Tracked changes shown in a PDF are read as printed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..errors import DocumentError, EmptyInputError
from ..model import Noise, NoteRef, Repair, RepairKind
from ..parse import is_formula
from ..parse._source import SourceLine
from ..parse.lexicon import HEADER_WORDS
from ._glyphs import PageGlyphs, load_pages
from ._paragraphs import group_paragraphs
from ._printed import PrintedLine, page_segments
from ._zones import split_zones

__all__ = ["read_pages", "read_pdf"]

_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)*")
_LETTERS_END = re.compile(r"([^\W\d_]+)$")
_LETTERS_START = re.compile(r"^([^\W\d_]+)")
_BREAK_HYPHENS = ("-", "‐")
_LANGUAGES = tuple(HEADER_WORDS) or ("en",)


@dataclass(slots=True)
class _Text:
    """A paragraph or footnote being joined: text, italic spans, note marks."""

    number: int
    text: str = ""
    italic: list[tuple[int, int]] = field(default_factory=list)
    notes: list[NoteRef] = field(default_factory=list)
    bold: bool = True
    marked: list[int] = field(default_factory=list)  # the printed line of each of `notes`


class _Reader:
    def __init__(self, pages: list[PageGlyphs]) -> None:
        self.pages = pages
        self.noise: list[Noise] = []
        self.source: list[str] = []
        self.warnings: list[str] = []
        self.repairs: list[Repair] = []
        self.segments: list[list[PrintedLine]] = []
        counter = 0
        rotated = 0
        for page in pages:
            found, turned = page_segments(page)
            for s in found:
                counter += 1
                s.number = counter
                self.source.append(s.raw)
            for g in turned:
                rotated += 1
                self.noise.append(Noise(counter, g.text, "rotated text"))
                self.source.append(g.text)
            self.segments.append(found)
        if rotated:
            self.warnings.append(f"{rotated} rotated character(s) not read as text")
        sizes: Counter[float] = Counter()
        for found in self.segments:
            for s in found:
                sizes[s.size] += len(s.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        self.vocabulary = {
            w.lower() for f in self.segments for s in f for w in _WORD.findall(s.text)
        }

    def join(self, segments: list[PrintedLine]) -> _Text:
        """A paragraph's printed lines as one text; each line joined is a repair."""
        out = _Text(segments[0].number)
        for above, s in zip([None, *segments], segments):
            if above is not None:
                kind = RepairKind.WRAPPED_LINE if above.page == s.page else RepairKind.PAGE_BREAK
                seam = f"page {s.page}: …{out.text.rstrip()[-30:]} | {s.text[:30]}…"
                self.repairs.append(Repair(kind, s.number, seam))
            self._append(out, s)
        return out

    def _append(self, out: _Text, s: PrintedLine) -> None:
        """Join a printed line to the text: one space, or none after a hyphen (see above)."""
        text = s.text
        for _, mark in s.marks:
            self.noise.append(Noise(s.number, mark, "note mark"))
        sep = " " if out.text else ""
        if out.text and text:
            before = out.text[-1]
            if before in (*_BREAK_HYPHENS, "\xad", "\u2011") and text[:1].isalpha():
                sep = ""
                if before == "\xad" or (before in _BREAK_HYPHENS and self._break(out.text, text)):
                    self.noise.append(Noise(s.number, before, "line-end hyphen"))
                    out.text = out.text[:-1]
                    out.italic = [(a, min(b, len(out.text))) for a, b in out.italic]
                    out.italic = [(a, b) for a, b in out.italic if a < b]
        end = len(out.text)
        base = end + len(sep)
        spans = [(a + base, b + base) for a, b in s.italic]
        if out.italic and spans and out.italic[-1][1] == end and spans[0][0] == base:
            out.italic[-1] = (out.italic[-1][0], spans.pop(0)[1])  # a lead over two lines
        out.italic += spans
        # A mark opening the line belongs to the word that ended the line above.
        out.notes += [NoteRef(o + base if o else end, m) for o, m in s.marks]
        out.marked += [s.number] * len(s.marks)
        out.text += sep + text
        out.bold = out.bold and s.bold

    def _break(self, before: str, after: str) -> bool:
        """A line-end hyphen is a break hyphen when the document writes the word whole."""
        left = _LETTERS_END.search(before[:-1])
        right = _LETTERS_START.match(after)
        if not left or not right:
            return False
        whole = (left.group(1) + right.group(1)).lower()
        hyphenated = f"{left.group(1)}-{right.group(1)}".lower()
        return whole in self.vocabulary and hyphenated not in self.vocabulary

    def footnotes(self, notes: list[list[PrintedLine]]) -> list[tuple[str, _Text]]:
        """Each footnote's mark and text, in print order."""
        out: list[_Text] = []
        marks: list[str] = []
        for page in notes:
            for s in page:
                if s.marks and s.marks[0][0] == 0:
                    mark = s.marks[0][1]
                    self.noise.append(Noise(s.number, mark, "note mark"))
                    rest = replace(s, marks=s.marks[1:])
                    out.append(_Text(s.number))
                    marks.append(mark)
                    self._append(out[-1], rest)
                elif out:
                    self._append(out[-1], s)
                else:  # small type below the separator before any mark: an unmarked note
                    out.append(_Text(s.number))
                    marks.append("")
                    self._append(out[-1], s)
        return list(zip(marks, out))


def _line(t: _Text) -> SourceLine:
    return SourceLine(t.number, t.text, list(t.italic), bold=t.bold, notes=list(t.notes))


def read_pdf(
    data: bytes, *, source: str
) -> tuple[list[SourceLine], list[Noise], str, list[str], list[Repair]]:
    """Read a PDF file's bytes as (lines, noise, source text, warnings, repairs).

    The lines go to the structure pass (`parse_lines`, with the repairs: what reading the
    layout joined, placed and dropped); the source text is every glyph the lines and the
    noise were made from (running heads, marks and footnotes included), for
    `verify_conservation`. Raises DocumentError for a file that is not a readable PDF, is
    encrypted, has no text layer, or when pdfminer.six is not installed.

    For example, `read_pdf(Path("A_RES_78_203.pdf").read_bytes(), source="A_RES_78_203.pdf")`
    gives the printed lines, the noise record, the text, the warnings and the repairs.
    """
    pages, warnings = load_pages(data, source=source)
    return read_pages(pages, source=source, warnings=warnings)


def read_pages(
    pages: list[PageGlyphs], *, source: str, warnings: list[str] | None = None
) -> tuple[list[SourceLine], list[Noise], str, list[str], list[Repair]]:
    """`read_pdf` from glyphs already read (`_glyphs.load_pages`): the layout half alone."""
    warnings = list(warnings or [])
    reader = _Reader(pages)
    if not any(s.text.strip() for found in reader.segments for s in found):
        if any(page.images for page in pages):
            raise DocumentError(
                "the PDF has no text layer (scanned pages?); run OCR on it or use a text "
                "or Word version",
                source=source,
            )
        raise EmptyInputError("the PDF holds no text", source=source)
    zones = split_zones(pages, reader.segments, reader.body_size)
    reader.noise += zones.noise
    reader.warnings += zones.warnings
    reader.repairs += zones.repairs
    grouped = group_paragraphs(zones.bodies, body_size=reader.body_size)
    paragraphs = [reader.join(p.segments) for p in grouped]
    notes = reader.footnotes(zones.notes)
    lines = _place(paragraphs, notes, reader.warnings, reader.repairs)
    text = "\n".join(reader.source)
    return lines, reader.noise, text, warnings + reader.warnings, reader.repairs


def _place(
    paragraphs: list[_Text],
    notes: list[tuple[str, _Text]],
    warnings: list[str],
    repairs: list[Repair],
) -> list[SourceLine]:
    """Paragraph lines, each followed by the footnotes it is the first to refer to.

    References in the header (before the enacting formula) have their footnotes placed
    after the formula, where the structure pass reads footnotes; a footnote nothing refers
    to goes at the end (the structure pass warns about it). Each footnote placed for a mark
    is a repair, at the mark's printed line.
    """
    by_mark: dict[str, _Text] = {}
    unplaced: list[tuple[str, _Text]] = []
    for mark, note in notes:
        if mark and mark not in by_mark:
            by_mark[mark] = note
        else:
            what = f"footnote {mark} is printed twice" if mark else "a footnote has no mark"
            warnings.append(f"line {note.number}: {what}")
            unplaced.append((mark, note))
    formula = next(
        (
            i
            for i, p in enumerate(paragraphs)
            if any(is_formula(p.text.strip(), lang) for lang in _LANGUAGES)
        ),
        -1,
    )
    lines: list[SourceLine] = []
    waiting: list[tuple[str, int, str]] = []  # mark, its printed line, the text before it
    for i, p in enumerate(paragraphs):
        lines += [_line(p), SourceLine(p.number, "")]
        waiting += [
            (n.mark, at, p.text[max(n.offset - 30, 0) : n.offset].lstrip())
            for n, at in zip(p.notes, p.marked)
        ]
        if i < formula:
            continue
        for mark, at, before in waiting:
            if mark in by_mark:
                note = by_mark.pop(mark)
                lines += _note_lines(mark, note)
                where = f"footnote {mark} (printed at line {note.number}) after …{before}"
                repairs.append(Repair(RepairKind.FOOTNOTE_MOVED, at, where))
        waiting = []
    for mark, note in [*by_mark.items(), *unplaced]:
        lines += _note_lines(mark, note)
    return lines


def _note_lines(mark: str, note: _Text) -> list[SourceLine]:
    return [SourceLine(note.number, note.text, footnote=mark), SourceLine(note.number, "")]
