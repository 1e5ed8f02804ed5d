#!/usr/bin/python3
"""LibreOffice's own Compare Document (Edit > Track Changes > Compare Document) through UNO.

Run with the system Python that has LibreOffice's `uno` module (Debian: python3-uno):

    /usr/bin/python3 benchmarks/lo_compare.py OLD.docx NEW.docx OUT.docx [OLD NEW OUT ...]

For each triple: open NEW in a private headless LibreOffice (its own profile and pipe, as the
shared oracle does), dispatch `.uno:CompareDocuments` with the OLD file's URL (LibreOffice
compares the open document against the chosen file as the *older* version, so NEW's text
with OLD's differences tracked), and save the result as DOCX ("MS Word 2007 XML").
One LibreOffice start serves all triples.

Output: one JSON object on stdout,
    {"startup_s": 2.1, "version": "7.4.7.2",
     "files": {"OUT.docx": {"ok": true, "seconds": 0.31, "redlines": 12}}}
`seconds` is load + compare + store for that file only, LibreOffice's startup excluded
(it is `startup_s`). A failed triple gets {"ok": false, "error": "..."}.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore  # LibreOffice's bridge, from python3-uno
from com.sun.star.beans import PropertyValue  # type: ignore
from com.sun.star.connection import NoConnectException  # type: ignore


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Office:
    """One private soffice process, spoken to over a named pipe."""

    def __init__(self) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="lo_compare_profile_"))
        self.pipe = f"lo_compare_{uuid.uuid4().hex}"
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            sys.exit("lo_compare: soffice not found")
        self.proc = subprocess.Popen(
            [
                soffice,
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                "--nolockcheck",
                f"-env:UserInstallation={self.profile.as_uri()}",
                f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.time() + 60
        while True:
            try:
                self.ctx = resolver.resolve(
                    f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
                )
                break
            except NoConnectException:
                if time.time() > deadline or self.proc.poll() is not None:
                    sys.exit("lo_compare: LibreOffice did not start")
                time.sleep(0.2)
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", self.ctx
        )

    def version(self) -> str:
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx
        )
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (prop("nodepath", "/org.openoffice.Setup/Product"),),
        )
        return str(access.getByName("ooSetupVersionAboutBox"))

    def compare(self, old: Path, new: Path, out: Path) -> int:
        """Write OUT = NEW compared against OLD; return the number of redlines it holds."""
        doc = self.desktop.loadComponentFromURL(
            new.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),)
        )
        if doc is None:
            raise RuntimeError(f"LibreOffice could not open {new}")
        try:
            frame = doc.getCurrentController().getFrame()
            self.dispatcher.executeDispatch(
                frame,
                ".uno:CompareDocuments",
                "",
                0,
                (prop("URL", old.resolve().as_uri()), prop("NoAcceptDialog", True)),
            )
            count = doc.getRedlines().createEnumeration()
            n = 0
            while count.hasMoreElements():
                count.nextElement()
                n += 1
            doc.storeToURL(out.resolve().as_uri(), (prop("FilterName", "MS Word 2007 XML"),))
            return n
        finally:
            doc.close(True)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # it may be gone already
            self.desktop.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main() -> int:
    args = [Path(a) for a in sys.argv[1:]]
    if not args or len(args) % 3:
        sys.exit(__doc__)
    started = time.perf_counter()
    office = Office()
    report: dict[str, object] = {"startup_s": time.perf_counter() - started}
    files: dict[str, dict[str, object]] = {}
    failed = False
    try:
        report["version"] = office.version()
        for k in range(0, len(args), 3):
            old, new, out = args[k : k + 3]
            t0 = time.perf_counter()
            try:
                n = office.compare(old, new, out)
                files[str(out)] = {"ok": True, "seconds": time.perf_counter() - t0, "redlines": n}
            except Exception as exc:  # report, go on with the next triple
                failed = True
                files[str(out)] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    finally:
        office.close()
    report["files"] = files
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
