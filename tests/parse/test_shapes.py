"""Texts of other shapes: sub-paragraphs, annexes, plain texts, drafts without a header."""

from __future__ import annotations

import pytest

import redline
from redline.model import Part

DRAFT = """The General Assembly,

Recalling its resolution 70/1,

Noting with concern the situation,

1. Decides to act;

2. Requests the Secretary-General:

(a) To report on the matter;

(b) To consult States;

3. Decides to remain seized of the matter.

51st plenary meeting
19 December 2023

Annex

Declaration on the matter

Article 1. Everyone has the right.
"""


def test_subparagraphs_attach_to_their_paragraph() -> None:
    r = redline.parse(DRAFT)
    op2 = r.operative[1]
    assert [s.label for s in op2.subparagraphs] == ["a", "b"]
    assert op2.subparagraphs[0].text == "To report on the matter;"
    assert len(r.operative) == 3


def test_annex_after_the_adoption_record() -> None:
    r = redline.parse(DRAFT)
    assert r.vote is not None and r.vote.meeting == "51st plenary meeting"
    assert r.vote.date == "19 December 2023"
    assert [p.text for p in r.annex] == [
        "Annex",
        "Declaration on the matter",
        "Article 1. Everyone has the right.",
    ]
    assert r.annex[0].label == "AN1"


def test_leads_with_lexicon() -> None:
    r = redline.parse(DRAFT)
    assert [p.lead for p in r.preamble] == ["Recalling", "Noting with concern"]


def test_unstructured_text_is_plain_paragraphs_with_warning() -> None:
    r = redline.parse("Dear colleagues,\n\nPlease find the text attached.\n\nBest regards\n")
    assert not r.structured
    assert [p.label for p in r.paragraphs] == ["P1", "P2", "P3"]
    assert all(p.part is Part.PLAIN for p in r.paragraphs)
    assert any("no resolution structure" in w for w in r.warnings)


def test_draft_without_header_or_formula() -> None:
    text = "Recalling its resolution 70/1,\n\n1. Decides to act;\n\n2. Requests a report.\n"
    r = redline.parse(text)
    assert r.structured
    assert (len(r.preamble), len(r.operative)) == (1, 2)
    assert any("enacting formula" in w for w in r.warnings)


def test_bis_numbers_are_kept() -> None:
    text = "The General Assembly,\n\n1. Decides to act;\n\n1 bis. Also decides to act;\n"
    r = redline.parse(text)
    assert [p.number for p in r.operative] == ["1", "1 bis"]


def test_adoption_date_on_its_own_line_belongs_to_the_record() -> None:
    text = (
        "A/HRC/RES/47/9\n\nResolution adopted by the Human Rights Council on\n12 July 2021\n\n"
        "47/9. T\n\nThe Human Rights Council,\n\nRecalling x,\n\n1. Decides y.\n"
    )
    header = redline.parse(text).header
    assert header.date == "12 July 2021"
    assert header.adopted == "Resolution adopted by the Human Rights Council on 12 July 2021"
    assert [h.field for h in header.lines] == ["symbol", "adopted", "adopted", "title"]


# The meeting lines are the corpus's own (UNPC resolution_lines.tsv: the one resolution line
# aligned in all six languages that closes a resolution), the dates as each language writes them.
ENDINGS = {
    "en": ("51st plenary meeting", "25 September 2015"),
    "fr": ("51e séance plénière", "25 septembre 2015"),
    "es": ("51ª sesión plenaria", "25 de septiembre de 2015"),
    "ru": ("51-e пленарное заседание,", "25 сентября 2015 года"),
    "ar": ("الجلسة العامة 51", "25 أيلول/سبتمبر 2015"),
    "zh": ("第51次全体会议", "2015年9月25日"),
}


@pytest.mark.parametrize("language", sorted(ENDINGS))
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_meeting_line_closes_the_operative_part_in_every_language(language: str, gap: str) -> None:
    meeting, date = ENDINGS[language]
    text = (
        "The General Assembly,\n\nRecalling its resolution 70/1,\n\n"
        "1. Decides to continue its consideration of the question;\n\n"
        "2. Requests the Secretary-General to submit a report.\n\n"
        f"{meeting}{gap}{date}\n"
    )
    r = redline.parse(text)
    assert [p.label for p in r.paragraphs] == ["PP1", "OP1", "OP2"]
    assert r.vote is not None
    assert (r.vote.meeting, r.vote.date) == (meeting.rstrip(","), date)


def test_a_sentence_with_a_year_is_not_a_date_line() -> None:
    from redline.parse._header import is_date_line

    assert is_date_line("12 July 2021") and is_date_line("2015年9月25日")
    assert not is_date_line("Recalling its resolution 70/1 of 25 September 2015,")
    assert not is_date_line("Decides to meet in 2016;")
