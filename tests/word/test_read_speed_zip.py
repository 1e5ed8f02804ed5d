"""A part read straight from the package gives what zipfile's stream gave, or the same error.

`Package.read` takes a plainly stored or deflated entry that checks out whole straight from
the package's bytes, and leaves anything else to zipfile. Checked against a verbatim copy of
the read through zipfile alone, on generated packages (stored and deflated entries, names in
UTF-8 or not, empty parts) and on those packages with bytes flipped anywhere.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.errors import DocumentError
from redline.word.read._package import (
    _CHUNK,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_EXEMPT_BYTES,
    Package,
)

DOCX = Path(__file__).parent.parent / "fixtures" / "docx"
_MIN = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"/>'
)
_DOC = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body/></w:document>"
)


def _read_before(pkg: Package, part: str) -> bytes | None:
    """`Package.read` as it was at 0248e0c: every entry through zipfile's stream."""
    if part in pkg._data:
        return pkg._data[part]
    info = pkg._infos.get(part)
    if info is None:
        return None
    cap = MAX_TOTAL_BYTES - pkg._read_total
    ratio_cap = max(MAX_RATIO * max(info.compress_size, 1), RATIO_EXEMPT_BYTES)
    if info.file_size > ratio_cap:
        raise pkg.error(
            part,
            f"expands {info.file_size // max(info.compress_size, 1)} times its compressed "
            f"size; the limit is {MAX_RATIO} (a ZIP bomb?)",
        )
    limit = min(cap, ratio_cap)
    chunks: list[bytes] = []
    got = 0
    try:
        with pkg._zip.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                got += len(chunk)
                if got > limit:
                    raise pkg.error(part, "expands beyond the package limits (a ZIP bomb?)")
                chunks.append(chunk)
    except DocumentError:
        raise
    except RuntimeError as exc:  # a password-protected entry
        raise pkg.error(part, f"encrypted ZIP entry ({exc}); save as .docx") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise pkg.error(part, f"the ZIP package is corrupt or truncated ({exc})") from exc
    except NotImplementedError as exc:
        raise pkg.error(part, f"unsupported ZIP compression ({exc})") from exc
    pkg._read_total += got
    pkg._data[part] = data = b"".join(chunks)
    return data


def _outcome(read: object) -> object:
    try:
        return read()  # type: ignore[operator]
    except DocumentError as exc:
        return ("error", str(exc))


def _open(data: bytes) -> Package | str:
    try:
        return Package(data, source="x.docx")
    except Exception as exc:  # a refused package: the same either way
        return f"{type(exc).__name__}: {exc}"


def _same_reads(data: bytes) -> None:
    """Every entry read both ways from two packages of `data`: the same bytes or error."""
    mine, theirs = _open(data), _open(data)
    if not isinstance(mine, Package) or not isinstance(theirs, Package):
        assert mine == theirs
        return
    for name in list(mine._infos):
        got = _outcome(lambda name=name: mine.read(name))
        want = _outcome(lambda name=name: _read_before(theirs, name))
        assert got == want, name
    assert mine._read_total == theirs._read_total


_entries = st.lists(
    st.tuples(
        st.sampled_from(["word/a.bin", "word/é.bin", "x", "media/img.png", "docProps/c.xml"]),
        st.binary(max_size=3000) | st.text(max_size=500).map(str.encode),
        st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
        st.integers(0, 9),
    ),
    max_size=5,
    unique_by=lambda e: e[0],
)


def _package(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", _MIN)
        z.writestr("word/document.xml", _DOC)
        for name, data, kind, level in entries:
            z.writestr(zipfile.ZipInfo(name), data, compress_type=kind, compresslevel=level)
    return buffer.getvalue()


@settings(max_examples=150, deadline=None)
@given(entries=_entries)
def test_whole_entries_read_as_zipfile_reads_them(
    entries: list[tuple[str, bytes, int, int]],
) -> None:
    _same_reads(_package(entries))


@settings(max_examples=300, deadline=None)
@given(entries=_entries, flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255))))
def test_damaged_entries_read_or_refused_as_zipfile_does(
    entries: list[tuple[str, bytes, int, int]], flips: list[tuple[int, int]]
) -> None:
    data = bytearray(_package(entries))
    for at, bits in flips:
        data[at % len(data)] ^= bits
    _same_reads(bytes(data))


@pytest.mark.parametrize("path", sorted(DOCX.glob("*.docx")), ids=lambda p: p.name)
def test_fixture_parts_read_as_zipfile_reads_them(path: Path) -> None:
    _same_reads(path.read_bytes())
