"""Block comparison coded once: what the shortcuts rely on, against the long way round.

Inside one comparison every block is coded once into one alphabet (`code_with`), and
`find_moves` reads the scores its gap gave a pair rather than scoring it again. Coded one
by one, sequences get the characters `encode_tokens` gives them coded together; and moves
are the ones found by scoring every pair, a pair at exactly MOVE_AT a move (rapidfuzz's
cutoff at MOVE_AT rounds that score out: the cutoff is set a little under it).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from redline.comparison._blocks import align_blocks, compare_documents, find_moves
from redline.comparison._changes import Change
from redline.diff import _chars, code_with, encode_tokens
from redline.document import Document, Para


@given(st.lists(st.lists(st.lists(st.integers(0, 30), max_size=12), max_size=3), max_size=4))
def test_coded_in_turn_as_together(batches: list[list[list[int]]]) -> None:
    alphabet: dict[object, str] = {}
    in_turn = [code for batch in batches for code in code_with(alphabet, batch)]
    together = [seq for batch in batches for seq in batch]
    assert in_turn == encode_tokens(together)[0]  # type: ignore[arg-type]


def test_characters_skip_the_surrogate_block() -> None:
    # codes from U+0100; U+D800 .. U+DFFF are never used
    assert list(_chars(0, 2)) == ["\u0100", "\u0101"]
    assert list(_chars(0xD6FF, 2)) == ["\ud7ff", "\ue000"]
    assert list(_chars(0xD700, 1)) == ["\ue000"]


def _para(words: str) -> Para:
    return Para(words)


def test_moves_read_from_the_gap_as_scored_anew() -> None:
    anchor = _para("The Council decides to remain seized of the matter.")
    kept = _para("Recalls all relevant resolutions adopted on the subject.")
    # In the one gap, Q pairs with Q2 (14 of 15 words kept), crossing the others, so R and
    # M are left over with R2 and M2. M2 keeps 4 of M's 5 words, exactly 0.8 (MOVE_AT, "0.8
    # or more": a move, though rapidfuzz's cutoff at 0.8 rounds it out); R2 keeps 6 of R's 7
    # words: a move.
    q = _para(" ".join(f"word{k}" for k in range(15)))
    q2 = _para(" ".join(f"word{k}" for k in range(14)) + " other")
    m = _para("omicronic sigmatic upsilonic phinomena chiasmic")
    m2 = _para("omicronic sigmatic upsilonic phinomena psionic")
    r = _para("lambdaic mutational nuance xiphoid pirouette rhotic taurine")
    r2 = _para("lambdaic mutational nuance xiphoid pirouette rhotic kappaic")
    old = (anchor, r, m, q, kept)
    new = (anchor, q2, m2, r2, kept)
    fresh = find_moves(align_blocks(old, new), old, new)  # every pair scored anew
    shown = compare_documents(Document(old), Document(new)).body
    assert list(shown) == fresh
    by_old = {c.old: c.change for c in shown if c.old is not None}
    by_new = {c.new: c.change for c in shown if c.new is not None}
    assert by_old[3] is Change.EDITED and by_new[1] is Change.EDITED  # Q, Q2
    assert by_old[2] is Change.MOVED_FROM and by_new[2] is Change.MOVED_TO  # M, M2: 0.8
    assert by_old[1] is Change.MOVED_FROM and by_new[3] is Change.MOVED_TO  # R, R2
