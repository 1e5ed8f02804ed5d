"""Text and Markdown-like input to logical lines: markup read, page furniture set aside.

A logical line is one source line (or several joined by a Markdown hard break) with its
Markdown markup removed and what the markup said kept: italic spans (the lead), bold, and
footnote references. Glued header runs ("**Human Rights Council****Forty-seventh
session**") are cut into the lines they were before conversion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Noise, NoteRef, Repair, RepairKind
from ._line import SourceLine
from ._marks import attach_loose_marks, attach_marks
from ._pages import NOTE_LINE, Pages, read_pages

__all__ = ["SourceLine", "logical_lines"]

_INLINE = re.compile(
    r"\*\*(?P<b>.+?)\*\*"
    r"|(?<!\w)\*(?P<i>[^*\s](?:[^*]*?[^*\s])?)\*(?!\w)"
    r"|<sup>(?P<sup>[^<]{1,8})</sup>"
    r"|\[\^(?P<fn>[^\]\s]{1,8})\](?!:)"
)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_FOOTNOTE_DEF = re.compile(r"^\s*(?:<sup>(?P<sup>[^<]{1,8})</sup>|\[\^(?P<fn>[^\]\s]{1,8})\]:)\s*")


@dataclass(slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    note: str | None = None


def _spans(text: str, markup: list[str]) -> list[Span]:
    """Read inline markup; every markup character removed is appended to `markup`."""
    spans: list[Span] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            spans.append(Span(text[pos : m.start()]))
        if m.group("b") is not None:
            markup.append("****")
            inner = _spans(m.group("b"), markup)
            for s in inner:
                s.bold = True
            spans.extend(inner)
        elif m.group("i") is not None:
            markup.append("**")
            spans.append(Span(m.group("i"), italic=True))
        else:
            markup.append(m.group(0))  # the reference: its tags and its mark
            spans.append(Span("", note=m.group("sup") or m.group("fn")))
        pos = m.end()
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return spans


def _line_from_spans(number: int, spans: list[Span]) -> SourceLine:
    line = SourceLine(number, "")
    parts: list[str] = []
    offset = 0
    for s in spans:
        if s.note is not None:
            line.notes.append(NoteRef(offset, s.note))
            continue
        if s.italic and s.text:
            line.italic.append((offset, offset + len(s.text)))
        parts.append(s.text)
        offset += len(s.text)
    line.text = "".join(parts)
    line.bold = bool(spans) and all(s.bold for s in spans if s.text.strip())
    return line


def _split_glued(number: int, spans: list[Span]) -> list[list[Span]]:
    """Cut a line that glues bold header runs (and a trailing italic) into its runs."""
    if (
        not spans
        or not spans[0].bold
        or (sum(1 for s in spans if s.bold) < 2 and not any(s.italic for s in spans))
    ):
        return [spans]
    groups: list[list[Span]] = []
    prev_bold: bool | None = None
    for s in spans:
        starts_group = s.note is None and (prev_bold is None or s.bold != prev_bold or s.bold)
        if starts_group and (not groups or s.text.strip()):
            groups.append([s])
        else:
            groups[-1].append(s)
        if s.note is None:
            prev_bold = s.bold
    return [g for g in groups if any(s.text.strip() for s in g)]


def logical_lines(text: str) -> tuple[list[SourceLine], list[Noise], list[Repair]]:
    """Split a text into logical lines, setting aside page furniture and markup as noise.

    Every non-space character of the input ends up in a line or in the returned record
    (kinds: page rule, page number, job number, barcode, footer, running head, note mark,
    markup). Text extracted from a PDF is read like the PDF (`_pages`): running heads
    dropped, a page break marked where a page ended (`SourceLine.page_break`, the evidence
    a paragraph cut there may be joined on), the footnotes printed at a page's foot moved
    to the end as footnote lines and their marks in the text attached (`_marks`). The
    repairs say what was dropped and moved.
    """
    if "\r" in text:  # (looked for first: two replacements scan the text even for none)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = text.split("\n")
    pages = read_pages(raw)
    lines: list[SourceLine] = []
    noise: list[Noise] = []
    repairs = [
        Repair(
            RepairKind.RUNNING_HEAD,
            a + 1,
            " | ".join(t.strip() for t in raw[a : b + 1] if t.strip()),
        )
        for a, b in pages.heads
    ]
    notes: list[SourceLine] = []
    paged = pages.breaks | pages.furniture.keys() | pages.separators | pages.note_set
    i = 0  # the next raw line to read: lines a hard break joined to the one before are read
    for k in sorted(paged.union(_marked(raw))):
        if k >= i:
            lines += _plain(raw, i, k)
            i = _read(raw, k, pages, lines, noise, notes)
    lines += _plain(raw, i, len(raw))
    if notes:
        repairs += attach_marks(lines, notes, pages, noise)
        notes = [n for n in notes if not _to_header(lines, n, noise, repairs)]
        for note in notes:
            lines += [SourceLine(note.number, ""), note]
    repairs += attach_loose_marks(lines, noise)
    return lines, noise, repairs


def _marked(raw: list[str]) -> list[int]:
    """The indices of the raw lines `_read` must read, not taken as they stand: a markup
    character (each pattern of `_INLINE` and `_FOOTNOTE_DEF` needs one), a form feed, a
    hard break (two trailing spaces), a rule."""
    return [
        k
        for k, t in enumerate(raw)
        if t  # (an empty line is none of these; a character is looked for before a string)
        and (
            "*" in t
            or "\f" in t
            or ("<" in t and "<sup>" in t)
            or ("[" in t and "[^" in t)
            or t.endswith("  ")
            or ((t[0] in "-_=" or t[0].isspace()) and _RULE.match(t))  # ("*": above)
        )
    ]


def _plain(raw: list[str], start: int, end: int) -> list[SourceLine]:
    """Raw lines `start` to `end` (none page furniture or `_marked`) as they stand:
    no markup, so bold as `_line_from_spans` has a line of one plain span (blank: all of
    none)."""
    return [
        SourceLine(n, t, bold=bool(t) and not t.strip())
        for n, t in enumerate(raw[start:end], start + 1)
    ]


def _read(
    raw: list[str],
    i: int,
    pages: Pages,
    lines: list[SourceLine],
    noise: list[Noise],
    notes: list[SourceLine],
) -> int:
    """Read raw line `i` (and the lines a hard break joins to it) into `lines`, or set it
    aside as page furniture or a footnote line; the index of the next line to read."""
    number = i + 1
    current = raw[i]
    if i in pages.breaks or "\f" in current:
        lines.append(SourceLine(number, "", page_break=True))
    aside = i in pages.furniture or i in pages.separators or pages.footnote_line(i)
    if aside and _set_aside(pages, i, current, noise, notes):  # (what it looks at first)
        return i + 1
    # A Markdown hard break (two trailing spaces) continues the line.
    while (
        current.endswith("  ")
        and current.strip()
        and i + 1 < len(raw)
        and raw[i + 1].strip()
        and i + 1 not in pages.furniture
        and i + 1 not in pages.breaks
    ):
        i += 1
        current = current.rstrip(" ") + " " + raw[i].lstrip()
    i += 1
    current = current.replace("\f", "")  # a form feed: the page break is marked above
    if _RULE.match(current):
        noise.append(Noise(number, current, "page rule"))
        lines.append(SourceLine(number, "", rule=True))
        return i
    if "*" not in current and "<sup>" not in current and "[^" not in current:
        lines.append(SourceLine(number, current, bold=bool(current) and not current.strip()))
        return i  # (the line as `_plain` takes one)
    markup: list[str] = []
    m = _FOOTNOTE_DEF.match(current)
    if m and current[m.end() :].strip():
        markup.append(m.group(0))  # "<sup>1</sup> " before a footnote's text
        body = _line_from_spans(number, _spans(current[m.end() :], markup))
        body.footnote = m.group("sup") or m.group("fn")
        lines.append(body)
    else:
        for group in _split_glued(number, _spans(current, markup)):
            lines.append(_line_from_spans(number, group))
    noise += [Noise(number, piece, "markup") for piece in markup]
    return i


_STAR = re.compile(r"(?<=\S)\*{1,3}(?=\s|$)")


def _to_header(
    lines: list[SourceLine], note: SourceLine, noise: list[Noise], repairs: list[Repair]
) -> bool:
    """A starred note of the first page ("* On behalf of the States Members…", "* Reissued
    for technical reasons") belongs to the header line its star follows ("A/C.3/80/L.35*",
    "Cuba:*"): its text goes there as a header line of its own, the star to the noise."""
    if not note.footnote or note.footnote.strip("*"):
        return False
    first_page = []
    for k, line in enumerate(lines):
        if line.page_break:
            break
        first_page.append(k)
    for k in first_page:
        m = _STAR.search(lines[k].text)
        if m and m.group(0) == note.footnote:
            line = lines[k]
            noise.append(Noise(line.number, m.group(0), "note mark"))
            line.text = line.text[: m.start()] + line.text[m.end() :]
            lines[k + 1 : k + 1] = [SourceLine(note.number, note.text)]
            repairs.append(
                Repair(
                    RepairKind.FOOTNOTE_MOVED,
                    note.number,
                    f"note {note.footnote} to the header after line {line.number}: "
                    f"{note.text[:40]}",
                )
            )
            return True
    return False


def _set_aside(
    pages: Pages, i: int, line: str, noise: list[Noise], notes: list[SourceLine]
) -> bool:
    """Whether raw line `i` is page furniture or a page-foot footnote line, recorded here."""
    number = i + 1
    if i in pages.furniture:
        noise.append(Noise(number, line, pages.furniture[i]))
        return True
    if i in pages.separators:
        noise.append(Noise(number, line, "page rule"))
        return True
    if not pages.footnote_line(i):
        return False
    m = NOTE_LINE.match(line)
    if i in pages.notes and m:
        noise.append(Noise(number, m.group("mark"), "note mark"))
        notes.append(SourceLine(number, m.group("text").strip(), footnote=m.group("mark")))
    elif notes:  # a note's next line, or its end carried over from the page before
        notes[-1].text = _joined(notes[-1].text, line.strip())
    else:  # a note's end whose start is not in the text: kept as a note without a mark
        notes.append(SourceLine(number, line.strip(), footnote=""))
    return True


def _joined(before: str, after: str) -> str:
    """Two lines of a footnote as one: a space between, none after a line-end hyphen."""
    if before.endswith(("-", "\u2010")) and after[:1].isalpha():
        return before + after
    return f"{before} {after}"
