"""The word-level diff: one wrapper of diff-match-patch, over the tokens of `tokens`.

Each token (a word, a run of spaces, a punctuation sign, a paragraph mark) is encoded as one
character before diff-match-patch sees the texts, as in its line mode, so no edit can begin
or end inside a word. `Diff_Timeout = 0` makes the result independent of the machine's speed.

The diff runs in diff-match-patch's C++ port (fast-diff-match-patch) where it is installed:
the same algorithm as the Python original, so the same edits (tests/test_diff_engine.py
checks them against each other), about ten times quicker. The Python original serves where
no compiled wheel exists.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import chain, filterfalse
from typing import cast

from diff_match_patch import diff_match_patch

try:
    from fast_diff_match_patch import diff as _compiled_diff
except ImportError:  # pragma: no cover - no wheel for this Python: the Python original
    _compiled_diff = None

from .tokens import framed_tokens, solid_tokens, tokenize, words

__all__ = [
    "Edit",
    "Op",
    "code_with",
    "diff_lines",
    "diff_sequences",
    "diff_words",
    "encode_tokens",
    "remembered_tokens",
    "remembering",
    "side_lines",
    "solid_tokens",
    "tokenize",
    "words",
]


class Op(enum.Enum):
    """What an edit does to the old text to reach the new."""

    EQUAL = 0
    INSERT = 1
    DELETE = -1


@dataclass(frozen=True, slots=True)
class Edit:
    """A stretch of text kept, inserted or deleted; `mark` edits are paragraph marks."""

    op: Op
    text: str
    mark: bool = False


_Diffs = tuple[tuple[int, int], ...]
_Memo = tuple[dict[str, list[str]], dict[tuple[str, str], _Diffs]]
_MEMO: ContextVar[_Memo | None] = ContextVar("redline_diffs", default=None)


@contextmanager
def remembering() -> Iterator[None]:
    """Within it, each text is tokenized and each pair of coded texts diffed once: one
    comparison of Word documents diffs a paragraph pair as lines and again as units. The
    diff-match-patch result depends on the two coded strings alone, so a pair met again
    (the same strings, in the same order) gets the very same edits. Nested: the outer
    memo serves."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set(({}, {}))
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered_tokens(text: str) -> list[str]:
    """`tokenize`, remembered inside `remembering` (the list is shared: read it only)."""
    memo = _MEMO.get()
    if memo is None:
        return tokenize(text)
    found = memo[0].get(text)
    if found is None:
        found = memo[0][text] = tokenize(text)
    return found


def _diff_main(a: str, b: str) -> _Diffs:
    """diff-match-patch's diff of two coded strings, no timeout (remembered inside
    `remembering`)."""
    memo = _MEMO.get()
    if memo is not None:
        found = memo[1].get((a, b))
        if found is not None:
            return found
    diffs = plain_diff(a, b)
    if memo is not None:
        memo[1][a, b] = diffs
    return diffs


_SIGN = {"=": 0, "-": -1, "+": 1}


def plain_diff(a: str, b: str, *, compiled: bool = True) -> _Diffs:
    """diff-match-patch's `diff_main(a, b, checklines=False)` with no timeout and no cleanup,
    as (-1 | 0 | 1, characters) runs: the tokens are sliced from their lists by count, so
    the compiled diff hands back counts, not text. `compiled=False` asks for the Python
    original."""
    if compiled and _compiled_diff is not None:
        runs = _compiled_diff(a, b, timelimit=0, checklines=False, cleanup="No")
        return tuple([(_SIGN[op], n) for op, n in runs])
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return tuple([(op, len(text)) for op, text in dmp.diff_main(a, b, False)])


class _Mark:
    """The paragraph-mark token between two lines of a multi-line unit."""

    def __repr__(self) -> str:
        return "<mark>"


_MARK = _Mark()
_Token = str | _Mark


def _chars(start: int, n: int) -> Iterator[str]:
    """The characters of codes start .. start + n - 1: from U+0100, the surrogate block
    skipped, by `chr` in C."""
    lo, hi = 0x100 + start, 0x100 + start + n
    if hi <= 0xD800:
        return map(chr, range(lo, hi))
    return map(chr, chain(range(lo, 0xD800), range(max(lo, 0xD800) + 0x800, hi + 0x800)))


def _codes(sequences: Sequence[Sequence[_Token]]) -> dict[_Token, str]:
    """Token -> its character, the first seen first: the distinct tokens by
    `dict.fromkeys`, the characters by `chr`, both in C."""
    distinct = dict.fromkeys(chain.from_iterable(sequences))
    return dict(zip(distinct, _chars(0, len(distinct))))


def code_with(alphabet: dict[Hashable, str], sequences: Sequence[Sequence[Hashable]]) -> list[str]:
    """The sequences' tokens one character each in `alphabet`, which gives each token met
    for the first time the next character (as `encode_tokens` would, had it seen every
    sequence coded so far): sequences coded in turn into one alphabet compare as if coded
    together, so each is coded once however often it is compared. The new tokens are
    found among the batch's distinct ones, in C."""
    distinct = dict.fromkeys(chain.from_iterable(sequences))
    fresh = list(filterfalse(alphabet.__contains__, distinct))
    if fresh:
        alphabet.update(zip(fresh, _chars(len(alphabet), len(fresh))))
    code = alphabet.__getitem__
    return ["".join(map(code, seq)) for seq in sequences]


def encode_tokens(
    sequences: Sequence[Sequence[_Token]],
) -> tuple[list[str], list[_Token]]:
    """Each distinct token as one character (the surrogate block skipped), and the alphabet.

    Word mode for diff-match-patch, and word sequences for rapidfuzz's similarity.
    """
    codes = _codes(sequences)
    return ["".join(map(codes.__getitem__, seq)) for seq in sequences], list(codes)


def _line_tokens(lines: Sequence[str]) -> list[_Token]:
    out: list[_Token] = []
    for i, line in enumerate(lines):
        if i:
            out.append(_MARK)
        out.extend(remembered_tokens(line))
    return out


def _blocks(
    runs: Iterable[tuple[int, int]], old: list[_Token], new: list[_Token]
) -> list[tuple[Op, list[_Token]]]:
    """The diff's runs as the tokens they cover: equal and deleted runs read the old tokens,
    inserted runs the new (one code is one token, so an equal run reads the same either
    side)."""
    blocks: list[tuple[Op, list[_Token]]] = []
    i = j = 0
    for op, n in runs:
        if not n:
            continue
        if op == 0:
            blocks.append((Op.EQUAL, old[i : i + n]))
            i += n
            j += n
        elif op < 0:
            blocks.append((Op.DELETE, old[i : i + n]))
            i += n
        else:
            blocks.append((Op.INSERT, new[j : j + n]))
            j += n
    return blocks


def _fold_spaces(blocks: list[tuple[Op, list[_Token]]]) -> list[tuple[Op, list[_Token]]]:
    """Fold a lone whitespace equality between two changes into them, and regroup each run
    of changes as all deletions, then all insertions (Word's order).

    "~~a b~~ c d" reads better than "~~a~~c ~~b~~d", and costs one space of marking.
    """
    grouped: list[tuple[Op, list[_Token]]] = []
    deleted: list[_Token] = []
    inserted: list[_Token] = []
    changed = False  # whether the block before was a change (or folded into one)
    last = len(blocks) - 1
    for i, (op, toks) in enumerate(blocks):
        if op is not Op.EQUAL:
            (deleted if op is Op.DELETE else inserted).extend(toks)
            changed = True
            continue
        if (
            changed
            and len(toks) == 1
            and i < last
            and blocks[i + 1][0] is not Op.EQUAL
            and isinstance(toks[0], str)
            and toks[0].isspace()
        ):
            deleted += toks
            inserted += toks
            continue
        if deleted:
            grouped.append((Op.DELETE, deleted))
            deleted = []
        if inserted:
            grouped.append((Op.INSERT, inserted))
            inserted = []
        grouped.append((op, list(toks)))
        changed = False
    if deleted:
        grouped.append((Op.DELETE, deleted))
    if inserted:
        grouped.append((Op.INSERT, inserted))
    return grouped


def _edits(blocks: list[tuple[Op, list[_Token]]]) -> tuple[Edit, ...]:
    edits: list[Edit] = []
    for op, toks in blocks:
        if _MARK not in toks:  # one line's words: one edit
            if toks:
                edits.append(Edit(op, "".join(toks)))  # type: ignore[arg-type]
            continue
        text: list[str] = []
        for tok in toks:
            if isinstance(tok, _Mark):
                if text:
                    edits.append(Edit(op, "".join(text)))
                    text = []
                edits.append(Edit(op, "", mark=True))
            else:
                text.append(tok)
        if text:
            edits.append(Edit(op, "".join(text)))
    return tuple(edits)


def diff_lines(old: Sequence[str], new: Sequence[str]) -> tuple[Edit, ...]:
    """Word diff of two multi-line units; the marks between lines are diffed as tokens.

    An inserted mark splits a line in two, a deleted one joins two lines: the same edits
    serve sub-paragraphs, header lines, splits and merges.
    """
    olds, news = tuple(old), tuple(new)
    if news == olds:  # most paragraphs of a revision: nothing to tokenize
        return _unchanged(old)
    if news < olds:  # one orientation, so swapping the texts gives the inverse
        edits = _invert(diff_lines(new, old))
    else:
        # (framed, every token is a str: a list of them is a list of _Token to read)
        framed = cast("list[list[_Token]] | None", framed_tokens(olds, news))
        tokens = framed or [_line_tokens(old), _line_tokens(new)]
        one_line = len(olds) == 1 and len(news) == 1  # no mark among the tokens
        edits = (one_line and _one_token_each(tokens)) or _diffed(tokens)
    # Each run of changes already reads deletions first: with one old line there is no
    # deleted mark, and nothing for _place_insertions to move.
    return _place_insertions(edits) if len(olds) > 1 else edits


def _diffed(tokens: list[list[_Token]]) -> tuple[Edit, ...]:
    codes = _codes(tokens)
    a, b = ("".join(map(codes.__getitem__, seq)) for seq in tokens)
    return _edits(_fold_spaces(_blocks(_diff_main(a, b), *tokens)))


def _one_token_each(tokens: list[list[_Token]]) -> tuple[Edit, ...] | None:
    """The edits of two one-line token lists that differ in at most one token each between
    a shared first and last token (a renumbered paragraph, one word replaced, once framed),
    read off without the diff; else None.

    diff-match-patch strips the shared head and tail and gives two single different codes
    as a deletion and an insertion, which no later step moves; a lone deletion or insertion
    it slides over a neighbouring equality only when the two codes are the same, so that
    case is left to it.
    """
    a, b = tokens
    if not 0 < len(a) <= 3 or not 0 < len(b) <= 3:
        return None
    head = 1 if a[0] == b[0] else 0
    tail = 1 if len(a) > head and len(b) > head and a[-1] == b[-1] else 0
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(mid_a) > 1 or len(mid_b) > 1 or mid_a == mid_b:
        return None
    if not (mid_a and mid_b) and (mid_a or mid_b)[0] in (a[0], a[-1]):
        return None  # a lone edit beside an equal twin: diff-match-patch may slide it
    edits: list[Edit] = []
    if head:
        edits.append(Edit(Op.EQUAL, a[0]))  # type: ignore[arg-type]
    if mid_a:
        edits.append(Edit(Op.DELETE, mid_a[0]))  # type: ignore[arg-type]
    if mid_b:
        edits.append(Edit(Op.INSERT, mid_b[0]))  # type: ignore[arg-type]
    if tail:
        edits.append(Edit(Op.EQUAL, a[-1]))  # type: ignore[arg-type]
    return tuple(edits)


def _unchanged(lines: Sequence[str]) -> tuple[Edit, ...]:
    """The edits of a unit diffed against itself, as the token diff gives them: each line's
    text kept whole, the marks between lines kept, an empty line nothing."""
    edits: list[Edit] = []
    for i, line in enumerate(lines):
        if i:
            edits.append(Edit(Op.EQUAL, "", mark=True))
        if line:
            edits.append(Edit(Op.EQUAL, line))
    return tuple(edits)


def _place_insertions(edits: Sequence[Edit]) -> tuple[Edit, ...]:
    """In a change that deletes paragraph marks and inserts words only, put the words before
    the first deleted mark: they stand in the paragraph they end up in, right after the words
    they replace ("A/HRC/RES/46/~~13~~9" then the deleted header lines), not at the end of the
    last deleted line. Both views are the same either way."""
    out: list[Edit] = []
    run: list[Edit] = []
    for e in (*edits, None):
        if e is not None and e.op is not Op.EQUAL:
            run.append(e)
            continue
        deleted = [x for x in run if x.op is Op.DELETE]
        inserted = [x for x in run if x.op is Op.INSERT]
        cut = next((k for k, x in enumerate(deleted) if x.mark), None)
        if cut is not None and inserted and not any(x.mark for x in inserted):
            out += deleted[:cut] + inserted + deleted[cut:]
        else:
            out += deleted + inserted
        run = []
        if e is not None:
            out.append(e)
    return tuple(out)


def _invert(edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    """The diff read the other way: insertions become deletions, deletions first again.

    Among equally short edit scripts diff-match-patch picks by direction; diffing in one
    orientation keeps "swap the texts, get the inverse" exact, marked characters included.
    """
    out: list[Edit] = []
    deleted: list[Edit] = []
    inserted: list[Edit] = []
    for e in edits:
        if e.op is Op.EQUAL:
            if deleted or inserted:
                out += deleted + inserted
                deleted, inserted = [], []
            out.append(e)
        elif e.op is Op.INSERT:
            deleted.append(Edit(Op.DELETE, e.text, e.mark))
        else:
            inserted.append(Edit(Op.INSERT, e.text, e.mark))
    return tuple(out + deleted + inserted)


def diff_sequences(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[Op, int]]:
    """Diff two sequences of hashable units (tokens, atoms, whole paragraphs' keys).

    Returns (op, count) runs: EQUAL consumes `count` units of both sides, DELETE of the old,
    INSERT of the new; deletions come before insertions within a change.
    """
    (a, b), _ = encode_tokens([list(old), list(new)])  # type: ignore[arg-type]
    runs: list[tuple[Op, int]] = []
    deleted = inserted = 0
    for op, n in _diff_main(a, b):
        if op == 0:
            if deleted:
                runs.append((Op.DELETE, deleted))
            if inserted:
                runs.append((Op.INSERT, inserted))
            deleted = inserted = 0
            runs.append((Op.EQUAL, n))
        elif op == -1:
            deleted += n
        else:
            inserted += n
    if deleted:
        runs.append((Op.DELETE, deleted))
    if inserted:
        runs.append((Op.INSERT, inserted))
    return runs


def diff_words(old: str, new: str) -> tuple[Edit, ...]:
    """Word diff of two one-line texts."""
    return diff_lines([old], [new])


def side_lines(edits: Iterable[Edit], *, new: bool) -> list[str]:
    """The lines the edits give on one side: new (accept all) or old (reject all)."""
    dropped = Op.DELETE if new else Op.INSERT
    lines = [""]
    for e in edits:
        if e.op is dropped:
            continue
        if e.mark:
            lines.append("")
        else:
            lines[-1] += e.text
    return lines
