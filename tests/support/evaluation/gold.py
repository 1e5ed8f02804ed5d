"""Hand-checked gold alignments of real resolution pairs: consecutive versions of a series.

The generated revision pairs (`revise`) know their answer by construction, but their edits
are synthetic. These pairs are real: two adopted versions of one resolution, and the gold
says, for every paragraph of both, what became of it, as a reader decided it paragraph by
paragraph (the same agreed language, edited, renumbered or moved, is one paragraph; a new
text on the same topic is a deletion and an addition). The gold was not drawn from
redline's aligner, so scoring the aligner on it is not circular.

Each pair is one JSON file in `gold/` (its notes explain the borderline calls); the texts
come from the shared corpus (`structured/`), found by `oracle.locate_shared_dir` as the
tests find it (`$REDLINE_SHARED` or `<repo>/../shared`). Labels are PPn / OPn: n counts the
paragraphs of the part from 1, enacting formula and sub-paragraphs not counted
(`load_structured`).

>>> from support.evaluation import RevisionPair, score
>>> name, old, new, gold = gold_pairs()[0]
>>> pair = RevisionPair(name, old, new, gold, operations=())
>>> print(score(pair, redline.compare(old, new).matches).summary())  # doctest: +ELLIPSIS
1 pairs: accuracy 1.000 (unchanged 77/77, modified 12/12, added 2/2); 0 wrong kind, ...
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from oracle import locate_shared_dir
from redline.model import Paragraph, Part, Resolution

from .corpus import load_structured
from .generate import GoldMatch, _gold, _Item

__all__ = ["GOLD_DIR", "gold_pairs", "labels"]

GOLD_DIR = Path(__file__).resolve().parent / "gold"
"""The gold files, one per pair: `<series>-<old>_to_<new>.json`."""
_LABEL = re.compile(r"^(?P<prefix>PP|OP)(?P<index>[1-9]\d*)$")
_PARTS = {"PP": Part.PREAMBLE, "OP": Part.OPERATIVE}
_ORIGIN = {(1, 1): "same", (1, 2): "split", (2, 1): "merged"}


def labels(resolution: Resolution) -> dict[str, int]:
    """Each paragraph's label (PP3, OP12) and its index into `resolution.paragraphs`."""
    return {p.label: i for i, p in enumerate(resolution.paragraphs)}


def _indices(names: list[str], known: dict[str, int], where: str) -> tuple[int, ...]:
    """Labels to paragraph indices; a label the text does not have is an error in the gold."""
    for name in names:
        if not _LABEL.match(name) or name not in known:
            raise ValueError(f"{where}: no paragraph {name!r}")
    return tuple(known[name] for name in names)


def _items(
    data: dict[str, Any], old: Resolution, new: Resolution, where: str
) -> dict[Part, list[_Item]]:
    """The gold's matches as `generate._Item`s in new-text order, so `_gold` can judge them.

    A split's new paragraphs must stand side by side (`_gold` numbers them so); anything but
    1:1, 1:2 (split), 2:1 (merged), 0:1 (added) and 1:0 (deleted) is refused.
    """
    old_labels, new_labels = labels(old), labels(new)
    placed: list[tuple[int, _Item]] = []
    for k, match in enumerate(data["matches"]):
        olds = _indices(match["old"], old_labels, f"{where} match {k + 1} old")
        news = _indices(match["new"], new_labels, f"{where} match {k + 1} new")
        if not news:
            if len(olds) != 1:
                raise ValueError(f"{where} match {k + 1}: a deletion names one old paragraph")
            continue
        origin = "added" if not olds else _ORIGIN.get((len(olds), len(news)))
        if origin is None or list(news) != list(range(news[0], news[0] + len(news))):
            raise ValueError(f"{where} match {k + 1}: not 1:1, 1:2 side by side, 2:1 or 0:1")
        paragraphs = tuple(new.paragraphs[j] for j in news)
        placed.append((news[0], _Item(f"match{k + 1}", olds, paragraphs, origin)))
    parts: dict[Part, list[_Item]] = {part: [] for part in Part}
    for _, item in sorted(placed, key=lambda pair: pair[0]):
        parts[item.paragraphs[0].part].append(item)
    return parts


def _same_paragraphs(a: tuple[Paragraph, ...], b: tuple[Paragraph, ...]) -> bool:
    return [(p.part, p.index, p.text) for p in a] == [(p.part, p.index, p.text) for p in b]


def _load(path: Path, corpus: Path) -> tuple[str, Resolution, Resolution, tuple[GoldMatch, ...]]:
    """One gold file: both texts, checked to hold every paragraph once, and its GoldMatches."""
    data = json.loads(path.read_text(encoding="utf-8"))
    old = load_structured(corpus / data["old"])
    new = load_structured(corpus / data["new"])
    where = path.name
    parts = _items(data, old, new, where)
    for side, text in (("old", old), ("new", new)):
        named = [name for match in data["matches"] for name in match[side]]
        if sorted(named) != sorted(labels(text)):
            raise ValueError(f"{where}: the {side} paragraphs are not each named exactly once")
    rebuilt, gold = _gold(old, parts, new_notes=new.footnotes)
    if not _same_paragraphs(rebuilt, new.paragraphs):
        raise ValueError(f"{where}: the matches do not cover the new text in its order")
    return path.stem, old, new, gold


def gold_pairs() -> list[tuple[str, Resolution, Resolution, tuple[GoldMatch, ...]]]:
    """Every gold pair, sorted by name: (name, old, new, gold matches).

    Kinds come from the texts (unchanged when a paragraph's text, sub-paragraphs and notes
    are equal, else modified; split, merged, added, deleted from the shape of the match);
    "moved" and "part_changed" follow the report's documented rule as `moves` works it out
    (not `redline.align`), through `generate._gold`, the function that gives the generated
    pairs theirs, so both kinds of gold mean the same thing.
    """
    corpus = locate_shared_dir() / "corpus" / "structured"
    return [_load(path, corpus) for path in sorted(GOLD_DIR.glob("*.json"))]
