"""What pausing the cycle collector saves: each call with and without the pause, one run.

    python3 benchmarks/bench_collector.py [--sizes 70,1000,3000] [--repeat 5]

For bench_speed's text pairs (corpus paragraphs and their revision, see its docstring) and
the seed Word pair: `compare` + `write_docx` as the public face runs them (the collector
paused, see redline/_collector.py), and the same functions unwrapped (`__wrapped__`: the
collector left running), alternately, CPU time, medians; and the time the collector spent
in the unpaused runs (gc.callbacks). Peak RSS: a fresh subprocess per case and way (VmHWM).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_speed  # noqa: E402

DATE = "2026-01-01T00:00:00Z"


def runner(case: str, paused: bool) -> Callable[[], None]:
    import redline

    compare = redline.compare if paused else redline.compare.__wrapped__  # type: ignore[attr-defined]
    write = redline.write_docx
    if not paused:
        write = getattr(write, "__wrapped__", write)
    if case == "seed":
        old, new = bench_speed.SEED_DOCX

        def docx() -> None:
            write(compare(old, new), io.BytesIO(), date=DATE, template=new, old_template=old)

        return docx
    pool = bench_speed.corpus_paragraphs()
    a, b = bench_speed.text_pair(pool, int(case), 14)
    old_text, new_text = bench_speed.render(a), bench_speed.render(b)

    def text() -> None:
        write(compare(old_text, new_text), io.BytesIO(), date=DATE)

    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="70,1000,3000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rss", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rss:
        case, way = args.rss.split(":")
        runner(case, way == "paused")()
        print(json.dumps(bench_speed.peak_kib() // 1024))
        return
    print("| case | paused ms | running ms | collector ms (running) | RSS MiB paused/running |")
    print("|---|---|---|---|---|")
    for case in [*args.sizes.split(","), "seed"]:
        ways = {way: runner(case, way == "paused") for way in ("paused", "running")}
        for fn in ways.values():
            fn()  # warm
        times: dict[str, list[float]] = {"paused": [], "running": []}
        clock = {"began": 0.0, "spent": 0.0}

        def tally(phase: str, info: dict[str, int], clock: dict[str, float] = clock) -> None:
            if phase == "start":
                clock["began"] = time.process_time()
            else:
                clock["spent"] += time.process_time() - clock["began"]

        for _ in range(args.repeat):
            for way, fn in ways.items():
                if way == "running":
                    gc.callbacks.append(tally)
                t0 = time.process_time()
                fn()
                times[way].append(time.process_time() - t0)
                if way == "running":
                    gc.callbacks.remove(tally)
        rss = [
            subprocess.run(
                [sys.executable, __file__, "--rss", f"{case}:{way}"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
            for way in ("paused", "running")
        ]
        med = {way: 1000 * statistics.median(t) for way, t in times.items()}
        print(
            f"| {case} | {med['paused']:.1f} | {med['running']:.1f} | "
            f"{1000 * clock['spent'] / args.repeat:.1f} | {rss[0]}/{rss[1]} |"
        )


if __name__ == "__main__":
    main()
