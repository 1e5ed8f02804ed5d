"""A History as plain data: the JSON report (version 1), CSV rows and Markdown.

Rendering lives here, not on the values. Versions are numbered from 1 (v1 the oldest) in
every rendering. A word diff is a list of [op, text] pairs, op "=", "+" (in the later
version only) or "-" (in the earlier only), "¶" a paragraph mark: the trace report's
convention.
"""

from __future__ import annotations

import re
from typing import Any

from ..diff import Edit, Op
from ..trace._model import CorpusResolution
from ._model import History, HistoryEvent, ParagraphHistory, Stage

VERSION = 1
"""The JSON schema's version: fields are only added under it, never renamed or dropped."""
_OPS = {Op.EQUAL: "=", Op.INSERT: "+", Op.DELETE: "-"}
CSV_FIELDS = (
    "paragraph",
    "version",
    "symbol",
    "date",
    "events",
    "label",
    "number",
    "part",
    "similarity",
    "with",
    "removed",
    "added",
    "text",
)
_KEEP_WORDS = 6
"""Markdown shows this many kept words on each side of a change, the rest as "…"."""


def _version(k: int, r: CorpusResolution) -> dict[str, Any]:
    return {
        "version": k + 1,
        "symbol": r.symbol,
        "date": r.date,
        "series": r.series,
        "path": r.path,
        "from": {"symbol": r.symbol_from, "date": r.date_from, "series": r.series_from},
    }


def _diff(edits: tuple[Edit, ...]) -> list[list[str]]:
    return [[_OPS[e.op], "¶" if e.mark else e.text] for e in edits]


def _stage(s: Stage, versions: tuple[CorpusResolution, ...]) -> dict[str, Any]:
    return {
        "version": s.version + 1,
        "symbol": versions[s.version].symbol,
        "events": [e.value for e in s.events],
        "label": s.label or None,
        "number": s.number or None,
        "part": None if s.part is None else s.part.value,
        "similarity": None if s.similarity is None else round(s.similarity, 4),
        "with": list(s.with_),
        "diff": _diff(s.edits),
        "text": s.text if s.present else None,
    }


def _labels(h: ParagraphHistory, n: int) -> list[str | None]:
    """The paragraph's label in each version (None where it does not stand)."""
    here = {s.version: s.label for s in h.stages if s.present}
    return [here.get(k) for k in range(n)]


def history_report(history: History) -> dict[str, Any]:
    """The history as JSON-ready data (insertion order fixed: byte-identical output)."""
    n = len(history.versions)
    counts = {e.value: 0 for e in HistoryEvent}
    for h in history.paragraphs:
        for s in h.stages:
            for e in s.events:
                counts[e.value] += 1
    return {
        "version": VERSION,
        "threshold": history.threshold,
        "versions": [_version(k, r) for k, r in enumerate(history.versions)],
        "summary": {"paragraphs": len(history.paragraphs), "events": counts},
        "paragraphs": [
            {
                "paragraph": k + 1,
                "appeared": h.appeared + 1,
                "ended": None if h.ended is None else h.ended + 1,
                "labels": _labels(h, n),
                "stages": [_stage(s, history.versions) for s in h.stages],
            }
            for k, h in enumerate(history.paragraphs)
        ],
    }


def _words(edits: tuple[Edit, ...], op: Op) -> str:
    return " … ".join(" ".join(e.text.split()) for e in edits if e.op is op and e.text.strip())


def history_rows(history: History) -> list[dict[str, str]]:
    """One CSV row per paragraph per version where it stands or ends (columns CSV_FIELDS)."""
    rows = []
    for k, h in enumerate(history.paragraphs):
        for s in h.stages:
            r = history.versions[s.version]
            rows.append(
                {
                    "paragraph": str(k + 1),
                    "version": str(s.version + 1),
                    "symbol": r.symbol,
                    "date": r.date or "",
                    "events": "; ".join(e.value for e in s.events),
                    "label": s.label,
                    "number": s.number,
                    "part": "" if s.part is None else s.part.value,
                    "similarity": "" if s.similarity is None else f"{s.similarity:.4f}",
                    "with": " ".join(s.with_),
                    "removed": _words(s.edits, Op.DELETE),
                    "added": _words(s.edits, Op.INSERT),
                    "text": s.text if s.present else "",
                }
            )
    return rows


_CELL = re.compile(r"[|\\*~_`<>\[\]]")


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: one line, its markup characters escaped."""
    return _CELL.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))


def _inline(edits: tuple[Edit, ...]) -> str:
    """A word diff in one cell: removed ~~struck~~, added **bold**, long kept runs cut."""
    out = []
    for k, e in enumerate(edits):
        if e.mark:
            out.append(" ¶ ")
            continue
        text = _cell(e.text)
        if e.op is Op.DELETE and text.strip():
            out.append(f"~~{text.strip()}~~ ")
        elif e.op is Op.INSERT and text.strip():
            out.append(f"**{text.strip()}** ")
        elif e.op is Op.EQUAL:
            words = text.split()
            head = words[:_KEEP_WORDS] if k else []
            tail = words[-_KEEP_WORDS:] if k < len(edits) - 1 else []
            if len(words) > len(head) + len(tail):
                middle = ["…"]
            else:
                head, tail, middle = words, [], []
            out.append(" ".join(head + middle + tail) + " ")
    return "".join(out).strip()


def _what(s: Stage) -> str:
    said = ", ".join(e.value for e in s.events)
    if s.with_:
        said += f" ({' + '.join(s.with_)})"
    return said


def _title(h: ParagraphHistory, k: int, history: History) -> str:
    first = h.stages[0]
    v0 = history.versions[first.version]
    where = f"{first.label} of v{first.version + 1} {v0.symbol}"
    if h.ended is not None:
        return f"{k + 1}. {where}, until v{h.ended + 1}"
    last = h.last
    return f"{k + 1}. {where}, now {last.label} of v{last.version + 1}"


def history_markdown(history: History) -> str:
    """The history as Markdown a negotiator reads: the versions, then one table per
    paragraph (version, label, what happened, the words changed)."""
    first = history.versions[0]
    lines = [f"# History of {_cell(first.series or first.symbol)}", ""]
    lines += ["| Version | Symbol | Date |", "|---|---|---|"]
    lines += [
        f"| v{k + 1} | {_cell(r.symbol)} | {r.date or 'undated'} |"
        for k, r in enumerate(history.versions)
    ]
    for k, h in enumerate(history.paragraphs):
        lines += ["", f"## {_cell(_title(h, k, history))}", ""]
        lines += [f"> {_cell(h.last.text)}", ""]
        lines += ["| Version | Label | What happened | Words changed |", "|---|---|---|---|"]
        for s in h.stages:
            version = f"v{s.version + 1} {_cell(history.versions[s.version].symbol)}"
            lines.append(f"| {version} | {s.label or '—'} | {_what(s)} | {_inline(s.edits)} |")
    return "\n".join(lines) + "\n"


_SHOWN_WORDS = 12
"""A comment shows at most this many removed and added words per version."""


def _few(words: str) -> str:
    cut = words.split()
    return " ".join(cut[:_SHOWN_WORDS]) + (" …" if len(cut) > _SHOWN_WORDS else "")


def history_comment(history: History, life: ParagraphHistory) -> str:
    """A paragraph's history as a Word comment: one line per version where it stood or
    ended, with its label there, what happened, and the words removed and added."""
    n = len(history.versions)
    lines = [f"History of {life.last.label} ({n} version{'s' * (n != 1)}):"]
    for s in life.stages:
        r = history.versions[s.version]
        line = f"v{s.version + 1} {r.symbol} ({r.date or 'undated'}) {s.label or '—'}: {_what(s)}"
        removed, added = _words(s.edits, Op.DELETE), _words(s.edits, Op.INSERT)
        if removed:
            line += f"; removed: {_few(removed)}"
        if added:
            line += f"; added: {_few(added)}"
        lines.append(line)
    return "\n".join(lines)
