"""The faster parsing steps give what the steps they replaced gave.

The references below are verbatim copies (or, where marked, the plain formula) of what
`redline.parse` ran at commit 64d403d, before parsing was made faster: the lead matcher's
candidate loop, the per-word vocabulary count of language detection, the per-pattern
furniture test, and the count-everything conservation verdict. Hypothesis draws arbitrary
text and text weighted towards what each step treats specially; the corpus gives real lines.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from redline.model import Paragraph, Part
from redline.parse import _conserve, _leads, _patterns, _source, language, parse_string
from redline.parse.lexicon import LEADS

# --- the references: verbatim from 64d403d ----------------------------------------------------


def old_find(text: str, lexicon: _leads._Lexicon, *, part: str, language: str) -> str:
    if not text or not lexicon.phrases:
        return ""
    limit = lexicon.longest + 1
    folded, ends = _leads._fold(text, language, limit)
    bodies = [(0, folded, ends)]
    if language == "ar" and part == "preamble" and folded[:1] in _leads._ARABIC_CONJUNCTIONS:
        rest = _leads._fold(text[ends[0] :], language, limit)
        bodies.append((ends[0], *rest))
    capital_ok = part == "operative" or language in _leads._CAPITAL_IN_PREAMBLE
    boundary = language not in _leads._NO_BOUNDARY
    candidates = sorted(
        (k, b)
        for b, (_, body, _) in enumerate(bodies)
        for k in lexicon.starting(body[:1], capital_ok=capital_ok)
    )
    for k, b in candidates:
        phrase = lexicon.phrases[k]
        offset, body, body_ends = bodies[b]
        n = len(phrase)
        if not body.startswith(phrase[1:], 1):
            continue
        if boundary and n < len(body) and _leads._is_word_char(body[n]):
            continue
        return text[: offset + body_ends[n - 1]]
    return ""


def old_fold(text: str, language: str, limit: int) -> tuple[str, object]:
    if language != "ar":
        head = text[: limit + 1]
        if head.isprintable() and "  " not in head and not _leads._FOLDED.intersection(head):
            return head, range(1, len(head) + 1)
    return _leads._fold_each(text, language, limit)


def old_words_and_letters(text: str) -> tuple[Counter[str], Counter[str]]:
    lowered = text.lower()
    words = Counter(w for w in language._WORD.findall(lowered) if w in language._VOCABULARY)
    return words, Counter(language._ALPHABET.findall(lowered))


def old_script_counts(text: str) -> dict[str, int]:
    return {
        s: sum(map(str.isalpha, p.findall(text))) if s == "zh" else p.subn("", text)[1]
        for s, p in language._SCRIPT_LETTERS.items()
    }


def old_detect_language(text: str) -> str:
    counts = old_script_counts(text)
    weighted = {"ar": counts["ar"], "zh": 2 * counts["zh"], "ru": counts["ru"]}
    best = max(weighted, key=lambda s: weighted[s])
    if weighted[best] > counts["latin"]:
        return best
    scores = language.latin_scores(text)
    return max(language.LATIN, key=lambda lang: scores[lang])


def old_furniture(line: str) -> str | None:
    text = line.strip()
    return next((kind for rx, kind in _patterns.FURNITURE if rx.match(text)), None)


def old_conserved(text: str, r: object) -> bool:
    """The verdict of verify_conservation as it was: every non-space character counted."""
    source = _conserve._count([text])
    accounted = _conserve._count([t for _, t in _conserve.content_texts(r)])  # type: ignore[arg-type]
    accounted += _conserve._count([n.text for n in r.noise])  # type: ignore[attr-defined]
    return source == accounted


# --- the strategies ---------------------------------------------------------------------------

SPECIAL = (
    " ",
    "  ",
    "\n",
    "\t",
    "\xa0",
    "\u2009",
    "\u3000",
    "\x1c",
    "\f",
    "a",
    "Z",
    "é",
    "É",
    "ß",
    "ﬁ",
    "İ",
    "_",
    "7",
    "²",
    "½",
    "-",
    "\u2010",
    "\u2011",
    "'",
    "\u2019",
    "*",
    "**",
    "<sup>1</sup>",
    "[^1]",
    "/",
    ".",
    ",",
    "ж",
    "п",
    "ب",
    "و",
    "ت",
    "ها",
    "\u064f",
    "\u0640",
    "\ufe8d",
    "人",
    "请",
    "\U0002a6e0",
    "\ud800",
)
WORDS = [p for lang in LEADS.values() for part in lang.values() for p in part[:40]]
TEXT = st.one_of(
    st.text(),
    st.lists(st.sampled_from(SPECIAL)).map("".join),
    st.lists(st.one_of(st.sampled_from(SPECIAL), st.characters())).map("".join),
    st.builds(
        lambda a, b, c: a + b + c,
        st.sampled_from(["", " ", "3. ", "(a) ", "و", "\u0648\u0625\u0630 "]),
        st.sampled_from(WORDS),
        st.lists(st.sampled_from(SPECIAL), max_size=6).map("".join),
    ),
)
PARTS = ("preamble", "operative")


def _corpus_texts(shared: Path, limit: int = 40) -> list[tuple[str, str]]:
    corpus = shared / "corpus"
    out = [
        (p.name, json.loads(p.read_text(encoding="utf-8"))["text"])
        for p in sorted((corpus / "pdf-text").glob("*.json"))[:limit]
    ]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("markdown/*.md"))]
    out += [
        (p.name, p.read_text(encoding="utf-8"))
        for p in sorted(corpus.glob("multilingual/udhr/*.txt"))
    ]
    out += [
        (p.name, p.read_text(encoding="utf-8"))
        for p in sorted((corpus / "ocr-security-council").glob("*.txt"))[:limit]
    ]
    return out


# --- leads ------------------------------------------------------------------------------------


@given(TEXT, st.sampled_from(sorted(LEADS)), st.sampled_from(PARTS))
@example("Recalling also", "en", "operative")
@example("recalling also", "en", "operative")
@example("وإذ تشير", "ar", "preamble")
@example("请秘书长", "zh", "operative")
@example("R", "en", "preamble")
def test_find_lead_is_the_candidate_loop(text: str, lang: str, part: str) -> None:
    lexicon = _leads._phrases(lang, part)
    assert _leads._find(text, lexicon, part=part, language=lang) == old_find(
        text, lexicon, part=part, language=lang
    )


@given(TEXT, st.sampled_from(sorted(LEADS)), st.integers(0, 40))
def test_fold_is_the_set_intersection_test(text: str, lang: str, limit: int) -> None:
    assert _leads._fold(text, lang, limit) == old_fold(text, lang, limit)


def test_find_lead_on_corpus_lines(shared_dir: Path) -> None:
    for _, text in _corpus_texts(shared_dir, 15):
        for line in text.splitlines():
            for lang in LEADS:
                for part in PARTS:
                    lexicon = _leads._phrases(lang, part)
                    got = _leads._find(line.strip(), lexicon, part=part, language=lang)
                    assert got == old_find(line.strip(), lexicon, part=part, language=lang)


# --- language detection -----------------------------------------------------------------------


@given(TEXT)
@example("Résolution adoptée à l'unanimité, señor, ça, L’État")
@example("the\u00a0of und ² and½ the_of")
def test_vocabulary_count_is_the_per_word_count(text: str) -> None:
    assert language._words_and_letters(text) == old_words_and_letters(text)


@given(TEXT)
@example("ΑΣ'Β ΑΣ.")
def test_lowering_is_per_character_but_for_the_capital_sigma(text: str) -> None:
    """What `_words_and_letters` relies on: a piece lowers as it does in the whole text,
    except a capital sigma (final or not), which is in no listed word and no alphabet."""
    if "\u03a3" not in text:
        assert text.lower() == "".join(ch.lower() for ch in text)
    assert all(
        not (ord(x) < 128 and not x.isalpha()) for ch in text if ord(ch) >= 128 for x in ch.lower()
    )
    assert not any("\u03c3" in w or "\u03c2" in w for w in language._VOCABULARY)
    assert not language._ALPHABET.search("\u03c3\u03c2")


@given(TEXT)
def test_script_counts_are_the_pattern_counts(text: str) -> None:
    assert language.script_counts(text) == old_script_counts(text)


@given(TEXT)
@example("3. Decides to remain seized of the matter")
@example("人")
def test_detect_language_is_the_full_count(text: str) -> None:
    assert language.detect_language(text) == old_detect_language(text)


def test_detect_language_on_the_corpus(shared_dir: Path) -> None:
    for _, text in _corpus_texts(shared_dir):
        assert language.detect_language(text) == old_detect_language(text)
        assert language._words_and_letters(text) == old_words_and_letters(text)


# --- furniture, markup-free lines -------------------------------------------------------------


@given(
    st.one_of(
        TEXT,
        st.sampled_from(
            ["2/4", " 12 / 13 ", "24-24160 2/4", "GE.21-04512", "*2326037*", "PLEASE RECYCLE"]
        ),
    )
)
def test_furniture_is_the_pattern_by_pattern_test(line: str) -> None:
    assert _patterns.furniture(line) == old_furniture(line)


@given(TEXT)
@example("   ")
@example("")
def test_a_line_without_markup_characters_is_one_plain_line(text: str) -> None:
    line = text.replace("\n", " ").replace("\r", " ")
    if "*" in line or "<sup>" in line or "[^" in line:
        return
    markup: list[str] = []
    assert _source._FOOTNOTE_DEF.match(line) is None
    groups = _source._split_glued(1, _source._spans(line, markup))
    assert markup == [] and len(groups) == 1
    expected = _source._line_from_spans(1, groups[0])
    assert expected == _source.SourceLine(1, line, bold=bool(line) and not line.strip())


# --- conservation -----------------------------------------------------------------------------


def _resolutions(shared: Path) -> list[tuple[str, object]]:
    return [(text, parse_string(text, source=name)) for name, text in _corpus_texts(shared, 12)]


def test_texts_are_the_content_texts(shared_dir: Path) -> None:
    for _, r in _resolutions(shared_dir):
        assert _conserve._texts(r) == [t for _, t in _conserve.content_texts(r)]  # type: ignore[arg-type]


def test_the_conservation_verdict_is_the_full_count(shared_dir: Path) -> None:
    """Equal on every corpus text; unequal once a character is added, dropped or changed
    in the source, or a space turned into a character the parse does not hold."""
    for text, r in _resolutions(shared_dir):
        assert _conserve._balanced(text, r) and old_conserved(text, r)
        k = len(text) // 2
        for changed in (
            text[:k] + "§" + text[k:],
            text[:k] + text[k + 1 :],
            text[:k] + ("x" if text[k] != "x" else "y") + text[k + 1 :],
            text.replace(" ", "\u2028", 1),
            text + "\ufeff",
        ):
            assert _conserve._balanced(changed, r) == old_conserved(changed, r)


@given(TEXT, TEXT)
def test_the_verdict_on_any_pieces(source: str, extra: str) -> None:
    r = parse_string(
        "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides.\n", source="x"
    )
    text = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides.\n"
    for candidate in (text + source, source + text, text[:30] + extra + text[30:], source):
        assert _conserve._balanced(candidate, r) == old_conserved(candidate, r)


def test_whitespace_is_what_str_split_drops() -> None:
    """`_bare` takes out spaces only; the final count drops what `str.isspace` says."""
    assert all(not ch.strip() for ch in _conserve._LAYOUT)


# --- the model's paragraph, built field by field ----------------------------------------------


def test_paragraph_fields_are_the_ones_built_positionally() -> None:
    """_structure builds a Paragraph from its fields in order (for `_formatted` and
    `_with_sub`): a field added to the model must be added there too."""
    names = [f for f in Paragraph.__dataclass_fields__]
    assert names == [
        "part",
        "index",
        "text",
        "lead",
        "number",
        "subparagraphs",
        "notes",
        "line",
        "italic",
    ]
    p = Paragraph(Part.OPERATIVE, 2, "t", "l", "3", (), (), 7, ((0, 1),))
    assert p.italic == ((0, 1),) and p.line == 7


def test_the_first_bytes_cover_every_letter_of_the_other_scripts() -> None:
    """`detect_language` skips the script counts when the text's UTF-8 holds none of
    `_LEAD_BYTES`: every character `_NOT_LATIN` finds begins with one of them."""
    missing = [
        c
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c < 0xE000
        and language._NOT_LATIN.match(chr(c))
        and chr(c).encode()[0] not in language._LEAD_BYTES
    ]
    assert missing == []


def test_no_character_lowers_to_an_ascii_non_letter() -> None:
    """A piece of the text is cut at ASCII non-letters before it is lowered: lowering makes
    none (`_words_and_letters`)."""
    assert not [
        c
        for c in range(128, sys.maxunicode + 1)
        if not 0xD800 <= c < 0xE000
        and any(ord(x) < 128 and not x.isalpha() for x in chr(c).lower())
    ]
