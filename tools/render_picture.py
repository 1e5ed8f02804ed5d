"""Render the README's picture: a redline of a report holding a table, a picture and a text
box, written in place by redline and drawn by LibreOffice (the top of page 1, PNG).

    python tools/render_picture.py [OUT.png]

Needs LibreOffice (`soffice`) and poppler's `pdftoppm` on the PATH (the test command
installs both). The inputs are the test fixtures made by LibreOffice
(tests/word/fixtures/elements/report.old.docx and report.new.docx).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import redline

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "tests/word/fixtures/elements/report.old.docx"
NEW = ROOT / "tests/word/fixtures/elements/report.new.docx"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "redline-report.png"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("render_picture: LibreOffice (soffice) not found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "redline-report.docx"
        comparison = redline.compare(OLD, NEW)
        redline.write_docx(comparison, docx, template=NEW, old_template=OLD, date="2026-01-01")
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "100",
                "-f",
                "1",
                "-l",
                "1",
                "-x",
                "60",
                "-y",
                "60",
                "-W",
                "700",
                "-H",
                "360",
                "-singlefile",
                str(Path(tmp) / "redline-report.pdf"),
                str(Path(tmp) / "page"),
            ],
            check=True,
            timeout=120,
        )
        shutil.copyfile(Path(tmp) / "page.png", out)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
