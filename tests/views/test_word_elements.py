"""The Word files' own tables and elements in the change summary and the HTML report.

The pairs are the LibreOffice-made element pairs of tests/word/fixtures/elements (cases.json
says what each holds). Every expected line below is written by hand from that description
and from opening the files (a 3×3 table of Item/Cost/Owner, Paper/10/Ana, Ink/25/Ben under
the paragraph P1; a picture in "See the chart … below.", P2), not printed by the code under
test.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

import redline
from redline.comparison import Change
from redline.views import html_report
from redline.views.summary import change_summary

ELEMENTS = Path(__file__).parent.parent / "word" / "fixtures" / "elements"


def _compare(case: str) -> redline.Comparison:
    return redline.compare(ELEMENTS / f"{case}.old.docx", ELEMENTS / f"{case}.new.docx")


# The lines a reader is told about the Word file's own blocks, after the paragraph lines.
WORD_LINES = {
    "table_row_inserted": ["Table 1: row 3 inserted"],
    "table_row_deleted": ["Table 1: row 2 deleted"],
    "table_cell_edited": ["Table 1: row 2 cell 2 edited"],
    "table_inserted": ["Table 1: inserted"],
    "table_deleted": ["Table 1: deleted"],
    # a fourth column: another grid, so the old table is deleted and the new one inserted
    "table_column_added": ["Table 1: deleted", "Table 1: inserted"],
    "picture_inserted": ["Picture: inserted in P2"],
    "picture_deleted": ["Picture: deleted in P2"],
    "equation_inserted": ["Equation: inserted in P2"],
    "equation_deleted": ["Equation: deleted in P2"],
    "textbox_inserted": ["Text box: inserted in P1"],
    "textbox_deleted": ["Text box: deleted in P1"],
    "textbox_edited": ["Text box: edited in P1"],
    "field_code_changed": ["Field: replaced in P2"],
    "hyperlink_url_changed": ["Link: replaced in P1"],
    "hyperlink_text_edited": ["Link: edited in P1"],
    "content_control_edited": ["Control: edited in P2"],
    "header_footer_edited": ["Page footer: edited", "Page header: edited"],
    # kept elements beside an edit, and a row of text only: nothing to say
    "table_unchanged": [],
    "picture_unchanged": [],
    "equation_unchanged": [],
    "textbox_unchanged": [],
    "line_break_inserted": [],
}


def _word_lines(text: str) -> list[str]:
    word = re.compile(r"^(Table \d+|Picture|Equation|Text box|Field|Link|Control|Page \w+):")
    return [line for line in text.splitlines() if word.match(line)]


@pytest.mark.parametrize("case", sorted(WORD_LINES))
def test_summary_says_what_changed_in_tables_and_elements(case: str) -> None:
    assert _word_lines(change_summary(_compare(case)).text()) == WORD_LINES[case]


def test_a_table_row_inserted_in_full() -> None:
    summary = change_summary(_compare("table_row_inserted"))
    # the new row's three cells are three new paragraphs of the structure, P8 to P10
    assert summary.text() == (
        "10 unchanged, 3 added, 1 table changed\n\n"
        "P8: added\nP9: added\nP10: added\nTable 1: row 3 inserted"
    )


def test_an_element_changed_alone_makes_the_inputs_differ() -> None:
    summary = change_summary(_compare("hyperlink_url_changed"))  # the link's text is kept
    assert summary.lines[-1].label == "Link"
    assert summary.lines == (redline.SummaryLine("Link", "replaced in P1", "modified"),)
    assert summary.differs


def test_markdown_and_word_forms_carry_the_same_lines(tmp_path: Path) -> None:
    summary = change_summary(_compare("report"))
    expected = ["Table 1: row 3 cell 2 edited; row 4 inserted", "Text box: edited in P2"]
    assert _word_lines(summary.text()) == expected
    md = summary.markdown().splitlines()
    assert md[-2:] == [
        "- **Table 1**: row 3 cell 2 edited; row 4 inserted",
        "- **Text box**: edited in P2",
    ]
    redline.write_summary_docx(summary, tmp_path / "s.docx")
    with zipfile.ZipFile(tmp_path / "s.docx") as z:
        xml = z.read("word/document.xml").decode()
    paragraphs = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in xml.split("</w:p>")]
    assert paragraphs[-3:-1] == expected


def test_comparison_holds_the_rows_and_cell_diffs() -> None:
    c = _compare("table_row_deleted")
    assert c.elements is not None
    (table,) = c.elements.tables
    rows = [(r.change, r.old, r.new) for r in table.rows]
    assert rows == [
        (Change.KEPT, 1, 1),
        (Change.DELETED, 2, None),  # Paper / 10 / Ana
        (Change.KEPT, 3, 2),
    ]
    deleted = [[e.text for e in cell] for cell in table.rows[1].cells]
    assert deleted == [["Paper"], ["10"], ["Ana"]]


def _section(page: str) -> str:
    start = page.index('<section id="word">')
    return page[start : page.index("</section>", start)]


def test_html_draws_a_changed_table_with_its_rows() -> None:
    section = _section(html_report(_compare("table_row_inserted")))
    rows = re.findall(r'<tr class="(\w+)"><th scope="row">(\d+)', section)
    assert rows == [("kept", "1"), ("kept", "2"), ("inserted", "3"), ("kept", "4")]
    inserted = section[section.index('<tr class="inserted">') :]
    inserted = inserted[: inserted.index("</tr>")]
    assert re.findall(r"<ins>([^<]*)</ins>", inserted) == ["Glue", "5", "Cai"]
    assert "<strong>Table 1</strong>: row 3 inserted" in section


def test_html_shows_a_cells_word_diff_and_a_deleted_row() -> None:
    edited = _section(html_report(_compare("table_cell_edited")))
    row = edited[edited.index('<tr class="edited">') :]
    row = row[: row.index("</tr>")]
    cells = re.findall(r"<td( class=\"edited\")?><div[^>]*>(.*?)</div></td>", row)
    assert cells == [
        ("", "Paper"),
        (' class="edited"', "<del>10</del><del>¶</del><ins>12</ins>"),
        ("", "Ana"),
    ]
    deleted = _section(html_report(_compare("table_row_deleted")))
    assert re.findall(r'<tr class="(\w+)"><th scope="row">([^<]+)', deleted) == [
        ("kept", "1"),
        ("deleted", "2 (old)"),
        ("kept", "2"),
    ]
    assert "<del>Paper</del>" in deleted


def test_html_lists_elements_in_the_change_list() -> None:
    page = html_report(_compare("picture_inserted"))
    assert '<li data-tags="added"><a href="#w1">Picture</a>: inserted in P2</li>' in page
    assert '<p id="w1" class="word-line">' in _section(page)
    assert "<li>elements changed: 1</li>" in page
    assert '<section id="word">' not in html_report(_compare("picture_unchanged"))


def test_two_texts_have_no_word_section() -> None:
    c = redline.compare("1. Requests a report.", "1. Encourages a report.")
    assert c.elements is None
    assert '<section id="word">' not in html_report(c)
