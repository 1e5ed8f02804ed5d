"""Everything that reads or writes Word files: the only place lxml and zipfile are used."""

from __future__ import annotations

from ._xml_safe import substitutions, xml_safe, xml_safe_text
from .reader import View, read_view
from .writer import docx_bytes, write_docx

__all__ = [
    "View",
    "docx_bytes",
    "read_view",
    "substitutions",
    "write_docx",
    "xml_safe",
    "xml_safe_text",
]
