"""`history()`: the one place joining the history's core to its edges (files, a manifest).

Each version is parsed as `compare()` parses it, consecutive versions are compared with
`compare()` itself, and the matches are chained (`_chain`). A series named in a corpus's
`MANIFEST.csv` is read with the trace's manifest reader, not a second one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Union

from .._api import Language, Source, _check_threshold, compare, parse
from ..align import DEFAULT_THRESHOLD
from ..errors import InputError, OptionError
from ..trace._core import describe
from ..trace._corpus import MANIFEST, READ, read_manifest
from ._chain import chain
from ._model import History

PathLike = Union[str, "os.PathLike[str]"]


def series_files(series: str, corpus: PathLike) -> tuple[Path, ...]:
    """The files of `series` in the corpus folder's MANIFEST.csv, oldest first.

    Ordered by the manifest's date, then symbol, then path; a symbol listed twice (the same
    resolution in two forms) is taken once, from the first file redline reads. Raises
    `InputError` naming the manifest when the series has no file redline reads.
    """
    manifest = Path(corpus) / MANIFEST
    if not manifest.is_file():
        raise InputError("no MANIFEST.csv in the corpus folder", source=str(Path(corpus)))
    rows = read_manifest(manifest)
    listed = sorted(
        (row.get("date", ""), row.get("symbol", ""), path)
        for path, row in rows.items()
        if row.get("series") == series and path.lower().endswith(READ) and Path(path).is_file()
    )
    seen: set[str] = set()
    files: list[Path] = []
    for _, symbol, path in listed:
        if symbol and symbol in seen:
            continue
        seen.add(symbol)
        files.append(Path(path))
    if not files:
        named = any(row.get("series") == series for row in rows.values())
        why = "has no file redline reads" if named else "is not in the manifest"
        raise InputError(f"the series {series!r} {why}", source=str(manifest))
    return tuple(files)


def history(
    versions: Sequence[Source],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    language: Language | None = None,
    manifest: PathLike | None = None,
) -> History:
    """Each paragraph's life across `versions` (paths, texts or Resolutions, oldest first):
    the version where it appeared, each where its words changed (the word diff), moved or
    changed part, where it was dropped, and its label and number in each version.

    Consecutive versions are compared as `compare()` compares them (`threshold`,
    `language`); `manifest`, a MANIFEST.csv, supplies symbol, date and series where a
    file's header has none.

    >>> from pathlib import Path
    >>> h = history([Path("examples/hrc-46-13.txt"), Path("examples/hrc-47-9.md")])
    >>> [v.symbol for v in h.versions]
    ['A/HRC/RES/46/13', 'A/HRC/RES/47/9']
    """
    _check_threshold(threshold)
    if not versions:
        raise OptionError("versions", "a history needs at least one version")
    listed: Mapping[str, Mapping[str, str]] = (
        read_manifest(Path(manifest)) if manifest is not None else {}
    )
    resolutions = []
    described = []
    for k, source in enumerate(versions):
        resolution = parse(source, name=f"<version {k + 1}>", language=language)
        path = resolution.source
        if isinstance(source, os.PathLike):
            path = str(Path(source).resolve())
        resolutions.append(resolution)
        described.append(describe(resolution.header, path=path, listed=listed.get(path)))
    comparisons = [
        compare(a, b, threshold=threshold)  # parsed already: compare()'s decisions, once
        for a, b in pairwise(resolutions)
    ]
    return chain(described, resolutions, comparisons, threshold=threshold)
