"""What accept-all and reject-all must show, computed from the parsed inputs alone.

The expectation comes from the input's parse (its lines as `redline.lines` lays them out,
after the one documented character mapping `xml_safe_text`), never from the writer's output.
LibreOffice shows a footnote's number at its reference and keeps list labels apart.
"""

from __future__ import annotations

from redline.lines import document_lines
from redline.model import Resolution
from redline.word import xml_safe_text


def expected_view(r: Resolution, *, auto_numbers: bool) -> tuple[list[str], list[str], list[str]]:
    """(body paragraphs, list labels, footnote texts) of `r` as a word processor shows it."""
    body: list[str] = []
    numbers: list[str] = []
    notes: list[str] = []
    count = 0
    for line in document_lines(r, auto_numbers=auto_numbers):
        pieces: list[str] = []
        pos = 0
        for ref in sorted(line.notes, key=lambda n: n.offset):
            pieces.append(line.text[pos : ref.offset])
            pieces.append(str(len(notes) + 1))
            note = r.footnote(ref.mark)
            notes.append(xml_safe_text(note.text) if note else "")
            pos = ref.offset
        pieces.append(line.text[pos:])
        body.append(xml_safe_text("".join(pieces)))
        if line.numbered:
            count += 1
            numbers.append(f"{count}.")
        else:
            numbers.append("")
    return body, numbers, notes
