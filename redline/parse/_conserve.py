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
        label = p.label  # (a property asking the part's prefix: once a paragraph)
        if p.number:
            out.append((f"{label} number", p.number))
        out.append((label, p.text))
        for s in p.subparagraphs:
            out += [(f"{label} ({s.label}) label", s.label), (f"{label} ({s.label})", s.text)]
    out += [(f"footnote {f.mark}", f.text) for f in r.footnotes]
    if r.vote:
        out += [("vote", t) for t in r.vote.lines]
    return out


def _count(texts: list[str]) -> Counter[str]:
    counts = Counter("".join(texts))  # counted in C; the few distinct spaces dropped after
    for ch in [c for c in counts if c.isspace()]:
        del counts[ch]
    return counts


def _texts(r: Resolution) -> list[str]:
    """The texts of `content_texts`, in its order, without the places: what is counted."""
    out = [h.text for h in r.header.lines]
    if r.formula:
        out.append(r.formula)
    for p in r.paragraphs:
        if p.number:
            out.append(p.number)
        out.append(p.text)
        for s in p.subparagraphs:
            out += (s.label, s.text)
    out += [f.text for f in r.footnotes]
    if r.vote:
        out += r.vote.lines
    return out


_WINDOW = 4096
"""How far past where the last piece ended the next one is looked for in the source."""
_HEAD = 8
"""How much of a piece `_left` looks for first: a piece mostly stands where its opening is."""
_STRETCH = 48
"""The length of the stretches a piece not found whole is looked for in."""
_LAYOUT = (" ", "\n", "\t", "\r", "\xa0", "\f")
"""The spaces taken out before pieces are looked for (wrapped lines are joined by a space)."""


def _bare(text: str) -> str:
    for space in _LAYOUT:
        text = text.replace(space, "")
    return text


def _left(source: str, pieces: list[str]) -> tuple[str, list[str]]:
    """What is left of `source` when each piece is taken out where it is found (a little
    after where the piece before was), and the pieces not found so."""
    rest: list[str] = []
    missed: list[str] = []
    at = 0
    for piece in pieces:
        if not piece:
            continue
        end = at + len(piece) + _WINDOW
        # `source.find(piece, at, end)`, its opening looked for first: where that is the
        # piece, no piece's search is run (the longer the piece, the more it costs)
        k = source.find(piece[:_HEAD], at, end)
        if k >= 0 and not source.startswith(piece, k, end):
            k = source.find(piece, k + 1, end)
        if k < 0:
            missed.append(piece)
            continue
        rest.append(source[at:k])
        at = k + len(piece)
    rest.append(source[at:])
    return "".join(rest), missed


def _balanced(text: str, r: Resolution) -> bool:
    """Whether `text` and what the resolution accounts for hold the same non-space characters.

    The pieces (content, then noise) are mostly the source's own runs, in order: each is
    looked for in the source a little after where the piece before was found, as it is, then
    the pieces not found (wrapped lines joined by a space) with the common spaces taken out
    of them and of what is left. Taking a piece out of a text takes exactly its characters,
    wherever it stands, so the two sides hold the same non-space characters exactly when
    what is left of the source holds those of the pieces not found: only these are counted.
    Where a piece is found, or whether, decides how much is counted, never the verdict.
    """
    rest, missed = _left(text, [*_texts(r), *(n.text for n in r.noise)])
    rest, missed = _left(_bare(rest), [_bare(p) for p in missed])
    # what a piece still not found holds is mostly there, cut by a mark taken out or a
    # hyphen dropped: its stretches are looked for one by one
    step = _STRETCH
    rest, missed = _left(rest, [p[k : k + step] for p in missed for k in range(0, len(p), step)])
    return _count([rest]) == _count(missed)


def verify_conservation(text: str, r: Resolution) -> None:
    """Raise ConservationError if a non-space character of `text` is unaccounted for."""
    if _balanced(text, r):
        return
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
