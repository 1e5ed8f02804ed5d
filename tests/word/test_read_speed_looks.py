"""A run's look, kept once per distinct (style, properties said) by `Styles.run_look`, and a
style read when first asked for, are what the style chain and the run's own properties give
(a reference written out below, reading the XML with find() as the reader first did)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from redline.word.oxml import W_NS, parse_part
from redline.word.read._styles import Styles

_W = f"{{{W_NS}}}"
_OFF = {"0", "false", "off", "none"}
_STYLES = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:b w:val="0"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
    '<w:style w:type="paragraph" w:styleId="Quote"><w:basedOn w:val="Normal"/>'
    "<w:rPr><w:i/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Loud"><w:basedOn w:val="Quote"/>'
    '<w:rPr><w:b/><w:i w:val="0"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop"/>'
    "<w:rPr><w:vanish/></w:rPr></w:style>"
    '<w:style w:type="character" w:styleId="Em"><w:rPr><w:i/><w:iCs/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Hid"><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Em"><w:rPr><w:b/></w:rPr></w:style>'
    "</w:styles>"
)
_SAID = st.sampled_from(
    [
        "<w:i/>",
        '<w:i w:val="0"/>',
        '<w:i w:val="false"/>',
        "<w:iCs/>",
        "<w:b/>",
        '<w:b w:val="off"/>',
        "<w:vanish/>",
        "<w:rtl/>",
        '<w:cs w:val="1"/>',
        '<w:rStyle w:val="Em"/>',
        '<w:rStyle w:val="Hid"/>',
        '<w:rStyle w:val="None"/>',
        '<w:rFonts w:ascii="Times"/>',
        "<w:sz/>",
    ]
)
_PARA_STYLE = st.sampled_from([None, "Normal", "Quote", "Loud", "Loop", "Missing"])


def _on(el: etree._Element | None) -> bool | None:
    return None if el is None else (el.get(f"{_W}val") or "true").lower() not in _OFF


def _chain(root: etree._Element, sid: str | None) -> list[etree._Element]:
    """The style and its bases, base first (the last definition of an id counts)."""
    by_id = {s.get(f"{_W}styleId"): s for s in root.iter(f"{_W}style")}
    out: list[etree._Element] = []
    while sid in by_id and len(out) < 32 and by_id[sid] not in out:
        out.append(by_id[sid])
        based = by_id[sid].find(f"{_W}basedOn")
        sid = based.get(f"{_W}val") if based is not None else None
    return out[::-1]


def _reference(
    root: etree._Element, pstyle: str | None, rpr: etree._Element
) -> tuple[bool | None, ...]:
    """(italic, italic_cs, bold, hidden, complex): defaults, paragraph style chain,
    character style chain, the run's own properties, the last to say winning."""
    names = ("i", "iCs", "b", "vanish")
    look: dict[str, bool | None] = dict.fromkeys([*names, "complex"])
    layers = [root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")]
    rstyle = rpr.find(f"{_W}rStyle")
    layers += [s.find(f"{_W}rPr") for s in _chain(root, pstyle or "Normal")]
    sid = rstyle.get(f"{_W}val") if rstyle is not None else None
    layers += [s.find(f"{_W}rPr") for s in _chain(root, sid)]
    layers.append(rpr)
    for layer in layers:
        if layer is None:
            continue
        for name in names:
            if layer.find(f"{_W}{name}") is not None:
                look[name] = _on(layer.find(f"{_W}{name}"))
        rtl, cs = layer.find(f"{_W}rtl"), layer.find(f"{_W}cs")
        if rtl is not None or cs is not None:
            look["complex"] = bool(_on(rtl) or _on(cs))
    return (look["i"], look["iCs"], look["b"], look["vanish"], look["complex"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PARA_STYLE, st.lists(_SAID, max_size=5)), min_size=1, max_size=12))
def test_a_run_look_is_what_its_styles_and_properties_say(
    runs: list[tuple[str | None, list[str]]],
) -> None:
    root = parse_part(_STYLES.encode(), source="t.docx", part="word/styles.xml")
    styles = Styles(root)  # one for all the runs: later runs meet looks kept by earlier ones
    for pstyle, said in runs:
        xml = f'<w:rPr xmlns:w="{W_NS}">{"".join(said)}</w:rPr>'.encode()
        rpr = parse_part(xml, source="t.docx", part="word/document.xml")
        look = styles.run_look(pstyle, rpr)
        got = (look.italic, look.italic_cs, look.bold, look.hidden, look.complex)
        assert got == _reference(root, pstyle, rpr)
