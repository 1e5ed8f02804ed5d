"""Write the redline's paragraphs onto the drafter's document (the template).

The paragraphs come from the writer with their content and tracked marks decided; here each
gets the look of its template paragraph (`_template.Template.bind`), its runs the template's
run properties, its footnotes the template's footnote style, and the whole goes into the
template's package in place of its body.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence

from lxml import etree

from ...lines import Line, Style
from ..oxml import R_NS, W_NS, el, parse_part
from . import _package as pkg
from ._marks import _Para
from ._template import _PPR_ORDER, _RPR_ORDER, Look, Template, fallback_looks, ordered

__all__ = ["onto_template"]

_W = f"{{{W_NS}}}"
_PLAIN_LOOK = Look(el("pPr"), None, False)
_OURS = "redline"  # the source named should one of redline's own parts ever fail to parse


def _put(props: etree._Element, child: etree._Element, order: Sequence[str]) -> None:
    """Set `child` in `props`, replacing one of its kind, in schema order."""
    old = props.find(child.tag)
    if old is not None:
        props.remove(old)
    props.append(child)
    ordered(props, order)


class _Numbering:
    """The template's numbering part, with redline's own operative list added when a
    numbered paragraph has no template list to take its number from."""

    def __init__(self, root: etree._Element | None) -> None:
        self.root = copy.deepcopy(root) if root is not None else None
        self.num_id: str | None = None

    def own_list(self) -> str:
        if self.num_id is not None:
            return self.num_id
        if self.root is None:
            self.root = etree.Element(f"{_W}numbering", nsmap={"w": W_NS})
        ours = parse_part(pkg.NUMBERING.encode(), source=_OURS, part="word/numbering.xml")
        abstract, num = ours.find(f"{_W}abstractNum"), ours.find(f"{_W}num")
        assert abstract is not None and num is not None
        a_ids = [int(a.get(f"{_W}abstractNumId") or 0) for a in self.root.iter(f"{_W}abstractNum")]
        n_ids = [int(n.get(f"{_W}numId") or 0) for n in self.root.iter(f"{_W}num")]
        a_id, n_id = str(max(a_ids, default=0) + 1), str(max(n_ids, default=0) + 1)
        abstract.set(f"{_W}abstractNumId", a_id)
        num.set(f"{_W}numId", n_id)
        ref = num.find(f"{_W}abstractNumId")
        assert ref is not None
        ref.set(f"{_W}val", a_id)
        first_num = self.root.find(f"{_W}num")
        if first_num is not None:  # abstract lists come before the lists that use them
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        cleanup = self.root.find(f"{_W}numIdMacAtCleanup")
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self.root.append(num)
        self.num_id = n_id
        return n_id


def _ppr(look: Look, numbered: bool, numbering: _Numbering, bidi: bool) -> etree._Element:
    ppr = copy.deepcopy(look.ppr)
    if numbered and not look.numbered:
        num = el("numPr")
        num.append(el("ilvl", val="0"))
        num.append(el("numId", val=numbering.own_list()))
        _put(ppr, num, _PPR_ORDER)
    elif not numbered and look.numbered:  # the label is in the text: no list number too
        num = el("numPr")
        num.append(el("ilvl", val="0"))
        num.append(el("numId", val="0"))
        _put(ppr, num, _PPR_ORDER)
    if bidi and ppr.find(f"{_W}bidi") is None:
        _put(ppr, el("bidi"), _PPR_ORDER)
    return ppr


def _dress_runs(content: Sequence[etree._Element], base: etree._Element | None) -> None:
    """Give the runs of text the template's run properties under redline's own (italics,
    script hints); note references keep their own."""
    if base is None or not len(base):
        return
    for top in content:
        for r in top.iter(f"{_W}r"):
            if r.find(f"{_W}footnoteReference") is not None:
                continue
            rpr = r.find(f"{_W}rPr")
            if rpr is None:
                rpr = el("rPr")
                r.insert(0, rpr)
            _merge(rpr, base)
            before = rpr.find(f"{_W}rPrChange/{_W}rPr")
            if before is not None:  # the look before a format change: the same base
                _merge(before, base)


def _merge(rpr: etree._Element, base: etree._Element) -> None:
    have = {etree.QName(c).localname: c for c in rpr}
    for child in base:
        name = etree.QName(child).localname
        if name == "rFonts" and name in have:
            for key, value in child.attrib.items():
                if key not in have[name].attrib:
                    have[name].set(key, value)
        elif name not in have:
            rpr.append(copy.deepcopy(child))
    ordered(rpr, _RPR_ORDER)


def _dress_notes(
    notes: Sequence[etree._Element],
    note_ppr: etree._Element | None,
    mark_rpr: etree._Element | None,
) -> None:
    for note in notes:
        for p in note.iter(f"{_W}p"):
            if note_ppr is not None:
                old = p.find(f"{_W}pPr")
                if old is not None:
                    p.remove(old)
                p.insert(0, copy.deepcopy(note_ppr))
        for ref in note.iter(f"{_W}footnoteRef"):
            r = ref.getparent()
            if mark_rpr is not None and r is not None:
                old = r.find(f"{_W}rPr")
                if old is not None:
                    r.remove(old)
                r.insert(0, copy.deepcopy(mark_rpr))


def onto_template(
    template: Template,
    paras: Sequence[_Para],
    notes: Sequence[etree._Element],
    new_lines: Sequence[Line],
    *,
    bidi: bool,
    tracked: Callable[[str], etree._Element],
    old_looks: Sequence[Look | None] | None = None,
) -> dict[str, bytes]:
    """The package of the redline written onto `template`.

    `old_looks` are the old document's looks of the old lines rendered, when the old text is
    a Word file too: a kept paragraph whose look changed shows it as a w:pPrChange.
    """
    bound = template.bind(new_lines)
    by_style = fallback_looks(new_lines, bound)
    numbering = _Numbering(template.numbering())

    def look_of(anchor: int | None, style: Style) -> Look:
        look = bound[anchor] if anchor is not None and anchor < len(bound) else None
        return look or by_style.get(style) or _PLAIN_LOOK

    body_ref = template.body_note_props()
    content: list[etree._Element] = []
    for para in paras:
        look = look_of(para.anchor, para.style)
        p = el("p")
        ppr = _ppr(look, para.numbered, numbering, bidi)
        if para.mark_el is not None:
            mark_rpr = ppr.find(f"{_W}rPr")
            if mark_rpr is None:
                mark_rpr = el("rPr")
                _put(ppr, mark_rpr, _PPR_ORDER)
            mark_rpr.insert(0, para.mark_el)
        before = _restyled(para, look, ppr, old_looks, template.style_ids)
        if before is not None and para.change_el is None:
            para.change_el = tracked("pPrChange")
            para.change_el.append(before)
            _put(ppr, para.change_el, _PPR_ORDER)
        elif para.change_el is not None and para.was is not None:
            was_style, was_numbered = para.was
            old = _ppr(look_of(None, was_style), was_numbered, numbering, bidi)
            for child in old.findall(f"{_W}rPr"):
                old.remove(child)
            para.change_el.append(old)
            _put(ppr, para.change_el, _PPR_ORDER)
        p.append(ppr)
        _dress_runs(para.content, look.rpr)
        if body_ref is not None:
            for ref in (r for top in para.content for r in top.iter(f"{_W}r")):
                if ref.find(f"{_W}footnoteReference") is not None:
                    old_rpr = ref.find(f"{_W}rPr")
                    if old_rpr is not None:
                        ref.remove(old_rpr)
                    ref.insert(0, copy.deepcopy(body_ref))
        p.extend(para.content)
        content.append(p)
        content.extend(para.after)
    note_ppr, mark_rpr = template.note_looks()
    _dress_notes(notes, note_ppr, mark_rpr)
    replaced = {"document": template.document(content)}
    if notes or template.separators():
        root = etree.Element(f"{_W}footnotes", nsmap={"w": W_NS, "r": R_NS})
        separators = template.separators()
        if not separators:
            separators = list(
                parse_part(_default_separators(), source=_OURS, part="word/footnotes.xml")
            )
        root.extend(separators)
        root.extend(notes)
        replaced["footnotes"] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    if numbering.num_id is not None and numbering.root is not None:
        replaced["numbering"] = etree.tostring(
            numbering.root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    return template.parts(replaced)


def _signature(ppr: etree._Element) -> bytes:
    """What a drafter sees of a paragraph's look: its properties without the list it is in,
    the mark's run properties and revisions."""
    plain = copy.deepcopy(ppr)
    for child in list(plain):
        if etree.QName(child).localname in ("numPr", "rPr", "sectPr", "pPrChange"):
            plain.remove(child)
    return etree.tostring(plain, method="c14n")


def _restyled(
    para: _Para,
    look: Look,
    ppr: etree._Element,
    old_looks: Sequence[Look | None] | None,
    style_ids: frozenset[str],
) -> etree._Element | None:
    """The old paragraph properties of a kept paragraph whose look changed, else None."""
    if old_looks is None or para.old_anchor is None or para.anchor is None:
        return None
    if not (para.kept and para.old_kept) or para.old_anchor >= len(old_looks):
        return None
    old = old_looks[para.old_anchor]
    if old is None or _signature(old.ppr) == _signature(look.ppr):
        return None
    before = copy.deepcopy(old.ppr)
    for child in list(before):
        name = etree.QName(child).localname
        if name in ("numPr", "rPr", "sectPr", "pPrChange") or (
            name == "pStyle" and child.get(f"{_W}val") not in style_ids
        ):
            before.remove(child)
    num = ppr.find(f"{_W}numPr")
    if num is not None:  # the list it is in is not what changed
        before.append(copy.deepcopy(num))
    return ordered(before, _PPR_ORDER)


def first_note_id(template: Template) -> int:
    """The first footnote id free after the template's separators."""
    ids = [int(n.get(f"{_W}id") or 0) for n in template.separators()]
    return max(ids, default=0) + 1


def _default_separators() -> bytes:
    return (
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
