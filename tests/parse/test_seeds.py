"""The parser on the two seed resolutions, exactly as they are in ../shared/seeds/."""

from __future__ import annotations

from pathlib import Path

import pytest

import redline
from redline.model import Part, Resolution


@pytest.fixture(scope="module")
def r479(shared_dir: Path) -> Resolution:
    return redline.parse(shared_dir / "seeds" / "hrc-47-9.md")


@pytest.fixture(scope="module")
def r4613(shared_dir: Path) -> Resolution:
    return redline.parse(shared_dir / "seeds" / "hrc-46-13.txt")


def test_examples_are_the_seeds(shared_dir: Path) -> None:
    examples = Path(__file__).parents[2] / "examples"
    for name in ("hrc-47-9.md", "hrc-46-13.txt"):
        assert (examples / name).read_bytes() == (shared_dir / "seeds" / name).read_bytes()


def test_counts(r479: Resolution, r4613: Resolution) -> None:
    assert (len(r479.preamble), len(r479.operative), len(r479.annex)) == (34, 36, 0)
    assert (len(r4613.preamble), len(r4613.operative), len(r4613.annex)) == (17, 8, 0)
    assert r479.structured and r4613.structured


def test_operative_numbers_in_order(r479: Resolution, r4613: Resolution) -> None:
    assert [p.number for p in r479.operative] == [str(n) for n in range(1, 37)]
    assert [p.number for p in r4613.operative] == [str(n) for n in range(1, 9)]
    assert all(p.number == "" for p in r479.preamble)


def test_header_479(r479: Resolution) -> None:
    h = r479.header
    assert h.symbol == "A/HRC/RES/47/9" and h.symbol_inferred
    assert h.number == "47/9"
    assert h.body == "Human Rights Council"
    assert h.session == "Forty-seventh session"
    assert h.dates == "21 June–14 July 2021"
    assert h.agenda_item == "Agenda item 3"
    assert h.agenda_title == (
        "Promotion and protection of all human rights, civil, political, economic, social and "
        "cultural rights, including the right to development"
    )
    assert h.date == "12 July 2021"
    assert h.title == "Enhancement of international cooperation in the field of human rights"
    assert any("inferred" in w for w in r479.warnings)


def test_header_4613(r4613: Resolution) -> None:
    h = r4613.header
    assert h.symbol == "A/HRC/RES/46/13" and not h.symbol_inferred
    assert (h.body, h.session, h.dates) == (
        "Human Rights Council",
        "Forty-sixth session",
        "22 February–24 March 2021",
    )
    assert h.agenda_item == "Agenda item 3"
    assert h.date == "23 March 2021"
    assert h.title == "Promoting mutually beneficial cooperation in the field of human rights"


def test_formula_is_not_a_paragraph(r479: Resolution, r4613: Resolution) -> None:
    for r in (r479, r4613):
        assert r.formula == "The Human Rights Council,"
        assert not r.preamble[0].text.startswith("The Human Rights Council")


def test_leads_479(r479: Resolution) -> None:
    assert r479.preamble[0].lead == "Reaffirming"
    assert r479.preamble[2].lead == "Recalling also"
    assert r479.preamble[8].lead == "Taking note with appreciation"
    assert r479.preamble[15].lead == "Recognizing with deep concern"
    assert r479.operative[7].lead == "Expresses its concern"
    assert r479.operative[9].lead == "Calls upon"
    assert r479.operative[27].lead == "Calls for"
    assert r479.operative[14].lead == "Also re-emphasizes"
    assert all(p.lead and p.text.startswith(p.lead) for p in r479.paragraphs)


def test_leads_4613_from_the_lexicon(r4613: Resolution) -> None:
    """46/13 lost its italics: leads come from the corpus-built lexicon."""
    assert [p.lead for p in r4613.preamble] == [
        "Guided by",
        "Reaffirming",
        "Recalling",
        "Reaffirming",
        "Reaffirming also",
        "Reaffirming further",
        "Acknowledging",
        "Emphasizing",
        "Reaffirming",
        "Considering",
        "Deeply concerned",
        "Expressing deep concern",
        "Emphasizing",
        "Recognizing",
        "Reiterating",
        "Recognizing",
        "Recognizing also",
    ]
    assert [p.lead for p in r4613.operative] == [
        "Calls upon",
        "Calls upon",
        "Reiterates",
        "Emphasizes",
        "Invites",
        "Reaffirms",
        "Decides",
        "Requests",
    ]


def test_paragraph_endings(r479: Resolution, r4613: Resolution) -> None:
    for r in (r479, r4613):
        assert all(p.text.endswith(",") for p in r.preamble)
        assert all(p.text.endswith((";", ".")) for p in r.operative)
        assert r.operative[-1].text.endswith(".")


def test_page_breaks_rejoined(r479: Resolution, r4613: Resolution) -> None:
    pp7 = r479.preamble[6]
    assert "Developing Countries”, in which the Assembly endorsed the Buenos Aires" in pp7.text
    assert "international cooperation and global communications" in r479.operative[9].text
    assert (
        "for the enhancement of international cooperation and genuine dialogue"
        in r479.operative[34].text
    )
    assert "non-selectivity, constructive international dialogue" in r4613.preamble[8].text


def test_footnotes_attached_479(r479: Resolution) -> None:
    assert [f.mark for f in r479.footnotes] == ["1", "2", "3", "4"]
    assert r479.footnote("3").text == "A/HRC/46/70."  # type: ignore[union-attr]
    refs = {n.mark: p.label for p in r479.paragraphs for n in p.notes}
    assert refs == {"1": "PP8", "2": "PP14", "3": "OP20", "4": "OP31"}
    pp8 = r479.preamble[7]
    assert pp8.text[: pp8.notes[0].offset].endswith("at its fifty-second session,")
    assert all("<sup>" not in p.text and "See E/CN.4" not in p.text for p in r479.paragraphs)


def test_list_dashes_and_italics_markup_gone(r4613: Resolution) -> None:
    assert all(not p.text.startswith(("-", "*")) and "*" not in p.text for p in r4613.paragraphs)
    assert r4613.operative[3].text.startswith("Emphasizes the importance")


def test_vote_479(r479: Resolution) -> None:
    v = r479.vote
    assert v is not None
    assert (v.yes, v.no, v.abstentions) == (30, 14, 3)
    assert (len(v.in_favour), len(v.against), len(v.abstaining)) == (30, 14, 3)
    assert v.meeting == "35th meeting" and v.date == "12 July 2021"
    assert v.abstaining == ("Brazil", "Mexico", "Uruguay")
    assert v.against[-1] == "United Kingdom of Great Britain and Northern Ireland"


def test_vote_4613(r4613: Resolution) -> None:
    v = r4613.vote
    assert v is not None
    assert (v.yes, v.no, v.abstentions) == (26, 15, 6)
    assert (len(v.in_favour), len(v.against), len(v.abstaining)) == (26, 15, 6)
    assert v.meeting == "49th meeting" and v.date == "23 March 2021"
    assert "Venezuela (Bolivarian Republic of)" in v.in_favour


def test_page_rules_recorded_as_noise(r479: Resolution) -> None:
    assert [n.kind for n in r479.noise if n.kind != "markup"] == ["page rule"] * 3
    markup = "".join(n.text for n in r479.noise if n.kind == "markup")
    assert markup.count("<sup>") == 8  # four references and four footnote definitions


def test_paragraph_parts_in_document_order(r479: Resolution) -> None:
    parts = [p.part for p in r479.paragraphs]
    assert parts == [Part.PREAMBLE] * 34 + [Part.OPERATIVE] * 36
    assert [p.label for p in r479.paragraphs[:2]] == ["PP1", "PP2"]
    assert r479.paragraphs[34].label == "OP1"
