"""The comparison decides once, as values: each segment's role, the note shown at each
footnote reference with its edit, the kept words whose italics changed."""

from __future__ import annotations

from pathlib import Path

import redline
from redline.comparison import NotePair, Role
from redline.diff import Op

FIX = Path(__file__).parent / "fixtures" / "docx"

BASE = """Human Rights Council

99/5. Testing

*The Human Rights Council,*

*Recalling* its resolution 1/1,<sup>1</sup>

*Noting* the report,<sup>2</sup>

*Welcoming* the work done,

1. *Decides* to act.

2. *Requests* a report.

<sup>1</sup> See resolution 1/1.

<sup>2</sup> A/HRC/99/1.
"""


def _notes(c: redline.Comparison, role: Role | None = None) -> list[NotePair]:
    return [p for s in c.segments if role in (None, s.role) for p in s.notes]


def test_every_segment_kind_has_its_role() -> None:
    new = (
        BASE.replace("*Welcoming* the work done,\n\n", "")  # deleted
        .replace("2. *Requests* a report.", "2. *Requests* a report.\n\n3. *Decides* to stay.")
        .replace("*Recalling* its resolution 1/1,<sup>1</sup>\n\n", "")
        .replace(
            "1. *Decides* to act.",
            "1. *Recalling* its resolution 1/1,<sup>1</sup>\n\n2. *Decides* to act.",
        )
        .replace("2. *Requests*", "3. *Requests*")
        .replace("3. *Decides* to stay", "4. *Decides* to stay")
    )
    c = redline.compare(BASE, new)
    roles = [s.role for s in c.segments]
    assert roles[0] is Role.HEADER
    assert {Role.PAIR, Role.DELETED, Role.ADDED} <= set(roles)
    sources = [s for s in c.segments if s.role is Role.MOVE_SOURCE]
    destinations = [s for s in c.segments if s.role is Role.MOVE_DESTINATION]
    assert len(sources) == len(destinations) == 1
    assert sources[0].move == destinations[0].move is not None
    assert not sources[0].new and destinations[0].old  # the destination diffs from the old
    assert Role.MOVE_DESTINATION.shows_old is False and Role.MOVE_SOURCE.shows_old
    for s in c.segments:
        assert (s.move is not None) == (s.role in (Role.MOVE_SOURCE, Role.MOVE_DESTINATION))
    assert c.count_moved() == 1 == sum(m.moved for m in c.matches)


def test_a_vote_is_the_last_segment() -> None:
    c = redline.compare(FIX / "hrc-46-13.docx", FIX / "hrc-47-9.docx")
    assert c.old.vote is not None
    assert c.segments[-1].role is Role.VOTE
    assert [s.role for s in c.segments].count(Role.VOTE) == 1


def test_an_edited_note_pairs_with_its_edit() -> None:
    new = BASE.replace("<sup>2</sup> A/HRC/99/1.", "<sup>2</sup> A/HRC/99/1 and Corr.1.")
    c = redline.compare(BASE, new)
    (edited,) = [p for p in _notes(c) if any(e.op is not Op.EQUAL for e in p.edits)]
    assert (edited.old, edited.new) == ("2", "2")
    assert edited.text(new=False) == "A/HRC/99/1."
    assert edited.text(new=True) == "A/HRC/99/1 and Corr.1."
    assert [e.text for e in edited.edits if e.op is Op.INSERT] == [" and Corr.1"]
    (change,) = c.note_changes
    assert (change.kind.value, change.old, change.new) == ("modified", "2", "2")


def test_a_renumbered_note_pairs_its_old_mark_with_its_new_one() -> None:
    new = (
        BASE.replace("resolution 1/1,<sup>1</sup>", "resolution 1/1,<sup>1</sup><sup>2</sup>")
        .replace("report,<sup>2</sup>", "report,<sup>3</sup>")
        .replace("<sup>2</sup> A/HRC/99/1.", "<sup>2</sup> And 2/2.\n\n<sup>3</sup> A/HRC/99/1.")
    )
    c = redline.compare(BASE, new)
    pairs = {(p.old, p.new) for p in _notes(c)}
    assert ("2", "3") in pairs  # same note, new number: kept, no edit
    assert (None, "2") in pairs  # the new note
    kept = next(p for p in _notes(c) if (p.old, p.new) == ("2", "3"))
    assert all(e.op is Op.EQUAL for e in kept.edits)


def test_a_note_moved_with_its_paragraph_pairs_at_the_destination() -> None:
    c = redline.compare(FIX / "notes-old.docx", FIX / "notes-para-moved.docx")
    source = _notes(c, Role.MOVE_SOURCE)
    destination = _notes(c, Role.MOVE_DESTINATION)
    assert source and all(p.new is None for p in source)
    assert destination and all(p.old is not None and p.new is not None for p in destination)
    assert {p.old for p in destination} == {p.old for p in source}
    (edited,) = [p for p in destination if any(e.op is not Op.EQUAL for e in p.edits)]
    assert edited.text(new=True) == c.new.footnote(edited.new or "").text  # type: ignore[union-attr]


def test_a_lead_that_lost_its_italics_is_one_decision() -> None:
    new = BASE.replace("*Noting* the report", "Noting the report")
    c = redline.compare(BASE, new)
    restyled = [k for k, r in enumerate(c.lead_restyled) if r]
    assert len(restyled) == 1
    (seg,) = [s for s in c.segments if s.italics]
    assert seg.match == restyled[0] and seg.role is Role.PAIR
    (change,) = seg.italics
    assert seg.new[change.line].text[change.start : change.end] == "Noting"
    assert change.italic is False
    report = redline.report(c)
    assert [m["lead_italics_changed"] for m in report["matches"]].count(True) == 1


def test_the_report_says_of_notes_what_the_redline_shows() -> None:
    """One pairing of footnotes: a note moved (renumbered 1 -> 4) and edited with its paragraph
    is one edited note in the report, as the redline shows it at the move's destination, not
    a note added and another deleted; a note only renumbered is no change at all."""
    c = redline.compare(FIX / "notes-old.docx", FIX / "notes-para-moved.docx")
    notes = redline.report(c)["footnotes"]
    assert [(n["kind"], n["old"], n["new"]) for n in notes] == [("modified", "1", "4")]
    shown = [n for seg in c.segments for n in seg.notes if n.old == "1" and n.new == "4"]
    assert len(shown) == 1 and any(e.op is not Op.EQUAL for e in shown[0].edits)
    renumbered = redline.compare(FIX / "notes-old.docx", FIX / "notes-renumbered.docx")
    assert [n["kind"] for n in redline.report(renumbered)["footnotes"]] == ["added"]
