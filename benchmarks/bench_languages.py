"""Alignment accuracy and time per pair in the six UN languages, on real resolution text.

    python3 benchmarks/bench_languages.py [--pairs 60] [--seed 7]

No whole resolution exists in every language in the corpus, so test resolutions are
assembled from real sentences: the UN Parallel Corpus lines that come from resolutions
(`multilingual/unpc-devset/resolution_lines.tsv`, one column per language), grouped by
document; each document with at least 5 lines becomes an operative part, the same lines in
every language. Revision pairs are generated from them (`support.evaluation.revise`: word
edits, deletions, insertions of other documents' lines, moves near and far, splits and
merges) and scored against their known gold. Prints one row per language.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import redline
from redline.model import Paragraph, Part, Resolution
from redline.parse._leads import find_lead

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # test support
from oracle import locate_shared_dir
from support.evaluation import Score, revision_pairs, score

LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
KINDS = ("edit", "delete", "insert", "move_near", "move_far", "split", "merge")
_NUMBER = re.compile(r"^\s*[0-9٠-٩]{1,3}\s*(?:\.|-|–)\s*")


def _documents() -> dict[str, list[dict[str, str]]]:
    path = locate_shared_dir() / "corpus" / "multilingual" / "unpc-devset" / "resolution_lines.tsv"
    csv.field_size_limit(sys.maxsize)
    docs: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            docs[row["doc"]].append(row)
    return {d: rows for d, rows in sorted(docs.items()) if len(rows) >= 5}


def _resolution(rows: list[dict[str, str]], language: str, name: str) -> Resolution:
    paragraphs = []
    for k, row in enumerate(rows, 1):
        text = _NUMBER.sub("", row[language]).strip()
        lead = find_lead(text, part="operative", language=language)
        paragraphs.append(Paragraph(Part.OPERATIVE, k, text, lead=lead, number=str(k)))
    return Resolution(name, paragraphs=tuple(paragraphs), language=language)


def bases(language: str) -> list[Resolution]:
    """The test resolutions in one language: one per document with 5+ resolution lines."""
    return [_resolution(rows, language, doc) for doc, rows in _documents().items()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs = _documents()
    print(f"{len(docs)} documents with 5+ resolution lines; {args.pairs} pairs per language")
    print(
        f"{'lang':<5}{'pairs':>6}{'overall':>9}{'modified':>10}{'added':>8}{'deleted':>9}"
        f"{'split':>8}{'merged':>8}{'false':>7}{'missed/moves':>14}{'ms/pair':>9}"
    )
    for language in LANGUAGES:
        pairs = revision_pairs(bases(language), count=args.pairs, seed=args.seed, kinds=KINDS)
        total, times = Score(), []
        for pair in pairs:
            start = time.perf_counter()
            matches = redline.compare(pair.old, pair.new).matches
            times.append((time.perf_counter() - start) * 1000)
            total = total + score(pair, matches)
        acc = total.accuracy_by_kind()
        cells = "".join(
            f"{acc.get(k, float('nan')):>{w}.3f}"
            for k, w in (
                ("modified", 10),
                ("added", 8),
                ("deleted", 9),
                ("split", 8),
                ("merged", 8),
            )
        )
        print(
            f"{language:<5}{total.pairs:>6}{total.accuracy:>9.3f}{cells}"
            f"{total.false_pairs:>7}{total.missed_moves:>7}/{total.moves:<6}"
            f"{statistics.median(times):>9.1f}"
        )


if __name__ == "__main__":
    main()
