"""Many pairs at once: a CSV of pairs or two folders, compared on all cores, in input order.

A secretariat compares every draft of a session, so a pair failing must not stop the others:
each pair's `RedlineError` is recorded on its own `PairResult` and the batch goes on. Each
pair is compared and written exactly as `redline compare` would alone (the new .docx as the
template, the old one for changed looks), with one change date for the whole batch, so the
files are byte-identical whatever the number of workers and whichever finishes first.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import multiprocessing
import os
import warnings
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Union

from tqdm import tqdm

from ._api import ExistingChanges, _check_existing_changes, compare
from ._files import read_limited
from .errors import InputError, OptionError, OutputError, RedlineError, RedlineWarning
from .report import report
from .word import write_docx

PathLike = Union[str, "os.PathLike[str]"]
Pair = tuple[PathLike, PathLike] | tuple[PathLike, PathLike, str]
"""One pair to compare: old, new, and optionally the name its redline and report take."""

MAX_CSV_BYTES = 10 * 1024 * 1024
"""A list of pairs above this size is refused (it is a list of file names, not a text)."""
_HEADER = ("old", "new", "out")


@dataclass(frozen=True, slots=True)
class PairResult:
    """One pair of a batch: its inputs, where its redline and report go, and how it went.

    `docx` and `report` are where the pair's files go, both written when `error` is ""
    (a pair failing before its redline is written writes nothing). `summary` is the
    comparison's one line; `warnings` what the comparison and the writer warned of.
    """

    old: Path
    new: Path
    docx: Path
    report: Path
    summary: str = ""
    error: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Options:
    """What every pair is written with: one date for the whole batch."""

    author: str
    date: dt.datetime
    existing_changes: ExistingChanges
    plain: bool
    strict: bool


def compare_many(
    pairs: PathLike | Iterable[Pair],
    new_folder: PathLike | None = None,
    *,
    out: PathLike,
    jobs: int | None = None,
    author: str = "redline",
    date: dt.datetime | str | None = None,
    existing_changes: ExistingChanges = "accept",
    plain: bool = False,
    strict: bool = False,
    progress: bool = False,
) -> tuple[PairResult, ...]:
    """Compare many pairs on `jobs` processes (default: every core); one result per pair.

    `pairs` is a CSV file of rows `old,new[,out]` (a first row `old,new[,out]` is a header;
    relative paths are read from the CSV's folder), or a folder of old versions with
    `new_folder` the new ones (files matched by their whole name; one found on one side
    only fails as a missing file), or (old, new[, out]) tuples. Into the folder `out` go
    `<out>.docx` and `<out>.json` per pair, `<out>` being the new file's stem unless given.
    Results come in input order. `date` (default: now, taken once) dates every change, so
    the files are the same with one worker or many; `progress` shows a bar on a terminal.
    More than one job starts fresh worker processes ("spawn"): a script calling this needs
    the `if __name__ == "__main__":` guard, as for any multiprocessing.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     pairs = [(Path("examples/hrc-46-13.txt"), Path("examples/hrc-47-9.md"), "46-13")]
    ...     results = compare_many(pairs, out=folder, date="2026-01-01")
    >>> results[0].docx.name, results[0].error
    ('46-13.docx', '')
    >>> results[0].summary  # doctest: +ELLIPSIS
    '6 paragraphs matched (0 unchanged, 6 modified, 2 moved), 64 added, 19 deleted...'
    """
    _check_existing_changes(existing_changes)
    if not isinstance(author, str) or not author.strip():
        raise OptionError("author", f"author must be a non-empty string, not {author!r}")
    workers = _workers(jobs)
    options = _Options(author, _batch_date(date), existing_changes, plain, strict)
    listed = _listed(pairs, new_folder)
    folder = Path(out)
    _make_folder(folder)
    tasks = _planned(listed, folder)
    results: list[PairResult | None] = [None] * len(tasks)
    bar = tqdm(total=len(tasks), unit="pair", disable=None if progress else True, leave=False)
    with bar:
        if min(workers, len(tasks)) <= 1:
            for i, task in enumerate(tasks):
                results[i] = _compared(task, options)
                bar.update()
        else:
            spawn = multiprocessing.get_context("spawn")  # no fork of a threaded process
            with ProcessPoolExecutor(min(workers, len(tasks)), mp_context=spawn) as pool:
                running: dict[Future[PairResult], int] = {
                    pool.submit(_compared, task, options): i for i, task in enumerate(tasks)
                }
                for done in as_completed(running):
                    results[running[done]] = done.result()
                    bar.update()
    return tuple(r for r in results if r is not None)


def _workers(jobs: object) -> int:
    """How many processes: `jobs`, or every core this process may use."""
    if jobs is None:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise OptionError("jobs", f"jobs must be a whole number of at least 1, not {jobs!r}")
    return jobs


def _batch_date(date: object) -> dt.datetime:
    """The one date every change of the batch carries: `date`, or now (to the second)."""
    if date is None:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    if isinstance(date, dt.datetime):
        return date
    if isinstance(date, str):
        try:
            return dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
        except ValueError:
            pass
    raise OptionError(
        "date",
        "date must be a datetime or an ISO 8601 string such as '2026-01-01T00:00:00Z', "
        f"not {date!r}",
    )


def _listed(
    pairs: PathLike | Iterable[Pair], new_folder: PathLike | None
) -> list[tuple[Path, Path, str]]:
    """The pairs as (old, new, out name or ""), from a CSV, two folders or the tuples given."""
    if new_folder is not None:
        if not isinstance(pairs, (str, os.PathLike)):
            raise TypeError("with new_folder, pairs is the folder of old versions")
        return _folder_pairs(Path(pairs), Path(new_folder))
    if isinstance(pairs, (str, os.PathLike)):
        return _csv_pairs(Path(pairs))
    listed: list[tuple[Path, Path, str]] = []
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) not in (2, 3):
            raise TypeError(f"a pair is (old, new) or (old, new, out), not {pair!r}")
        listed.append((Path(pair[0]), Path(pair[1]), str(pair[2]) if len(pair) == 3 else ""))
    return listed


def _csv_pairs(path: Path) -> list[tuple[Path, Path, str]]:
    """Rows old,new[,out] of a UTF-8 CSV; relative paths are read from the CSV's folder."""
    name = str(path)
    data = read_limited(path, limit=MAX_CSV_BYTES, kind="a CSV file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 at byte {exc.start}", source=name) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    listed: list[tuple[Path, Path, str]] = []
    first = True
    for row in reader:
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        header = first and tuple(c.lower() for c in cells) in (_HEADER[:2], _HEADER)
        first = False
        if header:
            continue
        if len(cells) not in (2, 3) or not cells[0] or not cells[1]:
            raise InputError(
                f"a row is old,new or old,new,out; this one is {','.join(row)!r}",
                source=name,
                line=reader.line_num,
            )
        out = cells[2] if len(cells) == 3 else ""
        listed.append((path.parent / cells[0], path.parent / cells[1], out))
    if not listed:
        raise InputError("no pairs listed", source=name)
    return listed


def _folder_pairs(old: Path, new: Path) -> list[tuple[Path, Path, str]]:
    """Every file name in either folder, sorted: the old and the new file of that name."""
    names: set[str] = set()
    for folder in (old, new):
        if not folder.is_dir():
            raise InputError("no such folder", source=str(folder))
        names |= {f.name for f in folder.iterdir() if f.is_file() and f.name[0] != "."}
    if not names:
        raise InputError(f"no files to compare here nor in {new}", source=str(old))
    return [(old / n, new / n, "") for n in sorted(names)]


def _planned(listed: list[tuple[Path, Path, str]], folder: Path) -> list[PairResult]:
    """Each pair with its output paths; a pair whose name an earlier one took fails."""
    planned = []
    taken: dict[Path, int] = {}
    for number, (old, new, out) in enumerate(listed, 1):
        stem = out or new.stem
        if stem.lower().endswith(".docx"):
            stem = stem[: -len(".docx")]
        docx = folder / f"{stem}.docx"
        error = ""
        key = Path(os.path.normpath(docx))
        if key in taken:
            error = (
                f"{docx}: pair {taken[key]} is written there too; give each pair its own "
                "name (the CSV's third column)"
            )
        taken.setdefault(key, number)
        planned.append(PairResult(old, new, docx, docx.with_suffix(".json"), error=error))
    return planned


def _compared(task: PairResult, options: _Options) -> PairResult:
    """Compare and write one pair as `redline compare` would; its RedlineError recorded."""
    if task.error:
        return task
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RedlineWarning)
        try:
            comparison = compare(task.old, task.new, existing_changes=options.existing_changes)
            _make_folder(task.docx.parent)
            write_docx(
                comparison,
                task.docx,
                author=options.author,
                date=options.date,
                plain=options.plain,
                strict=options.strict,
            )
            _write_json(task.report, report(comparison))
        except RedlineError as exc:
            return replace(task, error=str(exc))
    noted = [str(w.message) for w in caught if issubclass(w.category, RedlineWarning)]
    for w in caught:  # anything else is shown as Python would have shown it
        if not issubclass(w.category, RedlineWarning):
            warnings.showwarning(w.message, w.category, w.filename, w.lineno, w.file, w.line)
    return replace(task, summary=comparison.summary(), warnings=(*comparison.warnings, *noted))


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot make the folder: {exc.strerror or exc}", source=str(folder)
        ) from exc


def _write_json(path: Path, data: object) -> None:
    """The report as `redline compare --report` writes it, byte for byte."""
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"cannot write the report: {exc.strerror or exc}", source=str(path)
        ) from exc
