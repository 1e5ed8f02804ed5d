"""redline against its peers, side by side, on the same generated revision pairs.

What it runs
  Pairs: `support.evaluation.revision_pairs` over the two seeds (46/13 and 47/9), --pairs of
  them (default 20) from --seed (default 0); each pair has a gold answer (which paragraphs
  were kept, edited, added, deleted, split, merged, moved).
  Inputs: every pair's old and new text written once as a clean DOCX (redline's writer
  comparing a text with itself: no tracked change). Every tool gets these same files.
  Tools (one table row each):
    redline moves=…    redline.compare(old, new) + redline.write_docx(..., moves=True / False)
                       (parsed Resolutions in): moved paragraphs as Word moves, or as
                       deletion + insertion; the row marked "default" is what write_docx
                       does without the keyword (one row only if it has no `moves` keyword)
    docxodus moves     python-redlines' DocxodusEngine, detect_moves=True (DOCX in, DOCX out)
    docxodus default   (only with --docxodus-default) the engine without detect_moves; on
                       the default pairs its document.xml came out byte-identical to the
                       detect_moves run (the engine finds moves either way)
    LO compare         LibreOffice's Compare Document through UNO (benchmarks/lo_compare.py):
                       open the new file, compare it against the old, save as DOCX

What it measures, per tool and pair
  marked   characters a reader must read as change, from word/document.xml of the output:
           the text (w:t, w:delText) inside w:ins or w:del, plus moved text once: all the
           moveTo text, and of the moveFrom text only the word tokens the moveTo text does
           not hold (multiset difference over the document; what a moved-and-edited
           paragraph lost). Text nested in a move counts as move text (an ins inside a
           moveTo is moveTo). Formatting-only changes (rPrChange) mark no text.
  least    what a faithful word-level redline must mark, from the gold pair alone with an
           independent diff (difflib.SequenceMatcher over word tokens `\\w+|[^\\w\\s]`):
             unchanged  0
             modified / split / merged (the paragraphs of a split or merge joined with one
                        space): for every non-equal opcode, the characters from its first
                        changed token to its last, on each side (so the spaces between
                        changed words count, the spaces around them do not)
             added / deleted  the paragraph's whole text
             moved      (any kind) its text once: the new text plus the old side's deleted
                        spans, i.e. every word a reader meets once, changed or not.
                        Moved = out of place: not on the heaviest increasing run of old
                        positions (see moved_matches); a change of part alone is no move
           A paragraph's text is its lines as the clean DOCX shows them (operative numbers
           are automatic list labels here, not text), joined with a space. The header, the
           formula and the vote are diffed the same way (they never change in these pairs).
  ratio    marked / least per pair; the table gives the mean and median over pairs and
           the ratio of the totals.
  exact    the oracle (/work/shared/tools/lo_oracle.py, one LibreOffice run for every file)
           applies Accept All / Reject All; the body paragraphs must equal, as lists of
           strings, the body of the clean new / old input read through the same oracle
           (and those are checked against tests/expect.py's expected_view). "loose" drops
           empty paragraphs on both sides before comparing.
  moves    move pairs the oracle finds kept in the file, against the moved matches above
           (the gold's own `moved` flag, which also counts changes of part, is printed).
  time     wall milliseconds per pair, median over pairs of the median of --repeat runs.
           redline: in-process compare + write_docx from parsed texts. Docxodus: one
           run_redline call, which starts the engine's native process each time (as the
           Python package always does). LibreOffice: load + compare + store per file inside
           one running soffice, its startup excluded (printed apart).

Run: python3 benchmarks/bench_peers.py [--pairs 20] [--seed 0] [--repeat 3]
                                       [--keep DIR] [--json out.json] [--docxodus-default]
Peers: pip install -e '.[bench]' (python-redlines, python-redlines-docxodus); LibreOffice
with python3-uno for the LibreOffice row and the oracle.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import inspect
import json
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

import redline
from redline.lines import header_lines, paragraph_lines, sequential, vote_lines
from redline.model import Resolution

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from expect import expected_view  # noqa: E402
from oracle import SYSTEM_PYTHON, run_oracle  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # test support
from support.evaluation import RevisionPair, revision_pairs  # noqa: E402

SEEDS = (ROOT / "examples" / "hrc-46-13.txt", ROOT / "examples" / "hrc-47-9.md")
LO_COMPARE = Path(__file__).resolve().parent / "lo_compare.py"
DATE = "2026-01-01T00:00:00Z"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TRACKED = {W + "ins": "ins", W + "del": "del", W + "moveFrom": "from", W + "moveTo": "to"}
TOKEN = re.compile(r"\w+|[^\w\s]")
WRITE_DEFAULTS = {
    name: p.default
    for name, p in inspect.signature(redline.write_docx).parameters.items()
    if p.default is not inspect.Parameter.empty
}


# -- least: what a faithful word-level redline must mark ---------------------------------


def changed_chars(a: str, b: str) -> int:
    """Characters of the changed word spans of a and b (word-token LCS, difflib)."""
    ta, tb = list(TOKEN.finditer(a)), list(TOKEN.finditer(b))
    sm = difflib.SequenceMatcher(None, [m.group() for m in ta], [m.group() for m in tb], False)
    n = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            n += ta[i2 - 1].end() - ta[i1].start()
        if j2 > j1:
            n += tb[j2 - 1].end() - tb[j1].start()
    return n


def deleted_chars(a: str, b: str) -> int:
    """Characters of the spans of a that b does not keep (word-token LCS)."""
    ta, tb = list(TOKEN.finditer(a)), list(TOKEN.finditer(b))
    sm = difflib.SequenceMatcher(None, [m.group() for m in ta], [m.group() for m in tb], False)
    return sum(
        ta[i2 - 1].end() - ta[i1].start()
        for op, i1, i2, _, _ in sm.get_opcodes()
        if op != "equal" and i2 > i1
    )


def paragraph_text(r: Resolution, indices: Sequence[int]) -> str:
    auto = sequential(r.paragraphs)
    return " ".join(
        line.text for i in indices for line in paragraph_lines(r.paragraphs[i], auto_numbers=auto)
    )


def moved_matches(pair: RevisionPair) -> set[int]:
    """Indices into pair.gold of the matches a redline must show out of place.

    Every gold match with both sides, in new order; the ones kept in place are the
    increasing run of old positions with the most new text (a weighted longest increasing
    subsequence), the rest moved. This is positional: a paragraph promoted from the last
    preambular to the first operative paragraph changed part but not place, so it is not
    moved here (the gold's `moved` flag counts it).
    """
    both = sorted(
        (k for k, g in enumerate(pair.gold) if g.old and g.new), key=lambda k: pair.gold[k].new[0]
    )
    weight = [len(paragraph_text(pair.new, pair.gold[k].new)) + 1 for k in both]
    best, prev = weight[:], [-1] * len(both)
    for i in range(len(both)):
        for j in range(i):
            if (
                pair.gold[both[j]].old[0] < pair.gold[both[i]].old[0]
                and best[j] + weight[i] > best[i]
            ):
                best[i], prev[i] = best[j] + weight[i], j
    kept: set[int] = set()
    i = max(range(len(both)), key=best.__getitem__, default=-1)
    while i >= 0:
        kept.add(both[i])
        i = prev[i]
    return set(both) - kept


def least_chars(pair: RevisionPair) -> int:
    old, new = pair.old, pair.new
    n = changed_chars(
        " ".join(ln.text for ln in header_lines(old)), " ".join(ln.text for ln in header_lines(new))
    )
    n += changed_chars(
        " ".join(ln.text for ln in vote_lines(old)), " ".join(ln.text for ln in vote_lines(new))
    )
    moved = moved_matches(pair)
    for k, g in enumerate(pair.gold):
        a, b = paragraph_text(old, g.old), paragraph_text(new, g.new)
        if g.kind == "added":
            n += len(b)
        elif g.kind == "deleted":
            n += len(a)
        elif k in moved:
            n += len(b) + deleted_chars(a, b)
        else:
            n += changed_chars(a, b)
    return n


# -- marked: what a tool's output asks the reader to read as change ----------------------


def marked_chars(docx: Path) -> dict[str, int]:
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    counts = {"ins": 0, "del": 0, "from": 0, "to": 0}
    moved: dict[str, list[str]] = {"from": [], "to": []}
    for el in root.iter(W + "t", W + "delText"):
        kinds = {TRACKED[a.tag] for a in el.iterancestors() if a.tag in TRACKED}
        if not kinds:
            continue
        kind = "from" if "from" in kinds else "to" if "to" in kinds else min(kinds)
        counts[kind] += len(el.text or "")
        if kind in moved:
            moved[kind].append(el.text or "")
    source = Counter(TOKEN.findall(" ".join(moved["from"])))
    left_behind = source - Counter(TOKEN.findall(" ".join(moved["to"])))
    counts["from_only"] = sum(len(t) * n for t, n in left_behind.items())
    counts["marked"] = counts["ins"] + counts["del"] + counts["to"] + counts["from_only"]
    return counts


# -- the tools -------------------------------------------------------------------------


@dataclass
class Tool:
    name: str
    outputs: dict[int, Path] = field(default_factory=dict)
    times_ms: dict[int, float] = field(default_factory=dict)
    errors: dict[int, str] = field(default_factory=dict)
    note: str = ""


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def run_redline(pairs: list[RevisionPair], out: Path, repeat: int, moves: bool | None) -> Tool:
    """moves=None: write_docx without the keyword (for a writer that has none)."""
    options = {} if moves is None else {"moves": moves}
    tool = Tool("redline" if moves is None else f"redline moves={moves}")
    if moves is not None and WRITE_DEFAULTS.get("moves") == moves:
        tool.note = "write_docx's default"
    for k, pair in enumerate(pairs):
        target = out / f"{k:02d}.{tool.name.replace(' ', '-')}.docx"

        def once(pair: RevisionPair = pair, target: Path = target) -> None:
            redline.write_docx(redline.compare(pair.old, pair.new), target, date=DATE, **options)

        try:
            once()  # warm-up, and the file the oracle reads
            tool.times_ms[k] = median_ms(once, repeat)
        except Exception as exc:  # a crash on one pair: record it, go on
            tool.errors[k] = f"{type(exc).__name__}: {exc}"
            continue
        tool.outputs[k] = target
    return tool


def run_docxodus(inputs: dict[int, tuple[Path, Path]], out: Path, repeat: int, moves: bool) -> Tool:
    tool = Tool("docxodus moves" if moves else "docxodus default")
    try:
        from python_redlines import DocxodusEngine

        engine = DocxodusEngine()
    except Exception as exc:  # not installed, no binary for this platform
        tool.note = f"{type(exc).__name__}: {exc}"
        return tool
    options: dict[str, Any] = {"date_time": DATE}
    if moves:
        options["detect_moves"] = True
    for k, (old, new) in inputs.items():
        target = out / f"{k:02d}.{tool.name.replace(' ', '-')}.docx"
        result: list[bytes] = []

        def once(old: Path = old, new: Path = new, result: list[bytes] = result) -> None:
            data, _, _ = engine.run_redline("Docxodus", old, new, **options)
            result[:] = [data]

        try:
            tool.times_ms[k] = median_ms(once, repeat)
        except Exception as exc:  # an engine failure on one pair: record it, go on
            tool.errors[k] = f"{type(exc).__name__}: {exc}"
            continue
        target.write_bytes(result[0])
        tool.outputs[k] = target
    return tool


def run_libreoffice(
    inputs: dict[int, tuple[Path, Path]], out: Path, repeat: int
) -> tuple[Tool, dict[str, Any]]:
    tool = Tool("LO compare")
    args: list[str] = []
    for k, (old, new) in inputs.items():
        for r in range(repeat):
            args += [str(old), str(new), str(out / f"{k:02d}.lo-compare.{r}.docx")]
    done = subprocess.run(
        [str(SYSTEM_PYTHON), str(LO_COMPARE), *args], capture_output=True, text=True, check=False
    )
    try:
        report: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError:
        tool.note = f"lo_compare.py failed ({done.returncode}): {done.stderr.strip()[-500:]}"
        return tool, {}
    for k in inputs:
        runs = [report["files"][str(out / f"{k:02d}.lo-compare.{r}.docx")] for r in range(repeat)]
        if not all(run["ok"] for run in runs):
            tool.errors[k] = next(run["error"] for run in runs if not run["ok"])
            continue
        tool.times_ms[k] = statistics.median(run["seconds"] * 1000 for run in runs)
        tool.outputs[k] = out / f"{k:02d}.lo-compare.0.docx"
    tool.note = f"soffice startup {report['startup_s'] * 1000:.0f} ms, excluded from time"
    return tool, report


# -- scoring -------------------------------------------------------------------------------


def nonempty(body: Sequence[str]) -> list[str]:
    return [p for p in body if p.strip()]


def score(
    tool: Tool,
    pairs: list[RevisionPair],
    least: list[int],
    reference: dict[int, tuple[list[str], list[str]]],
    oracle: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    rows = []
    for k, pair in enumerate(pairs):
        row: dict[str, Any] = {"pair": pair.name, "least": least[k]}
        if k not in tool.outputs:
            row["error"] = tool.errors.get(k, tool.note or "no output")
            rows.append(row)
            continue
        view = oracle[str(tool.outputs[k])]
        new_body, old_body = reference[k]
        marks = marked_chars(tool.outputs[k])
        row.update(marks)
        row["ratio"] = marks["marked"] / least[k] if least[k] else float("nan")
        row["time_ms"] = tool.times_ms[k]
        row["loaded"] = bool(view.get("loaded"))
        if row["loaded"]:
            acc, rej = view["accept"]["body"], view["reject"]["body"]
            row["accept_exact"] = acc == new_body
            row["reject_exact"] = rej == old_body
            row["accept_loose"] = nonempty(acc) == nonempty(new_body)
            row["reject_loose"] = nonempty(rej) == nonempty(old_body)
            row["remaining"] = view["accept"]["remaining"] + view["reject"]["remaining"]
            row["moves"] = view["moves"]
            row["redlines"] = view["redlines"]
        else:
            row["error"] = view.get("error", "not loaded")
        row["gold_moves"] = len(moved_matches(pair))
        rows.append(row)
    done = [r for r in rows if r.get("loaded")]
    ratios = [r["ratio"] for r in done]
    return {
        "tool": tool.name,
        "note": tool.note,
        "pairs": len(done),
        "accept_exact": sum(r["accept_exact"] for r in done),
        "reject_exact": sum(r["reject_exact"] for r in done),
        "accept_loose": sum(r["accept_loose"] for r in done),
        "reject_loose": sum(r["reject_loose"] for r in done),
        "ratio_mean": statistics.fmean(ratios) if ratios else None,
        "ratio_median": statistics.median(ratios) if ratios else None,
        "marked_total": sum(r["marked"] for r in done),
        "least_total": sum(r["least"] for r in done),
        "moves": sum(r["moves"] for r in done),
        "gold_moves": sum(len(moved_matches(p)) for p in pairs),
        "time_ms_median": statistics.median(r["time_ms"] for r in done) if done else None,
        "rows": rows,
    }


def fmt(summary: dict[str, Any], total: int) -> list[str]:
    if not summary["pairs"]:
        return [summary["tool"], f"0/{total}", *["-"] * 8]
    n = summary["pairs"]
    return [
        summary["tool"],
        f"{n}/{total}",
        f"{summary['accept_exact']}/{n}",
        f"{summary['reject_exact']}/{n}",
        f"{summary['accept_loose']}/{n}",
        f"{summary['reject_loose']}/{n}",
        f"{summary['ratio_mean']:.2f} / {summary['ratio_median']:.2f}",
        f"{summary['marked_total'] / summary['least_total']:.2f}",
        f"{summary['moves']}/{summary['gold_moves']}",
        f"{summary['time_ms_median']:.0f}",
    ]


HEAD = [
    "tool", "pairs", "accept exact", "reject exact", "accept loose", "reject loose",
    "ratio mean/median", "Σmarked/Σleast", "moves/gold", "time ms",
]  # fmt: skip


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[c]) for r in [HEAD, *rows]) for c in range(len(HEAD))]

    def line(r: list[str]) -> str:
        return "  ".join(
            v.ljust(w) if c == 0 else v.rjust(w) for c, (v, w) in enumerate(zip(r, widths))
        )

    return "\n".join([line(HEAD), "  ".join("-" * w for w in widths), *map(line, rows)])


def version_of(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per pair and tool")
    ap.add_argument("--keep", type=Path, help="write inputs and outputs here and keep them")
    ap.add_argument("--json", type=Path, help="dump every measurement here")
    ap.add_argument(
        "--docxodus-default", action="store_true", help="add Docxodus without detect_moves"
    )
    args = ap.parse_args(argv)
    started = time.perf_counter()

    bases = [redline.parse(p) for p in SEEDS]
    pairs = revision_pairs(bases, count=args.pairs, seed=args.seed)
    least = [least_chars(p) for p in pairs]
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_peers_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        inputs: dict[int, tuple[Path, Path]] = {}
        for k, pair in enumerate(pairs):
            old, new = work / f"{k:02d}.in-old.docx", work / f"{k:02d}.in-new.docx"
            redline.write_docx(redline.compare(pair.old, pair.old), old, date=DATE)
            redline.write_docx(redline.compare(pair.new, pair.new), new, date=DATE)
            inputs[k] = (old, new)

        tools = [
            *(
                [run_redline(pairs, work, args.repeat, moves=m) for m in (True, False)]
                if "moves" in WRITE_DEFAULTS
                else [run_redline(pairs, work, args.repeat, moves=None)]
            ),
            run_docxodus(inputs, work, args.repeat, moves=True),
        ]
        if args.docxodus_default:
            tools.append(run_docxodus(inputs, work, args.repeat, moves=False))
        lo_tool, lo_report = run_libreoffice(inputs, work, args.repeat)
        tools.append(lo_tool)

        files = [p for pair_in in inputs.values() for p in pair_in]
        files += [p for t in tools for p in t.outputs.values()]
        oracle = run_oracle(files, allow_unloaded=True)

        reference: dict[int, tuple[list[str], list[str]]] = {}
        input_check = 0
        for k, (old, new) in inputs.items():
            new_body, old_body = (
                oracle[str(new)]["accept"]["body"],
                oracle[str(old)]["accept"]["body"],
            )
            reference[k] = (new_body, old_body)
            expected_new = expected_view(
                pairs[k].new, auto_numbers=sequential(pairs[k].new.paragraphs)
            )
            expected_old = expected_view(
                pairs[k].old, auto_numbers=sequential(pairs[k].old.paragraphs)
            )
            input_check += new_body == expected_new[0] and old_body == expected_old[0]
        summaries = [score(t, pairs, least, reference, oracle) for t in tools]
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    kinds: dict[str, int] = {}
    for p in pairs:
        for g in p.gold:
            if g.kind != "unchanged" or g.moved:
                key = g.kind + (" moved" if g.moved else "")
                kinds[key] = kinds.get(key, 0) + 1
    print(
        f"Python {platform.python_version()} | LibreOffice {lo_report.get('version', '?')} | "
        f"redline {redline.__version__} | python-redlines {version_of('python-redlines')} | "
        f"python-redlines-docxodus {version_of('python-redlines-docxodus')}"
    )
    print(
        f"{len(pairs)} pairs (seed {args.seed}; gold: "
        + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items()))
        + f"); out of place: {sum(len(moved_matches(p)) for p in pairs)}"
        f"; least characters total {sum(least)}; clean inputs read back as expected_view: "
        f"{input_check}/{len(pairs)}"
    )
    print()
    print(table([fmt(s, len(pairs)) for s in summaries]))
    print()
    print(
        "exact: Accept All / Reject All body == clean new / old input's body (oracle); loose "
        "ignores empty paragraphs.\nratio: marked chars / least chars per pair (targets: "
        "redline <= 1.05 mean; Docxodus ~1.3, LibreOffice ~1.6 measured elsewhere).\n"
        f"time: median per pair over {args.repeat} runs; redline in-process from parsed "
        "texts, Docxodus one engine process per call, LibreOffice per file in a running soffice."
    )
    for s in summaries:
        if s["note"]:
            print(f"  {s['tool']}: {s['note']}")
        errors = [r for r in s["rows"] if "error" in r]
        for r in errors[:3]:
            print(f"  {s['tool']}: {r['pair']}: {r['error'][:300]}")
    print(f"(whole run {time.perf_counter() - started:.0f} s)")

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "python": platform.python_version(),
                    "libreoffice": lo_report.get("version"),
                    "lo_startup_s": lo_report.get("startup_s"),
                    "pairs": [{"name": p.name, "operations": p.operations} for p in pairs],
                    "tools": summaries,
                },
                indent=1,
                default=str,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
