"""Logical lines to a Resolution: header, formula, preamble, operative part, annex, vote.

The one structure pass every text form goes through. It relies on what all official
resolutions share: an enacting formula ("The Human Rights Council,") ending the header,
preambular paragraphs opening with a participle, numbered operative paragraphs opening with
a verb, and an adoption record after them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..model import (
    Footnote,
    Noise,
    NoteRef,
    Paragraph,
    Part,
    Repair,
    RepairKind,
    Resolution,
    SubParagraph,
)
from ._evidence import (
    AS_GIVEN,
    Evidence,
    closed,
    ended,
    ends_clause,
    ends_with_hyphen,
    line_end_hyphen,
    read_evidence,
    text_width,
    vocabulary,
    wrapped_pair,
)
from ._header import is_date_line, read_header, read_vote, starts_vote
from ._leads import find_lead
from ._patterns import any_of
from ._source import SourceLine, logical_lines
from .lexicon import HEADER_WORDS, WORDS

_EN = WORDS["en"]
_FORMULA = re.compile(
    rf"^(?:{any_of(_EN['formula article'])}\s+)?(?:[A-Z][\w’'-]*\s+){{0,6}}"
    rf"{any_of(_EN['formula bodies'])}\s*,\s*$"
)
# "3." everywhere; Arabic documents also write "3 -" or "٣ -" (Arabic-Indic digits).
_NUMBER = re.compile(
    r"^(?P<dash>[-–•]\s+)?(?P<num>[0-9٠-٩]{1,3}"
    rf"(?:\s?{any_of(_EN['number suffixes'])})?)(?:\.|\s[-–])\s+"
)
_SUBPARA = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxl]{1,6})\)\s+")
_SECTION = re.compile(r"^[IVXL]{1,6}\.?$")  # a section heading's number: "IV"
_ANNEX_HEAD = re.compile(rf"^{any_of(_EN['annex'])}(?:\s+[IVX\d]+)?\s*$")
_LIST_WORDS = {
    w.rstrip(":").lower()
    for key in ("in favour", "against", "abstaining")
    for w in HEADER_WORDS["en"][key]
}


@dataclass(slots=True)
class _Block:
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

    def cut(self, start: int) -> _Block:
        """The block without its first `start` characters (a number or a list dash)."""
        out = _Block(self.line, self.text[start:])
        out.italic = [(max(a - start, 0), b - start) for a, b in self.italic if b > start]
        out.notes = [NoteRef(max(n.offset - start, 0), n.mark) for n in self.notes]
        return out


def is_formula(text: str, language: str) -> bool:
    """The enacting formula ("The General Assembly,", "L’Assemblée générale,", "大会，")."""
    if _FORMULA.match(text):
        return True
    if len(text) > 80 or not text.endswith((",", "،", "，")):
        return False
    body = text.rstrip(",،，").strip().replace("’", "'")
    return any(
        body == e.rstrip(",،，").strip().replace("’", "'")
        for e in HEADER_WORDS.get(language, {}).get("enacting", ())
    )


def _starts_paragraph(text: str) -> bool:
    """A number or a letter opens the text ("3. Decides", "(a) To", or "3." alone on its
    line, as text pulled from a PDF often has it)."""
    return bool(_NUMBER.match(text + " ") or _SUBPARA.match(text + " "))


def _opens(text: str, language: str) -> bool:
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
class _Reading:
    """What the block pass gives besides the blocks: notes, repairs, hyphens set aside."""

    footnotes: list[Footnote] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)


def _blocks(
    lines: list[SourceLine], evidence: Evidence = AS_GIVEN, language: str = "en"
) -> tuple[list[_Block], _Reading]:
    """Group body lines into paragraph blocks (`_evidence`'s rule); footnotes go aside."""
    blocks: list[_Block] = []
    out = _Reading()
    words = vocabulary(ln.text for ln in lines) if evidence.wrapped else frozenset()
    current: _Block | None = None
    note: list[str] | None = None
    last = ""  # the body line before, as printed
    width = text_width(lines)
    broken = rule = False
    gap = 0
    for line in lines:
        if line.page_break:
            broken, current, note = True, None, None
            continue
        if line.blank or line.rule:
            gap += not line.rule
            rule = rule or line.rule
            current = note = None
            continue
        if line.footnote is not None:
            broken = broken or (rule and evidence.pages)  # notes under a rule: a page's foot
            note = [line.text.strip()]
            out.footnotes.append(Footnote(line.footnote, note[0]))
            current = None
            continue
        if note is not None and evidence.wrapped:  # a footnote continued on the next line
            note.append(line.text.strip())
            out.footnotes[-1] = Footnote(out.footnotes[-1].mark, " ".join(note))
            continue
        note = None
        text = line.text.strip()
        broken = broken or (evidence.pages and gap >= evidence.gap)
        stripped = _stripped(line)
        if (
            current is not None
            and (evidence.wrapped or (evidence.pages and wrapped_pair(last, text, width)))
            and not _opens_after(current, text, language)
        ):
            _join(current, stripped, words, out)
            out.repairs.append(Repair(RepairKind.WRAPPED_LINE, line.number, _seam(current, text)))
        elif current is None and blocks and _goes_on(blocks[-1], text, broken, evidence, language):
            current = blocks[-1]
            _join(current, stripped, words, out)
            out.repairs.append(Repair(RepairKind.PAGE_BREAK, line.number, _seam(current, text)))
        else:
            current = _Block(line.number)
            blocks.append(current)
            current.add(stripped)
        broken = rule = False
        gap = 0
        last = text
    return blocks, out


def _goes_on(block: _Block, text: str, broken: bool, evidence: Evidence, language: str) -> bool:
    """Whether a piece after a blank line or a page goes on with the paragraph before: only
    on evidence (`_evidence`), and never when it opens a paragraph itself."""
    if _opens(text, language) or starts_vote(block.text):
        return False  # nor is the adoption record continued (a note's line after it)
    if broken:  # a comma may end a page; a sentence's end may not, before a small letter
        return not ended(block.text) or text[:1].islower()
    return evidence.pages and _unfinished(block, language) and text[:1].islower()


def _unfinished(block: _Block, language: str) -> bool:
    """A paragraph opened (by a number or a lead) that ends with no closing sign at all: it
    was cut, whatever the layout ("…enhancement of international" / "cooperation and…").
    The adoption record is no such paragraph ("…by 10 votes to none. 8": a note's mark)."""
    text = block.text
    lead = find_lead(text, part="preamble", language=language) or find_lead(
        text, part="operative", language=language
    )
    return not closed(text) and bool(lead or _NUMBER.match(text))


def _opens_after(block: _Block, text: str, language: str) -> bool:
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
    return SourceLine(
        line.number,
        line.text.strip(),
        [(a - shift, b - shift) for a, b in line.italic],
        notes=[NoteRef(max(n.offset - shift, 0), n.mark) for n in line.notes],
    )


def _join(block: _Block, line: SourceLine, words: frozenset[str], out: _Reading) -> None:
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


def _seam(block: _Block, text: str) -> str:
    """Where two pieces were joined, for the source map: "…end of one | start of next…"."""
    head = block.text[: len(block.text) - len(text)].rstrip()
    return f"…{head[-30:]} | {text[:30]}…"


def _lead(block: _Block, part: Part, language: str) -> str:
    """The italic opening if the source kept italics, else the longest lexicon phrase."""
    if block.italic and block.italic[0][0] == 0:
        return block.text[: block.italic[0][1]].rstrip()
    if part in (Part.PREAMBLE, Part.OPERATIVE):
        return find_lead(block.text, part=part.value, language=language)
    return ""


def parse_text(text: str, *, source: str, language: str = "en") -> Resolution:
    """Parse a resolution given as plain or Markdown-like text."""
    lines, noise, repairs = logical_lines(text)
    markdown = source.lower().endswith((".md", ".markdown"))
    return parse_lines(
        lines,
        noise,
        source=source,
        language=language,
        evidence=read_evidence(lines, markdown=True) if markdown else None,
        repairs=repairs,
    )


def parse_lines(
    lines: list[SourceLine],
    noise: list[Noise],
    *,
    source: str,
    language: str = "en",
    evidence: Evidence | None = AS_GIVEN,
    repairs: list[Repair] | None = None,
) -> Resolution:
    """The structure pass over logical lines, whatever form they were read from.

    A Word or PDF reader produces the same `SourceLine`s (text, italic spans, footnote
    references, footnote definitions, page rules) and gets the same resolution structure.
    `evidence` says on what grounds two lines may be joined into one paragraph
    (`_evidence`): by default none (`AS_GIVEN`: a reader's paragraphs stay as they are);
    None reads it from the lines, as for a text. `repairs` are the reader's own.
    """
    formula_at = next(
        (i for i, ln in enumerate(lines) if is_formula(ln.text.strip(), language)), None
    )
    warnings: list[str] = []
    body = lines if formula_at is None else lines[formula_at + 1 :]
    evidence = read_evidence(body) if evidence is None else evidence
    repairs = list(repairs or [])
    if formula_at is None:
        blocks, _ = _blocks(lines, evidence, language)
        numbered = sum(1 for b in blocks if _NUMBER.match(b.text))
        leads = sum(1 for b in blocks if find_lead(b.text, part="preamble", language=language))
        if not (numbered and leads):
            return _plain(
                lines, noise, source=source, language=language, evidence=evidence, repairs=repairs
            )
        head_lines: list[SourceLine] = []
        body_lines = lines
        formula = ""
        warnings.append('no enacting formula (e.g. "The General Assembly,") found')
    else:
        head_lines = [ln for ln in lines[:formula_at] if not ln.blank and not ln.rule]
        body_lines = lines[formula_at + 1 :]
        formula = lines[formula_at].text.strip()
    header, header_warnings = read_header(_header_texts(head_lines, language))
    warnings += header_warnings
    blocks, reading = _blocks(body_lines, evidence, language)
    footnotes = reading.footnotes
    markup: list[Noise] = list(reading.noise)
    paragraphs, vote_texts, more = _paragraphs(blocks, language, markup)
    warnings += more
    vote = None
    if vote_texts:
        vote, vote_warnings = read_vote(vote_texts)
        warnings += vote_warnings
    _check_notes(paragraphs, footnotes, warnings)
    return Resolution(
        source=source,
        header=header,
        formula=formula,
        paragraphs=tuple(paragraphs),
        footnotes=tuple(footnotes),
        vote=vote,
        language=language,
        structured=True,
        warnings=tuple(warnings),
        noise=tuple(noise + markup),
        repairs=tuple(_in_order(repairs + reading.repairs)),
    )


def _header_texts(lines: list[SourceLine], language: str) -> list[str]:
    """The header's lines, a line that goes on with the one before joined to it ("Resolution
    adopted by the General Assembly" / "on 12 July 2021"): a small letter after a line not
    ending as a sentence does (a title's line may end with a comma), never before a lead
    (the Russian Declaration's preamble stands before its enacting formula, each paragraph
    after the first opening "принимая во внимание")."""
    texts: list[str] = []
    for ln in lines:
        t = ln.text.strip()
        if texts and t[:1].islower() and not ended(texts[-1]) and not _opens(t, language):
            texts[-1] += " " + t
        else:
            texts.append(t)
    return texts


def _paragraphs(
    blocks: list[_Block], language: str, markup: list[Noise]
) -> tuple[list[Paragraph], list[str], list[str]]:
    paragraphs: list[Paragraph] = []
    vote: list[str] = []
    warnings: list[str] = []
    part = Part.PREAMBLE
    count = {p: 0 for p in Part}
    bracket = False
    for block in blocks:
        text = block.text
        if (
            part is not Part.ANNEX
            and not _ANNEX_HEAD.match(text)
            and (bracket or starts_vote(text) or (vote and _vote_line(text)))
        ):
            if not vote and part is Part.PREAMBLE:
                warnings.append(
                    f"line {block.line}: adoption record before any operative paragraph"
                )
            vote.append(text)
            if text.lstrip().startswith("["):
                bracket = True
            if text.rstrip().endswith("]"):
                bracket = False
            continue
        if vote or part is Part.ANNEX:
            part = Part.ANNEX
            count[part] += 1
            paragraphs.append(
                Paragraph(Part.ANNEX, count[part], text, notes=tuple(block.notes), line=block.line)
            )
            continue
        sub = _SUBPARA.match(text)
        if sub and paragraphs:
            markup.append(Noise(block.line, "()", "markup"))  # the label itself is kept
            rest = block.cut(sub.end())
            parent = paragraphs[-1]
            paragraphs[-1] = _with_sub(
                parent, SubParagraph(sub.group("label"), rest.text, tuple(rest.notes))
            )
            continue
        num = _NUMBER.match(text)
        if num:
            part = Part.OPERATIVE
            sign = num.group(0).replace(num.group("num"), "", 1)  # list dash, "." or " -"
            markup.append(Noise(block.line, sign.strip(), "markup"))
            block = block.cut(num.end())
        count[part] += 1
        lead = _lead(block, part, language)
        if not lead and part in (Part.PREAMBLE, Part.OPERATIVE):
            warnings.append(
                f"line {block.line}: no lead recognised in "
                f"{part.prefix}{count[part]} ({block.text[:40]!r}…)"
            )
        paragraphs.append(
            Paragraph(
                part,
                count[part],
                block.text,
                lead=lead,
                number=re.sub(r"\s+", " ", num.group("num")) if num else "",
                notes=tuple(block.notes),
                line=block.line,
                italic=_italic(block),
            )
        )
    return _formatted(paragraphs), vote, warnings


def _vote_line(text: str) -> bool:
    t = text.strip()
    return bool(starts_vote(t) or is_date_line(t) or t.rstrip(":").lower() in _LIST_WORDS)


def _with_sub(p: Paragraph, sub: SubParagraph) -> Paragraph:
    return Paragraph(
        p.part,
        p.index,
        p.text,
        p.lead,
        p.number,
        (*p.subparagraphs, sub),
        p.notes,
        p.line,
        p.italic,
    )


def _italic(block: _Block) -> tuple[tuple[int, int], ...]:
    """The block's italic spans, merged and within its text."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(block.italic):
        a, b = max(a, 0), min(b, len(block.text))
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def _formatted(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Keep the source's italics only where the source sets the leads in italics.

    A Word file or an adopted PDF sets (nearly) every lead in italics, so a lead without them
    is a formatting change worth showing; a text extraction that kept italics on a few
    paragraphs (HRC 46/13's) says nothing about the others, which then get the convention.
    """
    parts = [p for p in paragraphs if p.part in (Part.PREAMBLE, Part.OPERATIVE)]
    italic_leads = sum(1 for p in parts if p.italic and p.italic[0][0] == 0)
    if parts and 2 * italic_leads >= len(parts):
        return paragraphs
    return [dataclasses.replace(p, italic=None) for p in paragraphs]


def _check_notes(
    paragraphs: list[Paragraph], footnotes: list[Footnote], warnings: list[str]
) -> None:
    defined = {f.mark for f in footnotes}
    used = {n.mark for p in paragraphs for n in p.notes} | {
        n.mark for p in paragraphs for s in p.subparagraphs for n in s.notes
    }
    for mark in sorted(used - defined):
        warnings.append(f"footnote {mark} is referred to but its text is missing")
    for mark in sorted(defined - used):
        warnings.append(f"footnote {mark} is never referred to")


def _in_order(repairs: list[Repair]) -> list[Repair]:
    return sorted(repairs, key=lambda r: r.line)


def _plain(
    lines: list[SourceLine],
    noise: list[Noise],
    *,
    source: str,
    language: str,
    evidence: Evidence,
    repairs: list[Repair],
) -> Resolution:
    """A text with no resolution structure: compared paragraph by paragraph, with a warning."""
    blocks, reading = _blocks(lines, evidence, language)
    footnotes = reading.footnotes
    paragraphs = tuple(
        Paragraph(Part.PLAIN, i, b.text, notes=tuple(b.notes), line=b.line)
        for i, b in enumerate(blocks, 1)
    )
    return Resolution(
        source=source,
        paragraphs=paragraphs,
        footnotes=tuple(footnotes),
        language=language,
        structured=False,
        warnings=(f"{source}: no resolution structure recognised; compared as plain paragraphs",),
        noise=tuple(noise + reading.noise),
        repairs=tuple(_in_order(repairs + reading.repairs)),
    )
