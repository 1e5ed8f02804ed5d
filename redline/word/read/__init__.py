"""Reading a drafter's Word file: its paragraphs, runs, numbering and notes as source lines.

_package   the ZIP package, opened with limits against hostile files; its parts parsed
_styles    styles and numbering: what a run and a list label look like
_text      a paragraph's visible text, italics and note references, run by run
_document  read_docx(): the body's paragraphs, notes, headers and footers in order
_blocks    read_blocks(): the document as its own blocks, for a redline written in place
_formats   a paragraph's look and a run's format as compared, each written out once a part
_stories   where text boxes and page headers and footers are, for the reader and the writer
"""

from ._blocks import read_blocks
from ._document import read_docx

__all__ = ["read_blocks", "read_docx"]
