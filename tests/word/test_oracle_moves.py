"""Moves, moved-and-edited, cross-part moves, splits, merges and renumbering in LibreOffice.

Each case is a small resolution and a revision of it built by hand; LibreOffice must give
the new text on Accept All and the old on Reject All, list numbers included, and keep the
moves we write as moves where it can pair them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

import redline
from expect import expected_view
from oracle import require_oracle, run_oracle
from redline.comparison import compare_resolutions
from redline.model import Kind, Paragraph, Part, Resolution

pytestmark = pytest.mark.oracle
DATE = "2026-01-01T00:00:00Z"

PP = [
    "Recalling its resolution on the right to development and all earlier texts,",
    "Reaffirming alpha beta gamma delta epsilon zeta eta theta iota,",
    "Noting the report of the Secretary-General on the situation in the region,",
]
OP = [
    "Decides to convene a meeting of experts on the question of remedies;",
    "Requests the High Commissioner to report at its next session, and invites States to "
    "contribute;",
    "Calls upon all States to cooperate fully with the mandate holder;",
    "Decides to remain seized of the matter.",
]


def _res(pre: list[str], ops: list[str], name: str) -> Resolution:
    paragraphs = [Paragraph(Part.PREAMBLE, k, t, lead=t.split()[0]) for k, t in enumerate(pre, 1)]
    paragraphs += [
        Paragraph(Part.OPERATIVE, k, t, lead=t.split()[0], number=str(k))
        for k, t in enumerate(ops, 1)
    ]
    return Resolution(name, formula="The Human Rights Council,", paragraphs=tuple(paragraphs))


OLD = _res(PP, OP, "<old>")
CASES: dict[str, tuple[Resolution, int, set[Kind]]] = {
    # name: (new text, moves LibreOffice must keep, kinds the match must report)
    "move": (_res([PP[1], PP[2], PP[0]], OP, "<new>"), 1, {Kind.UNCHANGED}),
    "move-edited": (
        _res([PP[1], PP[2], PP[0].replace("all earlier", "all the earlier")], OP, "<new>"),
        1,
        {Kind.MODIFIED},
    ),
    "move-operative": (_res(PP, [OP[2], OP[0], OP[1], OP[3]], "<new>"), 1, {Kind.UNCHANGED}),
    "promote": (
        _res([PP[0], PP[2]], [OP[0], PP[1][:-1] + ";", *OP[1:]], "<new>"),
        1,
        {Kind.MODIFIED},
    ),
    "demote": (_res([*PP, OP[2][:-1] + ","], [OP[0], OP[1], OP[3]], "<new>"), 0, {Kind.MODIFIED}),
    "split": (
        _res(
            PP,
            [
                OP[0],
                "Requests the High Commissioner to report at its next session;",
                "Invites States to contribute;",
                OP[2],
                OP[3],
            ],
            "<new>",
        ),
        0,
        {Kind.SPLIT},
    ),
    "merge": (_res(PP, [OP[0] + " " + OP[1], OP[2], OP[3]], "<new>"), 0, {Kind.MERGED}),
    "renumber": (
        _res(PP, [OP[0], "Welcomes the new initiative on data;", *OP[1:]], "<new>"),
        0,
        {Kind.ADDED},
    ),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Any, Path]]:
    require_oracle()
    folder = tmp_path_factory.mktemp("moves")
    built = {}
    for name, (new, _, _) in CASES.items():
        c = compare_resolutions(OLD, new)
        path = redline.write_docx(c, folder / f"{name}.docx", date=DATE)
        built[name] = (c, path)
    report = run_oracle([p for _, p in built.values()])
    return {name: (c, report[str(p)], p) for name, (c, p) in built.items()}


@pytest.mark.parametrize("name", list(CASES))
def test_exact_both_ways(checked: dict[str, tuple[Any, Any, Path]], name: str) -> None:
    c, result, _ = checked[name]
    for mode, side in (("accept", c.new), ("reject", c.old)):
        body, numbers, _ = expected_view(side, auto_numbers=c.auto_numbers)
        assert result[mode]["body"] == body, mode
        assert result[mode]["numbers"] == numbers, mode
        assert result[mode]["remaining"] == 0, mode


@pytest.mark.parametrize("name", list(CASES))
def test_reported_kind(checked: dict[str, tuple[Any, Any, Path]], name: str) -> None:
    c, _, _ = checked[name]
    changed = {m.kind for m in c.matches if m.kind is not Kind.UNCHANGED or m.moved}
    assert CASES[name][2] <= changed | {Kind.UNCHANGED}
    assert sum(1 for m in c.matches if m.moved) == (
        0 if name in ("split", "merge", "renumber") else 1
    )


@pytest.mark.parametrize("name", [n for n, case in CASES.items() if case[1]])
def test_moves_kept_by_libreoffice(checked: dict[str, tuple[Any, Any, Path]], name: str) -> None:
    _, result, path = checked[name]
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert xml.count("<w:moveFromRangeStart") == xml.count("<w:moveToRangeStart") == 1
    assert result["moves"] == CASES[name][1]


def test_renumbering_is_not_a_change(checked: dict[str, tuple[Any, Any, Path]]) -> None:
    c, result, path = checked["renumber"]
    renumbered = [m for m in c.matches if m.renumbered]
    assert len(renumbered) == 3 and all(m.kind is Kind.UNCHANGED for m in renumbered)
    assert result["redlines"] == {"Insert": result["redlines"]["Insert"]}  # nothing deleted
    assert result["accept"]["numbers"][-4:] == ["2.", "3.", "4.", "5."]
    assert result["reject"]["numbers"][-3:] == ["2.", "3.", "4."]
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "<w:del " not in xml


def test_split_shows_an_inserted_paragraph_mark(checked: dict[str, Any]) -> None:
    c, _, path = checked["split"]
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert xml.count("<w:rPr><w:ins ") == 1  # one inserted paragraph mark, no new paragraph
    assert "Requests</w:delText>" not in xml  # the old paragraph is not deleted whole
    split = next(m for m in c.matches if m.kind is Kind.SPLIT)
    assert (split.old, split.new) == ((4,), (4, 5))


def test_merge_shows_a_deleted_paragraph_mark(checked: dict[str, Any]) -> None:
    c, _, path = checked["merge"]
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert xml.count("<w:rPr><w:del ") == 1
    merged = next(m for m in c.matches if m.kind is Kind.MERGED)
    assert (merged.old, merged.new) == ((3, 4), (3,))
