"""The latest version as a DOCX whose every paragraph carries its history as a Word comment.

The document is the latest version written by `write_docx` against itself (no tracked
changes: Accept All leaves it as it is), then each paragraph is given a comment by the Word
edge's comments writer. Deterministic: the comments and the package are dated from the
latest version's date unless a date is given.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from .._api import compare
from ..errors import OutputError
from ..word.write import write_docx
from ..word.write._comments import add_comments, anchors
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
    out = io.BytesIO()
    write_docx(compare(latest, latest), out, author=author, date=stamp)
    standing = history.at(last)
    path = Path(target)
    texts = [latest.paragraphs[s.position or 0].text for _, s in standing]
    found = anchors(out.getvalue(), texts, source=str(path))
    comments = [(k, history_comment(history, life)) for k, (life, _) in zip(found, standing)]
    package = add_comments(out.getvalue(), comments, author=author, date=stamp, source=str(path))
    try:
        path.write_bytes(package)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", source=str(path)) from exc
    return path
