"""The history of a series: each paragraph's life across the versions of a resolution.

_model   the values: History, ParagraphHistory, Stage, HistoryEvent
_chain   chain(): the matches of consecutive comparisons followed, pure
_render  a History as JSON-ready data (versioned), CSV rows, Markdown and Word comments
_docx    (edge) the latest version as a DOCX, each paragraph commented with its history
_api     (edge) history() and series_files(): the one place joining them to files
"""

from ._api import history, series_files
from ._chain import chain
from ._docx import write_history_docx
from ._model import History, HistoryEvent, ParagraphHistory, Stage
from ._render import CSV_FIELDS, VERSION, history_markdown, history_report, history_rows

__all__ = [
    "CSV_FIELDS",
    "VERSION",
    "HistoryEvent",
    "History",
    "ParagraphHistory",
    "Stage",
    "chain",
    "history",
    "history_markdown",
    "history_report",
    "history_rows",
    "series_files",
    "write_history_docx",
]
