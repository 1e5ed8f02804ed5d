"""The README's architecture table, enforced: what each package of redline may import.

Every relative import inside `redline/` is read from the source (AST, nothing imported) and
checked against `MAY_IMPORT`, which is the table in README.md ("Architecture"). A new
dependency between packages is a design decision: change the table and the README together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import redline

PACKAGE = Path(redline.__file__).parent

CORE = {
    "document",
    "model",
    "errors",
    "scripts",
    "tokens",
    "diff",
    "candidates",
    "lines",
    "parse",
    "align",
    "comparison",
    "report",
    "progress",
}
TRACE_CORE = {"trace/_fold", "trace/_model", "trace/_core"}
"""The trace's pure modules: they may import each other, never `trace/_store` (SQLite)."""
MAY_IMPORT: dict[str, set[str]] = {
    # the pure core, bottom up
    "errors": set(),
    "progress": set(),
    "document": set(),
    "model": {"document"},
    "scripts": set(),
    "tokens": {"scripts"},
    "diff": {"scripts", "tokens"},
    "candidates": set(),
    "lines": {"model"},
    "parse": {"model", "errors", "diff", "scripts"},
    "align": {"model", "diff", "candidates", "progress"},
    "comparison": {
        "model",
        "document",
        "errors",
        "diff",
        "candidates",
        "lines",
        "align",
        "progress",
    },
    "report": {"model", "diff", "comparison"},
    # views of a comparison for readers who do not open Word (HTML, change summary)
    "views": {"model", "document", "scripts", "diff", "comparison", "report", "errors"},
    # the file edges
    "pdf": {"model", "errors", "diff", "parse"},
    "word/oxml": {"errors"},
    "word/_xml_safe": set(),
    "word/views": {"_files", "errors", "word/oxml", "word/_xml_safe", "word/read"},
    "word/read": {"model", "document", "errors", "diff", "parse", "word/oxml"},
    "word/write": {
        "_collector",
        "_files",
        "document",
        "model",
        "errors",
        "diff",
        "lines",
        "scripts",
        "parse",
        "comparison",
        "word/oxml",
        "word/_xml_safe",
        "word/read",
        "word/views",
    },
    "word": {"word/oxml", "word/_xml_safe", "word/read", "word/write", "word/views"},
    # agreed language: a pure core over values (never the SQLite index), and its edges
    "trace/_fold": {"align"},
    "trace/_model": {"model", "diff"},
    "trace/_core": {"model", "parse", "align", "candidates", "diff", "errors", *TRACE_CORE},
    "trace/_report": {"model", "diff", *TRACE_CORE},
    "trace/_corpus": {"errors"},
    "trace/_store": {"model", "errors", "_api", "_files", *TRACE_CORE},
    "trace/_distributed": {"model", "errors", "trace/_store", *TRACE_CORE},
    "trace/_api": {
        "model",
        "align",
        "errors",
        "_api",
        "trace/_corpus",
        "trace/_store",
        "trace/_distributed",
    }
    | TRACE_CORE,
    "trace/_docx": {"model", "errors", "_api", "word/write", "trace/_report", *TRACE_CORE},
    "trace": {"trace/_api", "trace/_report", "trace/_distributed", "trace/_docx", *TRACE_CORE},
    # the history of a series: compare()'s matches chained (pure), rendered, and its edge
    "history/_model": {"model", "diff", "comparison", "trace/_model"},
    "history/_chain": {"model", "diff", "errors", "comparison", "trace/_model", "history/_model"},
    "history/_render": {"diff", "trace/_model", "history/_model"},
    "history/_api": {"_api", "align", "errors", "trace/_core", "trace/_corpus"}
    | {"history/_chain", "history/_model"},
    "history/_docx": {"_api", "errors", "word/write", "history/_model", "history/_render"},
    "history": {"history/_api", "history/_chain", "history/_docx", "history/_model"}
    | {"history/_render"},
    # reading a named file within a size limit (inputs and templates alike)
    "_files": {"errors"},
    "_collector": set(),
    # the one place that joins core and edges, and the faces
    "_api": CORE
    | {"_collector", "_files", "pdf", "word", "word/read", "word/write", "word/_xml_safe"},
    # many pairs at once: the one place's compare() per pair, written as compare writes it
    "_batch": CORE | {"_api", "_files", "word"},
    "__init__": CORE | {"_api", "_batch", "views", "word", "word/write", "trace", "history"},
    "cli": {"errors", "<face>", "progress", "_cli_common", "_trace_cli", "_history_cli"},
    "_cli_common": {"errors"},
    "_trace_cli": {"errors", "<face>", "trace", "_cli_common"},
    "_history_cli": {"errors", "<face>", "history", "_cli_common"},
    "__main__": {"cli"},
}


def _unit(parts: list[str]) -> str:
    """The architectural unit of a module path inside redline/ (word/, trace/ and history/
    are split in their parts)."""
    if not parts:
        return "<face>"
    if parts[0] in ("word", "trace", "history"):
        if len(parts) == 1 or parts[1] == "__init__":
            return parts[0]
        return f"{parts[0]}/{parts[1]}"
    return parts[0]


def _is_module(parts: list[str]) -> bool:
    if parts[:-1] == [] and parts[-1] in redline.__all__:  # `from . import report`: the face
        return False
    where = PACKAGE.joinpath(*parts)
    return where.is_dir() or where.with_suffix(".py").is_file()


def _edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = list(path.relative_to(PACKAGE).with_suffix("").parts)
        here = _unit(rel) if rel != ["__init__"] else "__init__"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = rel[:-1][: len(rel) - node.level] if node.level > 1 else rel[:-1]
            target = base + [m for m in (node.module or "").split(".") if m]
            if not node.module:  # from . import x: a module of the package, or a name of its face
                targets = {
                    _unit([*base, a.name]) if _is_module([*base, a.name]) else _unit(base)
                    for a in node.names
                }
            else:
                targets = {_unit(target)}
            graph.setdefault(here, set()).update(t for t in targets if t != here)
    return graph


def test_every_import_between_packages_is_in_the_table() -> None:
    graph = _edges()
    unknown = sorted(set(graph) - set(MAY_IMPORT))
    assert unknown == [], f"packages missing from the architecture table: {unknown}"
    wrong = {
        unit: sorted(targets - MAY_IMPORT[unit])
        for unit, targets in graph.items()
        if targets - MAY_IMPORT[unit]
    }
    assert wrong == {}


def test_the_table_is_in_the_readme() -> None:
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    for unit in MAY_IMPORT:
        if unit in ("__main__", "errors", "scripts"):
            continue
        assert f"`{unit}" in section, unit
