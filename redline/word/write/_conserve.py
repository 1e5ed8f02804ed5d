"""The written redline checked against its inputs before any file is written.

Accept-all of the parts must read as the new text and reject-all as the old, footnotes
included. The expected lines come from the two parsed inputs (`redline.lines.reading`,
after the one character mapping `xml_safe_text`), never from the writer, and the check
runs on the parts as written, after every pass that moves a tracked paragraph mark.
"""

from __future__ import annotations

from ...comparison import Comparison
from ...errors import ConservationError
from ...lines import reading
from .._xml_safe import xml_safe_text
from ..views import views_of

__all__ = ["check_written"]


def check_written(comparison: Comparison, parts: dict[str, bytes]) -> None:
    """Raise ConservationError unless accept-all of `parts` gives the new text and
    reject-all the old, footnotes included."""
    views = views_of(parts)
    for mode, side, name in (("accept", comparison.new, "new"), ("reject", comparison.old, "old")):
        body, notes = reading(side, auto_numbers=comparison.auto_numbers)
        view = views[mode]
        for what, want, got in (
            ("paragraph", [xml_safe_text(t) for t in body], view.body),
            ("footnote", [xml_safe_text(t) for t in notes], view.footnotes),
        ):
            if list(got) == want:
                continue
            k = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), None)
            where = (
                f"{what} {k + 1} reads {got[k][:40]!r}, not {want[k][:40]!r}"
                if k is not None
                else f"it has {len(got)} {what}s, not {len(want)}"
            )
            raise ConservationError(
                f"the written redline's {mode}-all would not give back the {name} text: {where}",
                source=side.source or name,
            )
