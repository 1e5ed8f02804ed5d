"""The package a comparison opened is written onto without being opened again.

`Document.opened` carries the reader's parsed package to `write_docx`, which takes it up
only for the very bytes (and name) it reads from the template it is given. Checked here:
the bytes written are those of a writer that opens every file afresh (the comparison's
documents stripped of `opened`), for any pair and options; a file changed after the
comparison is read as changed; writing never edits a tree the reader holds, so writing
twice writes the same bytes.
"""

from __future__ import annotations

import copy
import io
import pickle
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import redline
from redline.comparison import Comparison
from redline.model import Resolution
from redline.word.oxml import parse_part
from redline.word.read._package import Package
from redline.word.write._template import Template

DOCX = Path(__file__).parent.parent / "fixtures" / "docx"
ELEMENTS = Path(__file__).parent / "fixtures" / "elements"
DATE = "2026-01-01T00:00:00Z"
PAIRS = [
    (DOCX / "hrc-46-13.docx", DOCX / "hrc-47-9.docx"),
    (DOCX / "hrc-47-9.docx", DOCX / "hrc-46-13.docx"),
    (DOCX / "notes-old.docx", DOCX / "notes-para-moved.docx"),
    (DOCX / "notes-old.docx", DOCX / "notes-removed.docx"),
    (DOCX / "looks-old.docx", DOCX / "looks-new.docx"),
    (DOCX / "notes-endnotes-old.docx", DOCX / "notes-endnotes-note-edited.docx"),
    (ELEMENTS / "picture_deleted.old.docx", ELEMENTS / "picture_deleted.new.docx"),
    (ELEMENTS / "table_row_deleted.old.docx", ELEMENTS / "table_row_deleted.new.docx"),
    (DOCX / "fields-links.docx", DOCX / "subparagraphs.docx"),
]
TEXT = Path(__file__).parent.parent.parent / "examples" / "hrc-46-13.txt"


def _bare(side: Resolution) -> Resolution:
    if side.document is None:
        return side
    return replace(side, document=replace(side.document, opened=None))


def _afresh(c: Comparison) -> Comparison:
    """The comparison with no package carried: the writer opens every file itself."""
    return replace(c, old=_bare(c.old), new=_bare(c.new))


def _written(c: Comparison, **options: object) -> bytes:
    out = io.BytesIO()
    redline.write_docx(c, out, date=DATE, **options)  # type: ignore[arg-type]
    return out.getvalue()


def _pristine(c: Comparison) -> None:
    """Every tree the readers of both sides hold is as its part's bytes parse."""
    for side in (c.old, c.new):
        pkg = side.document.opened if side.document is not None else None
        assert isinstance(pkg, Package)
        for name, root in pkg._shared.items():
            if root is not None:
                fresh = parse_part(pkg.read(name) or b"", source="", part=name)
                assert etree.tostring(root) == etree.tostring(fresh), name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pair=st.sampled_from(PAIRS),
    named=st.booleans(),
    moves=st.booleans(),
    comments=st.booleans(),
    text_side=st.sampled_from([None, "old", "new"]),
)
def test_carried_package_writes_the_bytes_of_a_fresh_one(
    pair: tuple[Path, Path], named: bool, moves: bool, comments: bool, text_side: str | None
) -> None:
    old, new = pair
    if text_side == "old":
        old = TEXT
    elif text_side == "new":
        new = TEXT
    c = redline.compare(old, new)
    options: dict[str, object] = {"moves": moves, "comments": comments}
    if named and text_side != "new":
        options["template"] = new
    if named and text_side != "old":
        options["old_template"] = old
    first = _written(c, **options)
    assert first == _written(_afresh(c), **options)
    assert _written(c, **options) == first  # no tree the next write reads was edited
    _pristine(c)


def test_a_file_changed_after_the_comparison_is_read_again(tmp_path: Path) -> None:
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    shutil.copy(DOCX / "hrc-46-13.docx", old)
    shutil.copy(DOCX / "hrc-47-9.docx", new)
    c = redline.compare(old, new)
    before = _written(c, template=new, old_template=old)
    shutil.copy(DOCX / "looks-new.docx", new)  # the caller changes the file
    after = _written(c, template=new, old_template=old)
    assert after != before
    assert after == _written(_afresh(c), template=new, old_template=old)


def test_a_template_takes_up_only_the_package_of_its_own_bytes_and_name() -> None:
    data = (DOCX / "hrc-47-9.docx").read_bytes()
    pkg = Package(data, source="new.docx")
    assert Template(data, source="new.docx", opened=pkg).pkg is pkg
    assert Template(bytes(data), source="new.docx", opened=pkg).pkg is pkg  # equal bytes
    assert Template(data, source="other.docx", opened=pkg).pkg is not pkg
    other = (DOCX / "hrc-46-13.docx").read_bytes()
    assert Template(other, source="new.docx", opened=pkg).pkg is not pkg
    assert Template(data, source="new.docx", opened=b"not a package").pkg is not pkg


_NS = ["urn:a", "urn:b", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"]


@st.composite
def _xml(draw: st.DrawFn) -> bytes:
    """A small part: namespaces declared at the root or below (again, under other
    prefixes), attributes, text, tails, comments and instructions, inside and beside the
    root."""
    words = st.text(st.sampled_from("ab <&>\"'\u00e9\u4e2d\U0001f600 \t"), max_size=6)
    used = [0]

    def element(depth: int) -> str:
        used[0] += 1
        prefix = draw(st.sampled_from(["p0", "p1", "p2"]))
        decl = ""
        if depth == 0 or draw(st.booleans()):
            decl = "".join(
                f' xmlns:p{k}="{_NS[k]}"' for k in range(3) if depth == 0 or draw(st.booleans())
            )
        attrs = "".join(
            f' {p}:x{k}="{escape(draw(words), {chr(34): "&quot;"})}"'
            for k, p in enumerate(
                draw(st.lists(st.sampled_from(["p0", "p1"]), max_size=2, unique=True))
            )
        )
        inner = escape(draw(words))
        if depth < 3:
            for _ in range(draw(st.integers(0, 3))):
                inner += draw(
                    st.sampled_from(["", "<!-- c -->", "<?pi x?>", "<![CDATA[d&]]>", "&#x41;"])
                )
                inner += element(depth + 1) + escape(draw(words))
        return f"<{prefix}:e{depth}{decl}{attrs}>{inner}</{prefix}:e{depth}>"

    before = draw(st.sampled_from(["", "<!-- top -->", "<?top x?>"]))
    after = draw(st.sampled_from(["", "<!-- end -->", "<?end y?>"]))
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return (head + before + element(0) + after).encode()


def _written_part(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@settings(max_examples=200, deadline=None)
@given(data=_xml())
def test_a_part_a_reader_holds_is_handed_out_as_parsing_would(data: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("word/document.xml", _DOCUMENT)
        z.writestr("word/part.xml", data)
    pkg = Package(buffer.getvalue(), source="x.docx")
    want = _written_part(parse_part(data, source="x.docx", part="word/part.xml"))
    held = pkg.tree("word/part.xml")
    assert held is not None
    mine = pkg.xml("word/part.xml")
    assert mine is not None and mine is not held
    assert _written_part(mine) == want == _written_part(held)
    mine.append(etree.Element("{urn:a}added"))  # the caller's own: the reader's is untouched
    assert _written_part(held) == want


_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_DOCUMENT = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body/></w:document>"
)


def test_every_fixture_part_handed_out_as_parsing_would() -> None:
    for path in sorted(DOCX.glob("*.docx")) + sorted(ELEMENTS.glob("*.docx")):
        pkg = Package(path.read_bytes(), source=str(path))
        for name in list(pkg._fresh):  # every XML part, parsed at open
            pkg.tree(name)
            want = _written_part(parse_part(pkg.read(name) or b"", source="", part=name))
            mine = pkg.xml(name)
            assert mine is not None and _written_part(mine) == want, (path.name, name)


def test_a_comparison_carrying_packages_pickles_and_copies() -> None:
    """A carried package pickles (and deep-copies) as its bytes, opened again: the copy
    writes the same bytes."""
    old, new = PAIRS[0]
    c = redline.compare(old, new)
    first = _written(c, template=new, old_template=old)
    for again in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c)):
        assert isinstance(again.new.document.opened, Package)
        assert again.new.document.opened is not c.new.document.opened
        assert _written(again, template=new, old_template=old) == first
