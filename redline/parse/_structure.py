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

from ..model import Footnote, Noise, NoteRef, Paragraph, Part, Resolution, SubParagraph
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
_ANNEX_HEAD = re.compile(rf"^{any_of(_EN['annex'])}(?:\s+[IVX\d]+)?\s*$")
_LIST_WORDS = {
    w.rstrip(":").lower()
    for key in ("in favour", "against", "abstaining")
    for w in HEADER_WORDS["en"][key]
}
_TERMINAL = (",", ";", ".", ":", "]", "”", '"', ")", "،", "؛", "，", "；", "。", "：", "»")


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
    return bool(_NUMBER.match(text) or _SUBPARA.match(text))


def _blocks(lines: list[SourceLine]) -> tuple[list[_Block], list[Footnote]]:
    """Group body lines into paragraph blocks; footnote definitions go aside."""
    blocks: list[_Block] = []
    footnotes: list[Footnote] = []
    current: _Block | None = None
    note: list[str] | None = None
    for line in lines:
        if line.blank or line.rule:
            current = None
            note = None
            continue
        if line.footnote is not None:
            note = [line.text.strip()]
            footnotes.append(Footnote(line.footnote, note[0]))
            current = None
            continue
        if note is not None:  # a footnote continued on the next line
            note.append(line.text.strip())
            footnotes[-1] = Footnote(footnotes[-1].mark, " ".join(note))
            continue
        text = line.text.strip()
        lead_after_end = (
            current is not None
            and current.text.rstrip().endswith((",", ";"))
            and (find_lead(text, part="preamble") or find_lead(text, part="operative"))
        )
        if current is None or _starts_paragraph(text) or lead_after_end or starts_vote(text):
            current = _Block(line.number)
            blocks.append(current)
        shift = len(line.text) - len(line.text.lstrip())
        stripped = SourceLine(
            line.number,
            line.text.strip(),
            [(a - shift, b - shift) for a, b in line.italic],
            notes=[NoteRef(max(n.offset - shift, 0), n.mark) for n in line.notes],
        )
        current.add(stripped)
    return _rejoin(blocks), footnotes


def _rejoin(blocks: list[_Block]) -> list[_Block]:
    """Rejoin paragraphs cut by a page break: no closing sign, and the next starts lowercase."""
    out: list[_Block] = []
    for b in blocks:
        if out and not out[-1].text.rstrip().endswith(_TERMINAL) and b.text[:1].islower():
            prev = out[-1]
            prev.add(SourceLine(b.line, b.text, list(b.italic), notes=list(b.notes)))
        else:
            out.append(b)
    return out


def _lead(block: _Block, part: Part, language: str) -> str:
    """The italic opening if the source kept italics, else the longest lexicon phrase."""
    if block.italic and block.italic[0][0] == 0:
        return block.text[: block.italic[0][1]].rstrip()
    if part in (Part.PREAMBLE, Part.OPERATIVE):
        return find_lead(block.text, part=part.value, language=language)
    return ""


def parse_text(text: str, *, source: str, language: str = "en") -> Resolution:
    """Parse a resolution given as plain or Markdown-like text."""
    lines, noise = logical_lines(text)
    return parse_lines(lines, noise, source=source, language=language)


def parse_lines(
    lines: list[SourceLine], noise: list[Noise], *, source: str, language: str = "en"
) -> Resolution:
    """The structure pass over logical lines, whatever form they were read from.

    A Word or PDF reader produces the same `SourceLine`s (text, italic spans, footnote
    references, footnote definitions, page rules) and gets the same resolution structure.
    """
    formula_at = next(
        (i for i, ln in enumerate(lines) if is_formula(ln.text.strip(), language)), None
    )
    warnings: list[str] = []
    if formula_at is None:
        blocks, _ = _blocks(lines)
        numbered = sum(1 for b in blocks if _NUMBER.match(b.text))
        leads = sum(1 for b in blocks if find_lead(b.text, part="preamble", language=language))
        if not (numbered and leads):
            return _plain(lines, noise, source=source, language=language)
        head_lines: list[SourceLine] = []
        body_lines = lines
        formula = ""
        warnings.append('no enacting formula (e.g. "The General Assembly,") found')
    else:
        head_lines = [ln for ln in lines[:formula_at] if not ln.blank and not ln.rule]
        body_lines = lines[formula_at + 1 :]
        formula = lines[formula_at].text.strip()
    header, header_warnings = read_header(_header_texts(head_lines))
    warnings += header_warnings
    blocks, footnotes = _blocks(body_lines)
    markup: list[Noise] = []
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
    )


def _header_texts(lines: list[SourceLine]) -> list[str]:
    texts: list[str] = []
    for ln in lines:
        t = ln.text.strip()
        if texts and t[:1].islower():  # "on 12 July 2021" continues the line before
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


def _plain(
    lines: list[SourceLine], noise: list[Noise], *, source: str, language: str
) -> Resolution:
    """A text with no resolution structure: compared paragraph by paragraph, with a warning."""
    blocks, footnotes = _blocks(lines)
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
        noise=tuple(noise),
    )
