"""Time each stage of the spine (parse, align, diff, write) on the seeds and on long texts.

What it measures
  Seed pair, both directions (46/13 -> 47/9 and 47/9 -> 46/13), each stage timed on its own
  with time.perf_counter over N runs (--repeat, default 20) after one warm-up run:
    parse old / parse new  redline.parse.parse_bytes on the file's bytes (no disk read)
    align                  redline.align.align(old.paragraphs, new.paragraphs)
    diff (k segs)          redline.diff.diff_lines on every segment with lines on both sides
    compare (parsed)       redline.comparison.compare_resolutions: align + layout + diff
    write (docx_bytes)     redline.word.docx_bytes: the XML parts, no zip
    write_docx (file)      redline.write_docx to a temporary file: XML parts + zip + disk
    WHOLE compare+write    redline.compare(Path, Path) + redline.write_docx: what the CLI does
  The seed pair as Word files too (tests/fixtures/docx/, made by LibreOffice): reading .docx,
  writing the clean document, reading the template, writing onto it, and the WHOLE run the
  CLI makes for two .docx files (compare + write onto NEW with OLD for paragraph changes).
  Peak memory is tracemalloc's peak over one WHOLE run (Python allocations only, so the
  C buffers of lxml and rapidfuzz are not counted), measured apart from the timings.

  Long texts, to see how alignment scales with length (--sizes, about that many
  paragraphs per side; the corpus case stops at the first whole resolution past it):
    repeat   47/9's 70 paragraphs repeated, each copy reworded a little, then edited
             (words changed, paragraphs dropped, added, swapped): many near-duplicate
             paragraphs, so large candidate groups -- the aligner's worst case
    corpus   consecutive versions of corpus series (structured/ JSON) concatenated, old
             versions on one side and their successors on the other: realistic paragraphs
  Each is parsed from text, then compared and written (compare + docx_bytes), --large-repeat
  runs (default 5). "cands" is the number of candidate pairs at the threshold, "group" the
  largest connected group the assignment solves at once (its cost grows with its cube).

How to read the table
  Times are milliseconds: median, then min and max of the runs. Compare medians; a max far
  above the median is noise (GC, another process). "WHOLE" is the end-to-end cost a user
  waits for; the stage rows say where it goes. In the scaling table, time growing faster
  than the square of the size points at the assignment (large groups), slower at the
  pairwise scoring.

Run: python3 benchmarks/bench_spine.py [--repeat N] [--sizes 100,200,400] [--json out.json]
"""

from __future__ import annotations

import argparse
import csv
import gc
import itertools
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import redline
from redline.align import DEFAULT_THRESHOLD, align
from redline.align._assign import _components
from redline.align._score import _candidates
from redline.comparison import compare_resolutions
from redline.diff import diff_lines
from redline.parse import parse_bytes, parse_string
from redline.word import docx_bytes
from redline.word.write._template import Template

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (ROOT / "examples" / "hrc-46-13.txt", ROOT / "examples" / "hrc-47-9.md")
DOCX = ROOT / "tests" / "fixtures" / "docx"  # the seeds as Word files made by LibreOffice
CORPUS = Path("/work/shared/corpus")
DATE = "2026-01-01T00:00:00Z"
_FORMULA = re.compile(r"^\s*The [\w ,]*?(Council|Assembly)\s*,?\s*$")
_NUMBER = re.compile(r"^\d+\.?")


def machine_info() -> dict[str, object]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = None
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or "?",
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "redline": redline.__version__,
    }


def timed(fn: Callable[[], object], repeat: int) -> dict[str, float]:
    fn()  # warm-up: first-use caches (regexes, lexicon) are not what we measure
    runs = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return {
        "median": statistics.median(runs),
        "min": min(runs),
        "max": max(runs),
        "runs": len(runs),
    }


def peak_kib(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1024


def diff_all(comparison: redline.Comparison) -> int:
    n = 0
    for seg in comparison.segments:
        if seg.old and seg.new:
            diff_lines([ln.text for ln in seg.old], [ln.text for ln in seg.new])
            n += 1
    return n


def seed_stages(old_path: Path, new_path: Path, repeat: int, tmp: Path) -> list[dict]:
    old_data, new_data = old_path.read_bytes(), new_path.read_bytes()
    old = parse_bytes(old_data, source=str(old_path))
    new = parse_bytes(new_data, source=str(new_path))
    comparison = compare_resolutions(old, new)
    segs = sum(1 for s in comparison.segments if s.old and s.new)
    out_file = tmp / f"{old_path.stem}-to-{new_path.stem}.docx"

    def whole() -> None:
        redline.write_docx(redline.compare(old_path, new_path), out_file, date=DATE)

    stages: list[tuple[str, Callable[[], object]]] = [
        (f"parse old ({len(old.paragraphs)} paras)", lambda: parse_bytes(old_data, source="o")),
        (f"parse new ({len(new.paragraphs)} paras)", lambda: parse_bytes(new_data, source="n")),
        ("align", lambda: align(old.paragraphs, new.paragraphs)),
        (f"diff ({segs} segs)", lambda: diff_all(comparison)),
        ("compare (parsed)", lambda: compare_resolutions(old, new)),
        ("write (docx_bytes)", lambda: docx_bytes(comparison, date=DATE)),
        ("write_docx (file)", lambda: redline.write_docx(comparison, out_file, date=DATE)),
        ("WHOLE compare+write", whole),
    ]
    rows = [{"stage": name, **timed(fn, repeat)} for name, fn in stages]
    rows[-1]["peak_kib"] = peak_kib(whole)
    return rows


def word_stages(old_path: Path, new_path: Path, repeat: int, tmp: Path) -> list[dict]:
    """The seed pair as Word files (made by LibreOffice): reading .docx, writing onto the
    new document (what the CLI does when NEW is a .docx) against the clean document."""
    old = redline.parse(old_path)
    new = redline.parse(new_path)
    comparison = compare_resolutions(old, new)
    template = Template.read(new_path)
    out_file = tmp / f"{old_path.stem}-onto-{new_path.stem}.docx"

    def whole() -> None:
        c = redline.compare(old_path, new_path)
        redline.write_docx(c, out_file, date=DATE, template=new_path, old_template=old_path)

    stages: list[tuple[str, Callable[[], object]]] = [
        (f"parse old .docx ({len(old.paragraphs)})", lambda: redline.parse(old_path)),
        (f"parse new .docx ({len(new.paragraphs)})", lambda: redline.parse(new_path)),
        ("compare (parsed)", lambda: compare_resolutions(old, new)),
        ("write clean (docx_bytes)", lambda: docx_bytes(comparison, date=DATE)),
        ("read template", lambda: Template.read(new_path)),
        ("write onto template", lambda: docx_bytes(comparison, date=DATE, template=template)),
        ("WHOLE compare+write onto", whole),
    ]
    rows = [{"stage": name, **timed(fn, repeat)} for name, fn in stages]
    rows[-1]["peak_kib"] = peak_kib(whole)
    return rows


# -- long texts -------------------------------------------------------------------------


def render(preamble: list[str], operative: list[str], body: str = "Human Rights Council") -> str:
    """A resolution text the parser reads: formula, preambular, numbered operative paragraphs."""
    ops = [f"{k}. {t}" for k, t in enumerate(operative, 1)]
    return "\n\n".join([f"The {body},", *preamble, *ops]) + "\n"


def _reword(text: str, rng: random.Random, share: float) -> str:
    """Change about `share` of the words: substitute, delete or insert one word."""
    words = text.split(" ")
    out: list[str] = []
    for w in words:
        r = rng.random()
        if r < share / 3:
            out.append(rng.choice(words))  # substitute
        elif r < 2 * share / 3:
            continue  # delete
        elif r < share:
            out.extend([w, rng.choice(("also", "further", "duly", "fully", "inter alia"))])
        else:
            out.append(w)
    return " ".join(out) if out else text


def _edit(parts: tuple[list[str], list[str]], rng: random.Random) -> tuple[list[str], list[str]]:
    """The "new" side: ~15% paragraphs reworded, ~4% dropped, ~4% added, ~3% swapped."""
    donors = [t for side in parts for t in side]
    result = []
    for side in parts:
        new: list[str] = []
        for text in side:
            r = rng.random()
            if r < 0.04:
                continue
            new.append(_reword(text, rng, 0.15) if r < 0.19 else text)
            if rng.random() < 0.04:
                words = rng.choice(donors).split(" ")
                rng.shuffle(words)  # an added paragraph: known words, new order
                new.append(" ".join(words))
        for _ in range(len(new) // 33):
            a, b = rng.randrange(len(new)), rng.randrange(len(new))
            new[a], new[b] = new[b], new[a]
        result.append(new)
    return result[0], result[1]


def repeat_case(size: int, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    base = redline.parse(SEEDS[1])
    pre_base = [p.full_text for p in base.preamble]
    op_base = [p.full_text for p in base.operative]
    pre: list[str] = []
    ops: list[str] = []
    copy = 0
    while len(pre) + len(ops) < size:
        # copy 0 verbatim, later copies reworded so copies are near, not exact, duplicates
        share = 0.0 if copy == 0 else 0.1
        pre += [_reword(t, rng, share) if share else t for t in pre_base]
        ops += [_reword(t, rng, share) if share else t for t in op_base]
        copy += 1
    cut = size / (len(pre) + len(ops))
    pre, ops = pre[: round(len(pre) * cut)], ops[: round(len(ops) * cut)]
    new_pre, new_ops = _edit((pre, ops), rng)
    return render(pre, ops), render(new_pre, new_ops)


def _structured(path: Path) -> tuple[list[str], list[str]]:
    elements = json.loads(path.read_text(encoding="utf-8"))
    pre: list[str] = []
    ops: list[str] = []
    for e in elements:
        if e.get("type") != "paragraph":
            continue
        text = " ".join(e["text"].split())
        if e.get("paragraph_type") == "operative":
            if _NUMBER.match(e.get("prefix") or "1.") or not ops:
                ops.append(text)
            else:  # a lettered sub-paragraph: keep it inside its paragraph
                ops[-1] += f" {e['prefix']} {text}"
        elif not _FORMULA.match(text):
            pre.append(text)
    return pre, ops


def series_pairs() -> list[tuple[Path, Path]]:
    """Consecutive versions of each series in structured/, sorted by series, then date."""
    with open(CORPUS / "MANIFEST.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["path"].startswith("structured/")]
    by_series: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_series.setdefault(r["series"], []).append(r)
    pairs = []
    for name in sorted(by_series):
        versions = sorted(by_series[name], key=lambda r: (r["date"], r["symbol"]))
        pairs += [(CORPUS / a["path"], CORPUS / b["path"]) for a, b in itertools.pairwise(versions)]
    return pairs


def corpus_case(size: int, seed: int) -> tuple[str, str]:
    pairs = series_pairs()
    random.Random(seed).shuffle(pairs)
    old: tuple[list[str], list[str]] = ([], [])
    new: tuple[list[str], list[str]] = ([], [])
    for a, b in pairs:
        if len(old[0]) + len(old[1]) >= size:
            break
        for side, path in ((old, a), (new, b)):
            pre, ops = _structured(path)
            side[0].extend(pre)
            side[1].extend(ops)
    return render(*old), render(*new)


def large_cases(sizes: list[int], repeat: int, seed: int) -> list[dict]:
    rows = []
    for kind, make in (("repeat", repeat_case), ("corpus", corpus_case)):
        for size in sizes:
            old_text, new_text = make(size, seed)
            old, new = parse_string(old_text), parse_string(new_text)
            cands = _candidates(old.paragraphs, new.paragraphs, DEFAULT_THRESHOLD)
            groups = _components(cands)
            group = max((max(len(o), len(n)) for o, n in groups), default=0)

            def whole(o: str = old_text, n: str = new_text) -> None:
                docx_bytes(redline.compare(o, n), date=DATE)

            row = {
                "case": kind,
                "old": len(old.paragraphs),
                "new": len(new.paragraphs),
                "cands": len(cands),
                "group": group,
                "align": timed(lambda o=old, n=new: align(o.paragraphs, n.paragraphs), repeat),
                "whole": timed(whole, repeat),
            }
            row["peak_kib"] = peak_kib(whole)
            rows.append(row)
    return rows


def _fmt(t: dict[str, float]) -> str:
    return f"{t['median']:9.2f} {t['min']:9.2f} {t['max']:9.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per stage (default 20)")
    ap.add_argument("--sizes", default="100,200,400", help="paragraphs per side of the long texts")
    ap.add_argument("--large-repeat", type=int, default=5, help="runs per long text (default 5)")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--json", metavar="PATH", help="also dump all numbers as JSON ('-': stdout)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    info = machine_info()
    print("redline spine benchmark")
    for k, v in info.items():
        print(f"  {k:15} {v}")
    print(f"  repeat          {args.repeat} (seed pair), {args.large_repeat} (long texts)")
    print()

    result: dict[str, object] = {"machine": info, "repeat": args.repeat, "seed_pair": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for old_path, new_path in (SEEDS, SEEDS[::-1]):
            label = f"{old_path.name} -> {new_path.name}"
            rows = seed_stages(old_path, new_path, args.repeat, Path(tmp))
            result["seed_pair"][label] = rows  # type: ignore[index]
            print(f"{label}")
            print(f"  {'stage':28} {'median ms':>9} {'min':>9} {'max':>9}")
            for r in rows:
                print(f"  {r['stage']:28} {_fmt(r)}")
            print(f"  peak memory of one WHOLE run (tracemalloc): {rows[-1]['peak_kib']:.0f} KiB")
            print()
        old_path, new_path = (DOCX / f"{p.stem}.docx" for p in SEEDS)
        label = f"{old_path.name} -> {new_path.name} (Word files)"
        rows = word_stages(old_path, new_path, args.repeat, Path(tmp))
        result["seed_pair"][label] = rows  # type: ignore[index]
        print(label)
        print(f"  {'stage':28} {'median ms':>9} {'min':>9} {'max':>9}")
        for r in rows:
            print(f"  {r['stage']:28} {_fmt(r)}")
        print(f"  peak memory of one WHOLE run (tracemalloc): {rows[-1]['peak_kib']:.0f} KiB")
        print()

    if sizes:
        large = large_cases(sizes, args.large_repeat, args.seed)
        result["long_texts"] = large
        print(f"Long texts (compare+write from text; threshold {DEFAULT_THRESHOLD})")
        head = (
            f"  {'case':7} {'old':>4} {'new':>4} {'cands':>6} {'group':>5} "
            f"{'align med':>9} {'min':>7} {'max':>7} {'whole med':>9} {'min':>7} {'max':>7} "
            f"{'peak KiB':>8}"
        )
        print(head)
        for r in large:
            a, w = r["align"], r["whole"]
            print(
                f"  {r['case']:7} {r['old']:4} {r['new']:4} {r['cands']:6} {r['group']:5} "
                f"{a['median']:9.1f} {a['min']:7.1f} {a['max']:7.1f} "
                f"{w['median']:9.1f} {w['min']:7.1f} {w['max']:7.1f} {r['peak_kib']:8.0f}"
            )
        print("  (old/new: paragraphs per side, preamble + operative; times in ms)")

    if args.json:
        text = json.dumps(result, indent=2)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
            print(f"\nnumbers written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
