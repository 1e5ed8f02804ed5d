"""redline: compare negotiated texts by their structure; write Word redlines.

`compare` two versions (paths, texts or parsed resolutions), then `write_docx` the
comparison to a path or a binary stream, or turn it into plain data with `report`:

>>> import io
>>> from pathlib import Path
>>> import redline
>>> comparison = redline.compare(Path("examples/hrc-46-13.txt"), Path("examples/hrc-47-9.md"))
>>> comparison.summary()  # doctest: +ELLIPSIS
'6 paragraphs matched (0 unchanged, 6 modified, 2 moved), 64 added, 19 deleted...'
>>> buffer = io.BytesIO()
>>> redline.write_docx(comparison, buffer, author="Drafter", date="2026-01-01")
>>> buffer.getvalue()[:2]
b'PK'

The face is small: the three verbs (and `compare_many` for many pairs at once), the model
a comparison is made of, the errors, and the value types its public fields hold. Helpers
for tests and tools live where they belong: `redline.word` (read_view, xml_safe,
xml_safe_text), `redline.parse` (source_map).
"""

# The verbs: parse and compare (the one place joining core and edges), write and report.
from ._api import compare, parse

# Many pairs at once (a CSV of pairs or two folders), on every core, one PairResult each.
from ._batch import PairResult, compare_many

# The similarity below which paragraphs are not paired: the default of compare(threshold=).
from .align import DEFAULT_THRESHOLD

# What compare() returns; Comparison.segments are Segments: each has a Role, its edits are
# Edits (an Op each), its notes NotePairs (the note at one reference), its italics
# ItalicChanges (kept words whose italics changed); Comparison.note_changes are NoteChanges
# (the two documents' footnotes paired).
# Comparison.document (two Word files compared block by block, what a redline written in
# place shows) holds these; Resolution.document, a Word input's own blocks, the next.
# Comparison.elements tells those blocks' changed tables (TableChange, of RowViews) and
# elements (ElementChange) as a reader is told them, in ElementChanges.
from .comparison import (
    BlockChange,
    Change,
    Comparison,
    DocumentChanges,
    ElementChange,
    ElementChanges,
    InnerEdit,
    ItalicChange,
    NoteChange,
    NotePair,
    Role,
    RowChange,
    RowView,
    Segment,
    Step,
    StoryChange,
    TableChange,
)
from .diff import Edit, Op
from .document import Atom, Document, Para, Row, Table

# The error tree (errors.py draws it), and the warning category write_docx reports with.
from .errors import (
    AmbiguousInputError,
    BinaryInputError,
    ConservationError,
    DecodeError,
    DocumentError,
    EmptyInputError,
    InputError,
    OptionError,
    OutputError,
    RedlineError,
    RedlineWarning,
    UnsafeCharacterError,
)

# The history of a series: history() returns a History of ParagraphHistory values, one per
# paragraph, each a Stage per version (its label there, its HistoryEvents, its word diff).
from .history import History, HistoryEvent, ParagraphHistory, Stage, history

# Segment.old and Segment.new: the redline's lines, each with its paragraph Style.
from .lines import Line, Style

# A parsed resolution and its parts; Match and Kind are Comparison.matches; Noise is
# Resolution.noise (lines read but not compared: page headers, running footers); Repair and
# RepairKind are Resolution.repairs (what reading the input joined, moved or dropped).
from .model import (
    Footnote,
    Header,
    HeaderLine,
    Kind,
    Match,
    Noise,
    NoteRef,
    Paragraph,
    Part,
    Repair,
    RepairKind,
    Resolution,
    SubParagraph,
    Vote,
)
from .report import report

# Agreed language: where every paragraph of a draft comes from in a corpus. trace() returns a
# Trace of ParagraphTraces, each with its Standing and Precedents; a precedent's paragraph and
# resolution are a CorpusParagraph and a CorpusResolution (saying where its facts came from).
from .trace import (
    CorpusParagraph,
    CorpusResolution,
    ParagraphTrace,
    Precedent,
    Standing,
    Trace,
    trace,
)

# Views for readers who do not open Word: the HTML report, and the change summary (a
# ChangeSummary of SummaryLines: text, Markdown, or a Word document of its own).
from .views import ChangeSummary, SummaryLine, change_summary, write_html
from .word import write_docx
from .word.write._summary import write_summary_docx

__all__ = [
    "AmbiguousInputError",
    "Atom",
    "BinaryInputError",
    "BlockChange",
    "Change",
    "ChangeSummary",
    "Comparison",
    "ConservationError",
    "CorpusParagraph",
    "CorpusResolution",
    "DEFAULT_THRESHOLD",
    "DecodeError",
    "Document",
    "DocumentChanges",
    "DocumentError",
    "Edit",
    "ElementChange",
    "ElementChanges",
    "EmptyInputError",
    "Footnote",
    "Header",
    "HeaderLine",
    "History",
    "HistoryEvent",
    "InnerEdit",
    "InputError",
    "ItalicChange",
    "Kind",
    "Line",
    "Match",
    "Noise",
    "NoteChange",
    "NotePair",
    "NoteRef",
    "Op",
    "OptionError",
    "OutputError",
    "PairResult",
    "Para",
    "Paragraph",
    "ParagraphHistory",
    "ParagraphTrace",
    "Part",
    "Precedent",
    "RedlineError",
    "RedlineWarning",
    "Repair",
    "RepairKind",
    "Resolution",
    "Role",
    "Row",
    "RowChange",
    "RowView",
    "Segment",
    "Stage",
    "Standing",
    "Step",
    "StoryChange",
    "Style",
    "SubParagraph",
    "SummaryLine",
    "Table",
    "TableChange",
    "Trace",
    "UnsafeCharacterError",
    "Vote",
    "change_summary",
    "compare",
    "compare_many",
    "history",
    "parse",
    "report",
    "trace",
    "write_docx",
    "write_html",
    "write_summary_docx",
]
__version__ = "0.1.0"
