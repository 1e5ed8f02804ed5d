"""Chaining the matches of consecutive comparisons into each paragraph's life: pure.

`compare()` of versions k and k + 1 decides which paragraph continues which, the word
diff, the move and the part change; this module only follows the matches from one
comparison to the next, never scoring or diffing anything itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..comparison import Comparison, Role
from ..diff import Edit, Op
from ..errors import OptionError
from ..model import Kind, Match, Paragraph, Resolution
from ..trace._model import CorpusResolution
from ._model import History, HistoryEvent, ParagraphHistory, Stage

_CARRIES_DIFF = (Role.PAIR, Role.MOVE_DESTINATION)


def _stage(
    version: int,
    position: int,
    p: Paragraph,
    events: tuple[HistoryEvent, ...],
    *,
    similarity: float | None = None,
    edits: tuple[Edit, ...] = (),
    with_: tuple[str, ...] = (),
) -> Stage:
    return Stage(
        version, events, p.part, p.label, p.number, p.full_text, similarity, edits, with_, position
    )


def _events(m: Match) -> tuple[HistoryEvent, ...]:
    """The events of a pair, read off compare()'s match."""
    events: list[HistoryEvent] = []
    if m.kind is Kind.SPLIT:
        events.append(HistoryEvent.SPLIT)
    elif m.kind is Kind.MERGED:
        events.append(HistoryEvent.MERGED)
    elif m.kind is Kind.MODIFIED:
        events.append(HistoryEvent.CHANGED)
    if m.part_changed:
        events.append(HistoryEvent.PART_CHANGED)
    elif m.moved:
        events.append(HistoryEvent.MOVED)
    if m.renumbered:
        events.append(HistoryEvent.RENUMBERED)
    return tuple(events) or (HistoryEvent.KEPT,)


def _diffs(c: Comparison) -> dict[int, tuple[Edit, ...]]:
    """Each pair's word diff, as the comparison's segment for it holds it (none if kept)."""
    return {
        s.match: s.edits
        for s in c.segments
        if s.match is not None
        and s.role in _CARRIES_DIFF
        and any(e.op is not Op.EQUAL for e in s.edits)
    }


def chain(
    versions: Sequence[CorpusResolution],
    resolutions: Sequence[Resolution],
    comparisons: Sequence[Comparison],
    *,
    threshold: float,
) -> History:
    """Every paragraph's life across `versions` (each described, and parsed as
    `resolutions`), from `comparisons[k]`, compare() of versions k and k + 1.

    A paragraph's life continues through a 1:1 pair; through a split into the first part
    (the other parts start a life with a SPLIT stage); through a merge from the first part
    (the other parts end with a MERGED stage naming the merged paragraph).
    """
    if not versions:
        raise OptionError("versions", "a history needs at least one version")
    if len(resolutions) != len(versions) or len(comparisons) != len(versions) - 1:
        raise OptionError("comparisons", "a history needs one comparison per consecutive pair")
    lives: list[list[Stage]] = []
    first = resolutions[0].paragraphs
    # which life each paragraph of the current version belongs to
    owner: dict[int, int] = {}
    for i, p in enumerate(first):
        owner[i] = len(lives)
        lives.append([_stage(0, i, p, (HistoryEvent.APPEARED,))])
    for k, c in enumerate(comparisons):
        v = k + 1
        old, new = c.old.paragraphs, c.new.paragraphs
        diffs = _diffs(c)
        nxt: dict[int, int] = {}
        for n, m in enumerate(c.matches):
            if not m.old:  # added
                for j in m.new:
                    nxt[j] = len(lives)
                    lives.append([_stage(v, j, new[j], (HistoryEvent.APPEARED,))])
                continue
            if not m.new:  # deleted
                for i in m.old:
                    lives[owner[i]].append(Stage(v, (HistoryEvent.DROPPED,), None, "", "", ""))
                continue
            events = _events(m)
            edits = diffs.get(n, ())
            olds = tuple(old[i].label for i in m.old)
            news = tuple(new[j].label for j in m.new)
            with_ = news if m.kind is Kind.SPLIT else olds if m.kind is Kind.MERGED else ()
            head = owner[m.old[0]]
            j0 = m.new[0]
            lives[head].append(
                _stage(v, j0, new[j0], events, similarity=m.similarity, edits=edits, with_=with_)
            )
            nxt[j0] = head
            for j in m.new[1:]:  # the other parts of a split start a life of their own
                nxt[j] = len(lives)
                lives.append(
                    [
                        _stage(
                            v, j, new[j], (HistoryEvent.SPLIT,), similarity=m.similarity, with_=olds
                        )
                    ]
                )
            for i in m.old[1:]:  # the other parts of a merge end in the merged paragraph
                p = new[j0]
                lives[owner[i]].append(
                    Stage(
                        v,
                        (HistoryEvent.MERGED,),
                        p.part,
                        p.label,
                        p.number,
                        "",
                        m.similarity,
                        (),
                        olds,
                    )
                )
        owner = nxt
    ordered = sorted(lives, key=lambda stages: (stages[0].version, stages[0].position or 0))
    return History(
        tuple(versions),
        tuple(resolutions),
        tuple(comparisons),
        tuple(ParagraphHistory(tuple(s)) for s in ordered),
        threshold,
    )
