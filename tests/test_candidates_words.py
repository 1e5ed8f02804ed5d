"""The words similarity scores are those of the one tokenizer, by whichever path they are cut."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from redline.align._score import _SIGNS, _scored_words
from redline.tokens import words

TEXT = st.text(
    st.sampled_from([*"aZ9_ -.,;", *_SIGNS, "é", "É", "\u0301", "\u200d", "人", "ß", "İ", "\n"]),
    max_size=40,
)


@given(TEXT)
@example("States\u2019 \u201cright\u201d\u2014to\xa0life\u2026")
@example("a\u200d\u2019b")
def test_scored_words_are_the_tokenizers_words(text: str) -> None:
    assert _scored_words(text) == words(text.casefold())


def test_signs_end_words_as_spaces_do() -> None:
    for sign in _SIGNS:
        assert _scored_words(f"Ab{sign}cD") == ["ab", "cd"]
