"""A pair is unchanged only when its footnotes read the same; a renumbered mark is no change."""

from __future__ import annotations

import redline
from redline import Kind

BASE = """Human Rights Council

99/5. Testing

*The Human Rights Council,*

*Recalling* its resolution 1/1,<sup>1</sup>

*Noting* the report,<sup>2</sup>

1. *Decides* to act.

<sup>1</sup> See resolution 1/1.

<sup>2</sup> A/HRC/99/1.
"""


def _kinds(old: str, new: str) -> dict[str, str]:
    c = redline.compare(old, new)
    return {c.new.paragraphs[m.new[0]].label: m.kind.value for m in c.matches if m.old and m.new}


def test_identical_texts_are_unchanged() -> None:
    assert set(_kinds(BASE, BASE).values()) == {Kind.UNCHANGED.value}


def test_an_edited_footnote_makes_its_paragraph_modified() -> None:
    new = BASE.replace("A/HRC/99/1.", "A/HRC/99/1 and Corr.1.")
    assert _kinds(BASE, new) == {"PP1": "unchanged", "PP2": "modified", "OP1": "unchanged"}


def test_a_mark_renumbered_by_an_earlier_note_is_no_change() -> None:
    new = (
        BASE.replace("resolution 1/1,<sup>1</sup>", "resolution 1/1,<sup>1</sup><sup>2</sup>")
        .replace("report,<sup>2</sup>", "report,<sup>3</sup>")
        .replace("<sup>2</sup> A/HRC/99/1.", "<sup>2</sup> And 2/2.\n\n<sup>3</sup> A/HRC/99/1.")
    )
    kinds = _kinds(BASE, new)
    assert kinds["PP2"] == "unchanged"  # its note is now "3" but reads the same
    assert kinds["PP1"] == "modified"  # it gained a note
