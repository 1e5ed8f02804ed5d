"""Time PDF input on the six official GA PDFs of the corpus, and count what it reads.

What it measures
  For each PDF in <shared>/corpus/pdf/: `redline.parse(Path)` — pdfminer.six reading the
  glyphs, the layout passes (lines, furniture, footnotes, paragraphs), the structure pass
  and the conservation check — timed with time.perf_counter over N runs (--repeat,
  default 5) after one warm-up run; and the glyph reading alone
  (`redline.pdf._glyphs.load_pages`), which is most of it.
  Counts: pages, preambular paragraphs (without the enacting formula), operative
  paragraphs, sub-paragraphs, footnotes, leads read from italic fonts, and, for the four
  that have a structured/ version, whether the paragraph counts under the corpus's
  conventions (formula as preambular, sub-paragraphs as separate elements) and the folded
  texts (whitespace, U+2011/U+2010 as "-") are equal.

How to read the table
  ms: median (min–max) of the runs; "glyphs ms" is pdfminer's share. "=struct" says
  counts/texts equal to structured/ ("-" where no structured/ version exists).

Run: python3 benchmarks/bench_pdf.py [--repeat N] [--shared DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import redline
from redline.model import Resolution
from redline.pdf import read_pdf
from redline.pdf._glyphs import load_pages

ROOT = Path(__file__).resolve().parents[1]
NAMES = (
    "A_RES_78_199",
    "A_RES_78_203",
    "A_RES_79_166",
    "A_RES_79_170",
    "A_RES_80_204",
    "A_RES_80_207",
)


def _timed(run: Callable[[], object], repeat: int) -> list[float]:
    run()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub("[\u2010\u2011]", "-", text)).strip()


def _elements(r: Resolution) -> list[tuple[str, str]]:
    out = [("preambular", r.formula)] + [("preambular", p.text) for p in r.preamble]
    for p in r.operative:
        out.append(("operative", p.text))
        out += [("operative", s.text) for s in p.subparagraphs]
    return out


def _structured(corpus: Path, symbol: str) -> list[tuple[str, str]] | None:
    with (corpus / "MANIFEST.csv").open(encoding="utf-8") as f:
        paths = [
            r["path"]
            for r in csv.DictReader(f)
            if r["symbol"] == symbol and r["path"].startswith("structured/")
        ]
    if not paths:
        return None
    elements = json.loads((corpus / paths[0]).read_text(encoding="utf-8"))
    return [(e["paragraph_type"], e["text"]) for e in elements if e["type"] == "paragraph"]


def _italic_leads(path: Path, r: Resolution) -> int:
    lines = read_pdf(path.read_bytes(), source=str(path))[0]
    by_number = {ln.number: ln for ln in lines if ln.footnote is None and ln.text}
    count = 0
    for p in r.preamble + r.operative:
        line = by_number[p.line]
        start = line.text.index(p.text)
        count += [line.text[a:b].rstrip() for a, b in line.italic if a == start] == [p.lead]
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    corpus = args.shared / "corpus"
    head = (
        f"{'PDF':<14}{'pages':>6}{'PP':>5}{'OP':>5}{'sub':>5}{'notes':>6}{'italic':>7}"
        f"{'=struct':>9}{'ms median (min-max)':>24}{'glyphs ms':>11}"
    )
    print(head)
    print("-" * len(head))
    total = 0.0
    for name in NAMES:
        path = corpus / "pdf" / f"{name}.pdf"
        data = path.read_bytes()
        whole = _timed(lambda path=path: redline.parse(path), args.repeat)
        glyphs = _timed(lambda data=data: load_pages(data, source="bench"), args.repeat)
        r = redline.parse(path)
        pages = len(load_pages(data, source=name)[0])
        gold = _structured(corpus, r.header.symbol or "")
        if gold is None:
            same = "-"
        else:
            ours = _elements(r)
            counts = [k for k, _ in ours] == [k for k, _ in gold]
            texts = counts and all(_fold(a) == _fold(b) for (_, a), (_, b) in zip(ours, gold))
            same = f"{'yes' if counts else 'NO'}/{'yes' if texts else 'NO'}"
        median = statistics.median(whole)
        total += median
        print(
            f"{name:<14}{pages:>6}{len(r.preamble):>5}{len(r.operative):>5}"
            f"{sum(len(p.subparagraphs) for p in r.paragraphs):>5}{len(r.footnotes):>6}"
            f"{_italic_leads(path, r):>7}{same:>9}"
            f"{f'{median:.0f} ({min(whole):.0f}-{max(whole):.0f})':>24}"
            f"{statistics.median(glyphs):>11.0f}"
        )
    print(f"{'all six':<14}{'':>52}{f'{total:.0f}':>24}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
