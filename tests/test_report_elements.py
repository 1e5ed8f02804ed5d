"""The JSON report says what changed in two Word files' own tables and elements (issue 17:
every view renders the one decision, the report too). Expected values are read off the
LibreOffice-made pairs' own sources (tests/word/fixtures/elements/make_elements.py), by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import redline

FIXTURES = Path(__file__).resolve().parent / "word" / "fixtures" / "elements"


def _elements(case: str) -> list[dict[str, object]]:
    c = redline.compare(FIXTURES / f"{case}.old.docx", FIXTURES / f"{case}.new.docx")
    elements = redline.report(c)["elements"]
    assert isinstance(elements, list)
    return elements


@pytest.mark.parametrize(
    ("case", "row"),
    [
        # GRID's three rows, then ["Glue", "5", "Cai"] put before the last: the new third row
        ("table_row_inserted", {"change": "inserted", "old": None, "new": 3, "edited_cells": []}),
        # the middle row ["Paper", "10", "Ana"] of three goes: numbered as the old table had it
        ("table_row_deleted", {"change": "deleted", "old": 2, "new": None, "edited_cells": []}),
        # ["Paper", "10", "Ana"] -> ["Paper", "12", "Ana"]: the second row's second cell
        ("table_cell_edited", {"change": "edited", "old": 2, "new": 2, "edited_cells": [2]}),
    ],
)
def test_a_table_row_changed_is_named_by_its_numbers(case: str, row: dict[str, object]) -> None:
    assert _elements(case) == [
        {"kind": "table", "change": "edited", "old": 1, "new": 1, "rows": [row]}
    ]


def test_a_picture_inserted_names_its_paragraph() -> None:
    assert _elements("picture_inserted") == [
        {"kind": "picture", "change": "inserted", "where": "in P2"}
    ]


def test_texts_have_no_elements() -> None:
    c = redline.compare(Path("examples/hrc-46-13.txt"), Path("examples/hrc-47-9.md"))
    assert redline.report(c)["elements"] == []
