"""Open a drafter's DOCX package defensively: ZIP limits, no DTDs, every failure named.

A Word file from outside is untrusted input. The package is read with hard limits that do not
trust the ZIP headers (each entry is read in chunks against its own cap), every XML part is
parsed with entities, DTDs and the network off, and a part that declares a DOCTYPE at all is
refused. Every failure is a `DocumentError` naming the file and, where there is one, the part.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from io import BytesIO
from typing import Any

from lxml import etree

from ...errors import DocumentError

__all__ = [
    "MAX_DOCX_BYTES",
    "MAX_ENTRIES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "RATIO_EXEMPT_BYTES",
    "Package",
]

MAX_DOCX_BYTES = 100 * 1024 * 1024  # a .docx file above this is refused before it is read
MAX_ENTRIES = 10_000
"""A package with more ZIP entries than this is refused."""
MAX_TOTAL_BYTES = 200 * 1024 * 1024
"""The package may not expand to more than this, declared or actually read (200 MB)."""
MAX_RATIO = 200
"""An entry may not expand to more than this many times its compressed size..."""
RATIO_EXEMPT_BYTES = 1024 * 1024
"""...unless it expands to no more than this (a tiny part can compress very well)."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
)
_DOCTYPE = "<!DOCTYPE"
_OFFICE_DOCUMENT = "/officeDocument"


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


class Package:
    """The parts of one DOCX package, read on demand under the limits above."""

    def __init__(self, data: bytes, *, source: str) -> None:
        self.source = source
        if data[:8] == _OLE:
            raise DocumentError("a .doc or encrypted file; save as .docx", source=source)
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            what = "not a ZIP package" if not data.startswith(b"PK") else "corrupt or truncated"
            raise DocumentError(f"not a Word document: {what} ({exc})", source=source) from exc
        if len(infos) > MAX_ENTRIES:
            raise DocumentError(
                f"the package has {len(infos)} entries; the limit is {MAX_ENTRIES}", source=source
            )
        declared = sum(i.file_size for i in infos)
        if declared > MAX_TOTAL_BYTES:
            raise DocumentError(
                f"the package would expand to {_mb(declared)}; the limit is "
                f"{_mb(MAX_TOTAL_BYTES)} (a ZIP bomb?)",
                source=source,
            )
        self._infos = {i.filename: i for i in infos}
        self._read_total = 0
        self.main = self._main_part()

    def error(self, part: str, message: str) -> DocumentError:
        return DocumentError(f"{part}: {message}", source=self.source)

    def names(self) -> list[str]:
        """The package's entries (folders excluded), in the order the ZIP lists them."""
        return [n for n in self._infos if not n.endswith("/")]

    def has(self, part: str) -> bool:
        return part in self._infos

    def read(self, part: str) -> bytes | None:
        """The bytes of a part, or None when the package has no such part."""
        info = self._infos.get(part)
        if info is None:
            return None
        cap = MAX_TOTAL_BYTES - self._read_total
        ratio_cap = max(MAX_RATIO * max(info.compress_size, 1), RATIO_EXEMPT_BYTES)
        if info.file_size > ratio_cap:
            raise self.error(
                part,
                f"expands {info.file_size // max(info.compress_size, 1)} times its compressed "
                f"size; the limit is {MAX_RATIO} (a ZIP bomb?)",
            )
        limit = min(cap, ratio_cap)
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    got += len(chunk)
                    if got > limit:
                        raise self.error(part, "expands beyond the package limits (a ZIP bomb?)")
                    chunks.append(chunk)
        except DocumentError:
            raise
        except RuntimeError as exc:  # a password-protected entry
            raise self.error(part, f"encrypted ZIP entry ({exc}); save as .docx") from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise self.error(part, f"the ZIP package is corrupt or truncated ({exc})") from exc
        except NotImplementedError as exc:
            raise self.error(part, f"unsupported ZIP compression ({exc})") from exc
        self._read_total += got
        return b"".join(chunks)

    def xml(self, part: str) -> etree._Element | None:
        """A part parsed safely, or None when absent; a DOCTYPE or bad XML is an error."""
        data = self.read(part)
        if data is None:
            return None
        if _DOCTYPE.encode() in data or (
            (data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4])
            and _DOCTYPE in data.decode("utf-16", errors="ignore")
        ):
            raise self.error(part, "refused: a DOCTYPE declaration (DTDs and entities)")
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise self.error(part, f"malformed XML at line {exc.lineno}: {exc.msg}") from exc
        tree = root.getroottree()
        info: Any = tree.docinfo  # lxml-stubs type it as a union
        if info.doctype or info.internalDTD is not None:
            raise self.error(part, "refused: a DOCTYPE declaration (DTDs and entities)")
        return root

    def relationships(self, part: str) -> list[tuple[str, str]]:
        """(type, target part) of each internal relationship of `part` ("" for the package)."""
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
        root = self.xml(rels_part)
        if root is None:
            return []
        out = []
        for rel in root:
            if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Type") or "", resolved))
        return out

    def related(self, part: str, kind: str) -> list[str]:
        """The parts `part` relates to by a relationship type ending in "/kind"."""
        return [t for typ, t in self.relationships(part) if typ.endswith("/" + kind)]

    def _main_part(self) -> str:
        for typ, target in self.relationships(""):
            if typ.endswith(_OFFICE_DOCUMENT) and self.has(target):
                return target
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise DocumentError(
            "not a Word document: the package has no main document part (word/document.xml)",
            source=self.source,
        )
