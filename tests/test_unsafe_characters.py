"""Characters XML cannot hold: named in the warnings, or refused in strict mode."""

from __future__ import annotations

import pytest

import redline

TEXT = "The General Assembly,\n\nRecalling its resolution\x07 70/1,\n\n1. Decides to act\ufffe.\n"


def test_each_character_is_named_with_its_paragraph() -> None:
    c = redline.compare(TEXT, TEXT.replace("act", "act now"))
    assert "<old>: PP1: U+0007 at offset 24 is written as U+2407" in c.warnings
    assert "<new>: OP1: U+FFFE at offset 18 is written as U+FFFD" in c.warnings
    assert sum("U+" in w for w in c.warnings) == 4


def test_strict_mode_raises_a_typed_error() -> None:
    with pytest.raises(redline.UnsafeCharacterError, match=r"<old>: PP1 holds U\+0007"):
        redline.compare(TEXT, TEXT, strict=True)


def test_clean_text_has_no_character_warning() -> None:
    clean = TEXT.replace("\x07", "").replace("\ufffe", "")
    c = redline.compare(clean, clean, strict=True)
    assert not [w for w in c.warnings if "U+" in w]


def test_the_mapping_is_the_documented_one() -> None:
    assert redline.xml_safe_text("a\tb\r\nc\x0bd\x00e\x1ef\x1fg\ud800") == (
        "a\tb\nc\nd\u2400e\u2011f\u00adg\ufffd"
    )
