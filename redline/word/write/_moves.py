"""Which moves can be written as Word moves."""

from __future__ import annotations

from collections.abc import Sequence

from ...comparison import Role, Segment

__all__ = ["moves_at_edges"]


def moves_at_edges(segments: Sequence[Segment]) -> set[str]:
    """Moves that cannot be written safely: a half in the changed tail of the body.

    The body's last paragraph mark must stay untracked (LibreOffice cannot remove a
    container's last mark); the marks of a changed tail are carried on the paragraphs
    before it, which a move's own marks cannot take.
    """
    unsafe: set[str] = set()
    for seg in reversed(segments):
        if seg.role in (Role.PAIR, Role.HEADER, Role.VOTE) and seg.old and seg.new:
            break  # a paragraph in place ends the tail
        if seg.move:
            unsafe.add(seg.move)
    return unsafe
