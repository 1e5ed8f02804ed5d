"""A comparison of two resolutions: every decision a redline or a report shows, as values.

_build    compare_resolutions(): matches, then the redline's segments with their roles and diffs
_notes    the footnote at each reference (note pairs and their edits), italics changed
_order    the reading order of the redline's paragraphs
_blocks   two Word documents block by block: what a redline written in place shows
_elements those blocks' tables and elements (pictures, equations, boxes) as a reader is told
"""

from ._blocks import BlockChange, Change, DocumentChanges, RowChange, Step, StoryChange
from ._build import Comparison, Role, Segment, check_conservation, compare_resolutions, whole
from ._changes import InnerEdit
from ._elements import ElementChange, ElementChanges, RowView, TableChange
from ._notes import ItalicChange, NoteChange, NotePair

__all__ = [
    "BlockChange",
    "Change",
    "Comparison",
    "DocumentChanges",
    "ElementChange",
    "ElementChanges",
    "ItalicChange",
    "InnerEdit",
    "NoteChange",
    "NotePair",
    "Role",
    "RowChange",
    "RowView",
    "Segment",
    "Step",
    "StoryChange",
    "TableChange",
    "check_conservation",
    "compare_resolutions",
    "whole",
]
