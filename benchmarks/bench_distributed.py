"""Agreed language beyond one machine (issue 16): in-process against a local Dask cluster.

    python benchmarks/bench_distributed.py [--scales 100000 300000 1000000] [--workers 2]
        [--repeat 3] [--budget-s 1800]

A benchmark, not a test. The corpus is synthesised from the shared corpus: every file
redline reads as text (every language and series: structured/ and pdf-text/ JSON written
out as pasted text by tests/trace/corpus_text.py, Markdown, OCR text, the six-language
UDHR texts; the 6 PDFs left out, as slow to parse and few), copied again and again. Copy 0
is the file itself; copy k >= 1 has its symbol made its own (".../Add.k" appended where the
text and the manifest name it) and, in every paragraph of 8 words or more, one word (not
the first) replaced by a word drawn from the corpus's words (random.Random(16 + k), seeded
per copy). Files are taken copy by copy until their paragraphs (each source file parsed
once, as the index parses it) reach the scale; the paragraph count printed is the one
indexed.

For each scale, each engine runs in a fresh process (peak memory its own):
* in-process: `open_library` into a new SQLite file with --workers parsing processes
  (`jobs`), then the trace of the seed draft A/HRC/RES/47/9 (examples/hrc-47-9.md, 70
  paragraphs), warm, the median of --repeat runs;
* dask: a LocalCluster of --workers single-threaded worker processes, `open_partitions` into
  a new index folder (one SQLite file per partition), the same trace on the partitions.
Printed: indexing time, index size on disk, peak RSS (the process; for dask each worker and
the client), trace time, and whether the two JSON reports are byte-identical. Scales stop
when the next would not fit in --budget-s (estimated linearly from the last one).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import multiprocessing
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import redline
from redline.trace import open_library, open_partitions, trace_report
from redline.trace._store import _parsed

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "trace"))
from corpus_text import manifest_rows, write_corpus

from oracle import locate_shared_dir

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "examples" / "hrc-47-9.md"
_WORD = re.compile(r"[^\W\d_]{4,}")


def _sources(out: Path) -> list[tuple[str, dict[str, str], int]]:
    """Every text file of the shared corpus as redline reads it, with its manifest row and
    its number of paragraphs (parsed once, as the index parses it)."""
    shared = locate_shared_dir()
    folder = write_corpus(shared, out, manifest_rows(shared))
    with (folder / "MANIFEST.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    found = []
    for row in rows:
        path = Path(row["path"]) if Path(row["path"]).is_absolute() else folder / row["path"]
        if path.suffix.lower() in (".txt", ".md"):
            found.append((path, row))
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        parsed = list(pool.map(_parsed, [p for p, _ in found], chunksize=16))
    return [
        (path.read_text(encoding="utf-8"), row, 0 if isinstance(got, str) else len(got[1]))
        for (path, row), got in zip(found, parsed, strict=True)
    ]


def _edited(text: str, vocabulary: list[str], rng: random.Random) -> str:
    out = []
    for block in text.split("\n"):
        words = block.split(" ")
        if len(words) >= 8:
            at = rng.randrange(1, len(words))
            if _WORD.fullmatch(words[at]):
                words[at] = rng.choice(vocabulary)
        out.append(" ".join(words))
    return "\n".join(out)


def synthesise(out: Path, paragraphs: int) -> tuple[Path, list[Path], list[int]]:
    """Files holding about `paragraphs` paragraphs, and the manifest naming them."""
    sources = _sources(out / "shared")
    vocabulary = sorted({w for text, _, _ in sources for w in _WORD.findall(text)})
    files: list[Path] = []
    counts: list[int] = []
    rows = []
    k = 0
    while sum(counts) < paragraphs:
        rng = random.Random(16 + k)
        folder = out / f"copy-{k:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for i, (text, row, count) in enumerate(sources):
            if sum(counts) >= paragraphs:
                break
            symbol = row["symbol"]
            if k:
                own = f"{symbol}/Add.{k}"
                text = _edited(text.replace(symbol, own) if symbol else text, vocabulary, rng)
                symbol = own
            path = folder / f"{i:04d}{Path(row['path']).suffix}"
            path.write_text(text, encoding="utf-8")
            files.append(path.resolve())
            counts.append(count)
            rows.append({**row, "path": str(path.resolve()), "symbol": symbol})
        k += 1
    manifest = out / "MANIFEST.csv"
    with manifest.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return manifest, files, counts


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(engine: str, listing: Path, manifest: Path, work: Path, args: Any) -> dict[str, Any]:
    """One engine at one scale, in this (fresh) process."""
    files = listing.read_text(encoding="utf-8").split("\n")
    result: dict[str, Any] = {"engine": engine}
    start = time.perf_counter()
    if engine == "in-process":
        index = work / "one.sqlite"
        corpus, _, _ = open_library(files, index=index, manifest=manifest, jobs=args.workers)
        result["index_s"] = time.perf_counter() - start
        result["index_mib"] = index.stat().st_size / 2**20
    else:
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=":0")
        client = Client(cluster)
        start = time.perf_counter()
        index = work / "parts"
        corpus = open_partitions(files, scheduler=client, index=index, manifest=manifest)
        result["index_s"] = time.perf_counter() - start
        result["index_mib"] = sum(p.stat().st_size for p in index.glob("*.sqlite")) / 2**20
        result["partitions"] = len(corpus.parts)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        traced = redline.trace(DRAFT, corpus)
        times.append(time.perf_counter() - start)
    result["trace_s"] = statistics.median(times)
    result["paragraphs"] = traced.corpus_paragraphs
    result["resolutions"] = traced.corpus_resolutions
    report = json.dumps(trace_report(traced), ensure_ascii=False, indent=1).encode("utf-8")
    result["report_sha256"] = hashlib.sha256(report).hexdigest()
    result["peak_mib"] = [_peak_mib()]
    if engine == "dask":

        def peak() -> float:
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        result["peak_mib"] = [*sorted(client.run(peak).values()), _peak_mib()]
        corpus.close()
        client.close()
        cluster.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget-s", type=float, default=1800)
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # engine, in a child process
    parser.add_argument("--listing", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--manifest", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        result = measure(args.measure, args.listing, args.manifest, args.work, args)
        print(json.dumps(result))
        return
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        manifest, files, counts = synthesise(out / "corpus", max(args.scales))
        print(f"synthesised {len(files)} files in {time.perf_counter() - began:.0f} s")
        header = (
            "| paragraphs | resolutions | engine | indexing s | index MiB | peak RSS MiB "
            "| trace s (70 paragraphs) | report |"
        )
        print(header + "\n|" + "---|" * 8, flush=True)
        last: tuple[int, float] | None = None
        for scale in sorted(args.scales):
            spent = time.perf_counter() - began
            if last and spent + last[1] * scale / last[0] > args.budget_s:
                print(f"stopped before {scale:,}: it would not fit in --budget-s")
                break
            started = time.perf_counter()
            listing = out / f"files-{scale}.txt"
            wanted = next(
                (n for n in range(len(counts) + 1) if sum(counts[:n]) >= scale), len(counts)
            )
            listing.write_text("\n".join(str(f) for f in files[:wanted]), encoding="utf-8")
            results = []
            for engine in ("in-process", "dask"):
                work = out / f"work-{scale}-{engine}"
                work.mkdir()
                command = [sys.executable, __file__, "--measure", engine, "--listing"]
                command += [str(listing), "--manifest", str(manifest), "--work", str(work)]
                command += ["--workers", str(args.workers), "--repeat", str(args.repeat)]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            same = results[0]["report_sha256"] == results[1]["report_sha256"]
            for r in results:
                peaks = " / ".join(f"{p:.0f}" for p in r["peak_mib"])
                engine = r["engine"] + (
                    f" ({r['partitions']} partitions)" if "partitions" in r else ""
                )
                print(
                    f"| {r['paragraphs']:,} | {r['resolutions']:,} | {engine} | "
                    f"{r['index_s']:.1f} | {r['index_mib']:.0f} | {peaks} | {r['trace_s']:.2f} | "
                    f"{'identical' if same else 'DIFFERENT'} |",
                    flush=True,
                )
            last = (scale, time.perf_counter() - started)
    print(
        f"peak RSS: in-process the process; dask each worker, then the client. {args.workers} "
        f"workers; trace the median of {args.repeat}; total {time.perf_counter() - began:.0f} s"
    )


if __name__ == "__main__":
    main()
