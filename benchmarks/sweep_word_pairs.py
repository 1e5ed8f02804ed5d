"""Robustness sweep: redlines of random pairs of Word documents nobody paired on purpose.

Takes every .docx of the project's fixtures, the LibreOffice-made element pairs and Word's
accepted samples, draws N ordered pairs (seeded), and for each writes the redline onto the
new file and reads Accept All and Reject All back by the second reader of the tests
(`tests/support/applied.py`): each must give its file's paragraphs and elements. Prints the
pairs refused with a typed error (other than empty input), those whose views differ, and
any crash (a Python exception that is not a RedlineError).

    python benchmarks/sweep_word_pairs.py [--pairs 400] [--seed 5]
"""

from __future__ import annotations

import argparse
import io
import itertools
import random
import sys
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import redline  # noqa: E402
from oracle import locate_shared_dir  # noqa: E402
from redline.word.write._file import in_place  # noqa: E402
from support.applied import view  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=400)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    files = sorted((ROOT / "tests" / "fixtures" / "docx").glob("*.docx"))
    files += sorted((ROOT / "tests" / "word" / "fixtures" / "elements").glob("*.docx"))
    files += sorted((locate_shared_dir() / "word-samples" / "revisions").glob("*-Accepted.docx"))
    random.seed(args.seed)
    everything = list(itertools.permutations(files, 2))
    pairs = random.sample(everything, min(args.pairs, len(everything)))
    counts = {"in place": 0, "refused": 0, "views differ": 0, "crashed": 0}
    for old, new in pairs:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                c = redline.compare(old, new)
                out = io.BytesIO()
                redline.write_docx(c, out, template=new, old_template=old, date="2026-01-01")
            if not in_place(c):
                continue
            counts["in place"] += 1
            written = out.getvalue()
            if view(written, "accept") != view(new.read_bytes(), "accept") or view(
                written, "reject"
            ) != view(old.read_bytes(), "accept"):
                counts["views differ"] += 1
                print(f"views differ: {old.name} -> {new.name}")
        except redline.EmptyInputError:
            continue
        except redline.RedlineError as exc:
            counts["refused"] += 1
            print(f"refused: {old.name} -> {new.name}: {type(exc).__name__}: {exc}"[:200])
        except Exception:
            counts["crashed"] += 1
            print(f"crashed: {old.name} -> {new.name}")
            traceback.print_exc(limit=4)
    print(
        f"{len(pairs)} pairs (seed {args.seed}): "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
