"""`trace()`: the one place joining the trace's core and its edges (files, the index)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Union

from .._api import Source, parse
from ..align import DEFAULT_THRESHOLD
from ..errors import OptionError
from ..model import Resolution
from ._core import (
    FORMULA_RESOLUTIONS,
    FORMULA_SERIES,
    Library,
    check_options,
    describe,
    trace_resolution,
)
from ._corpus import corpus_files
from ._distributed import Partitions, Scheduler, trace_partitions
from ._model import Trace
from ._store import indexed_files, load, open_store, refresh, remember

PathLike = Union[str, "os.PathLike[str]"]
ENGINES = ("in-process", "dask")


def open_library(
    corpus: Sequence[PathLike],
    *,
    index: PathLike | None = None,
    manifest: PathLike | None = None,
    progress: bool = False,
    jobs: int = 1,
) -> tuple[Library, tuple[tuple[str, str], ...], dict[str, dict[str, str]]]:
    """The corpus indexed (on disk at `index`, else in memory) and loaded: the library, the
    files skipped with why, and the manifest rows found.

    With `jobs` > 1 files are parsed in spawned processes: a script calling this needs the
    `if __name__ == "__main__":` guard, as for `compare_many`.
    """
    if not corpus and index is None:
        raise OptionError("corpus", "name corpus files or folders, or an index built before")
    files, listed = corpus_files(corpus, manifest=manifest)
    conn = open_store(None if index is None else Path(index))
    try:
        if not corpus:  # the index built before is the corpus
            files = indexed_files(conn)
        remember(conn, listed)
        refresh(conn, files, progress=progress, jobs=jobs)
        library, skipped = load(conn, files, listed)
    finally:
        conn.close()
    return library, skipped, listed


def open_partitions(
    corpus: Sequence[PathLike],
    *,
    scheduler: Scheduler = None,
    index: PathLike | None = None,
    manifest: PathLike | None = None,
    progress: bool = False,
) -> Partitions:
    """The corpus indexed on a Dask cluster (`pip install 'redline[distributed]'`), to trace
    many drafts against: `scheduler` its address ("tcp://host:8786") or a
    `distributed.Client`, else a local cluster of one process per core; `index` a folder the
    workers reach (a shared filesystem), one SQLite file per partition, else in memory.
    A local cluster spawns processes: a script starting one needs the
    `if __name__ == "__main__":` guard, as for `compare_many`.
    """
    if not corpus:
        raise OptionError("corpus", "the dask engine needs corpus files or folders")
    files, listed = corpus_files(corpus, manifest=manifest)
    where = None if index is None else Path(index)
    return Partitions(scheduler, files, listed, index=where, progress=progress)


def trace(
    draft: Source,
    corpus: Sequence[PathLike] | Library | Partitions,
    *,
    index: PathLike | None = None,
    manifest: PathLike | None = None,
    top: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    formula: tuple[int, int] = (FORMULA_RESOLUTIONS, FORMULA_SERIES),
    before: str | None = None,
    progress: bool = False,
    jobs: int = 1,
    engine: str = "in-process",
    scheduler: Scheduler = None,
) -> Trace:
    """Where every paragraph of `draft` comes from in `corpus` (files and folders, or a
    Library or Partitions already open): its precedents, earliest and latest source, or new
    language.
    `before` (YYYY-MM-DD) leaves out resolutions dated on or after it: "what came before".
    `engine="dask"` indexes and traces on a Dask cluster, as `open_partitions` (`scheduler`;
    `index` a folder): the result is the in-process one, exactly.

    >>> from pathlib import Path
    >>> t = trace(Path("examples/hrc-47-9.md"), [Path("examples/hrc-46-13.txt")])
    >>> sum(p.standing.value == "precedent" for p in t.paragraphs)
    7
    >>> p = t.paragraphs[17]
    >>> p.label, p.standing.value, p.precedents[0].symbol, p.precedents[0].paragraph.label
    ('PP18', 'precedent', 'A/HRC/RES/46/13', 'PP10')
    """
    check_options(top=top, threshold=threshold, before=before)
    if engine not in ENGINES:
        raise OptionError("engine", f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if engine == "dask" and not isinstance(corpus, (Library, Partitions)):
        with open_partitions(
            corpus, scheduler=scheduler, index=index, manifest=manifest, progress=progress
        ) as partitions:
            return trace(
                draft,
                partitions,
                top=top,
                threshold=threshold,
                formula=formula,
                before=before,
                progress=progress,
            )
    resolution = draft if isinstance(draft, Resolution) else parse(draft, name="<draft>")
    skipped: tuple[tuple[str, str], ...] = ()
    listed: dict[str, dict[str, str]] = {}
    if isinstance(corpus, Partitions):
        path = str(Path(draft).resolve()) if isinstance(draft, os.PathLike) else resolution.source
        own = describe(resolution.header, path=path, listed=corpus.listed.get(path))
        return trace_partitions(
            resolution,
            corpus,
            own=own,
            top=top,
            threshold=threshold,
            formula=formula,
            before=before,
            progress=progress,
        )
    if isinstance(corpus, Library):
        library = corpus
    else:
        library, skipped, listed = open_library(
            corpus, index=index, manifest=manifest, progress=progress, jobs=jobs
        )
    path = str(Path(draft).resolve()) if isinstance(draft, os.PathLike) else resolution.source
    own = describe(resolution.header, path=path, listed=listed.get(path))
    return trace_resolution(
        resolution,
        library,
        own=own,
        top=top,
        threshold=threshold,
        formula=formula,
        before=before,
        skipped=skipped,
    )
