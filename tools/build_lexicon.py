#!/usr/bin/env python3
"""Build ``redline/parse/lexicon.py``: the English lexicon of paragraph "leads".

A lead is the (normally italic) opening of a resolution paragraph: "Reaffirming",
"Recalling also", "Deeply concerned", "Taking note with appreciation", "Calls upon",
"Also re-emphasizes", "Expresses its concern".  The parser uses the lexicon to find where
the lead ends in texts whose italics were lost (PDF extraction), so the phrases must be the
ones real resolutions use: they are counted in the corpus, never typed in.

Sources (all under /work/shared/corpus; /work/shared/seeds is never read):

* ``structured/*.json`` -- the gold standard.  Paragraph elements carry ``paragraph_type``
  and a one-word ``action_verb``.  Used:
  - the main layout (423 files, 421 after the hold-out): ``action_verb`` on the element;
  - the "mandates" layout (10 files: A/RES/78/187, 79/170, 79/197, 79/205, 79/206, 79/236,
    79/254, S/RES/1325, 1820, 2467): ``mandates[0].action_verb`` is a multi-word phrase
    ("Recalling also", "calls upon"); its first word that is a known verb (see below) is
    taken as the verb, so both layouts feed the same analysis;
  - paragraphs the annotator left without a verb (the whole recovery rule is below).
  Left out: the enacting formula ("The General Assembly,", labelled preambular), lettered
  sub-paragraphs ((a), (b)... prefixes -- their openings, e.g. "(a) Ensuring that", are not
  leads), and the two resolutions used as test seeds (HOLDOUT: A/HRC/RES/46/13 and 47/9) so
  that tests/parse/test_leads.py measures what the lexicon learnt from *other* resolutions.
* ``pdf-text/*.json`` (field ``text``) and ``markdown/*.md`` -- extra paragraph openings.
  A resolution already in ``structured/`` is skipped (same text twice would double its
  counts).  Paragraphs are blank-line separated blocks after the enacting formula;
  preambular until the first "1." block, then the numbered blocks are operative.  They carry
  no labels, so they only go through the recovery rule.

Method
------
1. Text is normalised for analysis only: U+2010/U+2011 hyphens become "-", whitespace runs
   one space.  The opening words are read up to the first punctuation mark.
2. Labelled paragraph: lead = words from the start up to and including the action verb, so
   modifiers before it ("Deeply", "Also", "Further", "Strongly") are part of the lead.  A
   paragraph whose verb is more than three words in is taken as an annotation error and
   dropped.
3. Known verbs, per part = action verbs (lower-cased) labelled at least MIN_COUNT times in
   at least MIN_DOCS resolutions, unless the other part uses the verb OTHER_PART_RATIO times
   more (a few operative "Takes note" paragraphs are labelled preambular).  Labelled
   openings whose verb is not known are dropped (statute articles "Cases before the
   Tribunal", declaration text "Express our ...").
4. Recovery of unlabelled openings (structured paragraphs without a verb, and every
   pdf-text/markdown opening): the opening is a lead if it is ``[modifier...] verb`` with a
   known verb of that part, a capital on the first word and a small letter on the verb when
   modifiers precede it.  A modifier is a word of the closed adverb class below or a "-ly"
   degree adverb ("Seriously concerned", "Profoundly concerned", "Also strongly condemns",
   "Once again urges" -- the annotator never labelled these).  In structured preambles
   one more pattern is recovered: a capitalised word followed by "of" or "that"
   ("Aware of", "Mindful that", "Cognizant that"): predicative adjectives that the
   annotator never labelled but that are leads as certainly as "Convinced that".
5. Continuations after the verb (the closed class is linguistic knowledge, listed below;
   which of them a verb takes is decided by counts):
   - ADVERBS ("also", "further", "again", "once again", "moreover", "furthermore"): only in
     a part where adverbs after the verb outnumber adverbs before it (an adverb *between*
     the verb and a later unit is always taken: "Calls once again for").  The data says:
     preamble "Recalling also", "Reaffirming further"; operative "Also reaffirms",
     "Further emphasizes" -- after an operative verb "further" is mostly an adjective
     ("Welcomes further views").  "In this regard" and friends are left out: they are
     set off by commas or follow the object and are never part of the italic lead.
   - PARTICLES ("upon", "on", "for", "by", "note", "in mind", "into account", "forward"):
     only for a verb followed by some particle in at least PARTICLE_SHARE of its uses (a
     phrasal verb: "Calls upon/on/for", "Guided by", "Bearing in mind", "Taking note");
     that keeps "Concerned by" (a preposition, ~5 % of uses) out while "Guided by" gets in.
     A preambular verb seen with a "-ly" degree adverb at least MIN_COUNT times is an
     adjective and takes no particle: "Deeply disturbed" is always followed by "by" in the
     corpus, but "by" there is a preposition, not part of the lead.
   - FEELINGS: "with [intensifier] noun" ("with appreciation", "with deep concern"),
     after any verb: "Noting with concern", "Recognizing with deep concern".
   - OBJECTS: "[its] [intensifier] noun" with the same nouns plus "support", "solidarity",
     ...; only for a verb followed by such an object in at least PARTICLE_SHARE of its
     uses: "Expressing deep concern", "Expresses its concern" but not "Reiterating its deep
     concern" (there the object is just the object).
   Continuation units chain greedily (each kind once, adverbs between them):
   "Taking note also", "Taking note with appreciation", "Calls once again for".
6. Every opening counts for its full lead; a phrase is kept if seen at least MIN_COUNT
   times in at least MIN_DOCS resolutions (one resolution repeating a phrase, or a statute
   annexed to one, does not make it a lead).  The core of each opening (modifiers + verb,
   without continuation) is counted as well and kept on the same terms, so "Also expresses"
   is a lead even though most of its uses continue ("Also expresses its deep concern"): the
   matcher takes the longest match, so cores never cut a longer lead short.

Run ``python3 tools/build_lexicon.py`` from the repository root; it rewrites
redline/parse/lexicon.py and prints a summary.  Stdlib only.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = "/work/shared/corpus"
OUTPUT = os.path.join(REPO, "redline", "parse", "lexicon.py")

MIN_COUNT = 2
MIN_DOCS = 2
OTHER_PART_RATIO = 10
PARTICLE_SHARE = 0.5
MAX_MODIFIERS = 3
HOLDOUT = {"A_HRC_RES_46_13", "A_HRC_RES_47_9"}

# --- closed classes (linguistic knowledge, not phrases) ---------------------------------
ADVERBS = (("once", "again"), ("also",), ("further",), ("again",), ("moreover",), ("furthermore",))
PARTICLES = (
    ("into", "account"),
    ("in", "mind"),
    ("upon",),
    ("on",),
    ("for",),
    ("by",),
    ("note",),
    ("forward",),
)
INTENSIFIERS = frozenset(
    {
        "deep",
        "deepest",
        "grave",
        "great",
        "serious",
        "profound",
        "particular",
        "utmost",
        "full",
        "sincere",
        "strong",
        "increasing",
        "growing",
        "considerable",
    }
)
FEELINGS = frozenset(
    {
        "appreciation",
        "satisfaction",
        "concern",
        "regret",
        "interest",
        "alarm",
        "gratitude",
        "approval",
        "dismay",
        "sadness",
    }
)
OBJECT_NOUNS = FEELINGS | frozenset(
    {
        "support",
        "solidarity",
        "condolences",
        "sympathy",
        "hope",
        "thanks",
        "outrage",
        "disappointment",
        "condemnation",
    }
)
ENACTING = re.compile(
    r"^(The|the) (General Assembly|Human Rights Council|Security Council|"
    r"Economic and Social Council|Commission on [A-Za-z ]+|Conference[A-Za-z ]*)\s*,?\s*$"
)
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
PARTS = {"preambular": "preamble", "operative": "operative"}


@dataclass(frozen=True)
class Opening:
    """One paragraph opening: ``words[:verb_at]`` are modifiers, ``words[verb_at]`` the verb."""

    part: str
    words: tuple[str, ...]
    verb_at: int
    verb_len: int
    source: str


def normalise(text: str) -> str:
    """Hyphen variants to "-", whitespace runs to one space (analysis only)."""
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def leading_words(text: str, limit: int = 10) -> tuple[str, ...]:
    """The words at the start of ``text`` up to the first punctuation mark or digit."""
    words: list[str] = []
    pos = 0
    while len(words) < limit:
        m = WORD.match(text, pos)
        if not m:
            break
        words.append(m.group())
        pos = m.end()
        if text[pos : pos + 1] != " ":
            break
        pos += 1
    return tuple(words)


def is_modifier(word: str) -> bool:
    """Closed-class adverb or a "-ly" degree adverb ("Deeply", "Seriously")."""
    w = word.lower()
    return w in {"also", "further", "again", "once", "moreover", "furthermore"} or (
        len(w) > 4 and w.endswith("ly")
    )


def is_numeric_prefix(prefix: str | None) -> bool:
    return prefix is None or re.sub(r"\W", "", prefix).isdigit()


# --- reading the corpus -------------------------------------------------------------------
def structured_files() -> list[str]:
    files = sorted(glob.glob(os.path.join(CORPUS, "structured", "*.json")))
    return [f for f in files if os.path.basename(f)[:-5] not in HOLDOUT]


def find_verb(words: tuple[str, ...], verb: tuple[str, ...]) -> int:
    """Index of ``verb`` (a word tuple) within the first words, or -1."""
    for i in range(min(len(words) - len(verb), MAX_MODIFIERS) + 1):
        if words[i : i + len(verb)] == verb:
            return i
    return -1


Pending = tuple[str, str, str, str]  # part, text, resolution, mandate phrase ("" if none)


def read_structured(stats: Counter[str]) -> tuple[list[Opening], list[Pending]]:
    """Labelled openings (main layout), plus the paragraphs to resolve later.

    Pending: the mandates layout (with its annotated phrase) and unlabelled paragraphs.
    """
    labelled: list[Opening] = []
    pending: list[Pending] = []
    for path in structured_files():
        name = os.path.basename(path)[: -len(".json")]
        with open(path, encoding="utf-8") as fh:
            elements = json.load(fh)
        mandates_layout = any("mandates" in e for e in elements)
        stats["files (mandates layout)" if mandates_layout else "files (main layout)"] += 1
        for e in elements:
            if e.get("type") != "paragraph" or e.get("paragraph_type") not in PARTS:
                continue
            part = PARTS[e["paragraph_type"]]
            text = normalise(e.get("text") or "")
            if ENACTING.match(text):
                stats["skipped: enacting formula"] += 1
                continue
            if not is_numeric_prefix(e.get("prefix")):
                stats["skipped: lettered sub-paragraph"] += 1
                continue
            if mandates_layout:
                verb = ((e.get("mandates") or [{}])[0] or {}).get("action_verb") or ""
                pending.append((part, text, name, verb or "-"))
                continue
            verb = normalise(e.get("action_verb") or "").strip(",;:. ")
            if not verb:
                pending.append((part, text, name, ""))
                continue
            words = leading_words(text)
            vwords = tuple(verb.split())
            at = find_verb(words, vwords)
            if at < 0:
                stats["skipped: labelled verb not in opening"] += 1
                continue
            labelled.append(Opening(part, words, at, len(vwords), name))
            stats["labelled openings"] += 1
    return labelled, pending


def blocks(text: str) -> Iterator[str]:
    """Blank-line separated blocks, each normalised to one line."""
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        block = normalise(block)
        if block:
            yield block


def extra_openings(known: set[str], stats: Counter[str]) -> Iterator[tuple[str, str, str]]:
    """(part, text, source) for paragraph openings of pdf-text and markdown resolutions."""
    docs: list[tuple[str, str]] = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "pdf-text", "*.json"))):
        with open(path, encoding="utf-8") as fh:
            docs.append((path, json.load(fh).get("text") or ""))
    for path in sorted(glob.glob(os.path.join(CORPUS, "markdown", "*.md"))):
        with open(path, encoding="utf-8") as fh:
            docs.append((path, fh.read()))
    for path, text in docs:
        stem = os.path.splitext(os.path.basename(path))[0]
        if stem in known or stem in HOLDOUT:
            stats["extra docs skipped (already in structured)"] += 1
            continue
        stats["extra docs used"] += 1
        part = ""
        for block in blocks(text):
            if ENACTING.match(block):
                part = "preamble"
                continue
            m = re.match(r"(\d+)\.\s+", block)
            if m and part:
                part = "operative"
                yield part, block[m.end() :], stem
            elif part == "preamble":
                yield part, block, stem


# --- analysis ------------------------------------------------------------------------------
def match_unit(words: tuple[str, ...], at: int, units: Iterable[tuple[str, ...]]) -> int:
    """Length of the first unit found at ``words[at:]`` (case-insensitive), else 0."""
    for unit in units:
        if tuple(w.lower() for w in words[at : at + len(unit)]) == unit:
            return len(unit)
    return 0


def match_feeling(words: tuple[str, ...], at: int) -> int:
    """``with [intensifier] feeling`` -> its length, else 0."""
    if at < len(words) and words[at] == "with":
        n = 1
        if at + n < len(words) and words[at + n] in INTENSIFIERS:
            n += 1
        if at + n < len(words) and words[at + n] in FEELINGS:
            return n + 1
    return 0


def match_object(words: tuple[str, ...], at: int) -> int:
    """``[its] [intensifier] noun`` with an attitude noun -> its length, else 0."""
    n = 0
    if at < len(words) and words[at] == "its":
        n += 1
    if at + n < len(words) and words[at + n] in INTENSIFIERS:
        n += 1
    if at + n < len(words) and words[at + n] in OBJECT_NOUNS:
        return n + 1
    return 0


def skip_adverbs(words: tuple[str, ...], at: int) -> int:
    while n := match_unit(words, at, ADVERBS):
        at += n
    return at


def verb_key(o: Opening) -> tuple[str, str]:
    return o.part, " ".join(o.words[o.verb_at : o.verb_at + o.verb_len]).lower()


@dataclass
class Grammar:
    """What each part and verb accepts after the verb (decided from counts)."""

    adverbs_after: dict[str, bool]
    particle_verbs: set[tuple[str, str]]
    object_verbs: set[tuple[str, str]]


def learn_grammar(openings: list[Opening]) -> Grammar:
    after: Counter[str] = Counter()
    before: Counter[str] = Counter()
    uses: Counter[tuple[str, str]] = Counter()
    particle: Counter[tuple[str, str]] = Counter()
    obj: Counter[tuple[str, str]] = Counter()
    graded: Counter[tuple[str, str]] = Counter()
    for o in openings:
        key = verb_key(o)
        uses[key] += 1
        end = o.verb_at + o.verb_len
        if any(w.lower() in {"also", "further", "again"} for w in o.words[: o.verb_at]):
            before[o.part] += 1
        if match_unit(o.words, end, ADVERBS):
            after[o.part] += 1
        at = skip_adverbs(o.words, end)
        if match_unit(o.words, at, PARTICLES):
            particle[key] += 1
        if match_object(o.words, at):
            obj[key] += 1
        if o.part == "preamble" and any(w.lower().endswith("ly") for w in o.words[: o.verb_at]):
            graded[key] += 1
    grammar = Grammar(
        adverbs_after={p: after[p] > before[p] for p in PARTS.values()},
        particle_verbs={
            k
            for k, n in particle.items()
            if n >= PARTICLE_SHARE * uses[k] and graded[k] < MIN_COUNT
        },
        object_verbs={k for k, n in obj.items() if n >= PARTICLE_SHARE * uses[k]},
    )
    for p in PARTS.values():
        print(
            f"  adverbs before/after the verb, {p}: {before[p]}/{after[p]}"
            f" -> {'after' if grammar.adverbs_after[p] else 'before'}"
        )
    return grammar


def lead_of(o: Opening, g: Grammar) -> str:
    """The lead of one opening: modifiers + verb + accepted continuation units."""
    key = verb_key(o)
    at = end = o.verb_at + o.verb_len
    done: set[str] = set()
    while True:
        if n := match_unit(o.words, at, ADVERBS):
            at += n
            if g.adverbs_after[o.part]:
                end = at
            continue
        if (
            "p" not in done
            and key in g.particle_verbs
            and (n := match_unit(o.words, at, PARTICLES))
        ):
            done.add("p")
        elif "f" not in done and (
            (n := match_feeling(o.words, at))
            or (key in g.object_verbs and (n := match_object(o.words, at)))
        ):
            done.add("f")
        else:
            break
        at = end = at + n
    # an adverb between the verb and a continuation is always taken ("Calls once again
    # for"), a trailing one only where the part puts adverbs after the verb
    return " ".join(o.words[:end])


def recover(
    part: str, text: str, source: str, verbs: dict[str, set[str]], adjectives: bool
) -> Opening | None:
    """Opening for an unlabelled paragraph, if it starts ``[modifier...] known-verb``."""
    words = leading_words(text)
    if not words or not words[0][:1].isupper():
        return None
    for at in range(min(MAX_MODIFIERS, len(words) - 1) + 1):
        if at and not words[at][:1].islower():
            break
        for vlen in (2, 1):
            verb = " ".join(words[at : at + vlen]).lower()
            if len(words) >= at + vlen and verb in verbs[part]:
                return Opening(part, words, at, vlen, source)
        if not is_modifier(words[at]) or (
            at == 0 and words[0].lower() == "once" and words[1:2] != ("again",)
        ):
            break
    if (
        adjectives
        and part == "preamble"
        and len(words) >= 2
        and words[1] in {"of", "that"}
        and words[0][1:].islower()
        and len(words[0]) > 3
    ):
        return Opening(part, words, 0, 1, source)
    return None


def resolve_mandate(
    part: str, text: str, source: str, mandate: str, verbs: dict[str, set[str]]
) -> Opening | None:
    """Mandates layout: the first word of the annotated phrase that is a known verb."""
    words = leading_words(text)
    phrase = normalise(mandate).strip(",;:.- ").split()
    at = find_verb(words, tuple(phrase)) if phrase else -1
    if at < 0:
        return None
    for i in range(len(phrase)):
        for vlen in (2, 1):
            cand = phrase[i : i + vlen]
            if len(cand) == vlen and " ".join(cand).lower() in verbs[part]:
                return Opening(part, words, at + i, vlen, source)
    return None


@dataclass
class Tally:
    """Per part: how often each phrase was seen, and in how many resolutions."""

    count: dict[str, Counter[str]]
    docs: dict[str, dict[str, set[str]]]

    def kept(self, part: str) -> list[str]:
        return [
            p
            for p, n in self.count[part].items()
            if n >= MIN_COUNT and len(self.docs[part][p]) >= MIN_DOCS
        ]


def tally(items: Iterable[tuple[str, str, str]]) -> Tally:
    """Count (part, phrase, resolution) triples."""
    t = Tally({p: Counter() for p in PARTS.values()}, {p: defaultdict(set) for p in PARTS.values()})
    for part, phrase, doc in items:
        t.count[part][phrase] += 1
        t.docs[part][phrase].add(doc)
    return t


def build(stats: Counter[str]) -> tuple[Tally, Tally]:
    """Read the corpus, learn the grammar, count the leads and their cores."""
    labelled, pending = read_structured(stats)
    verb_tally = tally((o.part, verb_key(o)[1], o.source) for o in labelled)
    verbs = {
        p: {
            v
            for v in verb_tally.kept(p)
            if verb_tally.count[p][v] * OTHER_PART_RATIO >= verb_tally.count[q][v]
        }
        for p, q in (("preamble", "operative"), ("operative", "preamble"))
    }
    openings = [o for o in labelled if verb_key(o)[1] in verbs[o.part]]
    stats["labelled openings: verb rare or in the other part"] += len(labelled) - len(openings)
    for part, text, name, mandate in pending:
        if mandate:
            o = resolve_mandate(part, text, name, mandate, verbs)
            stats["mandates layout: resolved" if o else "mandates layout: no known verb"] += 1
        else:
            o = recover(part, text, name, verbs, adjectives=True)
            stats["unlabelled: recovered" if o else "unlabelled: not a lead"] += 1
        if o:
            openings.append(o)
    known = {os.path.basename(f)[: -len(".json")] for f in structured_files()}
    for part, text, name in extra_openings(known, stats):
        o = recover(part, text, name, verbs, adjectives=False)
        stats["extra openings: lead" if o else "extra openings: no lead"] += 1
        if o:
            openings.append(o)
    grammar = learn_grammar(openings)
    leads = tally((o.part, lead_of(o, grammar), o.source) for o in openings)
    cores = tally((o.part, " ".join(o.words[: o.verb_at + o.verb_len]), o.source) for o in openings)
    return leads, cores


# --- output --------------------------------------------------------------------------------
def order(phrases: Iterable[str]) -> list[str]:
    """Longest first (in words, then characters), then alphabetically: longest match first."""
    return sorted(phrases, key=lambda p: (-len(p.split()), -len(p), p))


def render(leads: dict[str, list[str]]) -> str:
    lines = [
        "# GENERATED by tools/build_lexicon.py -- do not edit by hand; re-run the tool.",
        "# Source: /work/shared/corpus/structured/*.json (action_verb labels, both layouts),",
        "# /work/shared/corpus/pdf-text/*.json and /work/shared/corpus/markdown/*.md",
        "# (extra paragraph openings), holding out " + ", ".join(sorted(HOLDOUT)) + ";",
        f"# a phrase is kept if seen >= {MIN_COUNT} times in >= {MIN_DOCS} resolutions.",
        '"""Paragraph lead phrases by language and part, longest first (for longest match)."""',
        "",
        "from __future__ import annotations",
        "",
        "LEADS: dict[str, dict[str, tuple[str, ...]]] = {",
        '    "en": {',
    ]
    for part in ("preamble", "operative"):
        lines.append(f'        "{part}": (')
        lines.extend(f"            {json.dumps(p, ensure_ascii=False)}," for p in leads[part])
        lines.append("        ),")
    lines += ["    },", "}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", default=OUTPUT)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    stats: Counter[str] = Counter()
    t, cores = build(stats)
    leads = {p: order(set(t.kept(p)) | set(cores.kept(p))) for p in PARTS.values()}
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(render(leads))
    for key, n in sorted(stats.items()):
        print(f"  {key}: {n}")
    for part in PARTS.values():
        c = t.count[part]
        print(
            f"\n{part}: {len(leads[part])} phrases in the lexicon; {len(c)} distinct leads seen in"
            f" {sum(c.values())} openings; top {args.top}: count, resolutions, phrase"
        )
        for phrase, n in c.most_common(args.top):
            print(f"  {n:6d} {len(t.docs[part][phrase]):5d}  {phrase}")
    print(f"\nwrote {os.path.relpath(args.output, REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
