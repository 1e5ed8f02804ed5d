"""The stories besides the body, each written where it lives.

Notes stay in their parts (edits inside a kept note tracked there; a deleted note carried
under a fresh id, its reference renumbered; an added one marked inserted), a text box's
paragraphs are compared inside the box (both copies, when Word keeps a fallback), and page
headers and footers in their own parts, each against the old one of its type and section.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from lxml import etree

from ...comparison import BlockChange, DocumentChanges, StoryChange
from ..oxml import W_NS
from ..read._blocks import block_elements
from ..read._stories import box_contents, margins, text_boxes
from ._carry import Out, Side
from ._lay import settle_marks

__all__ = ["Stories"]

_W = f"{{{W_NS}}}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class Stories:
    """The writer's part that writes every story but the body (mixed into the writer)."""

    changes: DocumentChanges
    new: Side
    old: Side
    out: Out
    part: str
    old_part: str
    notes: dict[str, tuple[str, etree._Element]]
    note_ids: dict[tuple[str, str], str]
    created: dict[str, str]

    def fill(
        self,
        container: etree._Element,
        changes: Sequence[BlockChange],
        old_blocks: Sequence[etree._Element],
    ) -> None:
        raise NotImplementedError

    def carry(self, e: etree._Element) -> etree._Element:
        raise NotImplementedError

    def mark_block(self, b: etree._Element, tag: str) -> None:
        raise NotImplementedError

    def tracked(self, tag: str, **attrs: str) -> etree._Element:
        raise NotImplementedError

    def prepare_notes(self) -> None:
        """Fresh ids for the deleted notes (their references are written with the body),
        and a notes part where the new document has none to take them."""
        for kind in ("footnote", "endnote"):
            gone = [s for s in self.changes.stories if s.kind == kind and s.new is None]
            if not gone and kind not in self.notes:
                continue
            if kind not in self.notes:
                self.notes[kind] = self._new_notes_part(kind)
            _part, root = self.notes[kind]
            used = {
                int(i) for n in root for i in [n.get(f"{_W}id") or ""] if i.lstrip("-").isdigit()
            }
            for s in gone:
                assert s.old is not None
                fresh = max(used, default=0) + 1
                used.add(fresh)
                self.note_ids[kind, s.old.split(":", 1)[1]] = str(fresh)

    def _note_parts(self, side: Side) -> dict[str, tuple[str, etree._Element]]:
        """The side's notes parts (`Side.part`: copies to edit, or the shared trees of the
        side only read)."""
        out = {}
        for kind in ("footnote", "endnote"):
            parts = side.pkg.related(side.pkg.main, f"{kind}s")
            root = side.part(parts[0]) if parts else None
            if root is not None:
                out[kind] = (parts[0], root)
        return out

    def _new_notes_part(self, kind: str) -> tuple[str, etree._Element]:
        root = etree.Element(f"{_W}{kind}s", nsmap={"w": W_NS})
        for nid, typ in (("-1", "separator"), ("0", "continuationSeparator")):
            note = etree.SubElement(root, f"{_W}{kind}", {f"{_W}type": typ, f"{_W}id": nid})
            etree.SubElement(
                etree.SubElement(etree.SubElement(note, f"{_W}p"), f"{_W}r"), f"{_W}{typ}"
            )
        folder = posixpath.dirname(self.new.pkg.main)
        part = posixpath.join(folder, f"{kind}s.xml")
        self.created[part] = f"{_WML}.{kind}s+xml"
        self.out.added_rels.setdefault(self.new.pkg.main, []).append(
            (f"rIdRl{kind}s", f"{_REL}/{kind}s", f"{kind}s.xml", "")
        )
        return part, root

    def boxes(self) -> None:
        """Text boxes compared inside the box (the box itself is kept as an atom)."""
        new_boxes, old_boxes = text_boxes(self.new.root), text_boxes(self.old.root)
        for s in self.changes.stories:
            if s.kind != "box" or s.old is None or s.new is None:
                continue
            new_atom = new_boxes[int(s.new.split(":")[1])]
            old_atom = old_boxes[int(s.old.split(":")[1])]
            targets, sources = box_contents(new_atom), box_contents(old_atom)
            if not targets or not sources:
                continue
            count = len(block_elements(targets[0]))
            for target, source in zip(targets, sources, strict=False):
                if len(block_elements(target)) == count:
                    self.fill(target, s.blocks, block_elements(source))

    def write_notes(self) -> None:
        old_notes = self._note_parts(self.old)
        for s in self.changes.stories:
            if s.kind not in ("footnote", "endnote") or s.kind not in self.notes:
                continue
            part, root = self.notes[s.kind]
            old_part, old_root = old_notes.get(s.kind, ("", None))
            self.part, self.old_part = part, old_part
            self._note(s, root, old_root)
        self.part, self.old_part = self.new.pkg.main, self.old.pkg.main

    def number_notes(self) -> None:
        """Number the notes in the order their references stand in the document, and order
        their parts so: LibreOffice pairs a reference with a note by that order, so a deleted
        note carried under a fresh id before a kept one would show the kept note's text
        under the wrong number, or none. Where the order holds already, nothing changes."""
        for kind, (_part, root) in self.notes.items():
            typed = [n for n in root if n.get(f"{_W}type") not in (None, "normal")]
            first = max((int(n.get(f"{_W}id") or 0) for n in typed), default=0) + 1
            refs = list(self.new.root.iter(f"{_W}{kind}Reference"))
            order = list(dict.fromkeys(r.get(f"{_W}id") or "" for r in refs))
            notes = [n for n in root if n.tag == f"{_W}{kind}" and n not in typed]
            order += [i for i in (n.get(f"{_W}id") or "" for n in notes) if i not in order]
            number = {old: str(first + k) for k, old in enumerate(order)}
            if all(number[n.get(f"{_W}id") or ""] == n.get(f"{_W}id") for n in notes):
                continue
            for r in refs:
                r.set(f"{_W}id", number[r.get(f"{_W}id") or ""])
            for n in notes:
                n.set(f"{_W}id", number[n.get(f"{_W}id") or ""])
                root.remove(n)
            for n in sorted(notes, key=lambda n: int(n.get(f"{_W}id") or 0)):
                root.append(n)

    def _note(self, s: StoryChange, root: etree._Element, old_root: etree._Element | None) -> None:
        def find(r: etree._Element | None, name: str | None) -> etree._Element | None:
            if r is None or name is None:
                return None
            nid = name.split(":", 1)[1]
            return next((n for n in r if n.get(f"{_W}id") == nid), None)

        note, old = find(root, s.new), find(old_root, s.old)
        if note is not None and old is not None:
            self.fill(note, s.blocks, block_elements(old))
        elif old is not None and s.old is not None:
            gone = self.carry(old)
            gone.set(f"{_W}id", self.note_ids[s.kind, s.old.split(":", 1)[1]])
            for b in block_elements(gone):
                self.mark_block(b, "del")
            settle_marks(gone, self.tracked)
            root.append(gone)
        elif note is not None:
            for b in block_elements(note):
                self.mark_block(b, "ins")
            settle_marks(note, self.tracked)

    def write_margins(self) -> dict[str, etree._Element]:
        """Page headers and footers: each compared with the old one of its type and section."""
        written: dict[str, etree._Element] = {}
        new_parts = margins(self.new.pkg, self.new.root)
        old_parts = margins(self.old.pkg, self.old.root)
        for s in self.changes.stories:
            if s.kind not in ("header", "footer") or s.new is None or s.old is None:
                continue
            part, old_part = new_parts.get(s.new), old_parts.get(s.old)
            if part is None or old_part is None:
                continue
            root = written.get(part) or self.new.pkg.xml(part)
            old_root = self.old.pkg.tree(old_part)  # copied from, only
            if root is None or old_root is None or part in written:
                continue
            self.part, self.old_part = part, old_part
            self.fill(root, s.blocks, block_elements(old_root))
            written[part] = root
        self.part, self.old_part = self.new.pkg.main, self.old.pkg.main
        return written
