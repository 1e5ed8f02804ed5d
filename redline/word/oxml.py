"""WordprocessingML at the lowest level: namespaces, element builders, the one XML parser.

Every XML part of every input and template is parsed here, by one hardened parser, and
nowhere else (a test walks the package's calls to lxml to keep it so).
"""

from __future__ import annotations

from lxml import etree

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


# --- visible text ---
