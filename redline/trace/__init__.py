"""Agreed language: where every paragraph of a draft comes from in a corpus.

_fold        "the same words" (case, whitespace, quotes, hyphens folded); the scored words
_model       the values: CorpusResolution, CorpusParagraph, Precedent, ParagraphTrace, Trace
_core        the Library in memory and trace_resolution(): pure, over values
_report      a Trace as JSON-ready data and CSV rows
_corpus      (edge) the files a corpus names, and their manifests
_store       (edge) the SQLite index on disk, refreshed when a file changes
_api         (edge) trace(): the one place joining them
"""

from ._api import open_library, trace
from ._core import FORMULA_RESOLUTIONS, FORMULA_SERIES, Library
from ._model import CorpusParagraph, CorpusResolution, ParagraphTrace, Precedent, Standing, Trace
from ._report import CSV_FIELDS, trace_report, trace_rows

__all__ = [
    "CSV_FIELDS",
    "FORMULA_RESOLUTIONS",
    "FORMULA_SERIES",
    "CorpusParagraph",
    "CorpusResolution",
    "Library",
    "ParagraphTrace",
    "Precedent",
    "Standing",
    "Trace",
    "open_library",
    "trace",
    "trace_report",
    "trace_rows",
]
