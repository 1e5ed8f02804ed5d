"""Logical lines to paragraph blocks: which pieces are one paragraph (`_evidence`'s rule).

The block pass the structure pass (`_structure`) runs on a text's body: consecutive lines
join when the layout is wrapped, blocks join across a page break or after an unfinished
paragraph, and never when a piece opens a paragraph (a number, "(a)", the adoption record,
a lead of the text's own language). Footnote definitions go aside; every join is a `Repair`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Footnote, Noise, NoteRef, Repair, RepairKind
from ._evidence import (
    AS_GIVEN,
    Evidence,
    closed,
    ended,
    ends_clause,
    ends_with_hyphen,
    line_end_hyphen,
    text_width,
    vocabulary,
    wrapped_pair,
)
from ._header import starts_vote
from ._leads import find_lead
from ._patterns import any_of
from ._source import SourceLine
from .lexicon import WORDS

__all__ = ["NUMBER", "SUBPARA", "Block", "Reading", "group_blocks", "opens"]

_EN = WORDS["en"]
# "3." everywhere; Arabic documents also write "3 -" or "٣ -" (Arabic-Indic digits).
NUMBER = re.compile(
    r"^(?P<dash>[-–•]\s+)?(?P<num>[0-9٠-٩]{1,3}"
    rf"(?:\s?{any_of(_EN['number suffixes'])})?)(?:\.|\s[-–])\s+"
)
SUBPARA = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxl]{1,6})\)\s+")
_SECTION = re.compile(r"^[IVXL]{1,6}\.?$")  # a section heading's number: "IV"


@dataclass(slots=True)
class Block:
    """Lines of one paragraph joined: the unit the structure pass classifies."""

    line: int
    text: str = ""
    italic: list[tuple[int, int]] = field(default_factory=list)
    notes: list[NoteRef] = field(default_factory=list)

    def add(self, line: SourceLine, sep: str = " ") -> None:
        base = len(self.text) + (len(sep) if self.text else 0)
        self.text = self.text + sep + line.text if self.text else line.text
        self.italic += [(a + base, b + base) for a, b in line.italic]
        self.notes += [NoteRef(n.offset + base, n.mark) for n in line.notes]

    def cut(self, start: int) -> Block:
        """The block without its first `start` characters (a number or a list dash)."""
        out = Block(self.line, self.text[start:])
        out.italic = [(max(a - start, 0), b - start) for a, b in self.italic if b > start]
        out.notes = [NoteRef(max(n.offset - start, 0), n.mark) for n in self.notes]
        return out


def _starts_paragraph(text: str) -> bool:
    """A number or a letter opens the text ("3. Decides", "(a) To", or "3." alone on its
    line, as text pulled from a PDF often has it)."""
    return bool(NUMBER.match(text + " ") or SUBPARA.match(text + " "))


def opens(text: str, language: str) -> bool:
    """Whether a piece opens a paragraph: a number, a letter, the adoption record, or a lead
    of the text's own language (Russian leads start with a small letter)."""
    return bool(
        _starts_paragraph(text)
        or starts_vote(text)
        or _SECTION.match(text)
        or find_lead(text, part="preamble", language=language)
        or find_lead(text, part="operative", language=language)
    )


@dataclass(slots=True)
class Reading:
    """What the block pass gives besides the blocks: notes, repairs, hyphens set aside."""

    footnotes: list[Footnote] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)


def group_blocks(
    lines: list[SourceLine], evidence: Evidence = AS_GIVEN, language: str = "en"
) -> tuple[list[Block], Reading]:
    """Group body lines into paragraph blocks (`_evidence`'s rule); footnotes go aside."""
    blocks: list[Block] = []
    out = Reading()
    words = vocabulary(ln.text for ln in lines) if evidence.wrapped else frozenset()
    current: Block | None = None
    note: list[str] | None = None
    last = ""  # the body line before, as printed
    width = -1  # the text's width (`text_width`), measured when a pair is first judged by it
    broken = rule = False
    gap = 0
    for line in lines:
        if line.page_break:
            broken, current, note = True, None, None
            continue
        text = line.text.strip()
        if not text or line.rule:  # (`line.blank or line.rule`)
            gap += not line.rule
            rule = rule or line.rule
            current = note = None
            continue
        if line.footnote is not None:
            broken = broken or (rule and evidence.pages)  # notes under a rule: a page's foot
            note = [text]
            out.footnotes.append(Footnote(line.footnote, note[0]))
            current = None
            continue
        if note is not None and evidence.wrapped:  # a footnote continued on the next line
            note.append(text)
            out.footnotes[-1] = Footnote(out.footnotes[-1].mark, " ".join(note))
            continue
        note = None
        broken = broken or (evidence.pages and gap >= evidence.gap)
        if width < 0 and current is not None and evidence.pages and not evidence.wrapped:
            width = text_width(lines)
        if current is not None and (
            evidence.wrapped or (evidence.pages and wrapped_pair(last, text, width))
        ):
            if _opens_after(current, text, language):
                current = _opened(line, text, blocks)
            else:
                _join(current, _stripped(line), words, out)
                out.repairs.append(
                    Repair(RepairKind.WRAPPED_LINE, line.number, _seam(current, text))
                )
        elif current is None and blocks and _goes_on(blocks[-1], text, broken, evidence, language):
            current = blocks[-1]
            _join(current, _stripped(line), words, out)
            out.repairs.append(Repair(RepairKind.PAGE_BREAK, line.number, _seam(current, text)))
        else:
            current = _opened(line, text, blocks)
        broken = rule = False
        gap = 0
        last = text
    return blocks, out


def _opened(line: SourceLine, text: str, blocks: list[Block]) -> Block:
    """A new block holding the line (`text`: its text stripped), added to `blocks`."""
    if line.italic or line.notes:
        block = Block(line.number)
        block.add(_stripped(line))
    else:  # what `add` gives an empty block from a line of text alone
        block = Block(line.number, text)
    blocks.append(block)
    return block


def _goes_on(block: Block, text: str, broken: bool, evidence: Evidence, language: str) -> bool:
    """Whether a piece after a blank line or a page goes on with the paragraph before: only
    on evidence (`_evidence`), and never when it opens a paragraph itself."""
    if not broken and not (evidence.pages and text[:1].islower()):
        return False  # (what the last test asks first: most pieces are told by it alone)
    if opens(text, language) or starts_vote(block.text):
        return False  # nor is the adoption record continued (a note's line after it)
    if broken:  # a comma may end a page; a sentence's end may not, before a small letter
        return not ended(block.text) or text[:1].islower()
    return _unfinished(block, language)


def _unfinished(block: Block, language: str) -> bool:
    """A paragraph opened (by a number or a lead) that ends with no closing sign at all: it
    was cut, whatever the layout ("…enhancement of international" / "cooperation and…").
    The adoption record is no such paragraph ("…by 10 votes to none. 8": a note's mark)."""
    text = block.text
    lead = find_lead(text, part="preamble", language=language) or find_lead(
        text, part="operative", language=language
    )
    return not closed(text) and bool(lead or NUMBER.match(text))


def _opens_after(block: Block, text: str, language: str) -> bool:
    """In wrapped lines, whether the line opens a paragraph rather than going on: a number,
    a letter, the adoption record, or a lead after a clause's end ("…,", "…;", "…, y")."""
    if _starts_paragraph(text) or starts_vote(text):
        return True
    return ends_clause(block.text) and bool(
        find_lead(text, part="preamble", language=language)
        or find_lead(text, part="operative", language=language)
    )


def _stripped(line: SourceLine) -> SourceLine:
    shift = len(line.text) - len(line.text.lstrip())
    if not line.italic and not line.notes:  # nothing to move: the text alone
        return SourceLine(line.number, line.text.strip())
    return SourceLine(
        line.number,
        line.text.strip(),
        [(a - shift, b - shift) for a, b in line.italic],
        notes=[NoteRef(max(n.offset - shift, 0), n.mark) for n in line.notes],
    )


def _join(block: Block, line: SourceLine, words: frozenset[str], out: Reading) -> None:
    """Append a line: one space, or none after a line-end hyphen (dropped if it only broke
    the word: `line_end_hyphen`)."""
    if ends_with_hyphen(block.text) and line.text[:1].isalnum():
        if block.text[-1] != "\u2011" and line_end_hyphen(block.text, line.text, words):
            out.noise.append(Noise(line.number, block.text[-1], "line-end hyphen"))
            block.text = block.text[:-1]
            block.italic = [(a, min(b, len(block.text))) for a, b in block.italic]
            block.notes = [NoteRef(min(n.offset, len(block.text)), n.mark) for n in block.notes]
        block.add(line, sep="")
    else:
        block.add(line)


def _seam(block: Block, text: str) -> str:
    """Where two pieces were joined, for the source map: "…end of one | start of next…"."""
    head = block.text[: len(block.text) - len(text)].rstrip()
    return f"…{head[-30:]} | {text[:30]}…"
