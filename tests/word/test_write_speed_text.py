"""Redline's own package written as XML gives the bytes the element tree gave (issue 14).

The reference is the element path as it was before: every run made as an element (a text
this long, `_LONG`, is made so, and then the whole document is built as a tree and
serialised by lxml). Lowering `_LONG` to 0 sends every comparison down that path.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import redline
from redline.word.write import _docx, _runs

DATE = "2026-01-01T00:00:00Z"
_WORDS = [
    *("the", "General", "Assembly,", "Recalling", "Decides", "1.", "(a)", "also"),
    *("&", "<b>", "a>b", "]]>", '"q"', "'s", "café", "\U0001d518", "مرحبا", "中文"),
    *("\t", "x\x07y", "r\r\nn", "\x0b", "\x1e", "\u2028", "*it*", "  "),
]
_PARA = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join)


def _parts(c: redline.Comparison, **options: object) -> dict[str, bytes]:
    return _docx.docx_bytes(c, date=DATE, **options)  # type: ignore[arg-type]


def _as_elements(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_docx, "_LONG", 0)
    monkeypatch.setattr(_runs, "_LONG", 0)


@given(
    st.lists(_PARA, min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 7), st.sampled_from(["keep", "edit", "drop", "add"]))),
    st.booleans(),
    st.sampled_from(["redline", 'A & <b> "q"\there\n']),
)
def test_the_document_written_as_xml_is_the_tree_serialised(
    old: list[str], edits: list[tuple[int, str]], moves: bool, author: str
) -> None:
    new = list(old)
    for at, what in edits:
        k = at % (len(new) + 1)
        if what == "edit" and k < len(new):
            new[k] = new[k] + " also " + old[at % len(old)]
        elif what == "drop" and k < len(new) and len(new) > 1:
            new.pop(k)
        elif what == "add":
            new.insert(k, old[at % len(old)] + " Decides")
        elif k < len(new):
            new.append(new.pop(k))  # a move
    try:
        c = redline.compare("Recalling\n\n" + "\n\n".join(old), "Recalling\n\n" + "\n\n".join(new))
    except redline.RedlineError:  # read as binary data (too many control characters)
        return
    try:
        written = _parts(c, moves=moves, author=author)
    except redline.ConservationError:
        written = None
    with pytest.MonkeyPatch.context() as monkeypatch:
        _as_elements(monkeypatch)
        try:
            tree = _parts(c, moves=moves, author=author)
        except redline.ConservationError:
            tree = None
    assert written == tree


def test_notes_italics_and_moves_written_as_xml_as_the_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Word pairs written as redline's own package (plain): notes, italics, format changes."""
    fixtures = sorted((Path(__file__).parent.parent / "fixtures" / "docx").glob("*.docx"))
    for a, b in itertools.pairwise(fixtures):
        c = redline.compare(a, b)
        out = io.BytesIO()
        redline.write_docx(c, out, date=DATE, plain=True)
        with monkeypatch.context() as m:
            _as_elements(m)
            ref = io.BytesIO()
            redline.write_docx(c, ref, date=DATE, plain=True)
        assert out.getvalue() == ref.getvalue(), (a.name, b.name)
        assert zipfile.ZipFile(out).testzip() is None


@given(
    st.lists(
        st.tuples(_PARA, st.sampled_from([None, "ins", "del", "moveTo", "moveFrom", "moveTo>ins"])),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_a_pending_run_is_named_as_its_element(
    edits: list[tuple[str, str | None]], italic: bool
) -> None:
    """The seam pass's look at a pending run (by its XML) names what it parses to."""
    from redline.lines import Style
    from redline.word.write._marks import _Para

    b = _docx._Builder("A & <b>", DATE, own=True)
    para = _Para(Style.PLAIN)
    for text, kind in edits:
        b.plain_runs(para.content, text, [(0, 3)] if italic else [], 0, kind)
    names = [_runs._local(item) for item in para.content]
    _runs.materialise([para])
    assert names == [_runs._local(item) for item in para.content]
