"""Styles and automatic numbering of a drafter's DOCX: the italics and labels a reader sees.

Run formatting is resolved document defaults < paragraph style < character style < direct
formatting (each style through its `basedOn` chain; the last one that says wins). Numbering
follows Word: a paragraph's `numPr` (direct or from its style) names a `w:num`, which names an
`abstractNum` whose levels give start, format and label text ("%1.", "(%2)"); counters belong
to the abstract list, so `w:num`s sharing one continue each other's count, and a `w:num` with
`lvlOverride/startOverride` restarts its levels the first time it is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..oxml import W_NS

__all__ = ["Numbering", "RunLook", "Styles", "format_number"]

_W = f"{{{W_NS}}}"
_OFF = {"0", "false", "off", "none"}
_MAX_CHAIN = 32  # basedOn chains longer than this are a loop
_LOOK_ORDER = tuple(f"{_W}{name}" for name in ("i", "iCs", "b", "vanish", "rtl", "cs"))
_LOOK_TAGS = set(_LOOK_ORDER)
_RSTYLE, _VAL = f"{_W}rStyle", f"{_W}val"
_RUN_TAGS = _LOOK_TAGS | {_RSTYLE}
_STYLE_TAGS = {f"{_W}{name}" for name in ("pPr", "rPr", "basedOn")}
_LEVEL_TAGS = {
    f"{_W}{name}" for name in ("lvlRestart", "start", "numFmt", "lvlText", "isLgl", "pStyle")
}


def on(el: etree._Element | None) -> bool | None:
    """An OOXML on/off property: None when absent, else its value (no w:val means on)."""
    if el is None:
        return None
    return (el.get(f"{_W}val") or "true").lower() not in _OFF


def w_val(el: etree._Element | None, name: str) -> str | None:
    node = el.find(f"{_W}{name}") if el is not None else None
    return node.get(f"{_W}val") if node is not None else None


@dataclass(frozen=True, slots=True)
class RunLook:
    """The run properties that matter here: italic, bold, hidden, complex script."""

    italic: bool | None = None
    italic_cs: bool | None = None
    bold: bool | None = None
    hidden: bool | None = None
    complex: bool | None = None

    def over(self, rpr: etree._Element | None) -> RunLook:
        """These properties with `rpr`'s settings on top."""
        if rpr is None:
            return self
        first: dict[str, etree._Element] = {}  # each property's first element, as find() gives
        for child in rpr:
            tag = child.tag
            if tag in _LOOK_TAGS and tag not in first:
                first[tag] = child
        return self.over_first(first)

    def over_first(self, first: dict[str, etree._Element]) -> RunLook:
        """`over`, given the first element of each property (other tags in `first` aside)."""
        said = [first.get(tag) for tag in _LOOK_ORDER]
        if said.count(None) == len(said):  # nothing said: these very properties
            return self
        i, ics, b, vanish, rtl, cs = said
        return RunLook(
            self.italic if i is None else on(i),
            self.italic_cs if ics is None else on(ics),
            self.bold if b is None else on(b),
            self.hidden if vanish is None else on(vanish),
            self.complex if rtl is None and cs is None else bool(on(rtl) or on(cs)),
        )

    @property
    def shows_italic(self) -> bool:
        """Complex-script runs (`w:rtl`/`w:cs`) are italic by `w:iCs`, others by `w:i`."""
        return bool(self.italic_cs if self.complex else self.italic)


@dataclass(slots=True)
class _Style:
    based_on: str | None
    rpr: etree._Element | None
    num_id: str | None
    ilvl: str | None


class Styles:
    """styles.xml: run looks and numbering of paragraph and character styles."""

    def __init__(self, root: etree._Element | None) -> None:
        self._elements: dict[str, etree._Element] = {}
        self._styles: dict[str, _Style] = {}
        self._looks: dict[tuple[str | None, str | None], RunLook] = {}
        self._run_looks: dict[tuple[object, ...], RunLook] = {}
        self._numbering: dict[str | None, tuple[str | None, str | None]] = {}
        self.default_paragraph: str | None = None
        self.defaults = RunLook()
        if root is None:
            return
        self.defaults = self.defaults.over(root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
        for st in root.iter(f"{_W}style"):
            sid = st.get(f"{_W}styleId")
            if not sid:
                continue
            self._elements[sid] = st  # the last of an id, as a dict of them all keeps
            if st.get(f"{_W}type") == "paragraph" and st.get(f"{_W}default") in ("1", "true"):
                self.default_paragraph = sid

    def _style(self, sid: str) -> _Style | None:
        """A style as defined, read the first time it is asked for (a document uses a few of
        the styles its part defines)."""
        found = self._styles.get(sid)
        if found is None:
            st = self._elements.get(sid)
            if st is None:
                return None
            first: dict[str, etree._Element] = {}  # the first of each, as find() gives it
            for child in st:
                tag = child.tag
                if tag in _STYLE_TAGS and tag not in first:
                    first[tag] = child
            ppr, based = first.get(f"{_W}pPr"), first.get(f"{_W}basedOn")
            num = ppr.find(f"{_W}numPr") if ppr is not None else None
            found = self._styles[sid] = _Style(
                based.get(_VAL) if based is not None else None,
                first.get(f"{_W}rPr"),
                w_val(num, "numId"),
                w_val(num, "ilvl"),
            )
        return found

    def _chain(self, sid: str | None) -> list[_Style]:
        """The style and its ancestors, base first."""
        out: list[_Style] = []
        while sid and len(out) < _MAX_CHAIN:
            st = self._style(sid)
            if st is None or st in out:
                break
            out.append(st)
            sid = st.based_on
        return out[::-1]

    def look(self, paragraph_style: str | None, run_style: str | None) -> RunLook:
        """The run look from defaults and the two styles, before direct formatting."""
        key = (paragraph_style, run_style)
        if key not in self._looks:
            look = self.defaults
            chain = self._chain(paragraph_style or self.default_paragraph) + self._chain(run_style)
            for st in chain:
                look = look.over(st.rpr)
            self._looks[key] = look
        return self._looks[key]

    def run_look(self, paragraph_style: str | None, rpr: etree._Element | None) -> RunLook:
        """`look(paragraph_style, rpr's w:rStyle).over(rpr)`: the run's look, its properties
        read in one pass (the first of each, as find() gives it)."""
        if rpr is None:
            return self.look(paragraph_style, None)
        # What decides the look: the style and each property's elements with their values,
        # in order (the first of each wins). Runs of a document say the same few things:
        # each is worked out once.
        said: list[object] = [paragraph_style]
        for child in rpr:
            tag = child.tag
            if tag in _RUN_TAGS:
                said += (tag, child.get(_VAL))
        if len(said) == 1:
            return self.look(paragraph_style, None)
        key = tuple(said)
        found = self._run_looks.get(key)
        if found is None:
            first: dict[str, etree._Element] = {}
            for child in rpr:
                tag = child.tag
                if tag in _RUN_TAGS and tag not in first:
                    first[tag] = child
            rstyle = first.get(_RSTYLE)
            look = self.look(paragraph_style, rstyle.get(_VAL) if rstyle is not None else None)
            found = self._run_looks[key] = look.over_first(first)
        return found

    def numbering(self, paragraph_style: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style gives, the nearest definition winning (worked out
        once per style: every paragraph asks)."""
        found = self._numbering.get(paragraph_style)
        if found is None:
            num_id = ilvl = None
            for st in self._chain(paragraph_style or self.default_paragraph):
                num_id = st.num_id if st.num_id is not None else num_id
                ilvl = st.ilvl if st.ilvl is not None else ilvl
            found = self._numbering[paragraph_style] = (num_id, ilvl)
        return found


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False
    restart: int | None = None  # lvlRestart: 0 = never restart
    style: str | None = None


def _levels(el: etree._Element) -> dict[int, _Level]:
    out: dict[int, _Level] = {}
    for lvl in el.iter(f"{_W}lvl"):
        out[_int(lvl.get(f"{_W}ilvl"), 0)] = _level(lvl)
    return out


def _level(lvl: etree._Element) -> _Level:
    first: dict[str, etree._Element] = {}  # each property's first element, as find() gives
    for child in lvl:
        tag = child.tag
        if tag in _LEVEL_TAGS and tag not in first:
            first[tag] = child

    def val(name: str) -> str | None:
        e = first.get(f"{_W}{name}")
        return e.get(_VAL) if e is not None else None

    restart = val("lvlRestart")
    return _Level(
        start=_int(val("start"), 1),
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        legal=bool(on(first.get(f"{_W}isLgl"))),
        restart=_int(restart, 1) if restart is not None else None,
        style=val("pStyle"),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_TOKENS = [(k, f"%{k}") for k in range(9, 0, -1)]  # where a level text shows a number
_Plan = tuple[str, dict[int, _Level], dict[int, int], dict[int, list[int]]]


@dataclass(slots=True)
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


class Numbering:
    """numbering.xml with its counters: gives each numbered paragraph its label, in order."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self._abstract: dict[str, etree._Element] = {}  # read when a list first counts
        self._levels: dict[str, dict[int, _Level]] = {}
        self._links: dict[str, str] = {}  # abstractNum id -> numbering style it links to
        self._nums: dict[str, _Num] = {}
        self._styles = styles
        self._counters: dict[str, dict[int, int | None]] = {}
        self._used: set[str] = set()
        self._plans: dict[str, _Plan] = {}
        if root is None:
            return
        for ab in root.iter(f"{_W}abstractNum"):
            aid = ab.get(f"{_W}abstractNumId") or ""
            self._abstract[aid] = ab
            link = w_val(ab, "numStyleLink")
            if link:
                self._links[aid] = link
        for num in root.iter(f"{_W}num"):
            entry = _Num(w_val(num, "abstractNumId") or "")
            for ov in num.iter(f"{_W}lvlOverride"):
                k = _int(ov.get(f"{_W}ilvl"), 0)
                start = w_val(ov, "startOverride")
                if start is not None:
                    entry.starts[k] = _int(start, 1)
                lvl = ov.find(f"{_W}lvl")
                if lvl is not None:
                    entry.levels[k] = _level(lvl)
            self._nums[num.get(f"{_W}numId") or ""] = entry

    def _abstract_of(self, num: _Num) -> str:
        aid = num.abstract
        for _ in range(4):  # numStyleLink: the list is defined by a numbering style
            link = self._links.get(aid)
            if not link:
                break
            num_id, _ilvl = self._styles.numbering(link)
            target = self._nums.get(num_id or "")
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return aid

    def _abstract_levels(self, aid: str) -> dict[int, _Level]:
        """An abstract list's levels, read the first time a paragraph asks (most lists of a
        numbering part are never used)."""
        found = self._levels.get(aid)
        if found is None:
            ab = self._abstract.get(aid)
            found = self._levels[aid] = _levels(ab) if ab is not None else {}
        return found

    def level_for_style(self, num_id: str, style: str | None) -> int | None:
        """The level whose `w:pStyle` is `style` (style-based numbering without an ilvl)."""
        num = self._nums.get(num_id)
        if num is None or style is None:
            return None
        levels = self._abstract_levels(self._abstract_of(num))
        return next((k for k, lv in sorted(levels.items()) if lv.style == style), None)

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Count one paragraph; return (label as displayed, "number" | "bullet" | "")."""
        num = self._nums.get(num_id)
        if num is None or num_id == "0":
            return "", ""
        plan = self._plans.get(num_id)
        if plan is None:  # what a list's levels are never changes: worked out once
            aid = self._abstract_of(num)
            levels = {**self._abstract_levels(aid), **num.levels}
            start = {k: num.starts.get(k, lv.start) for k, lv in levels.items()}
            restarts = {  # the levels each level's count restarts
                at: [
                    k
                    for k, lv in levels.items()
                    if k > at and lv.restart != 0 and (lv.restart is None or lv.restart - 1 >= at)
                ]
                for at in levels
            }
            plan = self._plans[num_id] = (aid, levels, start, restarts)
        aid, levels, start, restarts = plan
        ilvl = min(max(ilvl, 0), 8)
        if ilvl not in levels:
            return "", ""
        counters = self._counters.setdefault(aid, {})
        if num_id not in self._used:
            self._used.add(num_id)
            for k in num.starts:
                counters[k] = None
        current = counters.get(ilvl)
        counters[ilvl] = start[ilvl] if current is None else current + 1
        for k in restarts[ilvl]:
            counters[k] = None
        level = levels[ilvl]
        if level.fmt == "bullet":
            return level.text, "bullet"
        out = level.text
        for k, token in _TOKENS if "%" in out else ():  # (a number holds no "%")
            if token in out:
                value = counters.get(k - 1)
                value = start.get(k - 1, 1) if value is None else value
                fmt = levels[k - 1].fmt if k - 1 in levels else "decimal"
                if level.legal and fmt != "none":
                    fmt = "decimal"
                out = out.replace(token, format_number(value, fmt))
        return out, "number"


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_CHICAGO = ("*", "\u2020", "\u2021", "\u00a7")


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """A counter as Word displays it in `numFmt` (unknown formats fall back to decimal)."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # 27 -> "aa", as Word
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n > 0:
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt == "chicago" and n > 0:
        return _CHICAGO[(n - 1) % 4] * ((n - 1) // 4 + 1)
    return str(n)
