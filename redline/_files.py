"""Reading a file the user named: within a size limit, every failure one clear `InputError`.

Both the inputs (`_api`) and the template a redline is written onto (`word/write`) are read
here, so a missing file, a directory, a file too large or unreadable reads the same
whichever way it came in.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError

__all__ = ["read_limited"]


def read_limited(path: Path, *, limit: int, kind: str) -> bytes:
    """The bytes of `path`, refused above `limit` bytes before any is read.

    `kind` names the kind of file in the message ("a .docx file", "a text file").
    """
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"the file is {size / 2**20:.0f} MB; the limit for {kind} is {limit // 2**20} MB",
                source=name,
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("no such file", source=name) from exc
    except IsADirectoryError as exc:
        raise InputError("this is a directory, not a file", source=name) from exc
    except PermissionError as exc:
        raise InputError("permission denied: the file cannot be read", source=name) from exc
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=name) from exc
