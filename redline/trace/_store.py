"""The corpus indexed once, on disk: an SQLite file (the standard library's sqlite3).

SQLite rather than a folder of JSON or pickles: one file that survives a restart, written
in transactions (an interrupted indexing leaves the last complete state), read back with
one query, and readable by any tool. Each file is one row of `files` (path, size,
mtime_ns, SHA-256 of its bytes, the header facts, or why it could not be read) and its
paragraphs rows of `paragraphs` (part, label, number, lead, text, the scored words). A file
is re-read when its mtime changed and then its size or digest too; the same bytes under a
new mtime only update the stat. (The size is taken from the bytes read, through
`_files.read_limited`, the one place a named file is read; a write changes the mtime.)
The manifest's rows are kept in `listed`, updated whenever a manifest is given, so that an
index named alone (no corpus) still knows each file's series.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from .._api import MAX_DOCX_BYTES, parse
from .._files import read_limited
from ..errors import OutputError, RedlineError
from ..model import Header, Part
from ._core import Library, corpus_paragraphs, describe
from ._fold import scored_words
from ._model import CorpusParagraph

SCHEMA = "redline-trace 2"
"""Stored in the index; an index of another schema is rebuilt, not misread."""

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    digest TEXT NOT NULL, symbol TEXT, symbol_inferred INTEGER NOT NULL DEFAULT 0,
    date TEXT, adopted TEXT, title TEXT, error TEXT);
CREATE TABLE IF NOT EXISTS paragraphs (
    path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE, seq INTEGER NOT NULL,
    part TEXT NOT NULL, label TEXT NOT NULL, number TEXT NOT NULL, lead TEXT NOT NULL,
    text TEXT NOT NULL, words TEXT NOT NULL, PRIMARY KEY (path, seq));
CREATE TABLE IF NOT EXISTS listed (
    path TEXT PRIMARY KEY, symbol TEXT, date TEXT, series TEXT);
"""

_Row = tuple[str, str, str, str, str, str]
_Parsed = tuple[tuple[str | None, bool, str | None, str | None, str | None], list[_Row]]


def open_store(path: Path | None) -> sqlite3.Connection:
    """The index at `path` (created if missing; None: in memory), of this schema."""
    try:
        conn = sqlite3.connect(":memory:" if path is None else str(path))
        conn.execute("PRAGMA foreign_keys = ON")
        schema = None
        if conn.execute("SELECT name FROM sqlite_master WHERE name = 'meta'").fetchone():
            found = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            schema = found[0] if found else None
        if schema != SCHEMA:
            conn.executescript(
                "DROP TABLE IF EXISTS paragraphs; DROP TABLE IF EXISTS files; "
                "DROP TABLE IF EXISTS listed;"
            )
        conn.executescript(_TABLES)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
        conn.commit()
    except sqlite3.Error as exc:
        raise OutputError(f"cannot open the trace index: {exc}", source=str(path)) from exc
    return conn


def indexed_files(conn: sqlite3.Connection) -> list[Path]:
    """The files an index holds that are still on disk: the corpus when none is named."""
    found = (Path(p) for (p,) in conn.execute("SELECT path FROM files ORDER BY path"))
    return [p for p in found if p.is_file()]


def _parsed(path: Path) -> _Parsed | str:
    """A file's header facts and paragraph rows, or the one-line error it raised."""
    try:
        res = parse(path)
    except RedlineError as exc:
        return str(exc)
    h = res.header
    described = describe(h, path=str(path))
    rows = [
        (p.part.value, p.label, p.number, p.lead, p.text, " ".join(scored_words(p.text)))
        for p in corpus_paragraphs(res, described)
    ]
    return (h.symbol, h.symbol_inferred, h.date, h.adopted, h.title), rows


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def refresh(
    conn: sqlite3.Connection, files: Sequence[Path], *, progress: bool = False, jobs: int = 1
) -> int:
    """Bring the index up to date for `files`; returns how many were (re)read."""
    stale: list[tuple[Path, int, int, str]] = []
    for f in files:
        mtime_ns = f.stat().st_mtime_ns
        row = conn.execute(
            "SELECT size, mtime_ns, digest FROM files WHERE path = ?", (str(f),)
        ).fetchone()
        if row and row[1] == mtime_ns:
            continue
        data = read_limited(f, limit=MAX_DOCX_BYTES, kind="a corpus file")
        digest = _digest(data)
        if row and (row[0], row[2]) == (len(data), digest):
            conn.execute("UPDATE files SET mtime_ns = ? WHERE path = ?", (mtime_ns, str(f)))
            continue
        stale.append((f, len(data), mtime_ns, digest))
    conn.commit()
    bar = tqdm(total=len(stale), unit="file", disable=None if progress else True, leave=False)
    with bar:
        if jobs <= 1 or len(stale) < 2:
            _store_all(conn, stale, (_parsed(f) for f, *_ in stale), bar.update)
        else:
            spawn = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(jobs, mp_context=spawn) as pool:
                parsed = pool.map(_parsed, [f for f, *_ in stale], chunksize=8)
                _store_all(conn, stale, parsed, bar.update)
    return len(stale)


def _store_all(
    conn: sqlite3.Connection,
    stale: Sequence[tuple[Path, int, int, str]],
    results: Iterable[_Parsed | str],
    tick: Callable[[], object],
) -> None:
    for (f, size, mtime_ns, digest), result in zip(stale, results, strict=True):
        with conn:  # one transaction per file
            conn.execute("DELETE FROM paragraphs WHERE path = ?", (str(f),))
            conn.execute("DELETE FROM files WHERE path = ?", (str(f),))
            if isinstance(result, str):
                facts: tuple[object, ...] = (None, False, None, None, None)
                rows: list[_Row] = []
                error: str | None = result
            else:
                facts, rows = result
                error = None
            conn.execute(
                "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (str(f), size, mtime_ns, digest, *facts, error),
            )
            conn.executemany(
                "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(str(f), i, *row) for i, row in enumerate(rows)],
            )
        tick()


def remember(conn: sqlite3.Connection, manifest: Mapping[str, Mapping[str, str]]) -> None:
    """Keep the manifest's rows, so that an index named alone still knows its series."""
    with conn:
        conn.executemany(
            "INSERT OR REPLACE INTO listed VALUES (?, ?, ?, ?)",
            [
                (
                    path,
                    row.get("symbol") or None,
                    row.get("date") or None,
                    row.get("series") or None,
                )
                for path, row in sorted(manifest.items())
            ],
        )


def load(
    conn: sqlite3.Connection,
    files: Sequence[Path],
    manifest: Mapping[str, Mapping[str, str]],
) -> tuple[Library, tuple[tuple[str, str], ...]]:
    """The library of `files` read from the index, and the files skipped with why."""
    wanted = {str(f) for f in files}
    kept = {
        path: {k: v for k, v in (("symbol", symbol), ("date", date), ("series", series)) if v}
        for path, symbol, date, series in conn.execute("SELECT * FROM listed")
    }
    described = {}
    skipped = []
    for path, symbol, inferred, date, adopted, title, error in conn.execute(
        "SELECT path, symbol, symbol_inferred, date, adopted, title, error FROM files ORDER BY path"
    ):
        if path not in wanted:
            continue
        if error is not None:
            skipped.append((path, error))
            continue
        header = Header(
            symbol=symbol, symbol_inferred=bool(inferred), date=date, adopted=adopted, title=title
        )
        row = manifest.get(path, kept.get(path))  # this run's manifest, else the last one
        described[path] = describe(header, path=path, listed=row)
    paragraphs: list[CorpusParagraph] = []
    words: list[list[str]] = []
    for path, part, label, number, lead, text, joined in conn.execute(
        "SELECT path, part, label, number, lead, text, words FROM paragraphs ORDER BY path, seq"
    ):
        if path in described:
            paragraphs.append(
                CorpusParagraph(described[path], Part(part), label, number, lead, text)
            )
            words.append(joined.split(" "))
    return Library(paragraphs, words), tuple(skipped)
