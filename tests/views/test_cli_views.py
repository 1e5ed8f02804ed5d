"""The command line's views and finish: --html, --summary, --verbose, --exit-code,
--threshold, the files' permissions, and a --help that reads like a manual."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from view_pairs import PART_NEW, PART_OLD

from redline.cli import cli, main

DATE = "2026-01-01T00:00:00Z"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "old.md").write_text(PART_OLD, encoding="utf-8")
    (tmp_path / "new.md").write_text(PART_NEW, encoding="utf-8")
    return str(tmp_path / "old.md"), str(tmp_path / "new.md")


def test_exit_code_1_only_when_asked_and_the_inputs_differ(pair: tuple[str, str]) -> None:
    old, new = pair
    assert main([old, new, "-q"]) == 0
    assert main([old, new, "-q", "--exit-code"]) == 1
    assert main([old, old, "-q", "--exit-code"]) == 0


def test_exit_code_2_on_error_even_with_exit_code(tmp_path: Path) -> None:
    assert main([str(tmp_path / "nope.md"), str(tmp_path / "nope.md"), "--exit-code"]) == 2


def test_threshold_is_passed_and_checked(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    assert main([old, new, "--threshold", "0"]) == 2
    assert "--threshold" in capsys.readouterr().err
    assert main([old, new, "--threshold", "0.99", "-v"]) == 0
    out = capsys.readouterr().out  # at 0.99 the reworded paragraphs are not paired
    assert "PP2: deleted" in out and "OP1: added" in out


def test_verbose_prints_the_summary_plain_when_piped(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*pair, "--verbose"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [
        "OP1 ← PP2: moved from the preamble; 'Welcoming' → 'Welcomes'; +1 / −1 words",
        "OP2 (was OP1): +8 / −0 words",
        "OP3 (was OP2): renumbered",
    ]


def test_verbose_in_colour_on_a_terminal(pair: tuple[str, str]) -> None:
    result = CliRunner().invoke(cli, [*pair, "-v"], color=True)
    assert "\x1b[36m\x1b[1mOP1 ← PP2\x1b[0m: moved from the preamble" in result.output
    assert "\x1b[33m\x1b[1mOP2 (was OP1)\x1b[0m: +8 / −0 words" in result.output


def test_summary_in_three_forms(pair: tuple[str, str], tmp_path: Path) -> None:
    for name in ("s.md", "s.txt", "s.docx"):
        assert main([*pair, "-q", "--summary", str(tmp_path / name)]) == 0
    assert (tmp_path / "s.md").read_text(encoding="utf-8").splitlines()[2:4] == [
        "2 unchanged, 2 modified, 1 moved",
        "",
    ]
    assert (tmp_path / "s.txt").read_text(encoding="utf-8") == (
        "2 unchanged, 2 modified, 1 moved\n\n"
        "OP1 ← PP2: moved from the preamble; 'Welcoming' → 'Welcomes'; +1 / −1 words\n"
        "OP2 (was OP1): +8 / −0 words\n"
        "OP3 (was OP2): renumbered\n"
    )
    assert (tmp_path / "s.docx").read_bytes()[:2] == b"PK"


def test_written_files_get_the_ordinary_permissions(pair: tuple[str, str], tmp_path: Path) -> None:
    names = ("r.docx", "r.json", "r.html", "s.md", "s.docx")
    out = {n: str(tmp_path / n) for n in names}
    args = ["-o", out["r.docx"], "--report", out["r.json"], "--html", out["r.html"]]
    before = os.umask(0o027)
    try:  # 0666 less the umask, as any program's new file (mkstemp's 0600 was the bug)
        assert main([*pair, "-q", "--date", DATE, *args, "--summary", out["s.md"]]) == 0
        assert main([*pair, "-q", "--summary", out["s.docx"]]) == 0
    finally:
        os.umask(before)
    modes = {n: (tmp_path / n).stat().st_mode & 0o777 for n in names}
    assert modes == dict.fromkeys(names, 0o640)


def test_help_reads_like_a_manual() -> None:
    text = CliRunner().invoke(cli, ["--help"]).output
    assert "Examples:" in text and "redline old.docx new.docx -o redline.docx" in text
    assert "Exit status: 0 done; 1 the inputs differ (only with --exit-code);" in text
    compare = CliRunner().invoke(cli, ["compare", "--help"]).output
    for option in ("--html", "--summary", "--threshold", "--verbose", "--exit-code", "Examples:"):
        assert option in compare


def test_the_readme_shows_the_help() -> None:
    """The README's copy of `redline --help`, every command listed (it once lacked one)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    shown = readme.split("`redline --help` reads:\n\n```\n", 1)[1].split("\n```", 1)[0]
    text = CliRunner().invoke(cli, ["--help"], prog_name="redline", terminal_width=78).output
    assert shown.strip().splitlines() == text.strip().splitlines()


def test_language_is_passed_and_checked(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*pair, "--language", "fr"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("; language fr")
    assert main([*pair, "--language", "xx"]) == 2
    assert "--language" in capsys.readouterr().err
