"""What the command line's commands share: one way to say a failure, one way to write a file."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import OutputError

__all__ = ["Failed", "fail", "write_text"]


class Failed(click.ClickException):
    """A RedlineError as the group prints it: one line, exit status 2."""

    exit_code = 2


def fail(message: str, *, color: bool | None = None, status: int = 2) -> int:
    """Print the one error line ("redline: error: ...") on stderr; return the exit status."""
    prefix = click.style("redline: error:", fg="red", bold=True)
    click.echo(f"{prefix} {message}", err=True, color=color)
    return status


def write_text(path: Path, text: str, *, what: str = "") -> None:
    """Write `text` as UTF-8, its line ends as given; an `OutputError` naming the file (and
    `what` was being written: "the report") when it cannot be written."""
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        said = f"cannot write {what}: " if what else "cannot write: "
        raise OutputError(said + str(exc.strerror or exc), source=str(path)) from exc
