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
from collections.abc import Iterator, Mapping, Sequence

__all__ = ["Bags", "char_code", "code_char", "floor_within", "reach", "shortest"]

_SLACK = 1e-9
"""Room left in the integer bounds, so that no rounding of the threshold prunes a pair."""
_RARE = 8
"""A word held by fewer paragraphs than this is counted one paragraph at a time."""


class Bags:
    """Bit sets of an index's paragraphs, made per word when a query first needs it."""

    __slots__ = ("_held", "_lengths", "_offset", "_postings", "_rare", "_repeats", "_texts")

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
        self._held: dict[str, list[int]] = {}  # word -> bits of "holds it >= k times", k = 1..
        self._offset: dict[float, tuple[list[int], int]] = {}  # threshold -> its offsets
        self._repeats: dict[str, list[tuple[int, int]]] | None = None  # made when first needed

    def reaching(self, counts: Mapping[str, int], threshold: float) -> Iterator[int]:
        """Positions whose shared words with the query (word's character -> times it holds
        it) could give the threshold (0 < threshold <= 1), in increasing order: a superset of
        the hits.

        A paragraph of lb words reaches it only if 2·shared >= t·la + t·lb, so (both sides
        integers) only if 2·shared - ⌊t·lb⌋ >= ⌊t·la⌋: the per-paragraph part is added to the
        count once as an offset, and every paragraph is compared with one number."""
        la = sum(counts.values())
        size, rare = len(self._texts), self._rare
        offset, base = self._offsets(threshold)
        columns = [[bits] for bits in offset] + [[]]  # bit sets by weight 2^k
        scattered: list[int] = []  # the rare words' paragraphs, one entry per shared word
        postings, held = self._postings, self._held
        for char, times in counts.items():
            bits = held.get(char)
            if bits is not None:  # a word met before, not rare
                columns[1] += bits[:times]  # each shared word: 2
                continue
            code = char_code(char)
            if not code:
                continue
            if len(postings[code]) < rare:
                scattered += postings[code]
                if times > 1:
                    for p, n in self._repeated(code):
                        scattered += [p] * (min(times, n) - 1)
                continue
            columns[1] += self._bits(code)[:times]
        if scattered:
            by_count = Counter(scattered).items()
            for i in range(max(n for _, n in by_count).bit_length()):
                while len(columns) <= i + 1:
                    columns.append([])
                columns[i + 1].append(_bitset([p for p, n in by_count if n >> i & 1], size))
        need = base + math.floor(threshold * la)
        return _positions(_at_least(_sum(columns), need, (1 << size) - 1))

    def _offsets(self, threshold: float) -> tuple[list[int], int]:
        """The bit slices of base - ⌊t·lb⌋ for every paragraph, and base (a power of two
        above every ⌊t·lb⌋, so no paragraph's offset is negative)."""
        found = self._offset.get(threshold)
        if found is None:
            by_length: dict[int, list[int]] = {}
            for p, lb in enumerate(self._lengths):
                by_length.setdefault(lb, []).append(p)
            cut = {lb: math.floor(threshold * lb) for lb in by_length}
            base = 1 << max(cut.values(), default=0).bit_length()
            planes = [
                _bitset(
                    [p for lb, ps in by_length.items() if (base - cut[lb]) >> k & 1 for p in ps],
                    len(self._lengths),
                )
                for k in range(base.bit_length())
            ]
            found = self._offset[threshold] = (planes, base)
        return found

    def _repeated(self, code: int) -> list[tuple[int, int]]:
        """(position, times) of the paragraphs holding the word twice or more."""
        if self._repeats is None:
            self._repeats = _repeats(self._texts)
        return self._repeats.get(code_char(code), [])

    def _bits(self, code: int) -> list[int]:
        held = self._held.get(code_char(code))
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
            self._held[code_char(code)] = held
        return held


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


def _sum(columns: list[list[int]]) -> list[int]:
    """The bit slices of the sum of bit sets (columns[k]: those worth 2^k each), by full
    adders (carry-save: three bit sets become their sum and their carry, worth twice), so
    each costs a few operations however long the carries would ripple."""
    planes: list[int] = []
    carry: list[int] = []
    k = 0
    while k < len(columns) or carry:
        column = (columns[k] if k < len(columns) else []) + carry
        carry = []
        while len(column) > 2:
            kept = column[len(column) - len(column) % 3 :]
            sets = iter(column)
            for a, b, c in zip(sets, sets, sets):
                ab = a ^ b
                kept.append(ab ^ c)
                carried = a & b | c & ab
                if carried:
                    carry.append(carried)
            column = kept
        if len(column) == 2:
            a, b = column
            column = [a ^ b]
            if a & b:
                carry.append(a & b)
        planes.append(column[0] if column else 0)
        k += 1
    return planes


def _at_least(planes: list[int], need: int, among: int) -> int:
    """The paragraphs of `among` whose count is at least `need` (compared from the top bit)."""
    if need >> len(planes):
        return 0
    above, equal = 0, among
    for i in range(len(planes) - 1, -1, -1):
        if need >> i & 1:
            equal &= planes[i]
        else:
            higher = equal & planes[i]
            above |= higher
            equal ^= higher
    return above | equal


def _positions(bits: int) -> Iterator[int]:
    """The set bits' positions, lowest first (read off the binary digits when many)."""
    digits = bin(bits)[:1:-1]
    start = digits.find("1")
    while start >= 0:
        yield start
        start = digits.find("1", start + 1)
