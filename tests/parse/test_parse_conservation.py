"""Every non-space character of an input is content, markup or recorded noise."""

from __future__ import annotations

import contextlib
import glob
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import redline
from redline.errors import ConservationError, InputError
from redline.parse import parse_string, source_map
from redline.parse._conserve import verify_conservation
from strategies import ALPHABET

MARKDOWNISH = st.text(alphabet=ALPHABET + "*<>/sup[]^:-_#\n\n\n1234567890.()abc ", max_size=300)


@pytest.mark.parametrize("name", ["hrc-47-9.md", "hrc-46-13.txt"])
def test_seeds_conserve_and_print_a_source_map(shared_dir: Path, name: str) -> None:
    r = redline.parse(shared_dir / "seeds" / name)
    text = (shared_dir / "seeds" / name).read_text(encoding="utf-8")
    verify_conservation(text, r)
    printed = source_map(r)
    assert printed.splitlines()[0].startswith("content  header")
    if name.endswith(".md"):
        assert "markup   line" in printed and "page rule" in printed


@given(MARKDOWNISH)
def test_any_text_is_accounted_for(text: str) -> None:
    # A loss raises ConservationError (not an InputError), which fails the test.
    with contextlib.suppress(InputError):  # empty or binary: refused before parsing
        parse_string(text, source="<h>")


def test_a_lost_character_is_a_typed_error(shared_dir: Path) -> None:
    path = shared_dir / "seeds" / "hrc-46-13.txt"
    r = redline.parse(path)
    with pytest.raises(ConservationError, match="lost"):
        verify_conservation(path.read_text(encoding="utf-8") + " §", r)


def test_corpus_sample_conserves(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    files = sorted(glob.glob(str(corpus / "markdown" / "*.md")))[:20]
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    texts += [
        json.loads(Path(f).read_text(encoding="utf-8"))["text"]
        for f in sorted(glob.glob(str(corpus / "pdf-text" / "*.json")))[:20]
    ]
    for text in texts:
        parse_string(text, source="<corpus>")  # raises ConservationError on a loss
    assert len(texts) == 40
