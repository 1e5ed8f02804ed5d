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
* Arabic (``ar``) compares letters only: tatweel (U+0640) and the harakat (U+064B-U+0652) in
  the text are skipped (the lexicon holds none), and they stay in the slice returned, so
  "وإذ يؤكدُ" comes back with its damma.  A preambular paragraph after the first opens with
  the conjunction "و" ("and") joined to the lead ("وإذ تشير" after "إذ تشير"); the lexicon
  holds the lead without it and the matcher takes it in front of any preambular lead;
* Russian (``ru``) writes the leads of both parts with a small letter ("вновь подтверждая",
  "постановляет"), so the lowercase-means-continuation rule does not hold and a capital is
  accepted in either part.

The value returned is the slice of ``text`` itself, so offsets stay valid for the caller.
"""

from __future__ import annotations

from functools import cache

from .lexicon import LEADS

_PARTS = ("preamble", "operative")
_HYPHENS = frozenset("-\u2010\u2011")
_APOSTROPHES = frozenset("'\u2019")
_NOTHING: frozenset[str] = frozenset()
# per language: characters the comparison skips, whether a word boundary must follow the lead,
# whether a capital may stand for a small first letter in the preamble too
_IGNORED = {"ar": frozenset("\u0640" + "".join(chr(c) for c in range(0x064B, 0x0653)))}
_NO_BOUNDARY = frozenset({"zh"})
_CAPITAL_IN_PREAMBLE = frozenset({"ru"})
_ARABIC_AND = "\u0648"


def _is_word_char(ch: str) -> bool:
    """Letters, digits and hyphens continue a word; anything else ends it."""
    return ch.isalnum() or ch in _HYPHENS or ch == "_"


@cache
def _phrases(language: str, part: str) -> tuple[str, ...]:
    """The lexicon's phrases for one language and part (longest first), checked once."""
    if part not in _PARTS:
        raise ValueError(f"part must be one of {_PARTS}, not {part!r}")
    try:
        return LEADS[language][part]
    except KeyError:
        raise ValueError(f"no lead lexicon for language {language!r}") from None


def _match(
    text: str,
    phrase: str,
    *,
    capital_ok: bool,
    start: int = 0,
    ignored: frozenset[str] = _NOTHING,
    boundary: bool = True,
) -> int:
    """Length of the prefix of ``text`` that spells ``phrase`` from ``start``, or -1.

    ``capital_ok`` lets a capital in ``text`` stand for a small first letter of ``phrase``;
    characters in ``ignored`` are skipped (and kept in the prefix); ``boundary`` asks for the
    end of a word after the phrase.
    """
    i = start
    n = len(text)
    for k, ch in enumerate(phrase):
        while i < n and text[i] in ignored:
            i += 1
        if i >= n:
            return -1
        t = text[i]
        if ch == " ":
            if not t.isspace():
                return -1
            while i < n and text[i].isspace():
                i += 1
            continue
        if ch == "-":
            ok = t in _HYPHENS
        elif ch == "'":
            ok = t in _APOSTROPHES
        elif k == 0 and capital_ok:
            ok = t in (ch, ch.upper())
        else:
            ok = t == ch
        if not ok:
            return -1
        i += 1
    while i < n and text[i] in ignored:
        i += 1
    if boundary and i < n and _is_word_char(text[i]):
        return -1
    return i


def find_lead(text: str, *, part: str, language: str = "en") -> str:
    """Return the lead phrase that begins ``text``, exactly as written there, or "".

    ``part`` is "preamble" or "operative": the two parts have different leads (participles
    vs. finite verbs), and looking in the wrong list is how a parser would mistake one part
    for the other.  The longest phrase wins.
    """
    if not text:
        return ""
    phrases = _phrases(language, part)
    capital_ok = part == "operative" or language in _CAPITAL_IN_PREAMBLE
    ignored = _IGNORED.get(language, _NOTHING)
    boundary = language not in _NO_BOUNDARY
    starts = [0]
    if language == "ar" and part == "preamble" and text[0] == _ARABIC_AND:
        starts.append(1)
    firsts = []
    for start in starts:
        i = start
        while i < len(text) and text[i] in ignored:
            i += 1
        firsts.append(text[i : i + 1])
    for phrase in phrases:
        p0 = phrase[0]
        for start, first in zip(starts, firsts):
            if first != p0 and not (capital_ok and first == p0.upper()):
                continue
            end = _match(
                text, phrase, capital_ok=capital_ok, start=start, ignored=ignored, boundary=boundary
            )
            if end > 0:
                return text[:end]
    return ""


def is_lead_start(text: str, *, part: str, language: str = "en") -> bool:
    """True if ``text`` begins with a lead of ``part`` (a paragraph of that part starts)."""
    return bool(find_lead(text, part=part, language=language))
