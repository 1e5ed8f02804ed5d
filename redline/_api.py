"""The one place that joins the core to the file edges: inputs in, a Comparison out."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Literal, Union, get_args

from ._collector import collector_paused
from ._files import read_limited
from .align import DEFAULT_THRESHOLD
from .comparison import Comparison, compare_resolutions
from .errors import AmbiguousInputError, DocumentError, OptionError
from .model import Repair, Resolution
from .parse import parse_bytes, parse_string
from .parse._conserve import verify_conservation
from .parse._structure import parse_lines
from .parse.language import detect_language
from .pdf import read_pdf
from .word.read import read_blocks
from .word.read._document import read_lines
from .word.read._package import Package
from .word.write._file import own_template
from .word.write._stand_in import stand_in

Source = Union[str, "os.PathLike[str]", Resolution]
"""What `compare` takes for each side: a file path, the text itself, or a parsed Resolution."""

Language = Literal["ar", "en", "es", "fr", "ru", "zh"]
"""The six official languages of the UN, by their ISO 639-1 codes."""
ExistingChanges = Literal["accept", "reject"]
"""How a Word input's own tracked changes are read: as Accept All or Reject All shows it."""

_LOOKS_LIKE_FILE = re.compile(r"^[^\n]{0,4096}\.(?:txt|md|markdown|docx|pdf|odt|doc|rtf)\s*$", re.I)
MAX_TEXT_BYTES = 50 * 1024 * 1024
"""Text inputs above this size are refused (README: limits)."""
MAX_DOCX_BYTES = 100 * 1024 * 1024
"""Word files above this size are refused before they are opened."""
MAX_PDF_BYTES = 100 * 1024 * 1024
"""PDF files above this size are refused before they are opened."""


@collector_paused
def parse(
    source: Source,
    *,
    name: str = "<text>",
    language: Language | None = None,
    existing_changes: ExistingChanges = "accept",
) -> Resolution:
    """Parse one input: a path (os.PathLike), the text itself (str), or a Resolution.

    `language` (ar, en, es, fr, ru, zh) is detected from the text unless given.
    `existing_changes` says how a Word file's own tracked changes are read: "accept" (as
    Accept All shows the file) or "reject"; a warning says how many there were. Both are
    checked before anything is read: a value they do not take raises `OptionError`.

    >>> parse(Path("examples/hrc-47-9.md")).header.symbol
    'A/HRC/RES/47/9'
    """
    _check_language(language)
    _check_existing_changes(existing_changes)
    if isinstance(source, Resolution):
        return source
    if isinstance(source, str):
        if _LOOKS_LIKE_FILE.match(source.strip()) and "\n" not in source.strip():
            raise AmbiguousInputError(
                f"{source.strip()!r} looks like a file name, not a resolution text: "
                "pass pathlib.Path(...) to read the file",
                source=name,
            )
        return parse_string(source, source=name, language=language)
    if isinstance(source, os.PathLike):
        return _read_file(Path(source), language=language, existing_changes=existing_changes)
    raise TypeError(f"cannot compare a {type(source).__name__}: pass a Path, a str or a Resolution")


def _check_language(language: object) -> None:
    if language is not None and language not in get_args(Language):
        codes = ", ".join(repr(code) for code in get_args(Language))
        raise OptionError("language", f"language must be one of {codes} or None, not {language!r}")


def _check_existing_changes(existing_changes: object) -> None:
    if existing_changes not in get_args(ExistingChanges):
        raise OptionError(
            "existing_changes",
            f"existing_changes must be 'accept' or 'reject', not {existing_changes!r}",
        )


def _check_threshold(threshold: object) -> None:
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, (int, float))
        or not 0 < threshold <= 1
    ):
        raise OptionError(
            "threshold", f"threshold must be a number above 0 and at most 1, not {threshold!r}"
        )


def _read_file(
    path: Path, *, language: Language | None, existing_changes: ExistingChanges = "accept"
) -> Resolution:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in (".doc", ".odt"):
        raise DocumentError(
            f"reading {suffix} files is not supported yet; save it as .docx", source=name
        )
    limit = {".docx": MAX_DOCX_BYTES, ".pdf": MAX_PDF_BYTES}.get(suffix, MAX_TEXT_BYTES)
    data = read_limited(path, limit=limit, kind=f"a {suffix or 'text'} file")
    if suffix in (".docx", ".pdf"):
        repairs: list[Repair] = []  # a Word file's paragraphs are as the drafter typed them
        pkg = None  # a Word file is unzipped and parsed once, for its lines and its blocks
        if suffix == ".pdf":
            lines, noise, text, warnings, repairs = read_pdf(data, source=name)
        else:
            pkg = Package(data, source=name)
            lines, noise, text, warnings = read_lines(pkg, existing_changes=existing_changes)
        resolution = parse_lines(
            lines,
            noise,
            source=name,
            language=language or detect_language(text),
            repairs=repairs,
        )
        verify_conservation(text, resolution)
        document = read_blocks(data, source=name, pkg=pkg) if pkg is not None else None
        return replace(
            resolution, warnings=resolution.warnings + tuple(warnings), document=document
        )
    return parse_bytes(data, source=name, language=language)


@collector_paused
def compare(
    old: Source,
    new: Source,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    language: Language | None = None,
    existing_changes: ExistingChanges = "accept",
) -> Comparison:
    """Compare two resolutions given as paths, texts or parsed Resolutions.

    `threshold` (above 0, at most 1) is the similarity below which two paragraphs are not
    paired; `language` and `existing_changes` are as for `parse`. Every option is checked
    before either input is read: a value it does not take raises `OptionError`. The
    comparison knows nothing of Word: what a .docx cannot hold is `write_docx`'s concern.

    >>> c = compare(Path("examples/hrc-46-13.txt"), Path("examples/hrc-47-9.md"))
    >>> c.summary()  # doctest: +ELLIPSIS
    '... paragraphs matched ...'
    """
    _check_threshold(threshold)
    _check_language(language)
    _check_existing_changes(existing_changes)
    before = parse(old, name="<old>", language=language, existing_changes=existing_changes)
    after = parse(new, name="<new>", language=language, existing_changes=existing_changes)
    # One side is the drafter's Word file and the other a text: the text stands in as a
    # Word file in that file's styles, so the redline can be written onto their document.
    # (The Word file is read as a template only then, from the bytes its side kept.)
    if (
        before.document is None
        and not isinstance(new, Resolution)
        and (onto := own_template(after)) is not None
    ):
        before = replace(before, document=stand_in(before, onto))
    elif (
        after.document is None
        and not isinstance(old, Resolution)
        and (onto := own_template(before)) is not None
    ):
        after = replace(after, document=stand_in(after, onto))
    return compare_resolutions(before, after, threshold=threshold)
