"""Agreed language (issue 15): a 70-paragraph draft traced against the whole shared corpus.

    python benchmarks/bench_trace.py [--jobs 2] [--repeat 5] [--scale 2.5]

The draft is the seed A/HRC/RES/47/9 (34 preambular + 36 operative paragraphs). The corpus
is every file of the shared corpus redline reads, structured/ and pdf-text/ JSON written
out as pasted text (tests/trace/corpus_text.py), with its manifest. Printed, one table:

* cold indexing into a new SQLite file on --jobs processes, and the share of it that is
  parsing (the same files parsed once more in this process, timed alone, over jobs);
* a warm refresh (nothing changed) and one changed file re-indexed, each with the library
  opened after it, and the re-indexing of one changed file alone;
* opening the library (index read, candidate index built);
* the trace, warm (library open, in-process): median of --repeat runs;
* the same against a synthesised corpus of --scale times as many paragraphs: each copy of
  a paragraph under another resolution ("#k" appended to its symbol and path) with one of
  its words replaced by a word no paragraph holds, so no copy is identical to another;
* peak RSS of the process;
* recall of the candidate index against exhaustive scoring (every corpus paragraph scored
  by rapidfuzz for every draft paragraph): the top-1 and every hit at the threshold.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Indel

import redline
from redline.trace import Library, open_library
from redline.trace._corpus import corpus_files
from redline.trace._fold import scored_words
from redline.trace._model import CorpusParagraph
from redline.trace._store import _parsed

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "trace"))
from corpus_text import manifest_rows, write_corpus

from oracle import locate_shared_dir


def _timed(f: object, *args: object, **kwargs: object) -> tuple[float, object]:
    start = time.perf_counter()
    value = f(*args, **kwargs)  # type: ignore[operator]
    return time.perf_counter() - start, value


def _reindexed(folder: Path, index: Path) -> float:
    """The refresh alone after one file changed: the files listed, the changed one found by
    its size or digest and parsed again, its rows replaced (no library opened)."""
    from redline.trace._store import open_store, refresh, remember

    files, listed = corpus_files([folder])
    conn = open_store(index)
    try:
        start = time.perf_counter()
        remember(conn, listed)
        refresh(conn, files)
        return time.perf_counter() - start
    finally:
        conn.close()


def synthesised(library: Library, scale: float, seed: int = 15) -> Library:
    """`scale` times the paragraphs: copies under new resolutions, one word each replaced."""
    rng = random.Random(seed)
    paragraphs = list(library.paragraphs)
    words = [scored_words(p.text) for p in paragraphs]
    target = int(len(paragraphs) * scale)
    k = 0
    while len(paragraphs) < target:
        k += 1
        for p in library.paragraphs:
            if len(paragraphs) >= target:
                break
            w = scored_words(p.text)
            w[rng.randrange(len(w))] = f"synth{k}x{len(paragraphs)}"
            res = p.resolution
            copy = type(res)(
                f"{res.path}#{k}",
                f"{res.symbol}#{k}",
                res.date,
                res.series,
                res.symbol_from,
                res.date_from,
                res.series_from,
            )
            paragraphs.append(CorpusParagraph(copy, p.part, p.label, p.number, p.lead, " ".join(w)))
            words.append(w)
    return Library(paragraphs, words)


def recall(library: Library, draft: redline.Resolution) -> tuple[int, int, int, int]:
    """(top-1 equal, paragraphs with a hit, hit sets equal, paragraphs) against exhaustive."""
    codes: dict[str, str] = {}

    def encode(ws: list[str]) -> str:
        return "".join(codes.setdefault(w, chr(0x10000 + len(codes))) for w in ws)

    corpus = [encode(scored_words(p.text)) for p in library.paragraphs]
    top1 = with_hit = same_sets = 0
    for p in draft.paragraphs:
        words = scored_words(p.full_text)
        query = encode(words)
        full = process.extract(
            query,
            corpus,
            scorer=Indel.normalized_similarity,
            score_cutoff=redline.DEFAULT_THRESHOLD,
            limit=None,
        )
        exhaustive = sorted(((j, float(s)) for _, s, j in full), key=lambda h: (-h[1], h[0]))
        indexed = library.search(words, redline.DEFAULT_THRESHOLD)
        if exhaustive:
            with_hit += 1
            top1 += bool(indexed) and indexed[0] == exhaustive[0]
        same_sets += indexed == exhaustive
    return top1, with_hit, same_sets, len(draft.paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=float, default=2.5)
    args = parser.parse_args()
    shared = locate_shared_dir()
    draft_path = shared / "seeds" / "hrc-47-9.md"
    draft = redline.parse(draft_path)
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(shared, Path(tmp) / "corpus", manifest_rows(shared))
        index = Path(tmp) / "index.sqlite"
        cold, _ = _timed(open_library, [folder], index=index, jobs=args.jobs)
        files, _ = corpus_files([folder])
        parsing = sum(_timed(_parsed, f)[0] for f in files) / args.jobs
        warm_refresh, (library, skipped, _) = _timed(open_library, [folder], index=index)
        changed = folder / "structured" / "A_HRC_RES_47_9.txt"
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\nAdds one paragraph;\n", encoding="utf-8"
        )
        one_file, _ = _timed(open_library, [folder], index=index)
        changed.write_text(changed.read_text(encoding="utf-8") + "Adds another;\n", "utf-8")
        reindex = _reindexed(folder, index)
        runs = [_timed(redline.trace, draft, library)[0] for _ in range(args.repeat)]
        big = synthesised(library, args.scale)
        big_runs = [_timed(redline.trace, draft, big)[0] for _ in range(args.repeat)]
        top1, with_hit, same_sets, n = recall(library, draft)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"draft {draft.header.symbol}: {len(draft.paragraphs)} paragraphs; corpus "
        f"{library.resolutions} resolutions, {len(library.paragraphs)} paragraphs, "
        f"{len(skipped)} files skipped; {args.jobs} jobs"
    )
    print("| measure | value |\n|---|---|")
    print(f"| index the corpus, cold ({args.jobs} jobs) | {cold:.1f} s |")
    print(f"| of which parsing (timed alone, / {args.jobs} jobs) | {parsing:.1f} s |")
    print(f"| refresh, nothing changed + open | {warm_refresh:.2f} s |")
    print(f"| one changed file re-indexed + open | {one_file:.2f} s |")
    print(f"| one changed file re-indexed alone (refresh, no open) | {reindex:.3f} s |")
    print(
        f"| trace, warm, {len(library.paragraphs):,} paragraphs (median of {args.repeat}) "
        f"| {statistics.median(runs):.3f} s |"
    )
    print(
        f"| trace, warm, {len(big.paragraphs):,} synthesised paragraphs (median of "
        f"{args.repeat}) | {statistics.median(big_runs):.3f} s |"
    )
    print(f"| peak RSS | {rss:.0f} MiB |")
    print(f"| recall of top-1 vs exhaustive | {top1}/{with_hit} |")
    print(f"| every hit at the threshold equal to exhaustive | {same_sets}/{n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
