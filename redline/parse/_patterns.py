"""The patterns more than one reader needs, each defined once, and how lexicon words become them.

The text, Word and PDF readers all meet the document symbol ("A/HRC/RES/46/13") and the
barcode under a page ("*2326037*"); each used to carry its own copy of the pattern, and the
copies drifted apart. Patterns made of words are built from :mod:`redline.parse.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import WORDS

__all__ = [
    "BARCODE",
    "FURNITURE",
    "JOB_NUMBER",
    "PAGE_NUMBER",
    "SYMBOL",
    "SYMBOL_LINE",
    "any_of",
    "furniture",
    "sentence",
]

SYMBOL = r"[A-Z]{1,4}(?:/[A-Z0-9.\-]+)*/(?:[A-Z]{1,4}\.)?\d+(?:/\d+)?(?:/(?:Rev|Add|Corr)\.\d+)*"
"""A UN document symbol: "A/HRC/RES/46/13", "S/RES/2467 (2019)" without its year, "E/2021/1",
a draft's "A/C.3/80/L.35" or "A/HRC/56/L.12/Rev.1"."""

BARCODE = r"\*\d{7,}\*"
"""The printed text of the barcode under a page's last line: the job number's digits in stars.

Digits only, seven or more, as every barcode of the corpus (93 of them): a star-wrapped word
in a text file is Markdown italics ("*Decides*"), never a barcode.
"""


PAGE_NUMBER = r"\d{1,3}\s*/\s*\d{1,3}"
"""A page number as the UN prints it at a page's foot or head: "2/4", "12 / 13"."""

JOB_NUMBER = rf"(?:GE\.)?\d{{2}}-\d{{5}}(?:\s*\([A-Z]\))?(?:\s+\d{{6}})?(?:\s+{PAGE_NUMBER})?"
"""The job number of a page: "24-24160", "23-26037 (E) 090124", "GE.21-04512", a page number
after it or not (text extraction puts "24-24160 2/4" on one line)."""


def any_of(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` literally, longest first (so "Agenda items"
    is tried before "Agenda item")."""
    ordered = sorted(words, key=len, reverse=True)  # stable: equal lengths keep their order
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def sentence(template: str, **slots: str) -> str:
    """A lexicon sentence pattern as a regex: its words literal, each ``{slot}`` the given regex.

    ``sentence("recorded vote of {yes} to {no}", yes=r"(?P<yes>\\d+)", no=r"(?P<no>\\d+)")``.
    """
    pieces = re.split(r"\{(\w+)\}", template)
    return "".join(slots[p] if k % 2 else re.escape(p) for k, p in enumerate(pieces))


SYMBOL_LINE = re.compile(rf"^(?:{any_of(WORDS['en']['organisation'])}\s+)?(?P<v>{SYMBOL})$")
"""A masthead line that is the document symbol, "United Nations" before it or not."""


FURNITURE = (
    (re.compile(rf"^{PAGE_NUMBER}$"), "page number"),
    (re.compile(rf"^{JOB_NUMBER}$"), "job number"),
    (re.compile(rf"^{BARCODE}$"), "barcode"),
    (re.compile(rf"^{any_of(WORDS['en']['footer'])}$", re.I), "footer"),
)
"""Whole lines that are page furniture wherever they stand, with the noise kind each is.

The one definition the text reader (extracted PDF text) and the PDF reader (printed lines)
both use: a copy per reader is how the job-number patterns once came to differ.
"""


_KINDS = {f"k{k}": kind for k, (_, kind) in enumerate(FURNITURE)}
_ANY_FURNITURE = re.compile(
    "|".join(
        f"(?P<k{k}>{'(?i:' if rx.flags & re.I else '(?:'}{rx.pattern}))"
        for k, (rx, _) in enumerate(FURNITURE)
    )
)
"""The patterns of FURNITURE as one, tried in their order: the first that matches names the
kind (each pattern holds the whole line, "^…$")."""


def furniture(line: str) -> str | None:
    """The furniture kind of a whole line ("page number", "job number"…), or None."""
    m = _ANY_FURNITURE.match(line.strip())
    return _KINDS[m.lastgroup] if m else None  # type: ignore[index]
