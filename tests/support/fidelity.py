"""Judge a Word redline through LibreOffice: is Accept All the new document, Reject All the old?

Shared by tests/word/test_elements.py and benchmarks/bench_word_fidelity.py. Everything the
judgement expects comes from LibreOffice's reading of the two inputs (the shared oracle's
Accept All view of each, which holds no tracked change), never from redline:

- text: the body, footnotes and endnotes as LibreOffice holds them, white space runs folded;
- numbers: the list labels LibreOffice displays (automatic numbering);
- structure: tables, pictures, embedded objects, shapes and their text, fields, hyperlinks,
  bookmarks (Word's hidden `_GoBack` and the ones LibreOffice makes of a move's ranges aside)
  and line breaks;
- page: what the oracle's view does not print, read from the view as LibreOffice saves it
  again (`--save-dir`): the sections' page sizes, the page headers' and footers' texts and
  the comments' texts and the content controls' texts.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from oracle import oracle_available, run_oracle

__all__ = [
    "differences",
    "first_difference",
    "fold",
    "judge",
    "page_setup",
    "run_oracle_saving",
    "structure",
]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_PARTS = ("body", "footnotes", "endnotes")


def fold(texts: list[str]) -> list[str]:
    """Each string with its white space runs folded to one space, ends trimmed."""
    return [" ".join(t.split()) for t in texts]


def _own_bookmark(name: str) -> bool:
    """A bookmark of the document's, not one Word or LibreOffice makes for itself.

    Word hides `_GoBack` (where the cursor was); LibreOffice 7.4 reads a tracked move's
    ranges (`w:moveFromRangeStart w:name="move1"`) as bookmarks `__RefMoveFrom__move1` and
    `__RefMoveTo__move1` and keeps them after Accept All and Reject All (Word's own
    RP015-MoveFrom-MoveTo.docx in the shared word-samples shows it).
    """
    return name != "_GoBack" and not name.startswith(("__RefMoveFrom__", "__RefMoveTo__"))


def structure(view: dict[str, Any]) -> dict[str, Any]:
    """The oracle view's `structure`, bookmarks less those not the document's own."""
    s = dict(view.get("structure") or {})
    s["bookmarks"] = sorted(b for b in s.get("bookmarks", []) if _own_bookmark(b))
    return s


def first_difference(a: Any, b: Any) -> str:
    """Where two JSON-like values first differ, in a few words."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return f"{k}: {first_difference(a.get(k), b.get(k))}"
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return f"[{i}] {str(x)[:60]!r} ≠ {str(y)[:60]!r}"
        return f"{len(a)} items ≠ {len(b)} items"
    return f"{str(a)[:60]!r} ≠ {str(b)[:60]!r}"


def differences(mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, str]:
    """Compare two oracle views: aspect → first difference, for the aspects that differ.

    Aspects: "body", "footnotes", "endnotes" (folded), "numbers", "structure".
    """
    found: dict[str, str] = {}
    for part in TEXT_PARTS:
        a, b = fold(mine.get(part, [])), fold(theirs.get(part, []))
        if a != b:
            found[part] = first_difference(a, b)
    if mine.get("numbers", []) != theirs.get("numbers", []):
        found["numbers"] = first_difference(mine.get("numbers", []), theirs.get("numbers", []))
    if structure(mine) != structure(theirs):
        found["structure"] = first_difference(structure(mine), structure(theirs))
    return found


def judge(report: dict[str, Any], out: Path, old: Path, new: Path) -> dict[str, Any]:
    """The benchmark's verdict on one redline: text, numbers, structure kept, and why not."""
    got = report.get(str(out), {})
    if not got.get("loaded"):
        return {"text": False, "numbers": False, "structure": False, "why": "not opened"}
    verdict: dict[str, Any] = {"text": True, "numbers": True, "structure": True, "why": ""}
    for mode, src in (("accept", new), ("reject", old)):
        for aspect, why in differences(got[mode], report[str(src)]["accept"]).items():
            verdict["text" if aspect in TEXT_PARTS else aspect] = False
            verdict["why"] = verdict["why"] or f"{mode} {aspect} {why}"
    return verdict


def _parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))


def _texts(el: etree._Element) -> str:
    """The text of the paragraphs under `el`, one line each."""
    return "\n".join("".join(t.text or "" for t in p.iter(_W + "t")) for p in el.iter(_W + "p"))


def page_setup(docx: Path) -> dict[str, Any]:
    """What a LibreOffice-saved view holds besides the oracle's strings.

    "sections": each section's page (orientation, width, height) in order; "headers" and
    "footers": the non-empty texts of the header and footer parts, sorted (part names are
    LibreOffice's to choose); "comments": the comments' texts in order; "content_controls":
    the text of each content control (`w:sdt`) of the body, in order.
    """
    with zipfile.ZipFile(docx) as z:
        parts = {n: z.read(n) for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")}
    root = _parse(parts["word/document.xml"])
    sections = []
    for sect in root.iter(_W + "sectPr"):
        size = sect.find(_W + "pgSz")
        sections.append(
            [
                (size.get(_W + "orient") or "portrait") if size is not None else "",
                size.get(_W + "w") if size is not None else "",
                size.get(_W + "h") if size is not None else "",
            ]
        )

    def story(prefix: str) -> list[str]:
        texts = [_texts(_parse(data)) for name, data in parts.items() if name.startswith(prefix)]
        return sorted(t for t in texts if t.strip())

    comments = parts.get("word/comments.xml")
    return {
        "sections": sections,
        "content_controls": [
            "".join(t.text or "" for t in sdt.iter(_W + "t")) for sdt in root.iter(_W + "sdt")
        ],
        "headers": story("word/header"),
        "footers": story("word/footer"),
        "comments": []
        if comments is None
        else [_texts(c) for c in _parse(comments).iter(_W + "comment")],
    }


def run_oracle_saving(
    paths: Sequence[Path], save_dir: Path, *, timeout: float = 1800.0
) -> dict[str, dict[str, Any]]:
    """Run the shared oracle once on `paths`, also saving each view in `save_dir`.

    The views are `save_dir/<stem>.<mode>.docx` (stems must differ). Returns the report
    keyed by `str(path)`; raises AssertionError when the oracle cannot run or says nothing.
    A file LibreOffice did not load is in the report with "loaded": false.
    """
    if not oracle_available():
        raise AssertionError("LibreOffice oracle cannot run here")
    stems = [p.stem for p in paths]
    if len(set(stems)) != len(stems):
        raise ValueError("the saved views are named by stem: give files of distinct stems")
    save_dir.mkdir(parents=True, exist_ok=True)
    return run_oracle(paths, allow_unloaded=True, timeout=timeout, save_dir=save_dir)
