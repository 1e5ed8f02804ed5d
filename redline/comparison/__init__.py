"""A comparison of two resolutions: every decision a redline or a report shows, as values.

_build    compare_resolutions(): matches, then the redline's segments with their diffs
_order    the reading order of the redline's paragraphs
"""

from ._build import Comparison, Segment, check_conservation, compare_resolutions, whole

__all__ = ["Comparison", "Segment", "check_conservation", "compare_resolutions", "whole"]
