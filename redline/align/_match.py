"""Match every paragraph of both texts exactly once: pairs, splits, merges, moves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Kind, Match, Paragraph, Part
from ._assign import _pairs
from ._moves import chain_weight, stationary
from ._score import DEFAULT_THRESHOLD
from ._splits import _grow


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
