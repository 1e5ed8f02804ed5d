"""A run of written text: its properties and its children, as the redline writes them.

Most text is one plain w:t per run (no script properties, no character XML cannot hold),
made directly; any other text goes through `make_run`, which marks right-to-left and East
Asian text and cuts the text where `xml_safe` maps a character to a tab or a break.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable, Sequence
from typing import cast

from lxml import etree

from ...scripts import EAST_ASIAN
from .._xml_safe import _ANY, xml_safe
from ..oxml import W_NS, el, parse_part, sub
from ._marks import _Para, _Wrap
from ._seams import _CHANGES, _SKIP, separate_seams

__all__ = ["format_change", "make_run", "materialise", "plain_runs", "separate_pending_seams"]

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


def format_change(
    tracked: Callable[[str], etree._Element], run: etree._Element, *, italic: bool
) -> None:
    """Record on `run` that its text was (not) italic before: a tracked format change."""
    rpr = run.find(_W + "rPr")
    if rpr is None:
        rpr = el("rPr")
        run.insert(0, rpr)
    change = tracked("rPrChange")
    before = sub(change, "rPr")
    for child in rpr:
        if child.tag not in (_W + "i", _W + "iCs"):
            before.append(copy.deepcopy(child))
    if italic:
        hint = before.find(_W + "rFonts")
        at = 1 if hint is not None else 0
        before.insert(at, el("i"))
        before.insert(at + 1, el("iCs"))
    rpr.append(change)


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
    if lazy and not italic:  # most text: the one run the loop below would make, at once
        assert as_xml is not None
        if size:
            xml = as_xml(kind, _OPEN[False, deleted] + _escaped(text) + _CLOSE[deleted])
            content.append(cast(etree._Element, xml))  # pending: an element once materialised
        return
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        it = any(s <= base + a and base + b <= t for s, t in italic) if italic else False
        if lazy:
            assert as_xml is not None
            xml = as_xml(kind, _OPEN[it, deleted] + _escaped(text[a:b]) + _CLOSE[deleted])
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


def _escaped(text: str) -> str:
    """A plain text (no character XML cannot hold) as lxml writes it in an element."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


def _local(item: object) -> str:
    """A content item's local name: a pending run's outer tag (a run's "<w:r>", or a
    tracked change's "<w:ins w:id=..." as `tracked_xml` opens it), or an element's."""
    if type(item) is str:
        return "r" if item.startswith("<w:r>") else item[3 : item.index(" ")]
    return cast(etree._Element, item).tag.rpartition("}")[2]


def separate_pending_seams(
    paras: list[_Para],
    tracked: Callable[[str], etree._Element],
    seams: Callable[[list[_Para], Callable[[str], etree._Element]], None] = separate_seams,
) -> None:
    """`seams` (`separate_seams`) over paragraphs whose content may hold pending runs,
    run pair by pair in order on each pair whose seam has a change each side (a tracked
    change ends the first paragraph under a kept mark, one opens the second past any range
    start), their pending runs materialised first: it reads elements. On any other pair it
    changes nothing."""
    for p, q in itertools.pairwise(paras):
        if p.mark is not None or not p.content or not q.content:
            continue
        if _local(p.content[-1]) not in _CHANGES:
            continue
        first = next((c for c in q.content if _local(c) not in _SKIP), None)
        if first is not None and _local(first) in _CHANGES:
            materialise([p, q])
            seams([p, q], tracked)
