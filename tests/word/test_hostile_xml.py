"""Hostile XML in any part of an input or a template: one line naming the file and the part.

Every XML part of a Word package goes through the one hardened parser (`redline.word.oxml`).
Each test package here is a real fixture with one part rewritten to carry a DTD (an internal
entity, a billion-laughs expansion or an external entity), referenced in the part's content,
so a parser that expanded it would write the text out. Each must end in a `DocumentError`
that names the file and the part — never a traceback from lxml, never a redline written.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

import redline
from redline import errors
from redline.word.oxml import parse_part

FIXTURES = Path(__file__).parents[1] / "fixtures" / "docx"
BASES = ("hrc-47-9.docx", "notes-old.docx")
REFUSED = "refused: a DOCTYPE declaration (DTDs and entities)"


def _laughs(depth: int) -> str:
    """A billion laughs: each entity ten of the one before (10**depth "lol"s)."""
    return '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, depth + 1)
    )


ATTACKS = {  # the declarations, and the reference put into the part's content
    "internal": ('<!ENTITY x "EXPANDED-ENTITY-TEXT">', "&x;"),
    "laughs": (_laughs(9), "&l9;"),
    "external": ('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"),
}


def _xml_parts(name: str) -> list[str]:
    with zipfile.ZipFile(FIXTURES / name) as z:
        return [n for n in z.namelist() if n.endswith((".xml", ".rels"))]


CASES = [(base, part) for base in BASES for part in _xml_parts(base)]


def _hostile_part(data: bytes, attack: str, *, depth: int = 9) -> bytes:
    """The part with a DOCTYPE declaring the attack's entities and a reference to them
    as the last content of its root element."""
    text = data.decode("utf-8")
    start = text.index("?>") + 2 if text.startswith("<?xml") else 0
    root = re.search(r"<([\w:.-]+)", text[start:])
    assert root is not None
    declarations, reference = ATTACKS[attack]
    if attack == "laughs":
        declarations, reference = _laughs(depth), f"&l{depth};"
    end = text.rindex("</")
    text = (
        f"{text[:start]}<!DOCTYPE {root.group(1)} [{declarations}]>"
        f"{text[start:end]}{reference}{text[end:]}"
    )
    return text.encode("utf-8")


def _hostile_docx(base: str, part: str, attack: str, folder: Path) -> Path:
    """The fixture `base` with `part` rewritten to carry the attack (entry order kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(FIXTURES / base) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = _hostile_part(data, attack)
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    path = folder / f"{attack}-{part.replace('/', '_').strip('[]')}-{base}"
    path.write_bytes(out.getvalue())
    return path


def _expect_refused(
    info: pytest.ExceptionInfo[errors.DocumentError], path: Path, part: str
) -> None:
    message = str(info.value)
    assert message == f"{path}: {part}: {REFUSED}"
    assert "\n" not in message
    assert isinstance(info.value, ValueError)
    assert not re.search(r"EXPANDED|lollol|root:", message)  # nothing was expanded


@cache
def _comparison(base: str) -> redline.Comparison:
    return redline.compare(FIXTURES / base, FIXTURES / base)


def test_the_hostile_parts_are_well_formed_xml_with_a_dtd() -> None:
    """So the refusals below are about the DTD, not about XML broken by the rewrite (the
    laughs two levels deep: libxml2 itself stops nine levels at its amplification limit)."""
    lenient = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    for base, part in CASES:
        with zipfile.ZipFile(FIXTURES / base) as z:
            data = z.read(part)
        for attack in ATTACKS:
            root = etree.fromstring(_hostile_part(data, attack, depth=2), lenient)
            assert root.getroottree().docinfo.internalDTD is not None, (base, part, attack)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize(("base", "part"), CASES)
def test_hostile_input_part_is_refused(base: str, part: str, attack: str, tmp_path: Path) -> None:
    path = _hostile_docx(base, part, attack, tmp_path)
    with pytest.raises(errors.DocumentError) as info:
        redline.compare(FIXTURES / base, path)
    _expect_refused(info, path, part)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize(("base", "part"), CASES)
def test_hostile_template_part_is_refused(
    base: str, part: str, attack: str, tmp_path: Path
) -> None:
    path = _hostile_docx(base, part, attack, tmp_path)
    out = tmp_path / "redline.docx"
    with pytest.raises(errors.DocumentError) as info:
        redline.write_docx(_comparison(base), out, template=path)
    _expect_refused(info, path, part)
    assert not out.exists()


def test_the_clean_template_is_accepted(tmp_path: Path) -> None:
    """The control: the same fixture, untouched, is a template that writes a redline."""
    out = tmp_path / "redline.docx"
    redline.write_docx(_comparison(BASES[0]), out, template=FIXTURES / BASES[0])
    assert zipfile.ZipFile(out).testzip() is None


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_a_doctype_in_another_encoding_is_refused(encoding: str) -> None:
    """The parsed document's own DTD is checked too, not only the bytes."""
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>'
    data = f'{declaration}<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'.encode(encoding)
    with pytest.raises(errors.DocumentError) as info:
        parse_part(data, source="in.docx", part="word/settings.xml")
    assert str(info.value) == f"in.docx: word/settings.xml: {REFUSED}"


def test_malformed_part_is_one_line_naming_file_and_part() -> None:
    with pytest.raises(errors.DocumentError) as info:
        parse_part(b"<a>\n<b></a>", source="in.docx", part="word/styles.xml")
    message = str(info.value)
    assert message.startswith("in.docx: word/styles.xml: malformed XML at line 2: ")
    assert "\n" not in message
    assert isinstance(info.value.__cause__, etree.XMLSyntaxError)


def test_cli_with_a_hostile_new_file_fails_in_one_line(tmp_path: Path) -> None:
    base = BASES[0]
    path = _hostile_docx(base, "[Content_Types].xml", "laughs", tmp_path)
    out = tmp_path / "out.docx"
    done = subprocess.run(
        [sys.executable, "-m", "redline", str(FIXTURES / base), str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("redline: error:")
    assert f"{path}: [Content_Types].xml: {REFUSED}" in lines[0]
    assert "lol" not in done.stderr + done.stdout
    assert not out.exists()
