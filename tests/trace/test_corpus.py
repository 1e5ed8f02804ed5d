"""Series of the shared corpus traced: the right precedent and the right earliest source,
and a standard formula reported as one.

The corpus is a few series of `structured/` (written out as pasted text) plus every
structured file holding "Decides to remain seized of the matter." (63 files, 19 series).
Expected sources come from the JSON elements themselves, folded by the test's own
function, scanned file by file: never from redline's parser or index.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus_text import folded, manifest_rows, structured_elements, structured_text, write_corpus

import redline
from redline import Standing
from redline.trace import open_library

SERIES = (
    "GA: The right to development",
    "HRC: The right to development",
    "GA: South-South cooperation",
    "SC: Women and peace and security",
)
FORMULA = "Decides to remain seized of the matter."
_SUB = re.compile(r"^\([a-z]{1,2}\)$|^\([ivx]+\)$")


def _structured(shared: Path) -> list[dict[str, str]]:
    return [r for r in manifest_rows(shared) if r["path"].startswith("structured/")]


@functools.cache
def _whole(path: Path) -> frozenset[str]:
    """The folded texts of a file's elements not cut into sub-paragraphs (the element after
    them is not "(a)")."""
    elements = [e for e in structured_elements(path) if e.get("text")]
    return frozenset(
        folded(e["text"])
        for e, after in zip(elements, [*elements[1:], {}], strict=True)
        if not _SUB.match(after.get("prefix") or "")
    )


def _holds(shared: Path, row: dict[str, str], text: str) -> bool:
    """The file has a whole element whose folded text is `text` folded."""
    return folded(text) in _whole(shared / "corpus" / row["path"])


@pytest.fixture(scope="module")
def corpus(
    shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, object]]:
    rows = _structured(shared_dir)
    drafts = {}
    for series in SERIES:
        versions = sorted((r for r in rows if r["series"] == series), key=lambda r: r["date"])
        drafts[series] = versions[-1]
    draft_paths = {r["path"] for r in drafts.values()}
    chosen = [
        r
        for r in rows
        if r["path"] not in draft_paths
        and (r["series"] in SERIES or _holds(shared_dir, r, FORMULA))
    ]
    folder = write_corpus(shared_dir, tmp_path_factory.mktemp("corpus"), chosen)
    out = tmp_path_factory.mktemp("drafts")
    written = {}
    for series, row in drafts.items():
        path = out / (Path(row["path"]).stem + ".txt")
        path.write_text(structured_text(shared_dir / "corpus" / row["path"]), encoding="utf-8")
        written[series] = path
    library, _skipped, _ = open_library([folder])
    yield {"rows": chosen, "folder": folder, "drafts": written, "library": library}


@pytest.mark.parametrize("series", SERIES)
def test_earliest_and_latest_source_of_each_agreed_paragraph(
    shared_dir: Path, corpus: dict[str, object], series: str
) -> None:
    rows = corpus["rows"]  # the whole corpus: its words may come from another series
    traced = redline.trace(corpus["drafts"][series], corpus["library"])  # type: ignore[index]
    checked = 0
    for t in traced.paragraphs:
        if "\n" in t.text:  # sub-paragraphs: not one element of the JSON
            continue
        holders = sorted(
            (r["date"], r["symbol"])
            for r in rows  # type: ignore[attr-defined]
            if _holds(shared_dir, r, t.text)
        )
        if not holders:
            continue
        checked += 1
        assert t.standing in (Standing.AGREED, Standing.FORMULA), t.label
        assert t.earliest is not None and t.latest is not None
        assert not t.earliest.near
        assert (t.earliest.date, t.earliest.symbol) == holders[0], t.label
        assert t.latest.date == holders[-1][0], t.label
        best = t.precedents[0]
        assert best.same and best.similarity == 1.0
        assert best.date == holders[-1][0]  # among equals, the latest is cited first
    assert checked >= 3, f"only {checked} agreed paragraphs in {series}"


def test_a_standard_formula_is_reported_with_its_count(
    shared_dir: Path, corpus: dict[str, object]
) -> None:
    draft = f"The Security Council,\n\n1. Welcomes the report;\n\n2. {FORMULA}\n"
    traced = redline.trace(draft, corpus["library"])  # type: ignore[arg-type]
    formula = traced.paragraphs[-1]
    holders = [r for r in corpus["rows"] if _holds(shared_dir, r, FORMULA)]  # type: ignore[attr-defined]
    assert formula.standing is Standing.FORMULA
    assert formula.resolutions >= len({r["symbol"] for r in holders}) > 10
    assert formula.series >= len({r["series"] for r in holders}) > 4
    assert len(formula.precedents) == 3  # the count, not a hundred sources


def test_series_and_dates_come_from_the_manifest(corpus: dict[str, object]) -> None:
    library = corpus["library"]
    for p in library.paragraphs:  # type: ignore[attr-defined]
        assert p.resolution.series_from == "manifest"
        assert p.resolution.date_from in ("header", "manifest")


@pytest.mark.parametrize("series", SERIES[:2])
def test_skipping_the_search_at_the_threshold_changes_nothing(
    corpus: dict[str, object], series: str
) -> None:
    """top=3 may stop at the >= 0.95 search; top=1000 always searches at the threshold too."""
    draft, library = corpus["drafts"][series], corpus["library"]  # type: ignore[index]
    fast = redline.trace(draft, library)
    full = redline.trace(draft, library, top=1000)
    shortcuts = 0
    for a, b in zip(fast.paragraphs, full.paragraphs, strict=True):
        assert a.precedents == b.precedents[:3], a.label
        assert (a.standing, a.earliest, a.latest) == (b.standing, b.earliest, b.latest)
        assert (a.resolutions, a.series) == (b.resolutions, b.series)
        shortcuts += len(b.precedents) > 3 and b.precedents[2].similarity >= 0.95
    assert shortcuts > 0  # the shortcut was taken somewhere
