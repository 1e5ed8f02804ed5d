"""Arabic and Chinese redlines rendered by LibreOffice: real glyphs, the words on the page.

`examples/render.py` turns redlines into pictures with `soffice --convert-to pdf`; a page
set in a font without the script's glyphs shows empty boxes ("tofu") and nobody notices
until a reader does. Here both redlines are converted in one headless LibreOffice call
(private profile, so a running LibreOffice is not disturbed), then poppler-utils check:

* `pdffonts`: a font that covers the script (by fontconfig: `fc-list :lang=ar`,
  `fc-list :lang=zh-cn`; on Debian with fonts-noto-core/fonts-noto-cjk that is Noto Naskh
  or Sans Arabic or DejaVu Sans, and Noto Sans or Serif CJK) is embedded in the PDF;
  Liberation Serif alone, the stand-in for the document's Times New Roman, has no Arabic
  or CJK glyph;
* `pdftotext`: kept, deleted and inserted words of each text are on the page.

tests/run.sh installs poppler-utils and the fonts when missing. Marked `oracle`: run in CI,
never skipped there (REDLINE_REQUIRE_ORACLE=1).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import redline
from oracle import REQUIRE_ENV, require_oracle

pytestmark = pytest.mark.oracle
DATE = "2026-01-01T00:00:00Z"

TEXTS = {
    "ar": (
        "إن الجمعية العامة،\n\nإذ تؤكد من جديد قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015،\n\n"
        "1 - تقرر مواصلة النظر في هذه المسألة في دورتها المقبلة؛\n\n"
        "2 - تطلب إلى الأمين العام تقديم تقرير عن تنفيذ هذا القرار.\n",
        ("المقبلة", "السابعة والثمانين"),
    ),
    "zh": (
        "大会，\n\n重申其2015年9月25日第70/1号决议，\n\n"
        "1. 决定在下届会议上继续审议这个问题；\n\n2. 请秘书长就本决议的执行情况提交报告。\n",
        ("下届会议", "第八十七届会议"),
    ),
}
# Words looked for on the page: kept, deleted (struck through) and inserted. Arabic words
# with the lam-alef ligature ("الإعلان") are avoided: pdftotext gives its letters swapped.
WORDS = {
    "ar": ("مواصلة النظر", "المقبلة", "السابعة والثمانين", "تقديم تقرير"),
    "zh": ("重申", "秘书长", "第八十七", "继续审议"),
}
FONTCONFIG_LANG = {"ar": "ar", "zh": "zh-cn"}
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _poppler() -> None:
    """Skip without pdffonts/pdftotext/fc-list, or fail when the run demands the oracle."""
    missing = [t for t in ("pdffonts", "pdftotext", "fc-list") if not shutil.which(t)]
    if not missing:
        return
    reason = f"{', '.join(missing)} not found (apt-get install poppler-utils fontconfig)"
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"rendering check required ({REQUIRE_ENV}=1) but unusable: {reason}")
    pytest.skip(reason)


def _run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stderr}"
    return done.stdout


def _embedded_fonts(pdf: Path) -> list[str]:
    """PostScript names of the fonts embedded in ``pdf``, subset tags ("ABCDEF+") removed."""
    rows = _run(["pdffonts", str(pdf)]).splitlines()[2:]  # after the two header lines
    return [row.split()[0].split("+", 1)[-1] for row in rows if row.strip()]


def _script_fonts(language: str) -> set[str]:
    """PostScript names of the installed fonts that fontconfig says cover ``language``."""
    out = _run(["fc-list", f":lang={FONTCONFIG_LANG[language]}", "postscriptname"])
    return {line.split("=", 1)[1].strip() for line in out.splitlines() if "=" in line}


def _covers(embedded: str, installed: set[str]) -> bool:
    # LibreOffice may add a suffix to the face's name ("NotoSerifCJKjp-Regular-VKana")
    return any(embedded == name or embedded.startswith(name + "-") for name in installed)


def test_arabic_and_chinese_redlines_render_with_fonts_of_their_script(tmp_path: Path) -> None:
    require_oracle()
    _poppler()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice
    docs = []
    for language, (old, (before, after)) in TEXTS.items():
        comparison = redline.compare(old, old.replace(before, after))
        assert comparison.new.language == language
        docs.append(redline.write_docx(comparison, tmp_path / f"{language}.docx", date=DATE))
    profile = tmp_path / "profile"
    _run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, docs),
        ]
    )
    for language in TEXTS:
        pdf = tmp_path / f"{language}.pdf"
        assert pdf.is_file(), f"LibreOffice wrote no {pdf.name}"
        installed = _script_fonts(language)
        assert installed, f"no installed font covers {language} (fonts-noto-core, fonts-noto-cjk)"
        embedded = _embedded_fonts(pdf)
        assert any(_covers(name, installed) for name in embedded), (language, embedded)
        text = unicodedata.normalize("NFKC", _run(["pdftotext", str(pdf), "-"]))
        text = " ".join(_BIDI_CONTROLS.sub("", text).split())
        for word in WORDS[language]:
            assert word in text, (language, word, text)
