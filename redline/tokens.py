"""The one tokenizer: words, runs of spaces and signs, and what a token boundary is.

The diff encodes each token as one character, similarity reads the words among them, and
the diff's one-line shortcut cuts plain text only where a token ends.
"""

from __future__ import annotations

import re

from .scripts import WORDLESS, mark_ranges

__all__ = [
    "first_token",
    "framed_tokens",
    "is_plain",
    "plain_tokens",
    "solid_tokens",
    "token_ends_at",
    "tokenize",
    "words",
]

# A token is a piece -- a word (\w+), a run of spaces, one sign, or one character of a word
# that holds Chinese or Japanese (`WORDLESS`: each ideograph or kana is a word of its own, and
# so is every character of a word mixing them with letters) -- followed by what belongs to
# it: combining marks, variation selectors and emoji modifiers, so a grapheme cluster is never
# cut, and a joiner (ZWNJ, ZWJ) with the piece after it. One compiled pattern, no loop per
# character; tests/test_tokenize_speedup.py checks it against the per-character original.
_JOINERS = "\u200c\u200d"
_ATTACHED = f"[{mark_ranges()}\ufe00-\ufe0f\U0001f3fb-\U0001f3ff{_JOINERS}]"
_WHOLE = r"\w+|\s+|."
_CUT = rf"(?<=\w)\w|(?=\w*(?=\w){WORDLESS.pattern})\w|"
# (?<=\w)\w: a piece starting inside a word is one character of a word being cut up;
# (?=\w*(?=\w)[ideographs, kana])\w: the first character of a word that holds one;
# (?=[^\x00-\u02ff]): a quick test before the long class (no mark sits below U+0300).
_TOKEN, _TOKEN_CUT = (
    re.compile(
        rf"(?:{piece})(?:(?=[^\x00-\u02ff]){_ATTACHED}|(?<=[{_JOINERS}])(?:{piece}))*", re.DOTALL
    )
    for piece in (_WHOLE, _CUT + _WHOLE)
)


_WORD = re.compile(r"\w+")
_PIECE = re.compile(_WHOLE, re.DOTALL)
_SOLID = re.compile(r"\w+|[^\w\s]")
# The same three for ASCII text, quicker: ASCII classes (\s with the four separators
# U+001C-U+001F that Unicode \s holds too); tests/test_compare_speed_tokens.py compares them.
_WORD_ASCII = re.compile(r"(?a)\w+")
_PIECE_ASCII = re.compile(r"(?a)\w+|[\s\x1c-\x1f]+|.", re.DOTALL)
_SOLID_ASCII = re.compile(r"(?a)\w+|[^\w\s\x1c-\x1f]")
_IS_WORD = re.compile(r"\w").fullmatch
_IS_SPACE = re.compile(r"\s").fullmatch
_NOT_PLAIN = re.compile(rf"(?=[^\x00-\u02ff])(?:{_ATTACHED}|{WORDLESS.pattern})")
r"""A character that can join a token to the next or cut a word up; without one, the tokens
are the pieces `\w+|\s+|.` and the words among them are the runs of word characters."""


def words(text: str) -> list[str]:
    """The word tokens of `tokenize(text)` (those that begin with a letter, digit or "_"),
    found by one pattern when nothing in the text joins or cuts tokens."""
    if text.isascii():
        return _WORD_ASCII.findall(text)
    if not is_plain(text):
        return [t for t in tokenize(text) if t[0].isalnum() or t[0] == "_"]
    return _WORD.findall(text)


def tokenize(text: str) -> list[str]:
    """Split text into words, whitespace runs and single signs; "".join gives it back.

    Chinese and Japanese have no spaces between words: each ideograph or kana is a token of
    its own, so an edit there is never wider than the characters that changed.
    """
    if text.isascii():
        return _PIECE_ASCII.findall(text)
    if is_plain(text):  # nothing joins or cuts: the plain pieces, quicker
        return _PIECE.findall(text)
    return (_TOKEN_CUT if WORDLESS.search(text) else _TOKEN).findall(text)


def solid_tokens(text: str) -> list[str]:
    """The tokens of `tokenize(text)` that are not whitespace (what similarity reads), by
    one pattern when nothing in the text joins or cuts tokens."""
    if text.isascii():
        return _SOLID_ASCII.findall(text)
    if is_plain(text):
        return _SOLID.findall(text)
    return [t for t in tokenize(text) if not t.isspace()]


def is_plain(text: str) -> bool:
    """Whether nothing in the text joins or cuts tokens: its tokens are then the pieces
    `\\w+`, `\\s+` and single signs, and a token ends wherever the class changes. ASCII
    text is told at once (every joining or cutting character is above U+02FF)."""
    return text.isascii() or not _NOT_PLAIN.search(text)


def plain_tokens(text: str) -> list[str]:
    """`tokenize` of plain text (see `is_plain`)."""
    return (_PIECE_ASCII if text.isascii() else _PIECE).findall(text)


def first_token(text: str, at: int) -> str:
    """The token of plain text that starts at `at` (a token boundary, before the end)."""
    found = _PIECE.match(text, at)
    return found.group() if found else ""


def token_ends_at(text: str, at: int) -> bool:
    """Whether a token of plain text ends at `at` (its start and end included)."""
    if at <= 0 or at >= len(text):
        return True
    x, y = text[at - 1], text[at]
    return not (_IS_WORD(x) and _IS_WORD(y)) and not (_IS_SPACE(x) and _IS_SPACE(y))


def framed_tokens(old: tuple[str, ...], new: tuple[str, ...]) -> list[list[str]] | None:
    """The two lines' tokens with their shared head and tail each one token, when that
    gives the very edits their full tokens give; else None.

    Most paragraph pairs of a revision differ in a few words (or only in their number), and
    tokenizing the rest is most of their diff's cost. diff-match-patch strips the common
    head and tail, diffs the middle, and merges the runs; the merge reads the head and tail
    only by concatenation, except where it slides an edit across a whole equality, which
    needs an edit as long as it. So with plain text (nothing joins or cuts tokens: there a
    token boundary is a change of class), a head and tail cut at a boundary of both lines,
    and every middle shorter in tokens than the head and the tail hold, the edits are the
    same, and only the middles are tokenized.
    """
    if len(old) != 1 or len(new) != 1:
        return None
    a, b = old[0], new[0]
    if not (is_plain(a) and is_plain(b)):
        return None
    head = _boundary_before(a, b, _common_head(a, b))
    tail = _common_tail(a, b, head)
    while tail and not (token_ends_at(a, len(a) - tail) and token_ends_at(b, len(b) - tail)):
        tail -= 1
    middles = a[head : len(a) - tail], b[head : len(b) - tail]

    def frame_holds(tokens: int) -> bool:
        """Whether the head and the tail (those there are) each hold more than `tokens`."""
        return (not head or _holds_more(a[:head], tokens)) and (
            not tail or _holds_more(a[len(a) - tail :], tokens)
        )

    # Each run of non-spaces is a token or more: a head or tail too short for that many is
    # told before the middles are tokenized (most pairs that differ throughout).
    if not frame_holds(max(len(middles[0].split()), len(middles[1].split()))):
        return None
    mid_a, mid_b = plain_tokens(middles[0]), plain_tokens(middles[1])
    if not frame_holds(max(len(mid_a), len(mid_b))):
        return None
    # diff-match-patch must strip exactly the head and the tail: the middles (each followed
    # by the tail's first token) differ at their first token and end on different tokens.
    after = [first_token(a, len(a) - tail)] if tail else []
    firsts = [(m or after)[:1] for m in (mid_a, mid_b)]
    if (firsts[0] and firsts[0] == firsts[1]) or (mid_a and mid_b and mid_a[-1] == mid_b[-1]):
        return None
    first = [a[:head]] if head else []
    last = [a[len(a) - tail :]] if tail else []
    return [[*first, *mid_a, *last], [*first, *mid_b, *last]]


def _common_head(a: str, b: str) -> int:
    """The length of the longest common prefix (halving, each test one comparison in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_tail(a: str, b: str, head: int) -> int:
    """The length of the longest common suffix of what follows the head in each."""
    lo, hi = 0, min(len(a), len(b)) - head
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _boundary_before(a: str, b: str, at: int) -> int:
    """The last position at or before `at` where both plain texts start a new token."""
    while at and not (token_ends_at(a, at) and token_ends_at(b, at)):
        at -= 1
    return at


def _holds_more(text: str, tokens: int) -> bool:
    """Whether plain text holds more than `tokens` tokens: each run of non-space characters
    is one token or more, so most heads and tails are told without being tokenized."""
    if len(text[: 16 * (tokens + 1)].split()) > tokens:  # a prefix holds no more runs
        return True
    return len(text.split()) > tokens or len(plain_tokens(text)) > tokens
