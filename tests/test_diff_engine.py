"""The compiled diff (fast-diff-match-patch, the C++ port) gives the Python original's edits.

redline diffs coded strings (one character per token, from U+0100, the surrogate block
skipped) with no timeout and no cleanup. The reference is the Python `diff_match_patch`
called directly here, not through redline: on random strings over small alphabets (ties,
repeats, the bisection's middle snakes), over astral characters, and on the coded texts of
real corpus paragraphs and their edited versions.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import given
from hypothesis import strategies as st

from redline import diff
from redline.diff import encode_tokens, plain_diff, tokenize


def _reference(a: str, b: str) -> tuple[tuple[int, int], ...]:
    """The Python original's runs, as (op, characters): redline slices tokens by count."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return tuple((op, len(text)) for op, text in dmp.diff_main(a, b, False))


def test_the_compiled_diff_is_installed() -> None:
    """Where a wheel exists (CPython before 3.13), the dependency is there and used: the
    comparisons below would otherwise test the Python original against itself."""
    if sys.version_info < (3, 13):
        assert diff._compiled_diff is not None


_CODED = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x100, 0x106)] + ["\ue000", "\U0001f600", "\U00010348"]
    ),
    max_size=60,
)


@given(_CODED, _CODED)
def test_same_runs_as_the_python_original(a: str, b: str) -> None:
    assert plain_diff(a, b) == _reference(a, b)
    assert plain_diff(a, b, compiled=False) == _reference(a, b)


@given(
    st.lists(st.integers(0x100, 0x140), max_size=120),
    st.lists(st.tuples(st.integers(0, 119), st.integers(0, 2), st.integers(0x100, 0x140))),
)
def test_same_runs_on_edited_copies(codes: list[int], edits: list[tuple[int, int, int]]) -> None:
    """Long strings and few edits: the common case, and the bisection on long middles."""
    a = "".join(map(chr, codes))
    b = list(a)
    for at, kind, code in edits:
        at = min(at, len(b))
        if kind == 0:
            b.insert(at, chr(code))
        elif b and kind == 1:
            del b[min(at, len(b) - 1)]
        elif b:
            b[min(at, len(b) - 1)] = chr(code)
    assert plain_diff(a, "".join(b)) == _reference(a, "".join(b))


def test_same_runs_on_corpus_paragraphs(shared_dir: Path) -> None:
    """Real paragraphs, coded as redline codes them, against reworded copies and against
    other paragraphs (long unrelated middles)."""
    folder = shared_dir / "corpus" / "markdown"
    paragraphs = [
        line.strip()
        for path in sorted(folder.glob("*.md"))[:40]
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 8
    ]
    assert len(paragraphs) > 200
    rng = random.Random(14)
    checked = 0
    for text in rng.sample(paragraphs, 200):
        words = tokenize(text)
        edited = [w for w in words if rng.random() > 0.1]
        for _ in range(len(edited) // 10):
            edited.insert(rng.randrange(len(edited) + 1), rng.choice(words))
        other = tokenize(rng.choice(paragraphs))
        for second in (edited, other):
            (a, b), _ = encode_tokens([words, second])
            assert plain_diff(a, b) == _reference(a, b), text
            checked += 1
    assert checked == 400


def test_memoised_path_uses_the_same_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_diff_main` (what the comparison calls) returns `plain_diff`'s runs."""
    a, b = "\u0100\u0101\u0102\u0103", "\u0100\u0102\u0104\u0103"
    assert diff._diff_main(a, b) == _reference(a, b)
    with diff.remembering():
        assert diff._diff_main(a, b) == diff._diff_main(a, b) == _reference(a, b)
