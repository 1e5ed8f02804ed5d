"""Seams between paragraphs: a change ending one paragraph must not touch a like change
opening the next.

LibreOffice (7.4) joins two insertions (or two deletions) by one author in the same minute
when only a kept paragraph mark stands between them, and Reject All (Accept All) then
removes that mark too: two paragraphs come back as one (oracle-tested). Word's order of a
change group is free, so the group at the seam is reordered to end (or begin) with the
other kind; where a seam has insertions alone on both sides, the next paragraph's first
kept word is shown as replaced by itself, which costs one word of marking and keeps the
text exact both ways.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable

from lxml import etree

from ...diff import tokenize
from ._marks import _Para

_CHANGES = ("ins", "del")
_SKIP = ("moveFromRangeStart", "moveToRangeStart", "bookmarkStart")


def _name(el: etree._Element) -> str:
    """The local name, as ``etree.QName(el).localname`` gives it (elements only: the
    builder's own)."""
    return el.tag.rpartition("}")[2]


def _group(content: list[etree._Element], *, tail: bool) -> list[int]:
    """Positions of the change group at the end (tail) or start of a paragraph's content."""
    order = range(len(content) - 1, -1, -1) if tail else range(len(content))
    out: list[int] = []
    for k in order:
        name = _name(content[k])
        if not tail and name in _SKIP and not out:
            continue
        if name not in _CHANGES:
            break
        out.append(k)
    return sorted(out)


def _reorder(content: list[etree._Element], group: list[int], last: str) -> bool:
    """Put the group's `last` kind after the other one; False if the group has one kind."""
    kinds = {_name(content[k]) for k in group}
    if len(kinds) < 2:
        return False
    items = [content[k] for k in group]
    items.sort(key=lambda el: _name(el) == last)
    for k, el in zip(group, items, strict=True):
        content[k] = el
    return True


def _split_first_word(
    q: _Para, group: list[int], kind: str, tracked: Callable[[str], etree._Element]
) -> bool:
    """Show the first kept word after Q's opening group as replaced by itself."""
    at = group[-1] + 1 if group else 0
    if at >= len(q.content):
        return False
    run = q.content[at]
    children = [c for c in run if _name(c) != "rPr"]
    if _name(run) != "r" or len(children) != 1 or _name(children[0]) != "t":
        return False
    text = children[0].text or ""
    tokens = tokenize(text)
    take = 0
    while take < len(tokens) and tokens[take].isspace():
        take += 1
    if take >= len(tokens) - 1:  # keep some kept text in the run
        return False
    word = "".join(tokens[: take + 1])
    children[0].text = text[len(word) :]
    shown = copy.deepcopy(run)  # the word as the new text has it
    _only_text(shown, word, deleted=kind == "del")
    other = copy.deepcopy(run)  # the word as the other side has it
    _only_text(other, word, deleted=kind == "ins")
    before = tracked("del" if kind == "ins" else "ins")
    before.append(other)
    after = tracked(kind)
    after.append(shown)
    q.content.insert(at, after)
    q.content.insert(group[0] if group else 0, before)
    return True


def _only_text(run: etree._Element, text: str, *, deleted: bool) -> None:
    for child in list(run):
        if _name(child) != "rPr":
            run.remove(child)
    t = etree.SubElement(run, run.tag.replace("}r", "}delText" if deleted else "}t"))
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text


def separate_seams(paras: list[_Para], tracked: Callable[[str], etree._Element]) -> None:
    """Keep like changes apart across every kept paragraph mark."""
    for p, q in itertools.pairwise(paras):
        if p.mark is not None or not p.content or not q.content:
            continue
        tail = _group(p.content, tail=True)
        head = _group(q.content, tail=False)
        if not tail or not head:
            continue
        kind = _name(p.content[tail[-1]])
        if kind != _name(q.content[head[0]]):
            continue
        other = "del" if kind == "ins" else "ins"
        if _reorder(p.content, tail, last=other):
            continue
        if _reorder(q.content, head, last=kind):
            continue
        _split_first_word(q, head, kind, tracked)
