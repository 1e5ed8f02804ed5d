"""The header lines above the enacting formula, and the vote record below the operative part."""

from __future__ import annotations

import re

from ..model import Header, HeaderLine, Vote
from ._patterns import SYMBOL_LINE, any_of, sentence
from .lexicon import HEADER_WORDS, SYMBOL_PREFIXES, WORDS

_EN = WORDS["en"]
_MONTH = any_of(_EN["months"])
_DATE = rf"\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
_FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("symbol", SYMBOL_LINE),
    ("distribution", re.compile(rf"^{any_of(_EN['distribution'])}\s*(?P<v>.+)$")),
    ("original", re.compile(rf"^{any_of(_EN['original'])}\s*(?P<v>.+)$")),
    ("body", re.compile(rf"^(?P<v>{any_of(_EN['bodies'])})$")),
    (
        "session",
        re.compile(
            rf"^(?P<v>[A-Z][\w-]*(?:\s+[\w-]+)?\s+(?:{any_of(_EN['session kind'])}\s+)?"
            rf"{any_of(_EN['session'])})$",
            re.I,
        ),
    ),
    ("dates", re.compile(rf"^(?P<v>\d{{1,2}}(?:\s+{_MONTH})?(?:\s+\d{{4}})?\s*[–-]\s*{_DATE})$")),
    ("agenda_item", re.compile(rf"^(?P<v>{any_of(HEADER_WORDS['en']['agenda item'])}\s+.+)$")),
    ("adopted", re.compile(rf"^(?P<v>{any_of(_EN['adopted'])} .+)$")),
    ("committee", re.compile(rf"^(?P<v>\[{any_of(_EN['report'])}.+\])$")),
    ("title", re.compile(r"^(?P<num>\d{1,4}/\d{1,4}(?:\s?[A-Z])?)\.\s+(?P<v>.+)$")),
)
_SYMBOL_PREFIX = SYMBOL_PREFIXES["en"]


def read_header(texts: list[str]) -> tuple[Header, list[str]]:
    """Give each header line its field; returns the header and warnings."""
    lines: list[HeaderLine] = []
    values: dict[str, str] = {}
    number: str | None = None
    after_agenda = False
    for text in texts:
        stripped = text.strip()
        name = "other"
        for field_name, rx in _FIELDS:
            m = rx.match(stripped)
            if m:
                name = field_name
                values.setdefault(name, m.group("v"))
                if name == "title":
                    number = m.group("num")
                break
        if (
            name == "other"
            and lines
            and lines[-1].field == "adopted"
            and re.fullmatch(_DATE, stripped)
            and not re.search(_DATE, values.get("adopted", ""))
        ):  # "Resolution adopted by the … on" / "12 July 2021": one record, two lines
            name = "adopted"
            values[name] = f"{values[name]} {stripped}"
        if name == "other" and after_agenda and "agenda_title" not in values:
            name = "agenda_title"
            values[name] = stripped
        after_agenda = name == "agenda_item"
        lines.append(HeaderLine(name, text))
    warnings: list[str] = []
    symbol = values.get("symbol")
    inferred = False
    body = values.get("body")
    if symbol is None and number and body in _SYMBOL_PREFIX:
        symbol = _SYMBOL_PREFIX[body] + number
        inferred = True
        warnings.append(f"no document symbol in the text: {symbol} inferred from the title")
    adopted = values.get("adopted")
    date_match = re.search(_DATE, adopted) if adopted else None
    header = Header(
        lines=tuple(lines),
        symbol=symbol,
        symbol_inferred=inferred,
        body=body,
        session=values.get("session"),
        dates=values.get("dates"),
        agenda_item=values.get("agenda_item"),
        agenda_title=values.get("agenda_title"),
        adopted=adopted,
        date=date_match.group(0) if date_match else None,
        number=number,
        title=values.get("title"),
    )
    return header, warnings


MEETING = re.compile(
    rf"^(?P<meeting>\d{{1,4}}{any_of(_EN['ordinal'])}\s+(?:\(resumed\)\s+)?"
    rf"(?:{any_of(_EN['plenary'])}\s+)?"
    rf"{any_of(_EN['meeting'])})\s*(?P<date>{_DATE})?\s*$"
)
_DATE_LINE = re.compile(rf"^{_DATE}$")
# The meeting line in any of the six languages, from the corpus's meeting words
# ("51e séance plénière", "51ª sesión plenaria", "51-e пленарное заседание",
# "الجلسة العامة 51", "第51次全体会议"), with a date after it on the same line or not.
_MEETING_WORDS = "|".join(
    re.escape(w)
    for w in sorted(
        {w for words in HEADER_WORDS.values() for w in words.get("meeting", ())},
        key=len,
        reverse=True,
    )
)
_NUMBER = r"[0-9\u0660-\u0669]{1,4}"
_YEAR = r"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])"
_ANY_DATE = rf"(?=[^\n]{{0,40}}$)[^\n;:]*{_YEAR}[^\n;:]*"
_MEETING_ANY = re.compile(
    rf"^(?P<meeting>(?:第\s*)?{_NUMBER}\S{{0,3}}\s*(?:{_MEETING_WORDS})"
    rf"|(?:{_MEETING_WORDS})\s+{_NUMBER})\s*[,،]?\s*(?P<date>{_ANY_DATE})?\s*$"
)


def is_date_line(text: str) -> bool:
    """A line that is only a date, in any language ("12 July 2021", "25 septembre 2015",
    "25 сентября 2015 года", "2015年9月25日"): short, with a year, no sentence signs."""
    t = text.strip()
    return bool(_DATE_LINE.match(t)) or (
        len(t) <= 40 and re.fullmatch(_ANY_DATE, t) is not None and not t.endswith((",", "،"))
    )


def _meeting(text: str) -> re.Match[str] | None:
    return MEETING.match(text) or _MEETING_ANY.match(text)


_RECORDED = re.compile(
    sentence(_EN["recorded vote"][0], yes=r"(?P<yes>\d+)", no=r"(?P<no>\d+)")
    + "(?:"
    + sentence(
        _EN["abstentions"][0],
        abs=rf"(?P<abs>\d+|{any_of(_EN['none'])})",
        abstention=any_of(_EN["abstention"]),
    )
    + ")?"
)
_NONE = _EN["none"][0]
_LIST_HEADS = {
    HEADER_WORDS["en"][key][0].lower(): key.replace(" ", "_")
    for key in ("in favour", "against", "abstaining")
}
# Member States whose names hold " and ": the one closed list the vote parser needs, so
# "Trinidad and Tobago and Uruguay" splits into two names, not three.
_AND_NAMES = _EN["names with and"]
_LIST_SPLIT = re.compile(rf",\s*|\s+{any_of(_EN['and'])}\s+")
_VOTE_OPENING = _EN["vote opening"]


_VOTE_FIRST = frozenset(
    {"第"}
    | {w[0] for words in HEADER_WORDS.values() for w in words.get("meeting", ())}
    | {w[0] for w in _VOTE_OPENING}
)
"""The characters but digits an adoption record's first line may open with: the first of
`_MEETING_ANY`'s words and of the vote's openings (MEETING and the rest open with a digit)."""


def starts_vote(text: str) -> bool:
    """Whether a line opens the adoption record (meeting line or the bracketed vote)."""
    first = text[:1]
    if first.isspace():
        first = text.lstrip()[:1]
    if first not in _VOTE_FIRST and not first.isdecimal():  # ("" is no digit, in no set)
        return False  # no pattern can match: most paragraphs, told without a copy of them
    t = text.strip()
    return bool(_meeting(t)) or t.startswith(_VOTE_OPENING)


def _countries(text: str) -> tuple[str, ...]:
    text = text.strip().rstrip("]").strip()
    guarded = text
    for i, name in enumerate(_AND_NAMES):
        guarded = guarded.replace(name, f"\x00{i}\x00")
    parts = [p.strip() for p in _LIST_SPLIT.split(guarded) if p.strip()]
    out = []
    for p in parts:
        for i, name in enumerate(_AND_NAMES):
            p = p.replace(f"\x00{i}\x00", name)
        out.append(p)
    return tuple(out)


def read_vote(texts: list[str]) -> tuple[Vote, list[str]]:
    """Read meeting, date and recorded vote from the record's lines."""
    meeting = date = None
    counts: dict[str, int | None] = {"yes": None, "no": None, "abs": None}
    lists: dict[str, tuple[str, ...]] = {}
    current: str | None = None
    for text in texts:
        t = text.strip()
        m = _meeting(t)
        if m:
            meeting = m.group("meeting")
            date = (m.group("date") or "").strip() or date
            continue
        if is_date_line(t) and date is None:
            date = t
            continue
        r = _RECORDED.search(t)
        if r:
            counts = {
                "yes": int(r.group("yes")),
                "no": int(r.group("no")),
                "abs": int(r.group("abs")) if (r.group("abs") or _NONE) != _NONE else 0,
            }
            continue
        head = _LIST_HEADS.get(t.lower())
        if head:
            current = head
            continue
        if current:
            lists[current] = lists.get(current, ()) + _countries(t)
            current = None
    vote = Vote(
        lines=tuple(texts),
        meeting=meeting,
        date=date,
        in_favour=lists.get("in_favour", ()),
        against=lists.get("against", ()),
        abstaining=lists.get("abstaining", ()),
        yes=counts["yes"],
        no=counts["no"],
        abstentions=counts["abs"],
    )
    warnings = []
    for name, count in (
        ("in_favour", vote.yes),
        ("against", vote.no),
        ("abstaining", vote.abstentions),
    ):
        listed = len(lists.get(name, ()))
        if count is not None and listed and listed != count:
            warnings.append(
                f"vote record: {count} {name.replace('_', ' ')} stated, {listed} States listed"
            )
    return vote, warnings
