"""Characters XML cannot hold: reported by write_docx as warnings, or refused with strict."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest

import redline
from redline.word import xml_safe_text

TEXT = "The General Assembly,\n\nRecalling its resolution\x07 70/1,\n\n1. Decides to act\ufffe.\n"
DATE = "2026-01-01T00:00:00Z"


def test_each_character_is_named_with_its_paragraph(tmp_path: Path) -> None:
    c = redline.compare(TEXT, TEXT.replace("act", "act now"))
    with pytest.warns(redline.RedlineWarning) as caught:
        redline.write_docx(c, tmp_path / "r.docx", date=DATE)
    notes = [str(w.message) for w in caught]
    assert "<old>: PP1: U+0007 at offset 24 is written as U+2407" in notes
    assert "<new>: OP1: U+FFFE at offset 18 is written as U+FFFD" in notes
    assert len(notes) == 4


def test_the_comparison_knows_nothing_of_xml() -> None:
    c = redline.compare(TEXT, TEXT.replace("act", "act now"))
    assert not [w for w in c.warnings if "U+" in w]


def test_strict_mode_raises_a_typed_error_and_writes_nothing(tmp_path: Path) -> None:
    c = redline.compare(TEXT, TEXT)
    target = tmp_path / "r.docx"
    with pytest.raises(
        redline.UnsafeCharacterError,
        match=r"^<old>: PP1 holds U\+0007 at offset 24, which XML cannot hold \(3 more\)$",
    ):
        redline.write_docx(c, target, date=DATE, strict=True)
    assert not target.exists()


def test_strict_mode_to_a_stream_writes_nothing() -> None:
    stream = io.BytesIO()
    with pytest.raises(redline.UnsafeCharacterError):
        redline.write_docx(redline.compare(TEXT, TEXT), stream, date=DATE, strict=True)
    assert stream.getvalue() == b""


def test_clean_text_has_no_character_warning(tmp_path: Path) -> None:
    clean = TEXT.replace("\x07", "").replace("\ufffe", "")
    with warnings.catch_warnings():
        warnings.simplefilter("error", redline.RedlineWarning)
        redline.write_docx(redline.compare(clean, clean), tmp_path / "r.docx", strict=True)


def test_the_mapping_is_the_documented_one() -> None:
    assert xml_safe_text("a\tb\r\nc\x0bd\x00e\x1ef\x1fg\ud800") == (
        "a\tb\nc\nd\u2400e\u2011f\u00adg\ufffd"
    )


def test_a_line_end_of_two_characters_is_named_by_both(tmp_path: Path) -> None:
    """A "\\r\\n" inside a paragraph (hypothesis found it) is one line break of two characters."""
    old = redline.Resolution(
        source="<old>",
        paragraphs=(redline.Paragraph(redline.Part.PREAMBLE, 1, "Recalling a\r\nb,"),),
    )
    new = redline.Resolution(
        source="<new>",
        paragraphs=(redline.Paragraph(redline.Part.PREAMBLE, 1, "Recalling a\r\nb c,"),),
    )
    c = redline.compare(old, new)
    with pytest.warns(redline.RedlineWarning) as caught:
        redline.write_docx(c, tmp_path / "r.docx", date=DATE)
    assert "<old>: PP1: U+000D U+000A at offset 11 is written as U+000A" in [
        str(w.message) for w in caught
    ]
    with pytest.raises(redline.UnsafeCharacterError, match=r"PP1 holds U\+000D U\+000A at"):
        redline.write_docx(c, tmp_path / "s.docx", date=DATE, strict=True)
