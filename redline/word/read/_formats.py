"""A paragraph's look and a run's format as compared: their properties' XML.

Two paragraphs (runs) look alike when the properties that matter serialize alike, so the key
is the properties' copy written out. Most runs of a document share a few formats: `Formats`
writes out each distinct property element once per part.
"""

from __future__ import annotations

from lxml import etree

from ..oxml import W_NS, clone
from ._text import first_props

__all__ = ["Formats", "look_of", "run_format"]

_W = f"{{{W_NS}}}"
_RPR, _RPR_CHANGE = f"{_W}rPr", f"{_W}rPrChange"
_LOOK = ("pStyle", "numPr", "jc", "ind")
_LOOK_TAGS = tuple(f"{_W}{name}" for name in _LOOK)  # in this order
_LOOK_SET = frozenset(_LOOK_TAGS)
_XML_NS = "http://www.w3.org/XML/1998/namespace"


def look_of(p: etree._Element, formats: Formats | None = None) -> str:
    """A paragraph's look as compared: its style, numbering, alignment and indents."""
    ppr = first_props(p)
    if ppr is None:
        return ""
    first: dict[str, etree._Element] = {}  # each property's first element, as find() gives
    for child in ppr:
        tag = child.tag
        if tag in _LOOK_SET and tag not in first:
            first[tag] = child
    return formats.look(first) if formats is not None else _look_text(first)


def _look_text(first: dict[str, etree._Element]) -> str:
    parts = []
    for tag in _LOOK_TAGS:
        e = first.get(tag)
        if e is not None:
            c = clone(e)
            parts.append(etree.tostring(c).decode())
    return "".join(parts)


def run_format(run: etree._Element) -> str:
    """A run's format as compared: its properties, a tracked format change aside."""
    rpr = _run_props(run)
    return "" if rpr is None else _format_text(rpr)


def _run_props(run: etree._Element) -> etree._Element | None:
    """A run's first `w:rPr`, as find() gives it (most often its first child)."""
    first = run[0] if len(run) else None
    if first is not None and first.tag == _RPR:
        return first
    return next(run.iterchildren(_RPR), None)  # find()'s, without parsing a path


def _format_text(rpr: etree._Element) -> str:
    c = clone(rpr)
    for change in list(c.iterchildren(_RPR_CHANGE)):  # findall()'s, without parsing a path
        c.remove(change)
    return etree.tostring(c).decode()


_Sig = tuple[object, ...]


def _sig(e: etree._Element) -> _Sig | None:
    """What an element's copy serializes from, given the namespaces around it: its tag,
    attributes, text, tail and children's, in order (a leaf's four, a parent's children
    after them). Where it is asked (namespaces declared once, on the root) a tag has one
    prefix throughout, so the prefix is not asked. None for a comment or processing
    instruction anywhere in it (not keyed: serialized each time)."""
    tag = e.tag
    if not isinstance(tag, str):
        return None
    if not len(e):
        return (tag, tuple(e.items()), e.text, e.tail)
    out: list[object] = [tag, tuple(e.items()), e.text, e.tail]
    for c in e:
        k = _sig(c)
        if k is None:
            return None
        out.append(k)
    return tuple(out)


class Formats:
    """`run_format` and `look_of` of one part's runs and paragraphs, each distinct property
    element serialized once (most runs of a document share a few formats).

    A copy of an element serializes its own content and the namespaces it uses, each with
    the prefix declared for it where the element stands. When the part declares namespaces
    on its root only, each namespace once (every Word file seen), a namespace has one prefix
    throughout, and the element's content (`_sig`) decides the text: elements of equal
    content share it. Otherwise each is serialized."""

    def __init__(self, data: bytes, root: etree._Element) -> None:
        nsmap = root.nsmap
        uris = set(nsmap.values())
        # Each declaration spells "xmlns" once: a count equal to the root's own declarations
        # leaves none below it (an encoding that does not spell it in ASCII counts 0: off).
        plain = 0 < len(nsmap) == data.count(b"xmlns") and len(uris) == len(nsmap)
        self._keyed = plain and _XML_NS not in uris
        self._runs: dict[_Sig, str] = {}
        self._looks: dict[tuple[_Sig | None, ...], str] = {}

    def run(self, run: etree._Element) -> str:
        rpr = _run_props(run)
        if rpr is None:
            return ""
        key = _sig(rpr) if self._keyed else None
        if key is None:
            return _format_text(rpr)
        found = self._runs.get(key)
        if found is None:
            found = self._runs[key] = _format_text(rpr)
        return found

    def look(self, first: dict[str, etree._Element]) -> str:
        key = tuple(map(_sig, first.values())) if self._keyed else (None,)
        if None in key:
            return _look_text(first)
        found = self._looks.get(key)
        if found is None:
            found = self._looks[key] = _look_text(first)
        return found
