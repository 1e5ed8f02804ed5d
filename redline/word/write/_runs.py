"""A run of written text: its properties and its children, as the redline writes them.

Most text is one plain w:t per run (no script properties, no character XML cannot hold),
made directly; any other text goes through `make_run`, which marks right-to-left and East
Asian text and cuts the text where `xml_safe` maps a character to a tab or a break.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from lxml import etree

from ...scripts import EAST_ASIAN
from .._xml_safe import _ANY, xml_safe
from ..oxml import W_NS
from ._marks import _Wrap

__all__ = ["make_run", "plain_runs"]

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


def plain_runs(
    new: Callable[[str], etree._Element],
    wrap: Callable[[_Wrap, Sequence[etree._Element]], list[etree._Element]],
    content: list[etree._Element],
    text: str,
    italic: Sequence[tuple[int, int]],
    base: int,
    kind: _Wrap,
) -> None:
    """The runs of an edit's `text` with no note and no italics change, cut at the
    italics only (`italic`: the line's spans, `base`: the text's offset in the line),
    each as the general walk makes it, appended to `content`."""
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
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        it = any(s <= base + a and base + b <= t for s, t in italic) if italic else False
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
