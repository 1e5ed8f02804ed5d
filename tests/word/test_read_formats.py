"""A part's run formats and paragraph looks, each distinct one written out once (`Formats`),
are the strings the element-by-element serialization gives (kept verbatim below as the
reference), whatever namespaces the part declares where."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from redline.word.oxml import W_NS, parse_part
from redline.word.read._formats import Formats, look_of

_W = f"{{{W_NS}}}"


def _old_run_format(run: etree._Element) -> str:
    """run_format as it was (64d403d)."""
    rpr = run.find(f"{_W}rPr")
    if rpr is None:
        return ""
    c = deepcopy(rpr)
    for change in c.findall(f"{_W}rPrChange"):
        c.remove(change)
    return etree.tostring(c).decode()


def _old_look_of(p: etree._Element) -> str:
    """look_of as it was (64d403d)."""
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        return ""
    parts = []
    for name in ("pStyle", "numPr", "jc", "ind"):
        e = ppr.find(f"{_W}{name}")
        if e is not None:
            parts.append(etree.tostring(deepcopy(e)).decode())
    return "".join(parts)


_ROOTS = [  # what the root declares: once each, a URI twice, a default namespace
    'xmlns:w="{w}"',
    'xmlns:w="{w}" xmlns:x="urn:x"',
    'xmlns:w="{w}" xmlns:w2="{w}"',
    'xmlns="urn:d" xmlns:w="{w}"',
    'xmlns:x="urn:x" xmlns:w="{w}" xmlns:y="urn:y"',
]
_TAIL = st.sampled_from(["", "", " ", "\n  "])
_LEAF = st.sampled_from(
    [
        "<w:i/>",
        '<w:i w:val="0"/>',
        "<w:b/>",
        '<w:pStyle w:val="Normal"/>',
        '<w:pStyle w:val="Title"/>',
        '<w:jc w:val="both"/>',
        '<w:ind w:left="720"/>',
        '<w:ind w:left="720" w:hanging="360"/>',
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
        '<w:rFonts w:ascii="Times"/>',
        '<x:odd xmlns:x="urn:x" x:a="1"/>',
        '<w:i xmlns:q="urn:q"/>',
        '<w2:i xmlns:w2="{w}"/>',
        "<W2:b/>",  # w2: where the root declares it (a second prefix of w's namespace)
        '<w:i W2:val="0"/>',
        "<!-- a comment -->",
        '<w:rPrChange w:id="1"><w:rPr><w:b/></w:rPr></w:rPrChange>',
        "<w:i>text</w:i>",
    ]
)
_PROPS = st.lists(st.tuples(_LEAF, _TAIL), max_size=5)


def _props(tag: str, kids: list[tuple[str, str]], tail: str) -> str:
    return f"<w:{tag}>" + "".join(k + t for k, t in kids) + f"</w:{tag}>" + tail


_PARA = st.tuples(_PROPS, _TAIL, st.lists(st.tuples(st.booleans(), _PROPS, _TAIL), max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_ROOTS), st.lists(_PARA, min_size=1, max_size=6))
def test_formats_write_out_what_each_element_did(
    root: str, paras: list[tuple[list[tuple[str, str]], str, list[tuple[bool, Any, str]]]]
) -> None:
    body = []
    for ppr, ptail, runs in paras:
        xml = "<w:p>" + _props("pPr", ppr, ptail)
        for has_rpr, rpr, tail in runs:
            xml += "<w:r>" + (_props("rPr", rpr, tail) if has_rpr else "") + "<w:t>a</w:t></w:r>"
        body.append(xml + "</w:p>")
    text = f"<w:document {root}><w:body>{''.join(body)}</w:body></w:document>"
    text = text.replace("W2:", "w2:" if "xmlns:w2" in root else "w:")
    data = text.replace("{w}", W_NS).encode()
    tree = parse_part(data, source="t.docx", part="word/document.xml")
    formats = Formats(data, tree)
    for p in tree.iter(f"{_W}p"):
        assert look_of(p, formats) == _old_look_of(p)
        for run in p.iter(f"{_W}r"):
            assert formats.run(run) == _old_run_format(run)


def test_a_part_declaring_namespaces_below_its_root_is_serialized_each_time() -> None:
    """Two runs whose properties differ only in the prefix of an attribute's namespace,
    declared on each paragraph: equal content, written out apart."""
    data = (
        f'<w:document xmlns:w="{W_NS}"><w:body>'
        '<w:p xmlns:a="urn:x"><w:r><w:rPr><w:i a:z="1"/></w:rPr></w:r></w:p>'
        '<w:p xmlns:b="urn:x"><w:r><w:rPr><w:i b:z="1"/></w:rPr></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    tree = parse_part(data, source="t.docx", part="word/document.xml")
    formats = Formats(data, tree)
    first, second = tree.iter(f"{_W}r")
    assert formats.run(first) == _old_run_format(first)
    assert formats.run(second) == _old_run_format(second)
    assert formats.run(first) != formats.run(second)


def test_a_root_naming_a_namespace_twice_is_serialized_each_time() -> None:
    """The root gives w's namespace a second prefix: equal content, prefixes apart."""
    data = (
        f'<w:document xmlns:w="{W_NS}" xmlns:w2="{W_NS}"><w:body>'
        '<w:p><w:r><w:rPr><w:i w:val="0"/></w:rPr></w:r></w:p>'
        '<w:p><w:r><w:rPr><w:i w2:val="0"/></w:rPr></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    tree = parse_part(data, source="t.docx", part="word/document.xml")
    formats = Formats(data, tree)
    first, second = tree.iter(f"{_W}r")
    assert formats.run(first) == _old_run_format(first)
    assert formats.run(second) == _old_run_format(second)
    assert formats.run(first) != formats.run(second)
