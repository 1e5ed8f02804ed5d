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

from redline.align import similarity
from redline.model import Footnote, NoteRef, Paragraph, Part, Resolution

from ._wording import (
    ADVERBS,
    CLAUSES,
    INSERTS,
    REPLACEMENTS,
    TERMINAL,
    WORD,
    lead_of,
    lower_first,
    relead,
    splice,
    synthesize,
    terminate,
    to_operative,
    to_preamble,
    upper_first,
    with_adverb,
)
from .moves import moved as moved_by_rule

__all__ = ["ALL_KINDS", "GoldMatch", "NEW_CUTOFF", "RevisionPair", "revise", "revision_pairs"]

ALL_KINDS = (
    "edit", "delete", "insert", "move_near", "move_far", "promote", "demote", "split", "merge",
)  # fmt: skip
NEW_CUTOFF = 0.3
"""An inserted paragraph's word similarity to every base paragraph stays below this."""
_MAX_EDIT = 0.3  # share of a paragraph's words one edit may touch: the pair stays a pair


@dataclass(frozen=True, slots=True)
class GoldMatch:
    """The known fate of paragraphs: indices into `old.paragraphs` and `new.paragraphs`.

    `kind` is a `redline.align.Kind` value: unchanged, modified, added, deleted, split (old
    (i,), new (j, j+1)) or merged (old (i, i+1), new (j,)). `moved` follows the report's
    rule (see `_gold`); split and merged matches take part in it by their first old and
    first new index.
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
    position ("-> OP3") is the position at the time of the operation. Trailing "punctuate"
    entries record the commas, semicolons and final full stop set right afterwards.
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
    def editable(self) -> bool:
        """One old paragraph not edited yet: a second edit could take it past the 30%, and an
        edit to an added paragraph could bring it near an old one (it must stay new)."""
        return len(self.paragraphs) == 1 and self.origin == "same" and not self.edited

    @property
    def plain(self) -> bool:
        """One old paragraph, whole and in its part: what delete, split, merge, swaps act on."""
        return self.origin == "same" and len(self.paragraphs) == 1 and not self.crossed


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

    def pick(self, test: Callable[[_Item], bool]) -> tuple[Part, int, _Item] | None:
        found = [
            (part, k) for part, its in self.parts.items() for k, it in enumerate(its) if test(it)
        ]
        if not found:
            return None
        part, k = self.rng.choice(found)
        return part, k, self.parts[part][k]


def _edit(rev: _Revision) -> str | None:
    """Replace, insert or delete a few words, add "also" to a lead or a clause at the end."""
    found = rev.pick(lambda it: it.editable and len(WORD.findall(it.paragraphs[0].text)) >= 4)
    if found is None:
        return None
    part, k, item = found
    p, rng = item.paragraphs[0], rev.rng
    budget = max(1, int(_MAX_EDIT * len(WORD.findall(p.text))))
    spent = 0
    for _ in range(rng.randint(1, 6)):
        left = budget - spent
        words = [m.span() for m in WORD.finditer(p.text) if m.start() >= len(p.lead)]
        how = rng.choice(("replace", "replace", "insert", "delete", "lead", "clause"))
        n = rng.randint(1, min(3, left))
        runs = [  # n words from w, each followed by one space: no clause boundary crossed
            w
            for w in range(len(words) - n)
            if all(p.text[words[v][1] : words[v + 1][0]] == " " for v in range(w, w + n))
        ]
        if how == "replace" and runs:
            w = rng.choice(runs)
            new = " ".join(rng.sample(REPLACEMENTS, rng.randint(1, n)))
            if new.casefold() != p.text[words[w][0] : words[w + n - 1][1]].casefold():
                p, spent = splice(p, words[w][0], words[w + n - 1][1], new), spent + n
        elif how == "insert" and words:
            phrase = rng.choice([s for s in INSERTS if len(s.split()) <= left] or [""])
            if phrase:
                at = rng.choice(words)[0]
                p, spent = splice(p, at, at, phrase + " "), spent + len(phrase.split())
        elif how == "delete" and runs and len(words) - n >= 3:
            w = rng.choice(runs)
            p, spent = splice(p, words[w][0], words[w + n][0], ""), spent + n
        elif how == "lead" and p.lead and part in TERMINAL and rev.base.language == "en":
            lead = with_adverb(p.lead, part, rng.choice(ADVERBS))
            if lead:
                p, spent = relead(p, lead), spent + 1
        elif how == "clause" and not p.subparagraphs and p.text[-1:] in (",", ";", "."):
            clause = rng.choice([c for c in CLAUSES if len(c.split()) <= left] or [""])
            if clause:
                end = len(p.text) - 1
                p, spent = splice(p, end, end, clause), spent + len(clause.split())
        if spent >= budget:
            break
    if not spent:
        return None
    rev.parts[part][k] = replace(item, paragraphs=(p,), edited=True)
    return f"edit {item.name}: {spent} word{'s' if spent > 1 else ''}"


def _delete(rev: _Revision) -> str | None:
    found = rev.pick(lambda it: it.plain)
    if found is None or len(rev.parts[found[0]]) < 2:
        return None
    part, k, item = found
    del rev.parts[part][k]
    return f"delete {item.name}"


def _synthesize(rev: _Revision, part: Part) -> Paragraph | None:
    """A paragraph from the word list, on a subject no base paragraph speaks of."""
    for _ in range(20):
        p = synthesize(rev.rng, part)
        if rev.novel(p):
            return p
    return None


def _insert(rev: _Revision) -> str | None:
    """A new paragraph: a donor's (another resolution's), else one from the word list."""
    parts = [part for part in TERMINAL if rev.parts[part]] or [p for p in Part if rev.parts[p]]
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
    elif rev.base.language == "en" and part in TERMINAL:
        p, source = _synthesize(rev, part), "word list"
    if p is None:
        return None
    p = replace(p, part=part)
    if part in TERMINAL:
        p = terminate(p, TERMINAL[part])
    rev.added += 1
    at = rev.rng.randint(0, len(rev.parts[part]))
    rev.parts[part].insert(at, _Item(f"new{rev.added}", (), (p,), "added"))
    return f"insert new{rev.added} ({source}) -> {part.prefix}{at + 1}"


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
    convert = to_operative if to is Part.OPERATIVE else to_preamble
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
    p = terminate(replace(relead(p, convert(p.lead) or ""), part=to), TERMINAL[to])
    del rev.parts[source][k]
    edge = 0 if to is Part.OPERATIVE else len(rev.parts[to])
    at = edge if rev.rng.random() < 0.5 else rev.rng.randint(0, len(rev.parts[to]))
    rev.parts[to].insert(at, replace(item, paragraphs=(p,), crossed=True))
    verb = "promote" if to is Part.OPERATIVE else "demote"
    return f"{verb} {item.name} -> {to.prefix}{at + 1}"


def _split(rev: _Revision) -> str | None:
    """Cut a paragraph at ", and " or "; "; the second half opens with a lead of its part."""

    def cuts(p: Paragraph) -> list[re.Match[str]]:
        return [
            m
            for m in re.finditer(r", and |; ", p.text)
            if len(WORD.findall(p.text[len(p.lead) : m.start()])) >= 5
            and len(WORD.findall(p.text[m.end() :])) >= 5
        ]

    found = rev.pick(
        lambda it: it.plain and it.paragraphs[0].part in TERMINAL and bool(cuts(it.paragraphs[0]))
    )
    if found is None:
        return None
    part, k, item = found
    p = item.paragraphs[0]
    cut = rev.rng.choice(cuts(p))
    body = p.text[cut.end() :]
    lead = lead_of(upper_first(body), part, rev.base.language)
    if lead:
        text = upper_first(body)
    else:
        leads = sorted({q.lead for q in rev.base.part(part) if q.lead} or {p.lead})
        lead = rev.rng.choice(leads)
        text = f"{lead} {body}".strip()
    shift = len(text) - len(body) - cut.end()
    before = tuple(n for n in p.notes if n.offset <= cut.start())
    rest = (n for n in p.notes if n.offset > cut.start())
    after = tuple(NoteRef(max(n.offset + shift, len(lead)), n.mark) for n in rest)
    first = replace(p, text=p.text[: cut.start()] + TERMINAL[part], subparagraphs=(), notes=before)
    second = replace(p, text=text, lead=lead, notes=after)
    rev.parts[part][k] = replace(item, paragraphs=(first, second), origin="split")
    return f"split {item.name} at {cut.group()!r}"


def _merge(rev: _Revision) -> str | None:
    """Join two paragraphs that stood side by side in the old text and still do."""

    def joinable(a: _Item, b: _Item) -> bool:
        return (
            a.plain and b.plain and b.old[0] == a.old[0] + 1 and not a.paragraphs[0].subparagraphs
        )

    found = [
        (part, k)
        for part, items in rev.parts.items()
        for k in range(len(items) - 1)
        if joinable(items[k], items[k + 1])
    ]
    if not found:
        return None
    part, k = rev.rng.choice(found)
    a, b = rev.parts[part][k], rev.parts[part][k + 1]
    p, q = a.paragraphs[0], b.paragraphs[0]
    head = p.text[:-1] if p.text[-1:] in (",", ";", ".") else p.text
    head += ", and "
    tail = lower_first(q.text) if q.lead else q.text
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
    for part in TERMINAL:
        items = rev.parts[part]
        for k, item in enumerate(items):
            last = part is Part.OPERATIVE and k == len(items) - 1
            marks = [TERMINAL[part]] * len(item.paragraphs)
            marks[-1] = "." if last else marks[-1]
            paragraphs = tuple(terminate(p, m) for p, m in zip(item.paragraphs, marks, strict=True))
            if paragraphs != item.paragraphs:
                rev.done.append(f"punctuate {item.name} -> {marks[-1]!r}")
                items[k] = replace(item, paragraphs=paragraphs)


def unchanged(
    a: Paragraph,
    b: Paragraph,
    old_notes: Sequence[Footnote] = (),
    new_notes: Sequence[Footnote] = (),
) -> bool:
    """Whether a pair reads the same: text, sub-paragraphs (label and text) and footnotes.

    A footnote counts by where it stands and what it says (its text in `old_notes` or
    `new_notes`, else its mark), so a note renumbered by an earlier one is no change.
    """

    def notes(p: Paragraph, known: Sequence[Footnote]) -> list[tuple[int, int, str]]:
        texts = {f.mark: f.text for f in known}
        places = [(0, p.notes), *((k, s.notes) for k, s in enumerate(p.subparagraphs, 1))]
        return [(k, n.offset, texts.get(n.mark, n.mark)) for k, refs in places for n in refs]

    def words(p: Paragraph) -> list[tuple[str, str]]:
        return [("", p.text), *((s.label, s.text) for s in p.subparagraphs)]

    return words(a) == words(b) and notes(a, old_notes) == notes(b, new_notes)


def _gold(
    old: Resolution,
    parts: dict[Part, list[_Item]],
    *,
    new_notes: Sequence[Footnote] | None = None,
) -> tuple[tuple[Paragraph, ...], tuple[GoldMatch, ...]]:
    """The new paragraphs, numbered, and the gold matches in new order, then the deleted.

    "moved" follows the report's documented rule, worked out again in `moves` (never by
    `redline.align`): a pair that changed part moved; of the others, a split or merge by its
    first old and first new index, those off the longest chain keeping their order moved.
    "unchanged" is `unchanged` on the texts (footnotes by their text: `new_notes`, by
    default the old text's, since a revision keeps its base's footnotes).
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
    paired = [(item.old, new) for item, new in placed if item.old]
    flags = dict(zip(paired, moved_by_rule(old.paragraphs, paragraphs, paired), strict=True))
    notes = old.footnotes if new_notes is None else new_notes
    gold: list[GoldMatch] = []
    for item, new in placed:
        if not item.old:
            gold.append(GoldMatch("added", (), new, False, False))
            continue
        kind = item.origin
        if kind == "same":
            a, b = old.paragraphs[item.old[0]], paragraphs[new[0]]
            kind = "unchanged" if unchanged(a, b, old.footnotes, notes) else "modified"
        crossed = old.paragraphs[item.old[0]].part is not paragraphs[new[0]].part
        gold.append(GoldMatch(kind, item.old, new, flags[(item.old, new)], crossed))
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
