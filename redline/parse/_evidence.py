"""When two pieces of text are one paragraph: only with evidence, never a small letter alone.

Text comes as a drafter has it: one paragraph per line or per block (pasted from a web page,
an e-mail, a Word file), or hard-wrapped lines and pages (pulled from a PDF, typed from
print). Two pieces are joined into one paragraph only on evidence that the layout cut it:

- **a page break** between them — a running head, a page number, a form feed, a footnote
  block at a page's foot (all marked by `_pages`/`_source` as `SourceLine.page_break`, or a
  rule followed by footnotes), or a run of blank lines well beyond the text's usual one —
  when the piece before does not end as a sentence does (a comma may end a page) or the
  next goes on in small letters;
- **a hard-wrapped layout**: most lines that another line follows are full (the next
  line's first word would not have fitted on them) and end mid-sentence, as in typed,
  scanned or extracted text; then a line goes on with the one above. In a text not wrapped
  throughout (OCR corrected by hand joins most lines), a single line is wrapped when it
  ends mid-sentence, is no short heading, and fills most of the text's width, ends on an
  article or a preposition, or is followed by a line going on in small letters (or in a
  number or a bracket, in a script that writes spaces);
- **an unfinished paragraph**: one opened by a number or a lead that ends with no closing
  sign at all (not even a comma) was cut, whatever the layout; the next piece goes on with
  it when it starts with a small letter.

Whatever the evidence, a piece that opens a paragraph is never joined: a number, a letter
"(a)", a section number "IV", the adoption record, or a lead of the text's own language
(Russian leads start with a small letter: "принимая во внимание"); nor is anything joined
to the adoption record.

A lower-case start alone never joins: a text whose paragraphs are separated by blank lines,
or that has one paragraph per line, keeps every paragraph it has. Word and PDF readers give
their paragraphs as they are (`AS_GIVEN`): nothing they give is joined.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._line import SourceLine

__all__ = [
    "AS_GIVEN",
    "Evidence",
    "closed",
    "ended",
    "ends_clause",
    "ends_with_hyphen",
    "hard_wrapped",
    "line_end_hyphen",
    "open_ended",
    "read_evidence",
    "text_width",
    "vocabulary",
    "wrapped_pair",
]

_CLAUSE = re.compile(r"[,;،؛，；](?:\s+[^\W\d_]{1,3})?$")
_ENDING = re.compile(r"[;.:!?؛；。：][\"”’»)\]]*$")
_CLOSING = re.compile(r"[,;.:!?،؛，；。：][\"”’»)\]]*$")

_CLOSED = re.compile(r"[;؛；]\s+[^\W\d_]{1,3}$")  # "…; и", "…; and": a closing sign, a last word
_MAJORITY = 0.5
_FULL = 0.85  # of the width: characters of proportional type vary this much in width
_FILLS = 0.6  # of the text's width: a line this long that ends mid-sentence was wrapped
_FUNCTION_WORDS = (
    "the a an of to in on at by for from with and or nor that which whose as its their "
    "le la les un une des du de et ou à au aux en pour par sur dans que qui "
    "el los las unos del y o a en por para con que cuyo"
)
_NEVER_LAST = frozenset(_FUNCTION_WORDS.split())
"""Articles, prepositions and conjunctions (English, French, Spanish): no sentence ends on
one, so a line ending on one was wrapped."""
_LINE = 22  # columns: a shorter line ending mid-sentence is a heading, not a wrapped line
_HYPHENS = ("-", "\u2010", "\xad")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_LETTERS_END = re.compile(r"([^\W\d_]+)[-\u2010\xad]$")
_LETTERS_START = re.compile(r"^([^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the input shows about its layout, the only grounds for joining two pieces.

    `wrapped`: consecutive lines are the wrapped lines of one paragraph. `pages`: the text's
    own page marks count (page-break lines, rules above footnotes, blank-line gaps of at
    least `gap` lines).
    """

    wrapped: bool = False
    pages: bool = False
    gap: int = 0


AS_GIVEN = Evidence()
"""Paragraphs as a reader gives them (Word, PDF): none is ever joined to another."""


def read_evidence(lines: Sequence[SourceLine], *, markdown: bool = False) -> Evidence:
    """The evidence a text's own lines give: its layout and its page marks.

    A Markdown file says by its own rule that lines without a blank line between them are
    one paragraph (a soft line break), so its lines count as wrapped.
    """
    bodies = _bodies(lines)
    wrapped = markdown or _hard_wrapped(bodies)
    return Evidence(wrapped=wrapped, pages=True, gap=_page_gap(lines, bodies))


def _bodies(lines: Sequence[SourceLine]) -> list[str]:
    """Each line's text stripped where the line is body text (not blank, no footnote, no
    page break), else "": what the layout is measured on, stripped once for every test."""
    return [
        line.text.strip() if line.footnote is None and not line.page_break else "" for line in lines
    ]


def hard_wrapped(lines: Sequence[SourceLine]) -> bool:
    """Whether most lines that another line follows were full and end mid-sentence.

    Full: the next line's first word would not have fitted after it within the text's
    width (the length three lines in four stay within), the test a typesetter's line break
    passes and a paragraph's end mostly fails. Mid-sentence: no closing sign at the end,
    nor one before a last short word ("…; и", "…; and": the Russian Declaration's
    paragraphs end so). Both on most lines: one paragraph per line never passes, whatever
    its lines' lengths, as its lines end with their paragraphs' closing signs.
    """
    return _hard_wrapped(_bodies(lines))


def _hard_wrapped(bodies: list[str]) -> bool:
    """`hard_wrapped` of the lines `bodies` gives."""
    pairs = [(a, b) for a, b in itertools.pairwise(bodies) if a and b]
    if not pairs:
        return False
    width = _width(bodies)
    wrapped = sum(
        1 for a, b in pairs if len(a) + 1 + len(_first_word(b)) > _FULL * width and open_ended(a)
    )
    return wrapped > _MAJORITY * len(pairs)


def closed(text: str) -> bool:
    """Whether a piece ends as a paragraph may: a closing sign (",", ";", ".", ":", "،",
    "，"…), quotes or brackets after it or not. A bracket alone closes nothing: "(III)"."""
    return bool(_CLOSING.search(text.rstrip()))


def ends_clause(text: str) -> bool:
    """A comma or semicolon at the end, a last short word after it or not ("…, y", "…; и"):
    where a lead on the next line opens a paragraph."""
    return bool(_CLAUSE.search(text.rstrip()))


def ended(text: str) -> bool:
    """Whether a piece ends as a sentence does (";", ".", ":", "؛", "。"…, quotes or brackets
    after it or not): across a page break, a piece ending with a comma goes on unless the
    next opens a paragraph."""
    return bool(_ENDING.search(text.rstrip()))


def open_ended(text: str) -> bool:
    """A line ending mid-sentence: no closing sign, nor a semicolon before a last short word
    ("…; и", "…; and": how the Russian Declaration's preambular paragraphs end)."""
    return not closed(text) and not _CLOSED.search(text.rstrip())


def _first_word(text: str) -> str:
    """The first word, or the first character in a script written without spaces (CJK)."""
    word = text.split()[0]
    return word[:1] if unicodedata.east_asian_width(word[0]) in "WF" else word


def text_width(lines: Sequence[SourceLine]) -> int:
    """The text's width in characters: the length three body lines in four stay within."""
    return _width(_bodies(lines))


def _width(bodies: list[str]) -> int:
    """`text_width` of the lines `bodies` gives."""
    body = sorted(len(t) for t in bodies if t)
    return body[(3 * len(body)) // 4] if body else 0


def wrapped_pair(before: str, after: str, width: int) -> bool:
    """A line wrapped onto the next in a text not wrapped throughout (OCR corrected by hand
    joins most lines): it ends mid-sentence, is no short heading ("Article 1", "The
    Security Council": at least 22 columns, a CJK character taking two), and either the
    next line goes on in small letters, or in a number or a bracket after a script that
    writes spaces ("…of 21 May" / "1968 and"),
    or the line fills most of the text's width, or it ends with a word no sentence ends
    with ("…application of the" / "Union of Burma")."""
    columns = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in before.strip())
    if columns < _LINE or not open_ended(before) or not after.strip():
        return False
    last = before.split()[-1].lower()
    first = after.strip()[:1]
    spaced = unicodedata.east_asian_width(before.rstrip()[-1]) not in "WF"  # not CJK
    return (
        first.islower()
        or (spaced and (first.isdigit() or first in "(["))
        or len(before.strip()) >= _FILLS * width
        or last in _NEVER_LAST
    )


def _page_gap(lines: Sequence[SourceLine], bodies: list[str]) -> int:
    """Blank lines that mark a page break: two more than the text's usual run, at least 3."""
    runs: Counter[int] = Counter()
    run = 0
    seen = False
    for line, body in zip(lines, bodies):
        if body:
            if seen and run:
                runs[run] += 1
            run, seen = 0, True
        elif line.blank and not line.page_break:
            run += 1
    usual = runs.most_common(1)[0][0] if runs else 1
    return max(3, usual + 2)


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The words a text writes (lower case, hyphenated words whole): what a line-end
    hyphen is judged against."""
    return frozenset(w.lower() for t in texts for w in _WORD.findall(t))


def line_end_hyphen(before: str, after: str, words: frozenset[str]) -> bool:
    """Whether the hyphen ending `before` only broke a word across lines, so it goes.

    UN documents are set without automatic hyphenation: a line-end hyphen is the word's own
    ("good-neighbourliness", "self-determination") unless the document writes the joined
    word whole elsewhere and never hyphenated; a soft hyphen (U+00AD) always goes.
    """
    if before.endswith("\xad"):
        return True
    left, right = _LETTERS_END.search(before), _LETTERS_START.match(after)
    if not left or not right:
        return False
    whole = (left.group(1) + right.group(1)).lower()
    return whole in words and f"{left.group(1)}-{right.group(1)}".lower() not in words


def ends_with_hyphen(text: str) -> bool:
    """A line ending in a hyphen after a letter or digit ("non-", "COVID-19-"): the next
    line is joined without a space. A non-breaking hyphen (U+2011) is always kept."""
    return text.endswith((*_HYPHENS, "\u2011")) and len(text) > 1 and text[-2].isalnum()
