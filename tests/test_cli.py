"""The command line: exit 0 with a summary, exit 2 with one line naming the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from redline.cli import main

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
    assert capsys.readouterr().err.startswith("redline: error: --date:")


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
