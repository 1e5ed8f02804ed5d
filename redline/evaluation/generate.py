"""Revision pairs with a known answer: a resolution, a negotiated revision of it, the gold.

The aligner is judged on pairs whose right answer is known by construction, not by a
reader: `revise` applies the operations of a negotiation (word edits, deletions, new
paragraphs, moves, preamble/operative swaps, splits and merges) to a base resolution and
keeps track of where every paragraph went. Random choices come from one `random.Random`
per pair, so a seed names a pair for ever.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..align import similarity, stationary
from ..model import NoteRef, Paragraph, Part, Resolution
from ..parse.lexicon import LEADS

__all__ = ["ALL_KINDS", "NEW_CUTOFF", "GoldMatch", "RevisionPair", "revise", "revision_pairs"]

ALL_KINDS = (
    "edit", "delete", "insert", "move_near", "move_far", "promote", "demote", "split", "merge",
)  # fmt: skip
NEW_CUTOFF = 0.3
"""An inserted paragraph's word similarity to every base paragraph stays below this."""
_MAX_EDIT = 0.3  # share of a paragraph's words one edit may touch: the pair stays a pair
_TERMINAL = {Part.PREAMBLE: ",", Part.OPERATIVE: ";"}


@dataclass(frozen=True, slots=True)
class GoldMatch:
    """The known fate of paragraphs: indices into `old.paragraphs` and `new.paragraphs`.

    `moved` follows the report's rule (see `_gold`); split and merged matches take part in
    it by their first old and first new index.
    """

    kind: str
    old: tuple[int, ...]
    new: tuple[int, ...]
    moved: bool
    part_changed: bool


@dataclass(frozen=True, slots=True)
class RevisionPair:
    """A base resolution, its revision, the gold matches and what was done, in order.

    Operations name paragraphs by their old labels (new ones new1, new2…); a target
    position ("-> OP3") is the position at the time of the operation.
    """

    name: str
    old: Resolution
    new: Resolution
    gold: tuple[GoldMatch, ...]
    operations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Item:
    """A paragraph of the revision in progress (two after a split) and where it came from."""

    name: str
    old: tuple[int, ...]
    paragraphs: tuple[Paragraph, ...]
    origin: str = "same"  # same | added | split | merged
    edited: bool = False
    crossed: bool = False

    @property
    def plain(self) -> bool:
        """One old paragraph, whole and in its part: what delete, split, merge, swaps act on."""
        return self.origin == "same" and len(self.paragraphs) == 1 and not self.crossed


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_REPLACEMENTS = (
    "effective", "relevant", "national", "regional", "sustainable", "meaningful", "inclusive",
    "appropriate", "continued", "enhanced", "full", "timely", "voluntary", "concrete",
    "practical", "all", "further", "genuine", "coordinated", "targeted",
)  # fmt: skip
_INSERTS = (
    "inter alia,", "as appropriate,", "where appropriate,", "full and effective",
    "in accordance with international law", "and other relevant stakeholders", "at all levels",
    "in particular", "in a transparent manner",
)  # fmt: skip
_CLAUSES = (
    ", including through the exchange of best practices", ", as appropriate",
    ", in accordance with its programme of work", ", taking into account national circumstances",
    ", within existing resources", ", upon the request of the States concerned",
)  # fmt: skip
_SYNTH = {
    "lead": {
        Part.PREAMBLE: ("Noting", "Acknowledging", "Aware", "Convinced", "Recognizing"),
        Part.OPERATIVE: ("Encourages", "Invites", "Calls upon", "Urges"),
    },
    "who": ("Member States", "regional organizations", "national statistical offices",
            "development partners", "local authorities", "parliaments"),
    "what": ("digital literacy programmes", "early warning systems", "vocational training",
             "public procurement standards", "data protection frameworks", "coastal resilience",
             "rural broadband access", "climate adaptation finance", "maternal health services"),
    "tail": ("with particular attention to small island developing States",
             "through voluntary peer learning", "on the basis of mutually agreed terms",
             "drawing on lessons learned from pilot projects"),
}  # fmt: skip
_TO_OPERATIVE = {
    "Deeply concerned": "Expresses deep concern",
    "Gravely concerned": "Expresses grave concern",
    "Seriously concerned": "Expresses serious concern",
    "Concerned": "Expresses concern",
    "Recognizing": "Recognizes",
    "Reaffirming": "Reaffirms",
    "Recalling": "Recalls",
}
_ADVERBS = ("also", "further")
_VERBS = frozenset(w.casefold() for p in LEADS["en"]["operative"] for w in p.split())


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def _to_operative(lead: str) -> str | None:
    """ "Reaffirming also" -> "Also reaffirms"; None for a lead with no operative form."""
    words = lead.split()
    adverbs = [w.lower() for w in words if w.lower() in _ADVERBS]
    rest = [w for w in words if w.lower() not in _ADVERBS]
    head = _TO_OPERATIVE.get(" ".join(rest))
    if head is None:
        k = next((k for k, w in enumerate(rest) if w.endswith("ing") and len(w) > 5), None)
        if k is None or any(not w.endswith("ly") for w in rest[:k]):
            return None
        stem = rest[k][:-3]
        verb = next((v for v in (stem + "s", stem + "es") if v.casefold() in _VERBS), stem + "s")
        head = " ".join([*rest[:k], verb, *rest[k + 1 :]])
    if adverbs:
        head = " ".join([*(a.capitalize() for a in adverbs), _lower_first(head)])
    return _upper_first(head)


def _to_preamble(lead: str) -> str | None:
    """ "Also reaffirms" -> "Reaffirming also"; None when no verb in -s leads it."""
    words = lead.split()
    adverbs: list[str] = []
    while words and words[0].lower() in _ADVERBS:
        adverbs.append(words.pop(0).lower())
    k = next((k for k, w in enumerate(words) if not w.lower().endswith("ly")), None)
    if k is None or not words[k].endswith("s") or len(words[k]) < 4:
        return None
    w = words[k]
    if w.endswith("ees"):
        w = w[:-1] + "ing"
    elif w.endswith("ies"):
        w = w[:-3] + "ying"
    elif w.endswith("es") and not w.endswith("ys"):
        w = w[:-2] + "ing"
    else:
        w = w[:-1] + "ing"
    return _upper_first(" ".join([*words[:k], _lower_first(w), *words[k + 1 :], *adverbs]))


def _splice(p: Paragraph, start: int, end: int, new: str) -> Paragraph:
    """Replace `text[start:end]`, carrying footnote marks along (those inside go to `start`)."""
    delta = len(new) - (end - start)
    notes = tuple(
        n if n.offset <= start else NoteRef(n.offset + delta if n.offset >= end else start, n.mark)
        for n in p.notes
    )
    return replace(p, text=p.text[:start] + new + p.text[end:], notes=notes)


def _relead(p: Paragraph, lead: str) -> Paragraph:
    return replace(_splice(p, 0, len(p.lead), lead), lead=lead)


def _terminate(p: Paragraph, mark: str) -> Paragraph:
    """Give a paragraph the full stop, comma or semicolon its place asks for."""
    if p.subparagraphs or not p.text or p.text[-1] not in ",;." or p.text[-1] == mark:
        return p
    return _splice(p, len(p.text) - 1, len(p.text), mark)


def _lead_of(text: str, part: Part, language: str) -> str:
    """The longest lexicon lead that opens `text` (the lexicon is sorted longest first)."""
    for phrase in LEADS.get(language, {}).get(part.value, ()):
        if text.startswith(phrase) and not text[len(phrase) : len(phrase) + 1].isalnum():
            return phrase
    return ""


class _Revision:
    """The revision in progress: items per part, the operations done, the donors left."""

    def __init__(self, base: Resolution, rng: random.Random, donors: Sequence[Paragraph]) -> None:
        self.base, self.rng = base, rng
        self.done: list[str] = []
        self.parts: dict[Part, list[_Item]] = {part: [] for part in Part}
        for i, p in enumerate(base.paragraphs):
            self.parts[p.part].append(_Item(p.label, (i,), (p,)))
        self.donors = [d for d in donors if self.novel(d)]
        self.added = 0

    def novel(self, p: Paragraph) -> bool:
        return all(similarity(p, b) < NEW_CUTOFF for b in self.base.paragraphs)

    def items(self, test: Callable[[_Item], bool]) -> list[tuple[Part, int]]:
        return [
            (part, k)
            for part, items in self.parts.items()
            for k, it in enumerate(items)
            if test(it)
        ]

    def pick(self, test: Callable[[_Item], bool]) -> tuple[Part, int, _Item] | None:
        found = self.items(test)
        if not found:
            return None
        part, k = self.rng.choice(found)
        return part, k, self.parts[part][k]

    def label(self, part: Part, k: int) -> str:
        return f"{part.prefix}{k + 1}"


def _edit(rev: _Revision) -> str | None:
    """Replace, insert or delete a few words, add "also" to a lead or a clause at the end."""
    found = rev.pick(
        lambda it: (
            len(it.paragraphs) == 1
            and it.origin in ("same", "added")
            and not it.edited
            and len(_WORD.findall(it.paragraphs[0].text)) >= 4
        )
    )
    if found is None:
        return None
    part, k, item = found
    p, rng = item.paragraphs[0], rev.rng
    budget = max(1, int(_MAX_EDIT * len(_WORD.findall(p.text))))
    spent = 0
    for _ in range(rng.randint(1, 3)):
        left = budget - spent
        words = [m.span() for m in _WORD.finditer(p.text) if m.start() >= len(p.lead)]
        how = rng.choice(("replace", "replace", "insert", "delete", "lead", "clause"))
        n = rng.randint(1, min(3, left))
        runs = [  # n words from w, each followed by one space: no clause boundary crossed
            w
            for w in range(len(words) - n)
            if all(p.text[words[v][1] : words[v + 1][0]] == " " for v in range(w, w + n))
        ]
        if how == "replace" and runs:
            w = rng.choice(runs)
            new = " ".join(rng.sample(_REPLACEMENTS, rng.randint(1, n)))
            if new.casefold() != p.text[words[w][0] : words[w + n - 1][1]].casefold():
                p, spent = _splice(p, words[w][0], words[w + n - 1][1], new), spent + n
        elif how == "insert" and words:
            phrase = rng.choice([s for s in _INSERTS if len(s.split()) <= left] or [""])
            if phrase:
                at = rng.choice(words)[0]
                p, spent = _splice(p, at, at, phrase + " "), spent + len(phrase.split())
        elif how == "delete" and runs and len(words) - n >= 3:
            w = rng.choice(runs)
            p, spent = _splice(p, words[w][0], words[w + n][0], ""), spent + n
        elif how == "lead" and p.lead and part in _TERMINAL and rev.base.language == "en":
            if not any(w.lower() in _ADVERBS for w in p.lead.split()):
                adverb = rng.choice(_ADVERBS)
                if part is Part.PREAMBLE:
                    lead = f"{p.lead} {adverb}"
                else:
                    lead = f"{adverb.capitalize()} {_lower_first(p.lead)}"
                p, spent = _relead(p, lead), spent + 1
        elif how == "clause" and not p.subparagraphs and p.text[-1:] in (",", ";", "."):
            clause = rng.choice([c for c in _CLAUSES if len(c.split()) <= left] or [""])
            if clause:
                end = len(p.text) - 1
                p, spent = _splice(p, end, end, clause), spent + len(clause.split())
        if spent >= budget:
            break
    if not spent:
        return None
    rev.parts[part][k] = replace(item, paragraphs=(p,), edited=True)
    return f"edit {item.name}: {spent} words"


def _delete(rev: _Revision) -> str | None:
    found = rev.pick(lambda it: it.plain)
    if found is None or len(rev.parts[found[0]]) < 2:
        return None
    part, k, item = found
    del rev.parts[part][k]
    return f"delete {item.name}"


def _synthesize(rev: _Revision, part: Part) -> Paragraph | None:
    """A paragraph from a small word list, on a subject no base paragraph speaks of."""
    rng, words = rev.rng, _SYNTH
    for _ in range(20):
        lead = rng.choice(words["lead"][part])
        what = " and ".join(rng.sample(words["what"], 2))
        who, tail = rng.choice(words["who"]), rng.choice(words["tail"])
        if part is Part.PREAMBLE:
            text = f"{lead} that {who} can contribute to {what} {tail},"
        else:
            text = f"{lead} {who} to support {what} {tail};"
        p = Paragraph(part, 0, text, lead=lead)
        if rev.novel(p):
            return p
    return None


def _insert(rev: _Revision) -> str | None:
    """A new paragraph: a donor's (another resolution's), else one from the word list."""
    parts = [part for part in _TERMINAL if rev.parts[part]] or [
        part for part in Part if rev.parts[part]
    ]
    if not parts:
        return None
    part = rev.rng.choice(parts)
    same = [d for d in rev.donors if d.part is part]
    p: Paragraph | None = None
    source = "donor"
    if same:
        p = same[rev.rng.randrange(len(same))]
        rev.donors.remove(p)
        p = replace(p, notes=(), line=0)
    elif rev.base.language == "en" and part in _TERMINAL:
        p, source = _synthesize(rev, part), "word list"
    if p is None:
        return None
    p = replace(p, part=part)
    if part in _TERMINAL:
        p = _terminate(p, _TERMINAL[part])
    rev.added += 1
    at = rev.rng.randint(0, len(rev.parts[part]))
    rev.parts[part].insert(at, _Item(f"new{rev.added}", (), (p,), "added"))
    return f"insert new{rev.added} ({source}) -> {rev.label(part, at)}"


def _move(rev: _Revision, *, far: bool) -> str | None:
    """Move within a part: near is one or two places, far three or more."""
    found = rev.pick(lambda it: True)
    if found is None:
        return None
    part, k, item = found
    items = rev.parts[part]
    targets = [t for t in range(len(items)) if (abs(t - k) >= 3) == far and t != k]
    if not targets:
        return None
    t = rev.rng.choice(targets)
    items.insert(t, items.pop(k))
    where = f"after {items[t - 1].name}" if t else f"before {items[1].name}"
    return f"move {item.name} -> {where}"


def _swap_part(rev: _Revision, *, to: Part) -> str | None:
    """Promote a preambular paragraph to the operative part, or demote one the other way."""
    source = Part.PREAMBLE if to is Part.OPERATIVE else Part.OPERATIVE
    convert = _to_operative if to is Part.OPERATIVE else _to_preamble
    if rev.base.language != "en" or not rev.parts[to]:
        return None
    found = rev.pick(
        lambda it: (
            it.plain
            and it.paragraphs[0].part is source
            and convert(it.paragraphs[0].lead) is not None
        )
    )
    if found is None or len(rev.parts[source]) < 2:
        return None
    _, k, item = found
    p = item.paragraphs[0]
    p = _terminate(replace(_relead(p, convert(p.lead) or ""), part=to), _TERMINAL[to])
    del rev.parts[source][k]
    edge = 0 if to is Part.OPERATIVE else len(rev.parts[to])
    at = edge if rev.rng.random() < 0.5 else rev.rng.randint(0, len(rev.parts[to]))
    rev.parts[to].insert(at, replace(item, paragraphs=(p,), crossed=True))
    verb = "promote" if to is Part.OPERATIVE else "demote"
    return f"{verb} {item.name} -> {rev.label(to, at)}"


def _split(rev: _Revision) -> str | None:
    """Cut a paragraph at ", and " or "; "; the second half opens with a lead of its part."""

    def cuts(p: Paragraph) -> list[re.Match[str]]:
        return [
            m
            for m in re.finditer(r", and |; ", p.text)
            if len(_WORD.findall(p.text[len(p.lead) : m.start()])) >= 5
            and len(_WORD.findall(p.text[m.end() :])) >= 5
        ]

    found = rev.pick(
        lambda it: it.plain and it.paragraphs[0].part in _TERMINAL and bool(cuts(it.paragraphs[0]))
    )
    if found is None:
        return None
    part, k, item = found
    p = item.paragraphs[0]
    cut = rev.rng.choice(cuts(p))
    body = p.text[cut.end() :]
    lead = _lead_of(_upper_first(body), part, rev.base.language)
    if lead:
        text = _upper_first(body)
    else:
        leads = sorted({q.lead for q in rev.base.part(part) if q.lead} or {p.lead})
        lead = rev.rng.choice(leads)
        text = f"{lead} {body}".strip()
    shift = len(text) - len(body) - cut.end()
    before = tuple(n for n in p.notes if n.offset <= cut.start())
    rest = (n for n in p.notes if n.offset > cut.start())
    after = tuple(NoteRef(max(n.offset + shift, len(lead)), n.mark) for n in rest)
    first = replace(p, text=p.text[: cut.start()] + _TERMINAL[part], subparagraphs=(), notes=before)
    second = replace(p, text=text, lead=lead, notes=after)
    rev.parts[part][k] = replace(item, paragraphs=(first, second), origin="split")
    return f"split {item.name} at {cut.group()!r}"


def _merge(rev: _Revision) -> str | None:
    """Join two paragraphs that stood side by side in the old text and still do."""

    def joinable(part: Part, k: int) -> bool:
        items = rev.parts[part]
        a, b = items[k], items[k + 1] if k + 1 < len(items) else None
        return (
            b is not None
            and a.plain
            and b.plain
            and b.old[0] == a.old[0] + 1
            and not a.paragraphs[0].subparagraphs
        )

    found = [(part, k) for part, k in rev.items(lambda it: True) if joinable(part, k)]
    if not found:
        return None
    part, k = rev.rng.choice(found)
    a, b = rev.parts[part][k], rev.parts[part][k + 1]
    p, q = a.paragraphs[0], b.paragraphs[0]
    head = p.text[:-1] if p.text[-1:] in (",", ";", ".") else p.text
    head += ", and "
    tail = _lower_first(q.text) if q.lead else q.text
    notes = tuple(NoteRef(min(n.offset, len(head)), n.mark) for n in p.notes)
    notes += tuple(NoteRef(n.offset + len(head), n.mark) for n in q.notes)
    merged = replace(p, text=head + tail, notes=notes, subparagraphs=q.subparagraphs)
    rev.parts[part][k : k + 2] = [_Item(f"{a.name}+{b.name}", a.old + b.old, (merged,), "merged")]
    return f"merge {a.name} + {b.name}"


_OPERATIONS: dict[str, Callable[[_Revision], str | None]] = {
    "edit": _edit,
    "delete": _delete,
    "insert": _insert,
    "move_near": lambda rev: _move(rev, far=False),
    "move_far": lambda rev: _move(rev, far=True),
    "promote": lambda rev: _swap_part(rev, to=Part.OPERATIVE),
    "demote": lambda rev: _swap_part(rev, to=Part.PREAMBLE),
    "split": _split,
    "merge": _merge,
}


def _punctuate(rev: _Revision) -> None:
    """Where the base ends its paragraphs ",", ";" and a last ".", make the revision do so."""
    pre = [p.text[-1:] for p in rev.base.preamble if not p.subparagraphs]
    ops = [p.text[-1:] for p in rev.base.operative if not p.subparagraphs]
    if set(pre) - {","} or not ops or set(ops[:-1]) - {";"} or ops[-1] != ".":
        return
    for part in _TERMINAL:
        items = rev.parts[part]
        for k, item in enumerate(items):
            last = part is Part.OPERATIVE and k == len(items) - 1
            marks = [_TERMINAL[part]] * len(item.paragraphs)
            marks[-1] = "." if last else marks[-1]
            paragraphs = tuple(_terminate(p, m) for p, m in zip(item.paragraphs, marks))
            if paragraphs != item.paragraphs:
                rev.done.append(f"punctuate {item.name} -> {marks[-1]!r}")
                items[k] = replace(item, paragraphs=paragraphs)


def _same(a: Paragraph, b: Paragraph) -> bool:
    """Unchanged as `redline.align` decides it: text, sub-paragraphs and footnote marks."""
    return a.text == b.text and a.subparagraphs == b.subparagraphs and a.notes == b.notes


def _gold(
    old: Resolution, parts: dict[Part, list[_Item]]
) -> tuple[tuple[Paragraph, ...], tuple[GoldMatch, ...]]:
    """The new paragraphs, numbered, and the gold matches in new order, then the deleted.

    "moved" mirrors `redline.align.align`: the pairs within one part (a split or merge by
    its first old and first new index) go to `stationary`, weighted by the old paragraph's
    length; those it leaves out moved, and so did every pair that changed part.
    """
    paragraphs: list[Paragraph] = []
    placed: list[tuple[_Item, tuple[int, ...]]] = []
    for part in Part:
        index = 0
        for item in parts[part]:
            start = len(paragraphs)
            for p in item.paragraphs:
                index += 1
                number = {Part.OPERATIVE: str(index), Part.PREAMBLE: ""}.get(part, p.number)
                paragraphs.append(replace(p, part=part, index=index, number=number))
            placed.append((item, tuple(range(start, len(paragraphs)))))
    pairs = sorted((item.old[0], new[0]) for item, new in placed if item.old)
    pairs = [(i, j) for i, j in pairs if old.paragraphs[i].part is paragraphs[j].part]
    kept = stationary(pairs, [len(old.paragraphs[i].full_text) for i, _ in pairs])
    still = {pairs[k] for k in kept}
    gold: list[GoldMatch] = []
    for item, new in placed:
        if not item.old:
            gold.append(GoldMatch("added", (), new, False, False))
            continue
        kind = item.origin
        if kind == "same":
            same = _same(old.paragraphs[item.old[0]], paragraphs[new[0]])
            kind = "unchanged" if same else "modified"
        crossed = old.paragraphs[item.old[0]].part is not paragraphs[new[0]].part
        moved = crossed or (item.old[0], new[0]) not in still
        gold.append(GoldMatch(kind, item.old, new, moved, crossed))
    seen = {i for item, _ in placed for i in item.old}
    gone = (i for i in range(len(old.paragraphs)) if i not in seen)
    gold += [GoldMatch("deleted", (i,), (), False, False) for i in gone]
    return tuple(paragraphs), tuple(gold)


def revise(
    base: Resolution,
    *,
    seed: int,
    operations: int = 6,
    kinds: Sequence[str] = ALL_KINDS,
    donors: Sequence[Paragraph] = (),
) -> RevisionPair:
    """Revise `base` by `operations` random negotiation steps of `kinds`; the gold with it.

    A step that finds nothing to act on is drawn again (up to 20 tries a step), so a pair
    may have fewer steps than asked. New paragraphs come from `donors` (paragraphs of other
    resolutions) when one of the right part is unlike every base paragraph.

    >>> pair = revise(redline.parse(Path("examples/hrc-46-13.txt")), seed=1, kinds=("split",))
    >>> any(g.kind == "split" for g in pair.gold)
    True
    """
    unknown = sorted(set(kinds) - set(ALL_KINDS))
    if unknown or not kinds:
        raise ValueError(f"unknown operation kinds {unknown}; choose from {ALL_KINDS}")
    rev = _Revision(base, random.Random(seed), donors)
    tries = 0
    while len(rev.done) < operations and tries < 20 * operations:
        tries += 1
        done = _OPERATIONS[rev.rng.choice(tuple(kinds))](rev)
        if done:
            rev.done.append(done)
    _punctuate(rev)
    paragraphs, gold = _gold(base, rev.parts)
    name = f"{base.header.symbol or base.source} seed {seed}"
    return RevisionPair(name, base, replace(base, paragraphs=paragraphs), gold, tuple(rev.done))


def revision_pairs(
    bases: Sequence[Resolution],
    *,
    count: int,
    seed: int = 0,
    operations: int = 6,
    kinds: Sequence[str] = ALL_KINDS,
    donors: Sequence[Paragraph] | None = None,
) -> list[RevisionPair]:
    """`count` pairs, taking the bases in turn; pair k has seed `seed * 100003 + k`.

    Donors default to the paragraphs of the other bases.
    """
    pairs = []
    for k in range(count):
        base = bases[k % len(bases)]
        given = donors
        if given is None:
            given = [p for b in bases if b is not base for p in b.paragraphs]
        pairs.append(
            revise(base, seed=seed * 100003 + k, operations=operations, kinds=kinds, donors=given)
        )
    return pairs
