"""The files a corpus names: files and folders on the command line, and their manifests.

A folder holding a `MANIFEST.csv` (columns `path`, relative to the folder, and any of
`symbol`, `date`, `series`) contributes the files it lists that redline reads; any other
folder every such file below it, README files aside. The manifest's rows are keyed by the
file's resolved path, as the index stores it.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Union

from ..errors import InputError

PathLike = Union[str, "os.PathLike[str]"]
READ = (".txt", ".md", ".markdown", ".docx", ".pdf")
"""The forms redline.parse reads; other files in a corpus folder are not resolutions."""
MANIFEST = "MANIFEST.csv"


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """A manifest's rows by the resolved path of the file each names."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read the manifest: {exc}", source=str(path)) from exc
    if rows and "path" not in rows[0]:
        raise InputError("a manifest needs a 'path' column", source=str(path))
    return {str((path.parent / r["path"]).resolve()): r for r in rows if r.get("path")}


def corpus_files(
    sources: Sequence[PathLike], *, manifest: PathLike | None = None
) -> tuple[list[Path], dict[str, dict[str, str]]]:
    """The resolved files of a corpus, sorted and each once, and the manifest rows found."""
    files: set[Path] = set()
    listed: dict[str, dict[str, str]] = {}
    for source in sources:
        where = Path(source)
        if where.is_file():
            files.add(where.resolve())
        elif where.is_dir():
            rows = read_manifest(where / MANIFEST) if (where / MANIFEST).is_file() else None
            if rows is not None:
                listed.update(rows)
                files.update(
                    Path(p) for p in rows if p.lower().endswith(READ) and Path(p).is_file()
                )
            else:
                files.update(
                    f.resolve()
                    for f in where.rglob("*")
                    if f.is_file()
                    and f.suffix.lower() in READ
                    and not f.name.upper().startswith("README")
                )
        else:
            raise InputError("no such file or folder in the corpus", source=str(where))
    if manifest is not None:
        listed.update(read_manifest(Path(manifest)))
    return sorted(files), listed
