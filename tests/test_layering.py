"""The shape the style guide asks for: a pure core, one Word edge, one public face."""

from __future__ import annotations

import ast
from pathlib import Path

import redline

PACKAGE = Path(redline.__file__).parent
EDGES = {"word", "pdf"}
FORBIDDEN = {"lxml", "docx", "zipfile"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_file_libraries() -> None:
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in EDGES:
            continue
        bad = _imports(path) & FORBIDDEN
        if bad:
            offenders[str(rel)] = sorted(bad)
    assert offenders == {}


def test_core_modules_do_not_import_the_word_edge() -> None:
    core = ["model.py", "align.py", "diff.py", "layout.py", "comparison.py", "report.py"]
    core += [str(p.relative_to(PACKAGE)) for p in (PACKAGE / "parse").glob("*.py")]
    for rel in core:
        text = (PACKAGE / rel).read_text(encoding="utf-8")
        assert "from .word" not in text and "from ..word" not in text, rel


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
