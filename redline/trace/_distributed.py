"""(edge) Indexing and tracing on a Dask cluster, with the in-process path's own functions.

The corpus's files (sorted, as `corpus_files` gives them) are cut into contiguous
partitions. A worker indexes its partition with `_store` as the in-process path does
(`open_store`, `refresh`, `load`: one SQLite file per partition in the index folder, or in
memory) and keeps the `Library` it loads (its `WordIndex`, its folded texts) in its memory.
Since partitions are contiguous and `load` orders paragraphs by path, partition k's
paragraphs are positions offset_k, offset_k + 1, ... of the in-process library.

A draft's paragraphs are asked of every partition at once; each answers with its
`WordIndex.search`, positions offset, and the answers are merged as `WordIndex.search` sorts
(best first, ties by position): the list the in-process library returns, since a
similarity depends on the two paragraphs only. The core's `trace_resolution` then reads the
merged answers through `_Answers`, a `Library` holding only the paragraphs found, so the
standing, the precedents, earliest and latest are decided by the same code; the standard
formula's counts (resolutions and series holding the words) are the reduction of every
partition's hits. Dask is imported only here, and only when called: `import redline` never
needs it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from tqdm import tqdm

from ..errors import OptionError
from ..model import Resolution
from ._core import Library, trace_resolution
from ._fold import NEAR, scored_words
from ._model import CorpusParagraph, CorpusResolution, Trace
from ._store import load, open_store, refresh, remember

if TYPE_CHECKING:
    from distributed import Client, Future

Key = tuple[tuple[str, ...], float]
"""A search: the draft paragraph's scored words and the threshold asked."""
Hit = tuple[int, float, CorpusParagraph, str]
"""A paragraph found: its position in the whole corpus, similarity, itself, folded text."""
Part = tuple[Library, tuple[tuple[str, str], ...]]
Scheduler = Union[str, "Client", None]

PARTITION_FILES = 250
"""Files per partition, at most: small enough to spread a few hundred files over workers,
large enough that a partition's tasks outlast the scheduler's per-task overhead."""


def connect(scheduler: Scheduler = None) -> Client:
    """A Dask client: `scheduler` itself when it is one, else the scheduler at that address
    ("tcp://host:8786"), else a local cluster of one single-threaded process per core (the
    search is pure Python: processes, not threads)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise OptionError(
            "engine", "the dask engine needs Dask: pip install 'redline[distributed]'"
        ) from exc
    if isinstance(scheduler, Client):
        return scheduler
    if scheduler is None:
        cluster = LocalCluster(threads_per_worker=1, dashboard_address=":0")
        return Client(cluster, set_as_default=False)
    try:
        return Client(scheduler, set_as_default=False, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise OptionError("scheduler", f"cannot reach the scheduler {scheduler}: {exc}") from exc


@contextlib.contextmanager
def connected(scheduler: Scheduler = None) -> Iterator[Client]:
    """`connect(scheduler)` for the length of a `with` block: a client made here (and its
    local cluster) is closed on leaving it, a client given is left open."""
    client = connect(scheduler)
    try:
        yield client
    finally:
        if client is not scheduler:
            _close(client)


def _close(client: Client) -> None:
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


def _index_part(
    files: Sequence[str], store: str | None, listed: Mapping[str, Mapping[str, str]]
) -> Part:
    """One partition indexed and loaded, on a worker: the in-process path's own steps."""
    paths = [Path(f) for f in files]
    conn = open_store(None if store is None else Path(store))
    try:
        remember(conn, listed)
        refresh(conn, paths)
        return load(conn, paths, listed)
    finally:
        conn.close()


def _rows(
    files: Sequence[str], listed: Mapping[str, Mapping[str, str]]
) -> dict[str, Mapping[str, str]]:
    """The manifest rows of a partition's files: all its worker needs."""
    return {f: listed[f] for f in files if f in listed}


def _facts(part: Part) -> tuple[int, frozenset[str], tuple[tuple[str, str], ...]]:
    """What the reduction needs of a partition: paragraphs, symbols, files skipped."""
    library, skipped = part
    symbols = frozenset(p.resolution.symbol for p in library.paragraphs)
    return len(library.paragraphs), symbols, skipped


def _answer(part: Part, keys: Sequence[Key], offset: int) -> list[list[Hit]]:
    """Each search asked of one partition, its positions offset to the whole corpus's."""
    library = part[0]
    return [
        [
            (offset + i, score, library.paragraphs[i], library.folded[i])
            for i, score in library.search(words, threshold)
        ]
        for words, threshold in keys
    ]


class _Answers(Library):
    """The whole corpus as `trace_resolution` asks it: the merged answers of every partition
    to the searches asked so far; a search not asked yet answers nothing and is noted in
    `missing`, to be asked and the draft traced again."""

    def __init__(self, resolutions: int) -> None:
        self.paragraphs: tuple[CorpusParagraph, ...] = ()
        self.folded: tuple[str, ...] = ()
        self.resolutions = resolutions
        self._at: dict[int, int] = {}  # position in the corpus -> position here
        self._found: dict[Key, list[tuple[int, float]]] = {}
        self.missing: set[Key] = set()

    def search(self, words: Sequence[str], threshold: float) -> list[tuple[int, float]]:
        key = (tuple(words), threshold)
        if key not in self._found:
            self.missing.add(key)
            return []
        return list(self._found[key])

    def answer(self, key: Key, hits: Sequence[Hit]) -> None:
        """The hits of every partition for `key`, sorted as WordIndex.search sorts."""
        paragraphs, folded = list(self.paragraphs), list(self.folded)
        found = []
        for position, score, paragraph, text in sorted(hits, key=lambda h: (-h[1], h[0])):
            if position not in self._at:
                self._at[position] = len(paragraphs)
                paragraphs.append(paragraph)
                folded.append(text)
            found.append((self._at[position], score))
        self.paragraphs, self.folded = tuple(paragraphs), tuple(folded)
        self._found[key] = found
        self.missing.discard(key)


class Partitions:
    """A corpus indexed on a cluster, each partition's Library held by a worker: open once,
    trace many drafts against it; `close()` (or leaving a `with` block) lets the workers
    drop it and closes the client if it was made here."""

    def __init__(
        self,
        scheduler: Scheduler,
        files: Sequence[Path],
        listed: Mapping[str, Mapping[str, str]],
        *,
        index: Path | None = None,
        progress: bool = False,
    ) -> None:
        self.client = client = connect(scheduler)
        self._owned = client is not scheduler
        self.listed = dict(listed)
        size = max(1, -(-len(files) // max(1, -(-len(files) // PARTITION_FILES))))
        chunks = [[str(f) for f in files[i : i + size]] for i in range(0, len(files), size)]
        if index is not None:
            index.mkdir(parents=True, exist_ok=True)
        stores = [
            None if index is None else str(index / f"part-{k:05d}.sqlite")
            for k in range(len(chunks))
        ]
        self.parts: list[Future[Part]] = [
            client.submit(_index_part, chunk, store, _rows(chunk, listed), pure=False)
            for chunk, store in zip(chunks, stores, strict=True)
        ]
        facts = _gathered(client, [client.submit(_facts, p) for p in self.parts], progress)
        self.offsets = [sum(n for n, _, _ in facts[:k]) for k in range(len(facts))]
        self.paragraphs = sum(n for n, _, _ in facts)
        self.resolutions = len(frozenset().union(*(s for _, s, _ in facts)))
        self.skipped = tuple(s for _, _, skipped in facts for s in skipped)

    def __enter__(self) -> Partitions:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """The partitions released; the client and its local cluster closed if made here."""
        self.parts = []
        if self._owned:
            _close(self.client)

    def ask(self, keys: Sequence[Key], *, progress: bool = False) -> list[list[Hit]]:
        """Every search in `keys` asked of every partition, the hits of each key together."""
        asked = [
            self.client.submit(_answer, part, list(keys), offset, pure=False)
            for part, offset in zip(self.parts, self.offsets, strict=True)
        ]
        merged: list[list[Hit]] = [[] for _ in keys]
        for answers in _gathered(self.client, asked, progress):
            for hits, found in zip(merged, answers, strict=True):
                hits.extend(found)
        return merged


def _gathered(client: Client, futures: Sequence[Future[Any]], progress: bool) -> list[Any]:
    """The futures' results in order, a bar counting them as they finish (stderr, a terminal
    only)."""
    from distributed import as_completed

    bar = tqdm(total=len(futures), unit="part", disable=None if progress else True, leave=False)
    with bar:
        for _ in as_completed(futures, loop=client.loop):
            bar.update()
    results: list[Any] = client.gather(list(futures))
    return results


def trace_partitions(
    draft: Resolution,
    partitions: Partitions,
    *,
    own: CorpusResolution,
    top: int,
    threshold: float,
    formula: tuple[int, int],
    before: str | None,
    progress: bool = False,
) -> Trace:
    """`draft` traced against a corpus on a cluster: `trace_resolution` over the merged
    answers, asked again until it asks nothing new (the >= 0.95 searches first, then those at
    the threshold it needs: twice in all)."""
    answers = _Answers(partitions.resolutions)
    words = {tuple(scored_words(p.full_text)) for p in draft.paragraphs}
    answers.missing = {(w, max(threshold, NEAR)) for w in words if w}
    while True:
        asked = sorted(answers.missing)
        for key, hits in zip(asked, partitions.ask(asked, progress=progress), strict=True):
            answers.answer(key, hits)
        result = trace_resolution(
            draft,
            answers,
            own=own,
            top=top,
            threshold=threshold,
            formula=formula,
            before=before,
            skipped=partitions.skipped,
        )
        if not answers.missing:
            return replace(result, corpus_paragraphs=partitions.paragraphs)
