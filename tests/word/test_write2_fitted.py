"""A deleted word's pieces are made fit for the new package without a second copy (issue 14).

`cut(..., own=False)` gives fresh copies of the old runs; the writer makes those copies fit
(`_Writer._fitted`) instead of copying them again (`_Writer.carry`). Checked here: for
stretches of every old paragraph of documents holding pictures, links, fields, notes and
bookmarks, the pieces fitted serialize as the pieces carried, and take the same fresh ids
and relationships (two writers, started alike, one carrying and one fitting); the files
with a link or a picture have pieces that fitting changes (the check is not idle).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import redline
from redline.comparison import Comparison
from redline.word.oxml import W_NS
from redline.word.read._blocks import items
from redline.word.read._package import Package
from redline.word.write._carry import tostring
from redline.word.write._inplace import _Writer
from redline.word.write._lay import cut

DOCX = Path(__file__).parent.parent / "fixtures" / "docx"
ELEMENTS = Path(__file__).parent / "fixtures" / "elements"
PAIRS = [
    (DOCX / "hrc-46-13.docx", DOCX / "hrc-47-9.docx"),
    (DOCX / "fields-links.docx", DOCX / "subparagraphs.docx"),
    (DOCX / "notes-old.docx", DOCX / "notes-para-deleted.docx"),
    (ELEMENTS / "picture_deleted.old.docx", ELEMENTS / "picture_deleted.new.docx"),
    (ELEMENTS / "field_result_changed.old.docx", ELEMENTS / "field_result_changed.new.docx"),
    (ELEMENTS / "endnote_deleted.old.docx", ELEMENTS / "endnote_deleted.new.docx"),
]
_W = f"{{{W_NS}}}"


def _writer(c: Comparison) -> _Writer:
    assert c.document is not None
    old, new = c.old.document, c.new.document
    assert old is not None and new is not None
    assert isinstance(old.opened, Package) and isinstance(new.opened, Package)
    return _Writer(old.opened, new.opened, c.document, "redline", "2026-01-01T00:00:00Z")


def _stretches(size: int) -> list[tuple[int, int]]:
    return sorted({(0, size), (0, size // 2), (size // 3, size), (size // 4, 3 * size // 4)})


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p[0].name)
def test_pieces_fitted_are_the_pieces_carried(pair: tuple[Path, Path]) -> None:
    c = redline.compare(*pair)
    carrying, fitting = _writer(c), _writer(c)
    fitted_any = False
    for p in carrying.old.root.iter(f"{_W}p"):
        found, _, _ = items(p, None)
        for start, end in _stretches(sum(it.size for it in found)):
            carried = [carrying.carry(e) for e in cut(found, start, end, own=False)]
            pieces = cut(found, start, end, own=False)
            raw = [etree.tostring(e) for e in pieces]
            fitted = [fitting._fitted(e) for e in pieces]
            assert [tostring(e) for e in fitted] == [tostring(e) for e in carried]
            assert fitting.ids.next == carrying.ids.next
            assert fitting.out.added_rels == carrying.out.added_rels
            fitted_any = fitted_any or raw != [etree.tostring(e) for e in fitted]
    assert fitted_any == (pair[0].name in _FITTED), "a piece made fit in these files only"


_FITTED = {"fields-links.docx", "picture_deleted.old.docx"}  # a link, a picture: new ids


def test_wrapping_keeps_every_attribute_of_the_pieces() -> None:
    """Runs in a row share one tracked wrapper, and a piece that is not a run (a link) is
    marked inside and kept as it is: the wrapper once told runs to join it by an attribute
    of its own (`_open`), taken off every piece afterwards, so a piece carrying an attribute
    of that name lost it."""
    c = redline.compare(*PAIRS[0])
    writer = _writer(c)

    def run(text: str) -> etree._Element:
        r = etree.Element(f"{_W}r")
        etree.SubElement(r, f"{_W}t").text = text
        return r

    link = etree.Element(f"{_W}hyperlink", {"_open": "1", f"{_W}history": "1"})
    link.append(run("link"))
    out = writer._wrapped([run("a"), run("b"), link, run("c")], "ins")
    assert [e.tag for e in out] == [f"{_W}ins", f"{_W}hyperlink", f"{_W}ins"]
    assert ["".join(e.itertext()) for e in out] == ["ab", "link", "c"]
    assert dict(out[1].attrib) == {"_open": "1", f"{_W}history": "1"}
    assert all("_open" not in e.attrib for e in (out[0], out[2]))
    assert out[1][0].tag == f"{_W}ins"  # the link's run marked inside it
