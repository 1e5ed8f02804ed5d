"""Time `redline batch` (compare_many) on 200 real series pairs with 1 and 2 worker processes.

What it measures
  Pairs: consecutive versions of the same series in the corpus's structured/ folder (the
  only folder with many series of whole resolutions: markdown/ is one session, pdf-text/
  has 62 pairs), series sorted by name and versions by date, the first --pairs (default
  200) of its 337. structured/ is JSON, so each version is written out first as the text a
  drafter pastes: every element (prefix and text, header and vote lines included) one
  paragraph, blank-line separated. One CSV lists the pairs.
  Each run is one `compare_many(csv, out=..., jobs=N, date=...)` call: reading, comparing,
  writing a DOCX and a JSON report per pair, the process pool's start-up included (what a
  user waits for). --repeat runs (default 3) per worker count, after one warm-up pair.
  Then the files written with 1 and 2 workers are compared byte for byte.

How to read it
  Pairs per second from the median run (min and max beside it), and the CPU seconds the
  run used (this process and its workers): wall time near the CPU time with 2 workers
  means they shared one core. The machine may be shared: the load average before the runs
  is printed; a load near the core count leaves a second worker no core of its own.

Run: python3 benchmarks/bench_batch.py [--pairs 200] [--repeat 3] [--jobs 1,2]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import redline

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # test support
from oracle import locate_shared_dir

DATE = "2026-01-01T00:00:00Z"


def series_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    """Consecutive versions of each series in structured/, series by name, then by date."""
    with (corpus / "MANIFEST.csv").open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["path"].startswith("structured/")]
    by_series: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_series.setdefault(r["series"], []).append(r)
    pairs = []
    for name in sorted(by_series):
        versions = sorted(by_series[name], key=lambda r: (r["date"], r["symbol"]))
        pairs += [(corpus / a["path"], corpus / b["path"]) for a, b in itertools.pairwise(versions)]
    return pairs


def as_text(path: Path) -> str:
    """A structured/ file as pasted text: each element a paragraph, its prefix in front."""
    blocks = []
    for e in json.loads(path.read_text(encoding="utf-8")):
        text = " ".join((e.get("text") or "").split())
        prefix = (e.get("prefix") or "").strip()
        if text:
            blocks.append(f"{prefix} {text}" if prefix and not text.startswith(prefix) else text)
    return "\n\n".join(blocks) + "\n"


def write_inputs(pairs: list[tuple[Path, Path]], folder: Path) -> Path:
    """Each version once as text in `folder`; the CSV of pairs (old,new,out) beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    listed = folder / "pairs.csv"
    with listed.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["old", "new", "out"])
        for k, (old, new) in enumerate(pairs, 1):
            for path in (old, new):
                text = folder / f"{path.stem}.txt"
                if not text.exists():
                    text.write_text(as_text(path), encoding="utf-8")
            out.writerow([f"{old.stem}.txt", f"{new.stem}.txt", f"{k:03d}-{new.stem}"])
    return listed


def run(listed: Path, out: Path, jobs: int) -> tuple[float, float, tuple[redline.PairResult, ...]]:
    """Wall seconds, CPU seconds (this process and its finished workers) and the results."""
    before, start = os.times(), time.perf_counter()
    results = redline.compare_many(listed, out=out, jobs=jobs, date=DATE)
    wall, after = time.perf_counter() - start, os.times()
    cpu = sum(after[:4]) - sum(before[:4])  # user, system, children's user and system
    return wall, cpu, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", default="1,2", help="worker counts, comma-separated")
    args = parser.parse_args()
    corpus = locate_shared_dir() / "corpus"
    pairs = series_pairs(corpus)[: args.pairs]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{len(pairs)} pairs from structured/ series; {os.cpu_count()} cores; load {load}")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        listed = write_inputs(pairs, folder / "in")
        redline.compare_many(  # warm-up: imports and lexicons loaded, caches filled
            [
                (
                    folder / "in" / f"{pairs[0][0].stem}.txt",
                    folder / "in" / f"{pairs[0][1].stem}.txt",
                )
            ],
            out=folder / "warm",
            jobs=1,
            date=DATE,
        )
        written: dict[int, dict[str, bytes]] = {}
        listing: dict[int, list[tuple[str, str]]] = {}
        for jobs in (int(j) for j in args.jobs.split(",")):
            times, cpus = [], []
            for k in range(args.repeat):
                out = folder / f"out-{jobs}-{k}"
                seconds, cpu, results = run(listed, out, jobs)
                times.append(seconds)
                cpus.append(cpu)
            written[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
            listing[jobs] = [(r.summary, r.error) for r in results]
            failed = sum(1 for r in results if r.error)
            median = statistics.median(times)
            print(
                f"jobs {jobs}: {len(pairs) / median:6.1f} pairs/s  (median {median:.2f} s, "
                f"min {min(times):.2f}, max {max(times):.2f}, {args.repeat} runs; CPU "
                f"{statistics.median(cpus):.2f} s; {failed} of {len(results)} pairs failed)"
            )
        first, *others = sorted(written)
        for jobs in others:
            same = written[jobs] == written[first] and listing[jobs] == listing[first]
            verdict = "byte-identical" if same else "DIFFERENT"
            print(
                f"outputs with {first} and {jobs} workers: {verdict} "
                f"({len(written[first])} files, results in the same order)"
            )
            if not same:
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
