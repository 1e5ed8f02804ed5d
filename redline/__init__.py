"""redline: compare negotiated texts by their structure; write Word redlines.

>>> import redline
>>> comparison = redline.compare(Path("old.md"), Path("new.md"))
>>> redline.write_docx(comparison, "redline.docx", author="Drafter", date="2026-01-01")
"""

from ._api import compare, parse
from .align import DEFAULT_THRESHOLD
from .comparison import Comparison
from .errors import (
    AmbiguousInputError,
    BinaryInputError,
    ConservationError,
    DecodeError,
    DocumentError,
    EmptyInputError,
    InputError,
    OutputError,
    RedlineError,
    UnsafeCharacterError,
)
from .model import Footnote, Header, Kind, Match, Paragraph, Part, Resolution, SubParagraph, Vote
from .parse import source_map
from .report import report
from .word import read_view, write_docx, xml_safe, xml_safe_text

__all__ = [
    "AmbiguousInputError",
    "BinaryInputError",
    "Comparison",
    "ConservationError",
    "DEFAULT_THRESHOLD",
    "DecodeError",
    "DocumentError",
    "EmptyInputError",
    "Footnote",
    "Header",
    "InputError",
    "Kind",
    "Match",
    "OutputError",
    "Paragraph",
    "Part",
    "RedlineError",
    "Resolution",
    "SubParagraph",
    "UnsafeCharacterError",
    "Vote",
    "compare",
    "parse",
    "read_view",
    "report",
    "source_map",
    "write_docx",
    "xml_safe",
    "xml_safe_text",
]
__version__ = "0.1.0"
