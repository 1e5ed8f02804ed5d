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
  (line breaks included) matches one space, and U+2010/U+2011 hyphens match "-"
  ("Re‑emphasizes" in the adopted PDFs).

The value returned is the slice of ``text`` itself, so offsets stay valid for the caller.
"""

from __future__ import annotations

from functools import cache

from .lexicon import LEADS

_PARTS = ("preamble", "operative")
_HYPHENS = frozenset("-\u2010\u2011")


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


def _match(text: str, phrase: str, *, capital_ok: bool) -> int:
    """Length of the prefix of ``text`` that spells ``phrase``, or -1.

    ``capital_ok`` lets a capital in ``text`` stand for a small first letter of ``phrase``.
    """
    i = 0
    n = len(text)
    for k, ch in enumerate(phrase):
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
        elif k == 0 and capital_ok:
            ok = t in (ch, ch.upper())
        else:
            ok = t == ch
        if not ok:
            return -1
        i += 1
    if i < n and _is_word_char(text[i]):
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
    capital_ok = part == "operative"
    first = text[0]
    for phrase in _phrases(language, part):
        p0 = phrase[0]
        if first != p0 and not (capital_ok and first == p0.upper()):
            continue
        end = _match(text, phrase, capital_ok=capital_ok)
        if end > 0:
            return text[:end]
    return ""


def is_lead_start(text: str, *, part: str, language: str = "en") -> bool:
    """True if ``text`` begins with a lead of ``part`` (a paragraph of that part starts)."""
    return bool(find_lead(text, part=part, language=language))
