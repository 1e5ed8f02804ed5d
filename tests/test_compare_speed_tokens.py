"""ASCII text is tokenized by ASCII classes: the very tokens the Unicode patterns give.

Unicode `\\s` holds, among ASCII characters, the usual six and the separators U+001C to
U+001F, which ASCII `\\s` lacks; the ASCII patterns name them. Checked on every pair of
ASCII characters in a few settings, and on random ASCII text.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from redline import tokens

_ASCII = [chr(c) for c in range(128)]
_PAIRS = [(tokens._PIECE, tokens._PIECE_ASCII), (tokens._SOLID, tokens._SOLID_ASCII)]
_PAIRS.append((tokens._WORD, tokens._WORD_ASCII))


def test_spaces_are_the_unicode_spaces() -> None:
    unicode_space = [c for c in _ASCII if c.isspace()]
    assert unicode_space == [c for c in _ASCII if re.fullmatch(r"(?a)[\s\x1c-\x1f]", c)]
    assert "\x1c" in unicode_space and "\x1f" in unicode_space


def test_every_pair_of_ascii_characters() -> None:
    for a, b in itertools.product(_ASCII, repeat=2):
        for text in (a + b, a + b + a, f"{a}x{b}", f"{a} {b}"):
            for unicode, ascii_only in _PAIRS:
                assert ascii_only.findall(text) == unicode.findall(text), repr(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_random_ascii_text(text: str) -> None:
    for unicode, ascii_only in _PAIRS:
        assert ascii_only.findall(text) == unicode.findall(text)
    assert "".join(tokens.tokenize(text)) == text
