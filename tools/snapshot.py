"""Write every redline and match report of a fixed set of cases, with their SHA-256, to a folder.

Run before and after a change that must not change any output (a refactoring), then compare
the two manifests:

    python3 tools/snapshot.py /tmp/before        # on the old commit
    python3 tools/snapshot.py /tmp/after         # on the new one
    python3 tools/snapshot.py --diff /tmp/before /tmp/after

Cases: the seed pair as text and as Word files (both directions; clean document, written onto
the new file, with the old file's looks, without moves), every pair of the Word test fixtures
that the suite compares, text against Word, the real Word pairs of ../shared/word-samples
(Rejected -> Accepted), the hand-gold corpus pairs, generated revision pairs of the seeds
(the alignment benchmark's), two official PDFs of one series, and the Universal Declaration in
six languages against a revision of itself. A case that raises records its error message.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import redline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIX = ROOT / "tests" / "fixtures" / "docx"
DATE = "2026-01-01T00:00:00Z"


def _generated() -> Iterator[tuple[str, Any, Any]]:
    from support.evaluation.generate import revision_pairs

    bases = [
        redline.parse(ROOT / "examples" / "hrc-46-13.txt"),
        redline.parse(ROOT / "examples" / "hrc-47-9.md"),
    ]
    for pair in revision_pairs(bases, count=16, seed=7):
        yield f"generated {pair.name}", pair.old, pair.new


def _gold() -> Iterator[tuple[str, Any, Any]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from support.evaluation.gold import gold_pairs

    for name, old, new, _ in gold_pairs():
        yield f"gold {name}", old, new


def cases() -> Iterator[tuple[str, Any, Any, dict[str, Any]]]:
    ex = ROOT / "examples"
    t46, t47 = ex / "hrc-46-13.txt", ex / "hrc-47-9.md"
    d46, d47 = FIX / "hrc-46-13.docx", FIX / "hrc-47-9.docx"
    for a, b in ((t46, t47), (t47, t46)):
        yield f"text {a.name}->{b.name}", a, b, {}
        yield f"text {a.name}->{b.name} no-moves", a, b, {"moves": False}
    for a, b in ((d46, d47), (d47, d46)):
        yield f"docx {a.name}->{b.name} plain", a, b, {}
        yield f"docx {a.name}->{b.name} onto", a, b, {"template": b, "old_template": a}
        yield f"docx {a.name}->{b.name} onto no-moves", a, b, {"template": b, "moves": False}
    yield "text->docx 46->47 onto", t46, d47, {"template": d47}
    yield "docx->text 47->46", d47, t46, {}
    notes = sorted(FIX.glob("notes-*.docx"))
    for f in notes:
        base = FIX / ("notes-endnotes-old.docx" if "endnotes" in f.name else "notes-old.docx")
        if f != base:
            yield f"notes {base.name}->{f.name}", base, f, {"template": f}
            yield f"notes {f.name}->{base.name} plain", f, base, {}
    yield (
        "looks",
        FIX / "looks-old.docx",
        FIX / "looks-new.docx",
        {
            "template": FIX / "looks-new.docx",
            "old_template": FIX / "looks-old.docx",
        },
    )
    for f in ("subparagraphs.docx", "tracked-changes.docx", "fields-links.docx"):
        yield f"fixture {f}->47/9", FIX / f, d47, {"template": d47}
    revisions = SHARED / "word-samples" / "revisions"
    for rejected in sorted(revisions.glob("*-Rejected.docx")):
        accepted = rejected.with_name(rejected.name.replace("-Rejected", "-Accepted"))
        if accepted.exists():
            yield f"word-sample {rejected.name}", rejected, accepted, {"template": accepted}
    for name, old, new in _gold():
        yield name, old, new, {}
    for name, old, new in _generated():
        yield name, old, new, {}
        yield name + " no-moves", old, new, {"moves": False}
    pdf = SHARED / "corpus" / "pdf"
    yield "pdf 78/203->79/170", pdf / "A_RES_78_203.pdf", pdf / "A_RES_79_170.pdf", {}
    udhr = SHARED / "corpus" / "multilingual" / "udhr"
    for f in sorted(udhr.glob("udhr_*.txt")):
        text = f.read_text(encoding="utf-8")
        lines = text.splitlines()
        revised = "\n".join(lines[:3] + lines[5:] + lines[3:5]) + "\n"
        yield f"udhr {f.name}", f, revised, {}


def _run(old: Any, new: Any, options: dict[str, Any]) -> tuple[bytes, bytes]:
    import tempfile

    c = redline.compare(old, new)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.docx"
        redline.write_docx(c, out, author="snapshot", date=DATE, **options)
        docx = out.read_bytes()
    rep = json.dumps(redline.report(c), ensure_ascii=False, sort_keys=True, indent=1).encode()
    return docx, rep


def snapshot(folder: Path) -> dict[str, dict[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict[str, str]] = {}
    for k, (name, old, new, options) in enumerate(cases()):
        entry: dict[str, str] = {}
        try:
            docx, rep = _run(old, new, options)
        except redline.RedlineError as exc:
            entry["error"] = f"{type(exc).__name__}: {exc}"
        except Exception:  # a crash is recorded, not hidden
            entry["crash"] = traceback.format_exc(limit=3)
        else:
            (folder / f"{k:03d}.docx").write_bytes(docx)
            (folder / f"{k:03d}.json").write_bytes(rep)
            entry["docx"] = hashlib.sha256(docx).hexdigest()
            entry["report"] = hashlib.sha256(rep).hexdigest()
            entry["file"] = f"{k:03d}"
        manifest[name] = entry
        print(f"{k:03d} {name}: {entry.get('error') or entry.get('crash') or 'ok'}", flush=True)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return manifest


def diff(a: Path, b: Path) -> int:
    before = json.loads((a / "manifest.json").read_text())
    after = json.loads((b / "manifest.json").read_text())
    bad = 0
    for name in sorted(set(before) | set(after)):
        x, y = before.get(name), after.get(name)
        keys = ("docx", "report", "error")
        if x is None or y is None or any(x.get(k) != y.get(k) for k in keys):
            bad += 1
            print(f"DIFFERENT {name}: {x} -> {y}")
    print(f"{len(before)} cases before, {len(after)} after, {bad} different")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--diff", action="store_true", help="compare two snapshot folders")
    ap.add_argument("folders", nargs="+", type=Path)
    args = ap.parse_args()
    if args.diff:
        return diff(*args.folders)
    snapshot(args.folders[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
