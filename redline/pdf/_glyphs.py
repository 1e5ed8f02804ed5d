"""The one place that talks to pdfminer: a PDF's bytes to pages of positioned glyphs.

pdfminer.six is imported here only, and only when a PDF is read, so `import redline` works
without it and a missing install is one clear `DocumentError`. Its own layout analysis is not
used (`laparams=None`): it splits justified lines into boxes and guesses spaces; the reader
groups the glyphs itself (`_printed`). Everything pdfminer raises on a broken, encrypted or
not-a-PDF file is turned into a `DocumentError` naming the file.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from ..errors import DocumentError

__all__ = ["Glyph", "PageGlyphs", "load_pages"]

INSTALL_HINT = "reading PDF files needs pdfminer.six: install redline[pdf]"
_CID = re.compile(r"\(cid:\d+\)")
_RULE_HEIGHT = 2.0  # points: a filled rectangle this thin is a drawn rule
_SHORTEST_RULE = 0.1  # of the page width: shorter thin lines (underlines) are not rules
REPLACEMENT = "\ufffd"


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character as drawn: its text, font and box (PDF points, origin bottom left)."""

    text: str
    font: str
    size: float
    x0: float
    x1: float
    y0: float
    y1: float
    upright: bool = True

    @property
    def italic(self) -> bool:
        name = self.font.lower()
        return "italic" in name or "oblique" in name

    @property
    def bold(self) -> bool:
        name = self.font.split("+")[-1].lower()
        return "bold" in name or "black" in name or "heavy" in name

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class PageGlyphs:
    """A page's glyphs in drawing order, its size, its horizontal rules (y, x0, x1) and images."""

    number: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[tuple[float, float, float], ...] = ()
    images: int = 0


def load_pages(data: bytes, *, source: str) -> tuple[list[PageGlyphs], list[str]]:
    """Read every page's glyphs; returns the pages and warnings (unmapped glyphs).

    Raises DocumentError when pdfminer is missing, the bytes are not a PDF, the file is
    encrypted with a password, or pdfminer cannot parse it.
    """
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
    except ImportError as exc:
        raise DocumentError(INSTALL_HINT, source=source) from exc
    head = data[:1024]
    if b"%PDF-" not in head:
        raise DocumentError("not a PDF file (no %PDF- header)", source=source)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[PageGlyphs] = []
    unmapped = 0
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=None)
        interpreter = PDFPageInterpreter(resources, device)
        for number, page in enumerate(PDFPage.create_pages(document), 1):
            interpreter.process_page(page)
            read, missing = _page(number, device.get_result())
            pages.append(read)
            unmapped += missing
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DocumentError(
            "the PDF is encrypted and needs a password; save an unprotected copy "
            f"({type(exc).__name__})",
            source=source,
        ) from exc
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises anything from KeyError to PSEOF on bad files
        detail = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
        raise DocumentError(
            "the PDF is damaged or truncated and cannot be read "
            f"({type(exc).__name__}{': ' + detail if detail else ''})",
            source=source,
        ) from exc
    if not pages:
        raise DocumentError("the PDF has no pages", source=source)
    warnings = []
    if unmapped:
        warnings.append(
            f"{unmapped} glyph(s) have no Unicode mapping in the PDF's fonts; read as U+FFFD"
        )
    return pages, warnings


def _page(number: int, layout: Any) -> tuple[PageGlyphs, int]:
    from pdfminer.layout import LTChar, LTContainer, LTImage, LTLine, LTRect

    glyphs: list[Glyph] = []
    thin: dict[int, list[tuple[float, float]]] = {}
    images = 0
    unmapped = 0
    width = float(layout.width)

    def walk(item: Any) -> None:
        nonlocal images, unmapped
        if isinstance(item, LTChar):
            text = item.get_text()
            if _CID.search(text):
                unmapped += len(_CID.findall(text))
                text = _CID.sub(REPLACEMENT, text)
            a, b, c, d = item.matrix[:4]
            glyphs.append(
                Glyph(
                    text,
                    str(item.fontname),
                    float(item.size),
                    float(item.x0),
                    float(item.x1),
                    float(item.y0),
                    float(item.y1),
                    upright=b == 0 and c == 0 and a > 0 and d > 0,
                )
            )
        elif isinstance(item, (LTRect, LTLine)):
            if item.height <= _RULE_HEIGHT and item.width >= 1:
                thin.setdefault(round(item.y0), []).append((float(item.x0), float(item.x1)))
        elif isinstance(item, LTImage):
            images += 1
        if isinstance(item, LTContainer):
            for child in item:
                walk(child)

    walk(layout)
    # A rule drawn as several touching pieces (a table border) counts by its whole extent;
    # short ones stay (a footnote separator is about a quarter of the text width).
    rules = sorted(
        (float(y), min(a for a, _ in pieces), max(b for _, b in pieces))
        for y, pieces in thin.items()
        if max(b for _, b in pieces) - min(a for a, _ in pieces) >= _SHORTEST_RULE * width
    )
    page = PageGlyphs(number, width, float(layout.height), tuple(glyphs), tuple(rules), images)
    return page, unmapped
