"""Everything that reads or writes Word files: the only place lxml and zipfile are used.

oxml       namespaces, element builders, the one hardened XML parser
_xml_safe  what happens to a character XML cannot hold (the one mapping)
read/      a drafter's .docx in: source lines for the parser
write/     the redline out: tracked changes, on a clean document or the drafter's own
views      accept-all / reject-all of a written package, read back
"""

from ._xml_safe import substitutions, xml_safe, xml_safe_text
from .read import read_docx
from .views import View, read_view
from .write import Template, Writable, docx_bytes, unsafe_characters, write_docx

__all__ = [
    "Template",
    "View",
    "Writable",
    "docx_bytes",
    "read_docx",
    "read_view",
    "substitutions",
    "unsafe_characters",
    "write_docx",
    "xml_safe",
    "xml_safe_text",
]
