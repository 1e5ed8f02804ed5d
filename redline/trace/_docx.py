"""A trace in Word: the draft with each paragraph's closest precedent as a Word comment, and,
on request, tracked changes from each paragraph's precedent to the draft.

The commented draft is the draft written by `write_docx` against itself (no tracked
changes: onto the drafter's own file when the draft is a .docx, else the clean document
redline writes for a text), commented by the Word edge's one writer of a commented document
(the history's too). The precedent redline is `compare()` from a resolution made of each
paragraph's closest precedent, in the draft's order, to the draft: Reject All gives the
precedents, Accept All the draft.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from .._api import compare, parse
from ..errors import OptionError, RedlineError
from ..model import Paragraph, Part, Resolution, SubParagraph
from ..word.write._comments import write_commented
from ._model import CorpusParagraph, Trace
from ._report import trace_comment


def _held(cp: CorpusParagraph, read: dict[str, Resolution | None]) -> Paragraph:
    """The precedent's own paragraph, read again from its corpus file (its sub-paragraphs
    and italics as that file has them); built from the trace's text when the file is gone
    or no longer holds those words."""
    path = cp.resolution.path
    if path not in read:
        try:
            read[path] = parse(Path(path))
        except (RedlineError, OSError):
            read[path] = None
    res = read[path]
    found = None if res is None else next((p for p in res.paragraphs if p.label == cp.label), None)
    if found is not None and found.full_text == cp.text:
        return found
    first, *rest = cp.text.split("\n")
    subs = tuple(SubParagraph(*line.partition(" ")[::2]) for line in rest)
    return Paragraph(cp.part, 1, first, lead=cp.lead, number=cp.number, subparagraphs=subs)


def precedent_side(trace: Trace, draft: Resolution) -> Resolution:
    """The draft as its precedents say it: each paragraph with a precedent replaced by its
    closest precedent's words (in the draft's part, numbered in order; notes left out: they
    are the precedent's own), each paragraph of new language left out. Header, formula and
    vote are the draft's."""
    read: dict[str, Resolution | None] = {}
    counted: dict[Part, int] = {}
    paragraphs = []
    for p, t in zip(draft.paragraphs, trace.paragraphs, strict=True):
        if not t.precedents:
            continue
        held = _held(t.precedents[0].paragraph, read)
        k = counted[p.part] = counted.get(p.part, 0) + 1
        number = str(k) if p.part is Part.OPERATIVE and p.number else ""
        subs = tuple(replace(s, notes=()) for s in held.subparagraphs)
        paragraphs.append(
            replace(held, part=p.part, index=k, number=number, subparagraphs=subs, notes=())
        )
    return replace(
        draft, paragraphs=tuple(paragraphs), footnotes=(), document=None, warnings=(), repairs=()
    )


def write_trace_docx(
    trace: Trace,
    target: str | os.PathLike[str],
    *,
    against_precedent: bool = False,
    author: str = "redline",
    date: str | None = None,
) -> Path:
    """Write the draft of `trace` to `target` (.docx), each paragraph commented with where it
    comes from ("agreed language: A/RES/79/166, OP3 — 100 %; since A/RES/70/1 (2015)", "new
    language", "standard formula (found in 134 resolutions of 26 series)").

    Written onto the draft's own file when it is a .docx (the file comes back with comments
    only), else as the clean document redline writes for a text. `against_precedent=True`
    also tracks the changes from each paragraph's closest precedent to the draft: Reject All
    gives each paragraph's precedent (a paragraph of new language is an insertion, so Reject
    All leaves it out), Accept All the draft. Dated from the draft's date unless given.

    >>> from pathlib import Path
    >>> from redline import trace
    >>> t = trace(Path("examples/hrc-47-9.md"), [Path("examples/hrc-46-13.txt")])
    >>> write_trace_docx(t, "47-9-traced.docx", against_precedent=True)  # doctest: +SKIP
    PosixPath('47-9-traced.docx')
    """
    if not isinstance(against_precedent, bool):
        raise OptionError("against_precedent", "against_precedent must be True or False")
    draft = trace.resolution
    if draft is None:
        raise OptionError("trace", "the trace holds no parsed draft to write")
    stamp = date or f"{trace.draft.date or '2000-01-01'}T00:00:00Z"
    comments: list[str | None] = [trace_comment(t) for t in trace.paragraphs]
    old = precedent_side(trace, draft) if against_precedent else draft
    # A draft read from a .docx is compared as its file (the precedents then stand in as a
    # Word file in its styles, so the redline is written onto the draft's own document).
    own = draft.source if draft.document is not None and Path(draft.source).is_file() else None
    new: Resolution | Path = Path(own) if own and against_precedent else draft
    comparison = compare(old, new, threshold=trace.threshold)
    return write_commented(comparison, comments, target, author=author, date=stamp)
