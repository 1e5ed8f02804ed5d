"""The corpus index on disk: built once, reused after a restart, refreshed when a file
changes, and the `redline trace` command over it."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

import redline
from redline import Standing
from redline.cli import main
from redline.errors import InputError, OptionError, OutputError
from redline.trace import trace_report
from redline.trace._store import open_store, refresh

OLD = "The General Assembly,\n\n1. Calls upon all States to protect the {} of the child;\n"
DRAFT = "The General Assembly,\n\n1. Calls upon all States to protect the rights of the child;\n"


def _write(path: Path, text: str, *, later_by_s: int = 0) -> None:
    path.write_text(text, encoding="utf-8")
    if later_by_s:  # an mtime surely different from the last write's
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + later_by_s * 10**9))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _write(folder / "a.txt", OLD.format("well-being"))
    _write(folder / "b.txt", "The General Assembly,\n\n1. Decides to meet again in 2030;\n")
    return folder


def test_index_is_reused_and_refreshed_on_a_changed_file(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    files = sorted(corpus.glob("*.txt"))
    conn = open_store(index)
    assert refresh(conn, files) == 2
    conn.close()
    conn = open_store(index)  # a restart: the index on disk is still current
    assert refresh(conn, files) == 0
    _write(corpus / "a.txt", OLD.format("well-being"), later_by_s=5)  # same bytes, new mtime
    assert refresh(conn, files) == 0
    _write(corpus / "a.txt", OLD.format("rights"), later_by_s=10)
    assert refresh(conn, files) == 1
    conn.close()


def test_trace_sees_the_changed_file_through_the_index(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    before = redline.trace(DRAFT, [corpus], index=index)
    assert before.paragraphs[0].standing is Standing.PRECEDENT  # "well-being" vs "rights"
    _write(corpus / "a.txt", OLD.format("rights"), later_by_s=10)
    after = redline.trace(DRAFT, [corpus], index=index)
    assert after.paragraphs[0].standing is Standing.AGREED
    assert after.paragraphs[0].earliest is not None
    assert after.paragraphs[0].earliest.symbol.endswith("a.txt")  # no symbol: its path
    assert after.paragraphs[0].earliest.paragraph.resolution.symbol_from == "path"


def test_a_missing_corpus_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nowhere"):
        redline.trace(DRAFT, [tmp_path / "nowhere"])


def test_the_command_writes_json_and_csv(corpus: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    _write(draft, DRAFT)
    _write(corpus / "a.txt", OLD.format("rights"), later_by_s=10)
    report, table = tmp_path / "trace.json", tmp_path / "trace.csv"
    args = ["trace", str(draft), str(corpus), "--index", str(tmp_path / "i.sqlite")]
    status = main([*args, "--report", str(report), "--csv", str(table), "-q"])
    assert status == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["corpus"]["resolutions"] == 2
    (para,) = data["paragraphs"]
    assert para["standing"] == "agreed" and para["precedents"][0]["similarity"] == 1.0
    with table.open(encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["label"] == "OP1" and row["standing"] == "agreed"
    # the index built before is the corpus when none is named
    assert main(["trace", str(draft), "--index", str(tmp_path / "i.sqlite"), "-q"]) == 0


def test_the_command_names_a_missing_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    _write(draft, DRAFT)
    assert main(["trace", str(draft), str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and "no such file or folder" in err


@pytest.mark.parametrize(("option", "value"), [("threshold", 0.0), ("threshold", 1.5), ("top", 0)])
def test_a_bad_option_is_refused_before_any_file_is_read(
    tmp_path: Path, option: str, value: float
) -> None:
    with pytest.raises(OptionError) as caught:
        redline.trace(tmp_path / "no-draft.txt", [tmp_path / "nowhere"], **{option: value})
    assert caught.value.option == option


def test_an_index_that_is_not_sqlite_is_named(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    index.write_text("not a database, " * 100, encoding="utf-8")
    with pytest.raises(OutputError, match=r"index\.sqlite: cannot open the trace index"):
        redline.trace(DRAFT, [corpus], index=index)


def test_the_trace_is_deterministic(corpus: Path, tmp_path: Path) -> None:
    first = trace_report(redline.trace(DRAFT, [corpus], index=tmp_path / "i.sqlite"))
    second = trace_report(redline.trace(DRAFT, [corpus]))  # in memory, built afresh
    assert json.dumps(first) == json.dumps(second)


def test_a_comma_apart_is_near_and_says_so(corpus: Path) -> None:
    # a.txt holds "Calls upon all States to protect the well-being of the child;": the draft
    # adds a comma, so every word is kept but the text is not identical after folding
    draft = OLD.format("well-being").replace("all States to", "all States, to")
    (t,) = redline.trace(draft, [corpus]).paragraphs
    assert t.standing is Standing.NEAR
    assert t.earliest is not None and t.earliest.near and t.earliest.similarity == 1.0


def test_an_index_named_alone_keeps_the_manifest_series(corpus: Path, tmp_path: Path) -> None:
    (corpus / "MANIFEST.csv").write_text(
        "path,symbol,date,series\na.txt,A/RES/1/1,2001-01-01,Children\n"
        "b.txt,A/RES/2/2,2002-02-02,Meetings\n",
        encoding="utf-8",
    )
    _write(corpus / "a.txt", OLD.format("rights"), later_by_s=10)
    index = tmp_path / "index.sqlite"
    with_corpus = redline.trace(DRAFT, [corpus], index=index).paragraphs[0].earliest
    alone = redline.trace(DRAFT, [], index=index).paragraphs[0].earliest
    for earliest in (with_corpus, alone):
        assert earliest is not None
        res = earliest.paragraph.resolution
        assert (res.symbol, res.symbol_from) == ("A/RES/1/1", "manifest")
        assert (res.date, res.date_from) == ("2001-01-01", "manifest")
        assert (res.series, res.series_from) == ("Children", "manifest")


def test_before_leaves_out_what_came_after(corpus: Path, tmp_path: Path) -> None:
    (corpus / "MANIFEST.csv").write_text(
        "path,symbol,date,series\na.txt,A/RES/1/1,2001-01-01,Children\n"
        "b.txt,A/RES/2/2,2002-02-02,Meetings\nc.txt,A/RES/3/3,2005-05-05,Children\n",
        encoding="utf-8",
    )
    _write(corpus / "a.txt", OLD.format("rights"), later_by_s=10)
    _write(corpus / "c.txt", OLD.format("rights"))
    (every,) = redline.trace(DRAFT, [corpus]).paragraphs
    assert every.earliest is not None and every.latest is not None
    assert (every.earliest.symbol, every.latest.symbol) == ("A/RES/1/1", "A/RES/3/3")
    earlier = redline.trace(DRAFT, [corpus], before="2005-05-05")
    (t,) = earlier.paragraphs
    assert t.latest is not None and t.latest.symbol == "A/RES/1/1"
    assert [p.symbol for p in t.precedents] == ["A/RES/1/1"]
    assert trace_report(earlier)["before"] == "2005-05-05"
    with pytest.raises(OptionError, match="YYYY-MM-DD"):
        redline.trace(DRAFT, [corpus], before="May 2005")


def test_the_command_refuses_a_bad_date_in_one_line(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    _write(draft, DRAFT)
    assert main(["trace", str(draft), str(corpus), "--before", "2005"]) == 2
    assert (
        capsys.readouterr().err.strip().endswith("before must be a date as YYYY-MM-DD, not '2005'")
    )
