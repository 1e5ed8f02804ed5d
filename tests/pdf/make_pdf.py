"""Small PDF files for the PDF reader's tests, written byte by byte, and the draft fixtures.

- `text_pdf(lines)`: one page of Times text (standard fonts, WinAnsi), for a file read end
  to end through pdfminer;
- `image_pdf()`: one page holding only an image — what a scanned resolution looks like;
- `encrypted_pdf(password)`: `text_pdf` encrypted with the PDF standard security handler
  (revision 2, RC4 with a 40-bit key), openable only with the user password — written here
  because no PDF library that encrypts is a dependency;
- `python3 tests/pdf/make_pdf.py` rewrites tests/pdf/fixtures/*.pdf: the Word fixtures of
  tests/fixtures/docx/ printed to PDF by LibreOffice (drafts set without paragraph spacing
  or indents, a vote table, footnotes under a drawn separator).
"""

from __future__ import annotations

import hashlib
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DRAFTS = ("hrc-46-13", "hrc-47-9", "subparagraphs")
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_ID = hashlib.md5(b"redline test pdf").digest()


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _document(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _page(contents: bytes, resources: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
        + resources
        + b" /Contents 4 0 R >>",
        _stream(contents),
    ]


def _text_objects(lines: list[tuple[float, float, str, str]]) -> list[bytes]:
    """(x, y, font: R or I, text) lines in 10-point Times."""
    ops = b"".join(
        b"BT /F%s 10 Tf %.2f %.2f Td (%s) Tj ET\n" % (font.encode(), x, y, _escape(text))
        for x, y, font, text in lines
    )
    fonts = b"<< /Font << /FR 5 0 R /FI 6 0 R >> >>"
    return [
        *_page(ops, fonts),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic /Encoding /WinAnsiEncoding >>",
    ]


def text_pdf(lines: list[tuple[float, float, str, str]]) -> bytes:
    """One page of (x, y, "R"/"I", text) lines in 10-point Times Roman or Italic."""
    return _document(_text_objects(lines))


def image_pdf() -> bytes:
    """One page with a 2 x 2 grey image and no text: a scanned page."""
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    )
    contents = b"q 400 0 0 500 100 150 cm /Im1 Do Q\n"
    return _document([*_page(contents, b"<< /XObject << /Im1 5 0 R >> >>"), image])


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(password: str, lines: list[tuple[float, float, str, str]]) -> bytes:
    """`text_pdf(lines)` encrypted (RC4, 40 bits) with the user password `password`."""
    user = (password.encode("latin-1") + _PAD)[:32]
    owner_key = hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5]
    o_entry = _rc4(owner_key, user)
    permissions = -44
    key = hashlib.md5(user + o_entry + struct.pack("<i", permissions) + _ID).digest()[:5]
    u_entry = _rc4(key, _PAD)
    objects = _text_objects(lines)
    contents = objects[3].split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
    object_key = hashlib.md5(key + struct.pack("<i", 4)[:3] + b"\x00\x00").digest()[:10]
    objects[3] = _stream(_rc4(object_key, contents))
    objects.append(
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (o_entry.hex().encode(), u_entry.hex().encode(), permissions)
    )
    trailer = b"/Encrypt %d 0 R /ID [<%s> <%s>] " % (
        len(objects),
        _ID.hex().encode(),
        _ID.hex().encode(),
    )
    return _document(objects, trailer=trailer)


def make_drafts(folder: Path = FIXTURES) -> list[Path]:
    """Print the Word fixtures to PDF with LibreOffice into `folder`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found: LibreOffice prints the draft fixtures")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        sources = [ROOT / "tests" / "fixtures" / "docx" / f"{name}.docx" for name in DRAFTS]
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", work, *map(str, sources)],
            check=True,
            capture_output=True,
        )
        out = []
        for name in DRAFTS:
            target = folder / f"{name}.pdf"
            shutil.copyfile(Path(work) / f"{name}.pdf", target)
            out.append(target)
    return out


if __name__ == "__main__":
    for path in make_drafts():
        sys.stdout.write(f"{path.relative_to(ROOT)}\n")
