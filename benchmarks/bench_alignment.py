"""Alignment quality: exact-target accuracy per kind, false pairs, moves — generated and real.

    python3 benchmarks/bench_alignment.py [--pairs 200] [--corpus 40] [--seed 3]

Three sets, each scored with `support.evaluation.score` (a predicted match counts only if it
names exactly the gold's old and new paragraphs):
  seeds      revision pairs generated from HRC 46/13 and 47/9 (word edits, deletions,
             insertions, moves near and far, promotions, demotions, splits, merges)
  corpus     the same generator on resolutions of ../shared/corpus/structured/
  gold       four real consecutive series pairs, hand-checked (tests/support/evaluation/gold/)
False pairs are pairs the gold does not have; a missed move is a gold move not reported as
moved. Every figure is printed; nothing here is tuned to pass.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import redline

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # test support
from oracle import locate_shared_dir
from support.evaluation import RevisionPair, Score, revision_pairs, score
from support.evaluation.corpus import load_structured
from support.evaluation.generate import ALL_KINDS
from support.evaluation.gold import gold_pairs

ROOT = Path(__file__).resolve().parents[1]


def _run(pairs: list[RevisionPair]) -> tuple[Score, float]:
    total = Score()
    start = time.perf_counter()
    for pair in pairs:
        total = total + score(pair, redline.compare(pair.old, pair.new).matches)
    return total, (time.perf_counter() - start) / max(len(pairs), 1) * 1000


def _row(name: str, s: Score, ms: float) -> str:
    acc = s.accuracy_by_kind()
    cells = " ".join(f"{acc[k]:>8.3f}" if k in acc else f"{'-':>8}" for k in _KINDS)
    return (
        f"{name:<8}{s.pairs:>6} {s.accuracy:>8.3f} {cells} {s.false_pairs:>6} "
        f"{s.missed_moves:>6}/{s.moves:<6} {s.false_moves:>6} {ms:>8.1f}"
    )


_KINDS = ("unchanged", "modified", "added", "deleted", "split", "merged")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=200, help="generated pairs from the seeds")
    ap.add_argument("--corpus", type=int, default=40, help="corpus resolutions used as bases")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()

    seeds = [
        redline.parse(ROOT / "examples" / "hrc-46-13.txt"),
        redline.parse(ROOT / "examples" / "hrc-47-9.md"),
    ]
    files = sorted((locate_shared_dir() / "corpus" / "structured").glob("*.json"))
    random.Random(args.seed).shuffle(files)
    bases = []
    for f in files:
        r = load_structured(f)
        if len(r.preamble) >= 3 and len(r.operative) >= 3:
            bases.append(r)
        if len(bases) == args.corpus:
            break
    sets = {
        "seeds": revision_pairs(seeds, count=args.pairs, seed=args.seed),
        "corpus": revision_pairs(bases, count=args.pairs, seed=args.seed),
        "gold": [RevisionPair(n, o, w, g, ()) for n, o, w, g in gold_pairs()],
    }
    print(f"kinds generated: {', '.join(ALL_KINDS)}")
    head = " ".join(f"{k:>8}" for k in _KINDS)
    print(
        f"{'set':<8}{'pairs':>6} {'overall':>8} {head} {'false':>6} {'missed/moves':>13} "
        f"{'fmoves':>6} {'ms/pair':>8}"
    )
    for name, pairs in sets.items():
        total, ms = _run(pairs)
        print(_row(name, total, ms))


if __name__ == "__main__":
    main()
