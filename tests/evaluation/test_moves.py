"""The rule for what moved, worked out twice in the test support, and the aligner held to it.

`support.evaluation.moves` writes the documented rule again without `redline.align`: a
brute force over every subset and a dynamic programme must agree on any small input
(including ties, which small character counts make common), and then the aligner's own
`moved` flags, on its own matches, must be what the rule says. Unlike a gold computed by the
aligner's functions, these checks fail when the aligner leaves the rule.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import redline
from redline.comparison import compare_resolutions
from redline.model import Kind, Match, Resolution
from strategies import revisions
from support.evaluation import revision_pairs
from support.evaluation.corpus import load_structured
from support.evaluation.generate import unchanged
from support.evaluation.gold import GOLD_DIR, gold_pairs
from support.evaluation.moves import (
    Link,
    chain_by_brute_force,
    chain_by_dp,
    chain_value,
    is_chain,
    links,
    moved,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@cache
def seeds() -> tuple[Resolution, Resolution]:
    return (redline.parse(EXAMPLES / "hrc-46-13.txt"), redline.parse(EXAMPLES / "hrc-47-9.md"))


@st.composite
def link_sets(draw: st.DrawFn) -> list[Link]:
    """Up to 9 links with distinct old and distinct new indices, as matched pairs have; few
    character counts, so equally long chains keeping as much text are frequent."""
    n = draw(st.integers(1, 12))
    m = draw(st.integers(1, 12))
    size = draw(st.integers(0, min(n, m, 9)))
    olds = draw(st.permutations(range(n)))[:size]
    news = draw(st.permutations(range(m)))[:size]
    chars = draw(st.lists(st.integers(1, 4), min_size=size, max_size=size))
    return [
        Link(i, j, c, abs((2 * i + 1) * m - (2 * j + 1) * n))
        for i, j, c in zip(olds, news, chars, strict=True)
    ]


@given(link_sets())
def test_dynamic_programme_agrees_with_brute_force(items: list[Link]) -> None:
    fast, slow = chain_by_dp(items), chain_by_brute_force(items)
    assert fast == slow
    assert is_chain(items[k] for k in fast)


def _rule(pairs: list[tuple[int, int]], chars: list[int], n: int, m: int) -> set[int]:
    items = [
        Link(i, j, c, abs((2 * i + 1) * m - (2 * j + 1) * n))
        for (i, j), c in zip(pairs, chars, strict=True)
    ]
    kept = chain_by_dp(items)
    assert kept == chain_by_brute_force(items)
    return set(kept)


def test_the_documented_rule_by_example() -> None:
    # the third paragraph moved to the front: the two that kept their order stay
    assert _rule([(0, 1), (1, 2), (2, 0)], [10, 10, 10], 3, 3) == {0, 1}
    # a longer chain wins over more text
    assert _rule([(0, 1), (1, 2), (2, 0)], [10, 10, 500], 3, 3) == {0, 1}
    # two chains of one: the one keeping more text stays
    assert _rule([(0, 1), (1, 0)], [5, 50], 2, 2) == {1}
    # as much text: the one drifting less stays (old 0 -> new 1 of 3 drifts less than 2 -> 0)
    assert _rule([(0, 1), (2, 0)], [7, 7], 3, 3) == {0}
    # everything equal: the chain whose last pair comes first
    assert _rule([(0, 1), (1, 0)], [7, 7], 2, 2) == {0}


def test_moved_counts_a_change_of_part_as_a_move() -> None:
    old, new = seeds()
    pp10 = next(i for i, p in enumerate(old.paragraphs) if p.label == "PP10")
    op1 = next(j for j, p in enumerate(new.paragraphs) if p.label == "OP1")
    assert moved(old.paragraphs, new.paragraphs, [((pp10,), (op1,))]) == [True]
    assert moved(old.paragraphs, new.paragraphs, [((0,), (0,))]) == [False]


def check_aligner(old: Resolution, new: Resolution, matches: tuple[Match, ...]) -> None:
    """The aligner's own matches carry the flags the rule gives them, and its own pairs the
    kind the texts give them."""
    pairs = [m for m in matches if m.old and m.new]
    assert not any(m.moved for m in matches if not (m.old and m.new))
    staying = links(old.paragraphs, new.paragraphs, [(m.old, m.new) for m in pairs])
    flags = {(m.old[0], m.new[0]): m.moved for m in pairs}
    still = [x for x in staying if not flags[(x.old, x.new)]]
    assert is_chain(still), [(x.old, x.new) for x in still]
    best = [staying[k] for k in chain_by_dp(staying)]
    assert chain_value(still) == chain_value(best), (still, best)
    for m in pairs:
        a, b = old.paragraphs[m.old[0]], new.paragraphs[m.new[0]]
        crossed = a.part is not b.part
        assert m.part_changed == crossed and (m.moved or not crossed), m
        if m.kind in (Kind.UNCHANGED, Kind.MODIFIED):
            same = unchanged(a, b, old.footnotes, new.footnotes)
            assert (m.kind is Kind.UNCHANGED) == same, (m, a.text, b.text)


def test_aligner_moves_follow_the_rule_on_generated_pairs() -> None:
    """60 generated pairs of the seeds, every operation kind: the flags of what the aligner
    paired (right or wrong) are the rule's, and there are moves to judge."""
    pairs = revision_pairs(seeds(), count=60, seed=17, operations=8)
    total = 0
    for pair in pairs:
        matches = redline.compare(pair.old, pair.new).matches
        check_aligner(pair.old, pair.new, matches)
        total += sum(m.moved and not m.part_changed for m in matches)
    assert total >= 30


@pytest.mark.parametrize("stem", ["A_RES_78_203", "A_HRC_RES_50_16"])
def test_aligner_moves_follow_the_rule_on_corpus_revisions(shared_dir: Path, stem: str) -> None:
    path = shared_dir / "corpus" / "structured" / f"{stem}.json"
    if not path.is_file():
        pytest.fail(f"corpus file missing: {path}")
    base = load_structured(path)
    for pair in revision_pairs(
        [base], count=10, seed=5, operations=8, donors=seeds()[0].paragraphs
    ):
        check_aligner(pair.old, pair.new, redline.compare(pair.old, pair.new).matches)


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLD_DIR.glob("*.json")))
def test_aligner_moves_follow_the_rule_on_real_pairs(shared_dir: Path, name: str) -> None:
    """The hand-checked series pairs: real edits, real moves."""
    (old, new) = next((o, n) for stem, o, n, _ in gold_pairs() if stem == name)
    check_aligner(old, new, redline.compare(old, new).matches)


@given(revisions())
def test_aligner_moves_follow_the_rule_on_arbitrary_text(
    pair: tuple[Resolution, Resolution],
) -> None:
    old, new = pair
    check_aligner(old, new, compare_resolutions(old, new).matches)


@pytest.mark.parametrize("which", [0, 1])
def test_a_far_move_alone_is_the_only_move(which: int) -> None:
    """From the generator's record, not from the rule: one paragraph taken three or more
    places away, nothing else done, is the one paragraph the gold and the aligner call moved."""
    base, donor = seeds()[which], seeds()[1 - which]
    for seed in range(8):
        pair = revision_pairs([base], count=1, seed=seed, operations=1, kinds=("move_far",),
                              donors=donor.paragraphs)[0]  # fmt: skip
        (operation,) = [op for op in pair.operations if not op.startswith("punctuate")]
        label = operation.split()[1]
        index = next(i for i, p in enumerate(base.paragraphs) if p.label == label)
        assert [g.old for g in pair.gold if g.moved] == [(index,)], pair.operations
        matches = redline.compare(pair.old, pair.new).matches
        assert [m.old for m in matches if m.moved] == [(index,)], pair.operations
