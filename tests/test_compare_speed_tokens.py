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


def _framed_v1(a: str, b: str) -> list[list[str]] | None:
    """`framed_tokens` of two lines as first written: the middles tokenized before the head
    and tail are weighed against them."""
    t = tokens
    if not (t.is_plain(a) and t.is_plain(b)):
        return None
    head = t._boundary_before(a, b, t._common_head(a, b))
    tail = t._common_tail(a, b, head)
    while tail and not (t.token_ends_at(a, len(a) - tail) and t.token_ends_at(b, len(b) - tail)):
        tail -= 1
    mid_a, mid_b = t.plain_tokens(a[head : len(a) - tail]), t.plain_tokens(b[head : len(b) - tail])
    longest = max(len(mid_a), len(mid_b))
    if (head and not t._holds_more(a[:head], longest)) or (
        tail and not t._holds_more(a[len(a) - tail :], longest)
    ):
        return None
    after = [t.first_token(a, len(a) - tail)] if tail else []
    firsts = [(m or after)[:1] for m in (mid_a, mid_b)]
    if (firsts[0] and firsts[0] == firsts[1]) or (mid_a and mid_b and mid_a[-1] == mid_b[-1]):
        return None
    first = [a[:head]] if head else []
    last = [a[len(a) - tail :]] if tail else []
    return [[*first, *mid_a, *last], [*first, *mid_b, *last]]


_PIECES = ["a", "b", "ab", "the", "12", " ", "  ", ",", ".", "\t", "a b", "x-y", "é"]
_LINE = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@given(_LINE, _LINE, _LINE, _LINE)
def test_framed_as_first_written(head: str, mid_a: str, mid_b: str, tail: str) -> None:
    a, b = head + mid_a + tail, head + mid_b + tail
    assert tokens.framed_tokens((a,), (b,)) == _framed_v1(a, b)
    assert tokens.framed_tokens((b,), (a,)) == _framed_v1(b, a)
