"""The shared corpus as files redline reads, with a manifest: test and benchmark tooling.

`structured/` and `pdf-text/` are JSON, which redline does not read: each is written out
as the text a drafter would paste (a structured file's elements one paragraph each, prefix
in front; a pdf-text file's `text` as extracted). Files redline reads (Markdown, OCR text,
PDF, UDHR text) are named where they are, by absolute path. The manifest written beside
them keeps the shared manifest's symbol, title, date and series.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

READ = (".txt", ".md", ".pdf")
FIELDS = ("path", "symbol", "title", "date", "series", "source")


def manifest_rows(shared: Path) -> list[dict[str, str]]:
    with (shared / "corpus" / "MANIFEST.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def structured_elements(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def structured_text(path: Path) -> str:
    """A structured/ file as pasted text: each element a paragraph, its prefix in front."""
    blocks = []
    for e in structured_elements(path):
        text = " ".join((e.get("text") or "").split())
        prefix = (e.get("prefix") or "").strip()
        if text:
            blocks.append(f"{prefix} {text}" if prefix and not text.startswith(prefix) else text)
    return "\n\n".join(blocks) + "\n"


def write_corpus(shared: Path, out: Path, rows: Iterable[dict[str, str]]) -> Path:
    """The rows' files as redline reads them under `out`, and `out/MANIFEST.csv`."""
    corpus = shared / "corpus"
    listed = []
    for row in rows:
        source = corpus / row["path"]
        folder = row["path"].split("/")[0]
        if folder in ("structured", "pdf-text"):
            target = out / folder / (source.stem + ".txt")
            target.parent.mkdir(parents=True, exist_ok=True)
            if folder == "structured":
                text = structured_text(source)
            else:
                text = json.loads(source.read_text(encoding="utf-8"))["text"]
            target.write_text(text, encoding="utf-8")
            path = target.relative_to(out).as_posix()
        elif source.suffix in READ:
            path = str(source)
        else:
            continue
        listed.append({**{k: row.get(k, "") for k in FIELDS}, "path": path})
    out.mkdir(parents=True, exist_ok=True)
    with (out / "MANIFEST.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(listed)
    return out


def folded(text: str) -> str:
    """The test's own folding, written from the issue's words (not redline's): case,
    whitespace, quotation marks and hyphens."""
    text = text.replace("\xad", "")
    for ch in "\u2010\u2011\u2012":
        text = text.replace(ch, "-")
    for ch in '"`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a':
        text = text.replace(ch, "'")
    return " ".join(text.casefold().split())
