"""WordprocessingML at the lowest level: namespaces, element builders, the one XML parser.

Every XML part of every input and template is parsed here, by one hardened parser, and
nowhere else (a test walks the package's calls to lxml to keep it so).
"""

from __future__ import annotations

from typing import Any, cast

from lxml import etree

from ..errors import DocumentError

__all__ = ["MC_NS", "R_NS", "W_NS", "clone", "el", "first_child", "parse_part", "sub"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_W = f"{{{W_NS}}}"


def el(tag: str, **attrs: str) -> etree._Element:
    """A new ``w:tag`` element with ``w:`` attributes, e.g. ``el("pStyle", val="Title")``.

    Named after the OOXML tag so the builder reads like the markup it makes.
    """
    element = etree.Element(_W + tag)
    for name, value in attrs.items():
        element.set(_W + name, value)
    return element


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """A new ``w:tag`` child appended to ``parent``, with ``w:`` attributes.

    The ``SubElement`` twin of :func:`el`: ``sub(rpr, "rFonts", hint="eastAsia")``.
    """
    element = etree.SubElement(parent, _W + tag)
    for name, value in attrs.items():
        element.set(_W + name, value)
    return element


def clone(element: etree._Element) -> etree._Element:
    """A deep copy of `element`: the very copy ``copy.deepcopy`` returns (lxml's own
    ``__deepcopy__``), without the copy module's memo bookkeeping around it."""
    copied: etree._Element = cast(Any, element).__deepcopy__(None)  # untyped in the stubs
    return copied


def first_child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child of this tag, as ``element.find(tag)`` gives it for a plain tag,
    without parsing a path: properties lead, so it is most often the first child."""
    head = element[0] if len(element) else None
    if head is not None and head.tag == tag:
        return head
    for child in element.iterchildren(tag):
        return child
    return None


_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
)
_DOCTYPE = "<!DOCTYPE"
_REFUSED = "refused: a DOCTYPE declaration (DTDs and entities)"


def _declares_doctype(data: bytes) -> bool:
    """A DOCTYPE seen in the bytes, as UTF-8 or as UTF-16 (with or without its mark)."""
    if _DOCTYPE.encode() in data:
        return True
    wide = data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]
    return wide and _DOCTYPE in data.decode("utf-16", errors="ignore")


def parse_part(data: bytes, *, source: str, part: str) -> etree._Element:
    """The root of one XML part, parsed with entities, DTDs and the network off.

    The one XML parser of redline: every part of every input and template, and redline's
    own constant parts, go through it. A part that declares a DOCTYPE at all is refused
    (DTDs bring entity expansion and external entities); any XML error is a one-line
    `DocumentError` naming the file (`source`) and the part.

    >>> parse_part(b"<w:p xmlns:w='urn:w'/>", source="a.docx", part="word/document.xml").tag
    '{urn:w}p'
    """
    if _declares_doctype(data):
        raise DocumentError(f"{part}: {_REFUSED}", source=source)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc.msg).split())
        raise DocumentError(
            f"{part}: malformed XML at line {exc.lineno}: {message}", source=source
        ) from exc
    except (etree.LxmlError, ValueError) as exc:
        message = " ".join(str(exc).split())
        raise DocumentError(f"{part}: unreadable XML: {message}", source=source) from exc
    info: Any = root.getroottree().docinfo  # lxml-stubs type it as a union
    if info.doctype or info.internalDTD is not None:
        raise DocumentError(f"{part}: {_REFUSED}", source=source)
    return root


# --- visible text ---
"""One child of a `w:r` as the page shows it, the one rendering every reader uses.

Checked against LibreOffice (the oracle's paragraph strings for a run holding each element):
`w:tab` and `w:ptab` are a tab; `w:br` and `w:cr` a line break "\\n" (a page or column break
ends LibreOffice's paragraph there; Word keeps one paragraph, and so do we); `w:noBreakHyphen`
is U+2011, the non-breaking hyphen, not "-"; `w:softHyphen` U+00AD, invisible unless the line
breaks there but part of the text; `w:sym` the character its `w:char` names, a Symbol-font
glyph staying in the private-use area (U+F0B7 for a bullet), as LibreOffice keeps it.
"""

NON_BREAKING_HYPHEN = "\u2011"
SOFT_HYPHEN = "\u00ad"
LINE_BREAK = "\n"
_SHOWN = {
    "tab": "\t",
    "ptab": "\t",
    "br": LINE_BREAK,
    "cr": LINE_BREAK,
    "noBreakHyphen": NON_BREAKING_HYPHEN,
    "softHyphen": SOFT_HYPHEN,
}


def visible_text(child: etree._Element) -> str | None:
    """What one child of a ``w:r`` shows: its characters, or None for one that shows none.

    ``w:t`` and ``w:delText`` give their text (whether deleted text is shown is the caller's
    view); a ``w:sym`` naming no valid character gives "". Properties, field characters,
    drawings and note references are None: the caller decides what they stand for.
    """
    if not isinstance(child.tag, str) or not child.tag.startswith(_W):
        return None
    name = child.tag[len(_W) :]
    if name in ("t", "delText"):
        return child.text or ""
    if name == "sym":
        try:
            code = int(child.get(_W + "char") or "", 16)
        except ValueError:
            return ""
        return chr(code) if 0x20 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
    return _SHOWN.get(name)
