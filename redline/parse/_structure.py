"""Logical lines to a Resolution: header, formula, preamble, operative part, annex, vote.

The one structure pass every text form goes through. It relies on what all official
resolutions share: an enacting formula ("The Human Rights Council,") ending the header,
preambular paragraphs opening with a participle, numbered operative paragraphs opening with
a verb, and an adoption record after them.
"""

from __future__ import annotations

import re

from ..model import (
    Footnote,
    Noise,
    Paragraph,
    Part,
    Repair,
    Resolution,
    SubParagraph,
)
from ._blocks import NUMBER, SUBPARA, Block, Reading, group_blocks, opens
from ._evidence import AS_GIVEN, Evidence, ended, read_evidence
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
_COMMAS = (",", "،", "，")  # what an enacting formula ends with
_SPACES = re.compile(r"\s+")
_ANNEX_HEAD = re.compile(rf"^{any_of(_EN['annex'])}(?:\s+[IVX\d]+)?\s*$")
_LIST_WORDS = {
    w.rstrip(":").lower()
    for key in ("in favour", "against", "abstaining")
    for w in HEADER_WORDS["en"][key]
}


def is_formula(text: str, language: str) -> bool:
    """The enacting formula ("The General Assembly,", "L’Assemblée générale,", "大会，")."""
    if _FORMULA.match(text):
        return True
    if len(text) > 80 or not text.endswith(_COMMAS):
        return False
    body = text.rstrip(",،，").strip().replace("’", "'")
    return any(
        body == e.rstrip(",،，").strip().replace("’", "'")
        for e in HEADER_WORDS.get(language, {}).get("enacting", ())
    )


def _formula_at(lines: list[SourceLine], language: str) -> int | None:
    """The index of the first line that is the enacting formula (`is_formula`), if one is.
    A formula ends with a comma, so a line that ends with neither a comma nor a space is
    passed over without a stripped copy of it."""
    for i, line in enumerate(lines):
        text = line.text
        if (text.endswith(_COMMAS) or text[-1:].isspace()) and is_formula(text.strip(), language):
            return i
    return None


def _lead(block: Block, part: Part, language: str) -> str:
    """The italic opening if the source kept italics, else the longest lexicon phrase."""
    if block.italic and block.italic[0][0] == 0:
        return block.text[: block.italic[0][1]].rstrip()
    if part is Part.PREAMBLE:  # (`is`: an enum member's value and hash are Python calls)
        return find_lead(block.text, part="preamble", language=language)
    if part is Part.OPERATIVE:
        return find_lead(block.text, part="operative", language=language)
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
    formula_at = _formula_at(lines, language)
    warnings: list[str] = []
    body = lines if formula_at is None else lines[formula_at + 1 :]
    evidence = read_evidence(body) if evidence is None else evidence
    repairs = list(repairs or [])
    if formula_at is None:
        blocks, reading = group_blocks(lines, evidence, language)  # (the body's blocks too)
        numbered = any(NUMBER.match(b.text) for b in blocks)
        if not (
            numbered and any(find_lead(b.text, part="preamble", language=language) for b in blocks)
        ):
            return _plain(
                blocks,
                reading,
                noise,
                source=source,
                language=language,
                repairs=repairs,
            )
        head_lines: list[SourceLine] = []
        formula = ""
        warnings.append('no enacting formula (e.g. "The General Assembly,") found')
    else:
        head_lines = [ln for ln in lines[:formula_at] if not ln.blank and not ln.rule]
        formula = lines[formula_at].text.strip()
        blocks, reading = group_blocks(body, evidence, language)
    header, header_warnings = read_header(_header_texts(head_lines, language))
    warnings += header_warnings
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
        if texts and t[:1].islower() and not ended(texts[-1]) and not opens(t, language):
            texts[-1] += " " + t
        else:
            texts.append(t)
    return texts


def _paragraphs(
    blocks: list[Block], language: str, markup: list[Noise]
) -> tuple[list[Paragraph], list[str], list[str]]:
    paragraphs: list[Paragraph] = []
    vote: list[str] = []
    warnings: list[str] = []
    part = Part.PREAMBLE
    preambular = operative = annex = 0  # each part's paragraphs so far: its next index - 1
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
            annex += 1
            paragraphs.append(
                Paragraph(part, annex, text, "", "", (), tuple(block.notes), block.line)
            )
            continue
        sub = SUBPARA.match(text)
        if sub and paragraphs:
            markup.append(Noise(block.line, "()", "markup"))  # the label itself is kept
            rest = block.cut(sub.end())
            parent = paragraphs[-1]
            paragraphs[-1] = _with_sub(
                parent, SubParagraph(sub.group("label"), rest.text, tuple(rest.notes))
            )
            continue
        num = NUMBER.match(text)
        if num:
            part = Part.OPERATIVE
            sign = num.group(0).replace(num.group("num"), "", 1)  # list dash, "." or " -"
            markup.append(Noise(block.line, sign.strip(), "markup"))
            block = block.cut(num.end())
        if part is Part.OPERATIVE:  # (here the part is the preamble or the operative part)
            operative += 1
            index = operative
        else:
            preambular += 1
            index = preambular
        lead = _lead(block, part, language)
        if not lead:
            warnings.append(
                f"line {block.line}: no lead recognised in "
                f"{part.prefix}{index} ({block.text[:40]!r}…)"
            )
        paragraphs.append(
            Paragraph(
                part,
                index,
                block.text,
                lead,
                _SPACES.sub(" ", num.group("num")) if num else "",
                (),
                tuple(block.notes),
                block.line,
                (_italic(block) or None) if block.italic else None,  # none yet: `_formatted`
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


def _italic(block: Block) -> tuple[tuple[int, int], ...]:
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

    A preambular or operative paragraph comes here with None for no italic spans, so that
    only the paragraphs the decision changes are built again: when the italics are kept,
    those without spans (they get (), none); when not, those with spans (they get None).
    """
    parts = [p for p in paragraphs if p.part in (Part.PREAMBLE, Part.OPERATIVE)]
    italic_leads = sum(1 for p in parts if p.italic and p.italic[0][0] == 0)
    if parts and 2 * italic_leads >= len(parts):
        return [
            _with_italic(p, ())
            if p.italic is None and p.part in (Part.PREAMBLE, Part.OPERATIVE)
            else p
            for p in paragraphs
        ]
    return [p if p.italic is None else _with_italic(p, None) for p in paragraphs]


def _with_italic(p: Paragraph, italic: tuple[tuple[int, int], ...] | None) -> Paragraph:
    """dataclasses.replace(p, italic=italic), without its look at every field."""
    return Paragraph(
        p.part, p.index, p.text, p.lead, p.number, p.subparagraphs, p.notes, p.line, italic
    )


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
    blocks: list[Block],
    reading: Reading,
    noise: list[Noise],
    *,
    source: str,
    language: str,
    repairs: list[Repair],
) -> Resolution:
    """A text with no resolution structure (its blocks and what the block pass gave beside
    them): compared paragraph by paragraph, with a warning."""
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
