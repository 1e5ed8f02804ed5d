"""The faster parsing steps give what the steps they replaced gave.

The references below are verbatim copies (or, where marked, the plain formula) of what
`redline.parse` ran at commit 64d403d, before parsing was made faster: the lead matcher's
candidate loop, the per-word vocabulary count of language detection, the per-pattern
furniture test, and the count-everything conservation verdict. Hypothesis draws arbitrary
text and text weighted towards what each step treats specially; the corpus gives real lines.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from unittest.mock import patch

from hypothesis import example, given
from hypothesis import strategies as st

from redline import lines as _lines
from redline import model as _model
from redline.lines import Line, Style
from redline.model import Paragraph, Part
from redline.parse import (
    _blocks,
    _conserve,
    _evidence,
    _header,
    _leads,
    _patterns,
    _source,
    _structure,
    language,
    parse_string,
)
from redline.parse.lexicon import LEADS

# --- the references: verbatim from 64d403d ----------------------------------------------------


def old_find(text: str, lexicon: _leads._Lexicon, *, part: str, language: str) -> str:
    if not text or not lexicon.phrases:
        return ""
    limit = lexicon.longest + 1
    folded, ends = _leads._fold(text, language, limit)
    bodies = [(0, folded, ends)]
    if language == "ar" and part == "preamble" and folded[:1] in _leads._ARABIC_CONJUNCTIONS:
        rest = _leads._fold(text[ends[0] :], language, limit)
        bodies.append((ends[0], *rest))
    capital_ok = part == "operative" or language in _leads._CAPITAL_IN_PREAMBLE
    boundary = language not in _leads._NO_BOUNDARY
    candidates = sorted(
        (k, b)
        for b, (_, body, _) in enumerate(bodies)
        for k in lexicon.starting(body[:1], capital_ok=capital_ok)
    )
    for k, b in candidates:
        phrase = lexicon.phrases[k]
        offset, body, body_ends = bodies[b]
        n = len(phrase)
        if not body.startswith(phrase[1:], 1):
            continue
        if boundary and n < len(body) and _leads._is_word_char(body[n]):
            continue
        return text[: offset + body_ends[n - 1]]
    return ""


def old_fold(text: str, language: str, limit: int) -> tuple[str, object]:
    if language != "ar":
        head = text[: limit + 1]
        if head.isprintable() and "  " not in head and not _leads._FOLDED.intersection(head):
            return head, range(1, len(head) + 1)
    return _leads._fold_each(text, language, limit)


def old_words_and_letters(text: str) -> tuple[Counter[str], Counter[str]]:
    lowered = text.lower()
    words = Counter(w for w in language._WORD.findall(lowered) if w in language._VOCABULARY)
    return words, Counter(language._ALPHABET.findall(lowered))


def old_script_counts(text: str) -> dict[str, int]:
    return {
        s: sum(map(str.isalpha, p.findall(text))) if s == "zh" else p.subn("", text)[1]
        for s, p in language._SCRIPT_LETTERS.items()
    }


def old_detect_language(text: str) -> str:
    counts = old_script_counts(text)
    weighted = {"ar": counts["ar"], "zh": 2 * counts["zh"], "ru": counts["ru"]}
    best = max(weighted, key=lambda s: weighted[s])
    if weighted[best] > counts["latin"]:
        return best
    scores = language.latin_scores(text)
    return max(language.LATIN, key=lambda lang: scores[lang])


def old_furniture(line: str) -> str | None:
    text = line.strip()
    return next((kind for rx, kind in _patterns.FURNITURE if rx.match(text)), None)


def old_conserved(text: str, r: object) -> bool:
    """The verdict of verify_conservation as it was: every non-space character counted."""
    source = _conserve._count([text])
    accounted = _conserve._count([t for _, t in _conserve.content_texts(r)])  # type: ignore[arg-type]
    accounted += _conserve._count([n.text for n in r.noise])  # type: ignore[attr-defined]
    return source == accounted


# --- the references of the second round: verbatim from 9b9fec5 ---------------------------------
# The block pass asked whether a piece opens a paragraph before the cheap test that mostly
# settles it, the paragraph pass counted in a dict keyed by an enum, the text reader went
# line by line, the vote test copied every paragraph, the conservation check searched each
# piece whole. The helpers these call are unchanged (or, as `starts_vote`, checked against
# their own old copy below).


def old_starts_vote(text: str) -> bool:
    t = text.strip()
    return bool(_header._meeting(t)) or t.startswith(_header._VOTE_OPENING)


def old_left(source: str, pieces: list[str]) -> tuple[str, list[str]]:
    rest: list[str] = []
    missed: list[str] = []
    at = 0
    for piece in pieces:
        if not piece:
            continue
        k = source.find(piece, at, at + len(piece) + _conserve._WINDOW)
        if k < 0:
            missed.append(piece)
            continue
        rest.append(source[at:k])
        at = k + len(piece)
    rest.append(source[at:])
    return "".join(rest), missed


def old_logical_lines(
    text: str,
) -> tuple[list[_source.SourceLine], list[_model.Noise], list[_model.Repair]]:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pages = _source.read_pages(raw)
    lines: list[_source.SourceLine] = []
    noise: list[_model.Noise] = []
    repairs = [
        _model.Repair(
            _model.RepairKind.RUNNING_HEAD,
            a + 1,
            " | ".join(t.strip() for t in raw[a : b + 1] if t.strip()),
        )
        for a, b in pages.heads
    ]
    notes: list[_source.SourceLine] = []
    i = 0
    while i < len(raw):
        number = i + 1
        current = raw[i]
        if i in pages.breaks or "\f" in current:
            lines.append(_source.SourceLine(number, "", page_break=True))
        aside = i in pages.furniture or i in pages.separators or pages.footnote_line(i)
        if aside and _source._set_aside(
            pages, i, current, noise, notes
        ):  # (what it looks at first)
            i += 1
            continue
        # A Markdown hard break (two trailing spaces) continues the line.
        while (
            current.endswith("  ")
            and current.strip()
            and i + 1 < len(raw)
            and raw[i + 1].strip()
            and i + 1 not in pages.furniture
            and i + 1 not in pages.breaks
        ):
            i += 1
            current = current.rstrip(" ") + " " + raw[i].lstrip()
        i += 1
        current = current.replace("\f", "")  # a form feed: the page break is marked above
        if _source._RULE.match(current):
            noise.append(_model.Noise(number, current, "page rule"))
            lines.append(_source.SourceLine(number, "", rule=True))
            continue
        if "*" not in current and "<sup>" not in current and "[^" not in current:
            # no markup (each pattern needs one of these): the line as it stands, bold
            # as `_line_from_spans` has a line of one plain span (blank: all of none)
            lines.append(
                _source.SourceLine(number, current, bold=bool(current) and not current.strip())
            )
            continue
        markup: list[str] = []
        m = _source._FOOTNOTE_DEF.match(current)
        if m and current[m.end() :].strip():
            markup.append(m.group(0))  # "<sup>1</sup> " before a footnote's text
            body = _source._line_from_spans(number, _source._spans(current[m.end() :], markup))
            body.footnote = m.group("sup") or m.group("fn")
            lines.append(body)
        else:
            for group in _source._split_glued(number, _source._spans(current, markup)):
                lines.append(_source._line_from_spans(number, group))
        noise += [_model.Noise(number, piece, "markup") for piece in markup]
    if notes:
        repairs += _source.attach_marks(lines, notes, pages, noise)
        notes = [n for n in notes if not _source._to_header(lines, n, noise, repairs)]
        for note in notes:
            lines += [_source.SourceLine(note.number, ""), note]
    repairs += _source.attach_loose_marks(lines, noise)
    return lines, noise, repairs


def old_group_blocks(
    lines: list[_source.SourceLine],
    evidence: _blocks.Evidence = _blocks.AS_GIVEN,
    language: str = "en",
) -> tuple[list[_blocks.Block], _blocks.Reading]:
    blocks: list[_blocks.Block] = []
    out = _blocks.Reading()
    words = _blocks.vocabulary(ln.text for ln in lines) if evidence.wrapped else frozenset()
    current: _blocks.Block | None = None
    note: list[str] | None = None
    last = ""  # the body line before, as printed
    width = _blocks.text_width(lines)
    broken = rule = False
    gap = 0
    for line in lines:
        if line.page_break:
            broken, current, note = True, None, None
            continue
        if line.blank or line.rule:
            gap += not line.rule
            rule = rule or line.rule
            current = note = None
            continue
        if line.footnote is not None:
            broken = broken or (rule and evidence.pages)  # notes under a rule: a page's foot
            note = [line.text.strip()]
            out.footnotes.append(_blocks.Footnote(line.footnote, note[0]))
            current = None
            continue
        if note is not None and evidence.wrapped:  # a footnote continued on the next line
            note.append(line.text.strip())
            out.footnotes[-1] = _blocks.Footnote(out.footnotes[-1].mark, " ".join(note))
            continue
        note = None
        text = line.text.strip()
        broken = broken or (evidence.pages and gap >= evidence.gap)
        stripped = _blocks._stripped(line)
        if (
            current is not None
            and (evidence.wrapped or (evidence.pages and _blocks.wrapped_pair(last, text, width)))
            and not _blocks._opens_after(current, text, language)
        ):
            _blocks._join(current, stripped, words, out)
            out.repairs.append(
                _model.Repair(
                    _model.RepairKind.WRAPPED_LINE, line.number, _blocks._seam(current, text)
                )
            )
        elif (
            current is None and blocks and old_goes_on(blocks[-1], text, broken, evidence, language)
        ):
            current = blocks[-1]
            _blocks._join(current, stripped, words, out)
            out.repairs.append(
                _model.Repair(
                    _model.RepairKind.PAGE_BREAK, line.number, _blocks._seam(current, text)
                )
            )
        else:
            current = _blocks.Block(line.number)
            blocks.append(current)
            current.add(stripped)
        broken = rule = False
        gap = 0
        last = text
    return blocks, out


def old_goes_on(
    block: _blocks.Block, text: str, broken: bool, evidence: _blocks.Evidence, language: str
) -> bool:
    if _blocks.opens(text, language) or old_starts_vote(block.text):
        return False  # nor is the adoption record continued (a note's line after it)
    if broken:  # a comma may end a page; a sentence's end may not, before a small letter
        return not _blocks.ended(block.text) or text[:1].islower()
    return evidence.pages and text[:1].islower() and _blocks._unfinished(block, language)


def old_paragraphs(
    blocks: list[_blocks.Block], language: str, markup: list[_model.Noise]
) -> tuple[list[_model.Paragraph], list[str], list[str]]:
    paragraphs: list[_model.Paragraph] = []
    vote: list[str] = []
    warnings: list[str] = []
    part = _model.Part.PREAMBLE
    count = {p: 0 for p in _model.Part}
    bracket = False
    for block in blocks:
        text = block.text
        if (
            part is not _model.Part.ANNEX
            and not _structure._ANNEX_HEAD.match(text)
            and (bracket or old_starts_vote(text) or (vote and _structure._vote_line(text)))
        ):
            if not vote and part is _model.Part.PREAMBLE:
                warnings.append(
                    f"line {block.line}: adoption record before any operative paragraph"
                )
            vote.append(text)
            if text.lstrip().startswith("["):
                bracket = True
            if text.rstrip().endswith("]"):
                bracket = False
            continue
        if vote or part is _model.Part.ANNEX:
            part = _model.Part.ANNEX
            count[part] += 1
            paragraphs.append(
                _model.Paragraph(
                    _model.Part.ANNEX, count[part], text, notes=tuple(block.notes), line=block.line
                )
            )
            continue
        sub = _structure.SUBPARA.match(text)
        if sub and paragraphs:
            markup.append(_model.Noise(block.line, "()", "markup"))  # the label itself is kept
            rest = block.cut(sub.end())
            parent = paragraphs[-1]
            paragraphs[-1] = _structure._with_sub(
                parent, _model.SubParagraph(sub.group("label"), rest.text, tuple(rest.notes))
            )
            continue
        num = _structure.NUMBER.match(text)
        if num:
            part = _model.Part.OPERATIVE
            sign = num.group(0).replace(num.group("num"), "", 1)  # list dash, "." or " -"
            markup.append(_model.Noise(block.line, sign.strip(), "markup"))
            block = block.cut(num.end())
        count[part] += 1
        lead = _structure._lead(block, part, language)
        if not lead and part in (_model.Part.PREAMBLE, _model.Part.OPERATIVE):
            warnings.append(
                f"line {block.line}: no lead recognised in "
                f"{part.prefix}{count[part]} ({block.text[:40]!r}…)"
            )
        paragraphs.append(
            _model.Paragraph(
                part,
                count[part],
                block.text,
                lead=lead,
                number=_structure._SPACES.sub(" ", num.group("num")) if num else "",
                notes=tuple(block.notes),
                line=block.line,
                italic=_structure._italic(block) or None,  # none yet: `_formatted` decides
            )
        )
    return _structure._formatted(paragraphs), vote, warnings


def _old_body(line: _source.SourceLine) -> bool:
    return bool(line.text.strip()) and line.footnote is None and not line.page_break


def old_read_evidence(
    lines: list[_source.SourceLine], *, markdown: bool = False
) -> _evidence.Evidence:
    wrapped = markdown or old_hard_wrapped(lines)
    return _evidence.Evidence(wrapped=wrapped, pages=True, gap=old_page_gap(lines))


def old_hard_wrapped(lines: list[_source.SourceLine]) -> bool:
    pairs = [
        (a.text.strip(), b.text.strip())
        for a, b in itertools.pairwise(lines)
        if _old_body(a) and _old_body(b)
    ]
    if not pairs:
        return False
    width = old_text_width(lines)
    wrapped = sum(
        1
        for a, b in pairs
        if len(a) + 1 + len(_evidence._first_word(b)) > _evidence._FULL * width
        and _evidence.open_ended(a)
    )
    return wrapped > _evidence._MAJORITY * len(pairs)


def old_text_width(lines: list[_source.SourceLine]) -> int:
    body = sorted(len(ln.text.strip()) for ln in lines if _old_body(ln))
    return body[(3 * len(body)) // 4] if body else 0


def old_page_gap(lines: list[_source.SourceLine]) -> int:
    runs: Counter[int] = Counter()
    run = 0
    seen = False
    for line in lines:
        if _old_body(line):
            if seen and run:
                runs[run] += 1
            run, seen = 0, True
        elif line.blank and not line.page_break:
            run += 1
    usual = runs.most_common(1)[0][0] if runs else 1
    return max(3, usual + 2)


_OLD_PART_STYLE = {
    Part.PREAMBLE: Style.PREAMBLE,
    Part.OPERATIVE: Style.OPERATIVE,
    Part.ANNEX: Style.ANNEX,
    Part.PLAIN: Style.PLAIN,
}


def old_paragraph_lines(p: Paragraph, *, auto_numbers: bool) -> tuple[Line, ...]:
    text, shift = p.text, 0
    numbered = p.part is Part.OPERATIVE and auto_numbers
    if p.part is Part.OPERATIVE and not auto_numbers and p.number:
        prefix = f"{p.number}.\t"
        text, shift = prefix + text, len(prefix)
    if p.italic is not None:  # the source's own italics
        italic = tuple((a + shift, b + shift) for a, b in p.italic)
    else:  # the lead, italic by convention
        italic = ((shift, shift + len(p.lead)),) if p.lead else ()
    notes = tuple(_model.NoteRef(n.offset + shift, n.mark) for n in p.notes)
    lines = [Line(_OLD_PART_STYLE[p.part], text, italic, notes, numbered)]
    for s in p.subparagraphs:
        prefix = f"{s.label}\t"
        lines.append(
            Line(
                Style.SUBPARAGRAPH,
                prefix + s.text,
                (),
                tuple(_model.NoteRef(n.offset + len(prefix), n.mark) for n in s.notes),
            )
        )
    return tuple(lines)


def old_document_lines(r: _model.Resolution, *, auto_numbers: bool) -> tuple[Line, ...]:
    lines = list(_lines.header_lines(r))
    for p in r.paragraphs:
        lines += old_paragraph_lines(p, auto_numbers=auto_numbers)
    lines += _lines.vote_lines(r)
    return tuple(lines)


def old_reading(
    r: _model.Resolution, *, auto_numbers: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    body: list[str] = []
    notes: list[str] = []
    for line in old_document_lines(r, auto_numbers=auto_numbers):
        pieces: list[str] = []
        pos = 0
        for ref in sorted(line.notes, key=lambda n: n.offset):
            pieces += (line.text[pos : ref.offset], str(len(notes) + 1))
            note = r.footnote(ref.mark)
            notes.append(note.text if note else "")
            pos = ref.offset
        pieces.append(line.text[pos:])
        body.append("".join(pieces))
    return tuple(body), tuple(notes)


def old_parse_lines(
    lines: list[_source.SourceLine],
    noise: list[_model.Noise],
    *,
    source: str,
    language: str = "en",
    evidence: _structure.Evidence | None = _structure.AS_GIVEN,
    repairs: list[_model.Repair] | None = None,
) -> _model.Resolution:
    formula_at = next(
        (i for i, ln in enumerate(lines) if _structure.is_formula(ln.text.strip(), language)), None
    )
    warnings: list[str] = []
    body = lines if formula_at is None else lines[formula_at + 1 :]
    evidence = _structure.read_evidence(body) if evidence is None else evidence
    repairs = list(repairs or [])
    if formula_at is None:
        blocks, _ = _structure.group_blocks(lines, evidence, language)
        numbered = sum(1 for b in blocks if _structure.NUMBER.match(b.text))
        leads = sum(
            1 for b in blocks if _structure.find_lead(b.text, part="preamble", language=language)
        )
        if not (numbered and leads):
            return old_plain(
                lines, noise, source=source, language=language, evidence=evidence, repairs=repairs
            )
        head_lines: list[_source.SourceLine] = []
        body_lines = lines
        formula = ""
        warnings.append('no enacting formula (e.g. "The General Assembly,") found')
    else:
        head_lines = [ln for ln in lines[:formula_at] if not ln.blank and not ln.rule]
        body_lines = lines[formula_at + 1 :]
        formula = lines[formula_at].text.strip()
    header, header_warnings = _structure.read_header(_structure._header_texts(head_lines, language))
    warnings += header_warnings
    blocks, reading = _structure.group_blocks(body_lines, evidence, language)
    footnotes = reading.footnotes
    markup: list[_model.Noise] = list(reading.noise)
    paragraphs, vote_texts, more = _structure._paragraphs(blocks, language, markup)
    warnings += more
    vote = None
    if vote_texts:
        vote, vote_warnings = _structure.read_vote(vote_texts)
        warnings += vote_warnings
    _structure._check_notes(paragraphs, footnotes, warnings)
    return _model.Resolution(
        source=source,
        header=header,
        formula=formula,
        paragraphs=tuple(paragraphs),
        footnotes=tuple(footnotes),
        vote=vote,
        language=language,
        structured=True,
        warnings=tuple(warnings),
        noise=tuple(noise + markup),
        repairs=tuple(_structure._in_order(repairs + reading.repairs)),
    )


def old_plain(
    lines: list[_source.SourceLine],
    noise: list[_model.Noise],
    *,
    source: str,
    language: str,
    evidence: _structure.Evidence,
    repairs: list[_model.Repair],
) -> _model.Resolution:
    blocks, reading = _structure.group_blocks(lines, evidence, language)
    footnotes = reading.footnotes
    paragraphs = tuple(
        _model.Paragraph(_model.Part.PLAIN, i, b.text, notes=tuple(b.notes), line=b.line)
        for i, b in enumerate(blocks, 1)
    )
    return _model.Resolution(
        source=source,
        paragraphs=paragraphs,
        footnotes=tuple(footnotes),
        language=language,
        structured=False,
        warnings=(f"{source}: no resolution structure recognised; compared as plain paragraphs",),
        noise=tuple(noise + reading.noise),
        repairs=tuple(_structure._in_order(repairs + reading.repairs)),
    )


def old_content_texts(r: _model.Resolution) -> list[tuple[str, str]]:
    out = [(f"header ({h.field})", h.text) for h in r.header.lines]
    if r.formula:
        out.append(("formula", r.formula))
    for p in r.paragraphs:
        if p.number:
            out.append((f"{p.label} number", p.number))
        out.append((p.label, p.text))
        for s in p.subparagraphs:
            out += [(f"{p.label} ({s.label}) label", s.label), (f"{p.label} ({s.label})", s.text)]
    out += [(f"footnote {f.mark}", f.text) for f in r.footnotes]
    if r.vote:
        out += [("vote", t) for t in r.vote.lines]
    return out


# --- the strategies ---------------------------------------------------------------------------

SPECIAL = (
    " ",
    "  ",
    "\n",
    "\t",
    "\xa0",
    "\u2009",
    "\u3000",
    "\x1c",
    "\f",
    "a",
    "Z",
    "é",
    "É",
    "ß",
    "ﬁ",
    "İ",
    "_",
    "7",
    "²",
    "½",
    "-",
    "\u2010",
    "\u2011",
    "'",
    "\u2019",
    "*",
    "**",
    "<sup>1</sup>",
    "[^1]",
    "/",
    ".",
    ",",
    "ж",
    "п",
    "ب",
    "و",
    "ت",
    "ها",
    "\u064f",
    "\u0640",
    "\ufe8d",
    "人",
    "请",
    "\U0002a6e0",
    "\ud800",
)
WORDS = [p for lang in LEADS.values() for part in lang.values() for p in part[:40]]
TEXT = st.one_of(
    st.text(),
    st.lists(st.sampled_from(SPECIAL)).map("".join),
    st.lists(st.one_of(st.sampled_from(SPECIAL), st.characters())).map("".join),
    st.builds(
        lambda a, b, c: a + b + c,
        st.sampled_from(["", " ", "3. ", "(a) ", "و", "\u0648\u0625\u0630 "]),
        st.sampled_from(WORDS),
        st.lists(st.sampled_from(SPECIAL), max_size=6).map("".join),
    ),
)
PARTS = ("preamble", "operative")


def _corpus_texts(shared: Path, limit: int = 40) -> list[tuple[str, str]]:
    corpus = shared / "corpus"
    out = [
        (p.name, json.loads(p.read_text(encoding="utf-8"))["text"])
        for p in sorted((corpus / "pdf-text").glob("*.json"))[:limit]
    ]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("markdown/*.md"))]
    out += [
        (p.name, p.read_text(encoding="utf-8"))
        for p in sorted(corpus.glob("multilingual/udhr/*.txt"))
    ]
    out += [
        (p.name, p.read_text(encoding="utf-8"))
        for p in sorted((corpus / "ocr-security-council").glob("*.txt"))[:limit]
    ]
    return out


# --- leads ------------------------------------------------------------------------------------


@given(TEXT, st.sampled_from(sorted(LEADS)), st.sampled_from(PARTS))
@example("Recalling also", "en", "operative")
@example("recalling also", "en", "operative")
@example("وإذ تشير", "ar", "preamble")
@example("请秘书长", "zh", "operative")
@example("R", "en", "preamble")
def test_find_lead_is_the_candidate_loop(text: str, lang: str, part: str) -> None:
    lexicon = _leads._phrases(lang, part)
    assert _leads._find(text, lexicon, part=part, language=lang) == old_find(
        text, lexicon, part=part, language=lang
    )


@given(TEXT, st.sampled_from(sorted(LEADS)), st.integers(0, 40))
def test_fold_is_the_set_intersection_test(text: str, lang: str, limit: int) -> None:
    folded, ends = _leads._fold(text, lang, limit)
    old_folded, old_ends = old_fold(text, lang, limit)
    assert folded == old_folded and list(ends) == list(old_ends)  # (a range or a list)


def test_find_lead_on_corpus_lines(shared_dir: Path) -> None:
    for _, text in _corpus_texts(shared_dir, 15):
        for line in text.splitlines():
            for lang in LEADS:
                for part in PARTS:
                    lexicon = _leads._phrases(lang, part)
                    got = _leads._find(line.strip(), lexicon, part=part, language=lang)
                    assert got == old_find(line.strip(), lexicon, part=part, language=lang)


# --- language detection -----------------------------------------------------------------------


@given(TEXT)
@example("Résolution adoptée à l'unanimité, señor, ça, L’État")
@example("the\u00a0of und ² and½ the_of")
def test_vocabulary_count_is_the_per_word_count(text: str) -> None:
    assert language._words_and_letters(text) == old_words_and_letters(text)


@given(TEXT)
@example("ΑΣ'Β ΑΣ.")
def test_lowering_is_per_character_but_for_the_capital_sigma(text: str) -> None:
    """What `_words_and_letters` relies on: a piece lowers as it does in the whole text,
    except a capital sigma (final or not), which is in no listed word and no alphabet."""
    if "\u03a3" not in text:
        assert text.lower() == "".join(ch.lower() for ch in text)
    assert all(
        not (ord(x) < 128 and not x.isalpha()) for ch in text if ord(ch) >= 128 for x in ch.lower()
    )
    assert not any("\u03c3" in w or "\u03c2" in w for w in language._VOCABULARY)
    assert not language._ALPHABET.search("\u03c3\u03c2")


@given(TEXT)
def test_script_counts_are_the_pattern_counts(text: str) -> None:
    assert language.script_counts(text) == old_script_counts(text)


@given(TEXT)
@example("3. Decides to remain seized of the matter")
@example("人")
def test_detect_language_is_the_full_count(text: str) -> None:
    assert language.detect_language(text) == old_detect_language(text)


def test_detect_language_on_the_corpus(shared_dir: Path) -> None:
    for _, text in _corpus_texts(shared_dir):
        assert language.detect_language(text) == old_detect_language(text)
        assert language._words_and_letters(text) == old_words_and_letters(text)


# --- furniture, markup-free lines -------------------------------------------------------------


@given(
    st.one_of(
        TEXT,
        st.sampled_from(
            ["2/4", " 12 / 13 ", "24-24160 2/4", "GE.21-04512", "*2326037*", "PLEASE RECYCLE"]
        ),
    )
)
def test_furniture_is_the_pattern_by_pattern_test(line: str) -> None:
    assert _patterns.furniture(line) == old_furniture(line)


@given(TEXT)
@example("   ")
@example("")
def test_a_line_without_markup_characters_is_one_plain_line(text: str) -> None:
    line = text.replace("\n", " ").replace("\r", " ")
    if "*" in line or "<sup>" in line or "[^" in line:
        return
    markup: list[str] = []
    assert _source._FOOTNOTE_DEF.match(line) is None
    groups = _source._split_glued(1, _source._spans(line, markup))
    assert markup == [] and len(groups) == 1
    expected = _source._line_from_spans(1, groups[0])
    assert expected == _source.SourceLine(1, line, bold=bool(line) and not line.strip())


# --- conservation -----------------------------------------------------------------------------


def _resolutions(shared: Path) -> list[tuple[str, object]]:
    return [(text, parse_string(text, source=name)) for name, text in _corpus_texts(shared, 12)]


def test_texts_are_the_content_texts(shared_dir: Path) -> None:
    for _, r in _resolutions(shared_dir):
        assert _conserve._texts(r) == [t for _, t in _conserve.content_texts(r)]  # type: ignore[arg-type]


def test_the_conservation_verdict_is_the_full_count(shared_dir: Path) -> None:
    """Equal on every corpus text; unequal once a character is added, dropped or changed
    in the source, or a space turned into a character the parse does not hold."""
    for text, r in _resolutions(shared_dir):
        assert _conserve._balanced(text, r) and old_conserved(text, r)
        k = len(text) // 2
        for changed in (
            text[:k] + "§" + text[k:],
            text[:k] + text[k + 1 :],
            text[:k] + ("x" if text[k] != "x" else "y") + text[k + 1 :],
            text.replace(" ", "\u2028", 1),
            text + "\ufeff",
        ):
            assert _conserve._balanced(changed, r) == old_conserved(changed, r)


@given(TEXT, TEXT)
def test_the_verdict_on_any_pieces(source: str, extra: str) -> None:
    r = parse_string(
        "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides.\n", source="x"
    )
    text = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides.\n"
    for candidate in (text + source, source + text, text[:30] + extra + text[30:], source):
        assert _conserve._balanced(candidate, r) == old_conserved(candidate, r)


def test_whitespace_is_what_str_split_drops() -> None:
    """`_bare` takes out spaces only; the final count drops what `str.isspace` says."""
    assert all(not ch.strip() for ch in _conserve._LAYOUT)


# --- the model's paragraph, built field by field ----------------------------------------------


def test_paragraph_fields_are_the_ones_built_positionally() -> None:
    """_structure builds a Paragraph from its fields in order (for `_formatted` and
    `_with_sub`): a field added to the model must be added there too."""
    names = [f for f in Paragraph.__dataclass_fields__]
    assert names == [
        "part",
        "index",
        "text",
        "lead",
        "number",
        "subparagraphs",
        "notes",
        "line",
        "italic",
    ]
    p = Paragraph(Part.OPERATIVE, 2, "t", "l", "3", (), (), 7, ((0, 1),))
    assert p.italic == ((0, 1),) and p.line == 7


def test_the_first_bytes_cover_every_letter_of_the_other_scripts() -> None:
    """`detect_language` skips the script counts when the text's UTF-8 holds none of
    `_LEAD_BYTES`: every character `_NOT_LATIN` finds begins with one of them."""
    missing = [
        c
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c < 0xE000
        and language._NOT_LATIN.match(chr(c))
        and chr(c).encode()[0] not in language._LEAD_BYTES
    ]
    assert missing == []


def test_no_character_lowers_to_an_ascii_non_letter() -> None:
    """A piece of the text is cut at ASCII non-letters before it is lowered: lowering makes
    none (`_words_and_letters`)."""
    assert not [
        c
        for c in range(128, sys.maxunicode + 1)
        if not 0xD800 <= c < 0xE000
        and any(ord(x) < 128 and not x.isalpha() for x in chr(c).lower())
    ]


# --- the second round: the vote test, the text reader, the block and paragraph passes ---------

VOTE_LIKE = st.one_of(
    TEXT,
    st.builds(
        lambda pad, a, b: pad + a + b,
        st.sampled_from(["", " ", "\t", "\u3000", "\xa0"]),
        st.sampled_from(
            [
                "51st plenary meeting",
                "12th meeting",
                "第51次全体会议",
                "الجلسة العامة 51",
                "٥١",
                "51e séance plénière",
                "sesión plenaria 3",
                "заседание 4",
                "[Adopted",
                "Adopted ",
                "Adopted",
                "[",
                "A",
                "s",
                "m",
                "p",
            ]
        ),
        st.sampled_from(["", " ", " 12 July 2021", "\n", "x", ", 25 septembre 2015"]),
    ),
)


@given(VOTE_LIKE)
@example("")
@example(" ")
@example("\u0663 plenary meeting")
def test_starts_vote_is_the_pattern_test(text: str) -> None:
    assert _header.starts_vote(text) == old_starts_vote(text)


LINE = st.one_of(
    TEXT,
    st.sampled_from(
        [
            "",
            " ",
            "  ",
            "---",
            " *** ",
            "___",
            "====",
            "_______",
            "2/4",
            "24-24160 2/4",
            "*2326037*",
            "A/RES/79/166",
            "1 A/CONF.157/24",
            "* On behalf of",
            "77 and China.",
            "**Human Rights Council****Forty-seventh session**",
            "*Recalling* its",
            "text  ",
            "<sup>1</sup> A note",
            "[^1]: A note",
            "rights,1 for",
            "80/4. Necessity of ending",
            "Necessity of ending",
            "\f",
            "a\fb",
            "The General Assembly,",
            "3. Decides",
            "(a) To",
            " \t--- ",
            "\u2003___",
            "\x1c===",
            "[^",
            "a [^2] b",
            "<sup",
            "x<sup>2</sup>",
            "<[",
        ]
    ),
)
TEXTS = st.builds(
    lambda lines, sep: sep.join(lines),
    st.lists(LINE, max_size=40),
    st.sampled_from(["\n", "\r\n", "\r", "\n\n"]),
)


@given(TEXTS)
@example("a  \nb  \n\nc")
@example("x\n\f\n---  \ny")
def test_logical_lines_are_the_line_by_line_read(text: str) -> None:
    assert _source.logical_lines(text) == old_logical_lines(text)


PIECE = st.sampled_from(
    [
        "Recalling its resolution 70/1,",
        "recalling also",
        "3. Decides",
        "(a) To",
        "cooperation",
        "and",
        "Decides to remain seized",
        "12th plenary meeting",
        "[Adopted without a vote]",
        "Annex",
        "IV",
        "non-",
        "self-",
        "determination",
        "selfdetermination",
        "governmental",
        "",
        "привнимая во внимание",
        "постановляет",
        "请秘书长",
        "وإذ تشير",
        "Deeply concerned,",
        "…of the",
        "international",
        "Recalling the work of the international",
        "3. Decides to enhance the",
        "Union of Burma and",
        "2000, 2  its",
        "A" * 30 + " of the",
    ]
)
SOURCE_LINE = st.one_of(
    st.builds(
        lambda text, pad, italic: _source.SourceLine(
            1, pad + text + pad, [(0, len(text) // 2)] if italic else []
        ),
        st.one_of(PIECE, TEXT),
        st.sampled_from(["", " "]),
        st.booleans(),
    ),
    st.builds(lambda: _source.SourceLine(1, "")),
    st.builds(lambda: _source.SourceLine(1, "", page_break=True)),
    st.builds(lambda: _source.SourceLine(1, "", rule=True)),
    st.builds(lambda t: _source.SourceLine(1, t, footnote="1"), PIECE),
    st.builds(lambda t: _source.SourceLine(1, t, notes=[_model.NoteRef(len(t) // 2, "2")]), PIECE),
)
EVIDENCE = st.builds(_evidence.Evidence, st.booleans(), st.booleans(), st.integers(0, 4))


def _numbered(lines: list[_source.SourceLine]) -> list[_source.SourceLine]:
    for n, line in enumerate(lines, 1):
        line.number = n
    return lines


UNFINISHED = [
    _source.SourceLine(1, "Recalling the work of the international"),
    _source.SourceLine(2, ""),
    _source.SourceLine(3, "Union of Burma and"),
    _source.SourceLine(4, "cooperation"),
]


@given(st.lists(SOURCE_LINE, max_size=30).map(_numbered), EVIDENCE, st.sampled_from(sorted(LEADS)))
@example(UNFINISHED, _evidence.Evidence(pages=True, gap=3), "en")
@example(UNFINISHED, _evidence.Evidence(pages=True, gap=1), "en")
@example(UNFINISHED, _evidence.Evidence(wrapped=True, pages=True, gap=3), "en")
def test_group_blocks_is_the_block_pass(
    lines: list[_source.SourceLine], evidence: _evidence.Evidence, lang: str
) -> None:
    assert _blocks.group_blocks(lines, evidence, lang) == old_group_blocks(lines, evidence, lang)


BLOCK = st.builds(
    lambda text, italic, note: _blocks.Block(
        1, text, [(0, len(text) // 3)] if italic else [], [_model.NoteRef(1, "1")] if note else []
    ),
    st.one_of(
        PIECE,
        TEXT,
        st.builds(lambda a, b: a + " " + b, st.sampled_from(["3.", "(b)", "- 4.", "٣ -"]), PIECE),
    ),
    st.booleans(),
    st.booleans(),
)


@given(st.lists(BLOCK, max_size=25), st.sampled_from(sorted(LEADS)))
def test_paragraphs_are_the_paragraph_pass(blocks: list[_blocks.Block], lang: str) -> None:
    markup: list[_model.Noise] = []
    old_markup: list[_model.Noise] = []
    got = _structure._paragraphs(blocks, lang, markup)
    assert got == old_paragraphs(blocks, lang, old_markup) and markup == old_markup


@given(TEXT, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60), TEXT), max_size=12))
@example("aaaaaaaaab aaaaaaaaab", [(0, 0, "aaaaaaaab")])
def test_left_is_the_whole_piece_search(source: str, cuts: list[tuple[int, int, str]]) -> None:
    """Pieces cut from the source (found, found late, overlapping) or drawn at random."""
    pieces = [source[a : a + n] if k % 3 else extra for k, (a, n, extra) in enumerate(cuts)]
    assert _conserve._left(source, pieces) == old_left(source, pieces)


def test_the_passes_on_corpus_texts(shared_dir: Path) -> None:
    """Every step on real texts: the reader, the block pass under each kind of evidence and
    language, the paragraph pass, the vote test on every line, the conservation search."""
    for name, text in _corpus_texts(shared_dir, 12):
        lines = _source.logical_lines(text)
        assert lines == old_logical_lines(text), name
        body = lines[0]
        for line in body:
            assert _header.starts_vote(line.text) == old_starts_vote(line.text)
        for evidence in (
            _evidence.AS_GIVEN,
            _evidence.read_evidence(body),
            _evidence.read_evidence(body, markdown=True),
        ):
            for lang in ("en", "ru"):
                blocks = _blocks.group_blocks(body, evidence, lang)
                assert blocks == old_group_blocks(body, evidence, lang), name
                markup: list[_model.Noise] = []
                old_markup: list[_model.Noise] = []
                got = _structure._paragraphs(blocks[0], lang, markup)
                assert got == old_paragraphs(blocks[0], lang, old_markup), name
                assert markup == old_markup
        r = parse_string(text, source=name)
        pieces = [*_conserve._texts(r), *(n.text for n in r.noise)]
        assert _conserve._left(text, pieces) == old_left(text, pieces)


@given(TEXT, st.integers(1, 40))
@example("the of  de la", 1)
@example("é the", 1)
def test_vocabulary_count_in_short_stretches(text: str, stretch: int) -> None:
    """`_words_and_letters` counts a stretch of the UTF-8 at a time, cut at a space: any
    stretch length gives the count of the whole."""
    with patch.object(language, "_STRETCH", stretch):
        assert language._words_and_letters(text) == old_words_and_letters(text)
        assert language.detect_language(text) == old_detect_language(text)


def test_vocabulary_count_of_long_texts(shared_dir: Path) -> None:
    """Corpus texts run together, past several stretches."""
    texts = [t for _, t in _corpus_texts(shared_dir, 8)]
    for k in range(0, len(texts), 5):
        text = "\n".join(texts[k : k + 5])
        assert language._words_and_letters(text) == old_words_and_letters(text)
        assert language.detect_language(text) == old_detect_language(text)


@given(st.lists(SOURCE_LINE, max_size=30).map(_numbered), st.booleans())
@example(UNFINISHED, False)
def test_read_evidence_is_the_line_by_line_measure(
    lines: list[_source.SourceLine], markdown: bool
) -> None:
    assert _evidence.read_evidence(lines, markdown=markdown) == old_read_evidence(
        lines, markdown=markdown
    )
    assert _evidence.hard_wrapped(lines) == old_hard_wrapped(lines)
    assert _evidence.text_width(lines) == old_text_width(lines)


NOTES = st.lists(st.builds(_model.NoteRef, st.integers(0, 30), st.sampled_from(["1", "2", "*"])))
PARAGRAPH = st.builds(
    Paragraph,
    st.sampled_from(list(Part)),
    st.integers(1, 9),
    st.sampled_from(["Recalling its resolution", "Decides to", "", "x" * 40]),
    st.sampled_from(["", "Recalling", "Decides"]),
    st.sampled_from(["", "3", "3 bis", "12"]),
    st.lists(
        st.builds(_model.SubParagraph, st.sampled_from(["(a)", "b"]), PIECE, NOTES.map(tuple)),
        max_size=2,
    ).map(tuple),
    NOTES.map(tuple),
    st.integers(0, 5),
    st.one_of(st.none(), st.lists(st.tuples(st.integers(0, 9), st.integers(0, 20))).map(tuple)),
)


@given(st.lists(PARAGRAPH, max_size=8), st.booleans())
def test_paragraph_lines_and_reading_are_the_field_by_field_build(
    paragraphs: list[Paragraph], auto: bool
) -> None:
    r = _model.Resolution(
        source="x",
        formula="The General Assembly,",
        paragraphs=tuple(paragraphs),
        footnotes=(_model.Footnote("1", "A note."),),
    )
    for p in paragraphs:
        assert _lines.paragraph_lines(p, auto_numbers=auto) == old_paragraph_lines(
            p, auto_numbers=auto
        )
    assert _lines.reading(r, auto_numbers=auto) == old_reading(r, auto_numbers=auto)
    assert _conserve.content_texts(r) == old_content_texts(r)


def test_evidence_and_lines_on_corpus_texts(shared_dir: Path) -> None:
    for name, text in _corpus_texts(shared_dir, 12):
        lines = _source.logical_lines(text)[0]
        assert _evidence.read_evidence(lines) == old_read_evidence(lines), name
        r = parse_string(text, source=name)
        for auto in (True, False):
            assert _lines.document_lines(r, auto_numbers=auto) == old_document_lines(
                r, auto_numbers=auto
            )
            assert _lines.reading(r, auto_numbers=auto) == old_reading(r, auto_numbers=auto)
        assert _conserve.content_texts(r) == old_content_texts(r)


def test_a_printable_text_holds_no_whitespace_but_the_space() -> None:
    """`_leads._fold` takes a printable opening without a double space as it is (U+2010,
    U+2011, U+2019 mapped one for one): no other whitespace is printable."""
    assert [c for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c).isprintable()] == [
        0x20
    ]


FORMULA_LINE = st.builds(
    lambda text, pad: _source.SourceLine(1, text + pad),
    st.sampled_from(
        [
            "The General Assembly,",
            "The Human Rights Council ,",
            "大会，",
            "L’Assemblée générale,",
            "The General Assembly",
            "Recalling,",
            ",",
            "The Security Council, ",
        ]
    ),
    st.sampled_from(["", " ", "\t", "\u3000"]),
)


@given(
    st.lists(st.one_of(SOURCE_LINE, FORMULA_LINE), max_size=30).map(_numbered),
    st.one_of(st.none(), EVIDENCE),
    st.sampled_from(sorted(LEADS)),
)
def test_parse_lines_is_the_structure_pass(
    lines: list[_source.SourceLine], evidence: _evidence.Evidence | None, lang: str
) -> None:
    """The formula found without stripping lines that cannot be it, the blocks of a text
    without a formula grouped once, its structure told by the first number and lead."""
    noise = [_model.Noise(1, "*", "markup")]
    got = _structure.parse_lines(lines, noise, source="x", language=lang, evidence=evidence)
    assert got == old_parse_lines(lines, noise, source="x", language=lang, evidence=evidence)


def test_parse_lines_on_corpus_texts(shared_dir: Path) -> None:
    for name, text in _corpus_texts(shared_dir, 12):
        lines, noise, repairs = _source.logical_lines(text)
        for evidence in (None, _evidence.AS_GIVEN):
            got = _structure.parse_lines(
                lines, noise, source=name, evidence=evidence, repairs=repairs
            )
            expected = old_parse_lines(
                lines, noise, source=name, evidence=evidence, repairs=repairs
            )
            assert got == expected, name
