"""Shared hypothesis strategies: arbitrary Unicode in resolution-shaped texts."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from redline.model import Paragraph, Part, Resolution

# Scripts and characters a redline must carry: Latin, Arabic and Hebrew (RTL), CJK (no
# spaces), Cyrillic, combining marks, emoji and astral characters, no-break and zero-width
# spaces, tabs and line breaks, and characters XML cannot hold.
_SAMPLES = (
    "abcdefghij ABC xyz 0123456789 ,;.:!?()-–—“”«»",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي إذ يؤكد من جديد",
    "אבגדהוזחטיכלמנסעפצקרשת",
    "人权理事会重申决定请秘书长吁请国际合作",
    "日本語のテキストとカタカナ",
    "вновь подтверждая призывает права человека",
    "e\u0301a\u0308o\u0302 \u064e\u0651",
    "\U0001f600\U0001f44d\U0001f3fb\U0001f1fa\U0001f1f3 \U00010348\U0001d11e",
    "\u00a0\u202f\u200b\u200c\u200d\u2011\u00ad",
    "\t\n\r\x0b",
    "\x00\x01\x07\x1b\x1e\x1f\ufffe\uffff\ud800\udfff",
)
ALPHABET = "".join(sorted(set("".join(_SAMPLES))))

unicode_text = st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=25)
"""Any Unicode, weighted towards the scripts and characters above."""

words = st.lists(
    st.sampled_from(
        _SAMPLES[0].split() + _SAMPLES[1].split() + list("人权理事会重申") + _SAMPLES[5].split()
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


@st.composite
def paragraph_text(draw: st.DrawFn) -> str:
    """A paragraph: ordinary words mixed with arbitrary Unicode, never empty."""
    parts = draw(st.lists(words | unicode_text, min_size=1, max_size=5))
    text = " ".join(parts)
    return text if text else "x"


@st.composite
def resolutions(draw: st.DrawFn, *, max_paragraphs: int = 6) -> Resolution:
    """A resolution built directly (not parsed), so any character can reach the writer."""
    pre = draw(st.lists(paragraph_text(), min_size=0, max_size=max_paragraphs))
    ops = draw(st.lists(paragraph_text(), min_size=0 if pre else 1, max_size=max_paragraphs))
    paragraphs = []
    for k, text in enumerate(pre, 1):
        lead = text.split(" ")[0] if draw(st.booleans()) else ""
        paragraphs.append(Paragraph(Part.PREAMBLE, k, text, lead=lead))
    for k, text in enumerate(ops, 1):
        lead = text.split(" ")[0] if draw(st.booleans()) else ""
        paragraphs.append(Paragraph(Part.OPERATIVE, k, text, lead=lead, number=str(k)))
    formula = draw(st.sampled_from(["", "The General Assembly,", "مجلس حقوق الإنسان،"]))
    return Resolution(source="<generated>", formula=formula, paragraphs=tuple(paragraphs))


def _renumber(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    out = []
    count = {p: 0 for p in Part}
    for p in paragraphs:
        count[p.part] += 1
        number = str(count[p.part]) if p.part is Part.OPERATIVE else ""
        out.append(replace(p, index=count[p.part], number=number))
    return tuple(out)


@st.composite
def revisions(draw: st.DrawFn) -> tuple[Resolution, Resolution]:
    """An old text and a revision of it: edits, deletions, insertions and reorders."""
    old = draw(resolutions())
    new_paragraphs: list[Paragraph] = []
    for p in old.paragraphs:
        action = draw(st.sampled_from(["keep", "keep", "edit", "delete"]))
        if action == "delete":
            continue
        if action == "edit":
            extra = draw(paragraph_text())
            cut = draw(st.integers(0, len(p.text)))
            text = p.text[:cut] + extra + p.text[cut:]
            lead = p.lead if cut >= len(p.lead) else ""
            p = replace(p, text=text, lead=lead)
        new_paragraphs.append(p)
    for _ in range(draw(st.integers(0, 2))):
        part = draw(st.sampled_from([Part.PREAMBLE, Part.OPERATIVE]))
        where = draw(st.integers(0, len(new_paragraphs)))
        new_paragraphs.insert(where, Paragraph(part, 0, draw(paragraph_text())))
    if draw(st.booleans()) and len(new_paragraphs) > 1:
        i = draw(st.integers(0, len(new_paragraphs) - 1))
        j = draw(st.integers(0, len(new_paragraphs) - 1))
        new_paragraphs.insert(j, new_paragraphs.pop(i))
    new_paragraphs.sort(key=lambda p: [Part.PREAMBLE, Part.OPERATIVE].index(p.part))
    if not new_paragraphs:
        new_paragraphs.append(Paragraph(Part.OPERATIVE, 1, draw(paragraph_text())))
    formula = draw(st.sampled_from([old.formula, "The Human Rights Council,"]))
    new = replace(old, formula=formula, paragraphs=_renumber(new_paragraphs))
    return replace(old, paragraphs=_renumber(list(old.paragraphs))), new
