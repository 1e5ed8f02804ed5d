"""The dask engine returns exactly what the in-process path returns: the JSON report of a
trace on a local cluster of 2 worker processes, byte for byte, against the in-process one.

The corpus is a few hundred files of the shared corpus: every other `structured/` file
(written out as pasted text) and every Markdown, `pdf-text/` and multilingual text file, and
every structured file of a symbol held twice, so that one resolution is held in several
forms (ties among equals broken by the order of the corpus) and
"Decides to remain seized of the matter." is a standard formula. The partitions are cut
small and uneven, so that the answers of many partitions are merged. Without Dask these
tests skip, except under REDLINE_REQUIRE_ORACLE=1 (tests/run.sh, hence CI): they fail.
"""

from __future__ import annotations

import importlib
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus_text import manifest_rows, structured_text, write_corpus

import redline
from redline import Standing, Trace
from redline.cli import main
from redline.errors import OptionError
from redline.trace import Library, Partitions, open_library, open_partitions, trace_report

try:
    from distributed import Client, LocalCluster
except ImportError:  # pragma: no cover - CI installs the test extra, which holds dask
    if os.environ.get("REDLINE_REQUIRE_ORACLE") == "1":
        raise
    pytest.skip(
        "dask is not installed (pip install 'redline[distributed]')", allow_module_level=True
    )

DRAFTS = ("structured/A_RES_79_236.json", "structured/S_RES_2493(2019).json")
CASES: tuple[dict[str, Any], ...] = (
    {},
    {"top": 5, "threshold": 0.5},
    {"threshold": 0.97, "before": "2020-01-01"},
    {"top": 1, "threshold": 0.3},
)


@pytest.fixture(scope="module")
def corpus(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    rows = manifest_rows(shared_dir)
    held = Counter(r["symbol"] for r in rows)
    structured = [r["path"] for r in rows if r["path"].startswith("structured/")]
    chosen = [
        r
        for r in rows
        if r["path"].startswith(("markdown/", "pdf-text/", "multilingual/"))
        or (
            (r["path"] in structured[::2] or held[r["symbol"]] > 1)
            and r["path"].startswith("structured/")
            and r["path"] not in DRAFTS
        )
    ]
    folder = write_corpus(shared_dir, tmp_path_factory.mktemp("corpus"), chosen)
    drafts = tmp_path_factory.mktemp("drafts")
    written = []
    for name in DRAFTS:
        path = drafts / (Path(name).stem + ".txt")
        path.write_text(structured_text(shared_dir / "corpus" / name), encoding="utf-8")
        written.append(path)
    return {"folder": folder, "drafts": written, "files": len(chosen)}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    with cluster, Client(cluster, set_as_default=False) as client:
        yield client


@pytest.fixture(scope="module")
def opened(corpus: dict[str, Any], client: Client) -> Iterator[tuple[Library, Partitions]]:
    """The corpus opened once each way; partitions cut small and uneven (37 files), so that
    the answers of many partitions are merged."""
    library, _, _ = open_library([corpus["folder"]])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importlib.import_module("redline.trace._distributed"), "PARTITION_FILES", 37)
        partitions = open_partitions([corpus["folder"]], scheduler=client)
    with partitions:
        assert len(partitions.parts) > 8
        yield library, partitions


def _report(trace: Trace) -> bytes:
    return json.dumps(trace_report(trace), ensure_ascii=False, indent=1).encode("utf-8")


@pytest.mark.parametrize("draft", [0, 1])
def test_the_dask_engine_returns_the_in_process_report(
    corpus: dict[str, Any], opened: tuple[Library, Partitions], draft: int
) -> None:
    path, (library, partitions) = corpus["drafts"][draft], opened
    standings: set[Standing] = set()
    for options in CASES:
        expected = redline.trace(path, library, **options)
        got = redline.trace(path, partitions, **options)
        assert _report(got) == _report(expected), options
        assert got == expected
        standings |= {t.standing for t in expected.paragraphs}
    assert corpus["files"] >= 300
    assert expected.corpus_paragraphs > 10_000
    assert len(standings) >= 4, standings  # formula, agreed, precedent, new language at least


def test_an_index_folder_is_written_reused_and_gives_the_same_report(
    corpus: dict[str, Any], client: Client, tmp_path: Path
) -> None:
    """`engine="dask"` on files: one SQLite file per partition in the index folder."""
    folder = corpus["folder"]
    files = sorted((folder / "structured").glob("*.txt"))[:120]
    path, manifest = corpus["drafts"][1], folder / "MANIFEST.csv"
    expected = _report(redline.trace(path, files, manifest=manifest))
    index = tmp_path / "parts"
    dask = {"engine": "dask", "scheduler": client, "index": index, "manifest": manifest}
    first = redline.trace(path, files, **dask)
    stores = sorted(index.glob("part-*.sqlite"))
    assert stores
    again = redline.trace(path, files, **dask)
    assert sorted(index.glob("part-*.sqlite")) == stores
    assert _report(first) == expected == _report(again)


def test_an_unknown_engine_is_refused_before_any_file_is_read(tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="engine must be one of in-process, dask, not 'spark'"):
        redline.trace("1. Decides;", [tmp_path / "missing"], engine="spark")


def test_the_command_on_a_cluster_prints_and_writes_what_it_does_in_process(
    corpus: dict[str, Any], client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = corpus["folder"]
    files = [str(f) for f in sorted((folder / "structured").glob("*.txt"))[:60]]
    args = ["trace", str(corpus["drafts"][0]), *files, "--manifest", str(folder / "MANIFEST.csv")]
    assert main([*args, "--report", str(tmp_path / "in-process.json")]) == 0
    expected = capsys.readouterr()
    on_dask = ["--engine", "dask", "--scheduler", client.scheduler.address]
    assert main([*args, *on_dask, "--report", str(tmp_path / "dask.json")]) == 0
    got = capsys.readouterr()
    assert got.out == expected.out
    assert got.err.startswith("Dask dashboard: http://")  # no bar: stderr is no terminal
    assert len(got.err.splitlines()) == 1
    report = (tmp_path / "dask.json").read_bytes()
    assert report == (tmp_path / "in-process.json").read_bytes()


def test_the_command_refuses_a_scheduler_without_the_dask_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("The General Assembly,\n\n1. Decides;\n", encoding="utf-8")
    assert main(["trace", str(draft), str(draft), "--scheduler", "tcp://nowhere:8786"]) == 2
    assert capsys.readouterr().err.strip().endswith("--scheduler goes with --engine dask")
