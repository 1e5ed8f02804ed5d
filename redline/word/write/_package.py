"""The fixed parts of a redline DOCX, and a deterministic, atomic ZIP writer.

Every entry gets the same timestamp and entries are written in sorted order, so the same
comparison, author and date give a byte-identical file on any machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import struct
import sys
import zipfile
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from ...errors import OutputError
from ..oxml import W_NS

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{_WML}.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="{_WML}.settings+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{_WML}.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{_WML}.footnotes+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
"""

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG_REL}">
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>
</Relationships>
"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG_REL}">
<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="{_REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rId4" Type="{_REL}/footnotes" Target="footnotes.xml"/>
</Relationships>
"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}">
<w:defaultTabStop w:val="567"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>
"""

# Operative paragraphs: decimal "1." at a hanging indent, as in the official documents.
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="1701"/></w:tabs>
<w:ind w:left="1247" w:firstLine="0"/></w:pPr><w:rPr><w:i w:val="0"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
"""


def _style(sid: str, name: str, ppr: str = "", rpr: str = "", kind: str = "paragraph") -> str:
    based = '<w:basedOn w:val="Normal"/>' if kind == "paragraph" else ""
    return (
        f'<w:style w:type="{kind}" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
        f"{based}<w:qFormat/>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}"
        f"{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}</w:style>"
    )


_TNR = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>'
_BODY_IND = '<w:ind w:left="1247" w:right="1247"/>'
STYLES = (
    f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr>{_TNR}<w:sz w:val="20"/><w:szCs w:val="20"/>
<w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="atLeast"/>
<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
"""
    + _style("RlHeader", "Resolution Header", '<w:spacing w:after="0"/><w:jc w:val="left"/>')
    + _style(
        "RlTitle",
        "Resolution Title",
        '<w:keepNext/><w:spacing w:before="240" w:after="240"/>'
        '<w:ind w:left="1247" w:right="1247" w:hanging="567"/><w:jc w:val="left"/>',
        '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    )
    + _style("RlFormula", "Resolution Formula", _BODY_IND.replace("/>", ' w:firstLine="567"/>'))
    + _style("RlPreamble", "Preambular Paragraph", _BODY_IND.replace("/>", ' w:firstLine="567"/>'))
    + _style("RlOperative", "Operative Paragraph", _BODY_IND.replace("/>", ' w:firstLine="567"/>'))
    + _style(
        "RlSubparagraph", "Sub-paragraph", '<w:ind w:left="1814" w:right="1247" w:firstLine="567"/>'
    )
    + _style("RlAnnex", "Annex Paragraph", _BODY_IND)
    + _style("RlPlain", "Plain Paragraph", _BODY_IND)
    + _style("RlVote", "Vote Record", '<w:ind w:left="1247" w:right="1247"/><w:jc w:val="left"/>')
    + _style(
        "FootnoteText",
        "footnote text",
        '<w:spacing w:after="0"/><w:ind w:left="1247" w:right="1247" w:hanging="227"/>',
        '<w:sz w:val="17"/><w:szCs w:val="17"/>',
    )
    + _style(
        "FootnoteReference",
        "footnote reference",
        "",
        '<w:vertAlign w:val="superscript"/>',
        kind="character",
    )
    + "\n</w:styles>\n"
)

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>redline</Application></Properties>
"""


def core_properties(author: str, date: str, title: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator><cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy>
<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>
</cp:coreProperties>
"""


def _attr(value: str) -> str:
    """An attribute's value as XML that parses back to it (quotes and whitespace kept)."""
    return escape(value, {'"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


def _iso(date: dt.datetime | str | None) -> str:
    if date is None:
        date = dt.datetime.now(dt.timezone.utc)
    if isinstance(date, str):
        date = dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
    if date.tzinfo is not None:
        date = date.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return date.replace(microsecond=0).isoformat() + "Z"


_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_parts(out: BinaryIO, parts: dict[str, bytes]) -> None:
    """The parts as a deterministic ZIP: the content types first, then sorted names, one
    fixed timestamp, so the same parts give the same bytes on any machine."""
    data = _archive(parts) if _at_start(out) else None
    if data is not None:
        out.write(data)
        return
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        ordered = ["[Content_Types].xml", *sorted(k for k in parts if k != "[Content_Types].xml")]
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, parts[name])


def _at_start(out: BinaryIO) -> bool:
    try:
        return out.seekable() and out.tell() == 0
    except (AttributeError, OSError, ValueError):
        return False


# The ZIP records as zipfile packs them (local header, central directory entry, end).
_LOCAL, _CENTRAL, _END = "<4s2B4HL2L2H", "<4s4B4HL2L5H2L", "<4s4H2LH"
_VERSION = 20  # zipfile's DEFAULT_VERSION: deflate, no ZIP64
_SYSTEM = 0 if sys.platform == "win32" else 3  # zipfile's create_system
_DOS_DATE = (_EPOCH[0] - 1980) << 9 | _EPOCH[1] << 5 | _EPOCH[2]
_DOS_TIME = _EPOCH[3] << 11 | _EPOCH[4] << 5 | _EPOCH[5] // 2
_LIMIT = 1 << 30  # below every ZIP64 threshold of zipfile, with room for the headers
_CONSTANT = frozenset(
    text.encode()
    for text in (CONTENT_TYPES, ROOT_RELS, DOCUMENT_RELS, SETTINGS, NUMBERING, STYLES, APP)
)
_DEFLATED: dict[bytes, tuple[int, bytes]] = {}


_CONSTANT_SIZES = frozenset(len(data) for data in _CONSTANT)


def _deflate(data: bytes) -> tuple[int, bytes]:
    """CRC-32 and raw deflate of `data` as zipfile makes them (default level, compress then
    flush); redline's own constant parts are deflated once. Only bytes of a constant's size
    are looked up: hashing a part to look it up costs about 1 us a KB (85 us for a 91 KB
    document), once for each part written."""
    constant = len(data) in _CONSTANT_SIZES and data in _CONSTANT
    known = _DEFLATED.get(data) if constant else None
    if known is not None:
        return known
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    made = (zlib.crc32(data), compressor.compress(data) + compressor.flush())
    if constant:
        _DEFLATED[data] = made
    return made


_AHEAD_FROM = 512 * 1024
"""Parts this large are deflated ahead, on a second thread: handing a smaller one over (and
its result back through the interpreter's lock) cost more than it saved (70 paragraphs,
a 51 KB document: 15.5 -> 16.4 ms; 1,000 paragraphs, 837 KB: 299 -> 292 ms)."""
_DEFLATER: dict[int, ThreadPoolExecutor] = {}  # by process id: a forked child makes its own


class Deflating(dict[str, bytes]):
    """Parts whose large members are already being deflated on a second thread.

    zlib lets go of the interpreter while it compresses, so a large part's deflate runs on
    another core while the caller checks what it wrote; the ZIP writer then takes the result.
    The very function and level run either way: the bytes are the same."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        super().__init__(parts)
        self.ahead: dict[str, tuple[bytes, Future[tuple[int, bytes]]]] = {}
        for name, data in parts.items():
            if isinstance(data, bytes) and len(data) >= _AHEAD_FROM:  # no constant is as large
                try:
                    self.ahead[name] = (data, _deflater().submit(_deflate, data))
                except RuntimeError:  # no thread to be had (interpreter exiting): inline
                    break

    def deflated(self, name: str, data: bytes) -> tuple[int, bytes]:
        """CRC-32 and deflate of the part `name` holding `data`: taken from the thread when
        it was deflated ahead (and is still those bytes), else worked out now."""
        ahead = self.ahead.pop(name, None)
        if ahead is not None and ahead[0] is data:
            return ahead[1].result()
        return _deflate(data)


def _deflater() -> ThreadPoolExecutor:
    """The process's deflating thread, made when first needed. A child forked from a process
    that had one inherits the executor but not its thread, so each process id has its own."""
    pid = os.getpid()
    if pid not in _DEFLATER:
        _DEFLATER.clear()
        _DEFLATER[pid] = ThreadPoolExecutor(1, "redline-deflate")
    return _DEFLATER[pid]


def deflating(parts: dict[str, bytes]) -> Deflating:
    """The parts, their large members' deflate begun on a second thread (see Deflating)."""
    return parts if isinstance(parts, Deflating) else Deflating(parts)


def _archive(parts: dict[str, bytes]) -> bytes | None:
    """The very bytes `zipfile` writes for the parts from the start of a seekable stream
    (see zip_parts), packed here without its per-entry objects; None where zipfile would
    do more than this packs (a name it rewrites, ZIP64 sizes): it writes those itself."""
    if len(parts) >= 0xFFFF or sum(len(v) for v in parts.values()) > _LIMIT:
        return None
    ordered = ["[Content_Types].xml", *sorted(k for k in parts if k != "[Content_Types].xml")]
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in ordered:
        if "\0" in name or (os.sep != "/" and os.sep in name):
            return None
        data = parts[name]
        if isinstance(data, str):
            data = data.encode("utf-8")
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), 0x800
        crc, packed = parts.deflated(name, data) if isinstance(parts, Deflating) else _deflate(data)
        fields = (flags, 8, _DOS_TIME, _DOS_DATE, crc, len(packed), len(data), len(raw))
        chunks += (struct.pack(_LOCAL, b"PK\x03\x04", _VERSION, 0, *fields, 0), raw, packed)
        central += (
            struct.pack(
                _CENTRAL,
                b"PK\x01\x02",
                _VERSION,
                _SYSTEM,
                _VERSION,
                0,
                *fields,
                0,
                0,
                0,
                0,
                0o644 << 16,
                offset,
            ),
            raw,
        )
        offset += 30 + len(raw) + len(packed)
    size = sum(len(c) for c in central)
    end = struct.pack(_END, b"PK\x05\x06", 0, 0, len(ordered), len(ordered), size, offset, 0)
    return b"".join(chunks) + b"".join(central) + end


def write_package(path: Path, parts: dict[str, bytes]) -> None:
    """Write the parts as a ZIP, atomically: a temporary file renamed into place.

    A failure leaves nothing half-written behind and is raised as `OutputError`.
    """
    folder = path.parent if str(path.parent) else Path(".")
    tmp = str(folder / f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:  # not mkstemp (always 0600): 0666 less the umask, as any program's new file
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", source=str(path)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            zip_parts(fh, parts)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(
            f"cannot write the redline: {exc.strerror or exc}", source=str(path)
        ) from exc
