"""A shared tree's elements are held by its package: every walk meets the same objects.

The readers and the writer's views walk the same shared trees; lxml would make (and drop)
an element's Python object at each walk. What the speed relies on: each walk meets the very
objects the first made, and a tree handed out to be edited (`xml`) is still a tree of its own.
"""

from __future__ import annotations

import copy
from pathlib import Path

from redline.word.oxml import W_NS
from redline.word.read._package import Package

_FIXTURE = Path(__file__).parent.parent / "fixtures" / "docx" / "hrc-47-9.docx"
_W = f"{{{W_NS}}}"


def _package() -> Package:
    return Package(_FIXTURE.read_bytes(), source=_FIXTURE.name)


def test_every_walk_meets_the_same_objects() -> None:
    pkg = _package()
    root = pkg.tree(pkg.main)
    assert root is not None
    first = [id(p) for p in root.iter(f"{_W}p")]  # no object kept by the walk itself
    assert len(first) > 10
    assert [id(p) for p in root.iter(f"{_W}p")] == first
    assert [id(p) for p in root.iter()] == [id(p) for p in root.iter()]
    assert pkg.tree(pkg.main) is root  # one tree for every reader


def test_an_edited_copy_is_not_the_shared_tree() -> None:
    pkg = _package()
    shared = pkg.tree(pkg.main)
    assert shared is not None
    before = len(list(shared.iter()))
    mine = pkg.xml(pkg.main)
    assert mine is not None and mine is not shared
    body = mine.find(f"{_W}body")
    assert body is not None
    body.clear()
    assert len(list(shared.iter())) == before


def test_a_package_copies_as_its_bytes_opened_again() -> None:
    pkg = _package()
    assert pkg.tree(pkg.main) is not None
    again = copy.deepcopy(pkg)
    assert again.data == pkg.data and again.main == pkg.main
    root = again.tree(again.main)
    assert root is not None and root is not pkg.tree(pkg.main)
