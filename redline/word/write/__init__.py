"""Writing the redline: a Comparison rendered as WordprocessingML with tracked changes.

_file      write_docx(): options checked, unsafe characters refused or reported, to a path or stream
_docx      docx_bytes(): the paragraphs built from the segments, the mark passes
_conserve  what is written, read back both ways, must give the two texts
_marks     where each tracked paragraph mark stands (LibreOffice's exact layouts)
_seams     like changes kept apart across a kept paragraph mark
_moves     which moves can be written as moves
_template  the drafter's own .docx read as a template: looks of its paragraphs
_onto      the redline written onto that template
_clean     the clean UN-style document
_package   the fixed parts and the deterministic ZIP writer
"""

from ._docx import docx_bytes
from ._file import Writable, unsafe_characters, write_docx, write_stream
from ._template import Template

__all__ = ["Template", "Writable", "docx_bytes", "unsafe_characters", "write_docx", "write_stream"]
