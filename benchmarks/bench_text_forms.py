"""The same resolution in several text forms: does each parse to the corpus's own structure?

What it measures
  Every resolution that is in both <shared>/corpus/pdf-text/ and structured/ (30), read in
  each form the corpus has it in, against the structured/ version's elements as gold:

  - pdf-text: the raw text pulled from the official PDF (the JSON's `text`), running heads,
    page and job numbers, footnote blocks and page-cut paragraphs included;
  - pdf: the official PDF itself (pdfminer.six, the `pdf` extra), where corpus/pdf/ has it;
  - markdown: corpus/markdown/, where it has the same resolution (none of the 30 today);
  - clean-blank / clean-lines: the structured version's own elements written out as a
    drafter pastes clean text, one element per block (blank lines between) or one per line
    (no blank lines): frontmatter, title, each paragraph with its printed prefix
    ("1.", "(a)"), backmatter. They must never be re-paragraphed.

  Gold, from structured/ under its conventions (corpus/README.md): elements of type
  "paragraph"; preambular count includes the enacting formula; sub-paragraphs (a), (b)… are
  separate elements of their parent's part. A parse is put in the same shape: the formula
  and each preambular paragraph (and its sub-paragraphs) as preambular, each operative
  paragraph and each of its sub-paragraphs as operative; section headings ("II",
  "Informal system": no lead, no number, no closing sign, at most 150 characters), which
  structured/ does not count and the parse reads as paragraphs without a lead, left out.

  Columns: "=counts" how many have exactly the gold PP and OP counts; "texts" the share of
  gold element texts found among the parse's element texts (a multiset), both folded:
  whitespace runs to one space, hyphens (U+2010/U+2011/U+00AD) to "-" or nothing, curly
  quotes to straight, and footnote marks (digits glued after a letter or closing sign,
  "1993,1 for", "tenth4 and") removed on both sides — structured/ drops the marks.

  compare(): the same resolution in two forms compared with `redline.compare()`; "changed"
  counts matches that are not `unchanged` (modified, added, deleted, split, merged), summed
  over the pairs, split by what differs — footnote references only (structured/ drops
  footnotes), spacing only (no-break spaces, hyphen variants, composed/decomposed
  letters: "Niño", format characters: U+200E), or text — and how many pairs
  have none.

  Guard: the 902 hard-wrapped Security Council OCR texts — total non-blank lines, total
  paragraphs (sub-paragraphs included) and structured parses; with --ocr-baseline, the
  per-text counts are saved on the first run and the texts whose count changed listed on
  the next (wrapped lines no longer rejoined would show as many more paragraphs).

Run: python3 benchmarks/bench_text_forms.py [--shared DIR] [--verbose] [--ocr-baseline FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redline
from redline.model import Kind, Paragraph, Resolution

ROOT = Path(__file__).resolve().parents[1]

_MARK = re.compile(r"(?<=[^\W\d_]|[,;:.”’)\]])\d{1,3}(?=[\s,;:.)]|$)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u2010": "-", "\u2011": "-"})


def fold(text: str) -> str:
    """Whitespace, hyphens, quotes and footnote marks folded, as both sides are compared."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cf").translate(_QUOTES)
    text = re.sub(r"(?<=\w)- (?=\w)", "-", text)  # "good- neighbourliness": a wrapped hyphen
    text = _MARK.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(slots=True)
class Gold:
    """The structured/ version: element texts by part, and the text a drafter would paste."""

    preambular: list[str]
    operative: list[str]
    blocks: list[str]
    late: list[str] = field(default_factory=list)  # "preambular" after an operative element


def read_gold(path: Path) -> Gold:
    elements: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    gold = Gold([], [], [])
    for e in elements:
        text = (e.get("text") or "").strip()
        if not text:
            continue
        kind = e.get("paragraph_type")
        prefix = (e.get("prefix") or "").strip()
        gold.blocks.append(f"{prefix} {text}" if prefix and not text.startswith(prefix) else text)
        if e.get("type") == "paragraph" and kind == "preambular":
            gold.preambular.append(text)
            if gold.operative:
                gold.late.append(text)
        elif e.get("type") == "paragraph" and kind == "operative":
            gold.operative.append(text)
    return gold


def heading(p: Paragraph) -> bool:
    """A section heading ("II", "Informal system"): structured/ does not count headings as
    paragraphs; the parse reads them as paragraphs without a lead (and warns)."""
    text = p.text.strip()
    return (
        not p.lead
        and not p.number
        and not p.subparagraphs
        and len(text) <= 150
        and not text.endswith((",", ";", ".", ":"))
    )


def elements(r: Resolution) -> tuple[list[str], list[str]]:
    """A parse in the gold's shape: (preambular texts, operative texts)."""
    pre = [r.formula] if r.formula else []
    ops: list[str] = []
    for p in r.paragraphs:
        target = pre if p.part.value == "preamble" else ops if p.part.value == "operative" else None
        if target is None or heading(p):
            continue
        target.append(p.text)
        target += [s.text for s in p.subparagraphs]
    return pre, ops


@dataclass(slots=True)
class Tally:
    """One form's results over the resolutions it has."""

    total: int = 0
    equal: int = 0
    agree: int = 0
    texts: int = 0
    errors: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, r: Resolution | None, gold: Gold) -> None:
        self.total += 1
        self.texts += len(gold.preambular) + len(gold.operative)
        if r is None:
            self.errors += 1
            self.misses.append(f"{name}: error")
            return
        pre, ops = elements(r)
        if (len(pre), len(ops)) == (len(gold.preambular), len(gold.operative)):
            self.equal += 1
        else:
            late = f" (structured/ labels {gold.late!r} preambular, after its operative part)"
            self.misses.append(
                f"{name}: {len(pre)} PP / {len(ops)} OP for "
                f"{len(gold.preambular)} / {len(gold.operative)}" + (late if gold.late else "")
            )
        found = Counter(fold(t) for t in pre + ops)
        want = Counter(fold(t) for t in gold.preambular + gold.operative)
        self.agree += sum((found & want).values())

    def row(self, form: str) -> str:
        share = f"{self.agree / self.texts:.1%}" if self.texts else "-"
        return f"| {form:<12} | {self.total:>3} | {self.equal:>3}/{self.total:<3} | {share:>6} |"


def _parse(source: str | Path, name: str) -> Resolution | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return redline.parse(source, name=name)
    except redline.RedlineError as exc:
        print(f"  {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def _changed(old: Resolution | None, new: Resolution | None) -> Counter[str] | None:
    """Matches `compare()` does not call unchanged, by what differs: "notes" (the texts are
    equal, a footnote reference is not: structured/ drops footnotes), "spacing" (equal once
    no-break spaces, hyphen variants, Unicode composition and format characters are
    folded), "text" (anything else)."""
    if old is None or new is None:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = redline.compare(old, new)
    out: Counter[str] = Counter()
    for m in c.matches:
        if m.kind is Kind.UNCHANGED:
            continue
        a = " ".join(old.paragraphs[i].full_text for i in m.old)
        b = " ".join(new.paragraphs[j].full_text for j in m.new)
        if a == b:
            out["notes"] += 1
        elif _spacing(a) == _spacing(b):
            out["spacing"] += 1
        else:
            out["text"] += 1
    return out


def _spacing(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def ocr_guard(folder: Path, baseline: Path | None) -> str:
    """Totals over the hard-wrapped OCR texts; with a baseline file, which counts changed."""
    files = sorted(folder.glob("*.txt"))
    lines = paragraphs = structured = 0
    counts: dict[str, int] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        r = _parse(path, path.name)
        if r is None:
            continue
        counts[path.name] = sum(1 + len(p.subparagraphs) for p in r.paragraphs)
        lines += sum(1 for ln in text.splitlines() if ln.strip())
        paragraphs += counts[path.name]
        structured += r.structured
    out = (
        f"ocr-security-council: {len(files)} texts, {lines} non-blank lines, "
        f"{paragraphs} paragraphs (sub-paragraphs included), {structured} structured"
    )
    if baseline is not None and baseline.exists():
        before: dict[str, int] = json.loads(baseline.read_text(encoding="utf-8"))
        changed = sorted(k for k in counts if before.get(k) != counts[k])
        more = sum(counts[k] - before.get(k, 0) for k in changed)
        out += f"\n  against {baseline}: {len(changed)} texts changed count ({more:+d} paragraphs)"
        out += "".join(f"\n    {k}: {before.get(k)} -> {counts[k]}" for k in changed[:20])
    elif baseline is not None:
        baseline.write_text(json.dumps(counts, indent=0), encoding="utf-8")
        out += f"\n  counts saved to {baseline}"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument(
        "--ocr-baseline", type=Path, help="save the OCR counts here, or compare with them"
    )
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    names = sorted(
        p.stem
        for p in (corpus / "pdf-text").glob("*.json")
        if (corpus / "structured" / p.name).exists()
    )
    forms = {k: Tally() for k in ("pdf-text", "pdf", "markdown", "clean-blank", "clean-lines")}
    pairs: dict[str, list[Counter[str] | None]] = {}
    parsed: dict[tuple[str, str], Resolution | None] = {}
    for name in names:
        gold = read_gold(corpus / "structured" / f"{name}.json")
        raw = json.loads((corpus / "pdf-text" / f"{name}.json").read_text(encoding="utf-8"))
        texts: dict[str, str | Path] = {
            "pdf-text": raw["text"],
            "clean-blank": "\n\n".join(gold.blocks) + "\n",
            "clean-lines": "\n".join(gold.blocks) + "\n",
        }
        if (corpus / "pdf" / f"{name}.pdf").exists():
            texts["pdf"] = corpus / "pdf" / f"{name}.pdf"
        if (corpus / "markdown" / f"{name}.md").exists():
            texts["markdown"] = corpus / "markdown" / f"{name}.md"
        for form, source in texts.items():
            r = _parse(source, f"{form}:{name}")
            parsed[(form, name)] = r
            forms[form].add(name, r, gold)
        for form in texts:
            if form != "pdf-text":
                pairs.setdefault(f"pdf-text vs {form}", []).append(
                    _changed(parsed[("pdf-text", name)], parsed[(form, name)])
                )
    # The same resolution in two forms where no structured/ version exists.
    for path in sorted((corpus / "pdf-text").glob("*.json")):
        if path.stem in names:
            continue
        for form, other in (
            ("pdf", corpus / "pdf" / f"{path.stem}.pdf"),
            ("markdown", corpus / "markdown" / f"{path.stem}.md"),
        ):
            if other.exists():
                raw = json.loads(path.read_text(encoding="utf-8"))
                pairs.setdefault(f"pdf-text vs {form}", []).append(
                    _changed(
                        _parse(raw["text"], f"pdf-text:{path.stem}"),
                        _parse(other, f"{form}:{path.stem}"),
                    )
                )
    print(f"{len(names)} resolutions in both pdf-text/ and structured/\n")
    print("| form         | n   | =counts | texts  |")
    print("|--------------|-----|---------|--------|")
    for form, tally in forms.items():
        print(tally.row(form))
    for form, tally in forms.items():
        if tally.misses:
            shown = tally.misses if args.verbose else tally.misses[:8]
            print(f"\n{form} misses ({len(tally.misses)}): " + "; ".join(shown))
    print("\ncompare(), same resolution in two forms (changed: notes only / spacing / text):")
    for label, counts in pairs.items():
        done = [c for c in counts if c is not None]
        total = sum(done, Counter())
        print(
            f"  {label:<24} {len(counts):>3} pairs, {sum(total.values()):>4} changed paragraphs "
            f"({total['notes']} / {total['spacing']} / {total['text']}), "
            f"{sum(1 for c in done if not c):>3} with none, {len(counts) - len(done)} errors"
        )
    print()
    print(ocr_guard(corpus / "ocr-security-council", args.ocr_baseline))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
