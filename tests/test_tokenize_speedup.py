"""The compiled tokenizer and script counter give what the per-character originals gave.

The references below are verbatim copies of `redline.diff.tokenize` (with `_attaches`) and
`redline.parse.language.script_counts` (with `_script`) and the letter collection of
`latin_scores` as they were at commit 6e8b8a2, before issue 14 replaced their Python loops
with compiled patterns. Hypothesis draws arbitrary Unicode, and text weighted towards what
the old code treated specially: combining marks, joiners, variation selectors, emoji
modifiers, CJK and kana (including the kana marks and signs that are not word characters),
right-to-left scripts, digits, underscores and spaces.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from itertools import accumulate

from hypothesis import example, given
from hypothesis import strategies as st

from redline.diff import solid_tokens, tokenize, words
from redline.parse import language
from redline.parse.language import latin_scores, script_counts
from redline.scripts import IDEOGRAPH, WORDLESS, mark_ranges
from redline.tokens import first_token, is_plain, token_ends_at

# --- the reference: verbatim from 6e8b8a2 ---------------------------------------------------

_RAW = re.compile(r"\w+|\s+|.", re.DOTALL)
_JOINERS = {"\u200c", "\u200d"}


def _attaches(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return (
        cat.startswith("M")
        or (cat == "Sk" and 0x1F3FB <= ord(ch) <= 0x1F3FF)
        or (0xFE00 <= ord(ch) <= 0xFE0F)
    )


def old_tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    glue = False
    for raw in _RAW.findall(text):
        pieces = list(raw) if WORDLESS.search(raw) else [raw]
        for piece in pieces:
            if tokens and (glue or _attaches(piece[0]) or piece[0] in _JOINERS):
                tokens[-1] += piece
            else:
                tokens.append(piece)
            glue = piece[-1] in _JOINERS
    return tokens


def _script(ch: str) -> str:
    """ "ar", "zh", "ru", "latin" or "" for one letter."""
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF:
        return "ar"
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "ar"
    if IDEOGRAPH.match(ch):
        return "zh"
    if 0x0400 <= o <= 0x052F:
        return "ru"
    if o < 0x0250 or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    return ""


def old_script_counts(text: str) -> dict[str, int]:
    """Letters of ``text`` per script ("ar", "zh", "ru", "latin")."""
    counts = {"ar": 0, "zh": 0, "ru": 0, "latin": 0}
    for ch in text:
        if ch.isalpha():
            s = _script(ch)
            if s:
                counts[s] += 1
    return counts


# --- the strategies ---------------------------------------------------------------------------

SPECIAL = (
    "a",
    "Z",
    "é",
    "_",
    "7",
    "²",
    "½",
    " ",
    "\n",
    "\u3000",
    ",",
    "·",
    "\u0301",  # combining acute
    "\u0651",  # Arabic shadda
    "\u05b0",  # Hebrew point
    "\u0903",  # Devanagari spacing mark (Mc)
    "\u20dd",  # enclosing circle (Me)
    "\u200c",  # ZWNJ
    "\u200d",  # ZWJ
    "\ufe0f",  # variation selector 16
    "\U000e0100",  # variation selector 17
    "\U0001f3fd",  # emoji modifier
    "\U0001f44d",  # thumbs up
    "\U0001f469",  # woman
    "人",
    "权",
    "\U00020000",  # ideograph extension B
    "\U0002a6e0",  # unassigned inside the extension blocks
    "\uf900",  # compatibility ideograph
    "か",
    "カ",
    "\u3099",  # combining voiced sound mark, inside the kana block
    "\u309b",  # voiced sound mark (Sk), inside the kana block
    "\u30fb",  # katakana middle dot (Po), inside the kana block
    "\u30fc",  # prolonged sound mark (Lm)
    "，",
    "Ａ",
    "ب",
    "\u0660",  # Arabic-Indic zero
    "\ufdfc",  # rial sign
    "\ufe70",
    "א",
    "ж",
    "\u0483",  # Cyrillic titlo (Mn)
    "ẞ",
    "ɐ",
)
TEXT = st.one_of(
    st.text(),
    st.text(st.sampled_from(SPECIAL)),
    st.text(st.one_of(st.sampled_from(SPECIAL), st.characters())),
)


@given(TEXT)
@example("cafe\u0301s ab人 x\u200dab人")
@example("\u0301a")
@example("ab\u30fbc\u3099人\u200d\u200dx")
@example("\U0001f469\u200d\U0001f469\U0001f3fd\ufe0f")
def test_tokenize_is_the_per_character_original(text: str) -> None:
    assert tokenize(text) == old_tokenize(text)


@given(TEXT)
@example("a\u0903b")  # a spacing mark is a word character that attaches
@example(".\u0903b")
@example("-\u200db c")
def test_words_are_the_word_tokens(text: str) -> None:
    """`words` (one pattern when nothing joins or cuts) is the tokenizer's word tokens."""
    assert words(text) == [t for t in old_tokenize(text) if t[0].isalnum() or t[0] == "_"]


@given(TEXT)
@example("a \t\n b,\u00a0c")
@example(" \u0301x")  # a space carrying a mark is no longer only space
def test_solid_tokens_are_the_tokens_that_are_not_space(text: str) -> None:
    """`solid_tokens` (one pattern for plain text) is the tokenizer's non-space tokens."""
    assert solid_tokens(text) == [t for t in old_tokenize(text) if not t.isspace()]


@given(TEXT)
@example("ab  c,d\t\n_e1")
def test_token_boundaries_of_plain_text(text: str) -> None:
    """Where plain text's tokens end, and the token at each boundary, as the per-character
    original cuts it (what the diff's one-line shortcut relies on)."""
    if not is_plain(text):
        return
    pieces = old_tokenize(text)
    ends = {0, *accumulate(map(len, pieces))}
    assert {at for at in range(len(text) + 1) if token_ends_at(text, at)} == ends
    starts = list(accumulate(map(len, pieces), initial=0))
    assert [first_token(text, at) for at in starts[:-1]] == pieces


@given(TEXT)
def test_script_counts_are_the_per_character_original(text: str) -> None:
    assert script_counts(text) == old_script_counts(text)


@given(TEXT)
@example("Résolution adoptée à l'unanimité, señor, ça")
def test_latin_letters_are_the_per_character_original(text: str) -> None:
    lowered = text.lower()
    alphabet = frozenset(ch for lang in language.LATIN for ch in language._LETTERS[lang])
    assert language._ALPHABET.findall(lowered) == [ch for ch in lowered if ch in alphabet]
    latin_scores(text)  # runs on any text


def test_the_mark_table_is_this_python_s_unicode() -> None:
    """The tokenizer's table of combining marks is every code point of category M*."""
    marks = {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c))[0] == "M"}
    table = re.compile(f"[{mark_ranges()}]")
    assert {c for c in range(sys.maxunicode + 1) if table.match(chr(c))} == marks
