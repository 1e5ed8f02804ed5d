"""Agreed language: where every paragraph of a draft comes from in a corpus.

_fold        "the same words" (case, whitespace, quotes, hyphens folded); the scored words
_model       the values: CorpusResolution, CorpusParagraph, Precedent, ParagraphTrace, Trace
_core        the Library in memory and trace_resolution(): pure, over values
_report      a Trace as JSON-ready data, CSV rows and each paragraph's Word comment
_corpus      (edge) the files a corpus names, and their manifests
_store       (edge) the SQLite index on disk, refreshed when a file changes
_distributed (edge) the same over partitions on a Dask cluster (dask imported when called)
_api         (edge) trace(), open_library(), open_partitions(): the one place joining them
_docx        (edge) the draft as a DOCX commented with its precedents, or redlined from them
"""

from ._api import open_library, open_partitions, trace
from ._core import FORMULA_RESOLUTIONS, FORMULA_SERIES, Library
from ._distributed import Partitions, connected
from ._docx import precedent_side, write_trace_docx
from ._model import CorpusParagraph, CorpusResolution, ParagraphTrace, Precedent, Standing, Trace
from ._report import CSV_FIELDS, trace_comment, trace_report, trace_rows

__all__ = [
    "CSV_FIELDS",
    "FORMULA_RESOLUTIONS",
    "FORMULA_SERIES",
    "CorpusParagraph",
    "CorpusResolution",
    "Library",
    "ParagraphTrace",
    "Partitions",
    "Precedent",
    "Standing",
    "Trace",
    "connected",
    "open_library",
    "open_partitions",
    "precedent_side",
    "trace",
    "trace_comment",
    "trace_report",
    "trace_rows",
    "write_trace_docx",
]
