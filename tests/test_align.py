"""Paragraph matching: the hand-checked gold of the seed pair, and properties."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import redline
from redline.align import align, similarity, stationary
from redline.align._assign import _assign
from redline.model import Kind, Paragraph, Part
from strategies import revisions

# HRC 46/13 -> 47/9, checked by reading both texts side by side. Agreed language reused:
#   PP9  "Reaffirming that the work of the Human Rights Council shall be guided by ..."
#        -> PP24 "Recalling ... 60/251 ..., and reaffirming that the work of the Council ..."
#   PP10 "Considering that international cooperation ... makes an effective and practical
#        contribution to preventing violations ..." -> OP12 "Considers that ...;" (preamble to
#        operative; PP10 also draws on 47/9 PP18 "... strengthening the capacity of ...")
#   PP13 "Emphasizing that genuine dialogue and cooperation ... should be constructive ..."
#        -> PP30 "Emphasizing that human rights dialogue should be constructive ..."
#   PP17 "Recognizing also that dialogue among religions, cultures and civilizations ..."
#        -> PP28 "Reaffirming that dialogue among and within religions, cultures ..."
#   OP4  "Emphasizes the importance of the universal periodic review ..." -> OP17
#   OP5  "Invites relevant United Nations human rights mechanisms and procedures ..." -> OP33
# Everything else is new in 47/9 or gone from 46/13. Near misses that must stay unpaired:
# 46/13 OP1 and 47/9 OP24 share the frame "Calls upon ... and encourages ... to contribute
# actively to this endeavour" but ask different things; 46/13 OP3 shares one clause with
# 47/9 OP19; 46/13 PP3 and 47/9 PP4 both recall earlier resolutions.
GOLD_4613_TO_479 = {
    "PP9": "PP24",
    "PP10": "OP12",
    "PP13": "PP30",
    "PP17": "PP28",
    "OP4": "OP17",
    "OP5": "OP33",
}


@pytest.fixture(scope="module")
def seeds(shared_dir: Path) -> tuple[redline.Resolution, redline.Resolution]:
    return (
        redline.parse(shared_dir / "seeds" / "hrc-46-13.txt"),
        redline.parse(shared_dir / "seeds" / "hrc-47-9.md"),
    )


def _pairs(old: redline.Resolution, new: redline.Resolution) -> dict[str, str]:
    matches = align(old.paragraphs, new.paragraphs)
    return {
        old.paragraphs[m.old[0]].label: new.paragraphs[m.new[0]].label
        for m in matches
        if m.old and m.new
    }


def test_seed_pair_matches_the_gold(seeds: tuple[redline.Resolution, redline.Resolution]) -> None:
    old, new = seeds
    assert _pairs(old, new) == GOLD_4613_TO_479


def test_seed_pair_reverse_is_the_inverse(seeds: tuple[redline.Resolution, ...]) -> None:
    old, new = seeds
    assert _pairs(new, old) == {v: k for k, v in GOLD_4613_TO_479.items()}


def test_seed_pair_flags(seeds: tuple[redline.Resolution, redline.Resolution]) -> None:
    c = redline.compare(*seeds)
    by_old = {c.old.paragraphs[m.old[0]].label: m for m in c.matches if m.old and m.new}
    assert by_old["PP10"].part_changed and by_old["PP10"].moved
    assert by_old["OP4"].renumbered and not by_old["OP4"].part_changed
    assert sum(1 for m in c.matches if m.kind is Kind.ADDED) == 70 - 6
    assert sum(1 for m in c.matches if m.kind is Kind.DELETED) == 25 - 6


def test_identity_all_unchanged(seeds: tuple[redline.Resolution, redline.Resolution]) -> None:
    for r in seeds:
        matches = align(r.paragraphs, r.paragraphs)
        assert all(m.kind is Kind.UNCHANGED and not m.moved and m.old == m.new for m in matches)


@given(revisions())
def test_every_paragraph_in_exactly_one_match(pair: tuple[redline.Resolution, ...]) -> None:
    old, new = pair
    matches = align(old.paragraphs, new.paragraphs)
    assert sorted(i for m in matches for i in m.old) == list(range(len(old.paragraphs)))
    assert sorted(j for m in matches for j in m.new) == list(range(len(new.paragraphs)))
    for m in matches:
        if m.old and m.new:
            assert m.similarity is not None and m.similarity >= redline.DEFAULT_THRESHOLD


@given(revisions())
def test_symmetry_inverse_alignment(pair: tuple[redline.Resolution, ...]) -> None:
    old, new = pair
    forward = {(m.old, m.new) for m in align(old.paragraphs, new.paragraphs) if m.old and m.new}
    backward = {(m.new, m.old) for m in align(new.paragraphs, old.paragraphs) if m.old and m.new}
    assert forward == backward


def _brute_best(weights: list[list[float]]) -> float:
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    for perm in itertools.permutations(list(range(cols)) + [-1] * rows, rows):
        used = [c for c in perm if c >= 0]
        if len(used) != len(set(used)):
            continue
        best = max(best, sum(weights[r][c] for r, c in enumerate(perm) if c >= 0))
    return best


@given(
    st.integers(1, 4).flatmap(
        lambda r: st.integers(1, 4).flatmap(
            lambda c: st.lists(
                st.lists(st.floats(-1, 1), min_size=c, max_size=c), min_size=r, max_size=r
            )
        )
    )
)
def test_assignment_is_optimal_against_brute_force(weights: list[list[float]]) -> None:
    got = _assign(_candidate_pairs(weights), len(weights[0]))
    cols = [c for c in got if c >= 0]
    assert len(cols) == len(set(cols))
    total = sum(weights[r][c] for r, c in enumerate(got) if c >= 0)
    assert total == pytest.approx(_brute_best(weights), abs=1e-9)


def _candidate_pairs(weights: list[list[float]]) -> list[list[tuple[int, float]]]:
    """The pairs `_assign` is given: every weight but -1 (what the rest weigh)."""
    return [[(c, w) for c, w in enumerate(row) if w != -1.0] for row in weights]


def _assign_before(weights: list[list[float]]) -> list[int]:
    """redline.align._assign._assign as it was at commit 64d403d, verbatim: every column
    scanned at each step (issue 14 keeps the unvisited columns in a list instead)."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    width = cols + rows
    inf = float("inf")
    cost = [[-w for w in row] + [0.0] * rows for row in weights]
    u = [0.0] * (rows + 1)
    v = [0.0] * (width + 1)
    owner = [0] * (width + 1)
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


WEIGHT = st.one_of(st.floats(-1, 1), st.sampled_from([-1.0, 0.5, 0.75, 1.0, 0.9999]))


@given(
    st.integers(1, 9).flatmap(
        lambda r: st.integers(1, 9).flatmap(
            lambda c: st.lists(st.lists(WEIGHT, min_size=c, max_size=c), min_size=r, max_size=r)
        )
    )
)
def test_assignment_is_the_one_every_column_scanned_gave(weights: list[list[float]]) -> None:
    """The same columns, ties included (weights drawn from a few values tie often), though
    the pairs of weight -1 are left out and the columns no step can choose not scanned."""
    assert _assign(_candidate_pairs(weights), len(weights[0])) == _assign_before(weights)


def test_stationary_keeps_the_longest_chain_and_the_most_text() -> None:
    # pairs (old, new): the third paragraph moved to the front
    pairs = [(0, 1), (1, 2), (2, 0)]
    assert stationary(pairs, [10, 10, 10]) == {0, 1}
    # two chains of one: the longer paragraph stays, the shorter is called moved
    assert stationary([(0, 1), (1, 0)], [5, 50]) == {1}


def test_unrelated_paragraph_stays_unpaired() -> None:
    a = Paragraph(
        Part.OPERATIVE, 1, "Decides to convene a meeting on the right to food;", "Decides", "1"
    )
    b = Paragraph(
        Part.OPERATIVE,
        1,
        "Requests the Secretary-General to report on the oceans;",
        "Requests",
        "1",
    )
    matches = align([a], [b])
    assert sorted(m.kind.value for m in matches) == ["added", "deleted"]
    assert similarity(a, b) < redline.DEFAULT_THRESHOLD


def test_renumbered_only_when_the_number_changed() -> None:
    a = Paragraph(Part.OPERATIVE, 1, "Decides to act now on the matter;", "Decides", "1")
    c = Paragraph(Part.OPERATIVE, 1, "Requests a report on the oceans and seas;", "Requests", "1")
    b = replace(a, index=2, number="2")
    matches = align([a], [c, b])
    moved = [m for m in matches if m.old and m.new]
    assert len(moved) == 1 and moved[0].renumbered and not moved[0].moved
