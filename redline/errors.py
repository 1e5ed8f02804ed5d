"""The one tree of errors redline raises.

    RedlineError                      root: catch this to catch everything of ours
    ├── InputError (also ValueError)  an input cannot be read as a text to compare
    │   ├── EmptyInputError           nothing but whitespace
    │   ├── BinaryInputError          bytes that are not text (NUL bytes, control soup)
    │   ├── DecodeError               bytes not valid in the encodings tried
    │   ├── AmbiguousInputError       a str that looks like a file name, not a text
    │   ├── UnsafeCharacterError      (strict mode) a character XML cannot hold
    │   └── DocumentError             a .docx/.pdf that is corrupt, hostile or unsupported
    ├── OptionError (also ValueError) an option's value is not one it takes, e.g.
    │                                 existing_changes="bogus", date="yesterday"
    ├── ConservationError             a comparison would lose or invent text (a bug: report it)
    └── OutputError                   the redline cannot be written where asked

    RedlineWarning (a UserWarning)    something the reader should know, e.g. a character
                                      written by the xml_safe mapping; not an error

Every error names its source (a file path, or "<old>"/"<new>" for texts passed as strings)
and, where it helps, the line or paragraph, so the CLI can print it on one line. An
`OptionError` names the option instead, and is raised before any file is read.
"""

from __future__ import annotations


class RedlineError(Exception):
    """Root of redline's errors; `source` names the file or text it is about."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.source = source
        self.line = line
        where = ""
        if source is not None:
            where = f"{source}:{line}: " if line is not None else f"{source}: "
        super().__init__(where + message)


class InputError(RedlineError, ValueError):
    """An input cannot be read as a text to compare."""


class EmptyInputError(InputError):
    """The input holds nothing but whitespace."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class DecodeError(InputError):
    """The input's bytes are not valid in any encoding tried."""


class AmbiguousInputError(InputError):
    """A `str` that looks like a file name was passed where a text was expected."""


class UnsafeCharacterError(InputError):
    """In strict mode: the text holds a character XML cannot hold (see `redline.word.xml_safe`)."""


class DocumentError(InputError):
    """A Word or PDF file that is corrupt, hostile or unsupported."""


class OptionError(RedlineError, ValueError):
    """An option's value is not one it takes; raised before any file is read or written.

    `option` is the keyword's name ("date"), so the CLI can name its flag ("--date").
    """

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        super().__init__(message)


class ConservationError(RedlineError):
    """A comparison would lose or invent text; raised before any file is written."""


class OutputError(RedlineError):
    """The redline cannot be written to the path asked for."""


class RedlineWarning(UserWarning):
    """Something a reader of the redline should know, raised with `warnings.warn`.

    Why a warning and not an error: the redline is still written. Filter it like any
    warning (`warnings.simplefilter("error", redline.RedlineWarning)` makes it fatal).
    """
