"""Swapping the inputs: the inverse alignment and the same number of marked characters."""

from __future__ import annotations

from hypothesis import given

import redline
from redline.comparison import compare_resolutions
from strategies import revisions


def _marked(c: redline.Comparison) -> int:
    return c.marked_characters()


@given(revisions())
def test_same_marked_characters_both_ways(pair: tuple[redline.Resolution, ...]) -> None:
    old, new = pair
    assert _marked(compare_resolutions(old, new)) == _marked(compare_resolutions(new, old))


@given(revisions())
def test_identity_marks_nothing(pair: tuple[redline.Resolution, ...]) -> None:
    old, _ = pair
    c = compare_resolutions(old, old)
    assert _marked(c) == 0
    assert all(m.kind is redline.Kind.UNCHANGED and not m.moved for m in c.matches)
