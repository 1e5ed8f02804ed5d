"""`xml_safe`: the one place that decides what becomes of a character XML cannot hold.

XML 1.0 cannot carry most C0 control characters, U+FFFE/U+FFFF or lone surrogates, not
even as character references, and Word's own control characters mean layout, not text.
The mapping, applied identically to both texts of a comparison:

    U+0009 tab                      -> <w:tab/>                  reads back "\\t"
    "\\r\\n", "\\n", U+000B, "\\r"       -> <w:br/> (line break)       reads back "\\n"
    U+001E (Word's non-breaking hyphen) -> U+2011
    U+001F (Word's optional hyphen) -> U+00AD
    other C0 controls (U+0000-U+001F) -> the visible control picture U+2400+code (␀, ␛)
    U+FFFE, U+FFFF, lone surrogates -> U+FFFD
    everything else                 -> itself

`xml_safe_text` gives what a reader gets back; `substitutions` lists every character
changed, so a comparison can account for each of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Piece", "substitutions", "xml_safe", "xml_safe_text"]

Piece = tuple[str, str]
"""("text", s), ("tab", "\\t") or ("br", "\\n"): one child of a run."""

_SPECIAL = re.compile("\r\n|[\x00-\x1f\ufffe\uffff\ud800-\udfff]")
# A text `_SPECIAL` finds nothing in, found faster: "\r\n" starts with "\r", in the class, so
# this finds a character exactly when `_SPECIAL` finds a match (a plain class searches ~3x
# faster than the alternation).
_ANY = re.compile("[\x00-\x1f\ufffe\uffff\ud800-\udfff]")


def _plain(text: str) -> bool:
    """No character the mapping changes: a printable text holds none (control characters
    are Cc, surrogates Cs, U+FFFE/U+FFFF Cn, none printable), tested in C faster than the
    class is searched; any other text is searched."""
    return text.isprintable() or _ANY.search(text) is None


def _replace(ch: str) -> str:
    if ch in ("\r\n", "\r", "\n", "\x0b"):
        return "\n"
    cp = ord(ch)
    if ch == "\t":
        return "\t"
    if cp == 0x1E:
        return "\u2011"
    if cp == 0x1F:
        return "\u00ad"
    if cp < 0x20:
        return chr(0x2400 + cp)
    return "\ufffd"


def xml_safe(text: str) -> Iterator[Piece]:
    """Cut text into run children that XML can hold, by the mapping above."""
    if _plain(text):
        if text:
            yield ("text", text)
        return
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            yield ("text", text[pos : m.start()])
        rep = _replace(m.group())
        if rep == "\t":
            yield ("tab", rep)
        elif rep == "\n":
            yield ("br", rep)
        else:
            yield ("text", rep)
        pos = m.end()
    if pos < len(text):
        yield ("text", text[pos:])


def xml_safe_text(text: str) -> str:
    """What a reader of the written DOCX gets back for `text`."""
    if _plain(text):
        return text
    return _SPECIAL.sub(lambda m: _replace(m.group()), text)


def substitutions(text: str) -> list[tuple[int, str, str]]:
    """Every character the mapping changes: (offset, original, replacement)."""
    if _plain(text):
        return []
    return [
        (m.start(), m.group(), _replace(m.group()))
        for m in _SPECIAL.finditer(text)
        if m.group() not in ("\t", "\n")
    ]
