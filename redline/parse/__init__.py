"""Every input form reduces to logical lines, then one structure pass builds the Resolution."""

from __future__ import annotations

from ..model import Resolution
from ._conserve import source_map, verify_conservation
from ._decode import check_text, decode
from ._structure import is_formula, parse_text
from .language import detect_language

__all__ = ["is_formula", "parse_bytes", "parse_string", "source_map"]


def parse_string(text: str, *, source: str = "<text>", language: str | None = None) -> Resolution:
    """Parse a resolution held in a string (plain text or Markdown-like).

    `language` is one of ar, en, es, fr, ru, zh; by default it is detected from the text.
    """
    check_text(text, source=source)
    language = language or detect_language(text)
    resolution = parse_text(text, source=source, language=language)
    verify_conservation(text, resolution)
    return resolution


def parse_bytes(data: bytes, *, source: str, language: str | None = None) -> Resolution:
    """Parse the bytes of a text file; `source` names the file in errors."""
    text = decode(data, source=source)
    language = language or detect_language(text)
    resolution = parse_text(text, source=source, language=language)
    verify_conservation(text, resolution)
    return resolution
