"""The patterns more than one reader needs, each defined once, and how lexicon words become them.

The text, Word and PDF readers all meet the document symbol ("A/HRC/RES/46/13") and the
barcode under a page ("*2326037*"); each used to carry its own copy of the pattern, and the
copies drifted apart. Patterns made of words are built from :mod:`redline.parse.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import WORDS

__all__ = ["BARCODE", "SYMBOL", "SYMBOL_LINE", "any_of", "sentence"]

SYMBOL = r"[A-Z]{1,4}(?:/[A-Z0-9.\-]+)*/\d+(?:/\d+)?"
"""A UN document symbol: "A/HRC/RES/46/13", "S/RES/2467 (2019)" without its year, "E/2021/1"."""

BARCODE = r"\*\d{7,}\*"
"""The printed text of the barcode under a page's last line: the job number's digits in stars.

Digits only, seven or more, as every barcode of the corpus (93 of them): a star-wrapped word
in a text file is Markdown italics ("*Decides*"), never a barcode.
"""


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
