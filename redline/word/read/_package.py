"""Open a drafter's DOCX package defensively: ZIP limits, no DTDs, every failure named.

A Word file from outside is untrusted input. The package is read with hard limits that do not
trust the ZIP headers (each entry is read in chunks against its own cap), every XML part is
parsed with entities, DTDs and the network off, and a part that declares a DOCTYPE at all is
refused. Every failure is a `DocumentError` naming the file and, where there is one, the part.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from io import BytesIO

from lxml import etree

from ...errors import DocumentError
from ..oxml import clone, parse_part

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
_LOCAL = struct.Struct("<4s2B4HL2L2H")  # a local file header, as zipfile reads it
_UNPLAIN = 0x61  # encrypted, compressed patch data, strong encryption: zipfile's to refuse
_UTF8_NAME = 0x800
_PLAIN = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_CHUNK = 64 * 1024
_OFFICE_DOCUMENT = "/officeDocument"
_CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


class Package:
    """The parts of one DOCX package, read on demand under the limits above."""

    def __init__(self, data: bytes, *, source: str) -> None:
        self.source = source
        self.data = data  # the very bytes opened: a writer reuses the package for these only
        if data[:8] == _OLE:
            raise DocumentError("a .doc or encrypted file; save as .docx", source=source)
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            what = "not a ZIP package" if not data.startswith(b"PK") else "corrupt or truncated"
            raise DocumentError(f"not a Word document: {what} ({exc})", source=source) from exc
        except NotImplementedError as exc:  # an entry needing a later ZIP version than read
            raise DocumentError(
                f"not a Word document: unsupported ZIP package ({exc})", source=source
            ) from exc
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
        self._data: dict[str, bytes] = {}
        # Every XML part is parsed once here (the check); each tree waits for its first
        # reader, so reading a part does not parse it a second time.
        self._fresh: dict[str, etree._Element] = {}
        self._shared: dict[str, etree._Element | None] = {}
        self._rels: dict[str, list[tuple[str, str]]] = {}
        # Each shared tree's elements, held: lxml makes an element's Python object when a
        # walk meets it and drops it after, so every walk (read_lines, read_blocks, the
        # writer's views of its inputs) made all of them again.
        self._held: list[list[etree._Element]] = []
        types = self._parse(_CONTENT_TYPES)
        for part in self._xml_parts(types):
            tree = self._parse(part)
            if tree is not None:
                self._fresh[part] = tree
        if types is not None:
            self._fresh[_CONTENT_TYPES] = types
        self.main = self._main_part()

    def __reduce__(self) -> tuple[object, tuple[bytes, str]]:
        """Pickled (or deep-copied) as its bytes, opened again: a comparison that carries
        one pickles as it did when it carried the bytes only."""
        return _reopen, (self.data, self.source)

    def error(self, part: str, message: str) -> DocumentError:
        return DocumentError(f"{part}: {message}", source=self.source)

    def names(self) -> list[str]:
        """The package's entries (folders excluded), in the order the ZIP lists them."""
        return [n for n in self._infos if not n.endswith("/")]

    def has(self, part: str) -> bool:
        return part in self._infos

    def read(self, part: str) -> bytes | None:
        """The bytes of a part, or None when the package has no such part."""
        if part in self._data:
            return self._data[part]
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
        direct = self._direct(info, limit)
        if direct is not None:
            self._read_total += len(direct)
            self._data[part] = direct
            return direct
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
        self._data[part] = data = b"".join(chunks)
        return data

    def _direct(self, info: zipfile.ZipInfo, limit: int) -> bytes | None:
        """The entry's bytes taken straight from the package when it is plainly stored or
        deflated and checks out whole (its local header, size and CRC as zipfile checks
        them, within `limit`): the bytes zipfile would give, without its stream. None for
        anything else, which zipfile then reads (and names what is wrong)."""
        if info.flag_bits & _UNPLAIN or info.compress_type not in _PLAIN:
            return None
        data, at = self.data, info.header_offset
        head = data[at : at + _LOCAL.size]
        if len(head) < _LOCAL.size:
            return None
        fields = _LOCAL.unpack(head)
        name_at = at + _LOCAL.size
        try:
            name = data[name_at : name_at + fields[10]].decode(
                "utf-8" if fields[3] & _UTF8_NAME else "cp437"
            )
        except UnicodeDecodeError:
            return None
        if fields[0] != b"PK\x03\x04" or name != info.orig_filename:
            return None
        start = name_at + fields[10] + fields[11]
        raw = memoryview(data)[start : start + info.compress_size]
        if len(raw) != info.compress_size:
            return None
        if info.compress_type == zipfile.ZIP_STORED:
            out = bytes(raw)
        else:
            inflate = zlib.decompressobj(-15)
            try:
                out = inflate.decompress(raw, limit + 1)
            except zlib.error:
                return None
            if not inflate.eof or inflate.unused_data or inflate.unconsumed_tail:
                return None
        if len(out) != info.file_size or len(out) > limit or zlib.crc32(out) != info.CRC:
            return None
        return out

    def xml(self, part: str) -> etree._Element | None:
        """A part parsed safely, or None when absent; a DOCTYPE or bad XML is an error.

        The tree is the caller's own (a writer edits it): no other call returns it, so a
        package read for a comparison can be written onto later, as often as asked. A part
        a reader holds already is copied from its tree (never edited: the part's bytes as
        parsed), which serialises as parsing them again would when nothing (a comment, a
        processing instruction) stands beside the root; else the bytes are parsed again."""
        fresh = self._fresh.pop(part, None)
        if fresh is not None:
            return fresh
        shared = self._shared.get(part)
        if shared is not None and shared.getprevious() is None and shared.getnext() is None:
            return clone(shared)
        return self._parse(part)

    def tree(self, part: str) -> etree._Element | None:
        """A part as `xml` gives it, but one tree for every reader that asks: the readers
        only look, so the package's parts are parsed once for all of them. Never edit it.
        Its elements' objects are made once, in C, and live as long as the package."""
        if part not in self._shared:
            root = self._shared[part] = self.xml(part)
            if root is not None:
                self._held.append(list(root.iter()))
        return self._shared[part]

    def _parse(self, part: str) -> etree._Element | None:
        data = self.read(part)
        return None if data is None else parse_part(data, source=self.source, part=part)

    def relationships(self, part: str) -> list[tuple[str, str]]:
        """(type, target part) of each internal relationship of `part` ("" for the package),
        worked out once per part (the readers ask for the main part's, kind by kind)."""
        found = self._rels.get(part)
        if found is None:
            found = self._rels[part] = self._relationships(part)
        return list(found)

    def _relationships(self, part: str) -> list[tuple[str, str]]:
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
        root = self.tree(rels_part)
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

    def _xml_parts(self, types: etree._Element | None) -> list[str]:
        """Every XML part of the package but the content types (`types`, parsed first):
        each is parsed when the package is opened, so a DTD or bad XML anywhere is refused,
        read or not."""
        xml_types: set[str] = set()
        overrides: set[str] = set()
        for entry in types if types is not None else ():
            kind = entry.get("ContentType") or ""
            if not kind.endswith("xml"):
                continue
            if entry.tag == f"{_CT_NS}Default":
                xml_types.add("." + (entry.get("Extension") or "").lower())
            elif entry.tag == f"{_CT_NS}Override":
                overrides.add((entry.get("PartName") or "").lstrip("/"))
        xml_types |= {".xml", ".rels"}
        return [
            n
            for n in self.names()
            if n != _CONTENT_TYPES and (n in overrides or n.lower().endswith(tuple(xml_types)))
        ]

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


def _reopen(data: bytes, source: str) -> Package:
    return Package(data, source=source)
