"""Reading resolutions from PDF files (pdfminer.six, the `pdf` extra).

All PDF code lives here, as all Word code lives in `redline.word`; the core never imports
pdfminer. `read_pdf` gives the same (lines, noise, source text, warnings) as the Word reader,
for the one structure pass, and the repairs its layout needed (lines and pages joined,
footnotes placed, running heads dropped), as the text reader records them.
"""

from __future__ import annotations

from .reader import read_pdf

__all__ = ["read_pdf"]
