"""A speed change writes the same files: this checkout against another commit, byte for byte.

    python3 benchmarks/check_same_output.py [--base 64d403d] [--pairs 150] [--worktree DIR]

Issue 14 asks for byte-identical output while faster. For every case below, each side (a
git worktree of --base, and this checkout) computes in its own process, with PYTHONPATH on
its tree: the SHA-1 of the written DOCX (fixed change date) and of the JSON report
(`redline.report`), or the error's type. Cases: bench_speed's text pairs of 70, 300 and
1,000 corpus paragraphs; --pairs consecutive versions of the corpus's series as pasted text
(bench_batch's pairs); the example resolutions; every pair of Word files in
tests/fixtures/docx in name order, and each Word sample's rejected and accepted versions
(../shared/word-samples/revisions). Prints how many cases agree and names those that do not;
exits 1 if any differs.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATE = "2026-01-01T00:00:00Z"


def cases(pairs: int) -> list[tuple[str, object, object]]:
    """(name, old, new): texts as str, Word files as Path."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_batch
    import bench_speed

    out: list[tuple[str, object, object]] = []
    pool = bench_speed.corpus_paragraphs()
    for size in (70, 300, 1000):
        old, new = bench_speed.text_pair(pool, size, 14)
        out.append((f"text {size}", bench_speed.render(old), bench_speed.render(new)))
    for x, y in bench_batch.series_pairs(bench_speed.CORPUS)[:pairs]:
        out.append((f"{x.name} -> {y.name}", bench_batch.as_text(x), bench_batch.as_text(y)))
    examples = ROOT / "examples"
    out.append(("examples", examples / "hrc-46-13.txt", examples / "hrc-47-9.md"))
    docx = sorted((ROOT / "tests/fixtures/docx").glob("*.docx"))
    out += [(f"{a.name} -> {b.name}", a, b) for a, b in pairwise(docx)]
    samples = bench_speed.CORPUS.parent / "word-samples" / "revisions"
    for rejected in sorted(samples.glob("*-Rejected.docx")):
        accepted = rejected.with_name(rejected.name.replace("-Rejected", "-Accepted"))
        if accepted.exists():
            out.append((rejected.stem.removesuffix("-Rejected"), rejected, accepted))
    return out


def digests(pairs: int) -> dict[str, str]:
    import redline

    found = {}
    for name, old, new in cases(pairs):
        try:
            comparison = redline.compare(old, new)  # type: ignore[arg-type]
            written = io.BytesIO()
            redline.write_docx(comparison, written, date=DATE)
            report = json.dumps(redline.report(comparison), ensure_ascii=False, sort_keys=True)
            found[name] = (
                hashlib.sha1(written.getvalue()).hexdigest()
                + " "
                + hashlib.sha1(report.encode()).hexdigest()
            )
        except redline.RedlineError as error:
            found[name] = f"error {type(error).__name__}"
    return found


def side(tree: Path, pairs: int) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, str(Path(__file__).resolve()), "--digests", str(pairs)]
    done = subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE, text=True)
    return dict(json.loads(done.stdout))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="64d403d")
    parser.add_argument("--pairs", type=int, default=150)
    parser.add_argument("--worktree", default=None)
    parser.add_argument("--digests", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.digests is not None:
        print(json.dumps(digests(args.digests)))
        return 0
    base = Path(args.worktree or f"/tmp/redline-base-{args.base}")
    if not base.exists():
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.base],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    before, after = side(base, args.pairs), side(ROOT, args.pairs)
    differ = [name for name in before if before[name] != after.get(name)]
    print(f"{len(before) - len(differ)} of {len(before)} cases write the same bytes as {args.base}")
    for name in differ:
        print(f"  differs: {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
