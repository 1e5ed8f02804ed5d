"""Bad input gets a typed error naming the file; never a traceback from deep inside."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import redline
from redline import errors


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "empty.txt", b"")
    with pytest.raises(errors.EmptyInputError, match=r"empty\.txt: the file is empty"):
        redline.parse(path)


def test_whitespace_only(tmp_path: Path) -> None:
    path = _write(tmp_path, "blank.md", b"  \n\t\n \n")
    with pytest.raises(errors.EmptyInputError, match="only whitespace"):
        redline.parse(path)


def test_binary_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "junk.txt", bytes(range(256)) * 4)
    with pytest.raises(errors.BinaryInputError, match=r"junk\.txt: this is binary data"):
        redline.parse(path)


def test_undecodable_bytes_say_where(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "latin1.txt", "The General Assembly,\n\nNoting caf\xe9,\n".encode("latin-1")
    )
    with pytest.raises(errors.DecodeError) as info:
        redline.parse(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: not valid UTF-8: byte 0xE9 at offset 33")
    assert isinstance(info.value, ValueError)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    text = "The General Assembly,\n\nRecalling its resolution,\n\n1. Decides to act.\n"
    path = _write(tmp_path, "utf16.txt", text.encode("utf-16"))
    assert redline.parse(path).operative[0].text == "Decides to act."


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(errors.InputError, match=r"nope\.txt: no such file"):
        redline.parse(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.InputError, match="is a directory"):
        redline.parse(tmp_path)


@pytest.mark.parametrize("name", ["rev1.md", "drafts/rev2.txt", "A_RES_78_199.pdf", "x.docx "])
def test_file_name_as_str_points_to_path(name: str) -> None:
    with pytest.raises(errors.AmbiguousInputError, match=r"pass pathlib\.Path"):
        redline.compare(name, "The General Assembly,\n\n1. Decides.\n")


def test_docx_not_supported_yet_is_a_typed_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "rev.docx", b"PK\x03\x04")
    with pytest.raises(errors.DocumentError, match=r"rev\.docx"):
        redline.parse(path)


@pytest.mark.parametrize("suffix", [".doc", ".odt"])
def test_old_word_formats_say_save_as_docx(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, f"rev{suffix}", b"\xd0\xcf\x11\xe0")
    message = f"rev{suffix}: reading {suffix} files is not supported yet; save it as .docx"
    with pytest.raises(errors.DocumentError, match=re.escape(message)):
        redline.parse(path)


def test_empty_string_text() -> None:
    with pytest.raises(errors.EmptyInputError, match="<old>"):
        redline.compare("   ", "The General Assembly,\n\n1. Decides.\n")


def test_errors_form_one_tree() -> None:
    for name in (
        "EmptyInputError",
        "BinaryInputError",
        "DecodeError",
        "AmbiguousInputError",
        "DocumentError",
        "UnsafeCharacterError",
    ):
        cls = getattr(errors, name)
        assert issubclass(cls, errors.InputError) and issubclass(cls, ValueError)
    assert issubclass(errors.OptionError, errors.RedlineError)
    assert issubclass(errors.OptionError, ValueError)
    assert not issubclass(errors.OptionError, errors.InputError)
    assert issubclass(errors.OutputError, errors.RedlineError)
    assert issubclass(errors.RedlineWarning, UserWarning)
    assert issubclass(errors.ConservationError, errors.RedlineError)


def test_text_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: the size is what counts, nothing is read
        fh.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(errors.InputError, match=r"huge\.txt: the file is 50 MB; the limit"):
        redline.parse(path)
