"""The Unicode blocks of Chinese and Japanese writing, defined once for the whole package.

Three places ask about them, for different reasons: the tokenizer (each ideograph or kana is a
word of its own: no spaces separate them), language detection (ideographs count for Chinese)
and the Word writer (a run holding East Asian text gets the East Asian font hint). One table
here, each asking for the blocks it needs, so the ranges cannot drift apart again.
"""

from __future__ import annotations

import re

__all__ = ["CJK_BLOCKS", "EAST_ASIAN", "IDEOGRAPH", "WORDLESS"]

CJK_BLOCKS: tuple[tuple[str, int, int], ...] = (
    ("kana", 0x3040, 0x30FF),  # hiragana and katakana
    ("ideographs", 0x3400, 0x4DBF),  # extension A
    ("ideographs", 0x4E00, 0x9FFF),  # unified ideographs
    ("ideographs", 0xF900, 0xFAFF),  # compatibility ideographs
    ("fullwidth", 0xFF00, 0xFFEF),  # halfwidth and fullwidth forms ("，", "（", "Ａ")
    ("ideographs", 0x20000, 0x3134F),  # extensions B to G
)
"""(kind, first, last code point) of each block: "kana", "ideographs" or "fullwidth"."""


def _class(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """A regex matching one character of the table's blocks of ``kinds``."""
    ranges = "".join(f"{chr(a)}-{chr(b)}" for kind, a, b in CJK_BLOCKS if kind in kinds)
    return re.compile(f"[{ranges}]")


IDEOGRAPH = _class(("ideographs",))
"""A CJK ideograph (Chinese hanzi, Japanese kanji): a letter of Chinese."""

WORDLESS = _class(("ideographs", "kana"))
"""An ideograph or a kana: writing without spaces, where each character is a word."""

EAST_ASIAN = _class(("ideographs", "kana", "fullwidth"))
"""Any character of the table: what Word sets in the East Asian font."""
