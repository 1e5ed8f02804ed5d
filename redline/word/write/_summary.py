"""The change summary as a Word document of its own: never inside the redline, whose Accept
All must stay the new document.

A heading, the counts, then one paragraph per change (its label in bold), on the redline's
own styles, written by the same deterministic package writer (same summary, same bytes).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol
from xml.sax.saxutils import escape

from .._xml_safe import xml_safe_text
from ..oxml import W_NS
from ._package import (
    APP,
    CONTENT_TYPES,
    DOCUMENT_RELS,
    ROOT_RELS,
    STYLES,
    core_properties,
    write_package,
)

__all__ = ["summary_parts", "write_summary_docx"]

# The redline's package, less the parts a summary has no use for.
_UNUSED = ("settings.xml", "numbering.xml", "footnotes.xml")


def _without_unused(xml: str) -> str:
    return "".join(ln for ln in xml.splitlines(keepends=True) if not any(u in ln for u in _UNUSED))


_FIXED_DATE = "2000-01-01T00:00:00Z"  # no clock in the file: the same summary, the same bytes


class _Line(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def said(self) -> str: ...


class _Summary(Protocol):
    """A change summary, as far as the Word form reads it (redline.ChangeSummary)."""

    @property
    def title(self) -> str: ...
    @property
    def counts(self) -> str: ...
    @property
    def lines(self) -> Sequence[_Line]: ...


def _run(text: str, *, bold: bool = False) -> str:
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(xml_safe_text(text))}</w:t></w:r>'


def _para(runs: str, style: str = "RlPlain") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>'


def summary_parts(summary: _Summary) -> dict[str, bytes]:
    """The package's parts: a title, the counts, a paragraph per change."""
    body = [_para(_run(f"Changes: {summary.title}"), "RlTitle"), _para(_run(summary.counts))]
    body += [_para(_run(f"{line.label}: ", bold=True) + _run(line.said)) for line in summary.lines]
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
        f"<w:body>{''.join(body)}</w:body></w:document>\n"
    )
    parts = {
        "[Content_Types].xml": _without_unused(CONTENT_TYPES),
        "_rels/.rels": ROOT_RELS,
        "word/_rels/document.xml.rels": _without_unused(DOCUMENT_RELS),
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "docProps/app.xml": APP,
        "docProps/core.xml": core_properties("redline", _FIXED_DATE, f"Changes: {summary.title}"),
    }
    return {name: text.encode("utf-8") for name, text in parts.items()}


def write_summary_docx(summary: _Summary, path: str | os.PathLike[str]) -> None:
    """Write the change summary as a .docx of its own (atomically; `OutputError` on failure).

    >>> import redline, tempfile, pathlib
    >>> c = redline.compare("1. Requests a report.", "1. Encourages a report.")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     redline.write_summary_docx(redline.change_summary(c), pathlib.Path(d, "s.docx"))
    """
    write_package(Path(path), summary_parts(summary))
