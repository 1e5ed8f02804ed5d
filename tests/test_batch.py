"""`redline batch` and `compare_many`: many pairs, each written as `redline compare` writes it
alone, in input order, the same bytes with one worker or two; a failing pair recorded."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import redline
from redline.cli import cli, main

ROOT = Path(__file__).resolve().parent.parent
TXT = ROOT / "examples" / "hrc-46-13.txt"
MD = ROOT / "examples" / "hrc-47-9.md"
DOCX_OLD = ROOT / "tests" / "fixtures" / "docx" / "hrc-46-13.docx"
DOCX_NEW = ROOT / "tests" / "fixtures" / "docx" / "hrc-47-9.docx"
LOOKS_OLD = ROOT / "tests" / "fixtures" / "docx" / "looks-old.docx"
LOOKS_NEW = ROOT / "tests" / "fixtures" / "docx" / "looks-new.docx"
DATE = "2026-01-01T00:00:00Z"
SEED_SUMMARY = "6 paragraphs matched (0 unchanged, 6 modified, 2 moved), 64 added, 19 deleted"


def _csv(path: Path, rows: list[tuple[object, ...]], *, header: str | None = None) -> Path:
    lines = [header] if header else []
    lines += [",".join(str(cell) for cell in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_each_pair_is_the_redline_and_report_compare_writes_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = [(TXT, MD, "seed"), (MD, TXT, "back"), (DOCX_OLD, DOCX_NEW, "word")]
    listed = _csv(tmp_path / "pairs.csv", pairs, header="old,new,out")
    code = main(["batch", str(listed), "--out", str(tmp_path / "out"), "-j", "1", "--date", DATE])
    printed = capsys.readouterr().out.splitlines()
    assert code == 0
    assert printed[0].startswith(f"{TXT} vs {MD}: {SEED_SUMMARY}")
    assert printed[1].startswith(f"{MD} vs {TXT}: 6 paragraphs matched")
    assert printed[2].startswith(f"{DOCX_OLD} vs {DOCX_NEW}: {SEED_SUMMARY}; in the Word file")
    assert printed[3] == f"3 pairs: 3 written to {tmp_path / 'out'}, 0 failed"
    for old, new, name in pairs:  # the Word pair written onto NEW with OLD's looks, as alone
        alone = tmp_path / f"alone-{name}"
        args = [str(old), str(new), "-o", f"{alone}.docx", "--report", f"{alone}.json"]
        assert main([*args, "--date", DATE, "-q"]) == 0
        assert (tmp_path / "out" / f"{name}.docx").read_bytes() == Path(
            f"{alone}.docx"
        ).read_bytes()
        assert (tmp_path / "out" / f"{name}.json").read_bytes() == Path(
            f"{alone}.json"
        ).read_bytes()


def test_a_csv_without_header_reads_paths_from_its_folder_and_names_by_new(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rev1.txt").write_bytes(TXT.read_bytes())
    (tmp_path / "in" / "rev2.md").write_bytes(MD.read_bytes())
    listed = _csv(tmp_path / "in" / "pairs.csv", [("rev1.txt", "rev2.md")])
    results = redline.compare_many(listed, out=tmp_path / "out", jobs=1, date=DATE)
    assert [(r.old.name, r.new.name, r.error) for r in results] == [("rev1.txt", "rev2.md", "")]
    assert sorted(_files(tmp_path / "out")) == ["rev2.docx", "rev2.json"]
    assert results[0].summary.startswith(SEED_SUMMARY)


def test_two_folders_are_matched_by_file_name_and_a_lone_file_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir(), new.mkdir()
    (old / "a.txt").write_bytes(TXT.read_bytes())
    (new / "a.txt").write_bytes(MD.read_bytes())
    (old / "b.md").write_bytes(MD.read_bytes())
    (new / "b.md").write_bytes(TXT.read_bytes())
    (old / "c.txt").write_bytes(TXT.read_bytes())  # no new version
    code = main(["batch", str(old), str(new), "-o", str(tmp_path / "out"), "--date", DATE])
    printed = capsys.readouterr()
    assert code == 2
    lines = printed.out.splitlines()
    assert lines[0].startswith(f"{old / 'a.txt'} vs {new / 'a.txt'}: {SEED_SUMMARY}")
    assert lines[1].startswith(f"{old / 'b.md'} vs {new / 'b.md'}: 6 paragraphs matched")
    assert lines[2] == f"{old / 'c.txt'} vs {new / 'c.txt'}: error: {new / 'c.txt'}: no such file"
    assert printed.err == "redline: error: 1 of 3 pairs failed\n"
    assert sorted(_files(tmp_path / "out")) == ["a.docx", "a.json", "b.docx", "b.json"]


def test_a_failing_pair_is_recorded_and_the_rest_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    rows = [(TXT, MD, "one"), (binary, MD, "two"), (tmp_path / "gone.md", MD, "three"), (MD, TXT)]
    listed = _csv(tmp_path / "pairs.csv", rows)
    code = main(["batch", str(listed), "-o", str(tmp_path / "out"), "-j", "2", "--date", DATE])
    printed = capsys.readouterr()
    assert code == 2
    lines = printed.out.splitlines()
    assert lines[0].startswith(f"{TXT} vs {MD}: {SEED_SUMMARY}")
    assert lines[1].startswith(f"{binary} vs {MD}: error: {binary}: ")
    assert (
        lines[2] == f"{tmp_path / 'gone.md'} vs {MD}: error: {tmp_path / 'gone.md'}: no such file"
    )
    assert lines[3].startswith(f"{MD} vs {TXT}: 6 paragraphs matched")
    assert lines[4] == f"4 pairs: 2 written to {tmp_path / 'out'}, 2 failed"
    assert printed.err == "redline: error: 2 of 4 pairs failed\n"
    assert sorted(_files(tmp_path / "out")) == [
        "hrc-46-13.docx",
        "hrc-46-13.json",
        "one.docx",
        "one.json",
    ]


def test_one_worker_and_two_write_the_same_bytes_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        (DOCX_OLD, DOCX_NEW, "word"),  # the slowest first: workers finish out of order
        (TXT, MD, "seed"),
        (MD, TXT, "back"),
        (LOOKS_OLD, LOOKS_NEW, "looks"),
        (TXT, DOCX_NEW, "text-onto-word"),
    ]
    listed = _csv(tmp_path / "pairs.csv", rows)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        assert main(["batch", str(listed), "-o", str(out), "-j", jobs, "--date", DATE]) == 0
        outputs.append((_files(out), capsys.readouterr().out.replace(str(out), "OUT")))
    (one, printed_one), (two, printed_two) = outputs
    assert len(one) == 10 and one == two
    assert printed_one == printed_two
    assert [line.split(" vs ")[0] for line in printed_one.splitlines()[:5]] == [
        str(row[0]) for row in rows
    ]


def test_the_progress_bar_is_silent_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    listed = _csv(tmp_path / "pairs.csv", [(TXT, MD)])
    run = CliRunner().invoke(cli, ["batch", str(listed), "-o", str(tmp_path / "out")])
    assert run.exit_code == 0, run.output
    assert run.stderr == ""
    assert run.stdout.startswith(f"{TXT} vs {MD}: {SEED_SUMMARY}")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    redline.compare_many([(TXT, MD)], out=tmp_path, jobs=1, date=DATE, progress=True)
    assert "0/1 [00:00<?, ?pair/s]" in terminal.getvalue()  # the bar drawn, cleared at the end
    quiet = _Terminal()
    monkeypatch.setattr("sys.stderr", quiet)
    redline.compare_many([(TXT, MD)], out=tmp_path, jobs=1, date=DATE)
    assert quiet.getvalue() == ""


def test_compare_many_results_and_one_date_for_the_batch(tmp_path: Path) -> None:
    results = redline.compare_many(
        [(TXT, MD, "a"), (MD, TXT, "b.docx"), (TXT, MD, "a"), (tmp_path / "none.txt", MD, "c")],
        out=tmp_path / "out",
        jobs=1,
        author="Mission",
    )
    assert [r.docx.name for r in results] == ["a.docx", "b.docx", "a.docx", "c.docx"]
    assert [r.report.name for r in results] == ["a.json", "b.json", "a.json", "c.json"]
    assert [bool(r.error) for r in results] == [False, False, True, True]
    assert results[2].error == (
        f"{tmp_path / 'out' / 'a.docx'}: pair 1 is written there too; give each pair its own "
        "name (the CSV's third column)"
    )
    assert results[3].error == f"{tmp_path / 'none.txt'}: no such file"
    assert results[0].summary.startswith(SEED_SUMMARY) and results[3].summary == ""
    dates = set()
    for name in ("a.docx", "b.docx"):
        with zipfile.ZipFile(tmp_path / "out" / name) as package:
            xml = package.read("word/document.xml").decode("utf-8")
        dates |= set(re.findall(r'w:date="([^"]+)"', xml))
        assert 'w:author="Mission"' in xml
    assert len(dates) == 1  # taken once, not per pair


@pytest.mark.parametrize(
    ("options", "option"),
    [({"jobs": 0}, "jobs"), ({"date": "soon"}, "date"), ({"author": " "}, "author")],
)
def test_options_are_refused_before_any_pair_is_read(
    tmp_path: Path, options: dict[str, object], option: str
) -> None:
    with pytest.raises(redline.OptionError) as caught:
        redline.compare_many([(TXT, MD)], out=tmp_path / "out", **options)  # type: ignore[arg-type]
    assert caught.value.option == option
    assert not (tmp_path / "out").exists()


def test_a_csv_row_that_is_not_a_pair_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = _csv(tmp_path / "pairs.csv", [(TXT, MD), (TXT,)], header="old,new")
    code = main(["batch", str(listed), "-o", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err == (
        f"redline: error: {listed}:3: a row is old,new or old,new,out; this one is '{TXT}'\n"
    )
    assert not (tmp_path / "out").exists()
