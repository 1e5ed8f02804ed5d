"""WordprocessingML at the lowest level: namespaces, element builders, the one XML parser.

Every XML part of every input and template is parsed here, by one hardened parser, and
nowhere else (a test walks the package's calls to lxml to keep it so).
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
