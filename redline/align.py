"""Matching paragraphs across two texts: scoring, one-to-one assignment, moves.

Paragraphs are scored by word-level similarity (rapidfuzz's normalized Indel similarity
over word tokens: twice the words kept in order, over the words of both). Words, not
characters, because two unrelated paragraphs of one resolution family share most of their
letters ("human rights", "international cooperation") but few of their word sequences,
and because the kept words are what a reader sees unmarked in the redline.

Pairs are then chosen by a maximum-weight one-to-one assignment over the whole document
(not greedy first-come), so a paragraph reused under another number and in another part
is still found, and one below the threshold stays added or deleted rather than a bad pair.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

from .diff import encode_tokens, tokenize
from .model import Paragraph, Part

__all__ = [
    "DEFAULT_THRESHOLD",
    "Kind",
    "Match",
    "Placement",
    "Side",
    "align",
    "chain_weight",
    "placements",
    "similarity",
    "stationary",
]

DEFAULT_THRESHOLD = 0.5
"""Word similarity below which two paragraphs are not a pair, in all six languages.

Calibrated on English (benchmarks/calibrate.py) and checked per script on the six-language
corpus (calibrate.py --languages): Chinese, scored per character, has about as many
unrelated look-alikes at this threshold as English (10.3 % and 11.0 % of 3,691 UN lines),
and a higher one would cost it reused paragraphs; Arabic and Russian score lower on both
sides, but at English's false-pair risk (0.45) they would keep few more reused paragraphs
(2.5 points), so one threshold serves every script; `threshold=` overrides it.
"""


class Kind(enum.Enum):
    """A paragraph's fate between the two texts."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    ADDED = "added"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"


@dataclass(frozen=True, slots=True)
class Match:
    """One paragraph's fate: indices into the old and new `Resolution.paragraphs`.

    `moved` says the pair is not on the longest chain of pairs that keep their order, so the
    reader must be told it moved; `part_changed` that it crossed between preamble and
    operative part (always a move); `renumbered` that its operative number changed.
    """

    kind: Kind
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float | None = None
    moved: bool = False
    part_changed: bool = False
    renumbered: bool = False


def _words(p: Paragraph) -> list[str]:
    """The words similarity is scored on: word tokens, and each Chinese or Japanese
    character on its own (those scripts write no spaces, so a "word" would be a sentence)."""
    return _scored_words(p.full_text)


def _scored_words(text: str) -> list[str]:
    return [t for t in tokenize(text.casefold()) if t[0].isalnum() or t[0] == "_"]


def similarity(a: Paragraph, b: Paragraph) -> float:
    """Word-level similarity of two paragraphs, from 0 (nothing kept) to 1 (same words)."""
    (x, y), _ = encode_tokens([_words(a), _words(b)])
    return float(Indel.normalized_similarity(x, y))


def _candidates(
    old: Sequence[Paragraph], new: Sequence[Paragraph], threshold: float
) -> dict[tuple[int, int], float]:
    codes, _ = encode_tokens([_words(p) for p in (*old, *new)])
    olds, news = codes[: len(old)], codes[len(old) :]
    pairs: dict[tuple[int, int], float] = {}
    for i, query in enumerate(olds):
        for _choice, score, j in process.extract(
            query, news, scorer=Indel.normalized_similarity, score_cutoff=threshold, limit=None
        ):
            pairs[(i, j)] = float(score)
    return pairs


def _components(pairs: dict[tuple[int, int], float]) -> list[tuple[list[int], list[int]]]:
    """Connected groups of candidate pairs: each is assigned on its own, small and fast."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        a, b = find(("o", i)), find(("n", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for i, j in sorted(pairs):
        olds, news = groups.setdefault(find(("o", i)), ([], []))
        if i not in olds:
            olds.append(i)
        if j not in news:
            news.append(j)
    return [(sorted(o), sorted(n)) for _, (o, n) in sorted(groups.items())]


def _assign(weights: list[list[float]]) -> list[int]:
    """Maximum-weight assignment of rows to columns (Hungarian method, shortest paths).

    Rows may stay unassigned (-1): each row gets a private dummy column of weight 0.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    width = cols + rows
    inf = float("inf")
    cost = [[-w for w in row] + [0.0] * rows for row in weights]
    u = [0.0] * (rows + 1)
    v = [0.0] * (width + 1)
    owner = [0] * (width + 1)  # owner[j]: row (1-based) holding column j
    way = [0] * (width + 1)
    for i in range(1, rows + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (width + 1)
        used = [False] * (width + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            row = cost[i0 - 1]
            for j in range(1, width + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(width + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    result = [-1] * rows
    for j in range(1, cols + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def _drift(i: int, n: int, j: int, m: int) -> float:
    """Tie-break between equal scores: how far a pair moves, squared.

    Squared (convex), so among equally similar paragraphs the pairing that keeps their
    order wins, and the same whichever text is called old.
    """
    return ((i + 0.5) / n - (j + 0.5) / m) ** 2


def _pairs(
    old: Sequence[Paragraph], new: Sequence[Paragraph], threshold: float
) -> dict[int, tuple[int, float]]:
    candidates = _candidates(old, new, threshold)
    chosen: dict[int, tuple[int, float]] = {}
    scale = max(len(old), len(new), 1)
    for olds, news in _components(candidates):
        weights = [
            [
                candidates[(i, j)] - _drift(i, len(old), j, len(new)) / (1000 * scale)
                if (i, j) in candidates
                else -1.0
                for j in news
            ]
            for i in olds
        ]
        for r, c in enumerate(_assign(weights)):
            if c >= 0 and (olds[r], news[c]) in candidates:
                chosen[olds[r]] = (news[c], candidates[(olds[r], news[c])])
    return chosen


def chain_weight(
    old: Sequence[Paragraph], new: Sequence[Paragraph], olds: Sequence[int], news: Sequence[int]
) -> float:
    """A pair's weight in the stationary chain: its text on both sides, so the choice of
    what moved is the same whichever text is called old; between chains keeping as much
    text, the one whose pairs drift least stays (a fraction of a character, never more)."""
    chars = sum(len(old[i].full_text) for i in olds) + sum(len(new[j].full_text) for j in news)
    return float(chars - _drift(olds[0], len(old), news[0], len(new)) ** 0.5 / 1000)


def stationary(pairs: Sequence[tuple[int, int]], weights: Sequence[float]) -> set[int]:
    """Which pairs keep their order: the longest chain increasing on both sides.

    The most pairs stay put, so the fewest are called moved; among equally long chains the
    one keeping the most text (`weights`, e.g. characters) wins, then the earliest. Returns
    positions in `pairs`. The evaluation generator calls this too, so its gold "moved"
    follows the same rule as the report.
    """
    order = sorted(range(len(pairs)), key=lambda k: pairs[k])
    best: list[tuple[int, float]] = []
    back: list[int] = []
    for a, k in enumerate(order):
        score, prev = (1, weights[k]), -1
        for b in range(a):
            kb = order[b]
            if pairs[kb][0] < pairs[k][0] and pairs[kb][1] < pairs[k][1]:
                cand = (best[b][0] + 1, best[b][1] + weights[k])
                if cand > score:
                    score, prev = cand, b
        best.append(score)
        back.append(prev)
    if not best:
        return set()
    end = max(range(len(best)), key=lambda a: (best[a], -a))
    keep: set[int] = set()
    while end >= 0:
        keep.add(order[end])
        end = back[end]
    return keep


def _same(
    a: Paragraph,
    b: Paragraph,
    old_notes: Mapping[str, str] | None = None,
    new_notes: Mapping[str, str] | None = None,
) -> bool:
    """Same words, sub-paragraphs and footnotes: a note counts by its place and text, not its
    mark, so a note renumbered by an earlier one is no change and an edited note is."""

    def notes(p: Paragraph, texts: Mapping[str, str] | None) -> list[list[tuple[int, str]]]:
        texts = texts or {}
        return [
            [(n.offset, texts.get(n.mark, n.mark)) for n in refs]
            for refs in (p.notes, *(s.notes for s in p.subparagraphs))
        ]

    return (
        a.text == b.text
        and [(s.label, s.text) for s in a.subparagraphs]
        == [(s.label, s.text) for s in b.subparagraphs]
        and notes(a, old_notes) == notes(b, new_notes)
    )


SPLIT_SHARE = 0.8
"""Share of a fragment's words that must come, in order, from the paragraph it split from."""


def _kept_share(part: Paragraph, whole: str) -> float:
    """How much of `part`'s word sequence is found, in order, in `whole`."""
    (a, b), _ = encode_tokens([_words(part), _scored_words(whole)])
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
            if _kept_share(many[k], one[i].full_text) < SPLIT_SHARE:
                continue
            group = (min(j, k), max(j, k))
            combined = similarity(one[i], _joined([many[x] for x in group]))
            if combined > score:
                out.append((combined - score, i, group, combined))
    return out


def _grow(
    old: Sequence[Paragraph], new: Sequence[Paragraph], chosen: dict[int, tuple[int, float]]
) -> tuple[dict[int, tuple[tuple[int, ...], float]], dict[int, tuple[tuple[int, ...], float]]]:
    """Splits (old index -> new group) and merges (new index -> old group), best gain first.

    Both kinds compete in one ordering, so swapping the texts swaps splits and merges.
    """
    free_new = set(range(len(new))) - {j for j, _ in chosen.values()}
    free_old = set(range(len(old))) - set(chosen)
    reverse = {j: (i, score) for i, (j, score) in chosen.items()}
    options = [
        (g, i, chosen[i][0], grp, c, True) for g, i, grp, c in _growths(old, new, chosen, free_new)
    ]
    options += [
        (g, reverse[j][0], j, grp, c, False)
        for g, j, grp, c in _growths(new, old, reverse, free_old)
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


def align(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    old_notes: Mapping[str, str] | None = None,
    new_notes: Mapping[str, str] | None = None,
) -> tuple[Match, ...]:
    """Match every paragraph of both texts exactly once; in new-document order.

    One-to-one pairs first; then a pair whose new paragraph has an unpaired neighbour cut
    from the same old paragraph becomes a split (1 → 2), and the mirror a merge (2 → 1).
    `old_notes`/`new_notes` give the footnote texts by mark, so a pair is unchanged only when
    its notes read the same too.
    """
    chosen = _pairs(old, new, threshold)
    splits, merges = _grow(old, new, chosen)
    groups: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    for i, (j, score) in chosen.items():
        if i in splits:
            groups.append(((i,), splits[i][0], splits[i][1]))
        elif j in merges:
            groups.append((merges[j][0], (j,), merges[j][1]))
        else:
            groups.append(((i,), (j,), score))
    groups.sort()
    same_part = [k for k, (o, n, _) in enumerate(groups) if old[o[0]].part is new[n[0]].part]
    kept = stationary(
        [(groups[k][0][0], groups[k][1][0]) for k in same_part],
        [chain_weight(old, new, groups[k][0], groups[k][1]) for k in same_part],
    )
    still = {same_part[k] for k in kept}
    matches: list[Match] = []
    for k, (o, n, score) in enumerate(groups):
        a, b = old[o[0]], new[n[0]]
        crossed = a.part is not b.part
        if len(n) > 1:
            kind = Kind.SPLIT
        elif len(o) > 1:
            kind = Kind.MERGED
        else:
            kind = Kind.UNCHANGED if _same(a, b, old_notes, new_notes) else Kind.MODIFIED
        matches.append(
            Match(
                kind,
                o,
                n,
                round(score, 4),
                moved=k not in still,
                part_changed=crossed,
                renumbered=not crossed and a.part is Part.OPERATIVE and a.number != b.number,
            )
        )
    paired_new = {j for m in matches for j in m.new}
    paired_old = {i for m in matches for i in m.old}
    matches += [Match(Kind.ADDED, (), (j,)) for j in range(len(new)) if j not in paired_new]
    matches.sort(key=lambda m: m.new[0] if m.new else len(new))
    matches += [Match(Kind.DELETED, (i,), ()) for i in range(len(old)) if i not in paired_old]
    return tuple(matches)


class Side(enum.Enum):
    """What a placement in the redline shows of its match."""

    BOTH = "both"  # a pair in place: its word diff
    OLD = "old"  # a deleted paragraph, or the source of a move
    NEW = "new"  # an added paragraph, or the destination of a move


@dataclass(frozen=True, slots=True)
class Placement:
    """One paragraph of the redline: which match, and which side of it."""

    match: int
    side: Side


def placements(
    old: Sequence[Paragraph], new: Sequence[Paragraph], matches: Sequence[Match]
) -> tuple[Placement, ...]:
    """The redline's paragraphs in order, part by part.

    Between two paragraphs that stay in place, the old text's leftovers (deletions, move
    sources) come first, in old order, then the new text's (insertions, move destinations),
    as Word shows a deletion before an insertion.
    """
    out: list[Placement] = []
    old_at = {i: m for m, match in enumerate(matches) for i in match.old}
    new_at = {j: m for m, match in enumerate(matches) for j in match.new}
    shown: set[tuple[int, Side]] = set()

    def show(m: int, side: Side) -> None:
        if (m, side) not in shown:  # a split or merge is shown once for its paragraphs
            shown.add((m, side))
            out.append(Placement(m, side))

    for part in Part:
        olds = [i for i, p in enumerate(old) if p.part is part]
        news = [j for j, p in enumerate(new) if p.part is part]
        oi = ni = 0
        while oi < len(olds) or ni < len(news):
            while oi < len(olds) and not _in_place(matches[old_at[olds[oi]]]):
                show(old_at[olds[oi]], Side.OLD)
                oi += 1
            while ni < len(news) and not _in_place(matches[new_at[news[ni]]]):
                show(new_at[news[ni]], Side.NEW)
                ni += 1
            if ni < len(news):
                m = new_at[news[ni]]
                show(m, Side.BOTH)
                ni += len(matches[m].new)
                oi += len(matches[m].old)
            elif oi < len(olds):  # cannot happen: an in-place old pairs an in-place new
                raise AssertionError("unbalanced placements")
    return tuple(out)


def _in_place(m: Match) -> bool:
    return bool(m.old and m.new and not m.moved)
