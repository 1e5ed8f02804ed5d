"""Shell completion, as Click offers it: the scripts for bash, zsh and fish, and what the
first word completes to (the commands, or a file: `redline OLD NEW` runs `compare`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(env: dict[str, str]) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "redline"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


@pytest.mark.parametrize(
    ("shell", "registers"),
    [
        ("bash", "complete -o nosort -F _redline_completion redline"),
        ("zsh", "#compdef redline"),
        ("fish", "complete --no-files --command redline"),
    ],
)
def test_the_completion_script_is_written_for_each_shell(shell: str, registers: str) -> None:
    script = _run({"_REDLINE_COMPLETE": f"{shell}_source"})
    assert registers in script
    assert f"_REDLINE_COMPLETE={shell}_complete" in script  # it asks redline for the words


def _complete(words: str) -> list[str]:
    """What bash is offered for the last word of `words` (as "type,value" lines)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {"_REDLINE_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    return _run(env).splitlines()


def test_the_first_word_completes_to_the_subcommands_or_a_file() -> None:
    offered = _complete("redline ")
    assert offered == ["file,", "plain,batch", "plain,compare", "plain,history", "plain,trace"]
    assert _complete("redline b") == ["file,b", "plain,batch"]
    assert _complete("redline draft") == ["file,draft"]  # OLD of `redline OLD NEW`


def test_options_complete_after_a_command_and_after_old() -> None:
    assert _complete("redline compare --exi") == ["plain,--exit-code", "plain,--existing-changes"]
    assert "plain,--summary" in _complete("redline old.txt new.txt --su")
    assert _complete("redline old.txt ") == ["file,"]  # NEW
