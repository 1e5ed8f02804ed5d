"""Text conservation: every character of the input is content, markup or dropped noise.

Whitespace is layout (line wraps, indentation) and is not counted; every other character
of the source must be found in the parsed resolution's texts, or in its record of what the
parser set aside (markup such as `*` and `<sup>`, page rules, running heads). A character
that is in neither was silently lost, and the parse is refused.
"""

from __future__ import annotations

from collections import Counter

from ..errors import ConservationError
from ..model import Resolution

__all__ = ["content_texts", "source_map", "verify_conservation"]


def content_texts(r: Resolution) -> list[tuple[str, str]]:
    """The resolution's texts, each with where it stands: what a reader reads as content."""
    out = [(f"header ({h.field})", h.text) for h in r.header.lines]
    if r.formula:
        out.append(("formula", r.formula))
    for p in r.paragraphs:
        if p.number:
            out.append((f"{p.label} number", p.number))
        out.append((p.label, p.text))
        for s in p.subparagraphs:
            out += [(f"{p.label} ({s.label}) label", s.label), (f"{p.label} ({s.label})", s.text)]
    out += [(f"footnote {f.mark}", f.text) for f in r.footnotes]
    if r.vote:
        out += [("vote", t) for t in r.vote.lines]
    return out


def _count(texts: list[str]) -> Counter[str]:
    counts = Counter("".join(texts))  # counted in C; the few distinct spaces dropped after
    for ch in [c for c in counts if c.isspace()]:
        del counts[ch]
    return counts


def verify_conservation(text: str, r: Resolution) -> None:
    """Raise ConservationError if a non-space character of `text` is unaccounted for."""
    source = _count([text])
    accounted = _count([t for _, t in content_texts(r)]) + _count([n.text for n in r.noise])
    if source != accounted:
        lost = source - accounted
        invented = accounted - source
        what = (
            "lost " + "".join(sorted(lost.elements()))[:40]
            if lost
            else ("invented " + "".join(sorted(invented.elements()))[:40])
        )
        raise ConservationError(
            f"the parse does not account for every character ({what!r})", source=r.source
        )


def source_map(r: Resolution) -> str:
    """A printable account of the input: content by place, markup and noise by line, then
    each repair (paragraphs joined across page breaks and wrapped lines, footnotes moved to
    their marks, running heads dropped)."""
    lines = [f"content  {where:<22} {len(t):>6}  {t[:60]!r}" for where, t in content_texts(r)]
    lines += [f"{n.kind:<8} line {n.line:<17} {len(n.text):>6}  {n.text[:60]!r}" for n in r.noise]
    lines += [f"repair   line {x.line:<17} {x.kind.value}: {x.detail}" for x in r.repairs]
    return "\n".join(lines)
