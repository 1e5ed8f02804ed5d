"""The candidate pairs alignment takes are those of scoring every pair, on real texts.

    python3 benchmarks/check_candidates.py [--pairs 300] [--sizes 70,300,1000]

Issue 14 asks for a lossless filter: `align._score._candidates` (the bit-sliced counts of
`redline.candidates`, or whole scoring for a small index) must return exactly what
rapidfuzz's all-pairs extraction returns (the pre-index definition, kept verbatim in
tests/test_candidates.py). Checked here on --pairs consecutive versions of the corpus's
series (bench_batch's pairs, as pasted text) at thresholds 0.3, 0.5 and 0.8, and on
bench_speed's text pairs of --sizes paragraphs (two seeds each) at 0.5. Prints the number
of comparisons and candidate pairs, and exits 1 at the first difference.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_batch
import bench_speed
from test_candidates import _extract_candidates

import redline
from redline._api import parse
from redline.align._score import _candidates
from redline.model import Paragraph


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--sizes", default="70,300,1000")
    args = parser.parse_args()
    checked = found = 0

    def check(old: list[Paragraph], new: list[Paragraph], threshold: float, what: str) -> bool:
        nonlocal checked, found
        got, every = _candidates(old, new, threshold), _extract_candidates(old, new, threshold)
        if got != every:
            print(f"DIFFERENT: {what} at {threshold}: {sorted(set(got) ^ set(every))[:5]}")
            return False
        checked, found = checked + 1, found + len(got)
        return True

    pool = bench_speed.corpus_paragraphs()
    for size in (int(s) for s in args.sizes.split(",") if s):
        for seed in (14, 15):
            old, new = bench_speed.text_pair(pool, size, seed)
            a = list(parse(bench_speed.render(old)).paragraphs)
            b = list(parse(bench_speed.render(new)).paragraphs)
            if not check(a, b, 0.5, f"{size} paragraphs, seed {seed}"):
                return 1
    for x, y in bench_batch.series_pairs(bench_speed.CORPUS)[: args.pairs]:
        try:
            a = list(parse(bench_batch.as_text(x)).paragraphs)
            b = list(parse(bench_batch.as_text(y)).paragraphs)
        except redline.RedlineError:
            continue
        for threshold in (0.5, 0.3, 0.8):
            if not check(a, b, threshold, f"{x.name} -> {y.name}"):
                return 1
    print(f"identical to all-pairs extraction on {checked} comparisons ({found} candidate pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
