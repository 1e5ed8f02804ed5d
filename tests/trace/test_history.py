"""The history of a series: each paragraph's life across versions, chained from compare().

A hand-made series of three versions whose history is written out by hand below (never
produced by the code under test), a series of the shared corpus checked against its own
JSON (paragraphs whose folded words stand in every version) and against compare()'s own
matches, the three renderings, and the command line.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from corpus_text import folded, manifest_rows, structured_elements, write_corpus

import redline
from oracle import require_oracle, run_oracle
from redline import HistoryEvent, InputError, Op, Part, RedlineError
from redline.cli import main
from redline.history import (
    history_markdown,
    history_report,
    history_rows,
    series_files,
    write_history_docx,
)

V1 = """The Human Rights Council,

Recalling its resolution 1/1 of 1 January 2020 on the right to food,

Noting with concern the situation of refugees in the region,

Welcoming the report of the Special Rapporteur on the right to food,

1. Decides to continue its consideration of the matter at its next session;

2. Requests the Secretary-General to provide all the assistance necessary to the Special Rapporteur;

3. Calls upon all States to cooperate fully with the Special Rapporteur and the mandate;
"""
V2 = V1.replace("Noting with concern", "Noting with grave concern") + (
    "\n4. Encourages all relevant stakeholders to contribute to the work of the Special "
    "Rapporteur;\n"
)
V3 = """The Human Rights Council,

Recalling its resolution 1/1 of 1 January 2020 on the right to food,

Noting with grave concern the situation of refugees in the region,

1. Welcomes the report of the Special Rapporteur on the right to food;

2. Decides to continue its consideration of the matter at its next session;

3. Calls upon all States to cooperate fully with the Special Rapporteur and the mandate;

4. Encourages all relevant stakeholders to contribute to the work of the Special Rapporteur;
"""

A, K, C = HistoryEvent.APPEARED, HistoryEvent.KEPT, HistoryEvent.CHANGED
# Written by hand: per paragraph, per version (1-based): label, events, words removed, added.
EXPECTED = [
    [("PP1", {A}, [], []), ("PP1", {K}, [], []), ("PP1", {K}, [], [])],
    [("PP2", {A}, [], []), ("PP2", {C}, [], ["grave"]), ("PP2", {K}, [], [])],
    [
        ("PP3", {A}, [], []),
        ("PP3", {K}, [], []),
        ("OP1", {C, HistoryEvent.PART_CHANGED}, ["Welcoming", ","], ["Welcomes", ";"]),
    ],
    [("OP1", {A}, [], []), ("OP1", {K}, [], []), ("OP2", {HistoryEvent.RENUMBERED}, [], [])],
    [("OP2", {A}, [], []), ("OP2", {K}, [], []), ("", {HistoryEvent.DROPPED}, [], [])],
    [("OP3", {A}, [], []), ("OP3", {K}, [], []), ("OP3", {K}, [], [])],
    [None, ("OP4", {A}, [], []), ("OP4", {K}, [], [])],
]


def _words(edits: tuple[redline.Edit, ...], op: Op) -> list[str]:
    return [e.text.strip() for e in edits if e.op is op and e.text.strip()]


def test_a_hand_made_series_has_the_history_written_by_hand() -> None:
    h = redline.history([V1, V2, V3])
    assert len(h.versions) == 3 and len(h.comparisons) == 2
    got = []
    for life in h.paragraphs:
        row: list[tuple[str, set[HistoryEvent], list[str], list[str]] | None] = [None] * 3
        for s in life.stages:
            row[s.version] = (
                s.label,
                set(s.events),
                _words(s.edits, Op.DELETE),
                _words(s.edits, Op.INSERT),
            )
        got.append(row)
    assert got == EXPECTED
    welcoming = h.paragraphs[2]
    assert [s.part for s in welcoming.stages] == [Part.PREAMBLE, Part.PREAMBLE, Part.OPERATIVE]
    assert welcoming.last.text == (
        "Welcomes the report of the Special Rapporteur on the right to food;"
    )
    requests = h.paragraphs[4]
    assert (requests.appeared, requests.ended) == (0, 2)
    assert requests.last.label == "OP2" and requests.last.version == 1
    assert [life.appeared for life in h.paragraphs] == [0, 0, 0, 0, 0, 0, 1]
    assert [s.label for _, s in h.at(2)] == ["PP1", "PP2", "OP1", "OP2", "OP3", "OP4"]


ONE = """The Human Rights Council,

Recalling its resolution 1/1 of 1 January 2020 on the right to food,

1. Requests the Special Rapporteur to submit a report on the right to food to the Council at \
its fiftieth session, and also requests the Special Rapporteur to present an oral update on the \
situation of smallholder farmers in rural areas to the General Assembly at its seventy-ninth \
session;

2. Decides to continue its consideration of the matter at its next session;
"""
TWO = """The Human Rights Council,

Recalling its resolution 1/1 of 1 January 2020 on the right to food,

1. Requests the Special Rapporteur to submit a report on the right to food to the Council at \
its fiftieth session;

2. Also requests the Special Rapporteur to present an oral update on the situation of \
smallholder farmers in rural areas to the General Assembly at its seventy-ninth session;

3. Decides to continue its consideration of the matter at its next session;
"""


def _lives(h: redline.History) -> list[list[tuple[int, str, set[HistoryEvent], tuple[str, ...]]]]:
    return [
        [(s.version, s.label, set(s.events), s.with_) for s in life.stages] for life in h.paragraphs
    ]


def test_a_split_continues_in_its_first_part_and_starts_the_others() -> None:
    S, R = HistoryEvent.SPLIT, HistoryEvent.RENUMBERED
    assert _lives(redline.history([ONE, TWO])) == [  # written by hand
        [(0, "PP1", {A}, ()), (1, "PP1", {K}, ())],
        [(0, "OP1", {A}, ()), (1, "OP1", {S}, ("OP1", "OP2"))],
        [(0, "OP2", {A}, ()), (1, "OP3", {R}, ())],
        [(1, "OP2", {S}, ("OP1",))],
    ]


def test_a_merge_continues_its_first_part_and_ends_the_others() -> None:
    M, R = HistoryEvent.MERGED, HistoryEvent.RENUMBERED
    h = redline.history([TWO, ONE])
    assert _lives(h) == [  # written by hand
        [(0, "PP1", {A}, ()), (1, "PP1", {K}, ())],
        [(0, "OP1", {A}, ()), (1, "OP1", {M}, ("OP1", "OP2"))],
        [(0, "OP2", {A}, ()), (1, "OP1", {M}, ("OP1", "OP2"))],
        [(0, "OP3", {A}, ()), (1, "OP2", {R}, ())],
    ]
    assert [life.ended for life in h.paragraphs] == [None, None, 1, None]


def test_a_series_is_read_in_date_order_and_each_symbol_once(tmp_path: Path) -> None:
    for name in ("b.txt", "b.md", "a.txt", "c.txt"):
        (tmp_path / name).write_text(V1, encoding="utf-8")
    (tmp_path / "MANIFEST.csv").write_text(
        "path,symbol,date,series\n"
        "c.txt,A/RES/3,2024-01-01,S\n"
        "b.txt,A/RES/2,2023-01-01,S\n"
        "b.md,A/RES/2,2023-01-01,S\n"
        "a.txt,A/RES/1,2022-01-01,S\n"
        "x.txt,A/RES/9,2021-01-01,T\n",
        encoding="utf-8",
    )
    names = [p.name for p in series_files("S", tmp_path)]
    assert names == ["a.txt", "b.md", "c.txt"]  # b.md sorts before b.txt: one of A/RES/2


def test_the_renderings_say_the_same_history() -> None:
    h = redline.history([V1, V2, V3])
    data = history_report(h)
    assert data["version"] == 1
    assert [v["version"] for v in data["versions"]] == [1, 2, 3]
    welcoming = data["paragraphs"][2]
    assert welcoming["labels"] == ["PP3", "PP3", "OP1"]
    assert welcoming["stages"][2]["events"] == ["changed", "part changed"]
    assert ["-", "Welcoming"] in welcoming["stages"][2]["diff"]
    assert ["+", "Welcomes"] in welcoming["stages"][2]["diff"]
    assert data["paragraphs"][4]["ended"] == 3
    assert data["paragraphs"][6]["labels"] == [None, "OP4", "OP4"]
    assert json.dumps(data) == json.dumps(history_report(redline.history([V1, V2, V3])))
    rows = history_rows(h)
    assert len(rows) == 3 * 6 + 2  # six paragraphs in v1..v3, OP4 in v2 and v3
    noting = [r for r in rows if r["paragraph"] == "2" and r["version"] == "2"]
    assert noting[0]["events"] == "changed" and noting[0]["added"] == "grave"
    markdown = history_markdown(h)
    assert "~~Welcoming~~" in markdown and "**Welcomes**" in markdown
    assert "| v3 <version 3> | OP1 | changed, part changed |" in markdown.replace("\\", "")
    assert "| v3 <version 3> | — | dropped |  |" in markdown.replace("\\", "")


def test_a_version_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "A-RES-79-1.txt"
    with pytest.raises(RedlineError, match=re.escape("A-RES-79-1.txt")):
        redline.history([V1, missing])


def test_an_unknown_series_names_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "MANIFEST.csv").write_text("path,symbol,date,series\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape("MANIFEST.csv")) as caught:
        series_files("GA: No such series", tmp_path)
    assert "is not in the manifest" in str(caught.value)


_SUB = re.compile(r"^\([a-z]{1,2}\)$|^\([ivx]+\)$")
"""A sub-paragraph's prefix: (a), (ii)."""
SERIES = "HRC: Enhancement of international cooperation in the field of human rights"
"""Five resolutions in the shared corpus's structured/ JSON; the last three are taken."""


@pytest.fixture(scope="module")
def series(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    rows = [
        r
        for r in manifest_rows(shared_dir)
        if r["series"] == SERIES and r["path"].startswith("structured/")
    ]
    rows = sorted(rows, key=lambda r: r["date"])[-3:]
    assert [r["symbol"] for r in rows] == ["A/HRC/RES/50/4", "A/HRC/RES/53/11", "A/HRC/RES/56/2"]
    folder = write_corpus(shared_dir, tmp_path_factory.mktemp("series"), rows)
    return [
        {**r, "file": str(folder / "structured" / (Path(r["path"]).stem + ".txt"))} for r in rows
    ]


def test_a_corpus_series_keeps_the_paragraphs_its_json_keeps(
    shared_dir: Path, series: list[dict[str, str]]
) -> None:
    h = redline.history([Path(r["file"]) for r in series])
    # From the JSON alone: paragraph texts held once by each of the three versions.
    texts = []
    for r in series:
        elements = structured_elements(shared_dir / "corpus" / r["path"])
        texts.append(
            [
                folded(e["text"])
                for e in elements
                if e.get("paragraph_type")  # preambular or operative (the formula is neither)
                and folded(e.get("text") or "") != "the human rights council,"
                and not _SUB.match(e.get("prefix") or "")
            ]
        )
    everywhere = [t for t in texts[0] if all(v.count(t) == 1 for v in texts)]
    assert len(everywhere) >= 10
    for text in everywhere:
        lives = [
            life
            for life in h.paragraphs
            if any(s.present and folded(s.text) == text for s in life.stages)
        ]
        assert len(lives) == 1, text[:60]
        stages = lives[0].stages
        assert [s.version for s in stages] == [0, 1, 2], text[:60]
        assert all(folded(s.text) == text for s in stages), text[:60]
        assert all(HistoryEvent.CHANGED not in s.events for s in stages), text[:60]


def test_a_corpus_series_follows_compare_s_own_matches(series: list[dict[str, str]]) -> None:
    paths = [Path(r["file"]) for r in series]
    h = redline.history(paths)
    for k in range(2):
        data = redline.report(redline.compare(paths[k], paths[k + 1]))
        pairs = {(o, n) for m in data["matches"] for o in m["old"] for n in m["new"]}
        modified = sum(1 for m in data["matches"] if m["kind"] == "modified")
        dropped = sum(1 for m in data["matches"] if m["kind"] == "deleted")
        followed, changed, ended = set(), 0, 0
        for life in h.paragraphs:
            here = {s.version: s for s in life.stages}
            if k in here and k + 1 in here and here[k + 1].present:
                followed.add((here[k].label, here[k + 1].label))
                changed += HistoryEvent.CHANGED in here[k + 1].events
            if k + 1 in here and HistoryEvent.DROPPED in here[k + 1].events:
                ended += 1
        assert followed <= pairs
        assert changed == modified
        assert ended == sum(len(m["old"]) for m in data["matches"] if m["kind"] == "deleted")
        assert dropped <= ended
        # every paragraph of the later version stands in exactly one life
        standing = [
            s.label
            for life in h.paragraphs
            for s in life.stages
            if s.version == k + 1 and s.present
        ]
        labels = [p.label for p in redline.parse(paths[k + 1]).paragraphs]
        assert sorted(standing) == sorted(labels) and len(set(labels)) == len(labels)


def test_the_command_writes_the_three_renderings(tmp_path: Path) -> None:
    files = []
    for k, text in enumerate((V1, V2, V3), 1):
        files.append(tmp_path / f"v{k}.txt")
        files[-1].write_text(text, encoding="utf-8")
    out = {s: tmp_path / f"h.{s}" for s in ("json", "csv", "md")}
    argv = ["history", *map(str, files), "--json", str(out["json"]), "--csv", str(out["csv"])]
    assert main([*argv, "--markdown", str(out["md"]), "-q"]) == 0
    data = json.loads(out["json"].read_text(encoding="utf-8"))
    assert data["paragraphs"][2]["labels"] == ["PP3", "PP3", "OP1"]
    with out["csv"].open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == 20
    assert out["md"].read_text(encoding="utf-8").startswith("# History of ")


def test_the_command_takes_a_series_from_the_corpus_manifest(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = shared_dir / "corpus"
    assert main(["history", "--series", "SC: Haiti (keyword guess)", "--corpus", str(corpus)]) == 0
    said = capsys.readouterr().out.splitlines()
    # the manifest's six Haiti resolutions of 1993, in date order (written from the manifest)
    assert said[:6] == [
        "v1 S/RES/841 (1993) (1993-06-16)",
        "v2 S/RES/861 (1993) (1993-08-27)",
        "v3 S/RES/862 (1993) (1993-08-31)",
        "v4 S/RES/867 (1993) (1993-09-23)",
        "v5 S/RES/873 (1993) (1993-10-13)",
        "v6 S/RES/875 (1993) (1993-10-16)",
    ]


def test_the_command_refuses_half_a_series(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--series", "SC: Haiti (keyword guess)"]) == 2
    assert "--series and --corpus go together" in capsys.readouterr().err


_WNS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _commented(path: Path) -> dict[str, str]:
    """Each commented paragraph's text and its comment, read with the standard library."""
    with zipfile.ZipFile(path) as z:
        document = ElementTree.fromstring(z.read("word/document.xml"))
        comments = ElementTree.fromstring(z.read("word/comments.xml"))
    said = {
        c.get(_WNS + "id"): "\n".join(
            "".join(t.text or "" for t in p.iter(_WNS + "t")) for p in c.iter(_WNS + "p")
        )
        for c in comments.iter(_WNS + "comment")
    }
    out = {}
    for p in document.iter(_WNS + "p"):
        start = p.find(_WNS + "commentRangeStart")
        if start is not None:
            out["".join(t.text or "" for t in p.iter(_WNS + "t"))] = said[start.get(_WNS + "id")]
    return out


def test_the_latest_version_carries_each_paragraph_s_history_as_a_comment(tmp_path: Path) -> None:
    h = redline.history([V1, V2, V3])
    first, again = tmp_path / "a.docx", tmp_path / "b.docx"
    write_history_docx(h, first)
    write_history_docx(h, again)
    assert first.read_bytes() == again.read_bytes()
    commented = _commented(first)
    assert len(commented) == 6  # every paragraph of v3, none of the dropped one
    assert commented["Welcomes the report of the Special Rapporteur on the right to food;"] == (
        "History of OP1 (3 versions):\n"
        "v1 <version 1> (undated) PP3: appeared\n"
        "v2 <version 2> (undated) PP3: kept\n"
        "v3 <version 3> (undated) OP1: changed, part changed; removed: Welcoming … ,; "
        "added: Welcomes … ;"
    )
    assert commented[
        "Encourages all relevant stakeholders to contribute to the work of the Special Rapporteur;"
    ] == (
        "History of OP4 (3 versions):\n"
        "v2 <version 2> (undated) OP4: appeared\n"
        "v3 <version 3> (undated) OP4: kept"
    )


@pytest.mark.oracle
def test_the_commented_docx_opens_in_libreoffice_unchanged(tmp_path: Path) -> None:
    require_oracle()
    h = redline.history([V1, V2, V3])
    commented, plain = tmp_path / "commented.docx", tmp_path / "plain.docx"
    write_history_docx(h, commented)
    latest = redline.parse(V3)
    redline.write_docx(redline.compare(latest, latest), plain, date="2026-01-01T00:00:00Z")
    seen = run_oracle([commented, plain])
    c, p = seen[str(commented)], seen[str(plain)]
    assert c["loaded"] and c["redlines"] == {} and c["accept"]["remaining"] == 0
    assert c["accept"]["structure"]["fields"] == {"Annotation": 6}
    assert c["accept"]["body"] == c["reject"]["body"] == p["accept"]["body"]
    assert c["accept"]["numbers"] == p["accept"]["numbers"]


def test_every_paragraph_is_commented_when_the_numbers_are_typed_in(
    shared_dir: Path, tmp_path: Path
) -> None:
    # 80/3 numbers its paragraphs with gaps, so the writer types "1.\t" before each.
    source = shared_dir / "corpus" / "markdown" / "A_RES_80_3.md"
    h = redline.history([source], manifest=shared_dir / "corpus" / "MANIFEST.csv")
    assert h.versions[0].symbol_from == "manifest"  # the Markdown's header has no symbol
    write_history_docx(h, tmp_path / "h.docx")
    commented = _commented(tmp_path / "h.docx")
    paragraphs = redline.parse(source).paragraphs
    assert len(commented) == len(paragraphs) > 10
    endorses = next(t for t in commented if "Endorses the political declaration" in t)
    assert endorses.startswith("1.Endorses")  # the number, a tab (not a w:t), the text
    assert commented[endorses].startswith("History of OP1 (1 version):\nv1 A/RES/80/3 ")
