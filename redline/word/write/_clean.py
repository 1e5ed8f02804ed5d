"""The clean UN-style package: redline's own styles, list and page, for text inputs.

Used when no template (the new text's own Word file) is given: Times New Roman, italic leads,
indented preamble, operative paragraphs in one automatic list, A4 page.
"""

from __future__ import annotations

import functools
from typing import cast

from lxml import etree

from ...comparison import Comparison
from ...lines import Style
from ..oxml import R_NS, W_NS, clone, parse_part, sub
from . import _package as pkg
from ._marks import _Para

__all__ = ["clean_package"]

_W = f"{{{W_NS}}}"
_P = _W + "p"
_STYLE_IDS = {
    Style.HEADER: "RlHeader",
    Style.TITLE: "RlTitle",
    Style.FORMULA: "RlFormula",
    Style.PREAMBLE: "RlPreamble",
    Style.OPERATIVE: "RlOperative",
    Style.SUBPARAGRAPH: "RlSubparagraph",
    Style.ANNEX: "RlAnnex",
    Style.PLAIN: "RlPlain",
    Style.VOTE: "RlVote",
}


def _base_ppr(ppr: etree._Element, style: Style, numbered: bool, bidi: bool = False) -> None:
    sub(ppr, "pStyle", val=_STYLE_IDS[style])
    if numbered:
        num = sub(ppr, "numPr")
        sub(num, "ilvl", val="0")
        sub(num, "numId", val="1")
    if bidi:  # a right-to-left paragraph (Arabic)
        sub(ppr, "bidi")


def _document(paras: list[_Para], *, bidi: bool = False) -> etree._Element:
    root = etree.Element(_W + "document", nsmap={"w": W_NS, "r": R_NS})
    body = sub(root, "body")
    # One w:p with its w:pPr per look, copied for each paragraph of that look (its "w"
    # declaration is the root's, so the copy appended declares nothing).
    looks: dict[tuple[Style, bool], etree._Element] = {}
    append = body.append
    for para in paras:
        made = looks.get((para.style, para.numbered))
        if made is None:
            made = etree.Element(_P, nsmap={"w": W_NS})
            _base_ppr(sub(made, "pPr"), para.style, para.numbered, bidi)
            looks[para.style, para.numbered] = made
        p = clone(made)
        append(p)
        ppr = p[0]
        if para.mark_el is not None:
            sub(ppr, "rPr").append(para.mark_el)
        if para.change_el is not None and para.was is not None:
            _base_ppr(sub(para.change_el, "pPr"), *para.was, bidi)
            ppr.append(para.change_el)
        p.extend(para.content)
        body.extend(para.after)
    sect = sub(body, "sectPr")
    sub(sect, "pgSz", w="11906", h="16838")
    sub(
        sect,
        "pgMar",
        top="1701",
        right="1134",
        bottom="1701",
        left="1134",
        header="851",
        footer="851",
        gutter="0",
    )
    return root


@functools.cache
def _frame() -> tuple[str, str]:
    """The document part around its paragraphs, as lxml serialises it: up to the first
    paragraph, and from the section properties on."""
    xml = _bytes(_document([])).decode()
    at = xml.index("<w:sectPr>")
    return xml[:at], xml[at:]


@functools.cache
def _look_xml(style: Style, numbered: bool, bidi: bool) -> str:
    """What a paragraph's w:pPr holds for a look, as lxml serialises it in the document."""
    made = etree.Element(_P, nsmap={"w": W_NS})
    _base_ppr(sub(made, "pPr"), style, numbered, bidi)
    xml = etree.tostring(made[0], encoding="unicode")  # <w:pPr xmlns:w="...">...</w:pPr>
    return xml[xml.index(">") + 1 : -len("</w:pPr>")]


_DECLARED = f' xmlns:w="{W_NS}"'


def _document_xml(paras: list[_Para], *, bidi: bool) -> bytes:
    """The document part `_document` serialises, written as XML: each pending run as it
    stands (the very XML lxml writes for its element), each element serialised in a holder
    declaring w as the document's root does (moved there, an element takes its "w" and
    declares nothing: its serialisation alone declares only the w it inherits)."""
    holder = etree.Element(_W + "made", nsmap={"w": W_NS})

    def xml(item: object) -> str:
        if type(item) is str:
            return item
        element = cast(etree._Element, item)
        holder.append(element)
        return etree.tostring(element, encoding="unicode").replace(_DECLARED, "", 1)

    head, tail = _frame()
    out = [head]
    looks: dict[tuple[int, bool], str] = {}  # by the style's id: an enum hashes in Python
    for para in paras:
        key = (id(para.style), para.numbered)
        look = looks.get(key)
        if look is None:
            look = looks[key] = "<w:p><w:pPr>" + _look_xml(para.style, para.numbered, bidi)
        out.append(look)
        if para.mark_xml:
            out += ("<w:rPr>", para.mark_xml, "</w:rPr>")
        if para.change_xml and para.was is not None:
            was = _look_xml(*para.was, bidi)
            out += (para.change_xml, "<w:pPr>", was, "</w:pPr></w:pPrChange>")
        out.append("</w:pPr>")
        out += map(xml, para.content)
        out.append("</w:p>")
        if para.after:
            out += map(xml, para.after)
    out.append(tail)
    return "".join(out).encode()


def _footnotes_part(notes: list[etree._Element]) -> etree._Element:
    root = etree.Element(_W + "footnotes", nsmap={"w": W_NS, "r": R_NS})
    for fid, kind, child in (
        ("-1", "separator", "separator"),
        ("0", "continuationSeparator", "continuationSeparator"),
    ):
        fn = sub(root, "footnote", type=kind, id=fid)
        p = sub(fn, "p")
        sub(sub(p, "pPr"), "spacing", after="0")
        sub(sub(p, "r"), child)
    root.extend(notes)
    return root


class _Fixed:
    """Redline's constant parts, encoded once per process: the same bytes object every
    time, whose hash is kept (the deflate of each is looked up by it)."""

    content_types = pkg.CONTENT_TYPES.encode()
    root_rels = pkg.ROOT_RELS.encode()
    document_rels = pkg.DOCUMENT_RELS.encode()
    styles = pkg.STYLES.encode()
    settings = pkg.SETTINGS.encode()
    numbering = pkg.NUMBERING.encode()
    app = pkg.APP.encode()


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def clean_package(
    comparison: Comparison,
    paras: list[_Para],
    notes: list[etree._Element],
    *,
    author: str,
    date: str,
    bidi: bool,
    trees: dict[str, etree._Element] | None = None,
    as_xml: bool = False,
) -> dict[str, bytes]:
    """The parts of the redline package, by name. `trees`, if given, receives the roots
    the document and footnotes parts parse to (for the written check): the document's
    parsed from its bytes when it is written as XML (`as_xml`: the paragraphs' marks and
    pending runs as XML), else the very tree it serialises."""
    title = comparison.new.header.title or comparison.new.source
    footnotes = _footnotes_part(notes)
    if as_xml:
        data = _document_xml(paras, bidi=bidi)
        document = parse_part(data, source="<redline>", part="word/document.xml")
    else:
        document = _document(paras, bidi=bidi)
        data = _bytes(document)
    if trees is not None:
        trees["word/document.xml"], trees["word/footnotes.xml"] = document, footnotes
    return {
        "[Content_Types].xml": _Fixed.content_types,
        "_rels/.rels": _Fixed.root_rels,
        "word/_rels/document.xml.rels": _Fixed.document_rels,
        "word/document.xml": data,
        "word/styles.xml": _Fixed.styles,
        "word/settings.xml": _Fixed.settings,
        "word/numbering.xml": _Fixed.numbering,
        "word/footnotes.xml": _bytes(footnotes),
        "docProps/core.xml": pkg.core_properties(author, date, title).encode(),
        "docProps/app.xml": _Fixed.app,
    }
