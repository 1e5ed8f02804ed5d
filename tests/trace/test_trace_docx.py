"""The trace in Word: the draft commented with each paragraph's closest precedent, and the
redline from each paragraph's precedent to the draft (`redline trace ... -o FILE.docx
[--redline-against-precedent]`).

Expected texts never come from the writer: the precedents' words are read from the corpus
files (a hand-written corpus below, or the seed 46/13 by the labels the trace names, each
checked to stand in the file's raw text), the draft's from the draft file itself.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import redline
from oracle import require_oracle, run_oracle
from redline import Part, Standing
from redline.cli import main
from redline.trace import (
    CorpusParagraph,
    CorpusResolution,
    ParagraphTrace,
    Precedent,
    precedent_side,
    trace_comment,
    write_trace_docx,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WORD = ROOT / "tests" / "fixtures" / "docx"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = "2026-01-01T00:00:00Z"

CORPUS_98_5 = """United Nations A/HRC/RES/98/5

Human Rights Council
Ninety-eighth session
Agenda item 3

Resolution adopted by the Human Rights Council on 1 April 2029

98/5. Testing precedents

The Human Rights Council,

Noting the report of the Special Rapporteur on international cooperation,

Welcoming the contributions of States and of civil society, and the work of the treaty bodies,

Recognizing that the universal periodic review is a cooperative mechanism based on reliable \
information,

1. Decides to hold an intersessional meeting on the matter in New York;

2. Requests the High Commissioner to report to the Council at its next session;

3. Requests the Secretary-General:

(a) To report to the Council at its next session;

(b) To consult Member States;

4. Decides to remain seized of the matter.
"""
"""A corpus resolution written by hand: some of notes-para-moved.docx's paragraphs word for
word, some edited, and one with sub-paragraphs for subparagraphs.docx."""

# Reject All of each draft's precedent redline, read off CORPUS_98_5 by hand: each paragraph
# of the draft with a precedent there, in the draft's order, as the corpus words it.
REJECTED_98_5 = {
    "notes-para-moved": [
        "Noting the report of the Special Rapporteur on international cooperation,",
        "Welcoming the contributions of States and of civil society, and the work of the "
        "treaty bodies,",
        "Recognizing that the universal periodic review is a cooperative mechanism based on "
        "reliable information,",
        "Decides to hold an intersessional meeting on the matter in New York;",
        "Requests the High Commissioner to report to the Council at its next session;",
        "Decides to remain seized of the matter.",
    ],
    "subparagraphs": [
        "Requests the Secretary-General:",
        "To report to the Council at its next session;",
        "To consult Member States;",
        "Decides to remain seized of the matter.",
    ],
}
FORMULA = "The Human Rights Council,"
_LABEL = re.compile(r"^\(?[a-z]\)?\t")
"""A sub-paragraph's letter as a redline types it before its text ("a\\t"): not its words."""


def _words(text: str) -> str:
    return " ".join(text.split())


def _comments(path: Path) -> dict[str, str]:
    """Each commented paragraph's text (as Accept All shows it) -> its comment."""
    with zipfile.ZipFile(path) as z:
        document = etree.fromstring(z.read("word/document.xml"))
        comments = etree.fromstring(z.read("word/comments.xml"))
    said = {
        c.get(_W + "id"): "\n".join("".join(t.text or "" for t in p.iter(_W + "t")) for p in c)
        for c in comments
    }
    out = {}
    for p in document.iter(_W + "p"):
        start = p.find(_W + "commentRangeStart")
        if start is not None:
            text = "".join(
                t.text or ""
                for t in p.iter(_W + "t")
                if not any(a.tag in (_W + "del", _W + "moveFrom") for a in t.iterancestors())
            )
            out[_words(text)] = said[start.get(_W + "id")]
    return out


def _without_comments(data: bytes) -> bytes:
    """A document part with every comment anchor taken out, canonical (C14N)."""
    root = etree.fromstring(data)
    for name in ("commentRangeStart", "commentRangeEnd"):
        for e in list(root.iter(_W + name)):
            e.getparent().remove(e)
    for ref in list(root.iter(_W + "commentReference")):
        run = ref.getparent()
        run.getparent().remove(run)
    return etree.tostring(root, method="c14n")


def _part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def _precedent(symbol: str, label: str, text: str, similarity: float) -> Precedent:
    res = CorpusResolution("x.txt", symbol, "2015-09-25", "s", "header", "header", "manifest")
    held = CorpusParagraph(res, Part.OPERATIVE, label, "", "", text)
    return Precedent(held, similarity, similarity == 1.0, ())


def _traced(
    standing: Standing, precedents: tuple[Precedent, ...] = (), **kw: Any
) -> ParagraphTrace:
    earliest = kw.pop("earliest", None)
    return ParagraphTrace(
        Part.OPERATIVE, "OP3", "3", "text", standing, precedents, earliest, earliest,
        kw.pop("resolutions", len(precedents)), kw.pop("series", 1),
    )  # fmt: skip


def test_the_comment_says_where_the_paragraph_comes_from() -> None:
    agreed = _precedent("A/RES/79/166", "OP3", "text", 1.0)
    since = _precedent("A/RES/70/1", "OP9", "text", 1.0)
    other = _precedent("A/RES/78/1", "PP2", "text.", 0.96)
    assert trace_comment(_traced(Standing.AGREED, (agreed, other), earliest=since)) == (
        "agreed language: A/RES/79/166, OP3 — 100\u00a0%; since A/RES/70/1 (2015)\n"
        "also: A/RES/78/1, PP2 (96\u00a0%)"
    )
    near = _precedent("A/RES/79/166", "OP3", "text.", 0.96)
    assert trace_comment(_traced(Standing.NEAR, (near,), earliest=near)) == (
        "near agreed language: A/RES/79/166, OP3 — 96\u00a0%; since A/RES/79/166 (2015, near)"
    )
    edited = _precedent("A/HRC/RES/46/13", "PP10", "other words", 0.63)
    assert trace_comment(_traced(Standing.PRECEDENT, (edited,))) == (
        "closest precedent: A/HRC/RES/46/13, PP10 — 63\u00a0%"
    )
    assert trace_comment(_traced(Standing.NEW)) == "new language"
    formula = _traced(Standing.FORMULA, (agreed,), resolutions=134, series=26)
    assert trace_comment(formula) == "standard formula (found in 134 resolutions of 26 series)"


@pytest.fixture(scope="module")
def seeds() -> redline.Trace:
    return redline.trace(EXAMPLES / "hrc-47-9.md", [EXAMPLES / "hrc-46-13.txt"])


def test_every_paragraph_of_the_draft_carries_its_precedent(
    seeds: redline.Trace, tmp_path: Path
) -> None:
    first, again = tmp_path / "a.docx", tmp_path / "b.docx"
    write_trace_docx(seeds, first)
    write_trace_docx(seeds, again)
    assert first.read_bytes() == again.read_bytes()
    commented = _comments(first)
    draft = redline.parse(EXAMPLES / "hrc-47-9.md")
    assert len(commented) == len(draft.paragraphs) == 70
    # read by hand from the two texts (tests/trace/test_trace_seeds.py): 47/9's OP17 is
    # 46/13's OP4 edited; its PP1 is in no paragraph of 46/13
    op17 = next(p for p in draft.paragraphs if p.label == "OP17")
    assert commented[_words(op17.text)].startswith("closest precedent: A/HRC/RES/46/13, OP4 — ")
    assert commented[_words(draft.paragraphs[0].text)] == "new language"


def test_the_commented_draft_is_the_uncommented_document_with_comments_only(
    seeds: redline.Trace, tmp_path: Path
) -> None:
    """The text draft: its clean document; a .docx draft: the drafter's own file."""
    write_trace_docx(seeds, tmp_path / "text.docx")
    draft = redline.parse(EXAMPLES / "hrc-47-9.md")
    redline.write_docx(redline.compare(draft, draft), tmp_path / "plain.docx", date=DATE)
    word = redline.trace(WORD / "hrc-47-9.docx", [WORD / "hrc-46-13.docx"])
    write_trace_docx(word, tmp_path / "word.docx")
    for commented, uncommented in (
        (tmp_path / "text.docx", tmp_path / "plain.docx"),
        (tmp_path / "word.docx", WORD / "hrc-47-9.docx"),
    ):
        body = _without_comments(_part(commented, "word/document.xml"))
        assert body == etree.tostring(
            etree.fromstring(_part(uncommented, "word/document.xml")), method="c14n"
        )
        notes = _part(commented, "word/footnotes.xml")
        assert etree.tostring(etree.fromstring(notes), method="c14n") == etree.tostring(
            etree.fromstring(_part(uncommented, "word/footnotes.xml")), method="c14n"
        )


def test_a_draft_s_own_comments_are_kept(tmp_path: Path) -> None:
    """A drafter's file holding a comment of its own: the trace's comments are added."""
    own = tmp_path / "own.docx"
    with zipfile.ZipFile(WORD / "notes-para-moved.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts["word/comments.xml"] = (
        f'<w:comments xmlns:w="{w}"><w:comment w:id="7" w:author="Drafter" '
        'w:date="2026-01-01T00:00:00Z"><w:p><w:r><w:t>check with capital</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    ).encode()
    document = etree.fromstring(parts["word/document.xml"])
    first = next(p for p in document.iter(f"{{{w}}}p") if "Noting" in "".join(p.itertext()))
    ref = etree.SubElement(etree.SubElement(first, f"{{{w}}}r"), f"{{{w}}}commentReference")
    ref.set(f"{{{w}}}id", "7")
    parts["word/document.xml"] = etree.tostring(document)
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rId99" Type="{kind}" Target="comments.xml"/></Relationships>'.encode(),
    )
    ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/word/comments.xml" ContentType="{ctype}"/></Types>'.encode(),
    )
    with zipfile.ZipFile(own, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    corpus = tmp_path / "a98-5.txt"
    corpus.write_text(CORPUS_98_5, encoding="utf-8")
    write_trace_docx(redline.trace(own, [corpus]), tmp_path / "out.docx")
    comments = etree.fromstring(_part(tmp_path / "out.docx", "word/comments.xml"))
    ids = [c.get(_W + "id") for c in comments]
    texts = ["".join(c.itertext()) for c in comments]
    assert len(ids) == len(set(ids)) == 1 + 9
    assert texts[0] == "check with capital"
    assert texts[1].startswith("agreed language: A/HRC/RES/98/5, PP1 — 100\u00a0%")


def test_the_command_writes_the_docx_and_refuses_the_redline_without_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, corpus = str(EXAMPLES / "hrc-47-9.md"), str(EXAMPLES / "hrc-46-13.txt")
    out = tmp_path / "t.docx"
    assert main(["trace", draft, corpus, "-o", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"wrote {out}"
    assert len(_comments(out)) == 70
    assert main(["trace", draft, corpus, "--redline-against-precedent"]) == 2
    assert "--redline-against-precedent needs -o" in capsys.readouterr().err
    assert not (tmp_path / "t2.docx").exists()


def test_a_precedent_whose_file_changed_is_written_as_the_trace_read_it(tmp_path: Path) -> None:
    """The precedents are read again from their files; a file changed since the trace (or
    gone) gives the words the trace scored, sub-paragraphs one a line."""
    corpus = tmp_path / "a98-5.txt"
    corpus.write_text(CORPUS_98_5, encoding="utf-8")
    moved = redline.trace(WORD / "notes-para-moved.docx", [corpus])
    subs = redline.trace(WORD / "subparagraphs.docx", [corpus])
    corpus.write_text(CORPUS_98_5.replace("New York", "Nairobi"), encoding="utf-8")
    assert moved.resolution is not None and subs.resolution is not None
    old = precedent_side(moved, moved.resolution)
    assert [p.full_text for p in old.paragraphs] == REJECTED_98_5["notes-para-moved"]
    assert [p.label for p in old.paragraphs] == ["PP1", "PP2", "PP3", "OP1", "OP2", "OP3"]
    corpus.unlink()
    old = precedent_side(subs, subs.resolution)
    assert [p.full_text for p in old.paragraphs] == [
        "Requests the Secretary-General:\na To report to the Council at its next session;\n"
        "b To consult Member States;",
        "Decides to remain seized of the matter.",
    ]


def _expected_46_13(t: redline.Trace, corpus: Path) -> list[str]:
    """Each precedent's words in the draft's order, read from the corpus file by the label
    the trace names (and checked to stand in its raw text)."""
    held = {p.label: p for p in redline.parse(corpus).paragraphs}
    # the raw text, its leads' emphasis (*Emphasizes*) aside
    raw = corpus.read_text(encoding="utf-8").replace("*", "") if corpus.suffix == ".txt" else None
    expected = []
    for p in t.paragraphs:
        if p.precedents:
            best = p.precedents[0]
            assert best.symbol == "A/HRC/RES/46/13"
            text = held[best.paragraph.label].text
            assert raw is None or _words(text) in _words(raw)
            expected.append(text)
    return expected


@pytest.fixture(scope="module")
def viewed(seeds: redline.Trace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every file of the oracle tests written, and opened by LibreOffice in one run."""
    require_oracle()
    folder = tmp_path_factory.mktemp("trace-docx")
    corpus = folder / "a98-5.txt"
    corpus.write_text(CORPUS_98_5, encoding="utf-8")
    cases: dict[str, tuple[redline.Trace, Path, list[str]]] = {
        "text": (seeds, folder / "plain.docx", _expected_46_13(seeds, EXAMPLES / "hrc-46-13.txt"))
    }
    draft = redline.parse(EXAMPLES / "hrc-47-9.md")
    redline.write_docx(redline.compare(draft, draft), cases["text"][1], date=DATE)
    word = redline.trace(WORD / "hrc-47-9.docx", [WORD / "hrc-46-13.docx"])
    cases["hrc-47-9"] = (
        word,
        WORD / "hrc-47-9.docx",
        _expected_46_13(word, WORD / "hrc-46-13.docx"),
    )
    for name, rejected in REJECTED_98_5.items():
        cases[name] = (
            redline.trace(WORD / f"{name}.docx", [corpus]),
            WORD / f"{name}.docx",
            rejected,
        )
    files = []
    for name, (t, original, _) in cases.items():
        shutil.copy(original, folder / f"{name}.original.docx")  # never open the fixture itself
        write_trace_docx(t, folder / f"{name}.commented.docx")
        write_trace_docx(t, folder / f"{name}.redline.docx", against_precedent=True)
        files += [folder / f"{name}.{kind}.docx" for kind in ("original", "commented", "redline")]
    seen = run_oracle(files)
    kinds = ("original", "commented", "redline")
    return {
        name: {kind: seen[str(folder / f"{name}.{kind}.docx")] for kind in kinds}
        | {"trace": t, "rejected": rejected}
        for name, (t, _, rejected) in cases.items()
    }


CASES = ["text", "hrc-47-9", "notes-para-moved", "subparagraphs"]


@pytest.mark.oracle
@pytest.mark.parametrize("case", CASES)
def test_the_commented_draft_opens_as_the_draft(viewed: dict[str, Any], case: str) -> None:
    v = viewed[case]
    c, original = v["commented"], v["original"]
    assert c["loaded"] and c["redlines"] == {} and c["accept"]["remaining"] == 0
    assert c["accept"]["body"] == c["reject"]["body"] == original["accept"]["body"]
    assert c["accept"]["numbers"] == original["accept"]["numbers"]
    commented = len(v["trace"].paragraphs)  # every paragraph of the draft carries one
    assert c["accept"]["structure"]["fields"].get("Annotation") == commented
    # LibreOffice 7.4 reads the notes of a document whose noted paragraphs hold comments
    # in the wrong order (its own export of such a document too); their number it keeps.
    # That the notes are the draft's is checked on the package (test above).
    assert len(c["accept"]["footnotes"]) == len(original["accept"]["footnotes"])


@pytest.mark.oracle
@pytest.mark.parametrize("case", CASES)
def test_the_precedent_redline_rejects_to_the_precedents(viewed: dict[str, Any], case: str) -> None:
    v = viewed[case]
    r, original, t = v["redline"], v["original"], v["trace"]
    assert r["loaded"] and r["accept"]["remaining"] == r["reject"]["remaining"] == 0
    assert r["accept"]["body"] == original["accept"]["body"]  # Accept All: the draft
    assert r["accept"]["structure"]["fields"].get("Annotation") == len(t.paragraphs)
    with_precedent = sum(1 for p in t.paragraphs if p.precedents)
    # a paragraph of new language is inserted whole: its comment goes with it
    assert r["reject"]["structure"]["fields"].get("Annotation") == with_precedent
    body = r["reject"]["body"]
    after = body[body.index(FORMULA) + 1 :]
    expected = [_words(x) for x in v["rejected"]]
    assert [_words(_LABEL.sub("", x)) for x in after[: len(expected)]] == expected
    new = {_words(p.text) for p in t.paragraphs if not p.precedents}
    assert not new & {_words(x) for x in body}  # Reject All leaves new language out
    assert r["reject"]["footnotes"] == []  # the precedents' notes are not carried
