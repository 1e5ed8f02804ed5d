"""Bytes to text, with typed errors that say which encoding failed and where."""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, DecodeError, EmptyInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters a text file may hold: tab, LF, VT, FF, CR, and the separators PDF
# extractors leave (FS..US). Anything else in quantity means the file is not text.
_TEXT_CONTROLS = {9, 10, 11, 12, 13, 28, 29, 30, 31}
_CONTROLS = re.compile("[" + "".join(chr(c) for c in range(32) if c not in _TEXT_CONTROLS) + "]")
"""The control characters no text holds: counted by one pattern, not a test per character."""


def decode(data: bytes, *, source: str) -> str:
    """Decode a text file: a BOM decides, else UTF-8; never a silent replacement character.

    Legacy 8-bit encodings are not guessed: a guess that is wrong corrupts text silently,
    which is worse for a redline than a clear refusal.
    """
    if not data.strip():
        raise EmptyInputError(
            "the file is empty" if not data else "the file holds only whitespace", source=source
        )
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data[:4096]:
        raise BinaryInputError("this is binary data, not text (NUL bytes)", source=source)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DecodeError(
            f"not valid {encoding.upper()}: byte 0x{data[exc.start]:02X} at offset {exc.start} "
            f"cannot be decoded (save the file as UTF-8)",
            source=source,
            line=line,
        ) from exc
    check_text(text, source=source)
    return text


def check_text(text: str, *, source: str) -> None:
    """Refuse binary junk that happens to decode, and texts with nothing in them."""
    if not text.strip():
        raise EmptyInputError("the text holds only whitespace", source=source)
    sample = text[:65536]
    controls = len(_CONTROLS.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise BinaryInputError(
            f"this is binary data, not text ({controls} control characters in the first "
            f"{len(sample)})",
            source=source,
        )
