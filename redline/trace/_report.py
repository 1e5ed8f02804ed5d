"""A Trace as plain data: the JSON report (version 1), one CSV row per paragraph, and the
text of each paragraph's Word comment.

Rendering lives here, not on the values (a Trace knows nothing of JSON or CSV). Each
precedent's word diff is a list of [op, text] pairs, op "=", "+" (in the draft only) or "-"
(in the precedent only), the match report's convention.
"""

from __future__ import annotations

from typing import Any

from ..diff import Op
from ._model import CorpusResolution, ParagraphTrace, Precedent, Standing, Trace

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


_SAID = {
    Standing.AGREED: "agreed language",
    Standing.NEAR: "near agreed language",
    Standing.PRECEDENT: "closest precedent",
}


def _percent(similarity: float) -> str:
    """A similarity as a reader reads it, 96 %: the sign kept on the number's line (a
    no-break space)."""
    return f"{similarity * 100:.0f}\u00a0%"


def trace_comment(t: ParagraphTrace) -> str:
    """A paragraph's trace as its Word comment: "new language", "standard formula (found in
    N resolutions of M series)", or its closest precedent, how close, and since when
    ("agreed language: A/RES/79/166, OP3 — 100 %; since A/RES/70/1 (2015)"); then a line
    naming the other precedents, if any."""
    if t.standing is Standing.FORMULA:
        return f"standard formula (found in {t.resolutions} resolutions of {t.series} series)"
    if not t.precedents:
        return Standing.NEW.value
    best = t.precedents[0]
    line = f"{_SAID[t.standing]}: {best.symbol}, {best.paragraph.label} — "
    line += _percent(best.similarity)
    if t.earliest is not None:
        year = t.earliest.date[:4] if t.earliest.date else "undated"
        line += f"; since {t.earliest.symbol} ({year}{', near' if t.earliest.near else ''})"
    others = [
        f"{p.symbol}, {p.paragraph.label} ({_percent(p.similarity)})" for p in t.precedents[1:]
    ]
    return "\n".join([line, *(["also: " + "; ".join(others)] if others else [])])
