"""Two pieces of text join into one paragraph only on evidence, never on a small letter alone.

The rule (`redline.parse._evidence`): a page break between them (running head, page number,
form feed, footnote block, a wide gap of blank lines), a hard-wrapped layout, or a paragraph
left unfinished. Each test builds its text by hand, so the expected paragraphs are known
before the parser runs.
"""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

import redline
from redline.model import Footnote, RepairKind
from redline.parse import source_map
from redline.parse._conserve import content_texts

FORMULA = "The General Assembly,"
PP1 = "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world”,"
PP2 = "Noting with appreciation the report of the Secretary-General,"
OP1 = "1. Decides to continue its consideration of the question;"
OP2 = "2. Requests the Secretary-General to submit a report."


def _texts(text: str) -> list[str]:
    return [p.text for p in redline.parse(text).paragraphs]


def test_small_letter_alone_never_joins() -> None:
    """A block in small letters after a finished one stays a paragraph of its own."""
    text = f"{FORMULA}\n\n{PP1}\n\nnoting also the report of the Special Rapporteur,\n\n{OP1}\n"
    r = redline.parse(text)
    assert [p.text for p in r.preamble] == [
        PP1,
        "noting also the report of the Special Rapporteur,",
    ]
    assert not r.repairs


def test_small_letter_alone_never_joins_plain_text() -> None:
    text = "A heading without a sign\n\nthen a line in small letters\n\nand another one\n"
    assert _texts(text) == [
        "A heading without a sign",
        "then a line in small letters",
        "and another one",
    ]


def test_russian_lowercase_leads_stay_apart() -> None:
    """Russian preambular paragraphs open in small letters: the lexicon says they open."""
    text = (
        "Генеральная Ассамблея,\n\nпризнавая важность международного сотрудничества,\n\n"
        "отмечая доклад Генерального секретаря,\n\n1. постановляет продолжить рассмотрение "
        "этого вопроса;\n"
    )
    r = redline.parse(text)
    assert [p.lead for p in r.preamble] == ["признавая", "отмечая"]
    assert len(r.operative) == 1


def test_page_number_between_joins() -> None:
    """A page cut "…from 20 to" / "2/4" / "24 April 2009" is one paragraph again."""
    cut = "Recalling further the Durban Review Conference, held in Geneva from 20 to"
    rest = "24 April 2009, and its outcome document,"
    text = f"{FORMULA}\n\n{cut}\n\n24-24160\n2/4\n\n{rest}\n\n{OP1}\n"
    r = redline.parse(text)
    assert [p.text for p in r.preamble] == [f"{cut} {rest}"]
    assert [x.kind for x in r.repairs].count(RepairKind.PAGE_BREAK) == 1
    assert {n.kind for n in r.noise} >= {"page number", "job number"}


def test_form_feed_joins() -> None:
    cut = "Recalling its resolution 70/1 of 25 September 2015, entitled"
    text = f"{FORMULA}\n\n{cut}\n\f\n“Transforming our world”,\n\n{OP1}\n"
    r = redline.parse(text)
    assert [p.text for p in r.preamble] == [f"{cut} “Transforming our world”,"]


def test_without_page_break_a_comma_ends_the_paragraph() -> None:
    """The same two pieces with no page mark between them stay two paragraphs."""
    text = f"{FORMULA}\n\n{PP2}\n\nin particular its recommendations,\n\n{OP1}\n"
    assert len(redline.parse(text).preamble) == 2
    paged = f"{FORMULA}\n\n{PP2}\n\n2/4\n\nin particular its recommendations,\n\n{OP1}\n"
    assert [p.text for p in redline.parse(paged).preamble] == [
        f"{PP2} in particular its recommendations,"
    ]


def test_running_head_and_footnote_block_set_aside() -> None:
    """Extracted PDF text: the footnote block and the running head between two halves of a
    paragraph go aside; the note goes to its mark; the repairs say so."""
    masthead = (
        "United Nations\nA/RES/79/166\n\nGeneral Assembly\n\n79/166. Enhancement of "
        "international cooperation\n\n"
    )
    text = (
        f"{masthead}{FORMULA}\n\nReaffirming its commitment to the Vienna Declaration,1 for\n"
        "enhancing genuine cooperation among Member States in the field of human\n"
        "__________________\n\n1 A/CONF.157/24 (Part I), chap. III.\n\n"
        "A/RES/79/166\nEnhancement of international cooperation\n\n24-24160\n2/4\n\n"
        f"rights,\n\n{OP1}\n"
    )
    r = redline.parse(text)
    assert [p.text for p in r.preamble] == [
        "Reaffirming its commitment to the Vienna Declaration, for enhancing genuine "
        "cooperation among Member States in the field of human rights,"
    ]
    assert r.footnotes[0].mark == "1" and r.footnotes[0].text.startswith("A/CONF.157/24")
    note = r.preamble[0].notes[0]
    assert r.preamble[0].text[: note.offset].endswith("Declaration,")
    kinds = [x.kind for x in r.repairs]
    assert kinds.count(RepairKind.RUNNING_HEAD) == 1
    assert kinds.count(RepairKind.FOOTNOTE_MOVED) == 1
    assert kinds.count(RepairKind.PAGE_BREAK) == 1
    assert kinds.count(RepairKind.WRAPPED_LINE) == 1
    assert "running head" in source_map(r) and "footnote moved" in source_map(r)
    assert not r.warnings


DRAFT = """United Nations
A/C.3/80/L.35*

General Assembly
Distr.: Limited
20 October 2025

Eightieth session
Third Committee
Agenda item 71 (b)

Cuba:** draft resolution

Enhancement of international cooperation in the field of human rights

The General Assembly,

Reaffirming its commitment to promoting international cooperation, as set forth in the
Charter of the United Nations, in particular Article 1, paragraph 3,1 for enhancing
__________________

* Reissued for technical reasons on 28 October 2025.
** On behalf of the States Members of the United Nations that are members of the Group of
77 and China.
1 A/CONF.157/24 (Part I), chap. III.

A/C.3/80/L.35
25-16789
2/3

genuine cooperation among Member States in the field of human rights,

1. Reaffirms that it is one of the purposes of the United Nations to promote respect for all
human rights;
"""


def test_draft_sponsor_notes_go_to_the_header() -> None:
    """A Third Committee draft as extracted text: the starred notes at the first page's foot
    go to the header lines their stars follow, the numbered one to its mark, the running
    head "A/C.3/80/L.35" of page 2 is dropped, the cut paragraph joined."""
    r = redline.parse(DRAFT)
    header = [h.text for h in r.header.lines]
    assert r.header.symbol == "A/C.3/80/L.35"
    assert header[header.index("A/C.3/80/L.35") + 1] == (
        "Reissued for technical reasons on 28 October 2025."
    )
    assert header[header.index("Cuba: draft resolution") + 1] == (
        "On behalf of the States Members of the United Nations that are members of the Group "
        "of 77 and China."
    )
    assert [p.text for p in r.preamble] == [
        "Reaffirming its commitment to promoting international cooperation, as set forth in "
        "the Charter of the United Nations, in particular Article 1, paragraph 3, for enhancing "
        "genuine cooperation among Member States in the field of human rights,"
    ]
    assert r.footnotes == (Footnote("1", "A/CONF.157/24 (Part I), chap. III."),)
    assert r.preamble[0].text[: r.preamble[0].notes[0].offset].endswith("paragraph 3,")
    assert not any(p.text.startswith("A/C.3") for p in r.paragraphs)
    assert not r.warnings


def test_hard_wrapped_lines_join() -> None:
    """Lines of similar length ending mid-sentence are one paragraph's wrapped lines."""
    considered = [
        "Having considered the question of the recommendation for the appointment of the",
        "Secretary-General of the United Nations and the report of the Committee on the",
        "Admission of New Members regarding the applications received so far this year,",
    ]
    recommends = [
        "Recommends to the General Assembly that Mr. Kurt Waldheim be appointed",
        "Secretary-General of the United Nations for a second term of office from the",
        "first day of January to the last day of December of the year after next.",
    ]
    text = "The Security Council,\n\n" + "\n".join(considered) + "\n\n" + "\n".join(recommends)
    r = redline.parse(text + "\n")
    assert [p.text for p in r.paragraphs] == [" ".join(considered), " ".join(recommends)]
    assert [x.kind for x in r.repairs].count(RepairKind.WRAPPED_LINE) == 4


def test_one_paragraph_per_line_stays() -> None:
    """Lines without blank lines between them that each end as a paragraph stay apart."""
    text = "\n".join([FORMULA, PP1, PP2, OP1, OP2]) + "\n"
    r = redline.parse(text)
    assert [p.text for p in r.preamble] == [PP1, PP2]
    assert len(r.operative) == 2
    assert not r.repairs


def test_unfinished_paragraph_goes_on() -> None:
    """An operative paragraph with no closing sign at all was cut: the next piece in small
    letters goes on with it (a converted PDF whose page break left one blank line)."""
    text = (
        f"{FORMULA}\n\n{PP1}\n\n1. Calls upon the international community to strengthen "
        "international\n\ncooperation and global communications;\n\n" + OP2 + "\n"
    )
    r = redline.parse(text)
    assert r.operative[0].text.endswith("international cooperation and global communications;")
    assert len(r.operative) == 2


# -- properties ---------------------------------------------------------------------------

_WORD = st.text(alphabet=string.ascii_letters + "éàçü", min_size=1, max_size=9)
_SIGN = st.sampled_from([",", ";", ".", ":"])


@st.composite
def _finished(draw: st.DrawFn) -> str:
    """A paragraph of words that ends as a paragraph does (a closing sign)."""
    words = draw(st.lists(_WORD, min_size=1, max_size=14))
    return " ".join(words) + draw(_SIGN)


@given(st.lists(_finished(), min_size=1, max_size=12), st.sampled_from(["\n\n", "\n"]))
def test_separated_paragraphs_keep_their_count(paragraphs: list[str], sep: str) -> None:
    """Paragraphs separated by blank lines, or one per line, each ending with a closing sign
    and without any page mark, are never joined: the count and the texts are kept."""
    r = redline.parse(sep.join(paragraphs) + "\n")
    assert [p.text for p in r.paragraphs] == paragraphs
    assert not any(x.kind is RepairKind.PAGE_BREAK for x in r.repairs)


_PIECES = st.sampled_from(
    [
        "2/4",
        "24-24160",
        "23-26037 (E) 090124",
        "*2326037*",
        "A/RES/79/166",
        "__________________",
        "1 A/CONF.157/24 (Part I), chap. III.",
        "12 Ibid., Seventy-ninth Session.",
        "The General Assembly,",
        "Recalling its resolution 70/1,",
        "noting also the report,",
        "1. Decides to continue;",
        "(a) To promote the",
        "held in Geneva from 20 to",
        "rights,1 for enhancing the tenth4 and",
        "good-",
        "neighbourliness of States",
        "\f",
        "",
        " ",
    ]
)


@given(st.lists(_PIECES, min_size=1, max_size=40))
def test_every_character_is_kept(lines: list[str]) -> None:
    """Whatever furniture, footnotes and page breaks a text holds, every character that is
    not whitespace ends up in the parsed structure or in the noise record."""
    text = "\n".join(lines)
    if not text.strip():
        return
    r = redline.parse(text)
    kept = "".join(t for _, t in content_texts(r)) + "".join(n.text for n in r.noise)
    assert sorted(c for c in kept if not c.isspace()) == sorted(c for c in text if not c.isspace())
