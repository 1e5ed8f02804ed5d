"""The words a query shares with every indexed paragraph at once, counted bit-sliced.

For a word and a multiplicity k, one Python integer holds a bit per paragraph: set when the
paragraph holds the word at least k times. Adding, for each word of the query, its integers
for k = 1 .. (times the query holds it) counts at each paragraph the words the two share as
bags: the sum over words of the smaller count. That bounds the words they keep in order (the
longest common subsequence), so a paragraph whose count falls short of what its length needs
cannot reach the threshold, and is never scored.

The counts are held bit-sliced (integer i holds bit i of every paragraph's count), so each
addition and each comparison works on every paragraph at once, in C. That is what makes
function words, in nearly every paragraph, cheap: probed one paragraph at a time, their
postings are the cost of a query. Rare words are the other way round: their few paragraphs
are counted one by one, and added to the slices once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

__all__ = ["Bags", "char_code", "code_char", "floor_within", "reach", "shortest"]

_SLACK = 1e-9
"""Room left in the integer bounds, so that no rounding of the threshold prunes a pair."""
_SPAN = 1.25
"""Lengths are compared in runs whose needed count grows by at most this factor, each run at
its shortest length's need: fewer comparisons, a few more paragraphs scored, none lost."""
_RARE = 8
"""A word held by fewer paragraphs than this is counted one paragraph at a time."""


class Bags:
    """Bit sets of an index's paragraphs, made per word when a query first needs it."""

    __slots__ = ("_held", "_lengths", "_postings", "_rare", "_repeats", "_texts", "_up_to")

    def __init__(
        self,
        texts: Sequence[str],
        lengths: Sequence[int],
        postings: Sequence[Sequence[int]],
        *,
        rare: int | None = None,
    ) -> None:
        self._texts = texts  # position -> its words, one character per code
        self._lengths = lengths  # position -> its number of words
        self._postings = postings  # code -> the positions holding it
        self._rare = _RARE if rare is None else rare
        self._held: dict[int, list[int]] = {}  # code -> bits of "holds it >= k times", k = 1..
        self._up_to: list[int] = []  # lb -> bits of the paragraphs of at most lb words
        self._repeats: dict[str, list[tuple[int, int]]] | None = None  # made when first needed

    def reaching(self, counts: dict[int, int], threshold: float) -> Iterator[int]:
        """Positions whose shared words with the query (code -> times it holds it) could give
        the threshold (0 < threshold <= 1), in increasing order: a superset of the hits."""
        la = sum(counts.values())
        size, rare = len(self._texts), self._rare
        planes: list[int] = []  # planes[i]: bit i of each paragraph's shared-word count
        scattered: list[int] = []  # the rare words' paragraphs, one entry per shared word
        postings, held = self._postings, self._held
        for code, times in counts.items():
            if not code:
                continue
            if len(postings[code]) < rare:
                scattered += postings[code]
                if times > 1:
                    for p, n in self._repeated(code):
                        scattered += [p] * (min(times, n) - 1)
                continue
            for bits in (held.get(code) or self._bits(code))[:times]:
                for i, plane in enumerate(planes):  # add one at every set bit: ripple carry
                    planes[i] = plane ^ bits
                    bits &= plane
                    if not bits:
                        break
                else:
                    planes.append(bits)
        if scattered:
            _add_counts(planes, Counter(scattered), size)
        if not planes:
            return iter(())
        half = threshold / 2
        # The fewest shared words a paragraph of lb words needs: ceil(t(la+lb)/2).
        up_to = self._up_to_lengths()
        longest = floor_within(reach(la, half, la), len(up_to) - 1)
        found = 0
        lb = shortest(la, threshold)
        while lb <= longest:
            need = math.ceil(half * (la + lb) - _SLACK)
            last = max(lb, floor_within(reach(need * _SPAN, half, la), longest))
            lengths = up_to[last] & ~up_to[lb - 1] if lb else up_to[last]
            if lengths:
                found |= _at_least(planes, need, lengths)
            lb = last + 1
        return _positions(found)

    def _repeated(self, code: int) -> list[tuple[int, int]]:
        """(position, times) of the paragraphs holding the word twice or more."""
        if self._repeats is None:
            self._repeats = _repeats(self._texts)
        return self._repeats.get(code_char(code), [])

    def _bits(self, code: int) -> list[int]:
        held = self._held.get(code)
        if held is None:
            size = len(self._texts)
            by_times: dict[int, list[int]] = {}
            for p, n in self._repeated(code):
                by_times.setdefault(n, []).append(p)
            # "held k times or more", from the most down: each level adds those held k times
            more: list[int] = []
            running = 0
            for k in range(max(by_times, default=1), 1, -1):
                if k in by_times:
                    running |= _bitset(by_times[k], size)
                more.append(running)
            held = [_bitset(self._postings[code], size), *reversed(more)]
            self._held[code] = held
        return held

    def _up_to_lengths(self) -> list[int]:
        if not self._up_to:
            by_length: list[list[int]] = [[] for _ in range(max(self._lengths, default=0) + 1)]
            for p, lb in enumerate(self._lengths):
                by_length[lb].append(p)
            up_to, running = [], 0
            for positions in by_length:
                if positions:
                    running |= _bitset(positions, len(self._texts))
                up_to.append(running)
            self._up_to = up_to
        return self._up_to


def shortest(la: int, threshold: float) -> int:
    """The fewest words a paragraph can hold and reach the threshold with a query of la."""
    return math.ceil(threshold * la / (2 - threshold) - _SLACK)


def reach(shared: float, half: float, la: int) -> float:
    """The longest paragraph that `shared` words bring to the threshold (2*half) with a query
    of la words: shared >= half*(la+lb); unbounded for a threshold near 0."""
    return (shared + _SLACK) / half - la if half else math.inf


def floor_within(bound: float, most: int) -> int:
    """floor(bound), at most `most` (the bound is infinite for a threshold near 0)."""
    return most if bound >= most else math.floor(bound)


def code_char(code: int) -> str:
    """One character per word code, the surrogate block skipped (rapidfuzz compares them)."""
    return chr(code + 0x800 if code >= 0xD800 else code)


def char_code(char: str) -> int:
    """The word code `code_char` gave this character."""
    n = ord(char)
    return n - 0x800 if n >= 0xE000 else n


def _repeats(texts: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Each word some paragraph holds twice or more: (position, times) for those."""
    repeats: dict[str, list[tuple[int, int]]] = {}
    for p, text in enumerate(texts):
        for char, n in Counter(text).items():
            if n > 1:
                repeats.setdefault(char, []).append((p, n))
    return repeats


def _bitset(positions: Sequence[int], size: int) -> int:
    """An integer with the bits of `positions` set: a few are shifted in; many are written
    as binary digits and parsed in C (each shift copies the integer made so far)."""
    if len(positions) << 6 < size:
        bits = 0
        for p in positions:
            bits |= 1 << p
        return bits
    digits = bytearray(b"0" * size)
    for p in positions:
        digits[p] = 49  # "1"
    digits.reverse()
    return int(digits, 2) if size else 0


def _add_counts(planes: list[int], counts: Counter[int], size: int) -> None:
    """Add per-paragraph counts to the slices: the counts sliced first, then one addition
    of two bit-sliced numbers (full adders, plane by plane)."""
    items = counts.items()
    sliced = [[p for p, n in items if n >> i & 1] for i in range(max(counts.values()).bit_length())]
    carry = 0
    for i in range(max(len(planes), len(sliced))):
        a = planes[i] if i < len(planes) else 0
        b = _bitset(sliced[i], size) if i < len(sliced) else 0
        total = a ^ b
        if i < len(planes):
            planes[i] = total ^ carry
        else:
            planes.append(total ^ carry)
        carry = (a & b) | (carry & total)
    if carry:
        planes.append(carry)


def _at_least(planes: list[int], need: int, among: int) -> int:
    """The paragraphs of `among` whose count is at least `need` (compared from the top bit)."""
    if need >> len(planes):
        return 0
    above, equal = 0, among
    for i in range(len(planes) - 1, -1, -1):
        if need >> i & 1:
            equal &= planes[i]
        else:
            above |= equal & planes[i]
            equal &= ~planes[i]
    return above | equal


def _positions(bits: int) -> Iterator[int]:
    """The set bits' positions, lowest first (read off the binary digits when many)."""
    digits = bin(bits)[:1:-1]
    start = digits.find("1")
    while start >= 0:
        yield start
        start = digits.find("1", start + 1)
