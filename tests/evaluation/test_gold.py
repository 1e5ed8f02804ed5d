"""Hand-checked gold alignments of real resolution pairs: well formed, and what redline scores.

The gold files name paragraphs by label; these tests check that every paragraph of both
texts is named exactly once and that the labels exist, then measure the aligner against
each pair. The bar (exact-target accuracy 0.85, at most 2 false pairs per pair) is a
measurement of where the aligner stands, not a threshold tuned to pass.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import redline
from redline.model import Resolution
from support.evaluation import GoldMatch, RevisionPair, score
from support.evaluation.corpus import load_structured
from support.evaluation.gold import GOLD_DIR, gold_pairs, labels

FILES = sorted(GOLD_DIR.glob("*.json"))
NAMES = [path.stem for path in FILES]
MIN_ACCURACY = 0.85
MAX_FALSE_PAIRS = 2


@cache
def _pairs() -> dict[str, tuple[Resolution, Resolution, tuple[GoldMatch, ...]]]:
    return {name: (old, new, gold) for name, old, new, gold in gold_pairs()}


@pytest.fixture
def pairs(shared_dir: Path) -> dict[str, tuple[Resolution, Resolution, tuple[GoldMatch, ...]]]:
    """The loaded gold pairs; `shared_dir` fails the test clearly when the corpus is absent."""
    return _pairs()


def _data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return data


def test_four_or_more_pairs_load(
    pairs: dict[str, tuple[Resolution, Resolution, tuple[GoldMatch, ...]]],
) -> None:
    assert len(pairs) >= 4
    assert sorted(pairs) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_paragraph_named_exactly_once(name: str, shared_dir: Path) -> None:
    data = _data(name)
    structured = shared_dir / "corpus" / "structured"
    for side in ("old", "new"):
        text = load_structured(structured / data[side])
        named = Counter(label for match in data["matches"] for label in match[side])
        assert set(named) <= set(labels(text)), f"{side}: labels the text does not have"
        assert named == Counter(list(labels(text))), f"{side}: not every paragraph exactly once"


@pytest.mark.parametrize("name", NAMES)
def test_gold_file_shape(name: str) -> None:
    data = _data(name)
    assert data["checked_by"]
    shapes = {(len(m["old"]), len(m["new"])) for m in data["matches"]}
    assert shapes <= {(1, 1), (1, 0), (0, 1), (1, 2), (2, 1)}
    assert isinstance(data["notes"], dict)


@pytest.mark.parametrize("name", NAMES)
def test_gold_matches_are_consistent(
    name: str, pairs: dict[str, tuple[Resolution, Resolution, tuple[GoldMatch, ...]]]
) -> None:
    old, new, gold = pairs[name]
    assert sorted(i for g in gold for i in g.old) == list(range(len(old.paragraphs)))
    assert sorted(j for g in gold for j in g.new) == list(range(len(new.paragraphs)))
    for g in gold:
        if g.kind == "unchanged":
            assert old.paragraphs[g.old[0]].full_text == new.paragraphs[g.new[0]].full_text
        if g.kind in ("added", "deleted"):
            assert not g.moved and not g.part_changed


@pytest.mark.parametrize("name", NAMES)
def test_aligner_against_gold(
    name: str, pairs: dict[str, tuple[Resolution, Resolution, tuple[GoldMatch, ...]]]
) -> None:
    """A measurement: the aligner's exact-target accuracy and false pairs on a real pair."""
    old, new, gold = pairs[name]
    result = score(RevisionPair(name, old, new, gold, ()), redline.compare(old, new).matches)
    print(f"{name}: {result.summary()}")
    assert result.accuracy >= MIN_ACCURACY, result.summary()
    assert result.false_pairs <= MAX_FALSE_PAIRS, result.summary()
