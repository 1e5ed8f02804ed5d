"""The command line: exit 0 with a summary, exit 2 with one line naming the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli, main

DATE = "2026-01-01T00:00:00Z"


@pytest.fixture
def seeds(shared_dir: Path) -> tuple[Path, Path]:
    return shared_dir / "seeds" / "hrc-46-13.txt", shared_dir / "seeds" / "hrc-47-9.md"


def test_writes_redline_and_report(
    seeds: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, rep = tmp_path / "r.docx", tmp_path / "r.json"
    code = main(
        [
            str(seeds[0]),
            str(seeds[1]),
            "-o",
            str(out),
            "--report",
            str(rep),
            "--author",
            "Mission",
            "--date",
            DATE,
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert printed.startswith(
        "6 paragraphs matched (0 unchanged, 6 modified, 2 moved), 64 added, 19 deleted"
    )
    assert out.exists() and out.read_bytes()[:2] == b"PK"
    data = json.loads(rep.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["old"]["symbol"] == "A/HRC/RES/46/13" and data["new"]["number"] == "47/9"
    assert (data["old"]["preamble"], data["old"]["operative"]) == (17, 8)
    assert (data["new"]["preamble"], data["new"]["operative"]) == (34, 36)
    cross = [m for m in data["matches"] if m["old"] == ["PP10"]]
    assert cross == [
        {
            "kind": "modified",
            "moved": True,
            "part_changed": True,
            "renumbered": False,
            "old": ["PP10"],
            "new": ["OP12"],
            "old_number": [],
            "new_number": ["12"],
            "similarity": cross[0]["similarity"],
            "lead_italics_changed": False,
        }
    ]
    added = [m for m in data["matches"] if m["kind"] == "added"]
    assert all(m["old"] == [] and m["similarity"] is None for m in added)
    assert data["header"]["symbol"] == {"old": "A/HRC/RES/46/13", "new": "A/HRC/RES/47/9"}
    assert data["vote"]["yes"] == {"old": 26, "new": 30, "changed": True}
    assert "Armenia" in data["vote"]["against"]["added"]
    assert [f["kind"] for f in data["footnotes"]] == ["added"] * 4


def test_missing_file_exit_2_one_line(
    tmp_path: Path, seeds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.md"
    code = main([str(missing), str(seeds[1]), "-o", str(tmp_path / "x.docx")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"redline: error: {missing}: no such file\n"
    assert not (tmp_path / "x.docx").exists()


def test_bad_date_exit_2(
    seeds: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(seeds[0]), str(seeds[1]), "-o", str(tmp_path / "x.docx"), "--date", "soon"])
    assert code == 2
    assert capsys.readouterr().err == (
        "redline: error: --date: date must be a datetime or an ISO 8601 string such as "
        "'2026-01-01T00:00:00Z', not 'soon'\n"
    )
    assert not (tmp_path / "x.docx").exists()


def test_a_bad_option_other_than_the_date_is_not_blamed_on_the_date(
    seeds: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(seeds[0]), str(seeds[1]), "-o", str(tmp_path / "x.docx"), "--author", ""])
    assert code == 2
    assert capsys.readouterr().err == "redline: error: author must be a non-empty string, not ''\n"


def test_bad_choice_exit_2_with_one_error_line(
    seeds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(seeds[0]), str(seeds[1]), "--existing-changes", "bogus"])
    assert code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Usage: redline compare [OPTIONS] OLD NEW")
    assert err[1:] == [
        "redline: error: Invalid value for '--existing-changes': "
        "'bogus' is not one of 'accept', 'reject'."
    ]


def test_template_and_plain_exclude_each_other(
    seeds: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(seeds[0]), str(seeds[1]), "--plain", "--template", str(seeds[1])])
    assert code == 2
    assert capsys.readouterr().err.endswith(
        "redline: error: --plain cannot be used with --template\n"
    )


UNSAFE = "The General Assembly,\n\nRecalling its resolution\x07 70/1,\n\n1. Decides to act.\n"


def test_unsafe_characters_are_warning_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.txt"
    old.write_text(UNSAFE, encoding="utf-8")
    out = tmp_path / "r.docx"
    assert main([str(old), str(old), "-o", str(out), "--date", DATE]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1:] == [
        f"warning: {old}: PP1: U+0007 at offset 24 is written as U+2407",
        f"warning: {old}: PP1: U+0007 at offset 24 is written as U+2407",
        f"wrote {out}",
    ]


def test_strict_refuses_them_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.txt"
    old.write_text(UNSAFE, encoding="utf-8")
    out = tmp_path / "r.docx"
    assert main([str(old), str(old), "-o", str(out), "--strict"]) == 2
    assert capsys.readouterr().err == (
        f"redline: error: {old}: PP1 holds U+0007 at offset 24, which XML cannot hold (1 more)\n"
    )
    assert not out.exists()


def test_compare_is_the_default_command_and_can_be_named(
    seeds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(seeds[0]), str(seeds[1])]) == 0
    default = capsys.readouterr().out
    assert main(["compare", str(seeds[0]), str(seeds[1])]) == 0
    assert capsys.readouterr().out == default
    assert main(["-q", str(seeds[0]), str(seeds[1])]) == 0  # options before the files
    assert capsys.readouterr().out == ""


def test_group_help_lists_the_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "redline OLD NEW -o OUT.docx" in result.output and "compare" in result.output
    result = CliRunner().invoke(cli, ["compare", "--help"])
    assert "--strict" in result.output and "--existing-changes [accept|reject]" in result.output


def test_no_colour_when_not_a_terminal_or_under_no_color(
    seeds: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = str(tmp_path / "missing.md")
    result = CliRunner().invoke(cli, [missing, str(seeds[1])], color=True)
    assert result.exit_code == 2
    assert "\x1b[" in result.stderr  # a terminal gets colour
    monkeypatch.setenv("NO_COLOR", "1")
    run = subprocess.run(
        [sys.executable, "-m", "redline", missing, str(seeds[1])], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert run.stderr == f"redline: error: {missing}: no such file\n"


def test_unwritable_output_exit_2(
    seeds: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "x.docx"
    code = main([str(seeds[0]), str(seeds[1]), "-o", str(target)])
    assert code == 2
    assert str(target) in capsys.readouterr().err


def test_python_dash_m(seeds: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "m.docx"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "redline",
            str(seeds[0]),
            str(seeds[1]),
            "-o",
            str(out),
            "--date",
            DATE,
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "paragraphs matched" in run.stdout and out.exists()
