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
postings are the cost of a query. In a corpus, rare words are the other way round: their
few paragraphs are counted one by one, and added to the slices once. What a query costs is
mostly one full adder per integer added, so a word it repeats adds the bit slices of its
repeats, not one integer per level.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from itertools import compress, filterfalse
from operator import xor

__all__ = ["Bags", "char_code", "code_char", "floor_within", "reach", "shortest"]

_SLACK = 1e-9
"""Room left in the integer bounds, so that no rounding of the threshold prunes a pair."""
_RARE_PER = 4096
"""A word held by fewer paragraphs than one per this many is counted one paragraph at a time:
a bit set costs each query a few operations on integers of a bit per paragraph, a paragraph
counted one by one a few dictionary steps. In a document every word is a bit set (at 1,000
and 3,000 paragraphs that was quickest: counting words held by fewer than 8 paragraphs one by
one cost a fifth more); in a corpus of 40,000, those held by fewer than 9."""


_FEW_BITS = 24
"""Up to this many survivors are read off by their lowest bit, more off the binary digits."""


class Bags:
    """Bit sets of an index's paragraphs, made per word when a query first needs it."""

    __slots__ = (
        "_coded",
        "_first",
        "_held",
        "_lengths",
        "_mins",
        "_offset",
        "_postings",
        "_rare",
        "_repeats",
        "_scarce",
        "_texts",
    )

    def __init__(
        self,
        texts: Sequence[str],
        lengths: Sequence[int],
        *,
        rare: int | None = None,
        coded: Sequence[list[int]] | None = None,
    ) -> None:
        self._lengths = lengths  # position -> its number of words
        self._rare = len(lengths) // _RARE_PER if rare is None else rare
        # word's character -> the positions holding it; -> (position, times) of those holding
        # it twice or more: one count per paragraph gives both. A corpus's index has its
        # postings by code already (`coded`): they are read per word, not copied whole.
        postings: defaultdict[str, list[int]] = defaultdict(list)
        repeats: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for position, text in enumerate(texts if coded is None else ()):
            for char, n in Counter(text).items():
                postings[char].append(position)
                if n > 1:
                    repeats[char].append((position, n))
        self._postings: dict[str, list[int]] = postings
        self._repeats: dict[str, list[tuple[int, int]]] = repeats
        self._texts, self._coded = texts, coded
        # word's character -> bits of "holds it >= k times", k = 1 .. (none for a rare word
        # or one no paragraph holds); made when a query first holds the word
        self._held: dict[str, list[int]] = {}
        self._first: dict[str, int] = {}  # word's character -> its first level, if it has one
        self._mins: dict[tuple[str, int], list[int]] = {}  # (word, times) -> `_least`
        self._scarce: set[str] = set()  # the rare words met so far, counted one by one
        self._offset: dict[float, tuple[list[int], int]] = {}  # threshold -> its offsets

    def reaching(self, counts: Mapping[str, int], threshold: float) -> Iterator[int]:
        """Positions whose shared words with the query (word's character -> times it holds
        it) could give the threshold (0 < threshold <= 1), in increasing order: a superset of
        the hits.

        A paragraph of lb words reaches it only if 2·shared >= t·la + t·lb, so (both sides
        integers) only if 2·shared - ⌊t·lb⌋ >= ⌊t·la⌋: the per-paragraph part is added to the
        count once as an offset, and every paragraph is compared with one number."""
        la = sum(counts.values())
        size = len(self._lengths)
        offset, base = self._offsets(threshold)
        held, first = self._held, self._first
        for char in filterfalse(held.__contains__, counts):  # words no query held before
            held[char] = levels = self._bits(char)
            if levels:
                first[char] = levels[0]
        columns = [[bits] for bits in offset] + [[]]  # bit sets by weight 2^k
        # Each shared word counts 2: its first `times` levels. The first level of every word
        # is looked up in C; only the words the query repeats are looked at one by one.
        shared = columns[1]
        shared += filter(None, map(first.get, counts))
        for char in compress(counts, map((1).__lt__, counts.values())):
            times, bits = counts[char], held[char]
            if times < 4 or len(bits) < 4:
                shared += bits[1:times]
            else:  # levels 2 .. times as their sum's bit slices: fewer sets to add
                planes = self._least(char, min(times, len(bits)))
                while len(columns) <= len(planes):
                    columns.append([])
                for k, plane in enumerate(planes, 1):
                    columns[k].append(plane)
        scattered: list[int] = []  # the rare words' paragraphs, one entry per shared word
        for char in counts.keys() & self._scarce:
            scattered += self._postings[char]
            times = counts[char]
            if times > 1:
                for p, n in self._repeats.get(char, ()):
                    scattered += [p] * (min(times, n) - 1)
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

    def _least(self, char: str, times: int) -> list[int]:
        """The bit slices of the word's levels 2 .. times summed: per paragraph, the times it
        holds the word, at most `times`, less one (none for a paragraph that lacks it)."""
        found = self._mins.get((char, times))
        if found is None:
            levels = self._held[char][:times]  # nested: each level within the one before
            exact = [*map(xor, levels, levels[1:]), levels[-1]]  # k times (k < times), or more
            found = [0] * (times - 1).bit_length()
            for k, bits in enumerate(exact[1:], 1):
                for j in range(k.bit_length()):
                    if k >> j & 1:
                        found[j] |= bits
            self._mins[(char, times)] = found
        return found

    def _bits(self, char: str) -> list[int]:
        """The word's bits by level, or none for a rare word (then noted as one) or one no
        paragraph holds."""
        if self._coded is not None:  # a corpus: the index's postings; repeats when first needed
            found = self._coded[char_code(char)] if char_code(char) < len(self._coded) else []
            if found:
                self._postings[char] = found
            if not self._repeats:
                self._repeats = _repeats(self._texts)
        positions = self._postings.get(char)
        if positions is None:
            return []
        if len(positions) < self._rare:
            self._scarce.add(char)
            return []
        size = len(self._lengths)
        repeated = self._repeats.get(char)
        if not repeated:  # most words: no paragraph holds them twice
            return [_bitset(positions, size)]
        by_times: dict[int, list[int]] = {}
        for p, n in repeated:
            by_times.setdefault(n, []).append(p)
        # "held k times or more", from the most down: each level adds those held k times
        more: list[int] = []
        running = 0
        for k in range(max(by_times, default=1), 1, -1):
            if k in by_times:
                running |= _bitset(by_times[k], size)
            more.append(running)
        return [_bitset(positions, size), *reversed(more)]


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
    adders (carry-save: a running sum takes two bit sets at a time, and their carry, worth
    twice, joins the next column), so each costs a few operations however long the carries
    would ripple."""
    planes: list[int] = []
    carry: list[int] = []
    k = 0
    while k < len(columns) or carry:
        column = columns[k] + carry if k < len(columns) else carry
        carry = []
        total = 0
        if column:
            sets = iter(column)
            total = next(sets)
            for a, b in zip(sets, sets):
                ab = total ^ a
                carry.append(total & a | ab & b)
                total = ab ^ b
            if not len(column) & 1:  # one left over: a half adder
                a = column[-1]
                carry.append(total & a)
                total ^= a
        planes.append(total)
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
    """The set bits' positions, lowest first: a few by their lowest bit, many read off the
    binary digits (three operations per bit cost less than writing every digit out)."""
    if bits.bit_count() <= _FEW_BITS:
        while bits:
            low = bits & -bits
            yield low.bit_length() - 1
            bits ^= low
        return
    digits = bin(bits)[:1:-1]
    start = digits.find("1")
    while start >= 0:
        yield start
        start = digits.find("1", start + 1)
