"""A Word document as the core sees it: its own paragraphs and tables, never rewritten.

The structure model (`Resolution`) reads a document for meaning; this model keeps it as it
was, so that a redline can be written onto the drafter's own file. Each paragraph is its text
with every non-text inline element (picture, equation, field, hyperlink, note reference, tab,
line break, content control) standing in it as one `Atom`, at a U+FFFC of the text: an atom
is compared whole, by its `key` (the picture's media and size, the field's code and result),
never character by character. No lxml here: the Word edge builds these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ATOM", "Atom", "Block", "Document", "Para", "Row", "Table"]

ATOM = "\ufffc"
"""The character an atom stands at in its paragraph's text (Unicode's object replacement)."""


@dataclass(frozen=True, slots=True)
class Atom:
    """A non-text inline element, compared whole: equal atoms have equal keys.

    `kind` names it for a reader ("picture", "field", "link", "note", "tab", "break" …);
    `text` is what it shows (a field's result, a link's text), used for similarity only.
    """

    kind: str
    key: str
    text: str = ""
    ref: str = ""  # the story it refers to ("footnote:2", "box:0"), not part of the key
    frame: str = ""  # an equation's key without its characters: the same frame, edited inside
    inner: tuple[str, ...] = ()  # an equation's characters, math run by math run


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph as the document holds it.

    `text` has a U+FFFC where each atom stands; `atoms` maps those offsets to the atoms
    (a U+FFFC typed by the author is plain text: it has no entry). `look` says how the
    paragraph is set (style, indents, numbering), so a change of look alone can be shown.
    `whole` paragraphs (a field running across paragraphs) are compared as one atom.
    `formats` says where each run's format (bold, italics, font …) starts, so a change of
    format alone is a change too (shown as a format change, not as text).
    """

    text: str
    atoms: tuple[tuple[int, Atom], ...] = ()
    look: str = ""
    whole: bool = False
    formats: tuple[tuple[int, str], ...] = ()  # (offset, run format) where a format starts

    @property
    def key(self) -> str:
        """What makes two paragraphs the same: text and atoms (look aside)."""
        if not self.atoms:
            return self.text
        return self.text + "\x00" + "\x00".join(f"{i}:{a.key}" for i, a in self.atoms)

    @property
    def shown(self) -> str:
        """The text a reader sees, atoms shown by their own text: what similarity scores."""
        if not self.atoms:
            return self.text
        chars = list(self.text)
        for i, atom in self.atoms:
            chars[i] = atom.text
        return "".join(chars)


@dataclass(frozen=True, slots=True)
class Row:
    """A table row: each cell the blocks it holds. `shape` is its cells' spans and merges."""

    cells: tuple[tuple[Block, ...], ...]
    shape: str = ""

    @property
    def key(self) -> str:
        return "\x01".join("\x02".join(block_key(b) for b in cell) for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its rows in order. Tables on the same grid are compared row by row."""

    rows: tuple[Row, ...]
    grid: str = ""  # the columns of its grid: tables with different grids never pair

    @property
    def shape(self) -> str:
        return self.grid

    @property
    def key(self) -> str:
        return "\x03".join(r.key for r in self.rows)

    @property
    def shown(self) -> str:
        return " ".join(block_shown(b) for r in self.rows for c in r.cells for b in c)


Block = Para | Table


def block_key(block: Block) -> str:
    return ("T" if isinstance(block, Table) else "P") + block.key


def block_shown(block: Block) -> str:
    return block.shown


@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """The body's blocks in order, and every other story's by name.

    Stories an atom refers to ("footnote:2", "endnote:1", "box:0" for a text box) are
    paired through their atoms; page headers and footers ("header:default:0", by type and
    section) by name.
    """

    body: tuple[Block, ...]
    stories: dict[str, tuple[Block, ...]] = field(default_factory=dict)
    tracked: int = 0  # tracked changes the file already carries
    digest: str = ""  # the file's SHA-256: a redline is written in place onto this file only
    stand_in: bool = False  # not the drafter's file: a text input laid out as redline writes it
    package: bytes = field(default=b"", repr=False)  # the file's bytes, a redline written onto
    opened: object = field(default=None, repr=False)
    """Those bytes as the Word edge opened them (opaque here): the writer takes it up only
    if it holds these very bytes, so the package is not opened and parsed a second time."""
