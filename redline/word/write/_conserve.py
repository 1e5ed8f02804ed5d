"""The written redline checked against its inputs before any file is written.

Accept-all of the parts must read as the new text and reject-all as the old, footnotes
included. The expected lines come from the two parsed inputs (`redline.lines.reading`,
after the one character mapping `xml_safe_text`), never from the writer, and the check
runs on the parts as written, after every pass that moves a tracked paragraph mark.
A redline written onto the drafter's own file is checked against the two files themselves,
read by the same reader: its accept-all must read as the new file, its reject-all as the old.
"""

from __future__ import annotations

from lxml import etree

from ...comparison import Comparison
from ...errors import ConservationError
from ...lines import reading
from .._xml_safe import xml_safe_text
from ..views import views_of, views_of_tree

__all__ = ["check_in_place", "check_written"]

_Trees = tuple[etree._Element, etree._Element | None]


def check_written(
    comparison: Comparison,
    parts: dict[str, bytes],
    *,
    trees: dict[str, etree._Element] | None = None,
) -> None:
    """Raise ConservationError unless accept-all of `parts` gives the new text and
    reject-all the old, footnotes included.

    `trees`: the roots of the document and footnotes parts whose serialisation `parts`
    holds, read instead of parsing those bytes again. Serialising and parsing give back the
    same tags, attributes, text and order (lxml refuses text XML cannot hold), so both read
    the same views."""
    if trees is not None:
        views = views_of_tree(trees["word/document.xml"], trees.get("word/footnotes.xml"))
    else:
        views = views_of(parts)
    for mode, side, name in (("accept", comparison.new, "new"), ("reject", comparison.old, "old")):
        body, notes = reading(side, auto_numbers=comparison.auto_numbers)
        view = views[mode]
        for what, want, got in (
            ("paragraph", [xml_safe_text(t) for t in body], view.body),
            ("footnote", [xml_safe_text(t) for t in notes], view.footnotes),
        ):
            if list(got) == want:
                continue
            k = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), None)
            where = (
                f"{what} {k + 1} reads {got[k][:40]!r}, not {want[k][:40]!r}"
                if k is not None
                else f"it has {len(got)} {what}s, not {len(want)}"
            )
            raise ConservationError(
                f"the written redline's {mode}-all would not give back the {name} text: {where}",
                source=side.source or name,
            )


def check_in_place(
    parts: dict[str, bytes],
    old: dict[str, bytes],
    new: dict[str, bytes],
    *,
    sources: tuple[str, str],
    trees: tuple[_Trees | None, _Trees | None] | None = None,
    written: dict[str, tuple[etree._Element, bytes]] | None = None,
) -> None:
    """Raise ConservationError unless accept-all of `parts` reads as the `new` package and
    reject-all as the `old` one, paragraph by paragraph (text boxes and cells included),
    footnotes too.

    `trees`: for the old and the new package, the roots their document and footnotes
    parts parse to (None: no footnotes part), never edited, read instead of parsing the
    parts' bytes again (a package's None: its bytes are parsed). `written`: the roots
    `parts` were serialised from (`views_of`'s `parsed`)."""
    views = views_of(parts, parsed=written)
    for mode, given, name, source, tree in (
        ("accept", new, "new", sources[1], trees[1] if trees else None),
        ("reject", old, "old", sources[0], trees[0] if trees else None),
    ):
        seen = views_of_tree(*tree) if tree else views_of(given, source=source)
        want, got = seen["accept"], views[mode]
        for what, mine, theirs in (
            ("paragraph", got.body, want.body),
            ("footnote", got.footnotes, want.footnotes),
        ):
            if mine == theirs:  # the same texts: the same with their spacing normalised
                continue
            a, b = [" ".join(t.split()) for t in mine], [" ".join(t.split()) for t in theirs]
            if a == b:
                continue
            k = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), None)
            where = (
                f"{what} {k + 1} reads {a[k][:40]!r}, not {b[k][:40]!r}"
                if k is not None
                else f"it has {len(a)} {what}s, not {len(b)}"
            )
            raise ConservationError(
                f"the written redline's {mode}-all would not give back the {name} file: {where}",
                source=source,
            )
