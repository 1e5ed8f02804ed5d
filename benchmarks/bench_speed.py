"""Speed at every size, before and after, in one run on one machine (issue 14).

What it runs
  text->DOCX  N paragraphs of real corpus text (structured/ JSON of ../shared/corpus, distinct
              paragraphs, shuffled by --seed; 30 % preambular, the rest numbered operative)
              against a revision of them: ~10 % reworded (~15 % of their words substituted,
              dropped or added), ~1 % dropped, ~1 % added, N/100 moved. Timed:
              redline.compare(old_text, new_text) + redline.write_docx(..., BytesIO()).
  seed DOCX   the seed pair as Word files (tests/fixtures/docx, made by LibreOffice), what the
              CLI does for two .docx: compare(Path, Path) + write_docx onto the new file with
              the old one for paragraph changes (template=, old_template=).
  3000 DOCX   the 3,000-paragraph text pair, each side made a Word document by LibreOffice
              (soffice --convert-to docx of the text, one paragraph a line), then as seed DOCX.
  peer        jubarte-redlines (pip install -e '.[bench]'), compare_documents(old, new) on the
              seed DOCX bytes, in-process and warm, like redline's figure. Then both again
              in one process, a run of each in turn (--alternate rounds, default 40): this
              machine's speed drifts by a tenth between minutes, and a ratio of runs made
              side by side does not drift with it.

How it measures
  Each side runs in its own subprocess: "after" imports this checkout, "before" a git worktree
  of --before (default 6e8b8a2, the commit before issue 14) through PYTHONPATH, so both sides
  run the same script, on the same inputs, on this machine, in this run. A case is run once to
  warm up, then --repeat times (default 10): median, and min-max as the spread, milliseconds.
  A case whose warm-up run takes over --slow seconds is run 3 times instead (marked "3 runs").
  Peak RSS: a fresh subprocess per case and side, one run, the process's VmHWM (imports
  included). "same" says whether before and after wrote byte-identical DOCX files (fixed date).

Run: python3 benchmarks/bench_speed.py [--sizes 70,300,1000,3000,10000] [--repeat 10]
         [--before 6e8b8a2] [--worktree DIR] [--slow 20] [--profile N] [--seed 14]
         [--alternate 40]
  --profile N prints cProfile's top 10 (cumulative time) of one text->DOCX run of N
  paragraphs on each side instead of the table.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import os
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_DOCX = (
    ROOT / "tests/fixtures/docx/hrc-46-13.docx",
    ROOT / "tests/fixtures/docx/hrc-47-9.docx",
)
CORPUS = Path(os.environ.get("REDLINE_SHARED", ROOT.parent / "shared")) / "corpus"
DATE = "2026-01-01T00:00:00Z"
_FORMULA = re.compile(r"^\s*The [\w ,]*?(Council|Assembly)\s*,?\s*$")
_NUMBER = re.compile(r"^\d+\.?")
_EXTRA = ("also", "further", "duly", "fully", "inter alia", "notably")


# --- inputs (parent only) ---------------------------------------------------------------------


def corpus_paragraphs() -> list[str]:
    """Every distinct paragraph of structured/, in file order (sub-paragraphs kept inside)."""
    seen: dict[str, None] = {}
    for path in sorted((CORPUS / "structured").glob("*.json")):
        ops: list[str] = []
        for e in json.loads(path.read_text(encoding="utf-8")):
            if e.get("type") != "paragraph":
                continue
            text = " ".join(e["text"].split())
            if (
                e.get("paragraph_type") == "operative"
                and ops
                and not _NUMBER.match(e.get("prefix") or "1.")
            ):
                ops[-1] += f" {e['prefix']} {text}"
                continue
            if not _FORMULA.match(text) and len(text) > 20:
                ops.append(text)
        seen.update(dict.fromkeys(ops))
    return list(seen)


def _reword(text: str, rng: random.Random, share: float = 0.15) -> str:
    words = text.split(" ")
    out: list[str] = []
    for w in words:
        r = rng.random()
        if r < share / 3:
            out.append(rng.choice(words))
        elif r < 2 * share / 3:
            continue
        elif r < share:
            out += [w, rng.choice(_EXTRA)]
        else:
            out.append(w)
    return " ".join(out) if out else text


def render(paragraphs: list[str]) -> str:
    """A resolution text: formula, 30 % preambular, then numbered operative paragraphs."""
    cut = len(paragraphs) * 3 // 10
    ops = [f"{k}. {t}" for k, t in enumerate(paragraphs[cut:], 1)]
    return "\n\n".join(["The General Assembly,", *paragraphs[:cut], *ops]) + "\n"


def text_pair(pool: list[str], size: int, seed: int) -> tuple[list[str], list[str]]:
    """`size` corpus paragraphs and their revision (see the module's docstring)."""
    rng = random.Random(seed * 100_003 + size)
    picked = rng.sample(pool, size) if size <= len(pool) else [*pool, *rng.choices(pool, k=size)]
    picked = [_reword(t, rng, 0.1) if k >= len(pool) else t for k, t in enumerate(picked)]
    new: list[str] = []
    for text in picked:
        r = rng.random()
        if r < 0.01:
            continue  # dropped
        new.append(_reword(text, rng) if r < 0.11 else text)
        if rng.random() < 0.01:
            words = rng.choice(pool).split(" ")
            rng.shuffle(words)
            new.append(" ".join(words))  # added: known words, a new order
    for _ in range(max(1, size // 100)):  # moved
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    return picked, new


def libreoffice_docx(paragraphs: list[str], target: Path) -> Path:
    """A Word document made by LibreOffice from plain text, one paragraph a line."""
    txt = target.with_name(f"{target.stem}-lines.txt")  # not the text case's own file
    txt.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--infilter=Text (encoded):UTF8,LF,,,",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(target.parent),
                str(txt),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    txt.with_suffix(".docx").rename(target)
    return target


def build_inputs(sizes: list[int], seed: int, work: Path) -> list[dict[str, object]]:
    pool = corpus_paragraphs()
    cases: list[dict[str, object]] = []
    for size in sizes:
        old, new = text_pair(pool, size, seed)
        (work / f"old-{size}.txt").write_text(render(old), encoding="utf-8")
        (work / f"new-{size}.txt").write_text(render(new), encoding="utf-8")
        cases.append({"name": f"text->DOCX {size}", "kind": "text", "size": size})
    cases.append({"name": "seed DOCX->DOCX", "kind": "docx", "old": str(SEED_DOCX[0])})
    cases[-1]["new"] = str(SEED_DOCX[1])
    old, new = text_pair(pool, 3000, seed)
    a = libreoffice_docx(old, work / "old-3000.docx")
    b = libreoffice_docx(new, work / "new-3000.docx")
    cases.append({"name": "3000 DOCX->DOCX", "kind": "docx", "old": str(a), "new": str(b)})
    return cases


# --- one side (worker subprocess) -------------------------------------------------------------


def runner(case: dict[str, object], work: Path) -> Callable[[], bytes]:
    import redline

    def text() -> bytes:
        size = case["size"]
        old = (work / f"old-{size}.txt").read_text(encoding="utf-8")
        new = (work / f"new-{size}.txt").read_text(encoding="utf-8")
        out = io.BytesIO()
        redline.write_docx(redline.compare(old, new), out, date=DATE)
        return out.getvalue()

    def docx() -> bytes:
        old, new = Path(str(case["old"])), Path(str(case["new"]))
        out = io.BytesIO()
        c = redline.compare(old, new)
        redline.write_docx(c, out, date=DATE, template=new, old_template=old)
        return out.getvalue()

    return text if case["kind"] == "text" else docx


def peak_kib() -> int:
    """This process's peak resident memory, KiB: VmHWM, which starts afresh with the
    process (ru_maxrss keeps the peak of the parent it was forked from)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def once(fn: Callable[[], object]) -> float:
    """One run of `fn`, milliseconds, after a collection (none falls inside a timing)."""
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def timed(fn: Callable[[], object], repeat: int, slow: float) -> dict[str, float]:
    t0 = time.perf_counter()
    fn()  # warm-up: first-use caches are not what is measured
    if time.perf_counter() - t0 > slow:
        repeat = 3
    runs = [once(fn) for _ in range(repeat)]
    return {"median": statistics.median(runs), "min": min(runs), "max": max(runs), "n": repeat}


def worker(args: argparse.Namespace) -> None:
    import redline

    work = Path(args.worker)
    cases = json.loads((work / "cases.json").read_text())
    if args.case is not None:  # one run in a fresh process: its peak RSS
        if args.max_size and int(str(cases[args.case].get("size", 0))) > args.max_size:
            print(json.dumps({"rss": None}))
            return
        runner(cases[args.case], work)()
        print(json.dumps({"rss": peak_kib()}))
        return
    if args.turns:
        print(json.dumps(alternated(args.turns)))
        return
    if args.profile:
        fn = runner({"kind": "text", "size": args.profile}, work)
        fn()
        profile = cProfile.Profile()
        profile.runcall(fn)
        print(f"redline at {Path(redline.__file__).parent.parent}")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(12)
        pstats.Stats(profile).sort_stats("tottime").print_stats(10)
        return
    out: dict[int, object] = {}
    for k, case in enumerate(cases):
        if args.max_size and int(str(case.get("size", 0))) > args.max_size:
            out[k] = None  # too slow on this side to time in this run
            continue
        fn = runner(case, work)
        out[k] = {**timed(fn, args.repeat, args.slow), "sha": hashlib.sha256(fn()).hexdigest()}
        print(f"  {Path(redline.__file__).parent.parent}: {case['name']} done", file=sys.stderr)
    print(json.dumps(out))


# --- the table (parent) -----------------------------------------------------------------------


def side(root: Path, argv: list[str]) -> str:
    env = {**os.environ, "PYTHONPATH": str(root)}
    cmd = [sys.executable, str(Path(__file__).resolve()), *argv]
    done = subprocess.run(cmd, env=env, check=True, stdout=subprocess.PIPE, text=True)
    return done.stdout


def peer_seed(repeat: int) -> dict[str, float] | None:
    try:
        import jubarte_redlines
    except ImportError:
        return None
    old, new = (p.read_bytes() for p in SEED_DOCX)
    return timed(lambda: jubarte_redlines.compare_documents(old, new), repeat, 60)


def alternated(rounds: int) -> dict[str, float] | None:
    """The seed DOCX pair, redline (as `runner` times it) and jubarte-redlines in turn in
    this process, `rounds` times after a warm-up of each: medians, and the median, min and
    max of the rounds' ratios (redline / jubarte)."""
    try:
        import jubarte_redlines
    except ImportError:
        return None
    ours = runner({"kind": "docx", "old": str(SEED_DOCX[0]), "new": str(SEED_DOCX[1])}, ROOT)
    old, new = (p.read_bytes() for p in SEED_DOCX)

    def peer() -> object:
        return jubarte_redlines.compare_documents(old, new)

    ours(), peer()
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        mine.append(once(ours))
        theirs.append(once(peer))
    ratios = [a / b for a, b in zip(mine, theirs)]
    return {
        "redline": statistics.median(mine),
        "peer": statistics.median(theirs),
        "ratio": statistics.median(ratios),
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
        "n": rounds,
    }


def fmt(t: dict[str, float] | None) -> str:
    if t is None:
        return "-"
    spread = (
        f"{t['min']:.0f}-{t['max']:.0f}" if t["median"] >= 100 else f"{t['min']:.1f}-{t['max']:.1f}"
    )
    runs = "" if t["n"] >= 10 else f" ({t['n']:.0f} runs)"
    value = f"{t['median']:.0f}" if t["median"] >= 100 else f"{t['median']:.1f}"
    return f"{value} [{spread}]{runs}"


def worktree(commit: str, path: Path) -> Path:
    if not (path / "redline" / "__init__.py").exists():
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), commit],
            check=True,
            capture_output=True,
        )
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="70,300,1000,3000,10000")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--before", default="6e8b8a2")
    ap.add_argument("--worktree", default=None, help="where the before worktree is (made)")
    ap.add_argument("--slow", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--profile", type=int, default=0)
    ap.add_argument(
        "--before-max", type=int, default=3000, help="largest text size timed on the before side"
    )
    ap.add_argument(
        "--alternate", type=int, default=40, help="seed pair rounds, redline and peer in turn"
    )
    ap.add_argument("--max-size", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--turns", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--case", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args)
        return
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else []
    before = worktree(args.before, Path(args.worktree or f"/tmp/redline-before-{args.before}"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.profile:
            sizes = [args.profile]
        cases = build_inputs(sizes, args.seed, work)
        (work / "cases.json").write_text(json.dumps(cases))
        common = ["--worker", str(work), "--repeat", str(args.repeat), "--slow", str(args.slow)]
        if args.profile:
            for name, root in (("before", before), ("after", ROOT)):
                print(f"=== {name} ===")
                print(side(root, [*common, "--profile", str(args.profile)]))
            return
        times = {
            name: json.loads(side(root, common))
            for name, root in (("before", before), ("after", ROOT))
        }
        rss = {
            name: [
                json.loads(side(root, [*common, "--case", str(k)]))["rss"]
                for k in range(len(cases))
            ]
            for name, root in (("before", before), ("after", ROOT))
        }
        peer = peer_seed(args.repeat)
        turns = None
        if args.alternate and any(c["kind"] == "docx" for c in cases):
            turns = json.loads(side(ROOT, [*common, "--turns", str(args.alternate)]))
    print(
        f"redline before ({args.before}) and after (this checkout), {os.cpu_count()} CPUs, "
        f"python {sys.version.split()[0]}; ms: median [min-max] of {args.repeat} warm runs"
    )
    head = (
        f"{'case':<18} {'before ms':>22} {'after ms':>20} {'x faster':>8} {'same':>5} "
        f"{'RSS MiB b/a':>12}  peer (jubarte) ms"
    )
    print(head)
    print("-" * len(head))
    for k, case in enumerate(cases):
        b, a = times["before"][str(k)], times["after"][str(k)]
        same = "-" if b is None else "yes" if a["sha"] == b["sha"] else "NO"
        mem = "/".join(
            "-" if r is None else f"{r / 1024:.0f}" for r in (rss["before"][k], rss["after"][k])
        )
        other = fmt(peer) if case["name"].startswith("seed") else ""
        if other and peer:
            other += f" (redline/jubarte {a['median'] / peer['median']:.2f})"
        gain = f"{b['median'] / a['median']:.1f}" if b else "-"
        print(
            f"{case['name']:<18} {fmt(b):>22} {fmt(a):>20} {gain:>8} {same:>5} {mem:>12}  {other}"
        )
    if peer is None:
        print("peer: jubarte-redlines is not installed (pip install -e '.[bench]')")
    if turns:
        print(
            f"seed DOCX pair, redline and jubarte in turn in one process, {turns['n']:.0f} "
            f"rounds: redline {turns['redline']:.1f} ms, jubarte {turns['peer']:.0f} ms "
            f"(medians); redline/jubarte {turns['ratio']:.3f} "
            f"[{turns['ratio_min']:.3f}-{turns['ratio_max']:.3f}] (the rounds' ratios)"
        )


if __name__ == "__main__":
    main()
