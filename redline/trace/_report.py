"""A Trace as plain data: the JSON report (version 1) and one CSV row per paragraph.

Rendering lives here, not on the values (a Trace knows nothing of JSON or CSV). Each
precedent's word diff is a list of [op, text] pairs, op "=", "+" (in the draft only) or "-"
(in the precedent only), the match report's convention.
"""

from __future__ import annotations

from typing import Any

from ..diff import Op
from ._model import CorpusResolution, ParagraphTrace, Precedent, Trace

VERSION = 1
_OPS = {Op.EQUAL: "=", Op.INSERT: "+", Op.DELETE: "-"}
CSV_FIELDS = (
    "label",
    "number",
    "standing",
    "resolutions",
    "series",
    "precedent",
    "precedent_label",
    "precedent_number",
    "precedent_date",
    "similarity",
    "earliest",
    "earliest_date",
    "latest",
    "latest_date",
    "text",
)


def _resolution(r: CorpusResolution) -> dict[str, Any]:
    return {
        "symbol": r.symbol,
        "date": r.date,
        "series": r.series,
        "path": r.path,
        "from": {"symbol": r.symbol_from, "date": r.date_from, "series": r.series_from},
    }


def _precedent(p: Precedent, *, edits: bool) -> dict[str, Any]:
    held = p.paragraph
    data: dict[str, Any] = {
        "symbol": p.symbol,
        "date": p.date,
        "series": held.resolution.series,
        "label": held.label,
        "number": held.number,
        "similarity": round(p.similarity, 4),
        "same": p.same,
    }
    if edits:
        data["diff"] = [[_OPS[e.op], e.text] for e in p.edits]
    return data


def _paragraph(t: ParagraphTrace) -> dict[str, Any]:
    return {
        "label": t.label,
        "number": t.number,
        "standing": t.standing.value,
        "resolutions": t.resolutions,
        "series": t.series,
        "precedents": [_precedent(p, edits=True) for p in t.precedents],
        "earliest": None if t.earliest is None else _precedent(t.earliest, edits=False),
        "latest": None if t.latest is None else _precedent(t.latest, edits=False),
        "text": t.text,
    }


def trace_report(trace: Trace) -> dict[str, Any]:
    """The trace as JSON-ready data (sorted keys not needed: insertion order is fixed)."""
    counts: dict[str, int] = {}
    for t in trace.paragraphs:
        counts[t.standing.value] = counts.get(t.standing.value, 0) + 1
    return {
        "version": VERSION,
        "draft": _resolution(trace.draft),
        "corpus": {
            "resolutions": trace.corpus_resolutions,
            "paragraphs": trace.corpus_paragraphs,
            "skipped": [{"path": p, "why": why} for p, why in trace.skipped],
        },
        "threshold": trace.threshold,
        "before": trace.before,
        "standard_formula": {"resolutions_over": trace.formula[0], "series_over": trace.formula[1]},
        "summary": counts,
        "paragraphs": [_paragraph(t) for t in trace.paragraphs],
    }


def trace_rows(trace: Trace) -> list[dict[str, str]]:
    """One CSV row per paragraph of the draft (columns CSV_FIELDS), its best precedent."""
    rows = []
    for t in trace.paragraphs:
        best = t.precedents[0] if t.precedents else None
        rows.append(
            {
                "label": t.label,
                "number": t.number,
                "standing": t.standing.value,
                "resolutions": str(t.resolutions),
                "series": str(t.series),
                "precedent": best.symbol if best else "",
                "precedent_label": best.paragraph.label if best else "",
                "precedent_number": best.paragraph.number if best else "",
                "precedent_date": (best.date or "") if best else "",
                "similarity": f"{best.similarity:.4f}" if best else "",
                "earliest": t.earliest.symbol if t.earliest else "",
                "earliest_date": (t.earliest.date or "") if t.earliest else "",
                "latest": t.latest.symbol if t.latest else "",
                "latest_date": (t.latest.date or "") if t.latest else "",
                "text": t.text,
            }
        )
    return rows
