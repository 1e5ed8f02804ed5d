"""Resolutions from the shared corpus's `structured/` JSON, built without redline's parser.

The hand-checked gold alignments (`support.evaluation.gold`) name paragraphs of these
files. Reading them with `redline.parse` would make the gold's paragraph numbering depend
on the parser under test; the structured files already say which element is preambular,
operative or a sub-paragraph, so the Resolution is built from that split directly. Only the
lead phrase comes from redline (`find_lead`), since the files give one word ("concerned"),
not the whole lead ("Deeply concerned").

Quirks of the files (corpus README) handled here: the enacting formula is labelled
preambular, so it is taken out of the paragraphs into `Resolution.formula`; sub-paragraphs
(a), (b)… are elements of their own, so they are attached to the paragraph before them;
the ten files of the other layout (lead under `mandates`) need nothing else, since only
`type`, `paragraph_type`, `prefix` and `text` are read.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from redline.model import Header, Paragraph, Part, Resolution, SubParagraph
from redline.parse._header import read_header
from redline.parse._leads import find_lead

__all__ = ["load_structured"]

_FORMULA = re.compile(r"^The [A-Z][A-Za-z ]+ (?:Assembly|Council|Commission),$")
"""The enacting formula, e.g. "The Human Rights Council,": never a paragraph of its own."""
_SUB = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxl]{1,6})\)$")
"""A sub-paragraph's prefix, "(a)" or "(iv)"; the label is kept without its brackets."""
_BREAK = re.compile(r"\s*\n\s*")
_PARTS = {"preambular": Part.PREAMBLE, "operative": Part.OPERATIVE}


def _clean(text: str) -> str:
    """Strip the text and join the hard line breaks a few files keep inside a paragraph."""
    return _BREAK.sub(" ", text.strip())


def _header(path: Path, elements: list[dict[str, Any]]) -> Header:
    """The header from the front matter and title lines, read as the text parser reads them.

    GA files lack the "General Assembly" line the symbol is inferred from, so the file name
    (A_RES_78_203.json names A/RES/78/203) stands in for it; either way it is inferred.
    """
    lines = [_clean(e["text"]) for e in elements if e.get("type") in ("frontmatter", "title")]
    header, _ = read_header([line for line in lines if line])
    if header.symbol is None:
        header = replace(header, symbol=path.stem.replace("_", "/"), symbol_inferred=True)
    return header


def load_structured(path: Path) -> Resolution:
    """Build a Resolution from one `structured/*.json` file (a list of elements).

    Paragraphs are numbered 1, 2… within their part in document order, formula left out;
    an operative paragraph's `number` is its prefix without the final full stop ("3."
    gives "3"). A sub-paragraph element ("(a)") becomes a `SubParagraph` of the paragraph
    before it, so a paragraph and its sub-paragraphs are matched as one, as the aligner
    sees them in a parsed text.
    """
    elements: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    formula = ""
    paragraphs: list[Paragraph] = []
    count = dict.fromkeys(Part, 0)
    for element in elements:
        if element.get("type") != "paragraph":
            continue
        text = _clean(element.get("text") or "")
        prefix = (element.get("prefix") or "").strip()
        part = _PARTS.get(element.get("paragraph_type") or "")
        if not text or part is None:
            continue
        if not paragraphs and not formula and _FORMULA.match(text):
            formula = text
            continue
        sub = _SUB.match(prefix)
        if sub and paragraphs:
            parent = paragraphs[-1]
            subs = (*parent.subparagraphs, SubParagraph(sub.group("label"), text))
            paragraphs[-1] = replace(parent, subparagraphs=subs)
            continue
        count[part] += 1
        number = prefix.removesuffix(".") if part is Part.OPERATIVE else ""
        lead = find_lead(text, part=part.value)
        paragraphs.append(Paragraph(part, count[part], text, lead=lead, number=number))
    return Resolution(
        source=str(path),
        header=_header(path, elements),
        formula=formula,
        paragraphs=tuple(paragraphs),
    )
