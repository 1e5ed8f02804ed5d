"""The public face: a small set of names, each with a reason, and every value type its
public fields hold importable from it."""

from __future__ import annotations

import dataclasses
import enum
import inspect
import typing

import redline

FACE = {
    # the verbs, and many pairs at once (compare_many returns a PairResult per pair)
    "compare",
    "compare_many",
    "PairResult",
    "parse",
    "report",
    "write_docx",
    # views for readers who do not open Word: the HTML report, the change summary
    "write_html",
    "change_summary",
    "ChangeSummary",
    "SummaryLine",
    "write_summary_docx",
    # agreed language: trace() and the values of the Trace it returns
    "trace",
    "Trace",
    "ParagraphTrace",
    "Precedent",
    "Standing",
    "CorpusParagraph",
    "CorpusResolution",
    # the history of a series: history() and the values of the History it returns
    "history",
    "History",
    "HistoryEvent",
    "ParagraphHistory",
    "Stage",
    # the model: a comparison, its matches, a resolution and its parts
    "Comparison",
    "DEFAULT_THRESHOLD",
    "Footnote",
    "Header",
    "HeaderLine",
    "Kind",
    "Match",
    "NoteRef",
    "Paragraph",
    "Part",
    "Resolution",
    "SubParagraph",
    "Vote",
    # value types public fields hold: Comparison.segments/note_changes, Segment.role/edits/
    # old/new/notes/italics, Edit.op, Line.style, Resolution.noise, Resolution.repairs
    "Edit",
    "ItalicChange",
    "Line",
    "Noise",
    "NoteChange",
    "Repair",
    "RepairKind",
    "NotePair",
    "Op",
    "Role",
    "Segment",
    "Style",
    # Comparison.document and Resolution.document: two Word files compared block by block
    "Atom",
    "BlockChange",
    "Change",
    "Document",
    "DocumentChanges",
    "InnerEdit",
    "Para",
    "Row",
    "RowChange",
    "Step",
    "StoryChange",
    "Table",
    # Comparison.elements: those blocks' tables and elements as a reader is told them
    "ElementChange",
    "ElementChanges",
    "RowView",
    "TableChange",
    # the error tree, and the warning category write_docx reports with
    "AmbiguousInputError",
    "BinaryInputError",
    "ConservationError",
    "DecodeError",
    "DocumentError",
    "EmptyInputError",
    "InputError",
    "OptionError",
    "OutputError",
    "RedlineError",
    "RedlineWarning",
    "UnsafeCharacterError",
}


def test_the_face_is_the_agreed_set() -> None:
    assert set(redline.__all__) == FACE


def test_test_and_debug_helpers_live_in_their_subpackages() -> None:
    from redline.parse import source_map
    from redline.word import read_view, xml_safe, xml_safe_text

    assert all(callable(f) for f in (source_map, read_view, xml_safe, xml_safe_text))
    for name in ("read_view", "xml_safe", "xml_safe_text", "source_map", "substitutions"):
        assert not hasattr(redline, name), name


def _classes(hint: object) -> typing.Iterator[type]:
    if isinstance(hint, type):
        yield hint
    for arg in typing.get_args(hint):
        yield from _classes(arg)


def test_every_type_a_public_field_holds_is_in_the_face() -> None:
    public = {getattr(redline, n) for n in redline.__all__}
    missing = set()
    for name in redline.__all__:
        cls = getattr(redline, name)
        if not (inspect.isclass(cls) and dataclasses.is_dataclass(cls)):
            continue
        for f, hint in typing.get_type_hints(cls).items():
            if f.startswith("_"):
                continue
            for held in _classes(hint):
                if held.__module__.startswith("redline") and held not in public:
                    missing.add(f"{name}.{f}: {held.__name__}")
    assert missing == set()


def test_public_enums_and_values_are_frozen() -> None:
    for name in redline.__all__:
        cls = getattr(redline, name)
        if inspect.isclass(cls) and dataclasses.is_dataclass(cls):
            assert cls.__dataclass_params__.frozen, name  # type: ignore[attr-defined]
        elif inspect.isclass(cls) and not issubclass(cls, BaseException):
            assert issubclass(cls, (enum.Enum, Warning)), name


def test_options_are_keyword_only() -> None:
    for func, positional in (
        (redline.compare, {"old", "new"}),
        (redline.compare_many, {"pairs", "new_folder"}),
        (redline.parse, {"source"}),
        (redline.write_docx, {"comparison", "target"}),
    ):
        params = inspect.signature(func).parameters.values()
        assert {p.name for p in params if p.kind is not p.KEYWORD_ONLY} == positional


def test_strict_is_a_writer_option_not_a_comparison_option() -> None:
    assert "strict" not in inspect.signature(redline.compare).parameters
    assert inspect.signature(redline.write_docx).parameters["strict"].default is False
    text = "The General Assembly,\n\n1. Decides.\n"
    try:
        redline.compare(text, text, strict=True)  # type: ignore[call-arg]
    except TypeError as exc:
        assert "strict" in str(exc)
    else:
        raise AssertionError("compare() took strict=")


def test_write_docx_is_the_file_writer() -> None:
    from redline.word import write_docx
    from redline.word.write import _file

    assert redline.write_docx is write_docx is _file.write_docx
