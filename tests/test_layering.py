"""The shape the style guide asks for: a pure core, one Word edge, one PDF edge, one public face."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
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


# -- the one XML parser ------------------------------------------------------------------
PARSING = {"fromstring", "XML", "parse", "iterparse", "XMLParser"}
"""lxml's ways into XML text: only `redline/word/oxml.py` may use them."""


def _lxml_parsing(path: Path) -> list[str]:
    """Each use of lxml's parsing names in a module, as "line: name"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()  # names bound to lxml.etree
    functions: set[str] = set()  # parsing functions imported by name
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("lxml", "lxml.etree"):
            for alias in node.names:
                if node.module == "lxml" and alias.name == "etree":
                    modules.add(alias.asname or "etree")
                elif node.module == "lxml.etree" and alias.name in PARSING | {"*"}:
                    functions.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "lxml.etree" and alias.asname:
                    modules.add(alias.asname)
    found = []
    for node in ast.walk(tree):
        name: str | None = None
        if isinstance(node, ast.Attribute) and node.attr in PARSING:
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in modules:
                name = f"{owner.id}.{node.attr}"
            elif isinstance(owner, ast.Attribute) and ast.unparse(owner) == "lxml.etree":
                name = f"lxml.etree.{node.attr}"
        elif isinstance(node, ast.Name) and node.id in functions:
            name = node.id
        if name is not None:
            found.append(f"{getattr(node, 'lineno', 0)}: {name}")
    return found


def test_xml_is_parsed_only_in_oxml() -> None:
    """Every XML part goes through the one hardened parser: lxml's fromstring, XML, parse,
    iterparse and XMLParser appear in redline/word/oxml.py and nowhere else."""
    uses = {
        str(p.relative_to(PACKAGE)): found
        for p in sorted(PACKAGE.rglob("*.py"))
        if (found := _lxml_parsing(p))
    }
    assert set(uses) == {"word/oxml.py"}, uses


def test_the_parsing_walk_sees_every_spelling(tmp_path: Path) -> None:
    """The walk above is no blind eye: each way of spelling a parse is found."""
    path = tmp_path / "m.py"
    path.write_text(
        "import lxml.etree\n"
        "import lxml.etree as ET\n"
        "from lxml import etree\n"
        "from lxml import etree as E\n"
        "from lxml.etree import fromstring, XMLParser as P\n"
        "etree.fromstring(b'<a/>')\n"
        "E.XML('<a/>')\n"
        "ET.parse('f')\n"
        "lxml.etree.iterparse('f')\n"
        "P()\n"
        "fromstring(b'<a/>')\n"
        "etree.tostring(etree.Element('a'))\n"
    )
    names = [use.split(": ")[1] for use in _lxml_parsing(path)]
    assert sorted(names) == sorted(
        ["etree.fromstring", "E.XML", "ET.parse", "lxml.etree.iterparse", "P", "fromstring"]
    )


# -- the wheel -------------------------------------------------------------------------
ROOT = PACKAGE.parent
NOT_SHIPPED = ("tests/", "support", "evaluation", "docxcheck", "benchmarks")


def test_wheel_holds_the_package_and_nothing_of_the_tests(tmp_path: Path) -> None:
    """The built wheel carries redline and py.typed, and none of the tests, their support
    code, the evaluation tooling, the DOCX checker or the benchmarks.

    Built offline (no index, no build isolation) from a copy of the working tree, so the
    shared checkout gets no build/ or egg-info of the test's making."""
    src = tmp_path / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
        ),
    )
    out = tmp_path / "wheel"
    command = ["pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q"]
    done = subprocess.run(
        [sys.executable, "-m", *command, "-w", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # bdist_wheel comes with the `wheel` package, or with setuptools 70.1 and later
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = out.glob("redline-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "redline/py.typed" in names
    assert "redline/__init__.py" in names
    assert "redline/word/oxml.py" in names
    shipped = [n for n in names if any(bad in n for bad in NOT_SHIPPED)]
    assert shipped == []
    assert {n.split("/")[0] for n in names} == {
        "redline",
        wheel.name.split("-py")[0] + ".dist-info",
    }
