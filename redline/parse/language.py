"""Which of the six UN languages a text is written in.

Arabic, Chinese and Russian are told by their script: the letters of the text are counted by
script (Arabic, CJK ideographs -- counted twice, an ideograph carrying about a word --,
Cyrillic, Latin) and the largest share wins.  A Latin-script text is English, French or
Spanish; it is scored for each of the three, naive-Bayes fashion, from the corpus counts in
:mod:`redline.parse.lexicon`:

* every word that is among the 100 most frequent words of one of the three languages
  (``FUNCTION_WORDS``) adds the log of its frequency in each language (half the rarest listed
  frequency where the language does not list it);
* every letter outside ASCII ("é", "ñ", "ç", ...) adds the log of its frequency per language
  (``LETTERS``), the same way;
* a paragraph that opens with one of the language's leads (``LEADS``, after a paragraph
  number) adds :data:`LEAD_BONUS`.

The best score wins; a text with no evidence at all ("2203 (2015)", "African Union" has no
listed word) is English.  Deterministic, pure Python.
"""

from __future__ import annotations

import re
from math import log

from ..scripts import IDEOGRAPH
from ._leads import find_lead
from .lexicon import FUNCTION_WORDS, LETTERS

LANGUAGES = ("ar", "zh", "ru", "en", "fr", "es")
LATIN = ("en", "fr", "es")
LEAD_BONUS = 5.0

_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"^\s*[0-9\u0660-\u0669]{1,3}\s*[.\-]\s*")
_WORDS = {lang: dict(FUNCTION_WORDS[lang]) for lang in LATIN}
_WORD_FLOOR = {lang: min(_WORDS[lang].values()) / 2 for lang in LATIN}
_VOCABULARY = frozenset(w for lang in LATIN for w in _WORDS[lang])
_LETTERS = {lang: dict(LETTERS[lang]) for lang in LATIN}
_LETTER_FLOOR = 0.5  # per 100,000 letters: below the rarest letter the counts keep
_ALPHABET = re.compile(
    "[" + "".join(sorted(re.escape(ch) for lang in LATIN for ch in _LETTERS[lang])) + "]"
)


_SCRIPT_LETTERS = {
    "ar": re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "zh": IDEOGRAPH,
    "ru": re.compile("[\u0400-\u052f]"),
    "latin": re.compile("[\x00-\u024f\u1e00-\u1eff]"),
}
"""The blocks of each script (disjoint); a letter is a character of them that `isalpha`."""


def script_counts(text: str) -> dict[str, int]:
    """Letters of ``text`` per script ("ar", "zh", "ru", "latin").

    One pass of a compiled pattern per script, and `str.isalpha` mapped over what it found:
    no Python loop per character.
    """
    return {s: sum(map(str.isalpha, p.findall(text))) for s, p in _SCRIPT_LETTERS.items()}


def latin_scores(text: str) -> dict[str, float]:
    """Log-score of ``text`` as English, French and Spanish (higher is likelier)."""
    lowered = text.lower()
    words = [w for w in _WORD.findall(lowered) if w in _VOCABULARY]
    letters = _ALPHABET.findall(lowered)
    body = _NUMBER.sub("", text, count=1).lstrip()
    scores: dict[str, float] = {}
    for lang in LATIN:
        freq, floor = _WORDS[lang], _WORD_FLOOR[lang]
        score = sum(log(freq.get(w, floor)) for w in words)
        score += sum(log(_LETTERS[lang].get(ch, _LETTER_FLOOR)) for ch in letters)
        if any(find_lead(body, part=part, language=lang) for part in ("preamble", "operative")):
            score += LEAD_BONUS
        scores[lang] = score
    return scores


def detect_language(text: str) -> str:
    """One of "ar", "zh", "ru", "en", "fr", "es": the language ``text`` is written in."""
    counts = script_counts(text)
    weighted = {"ar": counts["ar"], "zh": 2 * counts["zh"], "ru": counts["ru"]}
    best = max(weighted, key=lambda s: weighted[s])  # first of equals: ar, zh, ru
    if weighted[best] > counts["latin"]:
        return best
    scores = latin_scores(text)
    return max(LATIN, key=lambda lang: scores[lang])  # first of equals: en, fr, es
