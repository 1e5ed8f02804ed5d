"""The diff's regrouping, inversion and run counting give what their first versions gave.

`_fold_spaces` became one pass, `_invert` and `diff_sequences` count without dicts keyed by
`Op`, and `_place_insertions` is skipped where it cannot move anything (one old line);
the verbatim originals below are the reference, on random multi-line texts whose few
words and spaces force ties, folds and marks.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence
from typing import Any

from diff_match_patch import diff_match_patch
from hypothesis import given
from hypothesis import strategies as st

from redline import diff, tokens
from redline.diff import Edit, Op, _codes, _edits, _line_tokens, _place_insertions

_OPS_V1 = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}


def _blocks_v1(diffs: Any, codes: dict[Any, str]) -> list[tuple[Op, list[Any]]]:
    """The first `_blocks`, verbatim: each character of the diff's text decoded back to its
    token through the alphabet."""
    token = dict(zip(codes.values(), codes.keys())).__getitem__  # character -> its token
    return [(_OPS_V1[op], list(map(token, chars))) for op, chars in diffs if chars]


def _fold_spaces_v1(blocks: list[tuple[Op, list[object]]]) -> list[tuple[Op, list[object]]]:
    out: list[tuple[Op, list[object]]] = []
    i = 0
    while i < len(blocks):
        op, toks = blocks[i]
        if (
            op is Op.EQUAL
            and len(toks) == 1
            and isinstance(toks[0], str)
            and toks[0].isspace()
            and out
            and out[-1][0] is not Op.EQUAL
            and i + 1 < len(blocks)
            and blocks[i + 1][0] is not Op.EQUAL
        ):
            out.append((Op.DELETE, list(toks)))
            out.append((Op.INSERT, list(toks)))
        else:
            out.append((op, list(toks)))
        i += 1
    grouped: list[tuple[Op, list[object]]] = []
    run: dict[Op, list[object]] = {Op.DELETE: [], Op.INSERT: []}

    def flush() -> None:
        for kind in (Op.DELETE, Op.INSERT):
            if run[kind]:
                grouped.append((kind, run[kind]))
                run[kind] = []

    for op, toks in out:
        if op is Op.EQUAL:
            flush()
            grouped.append((op, toks))
        else:
            run[op].extend(toks)
    flush()
    return grouped


def _invert_v1(edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    swap = {Op.EQUAL: Op.EQUAL, Op.INSERT: Op.DELETE, Op.DELETE: Op.INSERT}
    out: list[Edit] = []
    run: list[Edit] = []
    for e in (*edits, None):
        if e is None or e.op is Op.EQUAL:
            out += [x for x in run if x.op is Op.DELETE] + [x for x in run if x.op is Op.INSERT]
            run = []
            if e is not None:
                out.append(e)
        else:
            run.append(Edit(swap[e.op], e.text, e.mark))
    return tuple(out)


def _diff_lines_v1(old: Sequence[str], new: Sequence[str]) -> tuple[Edit, ...]:
    if tuple(new) == tuple(old):
        return diff._unchanged(old)
    if tuple(new) < tuple(old):
        return _place_insertions(_invert_v1(_diff_lines_v1(new, old)))
    tokens = [_line_tokens(old), _line_tokens(new)]
    codes = _codes(tokens)
    a, b = ("".join(map(codes.__getitem__, seq)) for seq in tokens)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(a, b, False)
    blocks = _blocks_v1(diffs, codes)
    return _place_insertions(_edits(_fold_spaces_v1(blocks)))  # type: ignore[arg-type]


def _diff_sequences_v1(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[Op, int]]:
    (a, b), _ = diff.encode_tokens([list(old), list(new)])  # type: ignore[arg-type]
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    ops = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}
    runs: list[tuple[Op, int]] = []
    pending: dict[Op, int] = {}
    for op, chars in dmp.diff_main(a, b, False):
        kind = ops[op]
        if kind is Op.EQUAL:
            runs += [(k, pending[k]) for k in (Op.DELETE, Op.INSERT) if pending.get(k)]
            pending = {}
            runs.append((kind, len(chars)))
        else:
            pending[kind] = pending.get(kind, 0) + len(chars)
    runs += [(k, pending[k]) for k in (Op.DELETE, Op.INSERT) if pending.get(k)]
    return runs


_WORDS = ["a", "b", "c", "the", "of", "1", ",", ".", " ", " ", "  ", ";"]


def _lines(rng: random.Random) -> list[str]:
    return [
        "".join(rng.choices(_WORDS, k=rng.randrange(0, 12))) for _ in range(rng.randrange(1, 4))
    ]


def _edited(rng: random.Random, lines: list[str]) -> list[str]:
    if rng.random() < 0.3:
        return _lines(rng)
    out = []
    for line in lines:
        words = list(line)
        for _ in range(rng.randrange(0, 4)):
            at = rng.randrange(0, len(words) + 1)
            if words and at < len(words) and rng.random() < 0.5:
                del words[at]
            else:
                words.insert(at, rng.choice(_WORDS))
        out.append("".join(words))
    if rng.random() < 0.2:
        out.insert(rng.randrange(0, len(out) + 1), "".join(rng.choices(_WORDS, k=3)))
    if len(out) > 1 and rng.random() < 0.2:
        out[0:2] = [out[0] + out[1]]
    return out


def test_diff_lines_and_sequences_as_their_first_versions() -> None:
    rng = random.Random(14)
    for _ in range(6000):
        old = _lines(rng)
        new = _edited(rng, old)
        assert diff.diff_lines(old, new) == _diff_lines_v1(old, new), (old, new)
        assert diff.diff_lines(new, old) == _diff_lines_v1(new, old), (new, old)
        a, b = diff._line_tokens(old), diff._line_tokens(new)
        assert diff.diff_sequences(a, b) == _diff_sequences_v1(a, b), (old, new)


def test_remembered_diffs_are_the_same() -> None:
    """Inside `remembering`, a pair diffed again (as lines, as units, either way round)
    gets the edits it gets outside."""
    rng = random.Random(15)
    cases = [(old, _edited(rng, old)) for old in (_lines(rng) for _ in range(300))]
    want = [(diff.diff_lines(a, b), diff.diff_lines(b, a)) for a, b in cases]
    with diff.remembering():
        for _ in range(2):
            got = [(diff.diff_lines(a, b), diff.diff_lines(b, a)) for a, b in cases]
            assert got == want


# One-line pairs: the shared head and tail go to diff-match-patch as one token each when
# that gives the same edits (`tokens.framed_tokens`). Few short pieces, so that heads, tails and
# middles repeat each other: the slides and stripped runs where a shortcut would go wrong.
_PIECES = ["a", "b", "ab", "the", "12", "13", " ", "  ", ",", ".", "\t", "a b", "b a", "é"]
_piece_text = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@given(_piece_text, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 2), _piece_text)))
def test_one_line_pairs_as_their_first_version(a: str, changes: list[tuple[int, int, str]]) -> None:
    b = a
    for at, kind, piece in changes[:3]:
        at = min(at, len(b))
        if kind == 0:
            b = b[:at] + piece + b[at:]
        elif kind == 1:
            b = b[:at] + b[at + len(piece) :]
        else:
            b = b[:at] + piece + b[at + 1 :]
    assert diff.diff_lines([a], [b]) == _diff_lines_v1([a], [b])
    assert diff.diff_lines([b], [a]) == _diff_lines_v1([b], [a])


def test_the_shortcut_is_taken_and_keeps_the_text() -> None:
    """A renumbered or reworded paragraph goes the short way, and its tokens still read
    as the lines; a pair whose changed middle is as long as its shared head is not."""
    old = "12.\tCalls upon all States to cooperate fully with the Special Rapporteur, and"
    for new in (
        "13.\tCalls upon all States to cooperate fully with the Special Rapporteur, and",
        "12.\tCalls upon all States to cooperate with the Special Rapporteur, and",
        "12.\tCalls upon all Member States to cooperate fully with the Special Rapporteur, and",
    ):
        framed = tokens.framed_tokens((old,), (new,))
        assert framed is not None
        assert ["".join(t) for t in framed] == [old, new]
        assert diff.diff_lines([old], [new]) == _diff_lines_v1([old], [new])
    old, new = "12.\tx, and", "12.\ty z w, and"
    assert tokens.framed_tokens((old,), (new,)) is None
    assert diff.diff_lines([old], [new]) == _diff_lines_v1([old], [new])


_TOKENS = st.sampled_from(["a", "b", "ab", "12", "13", " ", ","])


@given(st.lists(_TOKENS, min_size=1, max_size=3), st.lists(_TOKENS, min_size=1, max_size=3))
def test_one_token_edits_are_the_diffs(a: list[str], b: list[str]) -> None:
    """Where two short token lists are read off without the diff, the edits are the ones
    diff-match-patch and its merge give (a lone edit beside its twin is left to them)."""
    read = diff._one_token_each([a, b])  # type: ignore[list-item]
    if read is not None:
        assert read == diff._diffed([a, b])  # type: ignore[list-item]


def test_a_renumbered_paragraph_is_read_off() -> None:
    old = "12.\tCalls upon all States to cooperate fully with the Special Rapporteur, and"
    new = "13" + old[2:]
    framed = tokens.framed_tokens((old,), (new,))
    assert framed is not None and diff._one_token_each(framed) is not None  # type: ignore[arg-type]
    assert diff.diff_lines([old], [new]) == _diff_lines_v1([old], [new])
    assert diff._one_token_each([["a", "b"], ["a", "a", "b"]]) is None  # may slide
