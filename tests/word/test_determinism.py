"""Same inputs, author and date: byte-identical files, whatever the hash seed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import redline

DATE = "2026-01-01T00:00:00Z"


def test_same_inputs_same_bytes(shared_dir: Path, tmp_path: Path) -> None:
    a, b = shared_dir / "seeds" / "hrc-46-13.txt", shared_dir / "seeds" / "hrc-47-9.md"
    first = redline.write_docx(redline.compare(a, b), tmp_path / "1.docx", date=DATE)
    second = redline.write_docx(redline.compare(a, b), tmp_path / "2.docx", date=DATE)
    assert first.read_bytes() == second.read_bytes()


def test_date_changes_the_file(shared_dir: Path, tmp_path: Path) -> None:
    a, b = shared_dir / "seeds" / "hrc-46-13.txt", shared_dir / "seeds" / "hrc-47-9.md"
    c = redline.compare(a, b)
    one = redline.write_docx(c, tmp_path / "1.docx", date=DATE).read_bytes()
    two = redline.write_docx(c, tmp_path / "2.docx", date="2026-01-02T00:00:00Z").read_bytes()
    assert one != two


def test_independent_of_hash_seed(shared_dir: Path, tmp_path: Path) -> None:
    a, b = shared_dir / "seeds" / "hrc-46-13.txt", shared_dir / "seeds" / "hrc-47-9.md"
    digests = set()
    for seed in ("1", "4242"):
        out = tmp_path / f"seed{seed}.docx"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [sys.executable, "-m", "redline", str(a), str(b), "-o", str(out), "--date", DATE, "-q"],
            check=True,
            env=env,
        )
        digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
    assert len(digests) == 1
