"""A run of written text: its properties and its children, as the redline writes them.

Most text is one plain w:t per run (no script properties, no character XML cannot hold),
made directly; any other text goes through `make_run`, which marks right-to-left and East
Asian text and cuts the text where `xml_safe` maps a character to a tab or a break.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import cast

from lxml import etree

from ...scripts import EAST_ASIAN
from .._xml_safe import _ANY, xml_safe
from ..oxml import W_NS, parse_part
from ._marks import _Para, _Wrap

__all__ = ["make_run", "materialise", "plain_runs"]

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Either script a run is marked for: searched once before each of the two.
_SCRIPTS = re.compile(f"[{_RTL.pattern[1:-1]}{EAST_ASIAN.pattern[1:-1]}]")
# Any character that makes a run more than one plain w:t: either script, or one XML cannot hold
_RUN_SPECIAL = re.compile(f"[{_SCRIPTS.pattern[1:-1]}{_ANY.pattern[1:-1]}]")
_SubElement = etree.SubElement
_R, _RPR, _RFONTS, _HINT = _W + "r", _W + "rPr", _W + "rFonts", _W + "hint"
_I, _ICS, _RTL_TAG = _W + "i", _W + "iCs", _W + "rtl"
_T, _DEL_TEXT, _TAB, _BR = _W + "t", _W + "delText", _W + "tab", _W + "br"


def make_run(
    new: Callable[[str], etree._Element], text: str, *, italic: bool, deleted: bool
) -> etree._Element:
    """One run of `text` (none of it cut at italics): its script properties, its text's
    pieces as `xml_safe` cuts them; the run element made by `new`."""
    r = new(_R)
    # One search for either script first: most runs hold neither.
    rtl = cjk = False
    if _SCRIPTS.search(text) is not None:
        rtl = _RTL.search(text) is not None
        cjk = EAST_ASIAN.search(text) is not None
    if italic or rtl or cjk:
        rpr = _SubElement(r, _RPR)
        if cjk:  # the East Asian font for ideographs
            _SubElement(rpr, _RFONTS).set(_HINT, "eastAsia")
        if italic:
            _SubElement(rpr, _I)
            _SubElement(rpr, _ICS)
        if rtl:  # only on runs holding right-to-left text: on digits it reorders them
            _SubElement(rpr, _RTL_TAG)
    shown = _DEL_TEXT if deleted else _T
    for kind, piece in xml_safe(text):
        if kind == "tab":
            _SubElement(r, _TAB)
        elif kind == "br":
            _SubElement(r, _BR)
        else:
            t = _SubElement(r, shown)
            t.set(_XML_SPACE, "preserve")
            t.text = piece
    return r


# A text this long is made as elements: the parser refuses a text node over 10 MB.
_LONG = 1_000_000
_OPEN = {
    (False, False): '<w:r><w:t xml:space="preserve">',
    (True, False): '<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">',
    (False, True): '<w:r><w:delText xml:space="preserve">',
    (True, True): '<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:delText xml:space="preserve">',
}
_CLOSE = {False: "</w:t></w:r>", True: "</w:delText></w:r>"}


def plain_runs(
    new: Callable[[str], etree._Element],
    wrap: Callable[[_Wrap, Sequence[etree._Element]], list[etree._Element]],
    content: list[etree._Element],
    text: str,
    italic: Sequence[tuple[int, int]],
    base: int,
    kind: _Wrap,
    as_xml: Callable[[_Wrap, str], str] | None = None,
) -> None:
    """The runs of an edit's `text` with no note and no italics change, cut at the
    italics only (`italic`: the line's spans, `base`: the text's offset in the line),
    each as the general walk makes it, appended to `content`.

    `as_xml` (redline's own package): a plain run is appended as its XML instead, wrapped
    by `as_xml` as `wrap` wraps an element (the ids taken in the same order): a pending run,
    a str standing in the content (no element is one; a str is not tracked by the garbage
    collector) until `materialise` parses it, with all the others at once, into the very
    element the walk makes (one parse in C instead of an element, an attribute and a text
    set from Python each)."""
    size = len(text)
    if italic:
        cuts: Sequence[int] = sorted(
            {0, size, *(max(0, min(size, x - base)) for span in italic for x in span)}
        )
    else:
        cuts = (0, size)
    # Text without a character of either script or one XML cannot hold (most text)
    # is one w:t per run, with no script properties: built here directly.
    plain = _RUN_SPECIAL.search(text) is None
    deleted = kind == "del"
    lazy = as_xml is not None and plain and size < _LONG
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        it = any(s <= base + a and base + b <= t for s, t in italic) if italic else False
        if lazy:
            assert as_xml is not None
            # The text holds no character XML cannot hold (plain): only these are escaped.
            piece = text[a:b].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            xml = as_xml(kind, _OPEN[it, deleted] + piece + _CLOSE[deleted])
            content.append(cast(etree._Element, xml))  # pending: an element once materialised
            continue
        if plain:
            run = new(_R)
            if it:
                rpr = _SubElement(run, _RPR)
                _SubElement(rpr, _I)
                _SubElement(rpr, _ICS)
            t = _SubElement(run, _DEL_TEXT if deleted else _T)
            t.set(_XML_SPACE, "preserve")
            t.text = text[a:b]
        else:
            run = make_run(new, text[a:b], italic=it, deleted=deleted)
        if kind is None:
            content.append(run)
        else:
            content.extend(wrap(kind, [run]))


def materialise(paras: list[_Para]) -> None:
    """Every pending run (a str) in the paragraphs' content replaced by its element, all
    parsed at once in a holder declaring ``w`` as the builder's holder does (moved into
    the document, they take its ``w`` alike)."""
    xml = [item for para in paras for item in _items(para) if type(item) is str]
    if not xml:
        return
    holder = f'<w:made xmlns:w="{W_NS}">' + "".join(xml) + "</w:made>"
    made = iter(parse_part(holder.encode(), source="<redline>", part="word/document.xml"))
    for para in paras:
        content = _items(para)
        for k, item in enumerate(content):
            if type(item) is str:
                content[k] = next(made)


def _items(para: _Para) -> list[object]:
    """A paragraph's content as built: elements and pending runs."""
    return cast(list[object], para.content)
