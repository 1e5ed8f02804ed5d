"""Six UN languages: detect_language() and find_lead() on the aligned corpus.

The texts are the six-language files of /work/shared/corpus/multilingual: the Universal
Declaration (udhr/*.txt) and unpc-devset/resolution_lines.tsv, the lines of the UN Parallel
Corpus development set that come from resolutions, one column per language.

What the rates mean: the function words and letters behind detect_language() are counted
without the lines of resolution_lines.tsv, so the detection rates are measured on unseen
lines.  The lead lexicon of fr/es/ru/ar/zh is learnt from resolution_lines.tsv among other
aligned lines (tools/build_lexicon.py), so the lead-finding rate below is measured on lines
the lexicon has seen; the build prints a held-out figure as well (learnt without them).
The rates are printed (pytest -s); a language under the bar is marked xfail with its
measured rate, not tuned to pass.
"""

from __future__ import annotations

import csv
import random
import re
from functools import cache
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.parse._leads import find_lead
from redline.parse.language import detect_language
from redline.parse.lexicon import HEADER_WORDS, LEADS

MULTILINGUAL = Path("/work/shared/corpus/multilingual")
TSV = MULTILINGUAL / "unpc-devset" / "resolution_lines.tsv"
LANGUAGES = ("ar", "zh", "ru", "en", "fr", "es")
OTHERS = ("fr", "es", "ru", "ar", "zh")
UDHR = {
    "udhr_arb.txt": "ar",
    "udhr_cmn_hans.txt": "zh",
    "udhr_cmn_hant.txt": "zh",
    "udhr_eng.txt": "en",
    "udhr_fra.txt": "fr",
    "udhr_rus.txt": "ru",
    "udhr_spa.txt": "es",
}
SAMPLE = 20
DETECTION_BAR = 0.95
LEAD_BAR = 0.80
# A language whose measured lead-finding rate is under LEAD_BAR: the rate, as measured.
LEAD_SHORTFALL: dict[str, str] = {}

NUMBER = re.compile(r"^\s*[0-9\u0660-\u0669]{1,3}\s*[.\-]\s*")
ARABIC_IGNORED = "\u0640" + "".join(chr(c) for c in range(0x064B, 0x0653))

needs_corpus = pytest.mark.skipif(not TSV.is_file(), reason="multilingual corpus not available")


@cache
def rows() -> tuple[dict[str, str], ...]:
    with TSV.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def body(text: str) -> str:
    """The sentence without its paragraph number ("2. ", "٣ - ")."""
    return NUMBER.sub("", text, count=1)


def english_part(text: str) -> str:
    """The part whose English lead opens ``text`` ("" if none); numbered -> operative first."""
    parts = ("operative", "preamble") if NUMBER.match(text) else ("preamble", "operative")
    return next((p for p in parts if find_lead(body(text), part=p)), "")


@cache
def openings() -> tuple[tuple[str, dict[str, str]], ...]:
    """(part, row) for the lines whose English twin opens with a lead."""
    return tuple((p, r) for r in rows() if (p := english_part(r["en"])))


def lead_rate(lang: str) -> tuple[int, int]:
    found = sum(bool(find_lead(body(r[lang]), part=p, language=lang)) for p, r in openings())
    return found, len(openings())


# --- detect_language ---------------------------------------------------------------------------
@needs_corpus
@pytest.mark.parametrize(("name", "lang"), sorted(UDHR.items()))
def test_udhr_language(name: str, lang: str) -> None:
    text = (MULTILINGUAL / "udhr" / name).read_text(encoding="utf-8")
    text = text.split("\n---\n", 1)[1]  # without the English note on the file
    assert detect_language(text) == lang


@needs_corpus
@pytest.mark.parametrize("lang", LANGUAGES)
def test_detection_on_resolution_lines(lang: str) -> None:
    sample = random.Random(f"redline-{lang}").sample(rows(), SAMPLE)
    wrong = [(r[lang], got) for r in sample if (got := detect_language(r[lang])) != lang]
    rate = 1 - len(wrong) / SAMPLE
    everywhere = sum(detect_language(r[lang]) == lang for r in rows()) / len(rows())
    print(f"detect_language {lang}: {rate:.0%} of {SAMPLE} sampled, {everywhere:.1%} of all")
    assert rate >= DETECTION_BAR, wrong


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Рассмотрев доклад Генерального секретаря,", "ru"),
        ("إن الجمعية العامة،", "ar"),
        ("大会，", "zh"),
        ("Recalling its resolution 2117 (2013),", "en"),
        ("Rappelant sa résolution 2117 (2013),", "fr"),
        ("Recordando su resolución 2117 (2013),", "es"),
        ("2203 (2015)", "en"),  # nothing to tell: English
        ("", "en"),
    ],
)
def test_detection_examples(text: str, lang: str) -> None:
    assert detect_language(text) == lang


# --- find_lead in six languages ----------------------------------------------------------------
def _lead_case(lang: str) -> ParameterSet:
    if lang not in LEAD_SHORTFALL:
        return pytest.param(lang)
    return pytest.param(lang, marks=pytest.mark.xfail(reason=LEAD_SHORTFALL[lang], strict=True))


@needs_corpus
@pytest.mark.parametrize("lang", [_lead_case(lang) for lang in OTHERS])
def test_lead_found_in_aligned_openings(lang: str) -> None:
    found, total = lead_rate(lang)
    print(f"find_lead {lang}: {found}/{total} = {found / total:.1%}")
    assert found / total >= LEAD_BAR, f"{lang}: {found}/{total}"


@needs_corpus
def test_english_openings_counted() -> None:
    """The English side: how many openings the rates above are taken over."""
    parts = [p for p, _ in openings()]
    assert parts.count("preamble") > 40 and parts.count("operative") > 50


@pytest.mark.parametrize(
    ("text", "part", "lang", "lead"),
    [
        ("Réaffirmant son ferme attachement", "preamble", "fr", "Réaffirmant"),
        ("Prie le Secrétaire général de", "operative", "fr", "Prie"),
        ("Acogiendo con beneplácito los esfuerzos", "preamble", "es", "Acogiendo con beneplácito"),
        ("Exhorta a las autoridades", "operative", "es", "Exhorta"),
        ("вновь подтверждая свою приверженность", "preamble", "ru", "вновь подтверждая"),
        ("Вновь подтверждая свою приверженность", "preamble", "ru", "Вновь подтверждая"),
        ("призывает власти Гаити", "operative", "ru", "призывает"),
        ("Призывает власти Гаити", "operative", "ru", "Призывает"),
        ("请秘书长在本决议通过", "operative", "zh", "请"),
        ("重申对也门的统一", "preamble", "zh", "重申"),
        ("决定", "operative", "zh", "决定"),
        ("إذ يؤكد من جديد التزامه", "preamble", "ar", "إذ يؤكد من جديد"),
        ("وإذ يؤكد من جديد التزامه", "preamble", "ar", "وإذ يؤكد من جديد"),
        ("وإذ يعيد تـأكيد قلقه", "preamble", "ar", "وإذ يعيد تـأكيد"),
        ("يهيب بالسلطات الهايتية", "operative", "ar", "يهيب"),
        ("ويهيب بالسلطات", "operative", "ar", ""),  # the joined "and": preamble only
        ("Recalling its resolution", "preamble", "fr", ""),
        ("Rappelantes", "preamble", "fr", ""),  # word boundary still required
    ],
)
def test_lead_examples(text: str, part: str, lang: str, lead: str) -> None:
    assert find_lead(text, part=part, language=lang) == lead


def test_lexicons_of_six_languages() -> None:
    assert set(LEADS) == set(LANGUAGES)
    for lang in OTHERS:
        for part in ("preamble", "operative"):
            phrases = LEADS[lang][part]
            assert phrases and len(phrases) == len(set(phrases))
            assert all(p == p.strip() and "  " not in p for p in phrases)
            # longest first, so the first match is the longest
            for i, p in enumerate(phrases):
                assert not any(q.startswith(p) and len(q) > len(p) for q in phrases[i + 1 :])
    assert not any(" " in p for part in LEADS["zh"].values() for p in part)
    assert not any(ch in ARABIC_IGNORED for part in LEADS["ar"].values() for p in part for ch in p)


def test_header_words_shape() -> None:
    assert set(HEADER_WORDS) == set(LANGUAGES)
    for lang in LANGUAGES:
        assert {"enacting", "session", "agenda item", "meeting"} <= set(HEADER_WORDS[lang])
    assert "L'Assemblée générale," in HEADER_WORDS["fr"]["enacting"]
    assert "إن الجمعية العامة،" in HEADER_WORDS["ar"]["enacting"]
    assert "大会，" in HEADER_WORDS["zh"]["enacting"]
    # no vote lists in the multilingual corpus: English only
    for key in ("in favour", "against", "abstaining"):
        assert [lang for lang in LANGUAGES if key in HEADER_WORDS[lang]] == ["en"]


# --- Arabic: harakat and tatweel are skipped, the exact prefix comes back ----------------------
def _strip_marks(text: str) -> str:
    return "".join(ch for ch in text if ch not in ARABIC_IGNORED)


@cache
def arabic_openings() -> tuple[tuple[str, str], ...]:
    """(part, sentence) of the Arabic openings whose clean text has a lead."""
    out = []
    for part, r in openings():
        text = _strip_marks(body(r["ar"]))
        if find_lead(text, part=part, language="ar"):
            out.append((part, text))
    return tuple(out)


@needs_corpus
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_arabic_lead_is_exact_prefix_despite_marks(data: st.DataObject) -> None:
    part, clean = data.draw(st.sampled_from(arabic_openings()))
    marks = data.draw(
        st.lists(st.sampled_from(ARABIC_IGNORED), min_size=len(clean), max_size=len(clean))
    )
    keep = data.draw(st.lists(st.booleans(), min_size=len(clean), max_size=len(clean)))
    # a mark may follow any Arabic letter, as in real text
    text = "".join(
        ch + (m if k and "\u0621" <= ch <= "\u064a" else "") for ch, m, k in zip(clean, marks, keep)
    )
    lead = find_lead(text, part=part, language="ar")
    assert lead and text.startswith(lead)
    assert _strip_marks(lead) == find_lead(clean, part=part, language="ar")
    rest = text[len(lead) :]
    assert not rest or rest[0] not in ARABIC_IGNORED  # marks of the last letter come along
