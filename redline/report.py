"""The match report: a JSON-ready dict, version 1, the format later tools build on."""

from __future__ import annotations

from typing import Any

from .comparison import Change, Comparison, ElementChange
from .diff import Op
from .model import Kind, RepairKind, Resolution

__all__ = ["REPORT_VERSION", "repair_counts", "repairs_line", "report"]

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
    out["repairs"] = repair_counts(r)
    return out


def repair_counts(r: Resolution) -> dict[str, int]:
    """How many of each repair the parser made reading the input (`RepairKind` values)."""
    return {kind.value: sum(1 for x in r.repairs if x.kind is kind) for kind in RepairKind}


_SAID = {
    RepairKind.PAGE_BREAK: "joined across a page break",
    RepairKind.WRAPPED_LINE: "wrapped lines joined",
    RepairKind.FOOTNOTE_MOVED: "footnotes moved to their marks",
    RepairKind.RUNNING_HEAD: "running heads dropped",
}


def repairs_line(c: Comparison) -> str:
    """The repairs made reading each side, in one line ("" when none): what a drafter checks
    before trusting "unchanged" between a PDF's text and a clean one."""
    sides = []
    for name, r in (("old", c.old), ("new", c.new)):
        counts = repair_counts(r)
        said = [f"{counts[k.value]} {_SAID[k]}" for k in RepairKind if counts[k.value]]
        if said:
            sides.append(f"{name}: " + ", ".join(said))
    return "repaired " + "; ".join(sides) if sides else ""


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
    out: list[dict[str, Any]] = []
    for n in c.note_changes:
        entry: dict[str, Any] = {"kind": n.kind.value, "old": n.old, "new": n.new}
        if n.old is not None:
            entry["old_text"] = "".join(e.text for e in n.edits if e.op is not Op.INSERT)
        if n.new is not None:
            entry["new_text"] = "".join(e.text for e in n.edits if e.op is not Op.DELETE)
        if n.kind is Kind.MODIFIED:
            entry["changed_characters"] = sum(len(e.text) for e in n.edits if e.op is not Op.EQUAL)
        out.append(entry)
    return out


def report(c: Comparison) -> dict[str, Any]:
    """The comparison as plain data: sides (with the repairs made reading each), matches,
    header, vote, footnotes, warnings."""
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
        "repaired": repairs_line(c),
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
        "elements": _elements(c),
        "warnings": list(c.warnings),
    }


def _elements(c: Comparison) -> list[dict[str, Any]]:
    """What changed in two Word files' own tables and elements (`Comparison.elements`), in
    reading order; empty unless both inputs were Word files. A table's cells are given by
    their numbers only: the words are the redline's."""
    if c.elements is None:
        return []
    out: list[dict[str, Any]] = []
    for item in c.elements.items:
        if isinstance(item, ElementChange):
            out.append({"kind": item.kind, "change": item.change, "where": item.where})
            continue
        rows = [
            {"change": r.change.value, "old": r.old, "new": r.new, "edited_cells": list(r.edited)}
            for r in item.rows
            if r.change is not Change.KEPT
        ]
        out.append(
            {
                "kind": "table",
                "change": item.change.value,
                "old": item.old,
                "new": item.new,
                "rows": rows,
            }
        )
    return out
