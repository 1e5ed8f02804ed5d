"""Accept-all gives the new text, reject-all the old: our own reader on every example."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

import redline
from expect import expected_view
from redline.comparison import compare_resolutions
from redline.word import read_view, write_docx
from strategies import revisions

DATE = "2026-01-01T00:00:00Z"


def _check(comparison: redline.Comparison, path: Path) -> None:
    write_docx(comparison, path, author="Test", date=DATE)
    for mode, side in (("accept", comparison.new), ("reject", comparison.old)):
        view = read_view(path, mode)
        body, numbers, notes = expected_view(side, auto_numbers=comparison.auto_numbers)
        assert list(view.body) == body, mode
        assert list(view.numbers) == numbers, mode
        assert list(view.footnotes) == notes, mode


@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_seed_pair(shared_dir: Path, tmp_path: Path, direction: str) -> None:
    a, b = shared_dir / "seeds" / "hrc-46-13.txt", shared_dir / "seeds" / "hrc-47-9.md"
    if direction == "backward":
        a, b = b, a
    _check(redline.compare(a, b), tmp_path / "seed.docx")


@settings(max_examples=300)
@given(revisions())
def test_arbitrary_unicode_round_trip(pair: tuple[redline.Resolution, redline.Resolution]) -> None:
    old, new = pair
    with tempfile.TemporaryDirectory() as tmp:
        _check(compare_resolutions(old, new), Path(tmp) / "r.docx")


@given(revisions())
def test_swapping_inputs_swaps_the_views(pair: tuple[redline.Resolution, ...]) -> None:
    old, new = pair
    with tempfile.TemporaryDirectory() as tmp:
        forward, backward = Path(tmp) / "f.docx", Path(tmp) / "b.docx"
        write_docx(compare_resolutions(old, new), forward, date=DATE)
        write_docx(compare_resolutions(new, old), backward, date=DATE)
        assert read_view(forward, "accept") == read_view(backward, "reject")
        assert read_view(forward, "reject") == read_view(backward, "accept")


def test_identity_writes_no_revision(shared_dir: Path, tmp_path: Path) -> None:
    path = shared_dir / "seeds" / "hrc-47-9.md"
    c = redline.compare(path, path)
    out = write_docx(c, tmp_path / "same.docx", date=DATE)
    import zipfile

    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    for tag in ("<w:ins ", "<w:del ", "<w:moveFrom", "<w:moveTo"):
        assert tag not in xml
