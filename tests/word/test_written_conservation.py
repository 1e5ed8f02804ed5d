"""What is written is what is checked: accept-all of the written parts must give the new
text and reject-all the old, after every pass that moves a tracked paragraph mark."""

from __future__ import annotations

from pathlib import Path

import pytest

import redline
import redline.word.write._docx as docx
from redline.word import read_view
from redline.word.views import views_of
from redline.word.write._marks import _Para

DATE = "2026-01-01T00:00:00Z"
FIX = Path(__file__).parents[1] / "fixtures" / "docx"


@pytest.fixture
def comparison(shared_dir: Path) -> redline.Comparison:
    return redline.compare(
        shared_dir / "seeds" / "hrc-46-13.txt", shared_dir / "seeds" / "hrc-47-9.md"
    )


def _drop_a_mark(paras: list[_Para], view: str) -> None:
    """A broken mark pass: it forgets the first tracked paragraph mark."""
    for p in paras:
        if p.mark in ("ins", "del"):
            p.mark = None
            return


def test_the_seed_pair_is_written_as_checked(
    comparison: redline.Comparison, tmp_path: Path
) -> None:
    out = redline.write_docx(comparison, tmp_path / "r.docx", date=DATE, plain=True)
    parts = docx.docx_bytes(comparison, date=DATE)
    views = views_of(parts)
    assert views["accept"] == read_view(out, "accept")
    assert views["reject"] == read_view(out, "reject")


@pytest.mark.parametrize("names", [("_carry_marks_back",), ("_relocate_last_mark",)])
def test_a_mark_pass_that_drops_a_mark_is_refused(
    comparison: redline.Comparison,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    names: tuple[str],
) -> None:
    (name,) = names
    monkeypatch.setattr(docx, name, lambda paras, *view: _drop_a_mark(paras, "accept"))
    redline.comparison.check_conservation(comparison)  # the comparison itself is sound
    with pytest.raises(redline.ConservationError, match="written redline's"):
        redline.write_docx(comparison, tmp_path / "bad.docx", date=DATE, plain=True)
    assert list(tmp_path.iterdir()) == []


def test_a_seam_pass_that_loses_a_word_is_refused(
    comparison: redline.Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = docx.separate_seams

    def lossy(paras: list[_Para], tracked: object) -> None:
        real(paras, tracked)  # type: ignore[arg-type]
        kept = next(p for p in paras if p.kept and p.content)
        kept.content.pop()

    monkeypatch.setattr(docx, "separate_seams", lossy)
    with pytest.raises(redline.ConservationError, match="would not give back"):
        redline.write_docx(comparison, tmp_path / "bad.docx", date=DATE, plain=True)
    assert list(tmp_path.iterdir()) == []


def test_a_footnote_written_wrong_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = redline.compare(FIX / "notes-old.docx", FIX / "notes-note-edited.docx")
    real = docx._Builder.note_ref

    def wrong(self: docx._Builder, pair: object, kind: object, *, whole: bool) -> object:
        out = real(self, pair, kind, whole=whole)  # type: ignore[arg-type]
        for t in self.footnotes[-1].iter(f"{docx._W}t"):
            t.text = (t.text or "") + "!"
        return out

    monkeypatch.setattr(docx._Builder, "note_ref", wrong)
    with pytest.raises(redline.ConservationError, match="footnote"):
        redline.write_docx(c, tmp_path / "bad.docx", date=DATE, plain=True)


def test_tab_stops_are_not_characters(tmp_path: Path) -> None:
    """A template's paragraph properties may set tab stops (w:pPr/w:tabs/w:tab): they are
    no text, so the redline written onto it still reads as the texts."""
    new = FIX / "hrc-47-9.docx"
    c = redline.compare(FIX / "hrc-46-13.docx", new)
    parts = docx.docx_bytes(c, date=DATE, template=docx.Template.read(new), old_template=None)
    tabbed = parts["word/document.xml"].replace(
        b"<w:pPr>", b'<w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs>', 1
    )
    assert tabbed != parts["word/document.xml"]
    views = views_of({**parts, "word/document.xml": tabbed})
    assert views["accept"] == views_of(parts)["accept"]
