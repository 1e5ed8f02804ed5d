"""A Word paragraph's text is kept as the pieces its runs add: the same text, note offsets,
italic spans and boldness as the character-by-character record it replaced (kept verbatim
below as the reference)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress

from hypothesis import given, settings
from hypothesis import strategies as st

from redline.model import NoteRef
from redline.word.read._styles import RunLook
from redline.word.read._text import TextRun


@dataclass(slots=True)
class _OldTextRun:
    """TextRun as it was (64d403d), a character an entry."""

    chars: list[str] = field(default_factory=list)
    italic: list[bool] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    notes: list[NoteRef] = field(default_factory=list)
    breaking: bool = False
    some_italic: bool = False
    some_bold: bool = False

    def __len__(self) -> int:
        return len(self.chars)

    def add(self, text: str, look: RunLook | None = None) -> None:
        if self.breaking:
            text = text.lstrip(" ")
            if not text:
                return
            self.breaking = False
            if self.chars:
                self._put(" ", False, False)
        self.chars += text  # a character each, as list.extend reads a string
        it, bd = bool(look and look.shows_italic), bool(look and look.bold)
        self.italic += [it] * len(text)
        self.bold += [bd] * len(text)
        self.some_italic = self.some_italic or it
        self.some_bold = self.some_bold or bd

    def _put(self, ch: str, it: bool, bd: bool) -> None:
        self.chars.append(ch)
        self.italic.append(it)
        self.bold.append(bd)
        self.some_italic = self.some_italic or it
        self.some_bold = self.some_bold or bd

    def line_break(self) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.italic.pop()
            self.bold.pop()
        self.breaking = True

    def extend(self, other: _OldTextRun) -> None:
        base = len(self.chars)
        self.chars += other.chars
        self.italic += other.italic
        self.bold += other.bold
        self.notes += [NoteRef(n.offset + base, n.mark) for n in other.notes]
        self.breaking = False
        self.some_italic = self.some_italic or other.some_italic
        self.some_bold = self.some_bold or other.some_bold

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def spans(self) -> list[tuple[int, int]]:
        if not self.some_italic or True not in self.italic:
            return []
        text = self.text
        raw: list[list[int]] = []
        for i in compress(range(len(self.italic)), self.italic):
            if text[i].isspace():
                continue
            if raw and (raw[-1][1] == i or text[raw[-1][1] : i].isspace()):
                raw[-1][1] = i + 1
            else:
                raw.append([i, i + 1])
        return [(a, b) for a, b in raw]

    def all_bold(self) -> bool:
        if not self.some_bold or True not in self.bold:
            return False
        shown = [b for c, b in zip(self.chars, self.bold) if not c.isspace()]
        return bool(shown) and all(shown)


_TEXT = st.text(alphabet=" \t\n\u00a0\u2003ab.é", max_size=8)
_LOOK = st.one_of(
    st.none(),
    st.builds(
        RunLook,
        italic=st.sampled_from([None, False, True]),
        italic_cs=st.sampled_from([None, False, True]),
        bold=st.sampled_from([None, False, True]),
        complex=st.sampled_from([None, False, True]),
    ),
)
_OP = st.one_of(
    st.tuples(st.just("add"), _TEXT, _LOOK),
    st.tuples(st.just("break")),
    st.tuples(st.just("note"), st.sampled_from(["1", "*", "ii"])),
)
_OPS = st.lists(_OP, max_size=14)


def _play(run: TextRun | _OldTextRun, ops: list[tuple[object, ...]]) -> None:
    for op in ops:
        if op[0] == "add":
            run.add(str(op[1]), op[2] if isinstance(op[2], RunLook) else None)
        elif op[0] == "break":
            run.line_break()
        else:
            run.notes.append(NoteRef(len(run), str(op[1])))


def _seen(run: TextRun | _OldTextRun) -> tuple[object, ...]:
    return (run.text, len(run), run.spans(), run.all_bold(), list(run.notes), run.breaking)


@settings(max_examples=400, deadline=None)
@given(_OPS, _OPS, st.booleans())
def test_pieces_read_as_the_characters_did(
    first: list[tuple[object, ...]], second: list[tuple[object, ...]], join: bool
) -> None:
    new, old = TextRun(), _OldTextRun()
    _play(new, first)
    _play(old, first)
    if join:  # a paragraph mark removed: the next paragraph's text joined on
        new_next, old_next = TextRun(), _OldTextRun()
        _play(new_next, second)
        _play(old_next, second)
        new.extend(new_next)
        old.extend(old_next)
    _play(new, second)
    _play(old, second)
    assert _seen(new) == _seen(old)


def test_spans_merge_across_whitespace_gaps() -> None:
    italic = RunLook(italic=True)
    run = TextRun()
    for text, look in [(" Recalling", italic), (" ", None), ("also ", italic), ("its", None)]:
        run.add(text, look)
    assert run.text == " Recalling also its"
    assert run.spans() == [(1, 15)]
    assert not run.all_bold()
