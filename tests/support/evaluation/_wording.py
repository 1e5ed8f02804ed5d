"""The negotiators' wording the generator writes with: word lists, lead forms, text surgery.

Kept apart from the operations in `generate` because these are English-language facts
(participles turn into finite verbs, a preambular paragraph ends with a comma), and
because every change to a paragraph's text must carry its footnote marks and lead along.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from redline.model import NoteRef, Paragraph, Part
from redline.parse.lexicon import LEADS

WORD = re.compile(r"[^\W\d_][\w’'-]*")
TERMINAL = {Part.PREAMBLE: ",", Part.OPERATIVE: ";"}
"""How a paragraph of each part ends (the last operative paragraph with a full stop)."""
ADVERBS = ("also", "further")

REPLACEMENTS = (
    "effective", "relevant", "national", "regional", "sustainable", "meaningful", "inclusive",
    "appropriate", "continued", "enhanced", "full", "timely", "voluntary", "concrete",
    "practical", "all", "further", "genuine", "coordinated", "targeted",
)  # fmt: skip
INSERTS = (
    "inter alia,", "as appropriate,", "where appropriate,", "full and effective",
    "in accordance with international law", "and other relevant stakeholders", "at all levels",
    "in particular", "in a transparent manner",
)  # fmt: skip
CLAUSES = (
    ", including through the exchange of best practices", ", as appropriate",
    ", in accordance with its programme of work", ", taking into account national circumstances",
    ", within existing resources", ", upon the request of the States concerned",
)  # fmt: skip

# A word list for new paragraphs when no donor fits: subjects no human rights resolution
# of the seeds speaks of, so a synthesized paragraph is unlike every base paragraph.
_SYNTH_LEADS = {
    Part.PREAMBLE: ("Noting", "Acknowledging", "Aware", "Convinced", "Recognizing"),
    Part.OPERATIVE: ("Encourages", "Invites", "Calls upon", "Urges"),
}
_WHO = (
    "Member States", "regional organizations", "national statistical offices",
    "development partners", "local authorities", "parliaments",
)  # fmt: skip
_WHAT = (
    "digital literacy programmes", "early warning systems", "vocational training",
    "public procurement standards", "data protection frameworks", "coastal resilience",
    "rural broadband access", "climate adaptation finance", "maternal health services",
)  # fmt: skip
_TAIL = (
    "with particular attention to small island developing States",
    "through voluntary peer learning", "on the basis of mutually agreed terms",
    "drawing on lessons learned from pilot projects",
)  # fmt: skip
_TEMPLATE = {
    Part.PREAMBLE: "{lead} that {who} can contribute to {what} {tail},",
    Part.OPERATIVE: "{lead} {who} to support {what} {tail};",
}

_TO_OPERATIVE = {
    "Deeply concerned": "Expresses deep concern",
    "Gravely concerned": "Expresses grave concern",
    "Seriously concerned": "Expresses serious concern",
    "Concerned": "Expresses concern",
}  # the other leads follow the rule: -ing -> -s or -es, as the lexicon's verbs have it
_VERBS = frozenset(w.casefold() for p in LEADS["en"]["operative"] for w in p.split())
_TO_PARTICIPLE = (("ees", "eeing"), ("ies", "ying"), ("es", "ing"), ("s", "ing"))


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def to_operative(lead: str) -> str | None:
    """ "Reaffirming also" -> "Also reaffirms"; None for a lead with no operative form."""
    words = lead.split()
    adverbs = [w.lower() for w in words if w.lower() in ADVERBS]
    rest = [w for w in words if w.lower() not in ADVERBS]
    head = _TO_OPERATIVE.get(" ".join(rest))
    if head is None:
        k = next((k for k, w in enumerate(rest) if w.endswith("ing") and len(w) > 5), None)
        if k is None or any(not w.endswith("ly") for w in rest[:k]):
            return None
        stem = rest[k][:-3]
        verb = next((v for v in (stem + "s", stem + "es") if v.casefold() in _VERBS), stem + "s")
        head = " ".join([*rest[:k], verb, *rest[k + 1 :]])
    if adverbs:
        head = " ".join([*(a.capitalize() for a in adverbs), lower_first(head)])
    return upper_first(head)


def to_preamble(lead: str) -> str | None:
    """ "Also reaffirms" -> "Reaffirming also"; None when no verb in -s leads it."""
    words = lead.split()
    adverbs: list[str] = []
    while words and words[0].lower() in ADVERBS:
        adverbs.append(words.pop(0).lower())
    k = next((k for k, w in enumerate(words) if not w.lower().endswith("ly")), None)
    if k is None or not words[k].endswith("s") or len(words[k]) < 4:
        return None
    end, ing = next(e for e in _TO_PARTICIPLE if words[k].endswith(e[0]))
    verb = lower_first(words[k][: -len(end)] + ing)
    return upper_first(" ".join([*words[:k], verb, *words[k + 1 :], *adverbs]))


def with_adverb(lead: str, part: Part, adverb: str) -> str | None:
    """ "Recalling" -> "Recalling also", "Requests" -> "Also requests"; None if it has one."""
    if any(w.lower() in ADVERBS for w in lead.split()):
        return None
    if part is Part.PREAMBLE:
        return f"{lead} {adverb}"
    return f"{adverb.capitalize()} {lower_first(lead)}"


def lead_of(text: str, part: Part, language: str) -> str:
    """The longest lexicon lead that opens `text` (the lexicon is sorted longest first)."""
    for phrase in LEADS.get(language, {}).get(part.value, ()):
        if text.startswith(phrase) and not text[len(phrase) : len(phrase) + 1].isalnum():
            return phrase
    return ""


def synthesize(rng: random.Random, part: Part) -> Paragraph:
    """A paragraph of `part` (preamble or operative) from the word list."""
    lead = rng.choice(_SYNTH_LEADS[part])
    what = " and ".join(rng.sample(_WHAT, 2))
    text = _TEMPLATE[part].format(
        lead=lead, who=rng.choice(_WHO), what=what, tail=rng.choice(_TAIL)
    )
    return Paragraph(part, 0, text, lead=lead)


def splice(p: Paragraph, start: int, end: int, new: str) -> Paragraph:
    """Replace `text[start:end]`, carrying footnote marks along (those inside go to `start`)."""
    delta = len(new) - (end - start)
    notes = tuple(
        n if n.offset <= start else NoteRef(n.offset + delta if n.offset >= end else start, n.mark)
        for n in p.notes
    )
    return replace(p, text=p.text[:start] + new + p.text[end:], notes=notes)


def relead(p: Paragraph, lead: str) -> Paragraph:
    """The paragraph opening with another lead; the lead stays a prefix of the text."""
    return replace(splice(p, 0, len(p.lead), lead), lead=lead)


def terminate(p: Paragraph, mark: str) -> Paragraph:
    """Give a paragraph the full stop, comma or semicolon its place asks for."""
    if p.subparagraphs or not p.text or p.text[-1] not in ",;." or p.text[-1] == mark:
        return p
    return splice(p, len(p.text) - 1, len(p.text), mark)
