"""The logical line: what every reader (text, Word, PDF) hands the structure pass."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import NoteRef

__all__ = ["SourceLine"]


@dataclass(slots=True)
class SourceLine:
    """One logical line: text without markup, and what the markup said about it."""

    number: int
    text: str
    italic: list[tuple[int, int]] = field(default_factory=list)
    bold: bool = False
    notes: list[NoteRef] = field(default_factory=list)
    footnote: str | None = None  # the mark, when the line defines a footnote
    rule: bool = False  # a page rule: a separator, not content
    page_break: bool = False  # a page ends here (the text showed it): evidence for a join

    @property
    def blank(self) -> bool:
        return not self.text.strip() and not self.rule
