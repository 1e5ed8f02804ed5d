"""The latest version as a DOCX whose every paragraph carries its history as a Word comment.

The document is the latest version written by `write_docx` against itself (no tracked
changes: Accept All leaves it as it is; onto the drafter's own file when the latest version
was read from one), each paragraph commented by the Word edge's one writer of a commented
document. Deterministic: the comments and the package are dated from the latest version's
date unless a date is given.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._api import compare
from ..word.write._comments import write_commented
from ._model import History
from ._render import history_comment


def write_history_docx(
    history: History,
    target: str | os.PathLike[str],
    *,
    author: str = "redline",
    date: str | None = None,
) -> Path:
    """Write the latest version of `history` to `target` (.docx), each paragraph commented
    with its history (the version where it appeared, its changes, its label in each)."""
    latest = history.resolutions[-1]
    last = len(history.versions) - 1
    stamp = date or f"{history.versions[last].date or '2000-01-01'}T00:00:00Z"
    comments: list[str | None] = [None] * len(latest.paragraphs)
    for life, stage in history.at(last):
        comments[stage.position or 0] = history_comment(history, life)
    return write_commented(compare(latest, latest), comments, target, author=author, date=stamp)
