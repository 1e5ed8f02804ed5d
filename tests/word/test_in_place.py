"""The redline written onto the drafter's own Word file: their document, changes tracked.

Checked here without LibreOffice (its checks are in test_elements and test_word_samples):
Accept All and Reject All applied by a second, hand-written reader (`support.applied`)
give back the two inputs' paragraphs and elements; untouched paragraphs are the new
file's own bytes; ids are unique; the output is deterministic; what the old document's
deleted content refers to (a picture's part) travels into the package. Generated inputs
carry arbitrary Unicode (right-to-left, CJK, combining marks, astral characters) in runs
of several formats, tabs and line breaks, and tables.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import redline
from oracle import locate_shared_dir
from redline.word.write._file import in_place
from support.applied import W, part, view

ELEMENTS = Path(__file__).parent / "fixtures" / "elements"
DATE = "2026-01-01T00:00:00Z"
_XML_OK = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff\ufffc"
)

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>"
)
_TAIL = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)

Run = tuple[str, bool]  # text, bold
Paragraph = list[Run]


def _run(text: str, bold: bool) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    pieces = []
    for k, line in enumerate(text.split("\n")):
        if k:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{props}{''.join(pieces)}</w:r>"


def _paragraph(runs: Paragraph) -> str:
    return "<w:p>" + "".join(_run(t, b) for t, b in runs) + "</w:p>"


def docx(blocks: list[Paragraph | list[list[Paragraph]]]) -> bytes:
    """A minimal Word package: paragraphs, and tables (rows of one-paragraph cells)."""
    body = []
    for b in blocks:
        if b and isinstance(b[0], list):
            rows = "".join(
                "<w:tr>" + "".join(f"<w:tc>{_paragraph(c)}</w:tc>" for c in row) + "</w:tr>"
                for row in b  # type: ignore[union-attr]
            )
            cols = len(b[0])  # type: ignore[arg-type]
            grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
            body.append(f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl><w:p/>")
        else:
            body.append(_paragraph(b))  # type: ignore[arg-type]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", _HEAD + "".join(body) + _TAIL)
    return out.getvalue()


_words = st.lists(
    st.sampled_from(
        [
            "the",
            "Council",
            "calls",
            "upon",
            "States",
            "ابتث",
            "إذ",
            "يؤكد",
            "人权理事会",
            "重申",
            "вновь",
            "подтверждая",
            "é",
            "👍🏻",
            "\xa0",
            "tab\tbreak\nend",
        ]
    )
    | st.text(_XML_OK, min_size=1, max_size=6),
    min_size=1,
    max_size=8,
).map(" ".join)
_paragraphs = st.lists(st.tuples(_words, st.booleans()), min_size=1, max_size=3)
_tables = st.integers(1, 3).flatmap(
    lambda cols: st.lists(
        st.lists(_paragraphs, min_size=cols, max_size=cols), min_size=1, max_size=3
    )
)
_documents = st.lists(_paragraphs | _tables, min_size=1, max_size=5)


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[list, list]:  # type: ignore[type-arg]
    """An old document and a revision of it: blocks kept, edited, dropped, added, moved."""
    old = draw(_documents)
    new = []
    for block in old:
        what = draw(st.sampled_from(["keep", "keep", "edit", "drop", "add", "split", "merge"]))
        if what == "keep":
            new.append(block)
        elif what == "edit" and not isinstance(block[0], list):
            new.append(draw(st.permutations(block)) + draw(_paragraphs))
        elif what == "add":
            new += [block, draw(_paragraphs | _tables)]
        elif what == "split" and not isinstance(block[0], list) and len(block) > 1:
            new += [block[:1], block[1:]]  # one paragraph becomes two
        elif (
            what == "merge"
            and new
            and not isinstance(new[-1][0], list)
            and not isinstance(block[0], list)
        ):
            new[-1] = new[-1] + block  # joined to the paragraph before
    if draw(st.booleans()) and len(new) > 2:
        new.append(new.pop(0))
    return old, new or [draw(_paragraphs)]


def _has_text(blocks: list) -> bool:  # type: ignore[type-arg]
    """A document with a visible character (a blank one is refused as empty input)."""
    return any(not t.isspace() and t for _, t, *_ in _flat(blocks))


def _flat(blocks: list) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    out = []
    for b in blocks:
        for item in b:
            if isinstance(item, tuple):
                out.append((0, "".join(item[0].split())))
            else:
                out += _flat(item)
    return out


def _redline(old: bytes, new: bytes, folder: Path) -> bytes:
    a, b = folder / "old.docx", folder / "new.docx"
    a.write_bytes(old)
    b.write_bytes(new)
    c = redline.compare(a, b)
    assert in_place(c)
    out = io.BytesIO()
    redline.write_docx(c, out, template=b, old_template=a, date=DATE)
    return out.getvalue()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pair=_pairs().filter(lambda p: _has_text(p[0]) and _has_text(p[1])))
def test_accept_gives_the_new_file_and_reject_the_old(
    pair: tuple[list, list],  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    old, new = docx(pair[0]), docx(pair[1])
    written = _redline(old, new, tmp_path)
    assert view(written, "accept") == view(new, "accept")
    assert view(written, "reject") == view(old, "accept")


def _paragraph_bytes(data: bytes) -> list[bytes]:
    root = part(data, "word/document.xml")
    assert root is not None
    return [etree.tostring(p) for p in root.iter(W + "p")]


def test_untouched_paragraphs_are_the_new_files_own_bytes(tmp_path: Path) -> None:
    kept = [[("Recalling its resolution 47/9,", True)], [("Notes the report.", False)]]
    old = docx([*kept, [("Requests the Secretary-General to report.", False)]])
    new = docx([*kept, [("Requests the Secretary-General to report orally.", False)]])
    written = _paragraph_bytes(_redline(old, new, tmp_path))
    given_new = _paragraph_bytes(new)
    assert written[:2] == given_new[:2]
    assert written[2] != given_new[2]  # the edited one is rebuilt, with its tracked words


def test_the_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    old, new = ELEMENTS / "report.old.docx", ELEMENTS / "report.new.docx"
    outs = []
    for _ in range(2):
        buffer = io.BytesIO()
        redline.write_docx(
            redline.compare(old, new), buffer, template=new, old_template=old, date=DATE
        )
        outs.append(buffer.getvalue())
    assert outs[0] == outs[1]


@pytest.mark.parametrize(
    "case", sorted(p.name.removesuffix(".old.docx") for p in ELEMENTS.glob("*.old.docx"))
)
def test_every_element_comes_back_in_each_view(case: str, tmp_path: Path) -> None:
    """The second reader's texts and counts (tables and rows, pictures, equations, text
    boxes, fields, links, content controls) of each view equal the input's."""
    old, new = (
        (ELEMENTS / f"{case}.old.docx").read_bytes(),
        (ELEMENTS / f"{case}.new.docx").read_bytes(),
    )
    written = _redline(old, new, tmp_path)
    assert view(written, "accept") == view(new, "accept")
    assert view(written, "reject") == view(old, "accept")


def test_ids_are_unique_in_every_part(tmp_path: Path) -> None:
    for case in ("report", "chapter", "picture_deleted", "table_row_deleted", "paragraph_moved"):
        old = (ELEMENTS / f"{case}.old.docx").read_bytes()
        new = (ELEMENTS / f"{case}.new.docx").read_bytes()
        written = _redline(old, new, tmp_path)
        with zipfile.ZipFile(io.BytesIO(written)) as z:
            revision_ids: list[str] = []
            drawing_ids: list[str] = []
            for name in z.namelist():
                if not name.endswith(".xml"):
                    continue
                root = etree.fromstring(z.read(name))
                for e in root.iter():
                    tag = etree.QName(e).localname if isinstance(e.tag, str) else ""
                    if tag in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange"):
                        revision_ids.append(e.get(W + "id") or "")
                    if tag == "docPr":
                        drawing_ids.append(e.get("id") or "")
            assert len(revision_ids) == len(set(revision_ids)), case
            assert len(drawing_ids) == len(set(drawing_ids)), case


def test_a_deleted_picture_brings_its_image_into_the_package(tmp_path: Path) -> None:
    old = (ELEMENTS / "picture_deleted.old.docx").read_bytes()
    new = (ELEMENTS / "picture_deleted.new.docx").read_bytes()
    written = _redline(old, new, tmp_path)
    with zipfile.ZipFile(io.BytesIO(old)) as z:
        images = {z.read(n) for n in z.namelist() if n.startswith("word/media/")}
    with zipfile.ZipFile(io.BytesIO(written)) as z:
        carried = {z.read(n) for n in z.namelist() if n.startswith("word/media/")}
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert images and images <= carried
    root = part(written, "word/document.xml")
    assert root is not None
    embeds = {
        e.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
        for e in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    }
    assert embeds and all(f'Id="{rid}"' in rels for rid in embeds)


def test_comments_are_kept_or_dropped_on_request(tmp_path: Path) -> None:
    old, new = ELEMENTS / "comment_kept.old.docx", ELEMENTS / "comment_kept.new.docx"
    c = redline.compare(old, new)
    outputs = {}
    for keep in (True, False):
        buffer = io.BytesIO()
        redline.write_docx(c, buffer, template=new, old_template=old, date=DATE, comments=keep)
        outputs[keep] = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(outputs[True])) as z:
        assert any("comments" in n for n in z.namelist())
    with zipfile.ZipFile(io.BytesIO(outputs[False])) as z:
        assert not any("comments" in n for n in z.namelist())
        assert b"comment" not in z.read("word/document.xml")
        assert b"comments" not in z.read("[Content_Types].xml")
    for mode, source in (("accept", new), ("reject", old)):
        assert view(outputs[False], mode)[0] == view(source.read_bytes(), "accept")[0]


def test_the_command_line_drops_comments(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redline.cli import cli

    old, new = ELEMENTS / "comment_kept.old.docx", ELEMENTS / "comment_kept.new.docx"
    out = tmp_path / "out.docx"
    done = CliRunner().invoke(cli, [str(old), str(new), "-o", str(out), "--drop-comments", "-q"])
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(out) as z:
        assert not any("comments" in n for n in z.namelist())


def test_a_template_that_is_not_the_new_file_is_not_written_on_in_place() -> None:
    from redline.word.write._template import Template

    c = redline.compare(ELEMENTS / "memo.old.docx", ELEMENTS / "memo.new.docx")
    other = Template.read(ELEMENTS / "chapter.new.docx")
    same = Template.read(ELEMENTS / "memo.new.docx")
    assert in_place(c, same, Template.read(ELEMENTS / "memo.old.docx"))
    assert not in_place(c, other, None)


_SPLIT_OLD = [
    [("Recalling its resolution 47/9 of 13 July 2021,", False)],
    [
        ("Calls upon all States to cooperate fully with the Special Rapporteur", False),
        (", and requests the Secretary-General to provide all the resources necessary;", True),
    ],
    [("Decides to remain seized of the matter.", False)],
]
_SPLIT_NEW = [
    [("Recalling its resolution 47/9 of 13 July 2021,", False)],
    [("Calls upon all States to cooperate fully with the Special Rapporteur;", False)],
    [("Requests the Secretary-General to provide all the resources necessary;", True)],
    [("Decides to remain seized of the matter.", False)],
]


@pytest.mark.oracle
def test_a_split_and_a_merge_are_paragraph_marks_through_libreoffice(tmp_path: Path) -> None:
    """One paragraph split in two is its words kept and a paragraph mark inserted (not half
    of it deleted and written again); the reverse is a merge, a mark deleted. LibreOffice's
    Accept All and Reject All give the two files."""
    from oracle import require_oracle, run_oracle
    from support.fidelity import judge

    require_oracle()
    cases = []
    for name, (a, b) in {
        "split": (_SPLIT_OLD, _SPLIT_NEW),
        "merge": (_SPLIT_NEW, _SPLIT_OLD),
    }.items():
        old, new, out = (
            tmp_path / f"{name}.old.docx",
            tmp_path / f"{name}.new.docx",
            tmp_path / f"{name}.docx",
        )
        old.write_bytes(docx(a))
        new.write_bytes(docx(b))
        c = redline.compare(old, new)
        marks = [x for x in c.document.body if x.mark] if c.document else []
        assert [x.mark for x in marks] == ["ins" if name == "split" else "del"]
        redline.write_docx(c, out, template=new, old_template=old, date=DATE)
        root = part(out.read_bytes(), "word/document.xml")
        assert root is not None
        deleted = "".join(t.text or "" for t in root.iter(W + "delText"))
        assert len(deleted) < 20, deleted  # a few words at the seam, not half the paragraph
        cases.append((out, old, new))
    report = run_oracle([p for case in cases for p in case])
    for out, old, new in cases:
        verdict = judge(report, out, old, new)
        assert verdict["text"] and verdict["numbers"] and verdict["structure"], verdict["why"]


_UNRELATED = [
    ("elements/hyperlink_text_edited.new", "samples/RP001-Tracked-Revisions-01-Accepted"),
    ("elements/picture_only.new", "samples/RP001-Tracked-Revisions-01-Accepted"),
    ("elements/field_code_changed.old", "samples/RP001-Tracked-Revisions-02-Accepted"),
    ("docx/looks-new", "samples/RP001-Tracked-Revisions-02-Accepted"),
    ("elements/textbox_inserted.new", "samples/RP018-MoveFrom-MoveTo-CC-Accepted"),
    ("elements/table_unchanged.new", "samples/RP018-MoveFrom-MoveTo-CC-Accepted"),
    ("samples/RP016-Deleted-CC-Accepted", "samples/RP001-Tracked-Revisions-01-Accepted"),
    ("docx/notes-removed", "elements/report.new"),
    ("elements/chapter.old", "docx/hrc-47-9"),
    ("docx/hrc-46-13", "elements/resolution_rev1.new"),
    ("samples/RP051-Arabic-Accepted", "elements/memo.old"),
    ("elements/equation_unchanged.new", "samples/RP036-Vert-Merged-Cells-Accepted"),
]


def _fixture(name: str) -> Path:
    folder, stem = name.split("/")
    base = {
        "elements": ELEMENTS,
        "docx": Path(__file__).resolve().parents[1] / "fixtures" / "docx",
        "samples": locate_shared_dir() / "word-samples" / "revisions",
    }[folder]
    return base / f"{stem}.docx"


@pytest.mark.parametrize(("old", "new"), _UNRELATED)
def test_unrelated_documents_give_back_both(old: str, new: str, tmp_path: Path) -> None:
    """Two documents with little in common (their blocks deleted and inserted, tables with
    no rows, content controls around paragraphs, sections): each view is still one file."""
    a, b = _fixture(old).read_bytes(), _fixture(new).read_bytes()
    written = _redline(a, b, tmp_path)
    assert view(written, "accept") == view(b, "accept")
    assert view(written, "reject") == view(a, "accept")


def test_a_links_text_edited_is_diffed_inside_the_one_link(tmp_path: Path) -> None:
    """The link keeps its target: its text's change is tracked inside it, the link written
    once (not the old link deleted and the new one inserted)."""
    old = (ELEMENTS / "hyperlink_text_edited.old.docx").read_bytes()
    new = (ELEMENTS / "hyperlink_text_edited.new.docx").read_bytes()
    written = _redline(old, new, tmp_path)
    root = part(written, "word/document.xml")
    assert root is not None
    links = list(root.iter(W + "hyperlink"))
    assert len(links) == 1
    assert links[0].find(f".//{W}ins") is not None and links[0].find(f".//{W}del") is not None
    assert view(written, "accept") == view(new, "accept")
    assert view(written, "reject") == view(old, "accept")
