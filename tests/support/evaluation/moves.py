"""What moved, by the report's documented rule, worked out again without `redline.align`.

The gold's "moved" must not come from the code it grades. This is the rule as
`redline/align/_moves.py` documents it, written from that description alone:

- a pair whose paragraphs change part (preamble ↔ operative) always moved;
- among the pairs that stay in their part (a split or merge by its first old and first new
  index), the stationary ones are a longest chain increasing on both sides;
- between equally long chains the one keeping the most text stays: the characters of both
  sides' `full_text`;
- then the one whose pairs drift least: the sum of |(i + ½)/n − (j + ½)/m| over its pairs,
  for old index i of n paragraphs and new index j of m;
- and when even that ties, the chain whose last pair comes first in (old, new) order, then
  its last but one, and so on (the aligner keeps the earliest chain it finds).

Everything is counted in integers (drift scaled by 2nm), so no rounding decides a tie.
Two searches give the chain: `chain_by_brute_force` tries every subset (small inputs) and
`chain_by_dp` extends the best chain ending at each pair (any size); a hypothesis test
holds them to the same answer.

>>> links = [Link(0, 1, chars=10, drift=2), Link(1, 0, chars=50, drift=2)]
>>> sorted(chain_by_dp(links)), sorted(chain_by_brute_force(links))
([1], [1])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from redline.model import Paragraph

__all__ = [
    "BRUTE_FORCE_LIMIT",
    "Link",
    "chain_by_brute_force",
    "chain_by_dp",
    "chain_value",
    "is_chain",
    "links",
    "moved",
]

BRUTE_FORCE_LIMIT = 14
"""Up to this many links `chain_by_brute_force` is quick enough (2**14 subsets)."""


@dataclass(frozen=True, slots=True)
class Link:
    """A pair that stays in its part, as the rule sees it: where it stands on each side, the
    characters it keeps (both sides) and its drift times 2nm (an integer)."""

    old: int
    new: int
    chars: int
    drift: int


def links(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    groups: Iterable[tuple[Sequence[int], Sequence[int]]],
) -> list[Link]:
    """The links of the matched `groups` (old indices, new indices) that stay in their part."""
    n, m = len(old), len(new)
    found = []
    for olds, news in groups:
        i, j = olds[0], news[0]
        if old[i].part is not new[j].part:
            continue
        chars = sum(len(old[k].full_text) for k in olds) + sum(len(new[k].full_text) for k in news)
        # |(i + 1/2)/n - (j + 1/2)/m| * 2nm
        found.append(Link(i, j, chars, abs((2 * i + 1) * m - (2 * j + 1) * n)))
    return found


def is_chain(chosen: Iterable[Link]) -> bool:
    """Whether the links increase on both sides together (a chain keeps its order)."""
    ordered = sorted(chosen, key=lambda link: (link.old, link.new))
    return all(a.old < b.old and a.new < b.new for a, b in pairwise(ordered))


def chain_value(chosen: Iterable[Link]) -> tuple[int, int, int]:
    """What the rule maximises, in order: pairs kept, characters kept, minus the drift."""
    chosen = list(chosen)
    return (len(chosen), sum(x.chars for x in chosen), -sum(x.drift for x in chosen))


def _rank(chosen: Sequence[Link]) -> tuple[int, int, int, tuple[tuple[int, int], ...]]:
    """`chain_value`, then the last tie: the chain whose pairs, read from its end, come first."""
    backwards = sorted((-x.old, -x.new) for x in chosen)  # the last pair first, negated
    return (*chain_value(chosen), tuple(backwards))


def chain_by_brute_force(items: Sequence[Link]) -> frozenset[int]:
    """The stationary chain (positions in `items`) found by trying every subset."""
    if len(items) > BRUTE_FORCE_LIMIT:
        raise ValueError(f"{len(items)} links: too many to try every subset")
    best: tuple[int, ...] = ()
    best_rank = _rank(())
    for size in range(1, len(items) + 1):
        for subset in combinations(range(len(items)), size):
            chosen = [items[k] for k in subset]
            if not is_chain(chosen):
                continue
            rank = _rank(chosen)
            if rank > best_rank:
                best, best_rank = subset, rank
    return frozenset(best)


def chain_by_dp(items: Sequence[Link]) -> frozenset[int]:
    """The stationary chain (positions in `items`): for each link in (old, new) order, the best
    chain ending there is the best chain ending at an earlier link below it, plus itself."""
    order = sorted(range(len(items)), key=lambda k: (items[k].old, items[k].new))
    ending: dict[int, tuple[int, ...]] = {}
    for k in order:
        here = items[k]
        candidates = [
            chain
            for e, chain in ending.items()
            if items[e].old < here.old and items[e].new < here.new
        ]
        before = max(candidates, key=lambda c: _rank([items[x] for x in c]), default=())
        ending[k] = (*before, k)
    best = max(ending.values(), key=lambda c: _rank([items[x] for x in c]), default=())
    return frozenset(best)


def moved(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    groups: Sequence[tuple[Sequence[int], Sequence[int]]],
) -> list[bool]:
    """For each matched group (old indices, new indices): did it move, by the rule."""
    staying = links(old, new, groups)
    kept = {(staying[k].old, staying[k].new) for k in chain_by_dp(staying)}
    return [(olds[0], news[0]) not in kept for olds, news in groups]
