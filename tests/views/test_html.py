"""The HTML report's source: escaped, self-contained, deterministic, one row per segment."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from view_pairs import HOSTILE_NEW, HOSTILE_OLD, IMG, NEW, OLD, RLO, SCRIPT, VOTE_NEW, VOTE_OLD

import redline
from redline.cli import main
from redline.views import html_report


@pytest.fixture(scope="module")
def page() -> str:
    return html_report(redline.compare(OLD, NEW))


def test_no_input_string_becomes_markup() -> None:
    page = html_report(redline.compare(HOSTILE_OLD, HOSTILE_NEW))
    assert page.count("<script") == 1  # the report's own script, and no other
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert SCRIPT not in page and IMG not in page
    assert RLO in page  # shown as the text it is, inside an isolated paragraph


def test_self_contained_and_locked_down(page: str) -> None:
    assert "default-src &#x27;none&#x27;" in page  # the CSP meta, escaped as an attribute
    assert not re.search(r"(?:src|href)=\"(?:https?:|//)", page)
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_same_comparison_same_bytes() -> None:
    assert html_report(redline.compare(OLD, NEW)) == html_report(redline.compare(OLD, NEW))


def test_rows_in_the_new_order_with_labels_and_kinds(page: str) -> None:
    heads = re.findall(r'<th class="label" scope="row">(.*?)<br>', page)
    assert heads == [
        "Header",
        "PP1",
        "PP2",
        "PP3",
        "OP1 ← OP2",
        "OP2 ← OP1",
        "OP2",  # the stub where the moved paragraph stood
        "OP3",
        "OP4 ← OP3",
    ]
    tags = re.findall(r'data-tags="([^"]*)"', page.split("<tbody>")[1])
    assert tags == [
        "modified",
        "unchanged",
        "modified",
        "deleted",
        "unchanged moved",
        "modified",
        "unchanged moved",
        "added",
        "unchanged renumbered-only",
    ]


def test_a_move_links_both_ways(page: str) -> None:
    assert '<tr id="r5" class="unchanged moved" data-tags="unchanged moved" data-change>' in page
    assert '<a class="move" href="#r7">moved from OP2 ↑</a>' in page
    assert '<a class="move" href="#r5">moved to OP1 ↓</a>' in page


def test_word_edits_marked_as_word_marks_them(page: str) -> None:
    assert "Noting <ins>with appreciation </ins>the report" in page
    assert "at its <del>next</del> session;" in page
    assert "A/HRC/99/1<ins> and Corr.1</ins>." in page  # the footnote's own change


def test_write_html_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        redline.write_html(redline.compare(OLD, NEW), tmp_path / "r.html")
    finally:
        os.umask(old)
    assert (tmp_path / "r.html").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left


def test_cli_html(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.md").write_text(NEW, encoding="utf-8")
    out = tmp_path / "r.html"
    assert main([str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--html", str(out), "-q"]) == 0
    assert "moved to OP1" in out.read_text(encoding="utf-8")


def test_unwritable_html_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "old.md").write_text(OLD, encoding="utf-8")
    out = tmp_path / "missing" / "r.html"
    assert main([str(tmp_path / "old.md"), str(tmp_path / "old.md"), "--html", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(out) in err[0]


def test_the_vote_and_its_changes() -> None:
    page = html_report(redline.compare(VOTE_OLD, VOTE_NEW))
    vote = page.split('<section id="vote">', 1)[1].split("</section>", 1)[0]
    assert re.findall(r"<li>(.*?)</li>", vote) == [
        "meeting: 40th meeting → 41st meeting",
        "date: 1 April 2026 → 2 April 2026",
        "yes: 3 → 4",
        "no: 1 → 0",
        "abstentions: 1",
        "in favour, added: Denmark",
        "against, removed: Denmark",
    ]
