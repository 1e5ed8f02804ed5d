"""Render redlines to PDF and PNG with LibreOffice, so a person can see what a negotiator sees.

    python3 examples/render.py [OUT_DIR]   # default: docs/

Writes the redline of the two seed resolutions (HRC 46/13 -> 47/9), of the same pair as Word
files written onto the new one (`template=`), of an Arabic and a Chinese revision, and of a
report holding a table, a picture and a text box written in place (the README's picture);
converts each with `soffice --headless --convert-to pdf` (tracked changes shown as Word and
LibreOffice show them) and one page with `pdftoppm -png`. Needs LibreOffice, poppler-utils,
and fonts for the scripts (Debian: fonts-noto-core, fonts-noto-cjk).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import redline

ROOT = Path(__file__).resolve().parents[1]
DATE = "2026-01-01T00:00:00Z"
WORD = ROOT / "tests" / "fixtures" / "docx"
ELEMENTS = ROOT / "tests" / "word" / "fixtures" / "elements"
REPORT = (ELEMENTS / "report.old.docx", ELEMENTS / "report.new.docx")

ARABIC = (
    "إن الجمعية العامة،\n\nإذ تؤكد من جديد قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015،\n\n"
    "وإذ تشير إلى الإعلان العالمي لحقوق الإنسان،\n\n"
    "1 - تقرر مواصلة النظر في هذه المسألة في دورتها المقبلة؛\n\n"
    "2 - تطلب إلى الأمين العام تقديم تقرير عن تنفيذ هذا القرار.\n"
)
CHINESE = (
    "大会，\n\n重申其2015年9月25日第70/1号决议，\n\n回顾《世界人权宣言》，\n\n"
    "1. 决定在下届会议上继续审议这个问题；\n\n2. 请秘书长就本决议的执行情况提交报告。\n"
)


def _revise_arabic(text: str) -> str:
    return text.replace("المقبلة", "السابعة والثمانين").replace("وإذ تشير", "وإذ تشير أيضا")


def _revise_chinese(text: str) -> str:
    return text.replace("下届会议", "第八十七届会议").replace("回顾", "又回顾")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        raise SystemExit("needs soffice (LibreOffice) and pdftoppm (poppler-utils)")
    cases = {
        # a revision of 47/9 made by hand: words changed, a paragraph moved, one deleted, a
        # footnote edited (the README's first picture)
        "redline-47-9-rev1": redline.compare(
            ROOT / "examples" / "hrc-47-9.md", ROOT / "examples" / "hrc-47-9-rev1.md"
        ),
        "redline-46-13-vs-47-9": redline.compare(
            ROOT / "examples" / "hrc-46-13.txt", ROOT / "examples" / "hrc-47-9.md"
        ),
        "redline-arabic": redline.compare(ARABIC, _revise_arabic(ARABIC)),
        "redline-chinese": redline.compare(CHINESE, _revise_chinese(CHINESE)),
        # the same seed pair as the drafters' Word files (made by LibreOffice), the redline
        # written onto the new one: its page header, footer, styles and list kept
        "redline-onto-word": redline.compare(WORD / "hrc-46-13.docx", WORD / "hrc-47-9.docx"),
        # a report holding a table, a picture and a text box (made by LibreOffice), written
        # in place: the README's picture, the top of page 1
        "redline-report": redline.compare(REPORT[0], REPORT[1]),
    }
    inputs = {"redline-onto-word": (WORD / "hrc-46-13.docx", WORD / "hrc-47-9.docx")}
    inputs["redline-report"] = REPORT
    crops = {"redline-report": ["-r", "100", "-x", "60", "-y", "60", "-W", "700", "-H", "360"]}
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        for name, comparison in cases.items():
            old, new = inputs.get(name, (None, None))
            docx = redline.write_docx(
                comparison, Path(tmp) / f"{name}.docx", date=DATE, template=new, old_template=old
            )
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
            )
            pdf = Path(tmp) / f"{name}.pdf"
            page = 2 if name.startswith(("redline-46", "redline-47")) else 1  # past the header page
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    *crops.get(name, ["-r", "80"]),
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(out / name),
                ],
                check=True,
            )
            print(f"wrote {out / name}.png ({comparison.summary()})")


if __name__ == "__main__":
    main()
