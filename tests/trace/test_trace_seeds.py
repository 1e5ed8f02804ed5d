"""47/9's paragraphs that come from 46/13 (the seeds), found with the right precedent.

The pairs were read by hand from the two texts (seeds/README.md: whole paragraphs reappear,
edited, under other numbers and in the other part).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import redline
from redline import Part, Standing
from redline.diff import Op

FROM_46_13 = {
    "PP24": "PP9",  # "Reaffirming that the work of the Human Rights Council shall be guided..."
    "PP28": "PP17",  # "...dialogue among religions, cultures and civilizations..."
    "PP30": "PP13",  # "Emphasizing that ... dialogue ... should be constructive..."
    "OP12": "PP10",  # preambular "Considering that" became operative "Considers that"
    "OP17": "OP4",  # "Emphasizes the importance of the universal periodic review..."
    "OP33": "OP5",  # "Invites (States and) relevant United Nations human rights mechanisms..."
}


@pytest.fixture(scope="module")
def traced(shared_dir: Path) -> redline.Trace:
    seeds = shared_dir / "seeds"
    return redline.trace(seeds / "hrc-47-9.md", [seeds / "hrc-46-13.txt"])


def test_paragraphs_from_46_13_have_it_as_best_precedent(traced: redline.Trace) -> None:
    by_label = {t.label: t for t in traced.paragraphs}
    for label, source in FROM_46_13.items():
        best = by_label[label].precedents[0]
        assert (best.symbol, best.paragraph.label) == ("A/HRC/RES/46/13", source), label
        assert best.similarity >= redline.DEFAULT_THRESHOLD
        assert by_label[label].standing is Standing.PRECEDENT  # edited, not the same words


def test_a_precedent_in_the_other_part_counts(traced: redline.Trace) -> None:
    op12 = next(t for t in traced.paragraphs if t.label == "OP12")
    assert op12.part is Part.OPERATIVE
    assert op12.precedents[0].paragraph.part is Part.PREAMBLE


def test_the_diff_leads_from_the_precedent_to_the_draft(traced: redline.Trace) -> None:
    for t in traced.paragraphs:
        for p in t.precedents:
            old = "".join(e.text for e in p.edits if e.op is not Op.INSERT)
            new = "".join(e.text for e in p.edits if e.op is not Op.DELETE)
            assert (old, new) == (p.paragraph.text, t.text)


def test_metadata_says_where_it_came_from(traced: redline.Trace) -> None:
    d = traced.draft
    # 47/9's text has no symbol line: the parser infers it from the title's number
    assert (d.symbol, d.symbol_from) == ("A/HRC/RES/47/9", "header (inferred)")
    assert (d.date, d.date_from) == ("2021-07-12", "header")
    assert d.series_from == "title"  # no manifest given
    source = traced.paragraphs[23].precedents[0].paragraph.resolution
    assert (source.symbol, source.date) == ("A/HRC/RES/46/13", "2021-03-23")


def test_unrelated_paragraph_is_new_language(shared_dir: Path) -> None:
    draft = (
        "The Human Rights Council,\n\n"
        "1. Decides to convene a panel on the migration of emperor penguins across the "
        "Weddell Sea ice shelves during the austral winter of 2031;\n"
    )
    traced = redline.trace(draft, [shared_dir / "seeds"])
    (only,) = traced.paragraphs
    assert only.standing is Standing.NEW
    assert only.precedents == () and only.earliest is None


def test_a_draft_in_its_own_corpus_is_not_its_own_precedent(shared_dir: Path) -> None:
    seeds = shared_dir / "seeds"
    traced = redline.trace(seeds / "hrc-47-9.md", [seeds])
    assert all(p.symbol != "A/HRC/RES/47/9" for t in traced.paragraphs for p in t.precedents)
    assert traced.corpus_resolutions == 2  # the seed folder's two files (README aside)
