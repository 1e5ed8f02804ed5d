"""The clean UN-style package: redline's own styles, list and page, for text inputs.

Used when no template (the new text's own Word file) is given: Times New Roman, italic leads,
indented preamble, operative paragraphs in one automatic list, A4 page.
"""

from __future__ import annotations

from lxml import etree

from ...comparison import Comparison
from ...lines import Style
from ..oxml import R_NS, W_NS, clone, sub
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
) -> dict[str, bytes]:
    """The parts of the redline package, by name. `trees`, if given, receives the roots
    the document and footnotes parts are the serialisation of (for the written check)."""
    title = comparison.new.header.title or comparison.new.source
    document, footnotes = _document(paras, bidi=bidi), _footnotes_part(notes)
    if trees is not None:
        trees["word/document.xml"], trees["word/footnotes.xml"] = document, footnotes
    return {
        "[Content_Types].xml": pkg.CONTENT_TYPES.encode(),
        "_rels/.rels": pkg.ROOT_RELS.encode(),
        "word/_rels/document.xml.rels": pkg.DOCUMENT_RELS.encode(),
        "word/document.xml": _bytes(document),
        "word/styles.xml": pkg.STYLES.encode(),
        "word/settings.xml": pkg.SETTINGS.encode(),
        "word/numbering.xml": pkg.NUMBERING.encode(),
        "word/footnotes.xml": _bytes(footnotes),
        "docProps/core.xml": pkg.core_properties(author, date, title).encode(),
        "docProps/app.xml": pkg.APP.encode(),
    }
