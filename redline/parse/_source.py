"""Text and Markdown-like input to logical lines: markup read, page furniture set aside.

A logical line is one source line (or several joined by a Markdown hard break) with its
Markdown markup removed and what the markup said kept: italic spans (the lead), bold, and
footnote references. Glued header runs ("**Human Rights Council****Forty-seventh
session**") are cut into the lines they were before conversion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Noise, NoteRef
from ._patterns import BARCODE

_INLINE = re.compile(
    r"\*\*(?P<b>.+?)\*\*"
    r"|(?<!\w)\*(?P<i>[^*\s](?:[^*]*?[^*\s])?)\*(?!\w)"
    r"|<sup>(?P<sup>[^<]{1,8})</sup>"
    r"|\[\^(?P<fn>[^\]\s]{1,8})\](?!:)"
)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_FOOTNOTE_DEF = re.compile(r"^\s*(?:<sup>(?P<sup>[^<]{1,8})</sup>|\[\^(?P<fn>[^\]\s]{1,8})\]:)\s*")
_PAGE_NOISE = (
    (re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$"), "page number"),
    (
        re.compile(r"^\s*(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{1,3}/\d{1,3})?\s*$"),
        "job number",
    ),
    (re.compile(rf"^\s*{BARCODE}\s*$"), "barcode"),
)


@dataclass(slots=True)
class SourceLine:
    """One logical line: text without markup, and what the markup said about it."""

    number: int
    text: str
    italic: list[tuple[int, int]] = field(default_factory=list)
    bold: bool = False
    notes: list[NoteRef] = field(default_factory=list)
    footnote: str | None = None  # the mark, when the line defines a footnote
    rule: bool = False  # a page rule: a separator, not content

    @property
    def blank(self) -> bool:
        return not self.text.strip() and not self.rule


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


def logical_lines(text: str) -> tuple[list[SourceLine], list[Noise]]:
    """Split a text into logical lines, setting aside page furniture and markup as noise.

    Every non-space character of the input ends up in a line or in the returned record
    (kinds: page rule, page number, job number, barcode, markup).
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[SourceLine] = []
    noise: list[Noise] = []
    i = 0
    while i < len(raw):
        number = i + 1
        current = raw[i]
        # A Markdown hard break (two trailing spaces) continues the line.
        while (
            current.endswith("  ") and current.strip() and i + 1 < len(raw) and raw[i + 1].strip()
        ):
            i += 1
            current = current.rstrip(" ") + " " + raw[i].lstrip()
        i += 1
        if _RULE.match(current):
            noise.append(Noise(number, current, "page rule"))
            lines.append(SourceLine(number, "", rule=True))
            continue
        kind = next((k for rx, k in _PAGE_NOISE if rx.match(current)), None)
        if kind:
            noise.append(Noise(number, current, kind))
            continue
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
    return lines, noise
