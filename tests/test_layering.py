"""The shape the style guide asks for: a pure core, one Word edge, one PDF edge, one public face."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import redline

PACKAGE = Path(redline.__file__).parent
EDGES = {"word", "pdf"}
# Each file library, and the one edge subpackage allowed to import it.
ALLOWED_IN = {"lxml": "word", "docx": "word", "zipfile": "word", "pdfminer": "pdf"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_file_libraries_only_in_their_edge() -> None:
    """lxml, python-docx and zipfile only under redline/word/; pdfminer only under redline/pdf/."""
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        place = rel.parts[0] if len(rel.parts) > 1 else ""
        bad = {lib for lib in _imports(path) & set(ALLOWED_IN) if ALLOWED_IN[lib] != place}
        if bad:
            offenders[str(rel)] = sorted(bad)
    assert offenders == {}


def test_importing_redline_does_not_load_pdfminer() -> None:
    """pdfminer is an optional extra: loaded when a PDF is read, never by `import redline`."""
    code = "import sys, redline; print(sorted(m for m in sys.modules if m.startswith('pdfminer')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_core_modules_do_not_import_the_edges() -> None:
    core = ["model.py", "diff.py", "lines.py", "report.py"]
    for package in ("align", "comparison", "parse"):
        core += [str(p.relative_to(PACKAGE)) for p in (PACKAGE / package).glob("*.py")]
    for rel in core:
        text = (PACKAGE / rel).read_text(encoding="utf-8")
        for edge in EDGES:
            assert f"from .{edge}" not in text and f"from ..{edge}" not in text, rel


def test_public_face_only_imports_and_sorted_all() -> None:
    assert list(redline.__all__) == sorted(redline.__all__)
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    kinds = {type(n).__name__ for n in tree.body}
    assert kinds <= {"Expr", "ImportFrom", "Import", "Assign"}
    for name in redline.__all__:
        assert hasattr(redline, name), name


def test_typed_package() -> None:
    assert (PACKAGE / "py.typed").exists()


def test_no_module_over_500_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500 and p.name != "lexicon.py"
    }  # generated data
    assert long == {}
