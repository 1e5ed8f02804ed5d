"""Formatting-only changes: a lead that lost (or gained) its italics is a `w:rPrChange`.

Italics are compared only between two sources that set the leads in italics themselves
(Word, PDF, Markdown with `*…*`); a plain text extraction gets italic leads by convention and
never shows a formatting change. LibreOffice's Accept All / Reject All must give back the
new / old italics, checked by saving both views and reading them again.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import redline
from oracle import SYSTEM_PYTHON, oracle_script, require_oracle

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docx"
DATE = "2026-03-01T10:00:00Z"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEED = (EXAMPLES / "hrc-47-9.md").read_text(encoding="utf-8")


def _unitalic(text: str, lead: str) -> str:
    at = text.index(f"*{lead}*")
    return text[:at] + lead + text[at + len(lead) + 2 :]


LOST = _unitalic(SEED, "Reaffirming")  # PP1's lead without its italics


def _changes(path: Path) -> list[tuple[str, bool]]:
    """(text, italic before) of each run carrying a tracked format change."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for change in root.iter(f"{W}rPrChange"):
        run = change.getparent().getparent()
        before = change.find(f"{W}rPr")
        out.append(
            ("".join(run.itertext()), before is not None and before.find(f"{W}i") is not None)
        )
    return out


def test_a_lead_that_lost_its_italics_is_a_format_change(tmp_path: Path) -> None:
    c = redline.compare(SEED, LOST)
    assert [m.old for m, r in zip(c.matches, c.lead_restyled) if r] == [(0,)]
    assert "1 with the lead's italics changed" in c.summary()
    out = redline.write_docx(c, tmp_path / "lost.docx", date=DATE)
    assert _changes(out) == [("Reaffirming", True)]
    # no text change at all: the paragraph is unchanged in words
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    assert root.find(f".//{W}ins") is None and root.find(f".//{W}del") is None


def test_a_lead_that_gained_its_italics_is_the_mirror(tmp_path: Path) -> None:
    out = redline.write_docx(redline.compare(LOST, SEED), tmp_path / "gained.docx", date=DATE)
    assert _changes(out) == [("Reaffirming", False)]


def test_no_format_change_against_a_text_without_italics(tmp_path: Path) -> None:
    plain = SEED.replace("*", "")
    c = redline.compare(plain, LOST)
    assert all(p.italic is None for p in c.old.paragraphs)
    assert not any(c.lead_restyled)
    out = redline.write_docx(c, tmp_path / "plain.docx", date=DATE)
    assert _changes(out) == []


def test_a_few_italic_paragraphs_do_not_make_a_formatted_source() -> None:
    # HRC 46/13's text kept italics on three operative leads only: the rest is convention.
    r = redline.parse(EXAMPLES / "hrc-46-13.txt")
    assert all(p.italic is None for p in r.paragraphs)


def test_edited_paragraph_keeps_its_italics_without_a_format_change(tmp_path: Path) -> None:
    edited = SEED.replace("the purposes and principles", "the purposes, principles", 1)
    out = redline.write_docx(redline.compare(SEED, edited), tmp_path / "e.docx", date=DATE)
    assert _changes(out) == []


@pytest.mark.oracle
def test_libreoffice_restores_the_italics_both_ways(tmp_path: Path) -> None:
    require_oracle()
    c = redline.compare(SEED, LOST)
    clean = redline.write_docx(c, tmp_path / "lost.docx", date=DATE)
    onto = redline.write_docx(
        c, tmp_path / "lost-onto.docx", date=DATE, template=FIXTURES / "hrc-47-9.docx"
    )
    saved = tmp_path / "views"
    saved.mkdir()
    done = subprocess.run(
        [str(SYSTEM_PYTHON), str(oracle_script()), "--save-dir", str(saved), str(clean), str(onto)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(done.stdout)
    for out in (clean, onto):
        shown = report[str(out)]
        assert shown["redlines"]["Format"] >= 1, out.name
        assert shown["accept"]["remaining"] == shown["reject"]["remaining"] == 0
        for view, want in (("accept", ()), ("reject", ((0, len("Reaffirming")),))):
            back = redline.parse(saved / f"{out.stem}.{view}.docx")
            first = back.preamble[0]
            assert first.text.startswith("Reaffirming"), (out.name, view)
            assert (first.italic or ())[:1] == want, (out.name, view, first.italic)
            # every other lead is italic in both views
            assert all(p.italic and p.italic[0][0] == 0 for p in back.paragraphs[1:5])


# -- Word to Word: a paragraph restyled, a lead set upright (fixtures made by LibreOffice) ---

LOOKS_OLD, LOOKS_NEW = FIXTURES / "looks-old.docx", FIXTURES / "looks-new.docx"


def _styles_of(path: Path, words: str) -> list[str | None]:
    """The paragraph style of each paragraph holding `words`."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        if words in "".join(t.text or "" for t in p.iter(f"{W}t")):
            style = p.find(f"{W}pPr/{W}pStyle")
            out.append(style.get(f"{W}val") if style is not None else None)
    return out


def test_a_restyled_paragraph_is_a_paragraph_change_with_the_old_document(
    tmp_path: Path,
) -> None:
    c = redline.compare(LOOKS_OLD, LOOKS_NEW)
    assert c.count(redline.Kind.UNCHANGED) == len(c.matches)  # not a word changed
    out = redline.write_docx(
        c, tmp_path / "looks.docx", date=DATE, template=LOOKS_NEW, old_template=LOOKS_OLD
    )
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    changes = list(root.iter(f"{W}pPrChange"))
    assert len(changes) == 1
    p = changes[0].getparent().getparent()
    assert "".join(t.text or "" for t in p.iter(f"{W}t")).startswith("Noting the report")
    assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Quotation"
    assert changes[0].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Preamble"
    assert _changes(out) == [("Welcoming", True)]
    assert root.find(f".//{W}ins") is None and root.find(f".//{W}del") is None
    # without the old document the look of a kept paragraph is the new one, unmarked
    alone = redline.write_docx(c, tmp_path / "alone.docx", date=DATE, template=LOOKS_NEW)
    alone_root = etree.fromstring(zipfile.ZipFile(alone).read("word/document.xml"))
    assert alone_root.find(f".//{W}pPrChange") is None


def test_cli_passes_the_old_word_file_for_paragraph_changes(tmp_path: Path) -> None:
    from redline.cli import main

    out = tmp_path / "cli.docx"
    assert main([str(LOOKS_OLD), str(LOOKS_NEW), "-o", str(out), "--date", DATE, "-q"]) == 0
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    assert len(list(root.iter(f"{W}pPrChange"))) == 1


@pytest.mark.oracle
def test_libreoffice_restores_the_paragraph_style_both_ways(tmp_path: Path) -> None:
    require_oracle()
    c = redline.compare(LOOKS_OLD, LOOKS_NEW)
    out = redline.write_docx(
        c, tmp_path / "looks.docx", date=DATE, template=LOOKS_NEW, old_template=LOOKS_OLD
    )
    saved = tmp_path / "views"
    saved.mkdir()
    done = subprocess.run(
        [str(SYSTEM_PYTHON), str(oracle_script()), "--save-dir", str(saved), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    shown = json.loads(done.stdout)[str(out)]
    assert shown["redlines"]["ParagraphFormat"] == 1 and shown["redlines"]["Format"] == 1
    for view, style, italic_lead in (("accept", "Quotation", False), ("reject", "Preamble", True)):
        assert shown[view]["remaining"] == 0
        path = saved / f"looks.{view}.docx"
        assert _styles_of(path, "Noting the report") == [style], view
        back = redline.parse(path)
        welcoming = next(p for p in back.preamble if p.text.startswith("Welcoming"))
        assert bool(welcoming.italic and welcoming.italic[0][0] == 0) is italic_lead, view
    want = redline.parse(LOOKS_NEW)
    assert (
        shown["accept"]["body"][-len(want.paragraphs) :]
        == shown["reject"]["body"][-len(want.paragraphs) :]
    )
