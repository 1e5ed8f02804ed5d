"""Clean text in the six languages, one paragraph per line or per block, is never re-paragraphed.

Real resolution lines from the United Nations Parallel Corpus (General Assembly resolution
69/170, the same lines in Arabic, Chinese, English, French, Russian and Spanish: four
preambular paragraphs, three operative ones) are laid out as a drafter pastes them, one per
line or with blank lines between; each line must come back as one paragraph, in its part,
and a redline of the text against a revision of it must give both texts back exactly under
Accept All and Reject All in LibreOffice (one batch for all twelve files). The Universal
Declaration as the corpus holds it keeps its seven preambular lines apart in every language.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import redline
from expect import expected_view
from redline.comparison import Comparison
from redline.model import Resolution

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
FORMULA = {
    "ar": "إن الجمعية العامة،",
    "zh": "大会，",
    "en": "The General Assembly,",
    "fr": "L’Assemblée générale,",
    "ru": "Генеральная Ассамблея,",
    "es": "La Asamblea General,",
}
PREAMBLE = ("198", "199", "1077", "1881")  # resolution_lines.tsv "line" ids, 69/170
OPERATIVE = ("1078", "3260", "1880")  # its paragraphs 2, 3 and 4
LAYOUTS = {"per line": "\n", "per block": "\n\n"}
UDHR = {"ar": "arb", "zh": "cmn_hans", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}
UDHR_PREAMBLE = {"ar": "الديباجة", "zh": "序言", "en": "Preamble", "fr": "Préambule"}
UDHR_PREAMBLE |= {"ru": "ПРЕАМБУЛА", "es": "Preámbulo"}


def _lines(shared: Path) -> dict[str, dict[str, str]]:
    """The chosen rows of resolution_lines.tsv: line id -> language -> text."""
    path = shared / "corpus" / "multilingual" / "unpc-devset" / "resolution_lines.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = {row["line"]: row for row in csv.DictReader(f, delimiter="\t")}
    return {k: {lang: rows[k][lang].strip() for lang in LANGUAGES} for k in PREAMBLE + OPERATIVE}


def _text(lines: dict[str, dict[str, str]], language: str, sep: str, ops: tuple[str, ...]) -> str:
    pieces = [FORMULA[language]] + [lines[k][language] for k in PREAMBLE]
    return sep.join(pieces + [lines[k][language] for k in ops]) + "\n"


def _check_parse(r: Resolution, lines: dict[str, dict[str, str]], language: str) -> None:
    assert r.language == language and r.formula == FORMULA[language]
    assert [p.text for p in r.preamble] == [lines[k][language] for k in PREAMBLE]
    assert len(r.operative) == len(OPERATIVE)
    for p, k in zip(r.operative, OPERATIVE):
        assert lines[k][language].endswith(p.text) and p.number, (p.number, p.text)
        assert p.lead, p.text
    assert not r.repairs


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_line_is_one_paragraph(shared_dir: Path, language: str, layout: str) -> None:
    lines = _lines(shared_dir)
    r = redline.parse(_text(lines, language, LAYOUTS[layout], OPERATIVE))
    _check_parse(r, lines, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_declaration_preamble_lines_stay_apart(shared_dir: Path, language: str) -> None:
    """The seven lines after the Declaration's "Preamble" heading, as the file holds them."""
    path = shared_dir / "corpus" / "multilingual" / "udhr" / f"udhr_{UDHR[language]}.txt"
    source = [ln.strip() for ln in path.read_text("utf-8").splitlines()]
    at = source.index(UDHR_PREAMBLE[language])
    preamble = source[at + 1 : at + 8]
    assert all(preamble)
    r = redline.parse(path)
    pieces = [h.text for h in r.header.lines] + [p.text for p in r.paragraphs]
    for line in preamble:
        assert line in pieces, line


def _revised(lines: dict[str, dict[str, str]], language: str, sep: str) -> str:
    """A revision: the last two operative paragraphs swapped, a word changed in the first."""
    text = _text(lines, language, sep, (OPERATIVE[0], OPERATIVE[2], OPERATIVE[1]))
    first = lines[OPERATIVE[0]][language]
    return text.replace(first, first[: len(first) // 2] + " 2015 " + first[len(first) // 2 :])


@pytest.mark.oracle
def test_six_languages_accept_reject_in_libreoffice(shared_dir: Path, tmp_path: Path) -> None:
    """Accept All gives the revision, Reject All the text, exactly, for every language and
    layout: twelve redlines opened by LibreOffice in one batch."""
    from oracle import require_oracle, run_oracle

    require_oracle()
    lines = _lines(shared_dir)
    written: dict[tuple[str, str], tuple[Comparison, Path]] = {}
    for language in LANGUAGES:
        for layout, sep in LAYOUTS.items():
            c = redline.compare(
                _text(lines, language, sep, OPERATIVE), _revised(lines, language, sep)
            )
            _check_parse(c.old, lines, language)
            assert len(c.new.operative) == len(OPERATIVE) and len(c.new.preamble) == len(PREAMBLE)
            name = f"{language}-{layout.replace(' ', '-')}.docx"
            path = redline.write_docx(c, tmp_path / name, date="2026-01-01T00:00:00Z")
            written[(language, layout)] = (c, Path(path))
    report = run_oracle([p for _, p in written.values()])
    for key, (c, path) in written.items():
        result = report[str(path)]
        for mode, side in (("accept", c.new), ("reject", c.old)):
            body, numbers, _ = expected_view(side, auto_numbers=c.auto_numbers)
            assert result[mode]["body"] == body, (key, mode)
            assert result[mode]["numbers"] == numbers, (key, mode)
