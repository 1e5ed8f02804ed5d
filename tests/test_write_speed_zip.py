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
