"""The structural checker finds what makes Word repair a file, and finds nothing in ours.

(a) Each rule of `support.docxcheck.check_package` is shown to fire on the seed redline
broken by hand in one place: the known causes of Word's "unreadable content" (colliding
revision ids, unpaired move ranges, a tracked final paragraph mark, text elements on the
wrong side of a deletion, a dangling footnote reference, a missing part) and the rest.
(b) The writer's output passes: the seed pair both ways, 200 Hypothesis revisions and the
generated evaluation pairs, with moves written as moves and as deletion + insertion.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import redline
from redline.comparison import compare_resolutions
from redline.model import Paragraph, Part, Resolution
from redline.word import docx_bytes
from strategies import revisions
from support.docxcheck import check_package
from support.evaluation import revision_pairs

DATE = "2026-01-01T00:00:00Z"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NS = {"w": W_NS}
DOC = "word/document.xml"
NOTES = "word/footnotes.xml"
Parts = dict[str, bytes]


def _seed(old: str, new: str, folder: Path, moves: bool = True) -> Path:
    comparison = redline.compare(EXAMPLES / old, EXAMPLES / new)
    path = folder / f"{Path(old).stem}-to-{Path(new).stem}-{moves}.docx"
    return redline.write_docx(comparison, path, date=DATE, moves=moves)


def _unzip(path: Path) -> Parts:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _zip(parts: Parts) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Parts:
    """The parts of the seed redline (46/13 -> 47/9, moves on): it has every kind of mark."""
    return _unzip(_seed("hrc-46-13.txt", "hrc-47-9.md", tmp_path_factory.mktemp("seed")))


def _broken(seed: Parts, edit: Callable[[etree._Element], object], part: str = DOC) -> list[str]:
    """Check the seed package with one part edited in place (parsed, changed, serialized)."""
    root = etree.fromstring(seed[part])
    edit(root)
    return check_package(_zip({**seed, part: etree.tostring(root)}))


def _one(root: etree._Element, xpath: str, k: int = 0) -> etree._Element:
    found = root.xpath(xpath, namespaces=NS)
    assert len(found) > k, f"seed redline has no {xpath}[{k}]"
    return found[k]


def _reports(problems: list[str], *patterns: str) -> None:
    """Each pattern matches a problem, as reported or with the XPath's [k] indices dropped."""
    forms = [*problems, *(re.sub(r"\[\d+\]", "", p) for p in problems)]
    for pattern in patterns:
        assert any(re.search(pattern, f) for f in forms), (pattern, problems)


# -- (a) each rule fires -----------------------------------------------------------------------
def test_seed_redline_has_what_the_rules_need(seed: Parts) -> None:
    """The hand-broken cases below start from a file that has each kind of element."""
    root = etree.fromstring(seed[DOC])
    for xpath in (
        "//w:moveFromRangeStart",
        "//w:moveToRangeEnd",
        "//w:moveFrom[w:r]",
        "//w:del/w:r/w:delText",
        "//w:pPr/w:rPr/w:ins",
        "//w:footnoteReference",
    ):
        _one(root, xpath)
    assert check_package(_zip(seed)) == []


def test_duplicate_id_of_one_type(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        _one(root, "//w:ins", 1).set(W + "id", _one(root, "//w:ins").get(W + "id"))

    _reports(_broken(seed, edit), r"w:ins.*: w:id \d+ already used by .*w:ins")


def test_duplicate_id_across_types(seed: Parts) -> None:
    """Word repairs a w:moveFrom sharing its id with a w:del (Docxodus #96)."""

    def edit(root: etree._Element) -> None:
        _one(root, "//w:moveFrom[w:r]").set(W + "id", _one(root, "//w:del").get(W + "id"))

    _reports(_broken(seed, edit), r"moveFrom.*already used by .*w:del")


def test_duplicate_id_of_a_paragraph_mark_change(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        _one(root, "//w:pPr/w:rPr/w:ins").set(W + "id", _one(root, "//w:del").get(W + "id"))

    _reports(_broken(seed, edit), r"already used by")


def test_duplicate_id_across_parts(seed: Parts) -> None:
    """One counter for document.xml and footnotes.xml together."""
    used = _one(etree.fromstring(seed[DOC]), "//w:del").get(W + "id")

    def edit(root: etree._Element) -> None:
        _one(root, "//w:footnote/w:p//w:ins").set(W + "id", used)

    _reports(_broken(seed, edit, NOTES), rf"^word/footnotes.xml .*w:id {used} already used by")


def test_range_end_repeats_its_start_id_without_duplicate(seed: Parts) -> None:
    root = etree.fromstring(seed[DOC])
    start = _one(root, "//w:moveFromRangeStart")
    ends = root.xpath("//w:moveFromRangeEnd/@w:id", namespaces=NS)
    assert start.get(W + "id") in ends
    assert check_package(_zip(seed)) == []


def test_id_not_an_integer_and_attributes_missing(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        _one(root, "//w:ins", 0).set(W + "id", "7a")
        del _one(root, "//w:ins", 1).attrib[W + "id"]
        del _one(root, "//w:del", 0).attrib[W + "author"]
        del _one(root, "//w:del", 1).attrib[W + "date"]

    _reports(
        _broken(seed, edit),
        r"w:id '7a' is not an integer",
        r"no w:id",
        r"w:del.*: no w:author",
        r"w:del.*: no w:date",
    )


@pytest.mark.parametrize(
    "date",
    ["2026-01-01T00:00:00.123Z", "2026-01-01T00:00:00+02:00", "2026-01-01", "2026-13-01T00:00:00Z"],
)
def test_date_not_in_word_form(seed: Parts, date: str) -> None:
    def edit(root: etree._Element) -> None:
        _one(root, "//w:moveToRangeStart").set(W + "date", date)

    _reports(_broken(seed, edit), rf"moveToRangeStart.*w:date '{re.escape(date)}' is not")


def test_renamed_move_range_is_unpaired(seed: Parts) -> None:
    """safe-docx #941: a move source without its destination makes Word repair the file."""

    def edit(root: etree._Element) -> None:
        _one(root, "//w:moveToRangeStart").set(W + "name", "elsewhere")

    _reports(
        _broken(seed, edit),
        r"moveFromRangeStart '[^']+' has no moveTo pair",
        r"moveToRangeStart 'elsewhere' has no moveFrom pair",
    )


def test_move_name_used_twice(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        first, second = root.xpath("//w:moveFromRangeStart", namespaces=NS)[:2]
        second.set(W + "name", first.get(W + "name"))

    _reports(_broken(seed, edit), r"2 moveFromRangeStart named")


def test_range_without_its_end(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        end = _one(root, "//w:moveToRangeEnd")
        end.getparent().remove(end)

    _reports(_broken(seed, edit), r"moveToRangeStart.*has no moveToRangeEnd")


def test_range_end_with_another_id(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        _one(root, "//w:moveFromRangeEnd").set(W + "id", "424242")

    _reports(
        _broken(seed, edit),
        r"w:id 424242 closes no open moveFromRangeStart",
        r"has no moveFromRangeEnd",
    )


def test_range_end_before_its_start(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        start = _one(root, "//w:moveToRangeStart")
        end = root.xpath(f"//w:moveToRangeEnd[@w:id='{start.get(W + 'id')}']", namespaces=NS)[0]
        end.getparent().remove(end)
        p = start.getparent()
        p.addprevious(end)

    _reports(_broken(seed, edit), r"closes no open moveToRangeStart", r"has no moveToRangeEnd")


def test_moved_text_outside_any_range(seed: Parts) -> None:
    """Without its range a w:moveFrom is, to Word, a plain deletion: the move is lost."""

    def edit(root: etree._Element) -> None:
        start = _one(root, "//w:moveFromRangeStart")
        rid = start.get(W + "id")
        start.getparent().remove(start)
        end = root.xpath(f"//w:moveFromRangeEnd[@w:id='{rid}']", namespaces=NS)[0]
        end.getparent().remove(end)

    _reports(_broken(seed, edit), r"w:moveFrom: moveFrom outside any moveFrom range")


@pytest.mark.parametrize("tag", ["moveFrom", "moveToRangeEnd"])
def test_name_only_on_range_starts(seed: Parts, tag: str) -> None:
    def edit(root: etree._Element) -> None:
        _one(root, f"//w:{tag}").set(W + "name", "move1")

    _reports(_broken(seed, edit), rf"w:{tag}.*: w:name belongs only on move range starts")


def test_t_inside_del(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        _one(root, "//w:del/w:r/w:delText").tag = W + "t"

    _reports(_broken(seed, edit), r"w:del/w:r/w:t: w:t inside w:del")


def test_t_inside_del_nested_in_a_move(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        moved = _one(root, "//w:moveFrom[w:r]")
        deletion = etree.SubElement(moved, W + "del", {W + "id": "90001", W + "author": "x"})
        deletion.set(W + "date", DATE)
        deletion.append(moved[0])

    _reports(_broken(seed, edit), r"w:moveFrom/w:del/w:r/w:t: w:t inside w:del")


def test_moved_from_text_stays_in_t(seed: Parts) -> None:
    """w:t inside w:moveFrom is right (Word's layout), w:delText there is not."""
    assert _one(etree.fromstring(seed[DOC]), "//w:moveFrom/w:r/w:t") is not None

    def edit(root: etree._Element) -> None:
        _one(root, "//w:moveFrom/w:r/w:t").tag = W + "delText"

    _reports(_broken(seed, edit), r"w:moveFrom/w:r/w:delText: w:delText outside any w:del")


def test_del_text_outside_del(seed: Parts) -> None:
    """superdoc PR #2102: Word repairs a w:delText outside a w:del."""

    def edit(root: etree._Element) -> None:
        _one(root, "//w:body/w:p/w:r/w:t").tag = W + "delText"

    _reports(
        _broken(seed, edit), r"w:p\[\d+\]/w:r(\[\d+\])?/w:delText: w:delText outside any w:del"
    )


@pytest.mark.parametrize("block", ["p", "hyperlink"])
def test_change_wrapping_a_block(seed: Parts, block: str) -> None:
    def edit(root: etree._Element) -> None:
        ins = _one(root, "//w:body/w:p/w:ins")
        inner = etree.SubElement(ins, W + block)
        inner.append(ins[0])

    _reports(_broken(seed, edit), rf"w:ins/w:{block}: w:{block} inside w:ins")


@pytest.mark.parametrize("kind", ["ins", "del", "moveFrom"])
def test_last_paragraph_mark_tracked(seed: Parts, kind: str) -> None:
    """The body's last mark cannot be removed (LibreOffice leaves an empty paragraph)."""

    def edit(root: etree._Element) -> None:
        ppr = _one(root, "//w:body/w:p[last()]/w:pPr")
        rpr = ppr.find(W + "rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, W + "rPr")
        etree.SubElement(rpr, W + kind, {W + "id": "90002", W + "author": "x", W + "date": DATE})

    _reports(
        _broken(seed, edit),
        rf"w:body/w:p\[\d+\]/w:pPr/w:rPr/w:{kind}: the last paragraph mark of a container",
    )


def test_last_paragraph_mark_of_a_footnote_tracked(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        ppr = _one(root, "//w:footnote[not(@w:type)]/w:p[last()]/w:pPr")
        rpr = etree.SubElement(ppr, W + "rPr")
        etree.SubElement(rpr, W + "ins", {W + "id": "90003", W + "author": "x", W + "date": DATE})

    _reports(_broken(seed, edit, NOTES), r"w:footnote\[\d+\]/w:p/w:pPr/w:rPr/w:ins: the last")


def test_body_ending_with_a_table(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        last = _one(root, "//w:body/w:p[last()]")
        last.addnext(
            etree.fromstring(f'<w:tbl xmlns:w="{W_NS}"><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>')
        )

    _reports(_broken(seed, edit), r"w:body: ends with w:tbl, not a paragraph")


def test_dropped_footnote(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        note = _one(root, "//w:footnote[@w:id='1']")
        note.getparent().remove(note)

    _reports(
        _broken(seed, edit, NOTES), r"w:footnoteReference: footnote 1 is not in word/footnotes"
    )


def test_footnote_reference_to_a_separator(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        _one(root, "//w:footnoteReference").set(W + "id", "0")

    _reports(
        _broken(seed, edit),
        r"refers to the continuationSeparator footnote",
        r"footnote \d+ is never referenced",
    )


def test_footnote_referenced_twice(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        second = _one(root, "//w:footnoteReference", 1)
        second.set(W + "id", _one(root, "//w:footnoteReference").get(W + "id"))

    _reports(_broken(seed, edit), r"footnote \d+ referenced 2 times")


def test_settings_name_a_missing_separator(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        sep = _one(root, "//w:footnote[@w:id='-1']")
        sep.getparent().remove(sep)

    _reports(_broken(seed, edit, NOTES), r"word/settings.xml: footnotePr names missing footnote -1")


def test_paragraph_mark_change_not_first(seed: Parts) -> None:
    """CT_ParaRPr: ins?, del?, moveFrom?, moveTo? before any run property."""

    def edit(root: etree._Element) -> None:
        _one(root, "//w:pPr/w:rPr[w:ins]").insert(0, etree.Element(W + "b"))

    _reports(_broken(seed, edit), r"w:pPr/w:rPr: w:ins/w:del/w:moveFrom/w:moveTo must come first")


def test_paragraph_mark_changes_out_of_order(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        rpr = _one(root, "//w:pPr/w:rPr[w:ins]")
        rpr.insert(0, etree.Element(W + "del", {W + "id": "90004", W + "author": "x"}))
        rpr[0].set(W + "date", DATE)

    _reports(_broken(seed, edit), r"must come first")


def test_mark_change_in_a_run(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        run = _one(root, "//w:body/w:p/w:r")
        rpr = etree.Element(W + "rPr")
        etree.SubElement(rpr, W + "ins", {W + "id": "90005", W + "author": "x", W + "date": DATE})
        run.insert(0, rpr)

    _reports(_broken(seed, edit), r"w:r(\[\d+\])?/w:rPr/w:ins: paragraph-mark change in a run")


def test_property_change_not_last(seed: Parts) -> None:
    def edit(root: etree._Element) -> None:
        ppr = _one(root, "//w:body/w:p/w:pPr")
        change = etree.Element(W + "pPrChange", {W + "id": "90006", W + "author": "x"})
        change.set(W + "date", DATE)
        etree.SubElement(change, W + "pPr")
        ppr.insert(0, change)

    _reports(_broken(seed, edit), r"w:pPrChange is not the last child of w:pPr")


def test_missing_part(seed: Parts) -> None:
    parts = {k: v for k, v in seed.items() if k != "word/numbering.xml"}
    _reports(check_package(_zip(parts)), r"relationship rId\d+ targets missing word/numbering.xml")


def test_part_with_the_wrong_or_no_content_type(seed: Parts) -> None:
    types = seed["[Content_Types].xml"].decode()
    without = re.sub(r'<Override PartName="/word/footnotes.xml"[^>]*/>', "", types)
    rels = (
        seed["word/_rels/document.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/image" Target="media/image1.png"/></Relationships>',
        )
    )
    parts = {
        **seed,
        "[Content_Types].xml": without.encode(),
        "word/_rels/document.xml.rels": rels.encode(),
        "word/media/image1.png": b"\x89PNG",
    }
    _reports(
        check_package(_zip(parts)),
        r"word/footnotes.xml has content type application/xml, not .*footnotes\+xml",
        r"word/media/image1.png has no content type",
    )


def test_not_well_formed_and_doctype(seed: Parts) -> None:
    bad = {**seed, "word/styles.xml": b"<w:styles"}
    _reports(check_package(_zip(bad)), r"word/styles.xml: not well-formed XML")
    evil = seed[DOC].replace(
        b"<w:document",
        b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document',
        1,
    )
    _reports(check_package(_zip({**seed, DOC: evil})), r"word/document.xml: has a DOCTYPE")


def test_not_a_package() -> None:
    _reports(check_package(b"not a zip"), r"cannot read the package")


def test_words_own_move_layout_is_clean(seed: Parts) -> None:
    """Word's own move layout: the first paragraph's moveFrom mark precedes the range
    start in the file, but the mark stands at the paragraph's end, inside the range."""
    attrs = f'w:author="Bot" w:date="{DATE}"'
    body = (
        f'<w:p><w:pPr><w:rPr><w:moveFrom w:id="10" {attrs}/></w:rPr></w:pPr>'
        f'<w:moveFromRangeStart w:id="11" {attrs} w:name="move1"/>'
        f'<w:moveFrom w:id="12" {attrs}><w:r><w:t>Clause B.</w:t></w:r></w:moveFrom></w:p>'
        '<w:moveFromRangeEnd w:id="11"/>'
        "<w:p><w:r><w:t>Clause A.</w:t></w:r></w:p>"
        f'<w:p><w:pPr><w:rPr><w:moveTo w:id="13" {attrs}/></w:rPr></w:pPr>'
        f'<w:moveToRangeStart w:id="14" {attrs} w:name="move1"/>'
        f'<w:moveTo w:id="15" {attrs}><w:r><w:t>Clause B.</w:t></w:r></w:moveTo></w:p>'
        '<w:moveToRangeEnd w:id="14"/>'
        "<w:p><w:r><w:t>End.</w:t></w:r></w:p>"
    )
    doc = f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    notes = seed[NOTES].split(b'<w:footnote w:id="1">')[0] + b"</w:footnotes>"
    parts = {**seed, DOC: doc.encode(), NOTES: notes}
    assert check_package(_zip(parts)) == []


def test_accepts_path_bytes_and_parts(tmp_path: Path) -> None:
    path = _seed("hrc-47-9.md", "hrc-46-13.txt", tmp_path)
    assert check_package(path) == []
    assert check_package(str(path)) == []
    assert check_package(path.read_bytes()) == []
    comparison = redline.compare(EXAMPLES / "hrc-47-9.md", EXAMPLES / "hrc-46-13.txt")
    assert check_package(docx_bytes(comparison, date=DATE)) == []


# -- (b) our files are clean --------------------------------------------------------------------
@pytest.mark.parametrize("moves", [True, False])
@pytest.mark.parametrize(
    ("old", "new"), [("hrc-46-13.txt", "hrc-47-9.md"), ("hrc-47-9.md", "hrc-46-13.txt")]
)
def test_seed_pair_is_clean(tmp_path: Path, old: str, new: str, moves: bool) -> None:
    assert check_package(_seed(old, new, tmp_path, moves)) == []


def _tracked_mark(p: etree._Element) -> str | None:
    found = p.xpath(
        "w:pPr/w:rPr/*[self::w:ins or self::w:del or self::w:moveFrom or self::w:moveTo]",
        namespaces=NS,
    )
    return etree.QName(found[0]).localname if found else None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions())
def test_hypothesis_revisions_are_clean(pair: tuple[Resolution, Resolution]) -> None:
    old, new = pair
    comparison = compare_resolutions(old, new)
    with tempfile.TemporaryDirectory() as folder:
        for moves in (True, False):
            path = redline.write_docx(comparison, Path(folder) / f"{moves}.docx", moves=moves)
            assert check_package(path) == [], moves


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    seeds = [redline.parse(EXAMPLES / "hrc-46-13.txt"), redline.parse(EXAMPLES / "hrc-47-9.md")]
    folder = tmp_path_factory.mktemp("generated")
    out = []
    for k, pair in enumerate(revision_pairs(seeds, count=30, seed=1)):
        comparison = compare_resolutions(pair.old, pair.new)
        for moves in (True, False):
            name = f"pair-{k:02d}-moves-{moves}"
            path = folder / f"{name}.docx"
            out.append((name, redline.write_docx(comparison, path, date=DATE, moves=moves)))
    return out


def test_generated_pairs_are_clean(generated: list[tuple[str, Path]]) -> None:
    assert len(generated) == 60
    found = {name: problems for name, path in generated if (problems := check_package(path))}
    assert found == {}


def test_last_mark_after_a_move_paragraph(tmp_path: Path) -> None:
    """Old: one operative paragraph T. New: preambular T, then operative T. The comparison
    moves T (operative -> preamble, moveTo then moveFrom) and inserts the operative T last;
    with moves=True the last paragraph keeps w:pPr/w:rPr/w:ins (moves=False is clean)."""
    text = "abcdefghij abcdefghij"
    old = Resolution(
        source="<old>", formula="", paragraphs=(Paragraph(Part.OPERATIVE, 1, text, number="1"),)
    )
    new = Resolution(
        source="<new>",
        formula="",
        paragraphs=(
            Paragraph(Part.PREAMBLE, 1, text),
            Paragraph(Part.OPERATIVE, 1, text, number="1"),
        ),
    )
    comparison = compare_resolutions(old, new)
    plain = redline.write_docx(comparison, tmp_path / "plain.docx", date=DATE, moves=False)
    assert check_package(plain) == []
    moved = redline.write_docx(comparison, tmp_path / "moved.docx", date=DATE, moves=True)
    assert check_package(moved) == []
