"""The in-place writer's faster reads give what lxml's own path lookups give (issue 14).

`first_child` stands for ``find(tag)``, `_mark_of` for the first revision of
``find("w:pPr/w:rPr")``, a tracked element copied from the first made for its tag for one
built afresh, and a container without any revision is left as it was by `settle_marks`.
The expected values come from lxml's ElementPath and serialiser, not from the code tested.
"""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from redline.word.oxml import W_NS, clone, el, first_child
from redline.word.write._lay import _mark_of, settle_marks

_W = f"{{{W_NS}}}"
_MARKS = ("ins", "del", "moveFrom", "moveTo")
_OTHER = ("b", "i", "jc", "pStyle", "rPr", "pPr", "t")


def _tree(spec: list[tuple[str, list[tuple[str, list[str]]]]]) -> etree._Element:
    """A w:p from (child tag, [(grandchild tag, [great-grandchild tags])]); "#" a comment."""
    root = etree.Element(f"{_W}document", nsmap={"w": W_NS})
    p = etree.SubElement(root, f"{_W}p")
    for tag, kids in spec:
        child = etree.SubElement(p, f"{_W}{tag}") if tag != "#" else etree.Comment("c")
        if tag == "#":
            p.append(child)
            continue
        for kid, leaves in kids:
            if kid == "#":
                child.append(etree.Comment("c"))
                continue
            sub = etree.SubElement(child, f"{_W}{kid}")
            for leaf in leaves:
                if leaf == "#":
                    sub.append(etree.Comment("c"))
                else:
                    etree.SubElement(sub, f"{_W}{leaf}", {f"{_W}id": "1"})
    return p


_TAGS = st.sampled_from(("pPr", "rPr", "r", "ins", "#", "jc"))
_LEAVES = st.lists(st.sampled_from((*_MARKS, *_OTHER, "#")), max_size=4)
_KIDS = st.lists(
    st.tuples(st.sampled_from(("rPr", "jc", "pStyle", "#", "ins")), _LEAVES), max_size=4
)
_SPECS = st.lists(st.tuples(_TAGS, _KIDS), max_size=5)


@given(_SPECS, st.sampled_from(("pPr", "rPr", "r", "ins", "jc")))
def test_first_child_is_find(spec: list[tuple[str, list[tuple[str, list[str]]]]], tag: str) -> None:
    p = _tree(spec)
    for e in itertools.chain([p], p):
        if isinstance(e.tag, str):
            assert first_child(e, f"{_W}{tag}") is e.find(f"{_W}{tag}")


@given(_SPECS)
def test_mark_of_is_the_first_revision_of_the_path(
    spec: list[tuple[str, list[tuple[str, list[str]]]]],
) -> None:
    p = _tree(spec)
    rpr = p.find(f"{_W}pPr/{_W}rPr")
    marks = [c for c in rpr if c.tag in {f"{_W}{m}" for m in _MARKS}] if rpr is not None else []
    want = etree.QName(marks[0]).localname if marks else None
    assert _mark_of(p) == want


def test_a_tracked_copy_is_the_element_built_afresh() -> None:
    made = el("ins", id="", author="A", date="2026-01-01T00:00:00Z")
    copied = clone(made)
    copied.set(f"{_W}id", "7")
    built = el("ins", id="7", author="A", date="2026-01-01T00:00:00Z")
    assert etree.tostring(copied) == etree.tostring(built)
    body = etree.fromstring(f'<w:body xmlns:w="{W_NS}"><w:p/></w:body>'.encode())
    twin = etree.fromstring(etree.tostring(body))
    body[0].append(copied)
    twin[0].append(built)
    assert etree.tostring(body) == etree.tostring(twin)


@given(_SPECS)
def test_settle_marks_leaves_a_container_without_revisions(
    spec: list[tuple[str, list[tuple[str, list[str]]]]],
) -> None:
    plain = [
        (t, [(k, [x for x in leaves if x not in _MARKS]) for k, leaves in kids if k != "ins"])
        for t, kids in spec
        if t != "ins"
    ]
    p = _tree(plain)
    container = p.getparent()
    assert container is not None
    before = etree.tostring(container)

    def tracked(tag: str) -> etree._Element:
        raise AssertionError("no revision to settle")

    settle_marks(container, tracked)
    assert etree.tostring(container) == before
