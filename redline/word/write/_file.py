"""`write_docx`: a Comparison written as a .docx, to a path or to a binary stream.

The one public writer. It checks its options before reading a template or writing a byte,
decides what becomes of characters XML cannot hold (refused with `strict=True`, else
written by the one mapping, `xml_safe`, and each reported as a `RedlineWarning`), then
hands the parts built by `docx_bytes` to the deterministic ZIP writer.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import warnings
from pathlib import Path
from typing import Protocol, overload

from lxml import etree

from ..._collector import collector_paused
from ...comparison import Comparison
from ...errors import OptionError, OutputError, RedlineWarning, UnsafeCharacterError
from ...model import Resolution
from ...parse._conserve import content_texts
from .._xml_safe import substitutions
from . import _package
from ._conserve import check_in_place
from ._docx import _iso as stamp
from ._docx import docx_bytes
from ._inplace import write_in_place
from ._stand_in import stand_in_bytes
from ._template import Template

__all__ = ["Writable", "write_docx", "write_stream"]


class Writable(Protocol):
    """A binary stream `write_docx` can write to: an open file, `io.BytesIO`, a socket's file."""

    def write(self, data: bytes, /) -> object: ...


@overload
def write_docx(
    comparison: Comparison,
    target: str | os.PathLike[str],
    *,
    author: str = ...,
    date: dt.datetime | str | None = ...,
    moves: bool = ...,
    template: str | os.PathLike[str] | None = ...,
    old_template: str | os.PathLike[str] | None = ...,
    strict: bool = ...,
    comments: bool = ...,
    plain: bool = ...,
) -> Path: ...


@overload
def write_docx(
    comparison: Comparison,
    target: Writable,
    *,
    author: str = ...,
    date: dt.datetime | str | None = ...,
    moves: bool = ...,
    template: str | os.PathLike[str] | None = ...,
    old_template: str | os.PathLike[str] | None = ...,
    strict: bool = ...,
    comments: bool = ...,
    plain: bool = ...,
) -> None: ...


@collector_paused
def write_docx(
    comparison: Comparison,
    target: str | os.PathLike[str] | Writable,
    *,
    author: str = "redline",
    date: dt.datetime | str | None = None,
    moves: bool = True,
    template: str | os.PathLike[str] | None = None,
    old_template: str | os.PathLike[str] | None = None,
    strict: bool = False,
    comments: bool = True,
    plain: bool = False,
) -> Path | None:
    """Write the redline of `comparison` to `target`: a path (returned) or a binary stream.

    Moved paragraphs are written as Word moves (w:moveFrom/w:moveTo, one named range per
    paragraph); `moves=False` writes them as a deletion plus an insertion instead.
    When a side was read from a Word file, the redline is that file: written onto the new
    document (else onto the old one, the new text laid out in its styles), every table,
    picture, field and note kept, each change tracked in place; `plain=True` writes a clean
    UN-style document instead. Naming `template` and `old_template` overrides those files:
    the redline is then written in the styles, page setup, headers, footers and numbering
    of `template`, and `old_template` lets a kept paragraph whose look changed show it as a
    tracked paragraph change (in place when they are the very files compared).
    `author` names the tracked changes and `date` (a datetime or an ISO 8601 string; default
    now) dates them. A character XML cannot hold is written by the one mapping (`xml_safe`)
    and reported as a `RedlineWarning` naming the side, paragraph and offset;
    `strict=True` raises `UnsafeCharacterError` instead. Written onto the new document
    (both inputs Word files, `template` and `old_template` those files), the redline keeps
    the new document's comments; `comments=False` drops them. Options are checked first: a value
    an option does not take raises `OptionError` before anything is read or written.

    >>> from redline import compare
    >>> c = compare(Path("examples/hrc-46-13.txt"), Path("examples/hrc-47-9.md"))
    >>> stream = io.BytesIO()
    >>> write_docx(c, stream, author="Drafter", date="2026-01-01")
    >>> stream.getvalue()[:2]
    b'PK'
    >>> write_docx(c, "rev1-vs-rev2.docx", template=Path("rev2.docx"))  # doctest: +SKIP
    PosixPath('rev1-vs-rev2.docx')
    """
    if not isinstance(comparison, Comparison):
        raise TypeError(f"write_docx writes a Comparison, not a {type(comparison).__name__}")
    _check_author(author)
    _check_date(date)
    _check_flag("moves", moves)
    _check_flag("strict", strict)
    _check_flag("comments", comments)
    _check_flag("plain", plain)
    if plain and (template is not None or old_template is not None):
        raise OptionError("plain", "plain=True writes no template: pass one or the other")
    to_path = isinstance(target, (str, os.PathLike))
    if not to_path and not callable(getattr(target, "write", None)):
        raise TypeError(
            f"write_docx writes to a path or a binary stream, not a {type(target).__name__}"
        )
    if isinstance(target, io.TextIOBase):
        raise TypeError("write_docx writes bytes: pass a binary stream (sys.stdout.buffer)")
    unsafe = unsafe_characters(comparison)
    if unsafe and strict:
        side, where, offset, original, _ = unsafe[0]
        more = f" ({len(unsafe) - 1} more)" if len(unsafe) > 1 else ""
        raise UnsafeCharacterError(
            f"{where} holds {_codes(original)} at offset {offset}, which XML cannot hold{more}",
            source=side,
        )
    if plain:
        base = before = None
    elif template is None and old_template is None:  # the drafter's own files, as read
        base, before = own_template(comparison.new), own_template(comparison.old)
    else:
        # the files are read again (a caller may have changed one since): the package the
        # comparison opened is taken up only if it holds those very bytes
        base = before = None
        if template is not None:
            base = Template.read(template, opened=_opened(comparison.new))
        if old_template is not None:
            before = Template.read(old_template, opened=_opened(comparison.old))
        before, base = _stand_ins(comparison, before, base)
    if base is None:
        before = None  # the old file's looks are shown against the new file's only
    parts = None
    if base is not None and before is not None and in_place(comparison, base, before):
        assert comparison.document is not None
        stories: dict[str, tuple[etree._Element, bytes]] = {}  # the roots written
        parts = write_in_place(
            before.pkg,
            base.pkg,
            comparison.document,
            author=author,
            date=stamp(date),
            comments=comments,
            moves=moves,
            parsed=stories,
        )
        parts = _package.deflating(parts)  # deflated on a second thread while checked
        if base.pkg.main == "word/document.xml":
            check_in_place(
                parts,
                {n: before.pkg.read(n) or b"" for n in before.pkg.names()},
                {n: base.pkg.read(n) or b"" for n in base.pkg.names()},
                sources=(before.pkg.source, base.pkg.source),
                trees=(_parsed(before), _parsed(base)),
                written=stories,
            )
    if parts is None:
        parts = docx_bytes(
            comparison, author=author, date=date, moves=moves, template=base, old_template=before
        )
    written: Path | None = None
    if isinstance(target, (str, os.PathLike)):
        written = Path(target)
        _package.write_package(written, parts)  # looked up now: tests record every file
    else:
        write_stream(target, parts)
    for side, where, offset, original, replacement in unsafe:
        warnings.warn(
            f"{side}: {where}: {_codes(original)} at offset {offset} is written as "
            + ", ".join(f"U+{ord(ch):04X}" for ch in replacement),
            RedlineWarning,
            stacklevel=2,
        )
    return written


def _parsed(template: Template) -> tuple[etree._Element, etree._Element | None] | None:
    """The roots of a template's word/document.xml (its main part, never edited) and
    word/footnotes.xml, as parsing those parts' bytes gives them (None: its main part has
    another name, the bytes are read)."""
    if template.main != "word/document.xml":
        return None
    return template.root, template.pkg.tree("word/footnotes.xml")


def own_template(side: Resolution) -> Template | None:
    """The Word file (or a text's stand-in) a side was read from, from the bytes it kept."""
    document = side.document
    if document is None or not document.package:
        return None
    return Template(document.package, source=side.source or "<docx>", opened=document.opened)


def _opened(side: Resolution) -> object:
    """The package the side's Word file (or stand-in) was opened as, if any."""
    return side.document.opened if side.document is not None else None


def _stand_ins(
    comparison: Comparison, before: Template | None, base: Template | None
) -> tuple[Template | None, Template | None]:
    """A text side against a named Word file stands in as a Word file in that file's styles:
    the one made when comparing if the file is the one compared, else one made now."""
    old, new = comparison.old, comparison.new
    if before is None and base is not None and old.document and old.document.stand_in:
        made = new.document is not None and base.digest == new.document.digest
        data = old.document.package if made else stand_in_bytes(old, base)
        before = Template(data, source=old.source or "<old>", opened=old.document.opened)
    elif base is None and before is not None and new.document and new.document.stand_in:
        made = old.document is not None and before.digest == old.document.digest
        data = new.document.package if made else stand_in_bytes(new, before)
        base = Template(data, source=new.source or "<new>", opened=new.document.opened)
    return before, base


def _codes(text: str) -> str:
    """Code points as a reader names them: "U+0007", or "U+000D U+000A" for a line end."""
    return " ".join(f"U+{ord(ch):04X}" for ch in text)


def write_stream(stream: Writable, parts: dict[str, bytes]) -> None:
    """Write the parts as the same deterministic ZIP `write_package` writes to a file.

    The archive is built in memory and written in one call, so a stream that cannot seek
    (a pipe, a socket) gets the very bytes a file would.
    """
    buffer = io.BytesIO()
    _package.zip_parts(buffer, parts)
    try:
        stream.write(buffer.getvalue())
    except (OSError, ValueError) as exc:  # ValueError: a closed file
        name = str(getattr(stream, "name", "<stream>"))
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise OutputError(f"cannot write the redline: {detail}", source=name) from exc


def unsafe_characters(c: Comparison) -> list[tuple[str, str, int, str, str]]:
    """Every character the mapping (`xml_safe`) changes, in text order, both sides:
    (side, paragraph, offset, original, replacement)."""
    found = []
    for r in (c.old, c.new):
        for where, text in content_texts(r):
            for offset, original, replacement in substitutions(text):
                found.append((r.source, where, offset, original, replacement))
    return found


def _check_author(author: object) -> None:
    if not isinstance(author, str) or not author.strip():
        raise OptionError("author", f"author must be a non-empty string, not {author!r}")
    if substitutions(author):
        offset, original, _ = substitutions(author)[0]
        raise OptionError(
            "author",
            f"author holds {_codes(original)} at offset {offset}, which XML cannot hold",
        )


def _check_date(date: object) -> None:
    expected = "a datetime or an ISO 8601 string such as '2026-01-01T00:00:00Z'"
    if date is None or isinstance(date, dt.datetime):
        return
    if isinstance(date, str):
        try:
            dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return
    raise OptionError("date", f"date must be {expected}, not {date!r}")


def _check_flag(option: str, value: object) -> None:
    if not isinstance(value, bool):
        raise OptionError(option, f"{option} must be True or False, not {value!r}")


def in_place(
    comparison: Comparison, template: Template | None = None, old_template: Template | None = None
) -> bool:
    """Whether the redline can be written onto the drafter's own file: both inputs are Word
    documents without tracked changes of their own, and the templates given (if any) are
    those very files."""
    old, new = comparison.old.document, comparison.new.document
    return (
        comparison.document is not None
        and old is not None
        and new is not None
        and not old.tracked
        and not new.tracked
        and (template is None or template.digest == new.digest)
        and (old_template is None or old_template.digest == old.digest)
    )
