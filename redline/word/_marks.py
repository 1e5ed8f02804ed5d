"""Paragraph marks: the paragraph being built, and where its tracked mark may stand.

A tracked paragraph mark can often stand on either of two neighbouring paragraphs with the
same accept-all and reject-all text. LibreOffice applies only some of these layouts
exactly; the passes here move marks to the ones it does (each tested through the oracle).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..layout import Style

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


def _shift_marks_before_notes(paras: list[_Para]) -> None:
    """Move a deleted mark from the first noted paragraph of a deleted run to the one before.

    LibreOffice's Accept All leaves an empty paragraph where a wholly deleted run of
    paragraphs holds a footnote reference (7.4). Carrying the first noted paragraph's
    deletion on the mark of the paragraph before the run gives the same text both ways
    (the run's content is all deleted) and LibreOffice applies it exactly.
    """
    k = 0
    while k < len(paras):
        if paras[k].mark != "del" or paras[k].kept:
            k += 1
            continue
        end = k
        while end + 1 < len(paras) and paras[end + 1].mark == "del" and not paras[end + 1].kept:
            end += 1
        noted = next((j for j in range(k, end + 1) if paras[j].noted), None)
        if noted is not None and k > 0 and paras[k - 1].mark is None:
            paras[k - 1].mark = "del"
            paras[noted].mark = None
        k = end + 1


def _shift_marks_after_insertions(paras: list[_Para]) -> None:
    """Carry an inserted run's first mark on the paragraph before it, when that one ends inserted.

    LibreOffice joins an insertion at the end of a paragraph with the wholly inserted
    paragraphs after it, and Reject All then removes the kept paragraph's mark too (7.4).
    Word's own model, the inserted mark before the inserted text, avoids it: the run's
    content is all inserted, so the text is the same both ways.
    """
    for k in range(1, len(paras)):
        before, first = paras[k - 1], paras[k]
        if before.mark is not None or first.mark != "ins" or first.old_kept:
            continue
        last = before.content[-1] if before.content else None
        if last is None or etree.QName(last).localname != "ins":
            continue
        end = k
        while end + 1 < len(paras) and paras[end + 1].mark == "ins" and not paras[end + 1].old_kept:
            end += 1
        before.mark = "ins"
        paras[end].mark = None


def _relocate_last_mark(paras: list[_Para]) -> None:
    """Keep the body's last paragraph mark untracked (NOTES.md §2).

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
        old_look, new_look = (deleted.style, deleted.numbered), (inserted.style, inserted.numbered)
        last.content = deleted.content + inserted.content
        last.mark = None
        last.style, last.numbered = new_look
        if old_look != new_look:
            last.was = old_look  # reject restores the old look
