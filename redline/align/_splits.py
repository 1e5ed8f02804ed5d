"""Splits (one paragraph cut in two) and merges (two joined into one) grown from the pairs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz.distance import Indel

from ..diff import encode_tokens
from ..model import Paragraph
from ._score import _scored_words, _words, words_similarity

SPLIT_SHARE = 0.8
"""Share of a fragment's words that must come, in order, from the paragraph it split from."""


def _kept_share(part: list[str], whole: list[str]) -> float:
    """How much of `part`'s word sequence is found, in order, in `whole`."""
    (a, b), _ = encode_tokens([part, whole])
    if not a:
        return 0.0
    lcs = (len(a) + len(b) - Indel.distance(a, b)) / 2
    return lcs / len(a)


def _joined(paragraphs: Sequence[Paragraph]) -> Paragraph:
    first = paragraphs[0]
    return Paragraph(first.part, first.index, " ".join(p.full_text for p in paragraphs))


def _growths(
    one: Sequence[Paragraph],
    many: Sequence[Paragraph],
    pairs: dict[int, tuple[int, float]],
    free: set[int],
    words: Callable[[str], list[str]],
) -> list[tuple[float, int, tuple[int, ...], float]]:
    """Pairs that could gain an unpaired neighbour on the `many` side (a split, or swapped a
    merge): (gain, paragraph on the `one` side, the grown group, its similarity).

    The neighbour must sit next to the pair's paragraph, in the same part, take most of its
    words in order from the `one` paragraph, and raise the similarity of the whole.
    """
    out: list[tuple[float, int, tuple[int, ...], float]] = []
    for i, (j, score) in sorted(pairs.items()):
        for k in (j + 1, j - 1):
            if k not in free or many[k].part is not many[j].part:
                continue
            whole = words(one[i].full_text)
            if _kept_share(words(many[k].full_text), whole) < SPLIT_SHARE:
                continue
            group = (min(j, k), max(j, k))
            combined = words_similarity(whole, _words(_joined([many[x] for x in group])))
            if combined > score:
                out.append((combined - score, i, group, combined))
    return out


def _grow(
    old: Sequence[Paragraph], new: Sequence[Paragraph], chosen: dict[int, tuple[int, float]]
) -> tuple[dict[int, tuple[tuple[int, ...], float]], dict[int, tuple[tuple[int, ...], float]]]:
    """Splits (old index -> new group) and merges (new index -> old group), best gain first.

    Both kinds compete in one ordering, so swapping the texts swaps splits and merges.
    """
    read: dict[str, list[str]] = {}  # a text's words: most are asked for more than once

    def words(text: str) -> list[str]:
        found = read.get(text)
        if found is None:
            found = read[text] = _scored_words(text)
        return found

    free_new = set(range(len(new))) - {j for j, _ in chosen.values()}
    free_old = set(range(len(old))) - set(chosen)
    reverse = {j: (i, score) for i, (j, score) in chosen.items()}
    options = [
        (g, i, chosen[i][0], grp, c, True)
        for g, i, grp, c in _growths(old, new, chosen, free_new, words)
    ]
    options += [
        (g, reverse[j][0], j, grp, c, False)
        for g, j, grp, c in _growths(new, old, reverse, free_old, words)
    ]
    options.sort(key=lambda o: (-round(o[0], 9), o[1] + o[2], abs(o[1] - o[2])))
    splits: dict[int, tuple[tuple[int, ...], float]] = {}
    merges: dict[int, tuple[tuple[int, ...], float]] = {}
    grown_pairs: set[tuple[int, int]] = set()
    for _gain, i, j, group, combined, is_split in options:
        extra = set(group) - ({j} if is_split else {i})
        pool = free_new if is_split else free_old
        if (i, j) in grown_pairs or not extra <= pool:
            continue
        grown_pairs.add((i, j))
        pool -= extra
        if is_split:
            splits[i] = (group, combined)
        else:
            merges[j] = (group, combined)
    return splits, merges
