"""Each pattern, range table and word list is defined once in `redline/`: copies drift apart.

The document symbol was written three times (text header, Word page headers, PDF running
heads), the barcode twice and differently, the CJK blocks twice and differently, the
rendering of a run's `w:noBreakHyphen` three times ("-" in one, U+2011 in the others), and
English word lists sat in the parser beside the six-language lexicon. These tests read the
package's string and number literals (docstrings and comments aside) and fail on a second copy.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import redline

PACKAGE = Path(redline.__file__).parent
LEXICON = "parse/lexicon.py"

# Files that still hold a copy, each owed a one-line switch to the shared definition.


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        yield rel, ast.parse(path.read_text(encoding="utf-8"))


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the string constants that are statements: docstrings, attribute docstrings."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def _literals(skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, object]]:
    """(module, value) of every str and int literal outside docstrings."""
    for rel, tree in _modules():
        if rel in skip:
            continue
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and id(node) not in docs
                and isinstance(node.value, (str, int))
                and not isinstance(node.value, bool)
            ):
                yield rel, node.value


def _where(found: Callable[[object], bool]) -> list[str]:
    """The modules holding a literal that ``found`` accepts."""
    return sorted({rel for rel, value in _literals() if found(value)})


def _str_with(pattern: str) -> Callable[[object], bool]:
    rx = re.compile(pattern)
    return lambda v: isinstance(v, str) and rx.search(v) is not None


def test_the_document_symbol_pattern_is_written_once() -> None:
    assert _where(_str_with(re.escape(r"[A-Z]{1,4}(?:/"))) == ["parse/_patterns.py"]


def test_the_barcode_pattern_is_written_once() -> None:
    # a star-wrapped run of digits: "\*\d{7,}\*", "\*[0-9A-Z]{5,}\*"
    assert _where(_str_with(r"\\\*(?:\\d|\[0-9)")) == ["parse/_patterns.py"]


def _cjk_literal(value: object) -> bool:
    """A bound of the CJK blocks: 0x4E00 as a number or as a character in a string."""
    return value == 0x4E00 or (isinstance(value, str) and "\u4e00" in value)


def test_one_cjk_range_table() -> None:
    assert _where(_cjk_literal) == ["scripts.py"]


def _run_child_names(value: object) -> bool:
    return isinstance(value, str) and value.endswith(("noBreakHyphen", "softHyphen"))


def test_one_rendering_of_a_runs_children() -> None:
    assert _where(_run_child_names) == ["word/oxml.py"]


@pytest.mark.parametrize(
    "word",
    [
        "January",
        "December",
        "Commission on Human Rights",
        "Meeting of States Parties",
        "Antigua and Barbuda",
        "Appendix",
        "Distr.",
        "Original:",
        "Please recycle",
        "quater",
        "Adopted",
        "United Nations",
    ],
)
def test_words_of_a_language_live_in_the_lexicon(word: str) -> None:
    """The parser's words are in `parse/lexicon.py` (built by tools/build_lexicon.py)."""
    elsewhere = sorted(
        {rel for rel, v in _literals(frozenset({LEXICON})) if isinstance(v, str) and word in v}
    )
    assert elsewhere == []
    assert any(word in v for rel, v in _literals() if rel == LEXICON and isinstance(v, str))


def test_patterns_are_built_from_the_lexicon() -> None:
    """The English header, vote and structure patterns still read what they read before."""
    from redline.parse._blocks import NUMBER
    from redline.parse._header import _FIELDS, MEETING, read_vote
    from redline.parse._patterns import SYMBOL_LINE
    from redline.parse._structure import _ANNEX_HEAD, is_formula

    fields = dict(_FIELDS)
    assert fields["symbol"] is SYMBOL_LINE
    assert SYMBOL_LINE.match("United Nations A/HRC/RES/46/13")
    assert fields["body"].match("Economic and Social Council")
    assert fields["session"].match("Twenty-eighth special session")
    assert fields["agenda_item"].match("Agenda items 3 and 4")
    assert fields["dates"].match("22 February–23 March 2021")
    assert MEETING.match("51st plenary meeting 12 July 2021")
    assert is_formula("The Meeting of States Parties,", "en")
    assert _ANNEX_HEAD.match("Appendix II") and NUMBER.match("3 quater. Decides")
    vote, _ = read_vote(
        [
            "Adopted by a recorded vote of 2 to 1, with no abstentions.",
            "In favour:",
            "Trinidad and Tobago and Uruguay",
            "Against:",
            "Chile",
        ]
    )
    assert (vote.yes, vote.no, vote.abstentions) == (2, 1, 0)
    assert vote.in_favour == ("Trinidad and Tobago", "Uruguay")


def test_a_named_file_is_read_in_one_place() -> None:
    """Inputs and templates are read, within their size limit, by `redline._files` only
    (code, not examples in docstrings: those read fixtures as a user would)."""
    package = Path(redline.__file__).parent
    readers = sorted(
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if any(
            isinstance(node, ast.Attribute) and node.attr in ("read_bytes", "st_size", "getsize")
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    )
    assert readers == ["_files.py"]
