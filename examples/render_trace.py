"""Render the README's picture of a trace's commented DOCX, as LibreOffice shows it.

    python3 examples/render_trace.py [OUT.png]   # default: docs/trace-comments.png

Writes `redline trace examples/hrc-47-9.md examples -o ...` (each paragraph of 47/9 commented
with its closest precedent in 46/13, or "new language"), opens it in LibreOffice on a
virtual display with its comments in the margin, scrolled to preambular paragraph 24, and
captures the window. Not a PDF page as examples/render.py makes: LibreOffice 7.4's PDF
export cannot place comments in the margin (it writes them as PDF annotations, which a PDF
renderer draws as icons), so the picture is the screen a negotiator sees. Needs LibreOffice
with python3-uno, xvfb (xvfb-run) and imagemagick (its `import`): Debian packages.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"  # the one with LibreOffice's uno bridge
SCREEN = (1150, 900)
CROP = "1012x744+38+104"  # the page and its comments, the menus and toolbars left out
ANCHOR = "Recalling General Assembly resolution 60/251"  # PP24, traced to 46/13's PP9


def main() -> None:
    import redline
    from redline.trace import write_trace_docx

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "trace-comments.png"
    for tool in ("soffice", "xvfb-run", "import"):
        if not shutil.which(tool):
            raise SystemExit(f"needs {tool} (LibreOffice, xvfb, imagemagick)")
    traced = redline.trace(ROOT / "examples" / "hrc-47-9.md", [ROOT / "examples"])
    with tempfile.TemporaryDirectory() as tmp:
        docx = write_trace_docx(traced, Path(tmp) / "47-9-traced.docx")
        screen = f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24"
        subprocess.run(
            [
                "xvfb-run",
                "-a",
                "-s",
                screen,
                SYSTEM_PYTHON,
                __file__,
                "--shoot",
                str(docx),
                str(out),
            ],
            check=True,
            timeout=300,
        )
    print(f"wrote {out}")


def _prop(name: str, value: Any) -> Any:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def shoot(docx: Path, out: Path) -> None:
    """In the virtual display: LibreOffice shows `docx`, comments in the margin; capture."""
    import uno  # type: ignore[import-not-found]

    profile = Path(tempfile.mkdtemp(prefix="render-trace-"))
    pipe = f"render_trace_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        ["soffice", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         f"-env:UserInstallation={profile.as_uri()}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    desktop = None
    try:
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(docx.resolve().as_uri(), "_blank", 0, ())
        controller = doc.getCurrentController()
        controller.getFrame().getContainerWindow().setPosSize(0, 0, *SCREEN, 15)
        view = controller.getViewSettings()
        view.setPropertyValue("ShowAnnotations", True)
        uno.invoke(view, "setPropertyValue", ("ZoomType", uno.Any("short", 3)))  # by value
        uno.invoke(view, "setPropertyValue", ("ZoomValue", uno.Any("short", 100)))
        paragraphs = doc.getText().createEnumeration()
        while paragraphs.hasMoreElements():
            paragraph = paragraphs.nextElement()
            if paragraph.getString().startswith(ANCHOR):
                cursor = controller.getViewCursor()
                cursor.gotoEnd(False)  # from below, so the paragraph is drawn near the top
                cursor.gotoRange(paragraph.getStart(), False)
                break
        time.sleep(4)  # LibreOffice lays the comments out after the view has settled
        subprocess.run(["import", "-window", "root", "-crop", CROP, str(out)], check=True)
        doc.close(True)
    finally:
        if desktop is not None:
            with contextlib.suppress(Exception):
                desktop.terminate()
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--shoot"]:
        shoot(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
