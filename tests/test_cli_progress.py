"""The progress bar of a long comparison: drawn on a terminal, never in a pipe or with -q.

A pseudo-terminal (pty) stands for the terminal: tqdm draws when its file says it is one.
The long pair is synthesised here (3,000 numbered paragraphs of seeded pseudo-words, every
tenth one edited), as benchmarks/bench_speed.py synthesises its own: comparing it takes a
few seconds, well over the bar's one-second delay.
"""

from __future__ import annotations

import fcntl
import os
import pty
import random
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import redline
from redline.cli import ProgressBar
from redline.progress import listening

ROOT = Path(__file__).resolve().parent.parent
OLD = "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Requests* a report;\n"
NEW = OLD.replace("a report", "a full report")


class _Terminal:
    """A pseudo-terminal: its slave side is what a program writes to; all it wrote is read
    from the master side as it comes (so a chatty writer never blocks on a full buffer)."""

    def __init__(self) -> None:
        self.master, self.slave = pty.openpty()
        # 24 rows of 80 columns, as a terminal window has (a new pty has none: tqdm would
        # draw its bar in no columns at all)
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.chunks: list[bytes] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 4096)
            except OSError:  # the slave side closed
                return
            if not data:
                return
            self.chunks.append(data)

    def text(self) -> str:
        os.close(self.slave)
        self.reader.join(timeout=10)
        os.close(self.master)
        return b"".join(self.chunks).decode("utf-8", "replace")


def _compare_with(bar: ProgressBar) -> None:
    with listening(bar):
        redline.compare(OLD, NEW)
    bar.close()


def test_the_bar_draws_each_stage_on_a_terminal() -> None:
    term = _Terminal()
    with open(term.slave, "w", closefd=False) as tty:
        _compare_with(ProgressBar(delay=0, file=tty))
    shown = term.text()
    assert "matching paragraphs" in shown
    assert "diffing paragraphs" in shown
    assert "/2 [" in shown  # two paragraphs to diff: the header and the vote are not steps


def test_the_bar_says_nothing_in_a_pipe_or_when_quiet() -> None:
    read, write = os.pipe()
    with open(write, "w") as pipe:
        _compare_with(ProgressBar(delay=0, file=pipe))
    with open(read) as piped:
        assert piped.read() == ""
    term = _Terminal()
    with open(term.slave, "w", closefd=False) as tty:
        _compare_with(ProgressBar(quiet=True, delay=0, file=tty))
    assert term.text() == ""


def test_a_short_comparison_draws_no_bar_even_on_a_terminal() -> None:
    term = _Terminal()
    with open(term.slave, "w", closefd=False) as tty:
        _compare_with(ProgressBar(delay=60, file=tty))  # done long before a minute
    assert term.text() == ""


def _long_pair(folder: Path) -> tuple[Path, Path]:
    rng = random.Random(17)
    vocab = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
        for _ in range(4000)
    ]
    paragraphs = [" ".join(rng.choices(vocab, k=rng.randint(20, 60))) for _ in range(3000)]
    revised = [p if k % 10 else f"{p} and more" for k, p in enumerate(paragraphs)]
    paths = []
    for name, paras in (("old.txt", paragraphs), ("new.txt", revised)):
        body = "\n\n".join(f"{k}. Requests {p};" for k, p in enumerate(paras, 1))
        path = folder / name
        path.write_text(f"The General Assembly,\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def test_the_command_line_draws_the_bar_on_a_terminal_only(tmp_path: Path) -> None:
    old, new = _long_pair(tmp_path)
    command = [sys.executable, "-m", "redline", str(old), str(new)]
    term, quiet = _Terminal(), _Terminal()
    # The bar shows from the start (a 3,000-paragraph pair may now be matched within the
    # second the bar waits for by default), so every stage is drawn on the terminal.
    env = {**os.environ, "REDLINE_BAR_DELAY": "0"}
    runs = [
        subprocess.Popen(
            [*command, *options], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr, env=env
        )
        for options, stderr in (
            (["-o", str(tmp_path / "a.docx")], term.slave),
            (["-o", str(tmp_path / "b.docx")], subprocess.PIPE),
            (["-q", "-o", str(tmp_path / "c.docx")], quiet.slave),
        )
    ]
    piped = runs[1].communicate(timeout=300)[1]
    assert [r.wait(timeout=300) for r in runs] == [0, 0, 0]
    shown = term.text()
    for stage in ("matching paragraphs", "diffing paragraphs", "writing"):
        assert f"\r{stage}:" in shown, stage
    assert "/3000 [" in shown  # 3,000 paragraphs to match and to diff
    assert piped == b""
    assert quiet.text() == ""
