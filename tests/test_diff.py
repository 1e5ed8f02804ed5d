"""The word diff: applying it gives the new text, reversing it the old; no word is split."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from redline.diff import Op, diff_lines, diff_words, side_lines, tokenize
from strategies import unicode_text, words

texts = unicode_text | words


def _boundaries(text: str) -> set[int]:
    out, pos = {0}, 0
    for tok in tokenize(text):
        pos += len(tok)
        out.add(pos)
    return out


@given(texts)
def test_tokenize_gives_the_text_back(text: str) -> None:
    assert "".join(tokenize(text)) == text


@given(st.lists(texts, min_size=1, max_size=4), st.lists(texts, min_size=1, max_size=4))
def test_round_trip(old: list[str], new: list[str]) -> None:
    edits = diff_lines(old, new)
    assert side_lines(edits, new=True) == new
    assert side_lines(edits, new=False) == old


@given(texts, texts)
def test_no_change_starts_or_ends_inside_a_word(old: str, new: str) -> None:
    edits = diff_words(old, new)
    for side, text in ((False, old), (True, new)):
        cuts = _boundaries(text)
        pos = 0
        for e in edits:
            if e.op is (Op.INSERT if not side else Op.DELETE):
                continue
            assert pos in cuts
            pos += len(e.text)
            assert pos in cuts


@given(texts)
def test_identity_has_no_change(text: str) -> None:
    assert all(e.op is Op.EQUAL for e in diff_words(text, text))


def test_word_mode_marks_whole_words() -> None:
    edits = diff_words("The quick brown fox.", "The quick browner fox.")
    assert [(e.op, e.text) for e in edits] == [
        (Op.EQUAL, "The quick "),
        (Op.DELETE, "brown"),
        (Op.INSERT, "browner"),
        (Op.EQUAL, " fox."),
    ]


def test_cjk_is_cut_per_character() -> None:
    edits = diff_words("人权理事会重申", "人权理事会决定")
    assert [(e.op, e.text) for e in edits] == [
        (Op.EQUAL, "人权理事会"),
        (Op.DELETE, "重申"),
        (Op.INSERT, "决定"),
    ]


def test_combining_marks_stay_with_their_letter() -> None:
    assert tokenize("cafe\u0301 x") == ["cafe\u0301", " ", "x"]
    assert tokenize("\U0001f44d\U0001f3fb!") == ["\U0001f44d\U0001f3fb", "!"]


def test_a_lone_space_between_changes_is_folded() -> None:
    edits = diff_words("a b", "c d")
    assert [(e.op, e.text) for e in edits] == [(Op.DELETE, "a b"), (Op.INSERT, "c d")]


def test_paragraph_marks_are_diffed() -> None:
    edits = diff_lines(["one two", "three"], ["one two three"])
    assert next(e for e in edits if e.mark).op is Op.DELETE


def test_words_replacing_a_join_stand_before_the_deleted_marks() -> None:
    # "A/HRC/RES/46/13" + two header lines become "A/HRC/RES/47/9": the new "9" is shown
    # right after the struck "13", not at the end of the last struck line.
    edits = diff_lines(
        ["United Nations A/HRC/RES/46/13", "Distr.: General", "Original: English"],
        ["A/HRC/RES/47/9"],
    )
    shown = [
        ("+" if e.op is Op.INSERT else "-" if e.op is Op.DELETE else "=", e.text, e.mark)
        for e in edits
    ]
    at = shown.index(("+", "9", False))
    assert shown[at - 1] == ("-", "13", False)
    assert shown[at + 1] == ("-", "", True)
    assert side_lines(edits, new=True) == ["A/HRC/RES/47/9"]
    assert side_lines(edits, new=False) == [
        "United Nations A/HRC/RES/46/13",
        "Distr.: General",
        "Original: English",
    ]


@given(st.lists(st.text(), max_size=5))
def test_an_unchanged_unit_gives_what_the_token_diff_gives(lines: list[str]) -> None:
    """diff_lines skips tokenizing a unit diffed against itself (most paragraphs of a
    revision); its edits are the ones diffing the tokens gives."""
    from diff_match_patch import diff_match_patch

    from redline import diff as d

    (a, b), _ = d.encode_tokens([d._line_tokens(lines), d._line_tokens(lines)])
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    tokens = d._line_tokens(lines)
    ops = {0: d.Op.EQUAL, 1: d.Op.INSERT, -1: d.Op.DELETE}
    decoded = dict(zip(a, tokens))  # character -> its token
    blocks = [
        (ops[op], [decoded[char] for char in chars])
        for op, chars in engine.diff_main(a, b, False)
        if chars
    ]
    assert diff_lines(lines, list(lines)) == d._place_insertions(d._edits(d._fold_spaces(blocks)))
