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
from collections import Counter
from itertools import filterfalse
from math import log

from ..scripts import CJK_BLOCKS, IDEOGRAPH
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
_WORD_LOGS = {
    lang: {w: log(_WORDS[lang].get(w, _WORD_FLOOR[lang])) for w in _VOCABULARY} for lang in LATIN
}
_LETTER_LOGS = {lang: {ch: log(f) for ch, f in _LETTERS[lang].items()} for lang in LATIN}
_LETTER_FLOOR_LOG = log(_LETTER_FLOOR)
_ALPHABET = re.compile(
    "[" + "".join(sorted(re.escape(ch) for lang in LATIN for ch in _LETTERS[lang])) + "]"
)


_SCRIPT_BLOCKS = {
    "ar": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "ru": "\u0400-\u052f",
    "latin": "\x00-\u024f\u1e00-\u1eff",
}
"""The blocks of each script but the ideographs' (disjoint)."""


def _letters_of(blocks: str) -> re.Pattern[str]:
    """A class of exactly the characters of `blocks` that `str.isalpha`, so that counting its
    matches counts the letters without a test per character found."""
    ranges = re.findall(r"(.)-(.)", blocks, flags=re.S)
    chars = (chr(c) for a, b in ranges for c in range(ord(a), ord(b) + 1))
    return re.compile("[" + "".join(re.escape(ch) for ch in chars if ch.isalpha()) + "]")


_SCRIPT_LETTERS = {
    "ar": _letters_of(_SCRIPT_BLOCKS["ar"]),
    "zh": IDEOGRAPH,
    "ru": _letters_of(_SCRIPT_BLOCKS["ru"]),
    "latin": _letters_of(_SCRIPT_BLOCKS["latin"]),
}
"""The letters of each script: a character of its blocks that `isalpha`."""
_SCRIPT_RUNS = {s: re.compile(f"{p.pattern}+") for s, p in _SCRIPT_LETTERS.items()}
_NOT_LATIN = re.compile("|".join(_SCRIPT_LETTERS[s].pattern for s in ("ar", "zh", "ru")))
"""A letter of Arabic, Chinese or Russian: a text without one is Latin-script, whatever its
counts (all three are 0)."""


def _lead_bytes() -> bytes:
    """The first bytes of the UTF-8 of every character of the Arabic and Cyrillic blocks and
    of the ideographs: a text whose UTF-8 holds none of them has no letter `_NOT_LATIN`
    finds (a block's characters begin with the bytes from its first's to its last's)."""
    ranges = [
        (ord(a), ord(b))
        for script in ("ar", "ru")
        for a, b in re.findall(r"(.)-(.)", _SCRIPT_BLOCKS[script], flags=re.S)
    ]
    ranges += [(a, b) for kind, a, b in CJK_BLOCKS if kind == "ideographs"]
    leads = {x for a, b in ranges for x in range(chr(a).encode()[0], chr(b).encode()[0] + 1)}
    return bytes(sorted(leads))


_LEAD_BYTES = _lead_bytes()


def script_counts(text: str) -> dict[str, int]:
    """Letters of ``text`` per script ("ar", "zh", "ru", "latin").

    One pass of a compiled pattern per script over runs of its characters, their lengths
    summed: no Python loop per character (an ideograph that is not a letter, unassigned
    in its block, is looked at on its own).
    """
    return {s: _count(s, text) for s in _SCRIPT_LETTERS}


def _count(script: str, text: str) -> int:
    runs = _SCRIPT_RUNS[script].findall(text)
    if script == "zh":
        return sum(len(r) if r.isalpha() else sum(map(str.isalpha, r)) for r in runs)
    return sum(map(len, runs))


_ASCII_LETTERS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NOT_LETTERS = bytes(b for b in range(128) if b not in _ASCII_LETTERS)
_APART = bytes.maketrans(_NOT_LETTERS, b" " * len(_NOT_LETTERS))
"""Every ASCII byte but a letter to a space: a text's UTF-8 then splits into runs of ASCII
letters and other characters, each run one word (_WORD) or, with a character outside
ASCII, holding whole words."""
_LISTED = {w.encode(): w for w in _VOCABULARY if w.isascii()}
_STRETCH = 32768  # bytes (at least 1: each cut is past the one before)


def _words_and_letters(text: str, data: bytes | None = None) -> tuple[Counter[str], Counter[str]]:
    """The listed words and the letters outside ASCII of ``text.lower()``, counted in C:
    ``Counter(w for w in _WORD.findall(lowered) if w in _VOCABULARY)`` and
    ``Counter(_ALPHABET.findall(lowered))``.

    No ASCII character but a letter is in a word, and each ends one, so the text's UTF-8
    cut at every other ASCII byte gives pieces of whole words: a piece of ASCII letters only
    is one word (lowered with bytes.lower), a piece with other characters is lowered and
    read with the patterns themselves. A piece lowers as it does inside the text, but for a
    capital sigma at its end (final or not by what follows): a Greek letter either way,
    in no listed word and not in the alphabet. `data` is the text's UTF-8, if the caller
    has it. The pieces are counted a stretch at a time (cut at a space): their objects
    then fit in the cache, and this is the cost of the whole detection.
    """
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    pieces: Counter[bytes] = Counter()
    start = 0
    while start < len(data):  # (bytes lower and translate byte by byte: cut at a space)
        end = data.find(b" ", start + _STRETCH)
        end = len(data) if end < 0 else end
        pieces.update(data[start:end].lower().translate(_APART).split())
        start = end
    words = Counter({_LISTED[p]: pieces[p] for p in _LISTED.keys() & pieces.keys()})
    letters: Counter[str] = Counter()
    for piece in filterfalse(bytes.isascii, pieces):
        n = pieces[piece]
        lowered = piece.decode("utf-8", "surrogatepass").lower()
        for word in _WORD.findall(lowered):
            if word in _VOCABULARY:
                words[word] += n
        for ch in _ALPHABET.findall(lowered):
            letters[ch] += n
    return words, letters


def latin_scores(text: str, data: bytes | None = None) -> dict[str, float]:
    """Log-score of ``text`` as English, French and Spanish (higher is likelier); `data` is
    its UTF-8, if the caller has it."""
    words, letters = _words_and_letters(text, data)
    body = _NUMBER.sub("", text, count=1).lstrip()
    scores: dict[str, float] = {}
    for lang in LATIN:  # each word's log-frequency times its count: sorted, so deterministic
        word_logs, letter_logs = _WORD_LOGS[lang], _LETTER_LOGS[lang]
        score = sum(n * word_logs[w] for w, n in sorted(words.items()))
        score += sum(
            n * letter_logs.get(ch, _LETTER_FLOOR_LOG) for ch, n in sorted(letters.items())
        )
        if any(find_lead(body, part=part, language=lang) for part in ("preamble", "operative")):
            score += LEAD_BONUS
        scores[lang] = score
    return scores


def detect_language(text: str) -> str:
    """One of "ar", "zh", "ru", "en", "fr", "es": the language ``text`` is written in."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _LEAD_BYTES)) == len(data) or not _NOT_LATIN.search(text):
        # no letter of the other scripts (none of their first bytes, or none at all): Latin
        scores = latin_scores(text, data)
        return max(LATIN, key=lambda lang: scores[lang])
    counts = script_counts(text)
    weighted = {"ar": counts["ar"], "zh": 2 * counts["zh"], "ru": counts["ru"]}
    best = max(weighted, key=lambda s: weighted[s])  # first of equals: ar, zh, ru
    if weighted[best] > counts["latin"]:
        return best
    scores = latin_scores(text, data)
    return max(LATIN, key=lambda lang: scores[lang])  # first of equals: en, fr, es
