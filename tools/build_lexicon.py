#!/usr/bin/env python3
"""Build ``redline/parse/lexicon.py``: paragraph "leads" and header words in six languages.

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

Other languages (fr, es, ru, ar, zh)
-----------------------------------
The English build above is untouched; the other five languages are learnt from the aligned
texts under ``multilingual/`` by way of the English lexicon it produced:

* ``unpc-devset/resolution_lines.tsv`` (163 lines from resolutions) and the other lines of the
  same development set (``UNv1.0.devset.*``, line-aligned; mostly draft resolutions and
  decisions, L.xx documents): every line whose English text -- after its paragraph number
  ("2. ") -- opens with an English lead gives an *opening* per language, with the English
  lead and its part (numbered -> operative looked up first);
* ``udhr/*.xml``: the seven preambular paragraphs of the Universal Declaration (GA resolution
  217 A (III)), aligned by position, all opening with "Whereas" (the English lead of that
  group; "Whereas" itself is not added to the English lexicon, which stays as built above).
  Both Chinese files (simplified, traditional) are used.

Method, per language:

1. Analysis form: normalise() plus typographic apostrophe -> "'", Arabic in NFC without
   tatweel and combining marks (the matcher skips them), paragraph number ("2. ", "٣ - ")
   removed.  The opening
   is read up to the first punctuation mark: at most MAX_LEAD_WORDS words, for Chinese (no
   spaces) at most MAX_LEAD_CHARS characters.  An Arabic preambular opening loses the "و"
   ("and") joined to its first word ("وإذ تشير" -> "إذ تشير"): every preambular paragraph
   after the first has it, and counting both forms apart would halve the evidence; the
   matcher takes it back in front of any preambular lead.
   Openings are compared and counted in the matcher's own form
   (``redline.parse._leads.compare_form``), so spellings it takes as one are one phrase
   here: for Arabic, the hamza seats of alef and, above all, the two genders -- the General
   Assembly's verbs take the prefix ت and the suffix ها ("تشير", "في اعتبارها"), the
   Councils' ي and ه ("يشير", "في اعتباره"); counted apart, each form had half the
   evidence.  A kept phrase is written in its most frequent spelling.
2. The lead of an opening is its longest prefix (1..4 words, 1..6 characters) that
   - ends well: not in one of the STOP_RANK most frequent words of the language (articles,
     prepositions, possessives -- "son", "свою", "بأن" -- that start the object), not in an
     elided article ("l'", "qu'"), not in an Arabic particle alone ("إذ", "لما", "قد");
   - is supported: at least two openings of the same English lead start with it, whose
     English objects differ (``key``: the first English word after the lead that is not
     one of the KEY_COMMON most common English words -- two translations of "its strong
     commitment" share "son ferme attachement", which is object, not lead);
   - starts more than half of the openings that share its head (its first word; for an
     Arabic particle, the particle and the verb): "Acogiendo con beneplácito" (always
     together) and "Prend note" are taken, "Exhorta a las autoridades" (2 of 5 "Exhorta")
     is not.
   The openings of the same English lead are asked first; if none supports a prefix, all
   openings of the part are (translators render one English lead several ways and several
   English leads one way: "Souligne" for Stresses, Emphasizes, Underlines).  The brief's
   "shortest recurring n-gram" would keep "Se" for "Se félicitant" and "вновь" for "вновь
   подтверждая"; the longest prefix under the three rules avoids both.
3. Chinese: the same rules on characters, without the frequent-word test (Chinese has no
   spaces to tell words); 1-character leads are allowed because the documents use them
   ("请" = requests), which the 2..6 limit of the brief would lose.
4. A phrase is kept if chosen for at least MIN_COUNT openings.  Russian phrases are kept in
   the small letter the documents use; the matcher accepts a capital.  Arabic writes the
   same verb in both parts, the preambular paragraph putting the particle "إذ" ("while")
   before it ("وإذ ترحب" Welcoming, "ترحب" Welcomes; French, Spanish and Russian use a
   participle there instead): an Arabic phrase "إذ V" and the operative "V" are counted
   together, and both are kept when their sum reaches MIN_COUNT.
5. The build prints, per language, how many openings got a lead, the top phrases, and a
   held-out figure: the lexicon learnt *without* resolution_lines.tsv, and the share of
   that file's openings in which the parser's matcher (``find_lead_in``, the code behind
   ``find_lead``) finds a lead with it.

Header words (HEADER_WORDS): the enacting formulas are copied from the devset lines whose
English is "The General Assembly," etc. and from the UDHR paragraph that is the formula
alone.  The other words are listed in HEADER_EVIDENCE with the place each was copied from;
the build fails if a phrase is not found there and counts, for devset header lines, in how
many lines of that kind it occurs.  Vote-record words ("In favour:", "Against:",
"Abstaining:") occur in no multilingual file: English only (from structured/).

Closed word lists (WORDS, SYMBOL_PREFIXES): the months, the UN bodies, the masthead's labels,
the vote sentence, "Annex" -- the fixed words the header, vote and structure passes build their
patterns from, typed in CLOSED_WORDS below (closed lists are knowledge, not counts) and emitted
beside the counted words, so that lexicon.py is the one place for words of a language.

Language detection data: FUNCTION_WORDS (the FUNCTION_WORDS_N most frequent words of en,
fr, es, per 10,000) and LETTERS (non-ASCII Latin letters per 100,000), counted over the
devset without the lines of resolution_lines.tsv (so tests on that file measure unseen
lines) and the UDHR.

Run ``python3 tools/build_lexicon.py`` from the repository root; it rewrites
redline/parse/lexicon.py and prints a summary.  Stdlib, and the parser's matcher
(redline/parse/_leads.py, imported from this checkout) so that the build counts and
measures leads as the parser finds them.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
from redline.parse._leads import compare_form, find_lead_in  # noqa: E402

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


# --- other languages: the aligned corpus ---------------------------------------------------
MULTILINGUAL = os.path.join(CORPUS, "multilingual")
UNPC = os.path.join(MULTILINGUAL, "unpc-devset")
UDHR = os.path.join(MULTILINGUAL, "udhr")
UDHR_NS = "{http://www.unhchr.ch/udhr}"
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
OTHER_LANGUAGES = LANGUAGES[1:]
LATIN_LANGUAGES = ("en", "fr", "es")
UDHR_FILES = {
    "en": ("udhr_eng",),
    "fr": ("udhr_fra",),
    "es": ("udhr_spa",),
    "ru": ("udhr_rus",),
    "ar": ("udhr_arb",),
    "zh": ("udhr_cmn_hans", "udhr_cmn_hant"),
}
UDHR_LEAD = "Whereas"  # opens each of the Declaration's seven preambular paragraphs
MAX_LEAD_WORDS = 4
MAX_LEAD_CHARS = 6
KEY_COMMON = 20
STOP_RANK = 100
FUNCTION_WORDS_N = 100
# closed classes of Arabic: the particles that open a preambular clause ("whereas", "since",
# "having") -- never a lead by themselves -- and the conjunction "and", written joined to the
# next word, that opens every preambular paragraph after the first ("وإذ تشير" after "إذ تشير")
ARABIC_PARTICLES = frozenset({"إذ", "لما", "قد"})
ARABIC_AND = "و"
ARABIC_WHILE = "إذ"  # "while": the particle of a preambular clause whose verb is operative's
# tatweel and the combining marks of the Arabic block (harakat, shadda, sukun, Quranic signs)
ARABIC_IGNORED = re.compile(
    "[\u0640\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]"
)
NUMBER = re.compile(r"^\s*[0-9\u0660-\u0669]{1,3}\s*[.\-]\s*")  # "2. ", "2 - ", "٣ - "
TOKEN = re.compile(r"[^\W\d_]+")
KEY_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Aligned:
    """One paragraph opening whose English twin starts with a known English lead."""

    ref: str  # "unpc:1211" (line of the devset files) or "udhr_fra:3" (preamble paragraph)
    origin: str  # "resolution_lines", "devset" or "udhr"
    part: str
    en_lead: str
    key: str  # the first word of the English object that is not one of the most common words
    texts: tuple[tuple[str, str], ...]  # (language, sentence)


def analysis_form(text: str, language: str) -> str:
    """normalise(), typographic apostrophe to "'", Arabic in NFC without tatweel and marks."""
    text = normalise(text).replace("\u2019", "'")
    if language != "ar":
        return text
    return ARABIC_IGNORED.sub("", unicodedata.normalize("NFC", text))


def strip_number(text: str) -> str:
    m = NUMBER.match(text)
    return text[m.end() :] if m else text


def object_key(rest: str, common: frozenset[str]) -> str:
    """The first word after the lead that is not among the most common English words."""
    return next((w for w in KEY_TOKEN.findall(rest.lower()) if w not in common), "")


def english_lead(
    text: str, leads: dict[str, list[str]], common: frozenset[str]
) -> tuple[str, str, str] | None:
    """(part, lead, key) if ``text`` opens with an English lead; numbered -> operative first."""
    text = normalise(text)
    m = NUMBER.match(text)
    body = text[m.end() :] if m else text
    for part in ("operative", "preamble") if m else ("preamble", "operative"):
        for phrase in leads[part]:
            nxt = body[len(phrase) : len(phrase) + 1]
            if body.startswith(phrase) and not (nxt.isalnum() or nxt in "-_"):
                return part, phrase, object_key(body[len(phrase) :], common)
    return None


def read_lines(language: str) -> list[str]:
    with open(os.path.join(UNPC, f"UNv1.0.devset.{language}"), encoding="utf-8") as fh:
        return fh.read().split("\n")


def resolution_rows() -> dict[int, dict[str, str]]:
    """resolution_lines.tsv: devset line number -> {"doc", "ar", "en", ...}."""
    rows: dict[int, dict[str, str]] = {}
    with open(os.path.join(UNPC, "resolution_lines.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for raw in fh:
            cells = raw.rstrip("\n").split("\t")
            row = dict(zip(header, cells))
            rows[int(row.pop("line"))] = row
    return rows


def read_aligned(leads: dict[str, list[str]], stats: Counter[str]) -> list[Aligned]:
    """Openings of resolution_lines.tsv, of the rest of the devset and of the UDHR preamble."""
    rows = resolution_rows()
    lines = {lang: read_lines(lang) for lang in LANGUAGES}
    common = frozenset(w for w, _ in word_counts("en", set(rows)).most_common(KEY_COMMON))
    out: list[Aligned] = []
    for i in range(len(lines["en"])):
        row = rows.get(i + 1)
        texts = {lang: (row[lang] if row else lines[lang][i]) for lang in LANGUAGES}
        hit = english_lead(texts["en"], leads, common)
        origin = "resolution_lines" if row else "devset"
        stats[f"{origin}: lines"] += bool(texts["en"].strip())
        if not hit:
            continue
        stats[f"{origin}: English lead"] += 1
        part, lead, key = hit
        aligned = tuple((lang, texts[lang]) for lang in OTHER_LANGUAGES)
        out.append(Aligned(f"unpc:{i + 1}", origin, part, lead, key, aligned))
    for k, paragraphs in enumerate(zip(*(udhr_preamble(f) for f in UDHR_FILES["en"]))):
        text = paragraphs[0]
        if not text.startswith(UDHR_LEAD + " "):
            continue
        key = object_key(text[len(UDHR_LEAD) :], common)
        for lang in OTHER_LANGUAGES:
            for stem in UDHR_FILES[lang]:
                para = udhr_preamble(stem)[k]
                out.append(
                    Aligned(f"{stem}:{k + 1}", "udhr", "preamble", UDHR_LEAD, key, ((lang, para),))
                )
        stats["udhr: preambular paragraphs"] += 1
    return out


def udhr_preamble(stem: str) -> list[str]:
    """The paragraphs of the Declaration's preamble (its formula and proclamation included)."""
    root = ET.parse(os.path.join(UDHR, stem + ".xml")).getroot()
    preamble = root.find(UDHR_NS + "preamble")
    assert preamble is not None, stem
    return [" ".join("".join(p.itertext()).split()) for p in preamble.findall(UDHR_NS + "para")]


def udhr_all_text(stem: str) -> str:
    root = ET.parse(os.path.join(UDHR, stem + ".xml")).getroot()
    return "\n".join("".join(p.itertext()) for p in root.iter(UDHR_NS + "para"))


def word_counts(language: str, exclude: set[int]) -> Counter[str]:
    """Lower-cased word counts over the devset (minus ``exclude`` lines) and the UDHR."""
    counts: Counter[str] = Counter()
    texts = [t for i, t in enumerate(read_lines(language), 1) if i not in exclude]
    texts += [udhr_all_text(stem) for stem in UDHR_FILES[language]]
    for t in texts:
        counts.update(w.lower() for w in TOKEN.findall(t.replace("\u2019", "'")))
    return counts


def letter_counts(language: str, exclude: set[int]) -> Counter[str]:
    counts: Counter[str] = Counter()
    texts = [t for i, t in enumerate(read_lines(language), 1) if i not in exclude]
    texts += [udhr_all_text(stem) for stem in UDHR_FILES[language]]
    for t in texts:
        counts.update(ch for ch in t.lower() if ch.isalpha())
    return counts


def is_accented(ch: str, count: int) -> bool:
    """A Latin letter outside ASCII, seen at least 3 times."""
    o = ord(ch)
    return count >= 3 and not ch.isascii() and (o < 0x0250 or 0x1E00 <= o <= 0x1EFF)


def opening_units(text: str, language: str, part: str) -> tuple[str, ...]:
    """Words (characters for Chinese) at the start of a sentence, up to punctuation.

    An Arabic preambular opening loses the conjunction "and" joined to its first word.
    """
    text = strip_number(analysis_form(text, language))
    first = WORD.match(text)
    if language == "ar" and part == "preamble" and first and first.group()[:1] == ARABIC_AND:
        text = text[1:] if len(first.group()) > 2 else text
    if language != "zh":
        return leading_words(text, MAX_LEAD_WORDS)
    units: list[str] = []
    for ch in text[:MAX_LEAD_CHARS]:
        if not ch.isalpha():
            break
        units.append(ch)
    return tuple(units)


def join_units(units: Iterable[str], language: str) -> str:
    return ("" if language == "zh" else " ").join(units)


def fold(units: tuple[str, ...], language: str) -> tuple[str, ...]:
    """Units as the matcher compares them (lower case; Arabic folded), for counting."""
    return tuple(compare_form(u, language).lower() for u in units)


def ends_well(units: tuple[str, ...], language: str, stop: frozenset[str]) -> bool:
    """A lead does not end in a frequent word, an elided article or an Arabic particle."""
    if language == "zh":
        return True
    last = units[-1]
    return "'" not in last and last.lower() not in stop and last not in ARABIC_PARTICLES


@dataclass
class Learnt:
    """Per part: the lead chosen for each opening, counted by folded phrase."""

    language: str
    count: dict[str, Counter[str]] = field(
        default_factory=lambda: {p: Counter() for p in PARTS.values()}
    )
    forms: dict[str, dict[str, Counter[str]]] = field(
        default_factory=lambda: {p: defaultdict(Counter) for p in PARTS.values()}
    )
    refs: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: {p: defaultdict(list) for p in PARTS.values()}
    )
    openings: int = 0

    def kept(self, part: str) -> dict[str, int]:
        """Folded phrase kept -> count; written in its most frequent form.

        Arabic: the counts of "إذ V" (preamble) and "V" (operative) are pooled.
        """
        count, forms = self.count[part], self.forms[part]
        if self.language == "ar":
            count, forms = self.arabic_pooled(part)
        return {
            min(forms[p].items(), key=lambda kv: (-kv[1], kv[0]))[0]: n
            for p, n in count.items()
            if n >= MIN_COUNT
        }

    def arabic_pooled(self, part: str) -> tuple[Counter[str], dict[str, Counter[str]]]:
        """This part's counts and spellings with the other part's added, through "إذ"."""
        mark = " ".join(fold((ARABIC_WHILE,), "ar")) + " "
        count = Counter(self.count[part])
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for key, spellings in self.forms[part].items():
            forms[key].update(spellings)
        if part == "operative":
            for key, n in self.count["preamble"].items():
                if key.startswith(mark):
                    count[key[len(mark) :]] += n
                    for form, m in self.forms["preamble"][key].items():
                        forms[key[len(mark) :]][form.split(" ", 1)[1]] += m
        else:
            for key, n in self.count["operative"].items():
                count[mark + key] += n
                for form, m in self.forms["operative"][key].items():
                    forms[mark + key][f"{ARABIC_WHILE} {form}"] += m
        return count, forms


def learn_leads(items: list[Aligned], language: str, stop: frozenset[str]) -> Learnt:
    """The lead of each opening, decided by the other openings of the same English lead.

    A prefix (1..4 words, 1..6 Chinese characters) is supported by a set of openings when
    openings with at least two different English continuations (``key``) start with it -- so
    an object shared by two translations of the same English object does not count -- and
    it starts more than half of the openings that share its first word.  The longest
    supported prefix that ends well wins; the openings of the same English lead are asked
    first, all openings of the part second.
    """
    obs = [(a, opening_units(dict(a.texts)[language], language, a.part)) for a in items]
    obs = [(a, u) for a, u in obs if u]
    groups: dict[tuple[str, str], list[tuple[Aligned, tuple[str, ...]]]] = defaultdict(list)
    pools: dict[str, list[tuple[Aligned, tuple[str, ...]]]] = defaultdict(list)
    for a, u in obs:
        groups[(a.part, a.en_lead)].append((a, u))
        pools[a.part].append((a, u))

    def supported(prefix: tuple[str, ...], members: list[tuple[Aligned, tuple[str, ...]]]) -> bool:
        n = len(prefix)
        having = [a for a, u in members if fold(u[:n], language) == prefix]
        h = 2 if language == "ar" and prefix[0] in particles else 1
        head = sum(1 for _, u in members if fold(u[:h], language) == prefix[:h])
        return len({a.key for a in having}) >= 2 and 2 * len(having) > head

    particles = {fold((p,), language)[0] for p in ARABIC_PARTICLES}
    learnt = Learnt(language, openings=len(obs))
    for a, u in obs:
        lead: tuple[str, ...] = ()
        for members in (groups[(a.part, a.en_lead)], pools[a.part]):
            for n in range(len(u), 0, -1):
                if ends_well(u[:n], language, stop) and supported(fold(u[:n], language), members):
                    lead = u[:n]
                    break
            if lead:
                break
        if lead:
            key = join_units(fold(lead, language), language)
            learnt.count[a.part][key] += 1
            learnt.forms[a.part][key][join_units(lead, language)] += 1
            learnt.refs[a.part][key].append(a.ref)
    return learnt


# --- header words --------------------------------------------------------------------------
# Where the header words are found.  Each phrase is copied from the cited place ("unpc:N" is
# line N of the aligned devset files, "udhr_xxx.txt:N" a line of that UDHR text, anything
# else a corpus file); the build fails if the phrase is not there, and counts how many of the
# header lines of that kind (English side matched by HEADER_LINES) hold it in each language.
HEADER_LINES = {
    "session": re.compile(r"^[A-Z][\w-]*(?: [\w-]+)*? session(?: \d{4})?$"),
    "agenda item": re.compile(r"^Agenda items? \d"),
    "adopted by": re.compile(r"^Adopted by the "),
    "meeting": re.compile(r"^\d+(?:st|nd|rd|th) (?:plenary )?meeting\b"),
}
HEADER_EVIDENCE: tuple[tuple[str, str, str, str], ...] = (
    ("en", "session", "session", "unpc:1"),
    ("en", "session", "regular session", "unpc:99"),
    ("en", "session", "special session", "unpc:467"),
    ("en", "agenda item", "Agenda item", "unpc:146"),
    ("en", "agenda item", "Agenda items", "unpc:390"),
    ("en", "adopted by", "Adopted by", "unpc:3544"),
    ("en", "adopted by", "Resolution adopted by", "pdf-text/A_RES_78_137.json"),
    ("en", "meeting", "meeting", "unpc:561"),
    ("en", "meeting", "plenary meeting", "unpc:873"),
    ("en", "in favour", "In favour:", "structured/A_HRC_RES_24_24.json"),
    ("en", "against", "Against:", "structured/A_HRC_RES_24_24.json"),
    ("en", "abstaining", "Abstaining:", "structured/A_HRC_RES_24_24.json"),
    ("fr", "session", "session", "unpc:1"),
    ("fr", "session", "session ordinaire", "unpc:99"),
    ("fr", "session", "session extraordinaire", "unpc:467"),
    ("fr", "agenda item", "Point", "unpc:146"),
    ("fr", "agenda item", "Points", "unpc:390"),
    ("fr", "agenda item", "de l'ordre du jour", "unpc:146"),
    ("fr", "adopted by", "Adoptée par", "unpc:3544"),
    ("fr", "meeting", "séance", "unpc:561"),
    ("fr", "meeting", "séance plénière", "unpc:873"),
    ("es", "session", "período de sesiones", "unpc:1"),
    ("es", "session", "período ordinario de sesiones", "unpc:99"),
    ("es", "session", "período extraordinario de sesiones", "unpc:467"),
    ("es", "agenda item", "Tema", "unpc:146"),
    ("es", "agenda item", "Temas", "unpc:390"),
    ("es", "agenda item", "del programa", "unpc:146"),
    ("es", "adopted by", "Aprobada por", "unpc:3544"),
    ("es", "adopted by", "Adoptada y proclamada por", "udhr_spa.txt:8"),
    ("es", "meeting", "sesión", "unpc:561"),
    ("es", "meeting", "sesión plenaria", "unpc:2150"),
    ("es", "meeting", "reunión plenaria", "unpc:873"),
    ("ru", "session", "сессия", "unpc:1"),
    ("ru", "session", "очередная сессия", "unpc:99"),
    ("ru", "session", "специальная сессия", "unpc:467"),
    ("ru", "agenda item", "Пункт", "unpc:146"),
    ("ru", "agenda item", "Пункты", "unpc:390"),
    ("ru", "agenda item", "повестки дня", "unpc:146"),
    ("ru", "adopted by", "принятая", "unpc:3544"),
    ("ru", "adopted by", "Принята и провозглашена", "udhr_rus.txt:8"),
    ("ru", "meeting", "заседание", "unpc:561"),
    ("ru", "meeting", "пленарное заседание", "unpc:873"),
    ("ar", "session", "الدورة", "unpc:1"),
    ("ar", "session", "الدورة العادية", "unpc:99"),
    ("ar", "session", "الدورة الاستثنائية", "unpc:467"),
    ("ar", "agenda item", "البند", "unpc:146"),
    ("ar", "agenda item", "البندان", "unpc:390"),
    ("ar", "agenda item", "من جدول الأعمال", "unpc:146"),
    ("ar", "adopted by", "الذي اتخذه", "unpc:3544"),
    ("ar", "adopted by", "اعتُمد بموجب قرار", "udhr_arb.txt:8"),
    ("ar", "meeting", "الجلسة", "unpc:561"),
    ("ar", "meeting", "الجلسة العامة", "unpc:873"),
    ("zh", "session", "届会议", "unpc:1"),
    ("zh", "session", "届常会", "unpc:99"),
    ("zh", "session", "特别会议", "unpc:467"),
    ("zh", "agenda item", "议程项目", "unpc:146"),
    ("zh", "adopted by", "通过", "unpc:3544"),
    ("zh", "adopted by", "通过并颁布", "udhr_cmn_hans.txt:8"),
    ("zh", "meeting", "次会议", "unpc:561"),
    ("zh", "meeting", "次全体会议", "unpc:873"),
)
HEADER_KEYS = (
    "enacting",
    "session",
    "agenda item",
    "adopted by",
    "meeting",
    "in favour",
    "against",
    "abstaining",
)
ENACTING_EN = re.compile(r"^The (General Assembly|Economic and Social Council|Security Council),?$")


# --- closed word lists ---------------------------------------------------------------------
# The fixed words of the header, vote-record and structure passes: closed lists (the months,
# the UN bodies, the masthead's labels, the vote sentence), typed in, not counted, and emitted
# as WORDS so that every word of a language the parser knows stands in lexicon.py.  English
# only for now.  The parser builds its patterns from them; a phrase with {slots} is a sentence
# pattern whose slots the parser fills (numbers, or another key's words).
CLOSED_WORDS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "en": (
        (
            "months",
            "header dates ('12 July 2021') and adoption dates",
            (
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ),
        ),
        (
            "bodies",
            "a header line that names the body",
            (
                "Human Rights Council",
                "General Assembly",
                "Security Council",
                "Economic and Social Council",
                "Commission on Human Rights",
            ),
        ),
        ("organisation", "before the document symbol on the masthead", ("United Nations",)),
        ("distribution", "the masthead's distribution label", ("Distr.:",)),
        ("original", "the masthead's original-language label", ("Original:",)),
        ("session", "'Forty-seventh session', 'Twenty-eighth special session'", ("session",)),
        ("session kind", "between the ordinal and 'session'", ("special",)),
        ("adopted", "the header's adoption line", ("Resolution adopted by",)),
        ("report", "the bracketed committee line", ("on the report", "without reference")),
        (
            "formula article",
            "an enacting formula's article ('The General Assembly,')",
            ("The",),
        ),
        (
            "formula bodies",
            "the word that ends an enacting formula's body",
            (
                "Council",
                "Assembly",
                "Commission",
                "Conference",
                "Board",
                "Committee",
                "Meeting of States Parties",
            ),
        ),
        ("vote opening", "a line that opens the adoption record", ("[Adopted", "Adopted ")),
        ("ordinal", "after a meeting's number ('51st')", ("st", "nd", "rd", "th")),
        ("plenary", "'51st plenary meeting'", ("plenary",)),
        ("meeting", "'51st meeting'", ("meeting",)),
        ("recorded vote", "the vote's sentence", ("recorded vote of {yes} to {no}",)),
        ("abstentions", "after the recorded vote", (", with {abs} {abstention}",)),
        ("abstention", "its forms", ("abstentions", "abstention")),
        ("none", "'with no abstentions'", ("no",)),
        ("and", "between the last two States of a vote list", ("and",)),
        (
            "names with and",
            "Member States whose names hold 'and': kept whole when a vote list is split",
            (
                "Antigua and Barbuda",
                "Bosnia and Herzegovina",
                "Saint Kitts and Nevis",
                "Saint Vincent and the Grenadines",
                "Sao Tome and Principe",
                "Trinidad and Tobago",
                "United Kingdom of Great Britain and Northern Ireland",
            ),
        ),
        ("annex", "an annex heading ('Annex', 'Annex II')", ("Annex", "Appendix")),
        ("number suffixes", "an inserted paragraph's number ('3 bis')", ("bis", "ter", "quater")),
        ("footer", "a PDF page's footer", ("Please recycle",)),
    ),
}
# The symbol of a resolution of each body, for a header whose symbol line is missing.
SYMBOL_PREFIXES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Human Rights Council", "A/HRC/RES/"),
        ("General Assembly", "A/RES/"),
        ("Security Council", "S/RES/"),
        ("Economic and Social Council", "E/RES/"),
    ),
}


def evidence_text(ref: str, language: str) -> str:
    if ref.startswith("unpc:"):
        return read_lines(language)[int(ref[5:]) - 1]
    if ref.startswith("udhr_"):
        name, line = ref.rsplit(":", 1)
        with open(os.path.join(UDHR, name), encoding="utf-8") as fh:
            return fh.read().split("\n")[int(line) - 1]
    with open(os.path.join(CORPUS, ref), encoding="utf-8") as fh:
        return fh.read()


@dataclass
class HeaderWord:
    phrase: str
    ref: str
    support: str  # "n/N header lines of its kind", or "" where the kind has no aligned lines


def header_words() -> dict[str, dict[str, list[HeaderWord]]]:
    """Enacting formulas (aligned lines and the UDHR) and the checked HEADER_EVIDENCE."""
    lines = {lang: read_lines(lang) for lang in LANGUAGES}
    out: dict[str, dict[str, list[HeaderWord]]] = {lang: defaultdict(list) for lang in LANGUAGES}
    formulas = [i for i, t in enumerate(lines["en"]) if ENACTING_EN.match(t.strip())]
    for lang in LANGUAGES:
        seen: set[str] = set()
        for i in formulas:
            text = lines[lang][i].strip()
            if text not in seen:
                seen.add(text)
                out[lang]["enacting"].append(HeaderWord(text, f"unpc:{i + 1}", ""))
        # the UDHR: the paragraph that is the formula alone, naming the body of the
        # devset's "The General Assembly" line
        ga = next(lines[lang][i].strip() for i in formulas if "General Assembly" in lines["en"][i])
        core = ga.strip(",،，. ").removeprefix("إن ").replace("'", "’")
        for stem in UDHR_FILES[lang]:
            for k, para in enumerate(udhr_preamble(stem)):
                if core in para and len(para) <= len(core) + 6 and para not in seen:
                    seen.add(para)
                    out[lang]["enacting"].append(HeaderWord(para, f"{stem}.xml:{k + 1}", ""))
    kinds = {
        kind: [i for i, t in enumerate(lines["en"]) if rx.match(t.strip())]
        for kind, rx in HEADER_LINES.items()
    }
    for lang, kind, phrase, ref in HEADER_EVIDENCE:
        if phrase not in evidence_text(ref, lang):
            raise SystemExit(f"header evidence: {phrase!r} not found in {ref} ({lang})")
        support = ""
        if ref.startswith("unpc:") and kinds.get(kind):
            n = sum(phrase.lower() in lines[lang][i].lower() for i in kinds[kind])
            support = f"{n}/{len(kinds[kind])}"
        out[lang][kind].append(HeaderWord(phrase, ref, support))
    return out


@dataclass
class Multilingual:
    leads: dict[str, dict[str, dict[str, int]]]  # language -> part -> phrase -> count
    learnt: dict[str, Learnt]
    heldout: dict[str, tuple[int, int]]
    function_words: dict[str, list[tuple[str, int]]]
    letters: dict[str, list[tuple[str, int]]]
    stop: dict[str, list[str]]
    headers: dict[str, dict[str, list[HeaderWord]]]
    numbering: dict[str, Counter[str]]
    aligned: int


def number_shape(text: str) -> str:
    m = NUMBER.match(text)
    if not m:
        return "(none)"
    return re.sub("[\u0660-\u0669]", "٩", re.sub("[0-9]", "9", m.group().strip()))


def build_multilingual(en_leads: dict[str, list[str]], stats: Counter[str]) -> Multilingual:
    items = read_aligned(en_leads, stats)
    resolution = set(resolution_rows())
    stop: dict[str, list[str]] = {}
    function_words: dict[str, list[tuple[str, int]]] = {}
    letters: dict[str, list[tuple[str, int]]] = {}
    for lang in LANGUAGES:
        if lang == "zh":
            continue
        counts = word_counts(lang, resolution)
        stop[lang] = [w for w, _ in counts.most_common(STOP_RANK)]
        if lang in LATIN_LANGUAGES:
            total = sum(counts.values())
            function_words[lang] = [
                (w, max(1, round(n * 10000 / total)))
                for w, n in counts.most_common(FUNCTION_WORDS_N)
            ]
            lc = letter_counts(lang, resolution)
            total = sum(lc.values())
            letters[lang] = sorted(
                (
                    (ch, max(1, round(n * 100000 / total)))
                    for ch, n in lc.items()
                    if is_accented(ch, n)
                ),
                key=lambda kv: (-kv[1], kv[0]),
            )
    leads: dict[str, dict[str, dict[str, int]]] = {}
    learnt: dict[str, Learnt] = {}
    heldout: dict[str, tuple[int, int]] = {}
    numbering: dict[str, Counter[str]] = {}
    for lang in OTHER_LANGUAGES:
        mine = [a for a in items if any(lg == lang for lg, _ in a.texts)]
        s = frozenset(stop.get(lang, ()))
        learnt[lang] = learn_leads(mine, lang, s)
        leads[lang] = {p: learnt[lang].kept(p) for p in PARTS.values()}
        # held out: learn without resolution_lines.tsv, look for leads in its openings
        trained = learn_leads([a for a in mine if a.origin != "resolution_lines"], lang, s)
        phrases = {p: order(trained.kept(p)) for p in PARTS.values()}
        tests = [a for a in mine if a.origin == "resolution_lines"]
        found = 0
        for a in tests:
            body = strip_number(dict(a.texts)[lang])
            found += bool(find_lead_in(body, phrases[a.part], part=a.part, language=lang))
        heldout[lang] = (found, len(tests))
        numbering[lang] = Counter(
            number_shape(dict(a.texts)[lang]) for a in mine if a.part == "operative"
        )
    return Multilingual(
        leads,
        learnt,
        heldout,
        function_words,
        letters,
        stop,
        header_words(),
        numbering,
        len(items),
    )


# --- output --------------------------------------------------------------------------------
def order(phrases: Iterable[str]) -> list[str]:
    """Longest first (in words, then characters), then alphabetically: longest match first."""
    return sorted(phrases, key=lambda p: (-len(p.split()), -len(p), p))


def phrase_lines(phrases: Iterable[str], indent: str) -> list[str]:
    return [f"{indent}{json.dumps(p, ensure_ascii=False)}," for p in phrases]


def render(leads: dict[str, list[str]], ml: Multilingual) -> str:
    lines = [
        "# GENERATED by tools/build_lexicon.py -- do not edit by hand; re-run the tool.",
        "# Source: /work/shared/corpus/structured/*.json (action_verb labels, both layouts),",
        "# /work/shared/corpus/pdf-text/*.json and /work/shared/corpus/markdown/*.md",
        "# (extra paragraph openings), holding out " + ", ".join(sorted(HOLDOUT)) + ";",
        f"# a phrase is kept if seen >= {MIN_COUNT} times in >= {MIN_DOCS} resolutions.",
        '"""The words of each language the parser knows: paragraph leads (longest first, for',
        "longest match), header and vote words, language-detection counts, closed word lists.",
        '"""',
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
    lines.append("    },")
    lines += [
        "    # fr, es, ru, ar, zh: learnt from /work/shared/corpus/multilingual -- the openings",
        "    # aligned with an English lead above in unpc-devset (resolution_lines.tsv and the",
        "    # other devset lines) and the UDHR preamble (English 'Whereas'); kept if chosen for",
        f"    # >= {MIN_COUNT} openings.  Russian in the small letter the documents use (a capital",
        "    # also matches).  Arabic without tatweel and marks, one spelling per phrase as the",
        "    # matcher compares them (its ت/ي and ها/ه forms are one: GA feminine, Councils",
        "    # masculine), and 'إذ V' (preamble) counted with the operative 'V', the same verb.",
    ]
    for lang in OTHER_LANGUAGES:
        lines.append(f'    "{lang}": {{')
        for part in ("preamble", "operative"):
            lines.append(f'        "{part}": (')
            lines.extend(phrase_lines(order(ml.leads[lang][part]), "            "))
            lines.append("        ),")
        lines.append("    },")
    lines += ["}", ""]
    lines += [
        "# Header and vote-record words per language, copied from the corpus; the comment after",
        "# each phrase says where ('unpc:N' = line N of multilingual/unpc-devset/UNv1.0.devset.*,",
        "# 'udhr_xxx' = multilingual/udhr) and, for the header lines of the aligned devset, in how",
        "# many of them (English side of that kind) the phrase occurs.  'in favour', 'against' and",
        "# 'abstaining' (vote lists) occur in no multilingual corpus file: English only, from",
        "# structured/.",
        "HEADER_WORDS: dict[str, dict[str, tuple[str, ...]]] = {",
    ]
    for lang in LANGUAGES:
        lines.append(f'    "{lang}": {{')
        for key in HEADER_KEYS:
            words = ml.headers[lang].get(key)
            if not words:
                lines.append(f"        # {key!r}: not in the corpus")
                continue
            lines.append(f'        "{key}": (')
            for w in words:
                where = w.ref + (f" ({w.support})" if w.support else "")
                lines.append(f"            {json.dumps(w.phrase, ensure_ascii=False)},  # {where}")
            lines.append("        ),")
        lines.append("    },")
    lines += ["}", ""]
    lines += [
        f"# The {FUNCTION_WORDS_N} most frequent words of each Latin-script language, per 10,000",
        "# words (lower case, split at apostrophes), counted in multilingual/unpc-devset (without",
        "# the lines of resolution_lines.tsv) and the UDHR: for language detection.",
        "FUNCTION_WORDS: dict[str, tuple[tuple[str, int], ...]] = {",
    ]
    for lang in LATIN_LANGUAGES:
        lines.append(f'    "{lang}": (')
        lines.extend(
            f"        ({json.dumps(w, ensure_ascii=False)}, {n}),"
            for w, n in ml.function_words[lang]
        )
        lines.append("    ),")
    lines += ["}", ""]
    lines += [
        "# Letters outside ASCII per 100,000 letters, same texts (seen >= 3 times).",
        "LETTERS: dict[str, tuple[tuple[str, int], ...]] = {",
    ]
    for lang in LATIN_LANGUAGES:
        lines.append(f'    "{lang}": (')
        lines.extend(
            f"        ({json.dumps(ch, ensure_ascii=False)}, {n})," for ch, n in ml.letters[lang]
        )
        lines.append("    ),")
    lines += ["}", ""]
    lines += closed_lines()
    return "\n".join(lines)


def closed_lines() -> list[str]:
    """WORDS and SYMBOL_PREFIXES, from CLOSED_WORDS and SYMBOL_PREFIXES above."""
    lines = [
        "# The closed word lists of the header, vote-record and structure passes, typed into",
        "# tools/build_lexicon.py (CLOSED_WORDS), not counted: English only for now.  A phrase",
        "# with {slots} is a sentence pattern whose slots the parser fills.",
        "WORDS: dict[str, dict[str, tuple[str, ...]]] = {",
    ]
    for lang, entries in CLOSED_WORDS.items():
        lines.append(f'    "{lang}": {{')
        for key, note, words in entries:
            lines.append(f"        # {note}")
            if len(words) == 1:  # as ruff formats a one-phrase tuple
                lines.append(f'        "{key}": ({json.dumps(words[0], ensure_ascii=False)},),')
                continue
            lines.append(f'        "{key}": (')
            lines.extend(phrase_lines(words, "            "))
            lines.append("        ),")
        lines.append("    },")
    lines += ["}", ""]
    lines += [
        "# The symbol prefix of each body's resolutions ('A/HRC/RES/' + '46/13').",
        "SYMBOL_PREFIXES: dict[str, dict[str, str]] = {",
    ]
    for lang, prefixes in SYMBOL_PREFIXES.items():
        lines.append(f'    "{lang}": {{')
        lines.extend(
            f"        {json.dumps(body, ensure_ascii=False)}: {json.dumps(prefix)},"
            for body, prefix in prefixes
        )
        lines.append("    },")
    lines += ["}", ""]
    return lines


def report_multilingual(ml: Multilingual, stats: Counter[str], top: int) -> None:
    print(f"\nmultilingual: {ml.aligned} aligned openings with an English lead")
    for key, n in sorted(stats.items()):
        print(f"  {key}: {n}")
    for lang in OTHER_LANGUAGES:
        learnt = ml.learnt[lang]
        chosen = sum(sum(c.values()) for c in learnt.count.values())
        found, total = ml.heldout[lang]
        print(
            f"\n{lang}: {learnt.openings} openings, {chosen} given a lead;"
            f" lexicon {len(ml.leads[lang]['preamble'])} preamble +"
            f" {len(ml.leads[lang]['operative'])} operative phrases;"
            f" held-out (learnt without resolution_lines.tsv) finds a lead in"
            f" {found}/{total} of its openings"
        )
        if lang in ml.stop:
            print(f"  frequent words (cannot end a lead): {' '.join(ml.stop[lang][:20])} ...")
        for part in PARTS.values():
            best = sorted(ml.leads[lang][part].items(), key=lambda kv: (-kv[1], kv[0]))[:top]
            print(f"  {part}: " + ", ".join(f"{p} {n}" for p, n in best))
        shapes = ", ".join(f"{s!r} {n}" for s, n in ml.numbering[lang].most_common(4))
        print(f"  operative numbering: {shapes}")
    print("\nheader words:")
    for lang in LANGUAGES:
        have = [k for k in HEADER_KEYS if ml.headers[lang].get(k)]
        missing = [k for k in HEADER_KEYS if k not in have]
        print(
            f"  {lang}: {len(have)} kinds" + (f"; not in the corpus: {missing}" if missing else "")
        )


def english_leads(t: Tally, cores: Tally) -> dict[str, list[str]]:
    """The English lexicon: every kept lead and every kept core, longest first."""
    return {p: order(set(t.kept(p)) | set(cores.kept(p))) for p in PARTS.values()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", default=OUTPUT)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    stats: Counter[str] = Counter()
    t, cores = build(stats)
    leads = english_leads(t, cores)
    ml_stats: Counter[str] = Counter()
    ml = build_multilingual(leads, ml_stats)
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(render(leads, ml))
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
    report_multilingual(ml, ml_stats, min(args.top, 12))
    print(f"\nwrote {os.path.relpath(args.output, REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
