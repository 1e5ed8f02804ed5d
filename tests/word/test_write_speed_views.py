"""The writer's faster paths give what the code before them gave (issue 14).

Two references, kept verbatim from before: the element-by-element build of a plain run
(now written as XML and parsed with its paragraph's others), and the views reader that
walked each paragraph into (text, id, dropped, dropped) pieces (now each view's own list).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from redline.lines import Style
from redline.word.oxml import W_NS, visible_text
from redline.word.views import _SHOWN_BY_TAG, View, views_of_tree
from redline.word.write._docx import _Builder
from redline.word.write._marks import _Para
from redline.word.write._runs import materialise

_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


# -- the plain runs as built before: one element, attribute and text at a time ------------
def _old_tracked(b: _Builder, tag: str) -> etree._Element:
    change = b.new(_W + tag)
    change.set(_W + "id", str(b.next_id))
    change.set(_W + "author", b.author)
    change.set(_W + "date", b.date)
    b.next_id += 1
    return change


def _old_wrap(b: _Builder, kind: str | None, runs: list[etree._Element]) -> list[etree._Element]:
    if kind is None:
        return list(runs)
    if ">" in kind:
        outer, inner = kind.split(">", 1)
        holder = _old_tracked(b, outer)
        holder.extend(_old_wrap(b, inner, runs))
        return [holder]
    holder = _old_tracked(b, kind)
    holder.extend(runs)
    return [holder]


def _old_plain_runs(
    b: _Builder,
    content: list[etree._Element],
    text: str,
    italic: Sequence[tuple[int, int]],
    base: int,
    kind: str | None,
) -> None:
    size = len(text)
    cuts: Sequence[int] = (
        sorted({0, size, *(max(0, min(size, x - base)) for span in italic for x in span)})
        if italic
        else (0, size)
    )
    deleted = kind == "del"
    for a, z in itertools.pairwise(cuts):
        if a == z:
            continue
        it = any(s <= base + a and base + z <= t for s, t in italic) if italic else False
        run = b.new(_W + "r")
        if it:
            rpr = etree.SubElement(run, _W + "rPr")
            etree.SubElement(rpr, _W + "i")
            etree.SubElement(rpr, _W + "iCs")
        t = etree.SubElement(run, _W + ("delText" if deleted else "t"))
        t.set(_XML_SPACE, "preserve")
        t.text = text[a:z]
        content.extend(_old_wrap(b, kind, [run]))


def _serialised(paras: list[_Para]) -> bytes:
    root = etree.Element(_W + "body", nsmap={"w": W_NS})
    for para in paras:
        p = etree.SubElement(root, _W + "p")
        p.extend(para.content)
    return etree.tostring(root)


_TEXT = st.lists(
    st.sampled_from(["a", "b", " ", "&", "<", ">", '"', "'", "]]>", "é", "\u2028", "\U0001f600"]),
    min_size=1,
    max_size=20,
).map("".join)
_KIND = st.sampled_from([None, "ins", "del", "moveTo", "moveFrom", "moveTo>ins"])
_AUTHOR = st.sampled_from(["redline", 'A & <b> "q"', "tab\there", "line\nend\r", "Ö'"])


@given(
    st.lists(
        st.tuples(_TEXT, _KIND, st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)))),
        min_size=1,
        max_size=6,
    ),
    _AUTHOR,
)
def test_plain_runs_parse_to_the_elements_built_before(
    edits: list[tuple[str, str | None, list[tuple[int, int]]]], author: str
) -> None:
    made = _Builder(author, "2026-01-01T00:00:00Z", own=True)
    before = _Builder(author, "2026-01-01T00:00:00Z", own=True)
    new_paras, old_paras = [_Para(Style.PLAIN)], [_Para(Style.PLAIN)]
    for text, kind, spans in edits:
        italic = [(min(s, t), max(s, t)) for s, t in spans]
        made.plain_runs(new_paras[0].content, text, italic, 0, kind)
        _old_plain_runs(before, old_paras[0].content, text, italic, 0, kind)
    materialise(new_paras)
    assert made.next_id == before.next_id
    assert _serialised(new_paras) == _serialised(old_paras)


# -- the views as read before: one list of (text, id, dropped, dropped) pieces -------------
_DROP = {"accept": {"del", "moveFrom"}, "reject": {"ins", "moveTo"}}
_SKIPPED = frozenset({f"{_W}pPr", f"{_W}rPr"})
_TEXTS = frozenset({f"{_W}t", f"{_W}delText"})
_GONE_ACCEPT = frozenset(_W + name for name in _DROP["accept"])
_GONE_REJECT = frozenset(_W + name for name in _DROP["reject"])


def _old_pieces(el: etree._Element, on: tuple[bool, bool], out: list) -> None:  # type: ignore[type-arg]
    accept, reject = on
    for child in el:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == _W + "footnoteReference":
            out.append((None, int(child.get(_W + "id") or 0), accept, reject))
        elif len(child):
            inner = (accept or tag in _GONE_ACCEPT, reject or tag in _GONE_REJECT)
            _old_pieces(child, inner, out)
        elif tag in _TEXTS:
            out.append((child.text or "", 0, accept, reject))
        elif tag == _W + "sym":
            out.append((visible_text(child) or "", 0, accept, reject))
        else:
            text = _SHOWN_BY_TAG.get(tag)
            if text is not None:
                out.append((text, 0, accept, reject))


def _old_said(pieces: list, side: int, refs: list[int]) -> str:  # type: ignore[type-arg]
    out: list[str] = []
    for text, fid, *dropped in pieces:
        if dropped[side]:
            continue
        if text is None:
            refs.append(fid)
            out.append(str(len(refs)))
        else:
            out.append(text)
    return "".join(out)


def _old_numbered(ppr: etree._Element | None) -> bool:
    return ppr is not None and ppr.find(f"{_W}numPr/{_W}numId") is not None


def _old_views(document: etree._Element, footnotes: etree._Element | None) -> dict[str, View]:
    notes = (
        {int(n.get(_W + "id") or 0): n for n in footnotes.iter(_W + "footnote")}
        if (footnotes is not None)
        else {}
    )
    shown = []
    for p in document.iter(_W + "p"):
        gone_accept = gone_reject = False
        for a in p.iterancestors():
            local = a.tag.rpartition("}")[2]
            gone_accept = gone_accept or local in _DROP["accept"]
            gone_reject = gone_reject or local in _DROP["reject"]
        pieces: list = []  # type: ignore[type-arg]
        _old_pieces(p, (gone_accept, gone_reject), pieces)
        ppr = p.find(_W + "pPr")
        numbered = changed = False
        was = None
        marked = [gone_accept, gone_reject]
        for c in ppr if ppr is not None else ():
            if c.tag == _W + "numPr":
                numbered = numbered or c.find(_W + "numId") is not None
            elif c.tag == _W + "pPrChange" and not changed:
                changed, was = True, _old_numbered(c.find(_W + "pPr"))
            elif c.tag == _W + "rPr":
                for m in c.iterchildren("*"):
                    local = m.tag.rpartition("}")[2]
                    marked[0] = marked[0] or local in _DROP["accept"]
                    marked[1] = marked[1] or local in _DROP["reject"]
        shown.append((pieces, (numbered, numbered if was is None else was), marked))
    out = {}
    for side, mode in enumerate(("accept", "reject")):
        body, numbers, refs = [], [], []  # type: ignore[var-annotated]
        pending, pending_numbered, count = "", None, 0
        for pieces, looks, dropped in shown:
            text = pending + _old_said(pieces, side, refs)
            first = pending_numbered if pending_numbered is not None else looks[side]
            if dropped[side]:
                pending, pending_numbered = text, first
                continue
            pending, pending_numbered = "", None
            body.append(text)
            count += first
            numbers.append(f"{count}." if first else "")
        if pending:
            body.append(pending)
            numbers.append("")
        texts_of_notes = []
        for fid in refs:
            fn = notes.get(fid)
            if fn is not None:
                texts = []
                for fp in fn.iter(_W + "p"):
                    held: list = []  # type: ignore[type-arg]
                    _old_pieces(fp, (False, False), held)
                    texts.append(_old_said(held, side, []))
                texts_of_notes.append("".join(texts))
        out[mode] = View(tuple(body), tuple(numbers), tuple(texts_of_notes))
    return out


_TAGS = [
    *("p", "r", "t", "delText", "ins", "del", "moveFrom", "moveTo", "pPr", "rPr", "tab"),
    *("br", "sym", "footnoteReference", "numPr", "numId", "pPrChange", "txbxContent"),
]


@functools.cache
def _tag(name: str, foreign: bool) -> str:
    return f"{{urn:x}}{name}" if foreign else _W + name


_NODE = st.recursive(
    st.tuples(st.sampled_from(_TAGS), st.booleans(), st.sampled_from(["", "a", " b", "1"])).map(
        lambda t: (t, [])
    ),
    lambda kids: st.tuples(
        st.tuples(st.sampled_from(_TAGS), st.just(False), st.sampled_from(["", "c"])),
        st.lists(kids, max_size=4),
    ),
    max_leaves=30,
)


def _build(parent: etree._Element, node) -> None:  # type: ignore[no-untyped-def]
    (name, foreign, text), kids = node
    e = etree.SubElement(parent, _tag(name, foreign and name != "p"))
    if text:
        e.text = text
    if name == "footnoteReference":
        e.set(_W + "id", text if text.isdigit() else "1")
    if name == "sym":
        e.set(_W + "char", "F0B7" if text else "zz")
    for kid in kids:
        _build(e, kid)


def _leaf(name: str, *kids: object) -> object:
    return ((name, False, ""), list(kids))


# A paragraph's properties as Word writes them: numbering, a former look, the mark's revision.
_PPR = st.lists(
    st.sampled_from(
        [
            _leaf("numPr", _leaf("numId")),
            _leaf("numPr"),
            _leaf("pPrChange", _leaf("pPr", _leaf("numPr", _leaf("numId")))),
            _leaf("pPrChange", _leaf("pPr")),
            _leaf("rPr", _leaf("ins")),
            _leaf("rPr", _leaf("del")),
            _leaf("rPr", _leaf("moveFrom")),
            _leaf("rPr", _leaf("moveTo")),
            (("rPr", False, ""), [(("ins", True, ""), [])]),
        ]
    ),
    max_size=3,
).map(lambda kids: _leaf("pPr", *kids))
_PARAGRAPH = st.tuples(_PPR, st.lists(_NODE, max_size=4)).map(
    lambda t: (("p", False, ""), [t[0], *t[1]])
)


@given(st.lists(st.one_of(_NODE, _PARAGRAPH), max_size=8), st.lists(_NODE, max_size=3))
def test_views_read_as_before(body: list, notes: list) -> None:  # type: ignore[type-arg]
    document = etree.Element(_W + "document")
    holder = etree.SubElement(document, _W + "body")
    for node in body:
        _build(holder, node)
    footnotes = etree.Element(_W + "footnotes")
    note = etree.SubElement(footnotes, _W + "footnote")
    note.set(_W + "id", "1")
    for node in notes:
        _build(note, node)
    assert views_of_tree(document, footnotes) == _old_views(document, footnotes)
