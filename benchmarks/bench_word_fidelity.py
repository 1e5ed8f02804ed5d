"""Word fidelity: is the redline of two real Word files the drafter's own document?

For every Word-made pair in the shared folder's `word-samples/revisions` (each
`NAME-Rejected.docx` → `NAME-Accepted.docx` is an old → new pair Word itself made) and any
extra pairs named on the command line (OLD NEW), this writes redline's DOCX onto the new
document (as the command line does) and asks LibreOffice (the shared oracle, one start) for
Accept All and Reject All of it and of both inputs. Per pair it prints:

- text: Accept All's body, footnotes and endnotes equal the new document's, Reject All's the
  old one's (strings as LibreOffice holds them, white space runs folded);
- numbers: the list labels equal;
- structure: tables, pictures, embedded objects, shapes and their text, fields, hyperlinks and
  line breaks equal (Word's hidden `_GoBack` bookmark and LibreOffice's move-range
  bookmarks aside: tests/support/fidelity.py);
- the first difference found.

    python benchmarks/bench_word_fidelity.py [--json OUT] [OLD.docx NEW.docx ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import redline
from oracle import locate_shared_dir, run_oracle
from support.fidelity import judge


def pairs(extra: list[str]) -> list[tuple[str, Path, Path]]:
    folder = locate_shared_dir() / "word-samples" / "revisions"
    found = []
    for old in sorted(folder.glob("*-Rejected.docx")):
        new = old.with_name(old.name.replace("-Rejected", "-Accepted"))
        if new.exists():
            found.append((old.name.removesuffix("-Rejected.docx"), old, new))
    for i in range(0, len(extra) - 1, 2):
        old, new = Path(extra[i]), Path(extra[i + 1])
        found.append((f"{old.stem}→{new.stem}", old, new))
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("extra", nargs="*", help="more OLD NEW pairs")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep", type=Path, help="also keep each redline as KEEP/<pair>.docx")
    args = ap.parse_args()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        files: list[Path] = []
        done: list[tuple[str, Path, Path, Path]] = []
        for name, old, new in pairs(args.extra):
            out = Path(tmp) / f"{len(done):03d}.docx"
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    c = redline.compare(old, new)
                    redline.write_docx(
                        c, out, template=new, old_template=old, date="2026-01-01T00:00:00Z"
                    )
            except redline.RedlineError as exc:
                rows.append({"name": name, "error": f"{type(exc).__name__}: {exc}"})
                continue
            done.append((name, old, new, out))
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{name}.docx").write_bytes(out.read_bytes())
            files += [old, new, out]
        report = run_oracle(sorted(set(files)), timeout=1800) if files else {}
        for name, old, new, out in done:
            rows.append({"name": name, **judge(report, out, old, new)})
    rows.sort(key=lambda r: r["name"])
    width = max(len(r["name"]) for r in rows)
    print(f"{'pair':<{width}}  text  numbers  structure  first difference")
    for r in rows:
        if "error" in r:
            print(f"{r['name']:<{width}}  refused: {r['error'][:90]}")
            continue
        marks = ["yes" if r[k] else "NO" for k in ("text", "numbers", "structure")]
        print(
            f"{r['name']:<{width}}  {marks[0]:<4}  {marks[1]:<7}  {marks[2]:<9}  {r['why'][:100]}"
        )
    ok = [r for r in rows if "error" not in r]
    n = len(rows)
    print(
        f"\n{n} pairs: text exact {sum(r['text'] for r in ok)}/{n}, numbers "
        f"{sum(r['numbers'] for r in ok)}/{n}, "
        f"structure kept {sum(r['structure'] for r in ok)}/{n}, "
        f"all three {sum(r['text'] and r['numbers'] and r['structure'] for r in ok)}/{n}, "
        f"refused {n - len(ok)}"
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
