"""Resolutions in Arabic, Chinese, French (and the others): structure, leads, round trip."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import redline
from expect import expected_view
from redline.word import read_view

TEXTS = {
    "fr": "L’Assemblée générale,\n\nRéaffirmant sa résolution 70/1 du 25 septembre 2015,\n\n"
    "Rappelant la Déclaration universelle des droits de l’homme,\n\n"
    "1. Décide de poursuivre l’examen de la question ;\n\n"
    "2. Prie le Secrétaire général de lui présenter un rapport.\n",
    "zh": "大会，\n\n重申其2015年9月25日第70/1号决议，\n\n回顾《世界人权宣言》，\n\n"
    "1. 决定继续审议这个问题；\n\n2. 请秘书长提交报告。\n",
    "ar": "إن الجمعية العامة،\n\nإذ تؤكد من جديد قرارها 70/1،\n\n"
    "وإذ تشير إلى الإعلان العالمي لحقوق الإنسان،\n\n"
    "1 - تقرر مواصلة النظر في هذه المسألة؛\n\n2 - تطلب إلى الأمين العام تقديم تقرير.\n",
}
LEADS = {
    "fr": ["Réaffirmant", "Rappelant", "Décide", "Prie"],
    "zh": ["重申", "回顾", "决定", "请"],
    "ar": ["إذ تؤكد من جديد", "وإذ تشير", "تقرر", "تطلب"],
}


@pytest.mark.parametrize("language", list(TEXTS))
def test_structure_is_read(language: str) -> None:
    r = redline.parse(TEXTS[language])
    assert r.language == language and r.structured and r.formula
    assert [p.label for p in r.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert [p.lead for p in r.paragraphs] == LEADS[language]
    assert [p.number for p in r.operative] == ["1", "2"]


@pytest.mark.parametrize("language", list(TEXTS))
def test_redline_round_trip(language: str) -> None:
    old = TEXTS[language]
    new = old.replace("70/1", "70/1 et 75/1") if language == "fr" else old + "\n"
    new = new.replace("重申", "又重申").replace("تقرر", "تقرر أيضا")
    c = redline.compare(old, new)
    assert f"language {language}" in c.summary()
    with tempfile.TemporaryDirectory() as folder:
        path = redline.write_docx(c, Path(folder) / "r.docx", date="2026-01-01T00:00:00Z")
        for mode, side in (("accept", c.new), ("reject", c.old)):
            body, numbers, _ = expected_view(side, auto_numbers=c.auto_numbers)
            view = read_view(path, mode)
            assert (list(view.body), list(view.numbers)) == (body, numbers)
