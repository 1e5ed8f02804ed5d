"""Paragraph marks: the paragraph being built, and where its tracked mark may stand.

A tracked paragraph mark can often stand on either of two neighbouring paragraphs with the
same accept-all and reject-all text. LibreOffice applies only some of these layouts
exactly; the passes here move marks to the ones it does (each tested through the oracle).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ...lines import Style

# How an edit is wrapped: None (kept), or the tracked-change element that holds it.
_Wrap = str | None


@dataclass(slots=True)
class _Para:
    """A paragraph being built: its content, look, and what happened to its mark."""

    style: Style
    numbered: bool = False
    content: list[etree._Element] = field(default_factory=list)
    mark: _Wrap = None
    after: list[etree._Element] = field(default_factory=list)  # range ends after the w:p
    mark_el: etree._Element | None = None
    was: tuple[Style, bool] | None = None  # the old look, when the mark's fold changed it
    kept: bool = False  # some content survives accept-all
    old_kept: bool = False  # some content survives reject-all
    noted: bool = False  # holds a footnote reference
    change_el: etree._Element | None = None
    anchor: int | None = None  # the new line whose look it shows (index in the new text)
    old_anchor: int | None = None  # the old line it shows, among the old lines rendered
    # Redline's own package, written as XML: the mark's revision (`mark_el`'s stand-in) and
    # the start tag of the tracked paragraph change (`change_el`'s), "" for none.
    mark_xml: str = ""
    change_xml: str = ""


_VANISH = {"accept": ("del", "moveFrom"), "reject": ("ins", "moveTo")}


def _vanishes(p: _Para, view: str) -> bool:
    """Whether the paragraph, mark and all, is gone in this view."""
    return p.mark in _VANISH[view] and not (p.kept if view == "accept" else p.old_kept)


def _carry_marks_back(paras: list[_Para], view: str) -> None:
    """Carry the tracked mark of a run of vanishing paragraphs on the paragraph before it.

    When a paragraph mark goes, LibreOffice (7.4) gives the joined paragraph the look of the
    first of the two, even when that one's text is all gone: a deleted preambular paragraph
    before an operative one takes its number away. So a run that vanishes in a view has
    its first tracked mark carried on the kept paragraph before it (Word's own model of an
    inserted paragraph), whose look is the right one; the text is the same both ways
    because the run's own text is all gone. The kept paragraph before must not hold a
    footnote reference: LibreOffice then leaves an empty paragraph where the run stood, so the
    run keeps its marks and the next paragraph lends its look instead, as at the body's start.
    In a deleted run holding a footnote reference,
    the first such paragraph keeps its mark untracked instead: LibreOffice's Accept All
    leaves an empty paragraph otherwise (all oracle-tested).
    """
    k = 0
    while k < len(paras):
        if not _vanishes(paras[k], view):
            k += 1
            continue
        end = k
        while end + 1 < len(paras) and _vanishes(paras[end + 1], view):
            end += 1
        if k > 0 and paras[k - 1].mark is None and not paras[k - 1].noted:
            noted = [j for j in range(k, end + 1) if paras[j].noted]
            j = noted[0] if view == "accept" and noted else end
            paras[k - 1].mark = _VANISH[view][0]
            paras[j].mark = None
        elif end + 1 < len(paras):  # nothing before to carry it: lend the next one's look
            _lend_look(paras[k], paras[end + 1], view)
        k = end + 1


def _lend_look(first: _Para, after: _Para, view: str) -> None:
    """The first paragraph of a vanishing run shows, in that view, the look of the paragraph
    after the run, which the joined paragraph then keeps (the reject-all look through a
    tracked paragraph change)."""
    own = (first.style, first.numbered)
    if view == "accept":
        first.style, first.numbered = (after.style, after.numbered)
        first.anchor = after.anchor
        if first.was is None and own != (first.style, first.numbered):
            first.was = own
    elif first.was is None:
        target = after.was or (after.style, after.numbered)
        if target != own:
            first.was = target


def _relocate_last_mark(paras: list[_Para]) -> None:
    """Keep the body's last paragraph mark untracked.

    LibreOffice cannot remove the last mark of a container, so a trailing run of inserted
    (or deleted) paragraphs has its tracked marks shifted one paragraph earlier.
    """
    if not paras or paras[-1].mark not in ("ins", "del"):
        return
    kind = paras[-1].mark
    k = len(paras) - 1
    while k > 0 and paras[k - 1].mark == kind:
        k -= 1
    if k > 0 and paras[k - 1].mark is None:
        paras[k - 1].mark = kind
        paras[-1].mark = None
        return
    other = "del" if kind == "ins" else "ins"
    if k > 0 and paras[k - 1].mark == other:
        # ... D(k) I(1..m): fold D(k) and I(m) into one final paragraph with an untracked
        # mark, showing the new look with the old one kept as a tracked paragraph change.
        donor = paras.pop(k - 1)
        last = paras[-1]
        deleted, inserted = (donor, last) if kind == "ins" else (last, donor)
        old_look = deleted.was or (deleted.style, deleted.numbered)
        new_look = (inserted.style, inserted.numbered)
        last.content = deleted.content + inserted.content
        last.mark = None
        last.style, last.numbered = new_look
        last.anchor = inserted.anchor
        last.was = old_look if old_look != new_look else None  # reject restores the old look
