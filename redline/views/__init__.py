"""Views of a comparison for readers who do not open Word: rendering only, no decisions.

html     html_report(), write_html(): one self-contained HTML page, side by side or inline
summary  change_summary(): counts per kind, then one line per changed paragraph
"""

from .html import html_report, write_html
from .summary import ChangeSummary, SummaryLine, change_summary

__all__ = ["ChangeSummary", "SummaryLine", "change_summary", "html_report", "write_html"]
