"""Find the lead phrase ("Deeply concerned", "Calls upon") at the start of a paragraph.

In the adopted documents the lead is set in italics; text extracted from PDF (and most plain
text) loses them, so the parser recognises leads by wording instead, against the
corpus-built lexicon in :mod:`redline.parse.lexicon`.  The lexicon is sorted longest first, so
the first phrase that matches is the longest one ("Taking note with appreciation" before
"Taking note").

Matching is deliberately strict, because a false lead splits or re-labels a paragraph:

* it is anchored at the start of ``text`` (the caller strips the paragraph number);
* letters compare case-sensitively: a lowercase "recalling" opening a block is a sentence
  continued from the previous page, not a preambular lead; only in the operative part a
  capital is accepted where the lexicon has a small first letter (an operative verb may
  stand capitalised at the start of its paragraph);
* it must end at a word boundary ("Recalling" does not match "Recallingly");
* what PDF extraction changes without changing the words is tolerated: a run of whitespace
  (line breaks included) matches one space, U+2010/U+2011 hyphens match "-"
  ("Re‑emphasizes" in the adopted PDFs) and a typographic apostrophe (U+2019) matches "'".

The other five UN languages follow the same rules, except where their writing differs:

* Chinese (``zh``) has no spaces, so no word boundary is required after the lead: "请" is the
  lead of "请秘书长……";
* Arabic (``ar``) is compared in a folded form, for matching only (the slice returned is
  the text as written, marks included, so "وإذ يؤكدُ" comes back with its damma):

  - tatweel (U+0640) and the combining marks (harakat, shadda, sukun, superscript alef...)
    are skipped; the lexicon holds none;
  - presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF, what some PDF extractors give) are
    read as the letters they stand for; the hamza seats of alef (أ إ آ ٱ) count as bare
    alef and alef maksura (ى) as ya: hand-typed and extracted texts drop or move them;
  - the two genders are one: a resolution of the General Assembly (feminine) writes its
    verbs with the prefix ت and the pronoun suffix ها ("وإذ تضع في اعتبارها"), one of the
    Security Council (masculine) with ي and ه ("وإذ يضع في اعتباره"), so a word-initial ت
    compares as ي and a word-final ها as ه, and a lead seen for one body is found for the
    other;
  - a preambular paragraph after the first opens with a conjunction joined to its lead: "و"
    ("and": "وإذ تشير" after "إذ تشير", the corpus's form) or "ف" ("so"); the lexicon
    holds the lead without it and the matcher takes it in front of any preambular lead;
* Russian (``ru``) writes the leads of both parts with a small letter ("вновь подтверждая",
  "постановляет"), so the lowercase-means-continuation rule does not hold and a capital is
  accepted in either part.

The value returned is the slice of ``text`` itself, so offsets stay valid for the caller.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from .lexicon import LEADS

_PARTS = ("preamble", "operative")
_HYPHENS = frozenset("-\u2010\u2011")
_APOSTROPHES = frozenset("'\u2019")
_FOLDED = frozenset("\u2010\u2011\u2019")  # with whitespace other than " ", what _fold changes
# per language: whether a word boundary must follow the lead, whether a capital may stand for
# a small first letter in the preamble too
_NO_BOUNDARY = frozenset({"zh"})
_CAPITAL_IN_PREAMBLE = frozenset({"ru"})
_ARABIC_CONJUNCTIONS = frozenset("\u0648\u0641")  # و "and", ف "so", joined to the next word
_ARABIC_LETTERS = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"}
_ARABIC_LETTERS["\u0649"] = "\u064a"  # alef maksura -> ya
_TEH, _YEH, _HEH, _ALEF = "\u062a", "\u064a", "\u0647", "\u0627"


def _is_word_char(ch: str) -> bool:
    """Letters, digits and hyphens continue a word; anything else ends it."""
    return ch.isalnum() or ch in _HYPHENS or ch == "_"


def _is_arabic_mark(ch: str) -> bool:
    """Tatweel and the Arabic combining marks: skipped when Arabic is compared."""
    return ch == "\u0640" or ("\u0610" <= ch <= "\u06ff" and unicodedata.category(ch) == "Mn")


def _arabic_letters(ch: str) -> str:
    """What one Arabic character compares as: "" for a mark, letters for a presentation form."""
    if _is_arabic_mark(ch):
        return ""
    if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":
        expanded = unicodedata.normalize("NFKC", ch)
        return "".join(
            _ARABIC_LETTERS.get(c, c)
            for c in expanded
            if not c.isspace() and not _is_arabic_mark(c)
        )
    return _ARABIC_LETTERS.get(ch, ch)


def _fold(text: str, language: str, limit: int) -> tuple[str, Sequence[int]]:
    """``text`` as the matcher compares it, at least ``limit`` characters of it if it has them.

    Returns the folded characters and, for each, the offset in ``text`` just past it and the
    skipped characters that follow it, so a folded prefix maps back to a slice of ``text``.
    Every language: a run of whitespace is one space, U+2010/U+2011 a hyphen, U+2019 an
    apostrophe; Arabic as the module docstring says.
    """
    if language != "ar":  # most openings need no folding: the prefix as it is
        head = text[: limit + 1]
        if head.isprintable() and "  " not in head:  # its only whitespace single spaces
            if (
                "\u2010" not in head  # the characters of _FOLDED, each looked for in C
                and "\u2011" not in head
                and "\u2019" not in head
            ):
                return head, range(1, len(head) + 1)
            return head.translate(_FOLD_ONE), range(1, len(head) + 1)  # each still one
    return _fold_each(text, language, limit)


_FOLD_ONE = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})
"""What `_fold_each` makes of the characters of _FOLDED, for a text with no other folding."""


def _fold_each(text: str, language: str, limit: int) -> tuple[str, list[int]]:
    """:func:`_fold` character by character."""
    arabic = language == "ar"
    chars: list[str] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        if len(chars) > limit and not (arabic and _is_arabic_mark(ch)):
            break
        if ch.isspace():
            folded = " "
            if chars and chars[-1] == " ":
                ends[-1] = i + 1
                continue
        elif ch in _HYPHENS:
            folded = "-"
        elif ch in _APOSTROPHES:
            folded = "'"
        elif arabic:
            folded = _arabic_letters(ch)
            if not folded:  # a mark: it goes with the letter before it
                if ends:
                    ends[-1] = i + 1
                continue
        else:
            folded = ch
        chars.extend(folded)
        ends.extend([i + 1] * len(folded))
    if arabic:
        _fold_gender(chars, ends)
    return "".join(chars), ends


def _fold_gender(chars: list[str], ends: list[int]) -> None:
    """Word-initial ت as ي, word-final ها as ه: feminine and masculine bodies alike."""
    k = 0
    while k < len(chars):
        starts = k == 0 or not chars[k - 1].isalpha()
        if starts and chars[k] == _TEH and k + 1 < len(chars) and chars[k + 1].isalpha():
            chars[k] = _YEH
        final = k + 1 == len(chars) or not chars[k + 1].isalpha()
        # a suffix: a letter before "ها", not the word "ها" itself
        if (
            final
            and chars[k] == _ALEF
            and k >= 2
            and chars[k - 1] == _HEH
            and chars[k - 2].isalpha()
        ):
            ends[k - 1] = ends[k]
            del chars[k], ends[k]
            continue
        k += 1


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Phrases folded as the matcher compares them, longest first, indexed by first letter."""

    phrases: tuple[str, ...]
    longest: int
    by_first: dict[str, tuple[int, ...]]
    by_capital: dict[str, tuple[int, ...]]  # a small first letter's capital -> its phrases
    near: dict[tuple[str, bool], tuple[tuple[str, int], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )  # `opening`'s answers, kept

    @classmethod
    def of(cls, phrases: Sequence[str], language: str) -> _Lexicon:
        folded = tuple(f for p in phrases if (f := _fold(p, language, len(p))[0]))
        first: dict[str, list[int]] = {}
        capital: dict[str, list[int]] = {}
        for k, phrase in enumerate(folded):
            first.setdefault(phrase[0], []).append(k)
            if phrase[0].upper() != phrase[0]:
                capital.setdefault(phrase[0].upper(), []).append(k)
        return cls(
            folded,
            max((len(f) for f in folded), default=0),
            {ch: tuple(ks) for ch, ks in first.items()},
            {ch: tuple(ks) for ch, ks in capital.items()},
        )

    def starting(self, ch: str, *, capital_ok: bool) -> tuple[int, ...]:
        """Positions of the phrases that may open a text whose first letter is ``ch``."""
        found = self.by_first.get(ch, ())
        if capital_ok and ch in self.by_capital:
            found = tuple(sorted(found + self.by_capital[ch]))
        return found

    def opening(self, head: str, *, capital_ok: bool) -> tuple[tuple[str, int], ...]:
        """The phrases that may open a text whose first `_HEAD` characters are ``head``, in
        order, each as its characters after the first and its length: those of
        :meth:`starting` whose next characters are the text's, as far as either goes."""
        key = (head, capital_ok)
        found = self.near.get(key)
        if found is None:
            found = tuple(
                (phrase[1:], len(phrase))
                for k in self.starting(head[:1], capital_ok=capital_ok)
                if (phrase := self.phrases[k])[1 : (m := min(len(phrase), _HEAD))] == head[1:m]
            )
            if len(self.near) < _NEAR:
                self.near[key] = found
        return found


_NEAR = 4096
"""The most openings a lexicon keeps (`_HEAD` characters each: a bound for any input)."""
_HEAD = 4
"""The characters of a text's opening its candidate phrases are told by: four leave one
or two of the lexicon's phrases ("Reaf", "Reca", not every "Re…"), each tried whole."""


@cache
def _phrases(language: str, part: str) -> _Lexicon:
    """The lexicon's phrases for one language and part, folded and indexed once."""
    if part not in _PARTS:
        raise ValueError(f"part must be one of {_PARTS}, not {part!r}")
    try:
        phrases = LEADS[language][part]
    except KeyError:
        raise ValueError(f"no lead lexicon for language {language!r}") from None
    return _Lexicon.of(phrases, language)


def compare_form(text: str, language: str) -> str:
    """``text`` as :func:`find_lead` compares it: tools/build_lexicon.py counts leads in this
    form, so spellings the matcher takes as one ("تشير", "يشير") are counted as one."""
    return _fold(text, language, len(text))[0]


def find_lead(text: str, *, part: str, language: str = "en") -> str:
    """Return the lead phrase that begins ``text``, exactly as written there, or "".

    ``part`` is "preamble" or "operative": the two parts have different leads (participles
    vs. finite verbs), and looking in the wrong list is how a parser would mistake one part
    for the other.  The longest phrase wins.
    """
    return _find(text, _phrases(language, part), part=part, language=language)


def find_lead_in(text: str, phrases: Sequence[str], *, part: str, language: str) -> str:
    """:func:`find_lead` against the given phrases (longest first) instead of the lexicon.

    tools/build_lexicon.py measures a lexicon learnt on part of the corpus with it, so its
    held-out figure is what the parser would find.
    """
    if part not in _PARTS:
        raise ValueError(f"part must be one of {_PARTS}, not {part!r}")
    return _find(text, _Lexicon.of(phrases, language), part=part, language=language)


def _find(text: str, lexicon: _Lexicon, *, part: str, language: str) -> str:
    """The first (longest) phrase of ``lexicon`` that opens ``text``, as a slice of ``text``."""
    if not text or not lexicon.phrases:
        return ""
    limit = lexicon.longest + 1  # and one character for the word boundary
    folded, ends = _fold(text, language, limit)
    capital_ok = part == "operative" or language in _CAPITAL_IN_PREAMBLE
    boundary = language not in _NO_BOUNDARY
    if not (language == "ar" and part == "preamble" and folded[:1] in _ARABIC_CONJUNCTIONS):
        # one place a lead may start, the text's own: the phrases its opening allows
        size = len(folded)
        for rest, n in lexicon.opening(folded[:_HEAD], capital_ok=capital_ok):
            if not folded.startswith(rest, 1):
                continue
            if boundary and n < size and _is_word_char(folded[n]):
                continue
            return text[: ends[n - 1]]
        return ""
    # an Arabic preamble opening with a conjunction: a lead may start there or after it
    after = _fold(text[ends[0] :], language, limit)  # its first word folded on its own
    bodies = [(0, folded, ends), (ends[0], *after)]  # offset in text, folded, its ends
    candidates = sorted(
        (k, b)
        for b, (_, body, _) in enumerate(bodies)
        for k in lexicon.starting(body[:1], capital_ok=capital_ok)
    )
    for k, b in candidates:  # phrase by phrase, longest first; then where it starts
        phrase = lexicon.phrases[k]
        offset, body, body_ends = bodies[b]
        n = len(phrase)
        if not body.startswith(phrase[1:], 1):
            continue
        if boundary and n < len(body) and _is_word_char(body[n]):
            continue
        return text[: offset + body_ends[n - 1]]
    return ""


def is_lead_start(text: str, *, part: str, language: str = "en") -> bool:
    """True if ``text`` begins with a lead of ``part`` (a paragraph of that part starts)."""
    return bool(find_lead(text, part=part, language=language))
