"""The redline's ZIP is packed without zipfile's per-entry objects: the same bytes.

`zip_parts` packs the archive itself when writing from the start of a seekable stream;
zipfile (what it replaced) must give the very same bytes for every set of parts.
"""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from redline.word.write import _package


def _zipfile_bytes(parts: dict[str, bytes]) -> bytes:
    """What zip_parts wrote before: zipfile, entry by entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        ordered = ["[Content_Types].xml", *sorted(k for k in parts if k != "[Content_Types].xml")]
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=_package._EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, parts[name])
    return out.getvalue()


def _packed(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    _package.zip_parts(out, parts)
    return out.getvalue()


def _random_parts(rng: random.Random) -> dict[str, bytes]:
    names = ["word/document.xml", "word/média/é.png", "a", "Z/z.xml", "_rels/.rels"]
    parts: dict[str, bytes] = {}
    for name in ["[Content_Types].xml", *rng.sample(names, rng.randint(0, len(names)))]:
        kind = rng.randrange(4)
        if kind == 0:
            parts[name] = b""
        elif kind == 1:
            parts[name] = rng.randbytes(rng.randint(1, 70_000))
        elif kind == 2:
            word = rng.choice([b"a", b"bc", b"\xc3\xa9"])
            parts[name] = (b"<w:p>" + word * 40 + b"</w:p>") * rng.randint(1, 3000)
        else:
            parts[name] = _package.STYLES.encode()
    return parts


@pytest.mark.parametrize("seed", range(40))
def test_packed_as_zipfile_packs(seed: int) -> None:
    parts = _random_parts(random.Random(seed))
    assert _packed(parts) == _zipfile_bytes(parts)


def test_own_package_twice() -> None:
    """redline's constant parts (deflated once, then remembered) pack as zipfile packs them."""
    parts = {
        "[Content_Types].xml": _package.CONTENT_TYPES.encode(),
        "_rels/.rels": _package.ROOT_RELS.encode(),
        "word/styles.xml": _package.STYLES.encode(),
        "docProps/core.xml": _package.core_properties(
            "A & B", "2026-01-01T00:00:00Z", "t"
        ).encode(),
        "docProps/app.xml": _package.APP.encode(),
    }
    assert _packed(parts) == _zipfile_bytes(parts)
    assert _packed(parts) == _zipfile_bytes(parts)


def test_not_at_start_goes_through_zipfile() -> None:
    """A stream already written to gets what zipfile writes there."""
    parts = {"[Content_Types].xml": b"<x/>", "b": b"hello"}
    out, want = io.BytesIO(), io.BytesIO()
    out.write(b"lead")
    want.write(b"lead")
    _package.zip_parts(out, parts)
    with zipfile.ZipFile(want, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("[Content_Types].xml", "b"):
            info = zipfile.ZipInfo(name, date_time=_package._EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, parts[name])
    assert out.getvalue() == want.getvalue()


@pytest.mark.parametrize("seed", range(40))
def test_deflated_ahead_packs_as_zipfile_packs(seed: int) -> None:
    """Parts whose large members were deflated on a second thread pack the same bytes,
    also when a part was replaced after the deflate began (it is deflated again)."""
    rng = random.Random(seed)
    parts = _random_parts(rng)
    parts["word/big.xml"] = (b"<w:p>" + rng.randbytes(40).hex().encode() + b"</w:p>") * 7000
    ahead = _package.deflating(parts)
    assert isinstance(ahead, _package.Deflating)
    assert "word/big.xml" in ahead.ahead
    assert ahead == parts
    assert _packed(ahead) == _zipfile_bytes(parts)
    replaced = _package.deflating(parts)
    big = [name for name in replaced.ahead]
    for name in big:
        replaced[name] = replaced[name] + b"<w:p/>"
    assert _packed(replaced) == _zipfile_bytes(dict(replaced))


def test_large_parts_go_ahead() -> None:
    """A part from 512 KiB up is handed to the thread, a small one is not."""
    parts = {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w:p>ab</w:p>" * 50000}
    ahead = _package.deflating(parts)
    assert set(ahead.ahead) == {"word/document.xml"}
    assert _packed(ahead) == _zipfile_bytes(parts)


def test_a_forked_child_deflates_ahead_on_its_own_thread() -> None:
    """A process forked after the parent deflated ahead (compare_many's workers) gets a
    thread of its own, not the parent's executor whose thread it does not have."""
    import multiprocessing
    import os

    parts = {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w:p>ab</w:p>" * 50000}
    want = _packed(_package.deflating(parts))  # the parent's thread exists now
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: pack, report, leave at once
        try:
            os.write(write, b"1" if _packed(_package.deflating(parts)) == want else b"0")
        finally:
            os._exit(0)
    os.close(write)
    import signal
    import time

    deadline = time.monotonic() + 60  # a child waiting on a thread it lacks would hang
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    if done[0] == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the forked child never finished packing")
    assert os.read(read, 1) == b"1"
    assert done[1] == 0
