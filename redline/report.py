"""The match report: a JSON-ready dict, version 1, the format later tools build on."""

from __future__ import annotations

from typing import Any

from .comparison import Comparison
from .diff import diff_words
from .model import Resolution

__all__ = ["REPORT_VERSION", "report"]

REPORT_VERSION = 1


def _side(r: Resolution) -> dict[str, Any]:
    out: dict[str, Any] = {"source": r.source, **r.header.fields()}
    out["symbol_inferred"] = r.header.symbol_inferred
    out["language"] = r.language
    out["structured"] = r.structured
    out["preamble"] = len(r.preamble)
    out["operative"] = len(r.operative)
    out["annex"] = len(r.annex)
    out["paragraphs"] = len(r.paragraphs)
    return out


def _vote(c: Comparison) -> dict[str, Any]:
    o, n = c.old.vote, c.new.vote
    if o is None and n is None:
        return {}
    out: dict[str, Any] = {}
    for name in ("meeting", "date", "yes", "no", "abstentions"):
        a, b = getattr(o, name, None), getattr(n, name, None)
        out[name] = {"old": a, "new": b, "changed": a != b}
    for name in ("in_favour", "against", "abstaining"):
        a, b = set(getattr(o, name, ())), set(getattr(n, name, ()))
        out[name] = {"added": sorted(b - a), "removed": sorted(a - b)}
    return out


def _footnotes(c: Comparison) -> list[dict[str, Any]]:
    olds = {f.text: f.mark for f in c.old.footnotes}
    news = {f.text: f.mark for f in c.new.footnotes}
    out: list[dict[str, Any]] = []
    for f in c.new.footnotes:
        if f.text in olds:
            continue
        old = c.old.footnote(f.mark)
        if old is not None and old.text not in news:
            changed = sum(len(e.text) for e in diff_words(old.text, f.text) if e.op.value)
            out.append(
                {
                    "kind": "modified",
                    "old": old.mark,
                    "new": f.mark,
                    "old_text": old.text,
                    "new_text": f.text,
                    "changed_characters": changed,
                }
            )
        else:
            out.append({"kind": "added", "old": None, "new": f.mark, "new_text": f.text})
    for f in c.old.footnotes:
        same_mark = c.new.footnote(f.mark)
        if f.text not in news and (same_mark is None or same_mark.text in olds):
            out.append({"kind": "deleted", "old": f.mark, "new": None, "old_text": f.text})
    return out


def report(c: Comparison) -> dict[str, Any]:
    """The comparison as plain data: sides, matches, header, vote, footnotes, warnings."""
    old, new = c.old.paragraphs, c.new.paragraphs
    header = {
        name: {"old": value, "new": c.new.header.fields()[name]}
        for name, value in c.old.header.fields().items()
        if value != c.new.header.fields()[name]
    }
    return {
        "version": REPORT_VERSION,
        "old": _side(c.old),
        "new": _side(c.new),
        "summary": c.summary(),
        "matches": [
            {
                "kind": m.kind.value,
                "moved": m.moved,
                "part_changed": m.part_changed,
                "renumbered": m.renumbered,
                "old": [old[i].label for i in m.old],
                "new": [new[j].label for j in m.new],
                "old_number": [old[i].number for i in m.old if old[i].number],
                "new_number": [new[j].number for j in m.new if new[j].number],
                "similarity": m.similarity,
                "lead_italics_changed": c.lead_restyled[k],
            }
            for k, m in enumerate(c.matches)
        ],
        "header": header,
        "vote": _vote(c),
        "footnotes": _footnotes(c),
        "warnings": list(c.warnings),
    }
