"""The change summary of three small pairs, in its three forms, as a drafter would write it.

Every expected text below is written by hand from the pairs in view_pairs.py, not printed
by the code under test.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from view_pairs import (
    HOSTILE_NEW,
    HOSTILE_OLD,
    NEW,
    OLD,
    PART_NEW,
    PART_OLD,
    VOTE_NEW,
    VOTE_OLD,
)

import redline
from redline.views.summary import change_summary

DEMO_TEXT = """\
3 unchanged, 2 modified, 1 moved, 1 added, 1 deleted, 1 footnote changed

Header: symbol 'A/HRC/RES/99/5' → 'A/HRC/RES/99/7'; number '99/5' → '99/7'
PP2: 'Noting' → 'Noting with appreciation'; +2 / −0 words; footnote 2 changed
PP3: deleted
OP1 (was OP2): moved
OP2 (was OP1): +2 / −1 words
OP3: added
OP4 (was OP3): renumbered"""

PART_TEXT = """\
2 unchanged, 2 modified, 1 moved

OP1 ← PP2: moved from the preamble; 'Welcoming' → 'Welcomes'; +1 / −1 words
OP2 (was OP1): +8 / −0 words
OP3 (was OP2): renumbered"""

HOSTILE_TEXT = """\
2 modified

PP1: +7 / −0 words
OP1: +2 / −0 words"""

DEMO_MARKDOWN = """\
# Changes: A/HRC/RES/99/5 → A/HRC/RES/99/7

3 unchanged, 2 modified, 1 moved, 1 added, 1 deleted, 1 footnote changed

- **Header**: symbol 'A/HRC/RES/99/5' → 'A/HRC/RES/99/7'; number '99/5' → '99/7'
- **PP2**: 'Noting' → 'Noting with appreciation'; +2 / −0 words; footnote 2 changed
- **PP3**: deleted
- **OP1 (was OP2)**: moved
- **OP2 (was OP1)**: +2 / −1 words
- **OP3**: added
- **OP4 (was OP3)**: renumbered
"""

PART_MARKDOWN = """\
# Changes: \\<old\\> → \\<new\\>

2 unchanged, 2 modified, 1 moved

- **OP1 ← PP2**: moved from the preamble; 'Welcoming' → 'Welcomes'; +1 / −1 words
- **OP2 (was OP1)**: +8 / −0 words
- **OP3 (was OP2)**: renumbered
"""

HOSTILE_MARKDOWN = """\
# Changes: \\<old\\> → \\<new\\>

2 modified

- **PP1**: +7 / −0 words
- **OP1**: +2 / −0 words
"""


@pytest.mark.parametrize(
    ("old", "new", "text", "markdown"),
    [
        (OLD, NEW, DEMO_TEXT, DEMO_MARKDOWN),
        (PART_OLD, PART_NEW, PART_TEXT, PART_MARKDOWN),
        (HOSTILE_OLD, HOSTILE_NEW, HOSTILE_TEXT, HOSTILE_MARKDOWN),
    ],
    ids=["demo", "part-change", "hostile"],
)
def test_text_and_markdown(old: str, new: str, text: str, markdown: str) -> None:
    summary = change_summary(redline.compare(old, new))
    assert summary.text() == text
    assert summary.markdown() == markdown
    assert summary.differs


def test_identical_texts_differ_in_nothing() -> None:
    summary = change_summary(redline.compare(OLD, OLD))
    assert summary.text() == "6 unchanged\n"
    assert not summary.differs


def _paragraphs(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return [
        "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
        for p in re.findall(r"<w:p>.*?</w:p>", xml)
    ]


def test_word_form_is_a_document_of_its_own(tmp_path: Path) -> None:
    out = tmp_path / "summary.docx"
    redline.write_summary_docx(change_summary(redline.compare(PART_OLD, PART_NEW)), out)
    assert _paragraphs(out.read_bytes()) == [
        "Changes: &lt;old&gt; → &lt;new&gt;",
        "2 unchanged, 2 modified, 1 moved",
        "OP1 ← PP2: moved from the preamble; 'Welcoming' → 'Welcomes'; +1 / −1 words",
        "OP2 (was OP1): +8 / −0 words",
        "OP3 (was OP2): renumbered",
    ]
    with zipfile.ZipFile(out) as z:  # no tracked change in it: it is not a redline
        assert b"<w:ins" not in z.read("word/document.xml")
        assert b"<w:del" not in z.read("word/document.xml")
    again = tmp_path / "again.docx"
    redline.write_summary_docx(change_summary(redline.compare(PART_OLD, PART_NEW)), again)
    assert again.read_bytes() == out.read_bytes()


def test_a_changed_vote_is_a_change() -> None:
    summary = change_summary(redline.compare(VOTE_OLD, VOTE_NEW))
    assert summary.text() == (
        "1 unchanged\n\n"
        "Vote: meeting 40th meeting → 41st meeting; date 1 April 2026 → 2 April 2026; "
        "yes 3 → 4; no 1 → 0; in favour +Denmark; against −Denmark"
    )
    assert summary.markdown().splitlines()[4] == (
        "- **Vote**: meeting 40th meeting → 41st meeting; date 1 April 2026 → 2 April 2026; "
        "yes 3 → 4; no 1 → 0; in favour +Denmark; against −Denmark"
    )
    assert summary.differs
