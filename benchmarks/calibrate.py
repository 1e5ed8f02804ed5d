"""Evidence for the pairing threshold redline.align.DEFAULT_THRESHOLD, from the corpus.

What it measures (corpus structured/*.json only, never the seeds)
  Each file becomes a list of redline Paragraphs: preambular and operative paragraph
  elements, the enacting formula ("The Human Rights Council,", labelled preambular in the
  source) skipped, lettered operative elements "(a)", "(b)"... attached to the paragraph
  before them as sub-paragraphs, as the parser does.

  A. Related texts: every pair of consecutive versions (by date) of one MANIFEST `series`.
     The aligner (redline.align.align at the default threshold) is run on each pair; then
       pairs made       similarity of each pair the aligner made
       runner-up        for each paired old paragraph, its best similarity to any OTHER new
                        paragraph: a same-topic paragraph that is not its partner
       best unmatched   for each deleted or added paragraph, its best similarity to any
                        paragraph of the other version: the pair the threshold refused
     and the number of pairs (and of them called "moved") the aligner makes at other
     thresholds.
  B. Unrelated texts: a fixed-seed sample of file pairs from DIFFERENT series whose titles
     are also unalike (title word similarity < 0.5, so "GA: X" and "HRC: X" are not counted
     as unrelated). For every paragraph of each file, its best similarity to any paragraph
     of the other file: a paragraph with best >= t would be paired by mistake at threshold
     t if its look-alike were free. This is the false-pair risk.

  Similarities are the aligner's own word-level score (redline.align.similarity). Whole
  matrices are computed with redline.align._candidates at cutoff 0, the batch form the
  aligner itself uses; a fixed sample of cells is checked equal to similarity().

How to read the output
  The band table counts paragraphs per similarity band for each distribution, with the
  share of its column. A good threshold sits where "pairs made" has thinned out and
  "unrelated best" has not yet started; "best unmatched" just below the threshold is what
  lowering it would pair, "runner-up" above it is the risk of pairing a wrong sibling.
  The threshold table gives, for unrelated paragraphs, the share whose best similarity is
  >= t (the aligner's cutoff is inclusive), and for related pairs how many pairs align()
  makes at t. Shares are of paragraphs; sample sizes are printed. --show N prints N sample
  texts from each side of the threshold (pairs made just above it, deleted/added pairs just
  below it, unrelated look-alikes above it) to judge by eye whether they are true pairs.

Six languages (--languages): does one threshold serve every script?
  English calibrates the threshold above; the other five languages are scored on other
  units (Chinese per character, Arabic words carrying their clitics, Russian inflected
  words), so the same threshold could mean more or fewer false pairs there. Measured on
  the real six-language texts of multilingual/, the same sentences in every language, per
  language and threshold t:
    false pairs  share of paragraphs whose best similarity to an UNRELATED paragraph is
                 >= t (a look-alike the aligner could pair by mistake), in
                   UNPC res   unpc-devset/resolution_lines.tsv: each resolution line
                              against the lines of the other documents
                   UDHR       udhr/*.xml: each paragraph of an article against the
                              paragraphs of the other articles (Chinese: simplified)
                   UNPC all   the whole devset (UNv1.0.devset.*, lines of 5+ English
                              words): each line against the lines of other documents
                 A pair whose English twins score >= COPY counts as the same paragraph
                 reused ("Determining that the situation in Yemen / South Sudan
                 continues to ..."), not as unrelated, in every language alike.
    true pairs   share of pairs of the SAME paragraph, edited, that still score >= t:
                   generator  support.evaluation's word edits on the resolutions that
                              benchmarks/bench_languages.py builds (kinds=edit): replace,
                              insert or delete up to 30 % of a paragraph's words. Its
                              words are space-delimited and its new words English, so in
                              Chinese it only appends English phrases: no test of Chinese.
                   reused     real edits: each devset line with its best line of another
                              document whose ENGLISH twin scores in [COPY_LOW, COPY) -- the
                              same agreed language reused with changes ("Reaffirming its
                              strong commitment to the unity, sovereignty..." in two Security
                              Council resolutions), each side translated by the UN -- one
                              pair per distinct paragraph (templated lines such as "To be
                              held on Thursday, 29 / 22 January ..." count once), scored in
                              each language. English selects the pairs, so its column is
                              100 % by construction; the others differ by their scoring and
                              by how the translators rendered the change.
  Equal risk (last lines): per language, the lowest table threshold whose false-pair rate on
  the largest set (UNPC all) is no higher than English's at the current threshold, with the
  other sets and the reused pairs it would keep: the threshold a per-language table would
  hold, and what it would buy.

Run: python3 benchmarks/calibrate.py [--limit N] [--unrelated N] [--seed S] [--show N]
(about 30 s with the defaults); python3 benchmarks/calibrate.py --languages (about 2 min)
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from redline.align import DEFAULT_THRESHOLD, align, similarity
from redline.align._score import _candidates
from redline.model import Paragraph, Part, SubParagraph

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # test support
from support.evaluation import revision_pairs

CORPUS = Path("/work/shared/corpus")
_FORMULA = re.compile(r"^\s*The [\w ,]*?(Council|Assembly)\s*,?\s*$")
_NUMBER = re.compile(r"^\s*(\d+)")
_TITLE_NUMBER = re.compile(r"^\s*[\d/.\s]+")
THRESHOLDS = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
ALIGN_THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6)
BANDS = (0.0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0)
PERCENTILES = (50, 90, 95, 99, 99.9)


def load(path: Path) -> tuple[Paragraph, ...]:
    """A structured/ file as the paragraphs the parser would give (formula skipped)."""
    elements = json.loads(path.read_text(encoding="utf-8"))
    pre: list[str] = []
    ops: list[tuple[str, str, list[SubParagraph]]] = []
    for e in elements:
        if e.get("type") != "paragraph":
            continue
        text = " ".join(str(e.get("text") or "").split())
        if not text:
            continue
        if e.get("paragraph_type") == "operative":
            prefix = (e.get("prefix") or "").strip()
            number = _NUMBER.match(prefix)
            if ops and prefix.startswith("(") and not number:
                ops[-1][2].append(SubParagraph(prefix, text))
            else:
                ops.append((number.group(1) if number else "", text, []))
        elif not _FORMULA.match(text):
            pre.append(text)
    return tuple(
        [Paragraph(Part.PREAMBLE, k, t) for k, t in enumerate(pre, 1)]
        + [
            Paragraph(Part.OPERATIVE, k, t, number=n, subparagraphs=tuple(subs))
            for k, (n, t, subs) in enumerate(ops, 1)
        ]
    )


def manifest() -> list[dict[str, str]]:
    with open(CORPUS / "MANIFEST.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["path"].startswith("structured/")]
    return sorted(rows, key=lambda r: (r["series"], r["date"], r["symbol"]))


def matrix(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> list[list[float]]:
    """sim[i][j] for every old i and new j: the aligner's own scoring, all pairs."""
    cells = _candidates(old, new, 0.0)
    return [[cells[(i, j)] for j in range(len(new))] for i in range(len(old))]


def percentile(ordered: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile of sorted values."""
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def band_of(x: float) -> int:
    if x >= 1.0:
        return len(BANDS) - 1
    return max(k for k in range(len(BANDS) - 1) if x >= BANDS[k])


def band_label(k: int) -> str:
    if k == len(BANDS) - 1:
        return "= 1.0"
    return f"[{BANDS[k]:.2f}, {BANDS[k + 1]:.2f})"


def related(
    rows: list[dict[str, str]], paras: dict[str, tuple[Paragraph, ...]], limit: int | None
) -> dict[str, object]:
    by_series: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_series.setdefault(r["series"], []).append(r)
    pairs = [
        (a["path"], b["path"])
        for versions in by_series.values()
        for a, b in itertools.pairwise(versions)
    ]
    if limit is not None:
        pairs = pairs[:limit]
    made: list[float] = []
    runner: list[float] = []
    unmatched: list[float] = []
    per_t = {t: [0, 0] for t in ALIGN_THRESHOLDS}
    above: list[tuple[float, str, str]] = []  # pairs made just above the threshold
    below: list[tuple[float, str, str]] = []  # deleted x added just below it
    for a, b in pairs:
        old, new = paras[a], paras[b]
        if not old or not new:
            continue
        sim = matrix(old, new)
        matches = align(old, new)
        for m in matches:
            if m.old and m.new:
                i, j = m.old[0], m.new[0]
                made.append(sim[i][j])
                others = [s for jj, s in enumerate(sim[i]) if jj != j]
                if others:
                    runner.append(max(others))
            elif m.old:
                unmatched.append(max(sim[m.old[0]]))
            else:
                unmatched.append(max(row[m.new[0]] for row in sim))
            if m.old and m.new and sim[m.old[0]][m.new[0]] < DEFAULT_THRESHOLD + 0.05:
                above.append((sim[m.old[0]][m.new[0]], old[m.old[0]].text, new[m.new[0]].text))
        gone = [m.old[0] for m in matches if m.old and not m.new]
        came = [m.new[0] for m in matches if m.new and not m.old]
        below += [
            (sim[i][j], old[i].text, new[j].text)
            for i in gone
            for j in came
            if DEFAULT_THRESHOLD - 0.05 <= sim[i][j] < DEFAULT_THRESHOLD
        ]
        for t in ALIGN_THRESHOLDS:
            ms = matches if t == DEFAULT_THRESHOLD else align(old, new, threshold=t)
            per_t[t][0] += sum(1 for m in ms if m.old and m.new)
            per_t[t][1] += sum(1 for m in ms if m.moved)
    return {
        "pairs": len(pairs),
        "made": made,
        "runner": runner,
        "unmatched": unmatched,
        "per_t": per_t,
        "above": above,
        "below": below,
        "paragraphs": sum(len(paras[a]) + len(paras[b]) for a, b in pairs),
    }


def _title(row: dict[str, str]) -> Paragraph:
    return Paragraph(Part.PLAIN, 1, _TITLE_NUMBER.sub("", row["title"]))


def unrelated(
    rows: list[dict[str, str]],
    paras: dict[str, tuple[Paragraph, ...]],
    sample: int,
    seed: int,
) -> dict[str, object]:
    usable = [r for r in rows if paras[r["path"]]]
    cross = [
        (a, b) for x, a in enumerate(usable) for b in usable[x + 1 :] if a["series"] != b["series"]
    ]
    rng = random.Random(seed)
    rng.shuffle(cross)
    best: list[float] = []
    lookalikes: list[tuple[float, str, str]] = []
    alike_best: list[float] = []
    alike_titles = 0
    used = 0
    checked = 0
    for a, b in cross:
        if used >= sample:
            break
        old, new = paras[a["path"]], paras[b["path"]]
        sim = matrix(old, new)
        if checked < 200:  # the batch scores are the aligner's similarity(), cell for cell
            i, j = rng.randrange(len(old)), rng.randrange(len(new))
            assert abs(sim[i][j] - similarity(old[i], new[j])) < 1e-9, (a["path"], b["path"])
            checked += 1
        values = [max(row) for row in sim] + [max(col) for col in zip(*sim, strict=True)]
        if similarity(_title(a), _title(b)) >= 0.5:
            alike_titles += 1
            alike_best += values
            continue
        best += values
        used += 1
        lookalikes += [
            (s, old[i].text, new[j].text)
            for i, row in enumerate(sim)
            for j, s in enumerate(row)
            if DEFAULT_THRESHOLD <= s < 0.9
        ]
    return {
        "pairs": used,
        "population": len(cross),
        "best": best,
        "lookalikes": lookalikes,
        "alike_titles": alike_titles,
        "alike_best": alike_best,
        "checked": checked,
    }


def share_at_least(values: Sequence[float], t: float) -> float:
    return sum(1 for v in values if v >= t) / len(values) if values else float("nan")


def show(groups: list[tuple[str, list[tuple[float, str, str]]]], n: int, seed: int) -> None:
    rng = random.Random(seed)
    for title, items in groups:
        print(f"\nSamples: {title} ({len(items)} in all)")
        for sim, old, new in rng.sample(items, min(n, len(items))):
            print(f"  {sim:.3f} OLD {old[:160]}")
            print(f"        NEW {new[:160]}")


# --- six languages ---------------------------------------------------------------------------
MULTILINGUAL = CORPUS / "multilingual"
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
UNITS = {"zh": "characters", "ar": "words, clitics attached", "ru": "inflected words"}
LANGUAGE_THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6)
COPY = 0.8
"""English twins scoring this much are one paragraph reused, not an unrelated pair."""
COPY_LOW = 0.6
"""English twins scoring from this up to COPY: the same paragraph reused with edits."""
FLOOR = 0.3  # pairs are scored from here up: every table threshold is above it
_LINE_NUMBER = re.compile(r"^\s*[0-9\u0660-\u0669]{1,3}\s*(?:\.|-|\u2013)\s*")
_UDHR = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "arb", "zh": "cmn_hans"}
_UDHR_NS = "{http://www.unhchr.ch/udhr}"


def _paragraphs(texts: Sequence[str]) -> list[Paragraph]:
    return [Paragraph(Part.PLAIN, k, _LINE_NUMBER.sub("", t).strip()) for k, t in enumerate(texts)]


def unpc() -> tuple[list[dict[str, str]], list[str], dict[str, list[str]]]:
    """resolution_lines.tsv rows, and the devset's document ids and lines per language
    (lines of 5+ English words present in all six languages)."""
    folder = MULTILINGUAL / "unpc-devset"
    csv.field_size_limit(sys.maxsize)
    with open(folder / "resolution_lines.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    lines = {
        lang: (folder / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").split("\n")
        for lang in LANGUAGES
    }
    ids = [i.split(" ", 1)[0] for i in (folder / "UNv1.0.devset.ids").read_text().split("\n")]
    keep = [
        k
        for k, doc in enumerate(ids)
        if doc and len(lines["en"][k].split()) >= 5 and all(lines[lang][k] for lang in LANGUAGES)
    ]
    return rows, [ids[k] for k in keep], {lang: [v[k] for k in keep] for lang, v in lines.items()}


def udhr(language: str) -> list[tuple[int, str]]:
    """(article, paragraph) for each paragraph of the Declaration's 30 articles."""
    root = ET.parse(MULTILINGUAL / "udhr" / f"udhr_{_UDHR[language]}.xml").getroot()
    return [
        (k, " ".join("".join(p.itertext()).split()))
        for k, article in enumerate(root.findall(_UDHR_NS + "article"))
        for p in article.iter(_UDHR_NS + "para")
    ]


def best_unrelated(
    cells: dict[tuple[int, int], float],
    groups: Sequence[str],
    english: dict[tuple[int, int], float],
) -> list[float]:
    """Each paragraph's best similarity to one of another group (0 below FLOOR), from the
    cells `_candidates` gives at FLOOR; pairs whose English twins are copies (>= COPY in
    `english`, the English cells) are skipped."""
    best = [0.0] * len(groups)
    for (i, j), s in cells.items():
        if groups[i] != groups[j] and english.get((i, j), 0.0) < COPY and s > best[i]:
            best[i] = s
    return best


def reused_pairs(
    english: dict[tuple[int, int], float], ids: Sequence[str]
) -> list[tuple[int, int]]:
    """Each line with its best partner in another document whose English twins score in
    [COPY_LOW, COPY); one pair per distinct paragraph: a line that is a copy (>= COPY) of a
    line already taken ("To be held on Thursday, 29 / 22 January...") is skipped."""
    best: dict[int, tuple[float, int]] = {}
    for (i, j), s in english.items():
        if ids[i] != ids[j] and COPY_LOW <= s < COPY and (s, -j) > best.get(i, (0.0, 0)):
            best[i] = (s, -j)
    taken: list[int] = []
    pairs = []
    for i in sorted(best):
        if all(english.get((i, k), 0.0) < COPY for k in taken):
            taken.append(i)
            pairs.append((i, -best[i][1]))
    return pairs


def generator_edits(language: str, count: int, seed: int) -> list[float]:
    """Similarity of each edited pair in `count` generated revisions (bench_languages)."""
    from bench_languages import bases  # benchmarks/ is on sys.path when run as a script

    pairs = revision_pairs(bases(language), count=count, seed=seed, kinds=("edit",))
    return [
        similarity(p.old.paragraphs[g.old[0]], p.new.paragraphs[g.new[0]])
        for p in pairs
        for g in p.gold
        if g.kind == "modified"
    ]


def _share(values: Sequence[float], t: float) -> str:
    return f"{100 * share_at_least(values, t):6.1f}%" if values else f"{'-':>7}"


Measured = dict[str, tuple[dict[str, list[float]], dict[str, list[float]]]]


def languages(count: int, seed: int) -> None:
    rows, ids, lines = unpc()
    docs = [r["doc"] for r in rows]
    res = {lang: _paragraphs([r[lang] for r in rows]) for lang in LANGUAGES}
    dev = {lang: _paragraphs(lines[lang]) for lang in LANGUAGES}
    res_en = _candidates(res["en"], res["en"], FLOOR)
    dev_en = _candidates(dev["en"], dev["en"], FLOOR)
    reused = reused_pairs(dev_en, ids)
    print(
        f"Per-language calibration on {MULTILINGUAL} (threshold {DEFAULT_THRESHOLD}); "
        f"UNPC res: {len(rows)} lines of {len(set(docs))} documents; UDHR: "
        f"{len(udhr('en'))} article paragraphs; UNPC all: {len(ids)} lines of "
        f"{len(set(ids))} documents; reused: {len(reused)} pairs; generator: {count} "
        f"revisions (seed {seed})"
    )
    measured: Measured = {}
    for lang in LANGUAGES:
        started = time.perf_counter()
        articles = udhr(lang)
        declaration = _paragraphs([t for _, t in articles])
        cells = dev_en if lang == "en" else _candidates(dev[lang], dev[lang], FLOOR)
        false = {
            "UNPC res": best_unrelated(_candidates(res[lang], res[lang], FLOOR), docs, res_en),
            "UDHR": best_unrelated(
                _candidates(declaration, declaration, FLOOR), [str(a) for a, _ in articles], {}
            ),
            "UNPC all": best_unrelated(cells, ids, dev_en),
        }
        true = {
            "generator": generator_edits(lang, count, seed),
            "reused": [cells.get(pair, 0.0) for pair in reused],
        }
        measured[lang] = (false, true)
        units = UNITS.get(lang, "words")
        print(f"\n{lang} (scored on {units}; {time.perf_counter() - started:.0f} s)")
        print(f"  {'':>6} {'false pairs (unrelated look-alike >= t)':<35}  true pairs kept (>= t)")
        columns = (*false.values(), *true.values())
        print(f"  {'t':>6}" + "".join(f"{k:>11}" for k in (*false, *true)))
        print(f"  {'':>6}" + "".join(f"{'n=' + str(len(v)):>11}" for v in columns))
        for t in LANGUAGE_THRESHOLDS:
            mark = "  <- current" if t == DEFAULT_THRESHOLD else ""
            print(f"  {t:6.2f}" + "".join(f"{_share(v, t):>11}" for v in columns) + mark)
    equal_risk(measured)


def equal_risk(measured: Measured) -> None:
    """Per language, the lowest table threshold whose false-pair rate on the largest set
    (UNPC all) is no higher than English's at DEFAULT_THRESHOLD, and what it changes."""
    reference = share_at_least(measured["en"][0]["UNPC all"], DEFAULT_THRESHOLD)
    print(
        f"\nEqual risk: per language, the lowest t whose false-pair rate on UNPC all is <="
        f" English's at {DEFAULT_THRESHOLD} ({100 * reference:.1f}%); at that t, the other"
        f" false-pair sets and the reused pairs kept, against t={DEFAULT_THRESHOLD}"
    )
    for lang, (false, true) in measured.items():
        t = min(x for x in LANGUAGE_THRESHOLDS if share_at_least(false["UNPC all"], x) <= reference)
        others = ", ".join(
            f"{k} {100 * share_at_least(v, t):.1f}%" for k, v in false.items() if k != "UNPC all"
        )
        gain = share_at_least(true["reused"], t) - share_at_least(true["reused"], DEFAULT_THRESHOLD)
        print(
            f"  {lang}  t={t:.2f}  false pairs: {others}; reused pairs kept {100 * gain:+.1f} pts"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--limit", type=int, help="at most N resolution pairs in each part")
    ap.add_argument("--unrelated", type=int, default=4000, help="unrelated pairs to sample")
    ap.add_argument("--seed", type=int, default=1948)
    ap.add_argument("--show", type=int, default=0, help="print N sample texts per group")
    ap.add_argument(
        "--languages", action="store_true", help="the six-language tables instead (see above)"
    )
    ap.add_argument("--pairs", type=int, default=60, help="generated revisions per language")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    if args.languages:
        languages(args.pairs, seed=7)
        print(f"\n  ({time.perf_counter() - started:.1f} s)")
        return 0

    rows = manifest()
    paras = {r["path"]: load(CORPUS / r["path"]) for r in rows}
    sample = args.unrelated if args.limit is None else min(args.unrelated, args.limit)
    rel = related(rows, paras, args.limit)
    unr = unrelated(rows, paras, sample, args.seed)

    made, runner, unmatched = rel["made"], rel["runner"], rel["unmatched"]
    best, alike = unr["best"], unr["alike_best"]
    print(f"Threshold calibration on {CORPUS}/structured (current threshold {DEFAULT_THRESHOLD})")
    print(
        f"  A related:   {rel['pairs']} consecutive same-series pairs, "
        f"{rel['paragraphs']} paragraphs; {len(made)} pairs made, "
        f"{len(unmatched)} paragraphs left unmatched"
    )
    print(
        f"  B unrelated: {unr['pairs']} pairs of different series and unalike titles "
        f"(sampled, seed {args.seed}, of {unr['population']} different-series pairs), "
        f"{len(best)} paragraph best-similarities; {unr['alike_titles']} sampled pairs "
        f"skipped for alike titles; {unr['checked']} cells checked against similarity()"
    )
    print()

    columns = [
        ("pairs made", made),
        ("runner-up", runner),
        ("best unmatched", unmatched),
        ("unrelated best", best),
    ]
    print("Similarity bands (count, share of column)")
    print(f"  {'band':14}" + "".join(f"{name:>22}" for name, _ in columns))
    counts = []
    for _, values in columns:
        c = [0] * len(BANDS)
        for v in values:
            c[band_of(v)] += 1
        counts.append(c)
    for k in range(len(BANDS)):
        cells = "".join(
            f"{c[k]:>13} {100 * c[k] / max(len(v), 1):6.2f}%"
            for c, (_, v) in zip(counts, columns, strict=True)
        )
        print(f"  {band_label(k):14}{cells}")
    print(f"  {'n':14}" + "".join(f"{len(v):>22}" for _, v in columns))
    print()

    print("Percentiles of similarity")
    print(f"  {'':14}" + "".join(f"{'p' + format(q, 'g'):>8}" for q in PERCENTILES) + f"{'max':>8}")
    for name, values in columns:
        ordered = sorted(values)
        cells = "".join(f"{percentile(ordered, q):8.3f}" for q in PERCENTILES)
        print(f"  {name:14}{cells}{ordered[-1] if ordered else float('nan'):8.3f}")
    print()

    print("Per threshold t")
    print(
        f"  {'t':>5} {'unrelated >=t':>14} {'(alike titles)':>15} {'runner-up >=t':>14} "
        f"{'related pairs':>14} {'moved':>6}"
    )
    for t in sorted(set(THRESHOLDS) | set(ALIGN_THRESHOLDS)):
        pt = rel["per_t"].get(t)
        pairs_made = f"{pt[0]:>14} {pt[1]:>6}" if pt else f"{'':>14} {'':>6}"
        print(
            f"  {t:5.2f} {100 * share_at_least(best, t):13.3f}% "
            f"{100 * share_at_least(alike, t):14.3f}% "
            f"{100 * share_at_least(runner, t):13.3f}% {pairs_made}"
        )
    if args.show:
        t = DEFAULT_THRESHOLD
        show(
            [
                (f"related, paired, similarity in [{t}, {t + 0.05:.2f})", rel["above"]),
                (f"related, deleted x added, similarity in [{t - 0.05:.2f}, {t})", rel["below"]),
                (f"unrelated, similarity in [{t}, 0.9)", unr["lookalikes"]),
            ],
            args.show,
            args.seed,
        )
    print(f"\n  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
