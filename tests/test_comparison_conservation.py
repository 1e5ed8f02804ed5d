"""A redline that would lose or invent text is refused before any file is written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import redline
from redline.comparison import check_conservation
from redline.diff import Edit, Op


@pytest.fixture
def comparison(shared_dir: Path) -> redline.Comparison:
    return redline.compare(
        shared_dir / "seeds" / "hrc-46-13.txt", shared_dir / "seeds" / "hrc-47-9.md"
    )


def test_the_real_comparison_conserves(comparison: redline.Comparison) -> None:
    check_conservation(comparison)


def test_a_dropped_word_is_refused_and_nothing_written(
    comparison: redline.Comparison, tmp_path: Path
) -> None:
    k = next(k for k, s in enumerate(comparison.segments) if s.old and s.new and s.match)
    seg = comparison.segments[k]
    broken = replace(seg, edits=seg.edits[:-1])
    bad = replace(
        comparison, segments=(*comparison.segments[:k], broken, *comparison.segments[k + 1 :])
    )
    with pytest.raises(redline.ConservationError, match="would not give back"):
        redline.write_docx(bad, tmp_path / "bad.docx")
    assert list(tmp_path.iterdir()) == []


def test_a_paragraph_shown_twice_is_refused(comparison: redline.Comparison) -> None:
    seg = next(s for s in comparison.segments if s.match is not None and s.new and not s.old)
    bad = replace(comparison, segments=(*comparison.segments, seg))
    with pytest.raises(redline.ConservationError, match="not shown exactly once"):
        check_conservation(bad)


def test_an_invented_word_is_refused(comparison: redline.Comparison) -> None:
    k = next(k for k, s in enumerate(comparison.segments) if s.new and s.match is not None)
    seg = comparison.segments[k]
    broken = replace(seg, edits=(*seg.edits, Edit(Op.INSERT, " and more")))
    bad = replace(
        comparison, segments=(*comparison.segments[:k], broken, *comparison.segments[k + 1 :])
    )
    with pytest.raises(redline.ConservationError):
        check_conservation(bad)


def test_a_lost_match_is_refused(comparison: redline.Comparison) -> None:
    bad = replace(comparison, matches=comparison.matches[1:])
    with pytest.raises(redline.ConservationError, match="exactly one match"):
        check_conservation(bad)
