"""The command line: parse arguments, call the public face, turn errors into one line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import compare, report, write_docx
from .errors import RedlineError


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="redline",
        description="Compare two resolutions by their structure and write a Word redline "
        "with tracked changes.",
    )
    ap.add_argument("old", type=Path, help="the earlier text (.txt, .md, .docx or .pdf)")
    ap.add_argument("new", type=Path, help="the later text (.txt, .md, .docx or .pdf)")
    ap.add_argument("-o", "--output", type=Path, help="the redline DOCX to write")
    ap.add_argument("--report", type=Path, help="also write the match report (JSON) here")
    ap.add_argument("--author", default="redline", help="author of the tracked changes")
    ap.add_argument("--date", help="date of the tracked changes, ISO 8601 (default: now)")
    ap.add_argument(
        "--existing-changes",
        choices=("accept", "reject"),
        default="accept",
        help="read Word inputs that carry tracked changes as accepted (default) or rejected",
    )
    look = ap.add_mutually_exclusive_group()
    look.add_argument(
        "--template",
        type=Path,
        help="write the redline onto this .docx (its styles, page setup, headers, numbering); "
        "default: NEW when it is a .docx",
    )
    look.add_argument(
        "--plain",
        action="store_true",
        help="write a clean UN-style document even when NEW is a .docx",
    )
    ap.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        comparison = compare(args.old, args.new, existing_changes=args.existing_changes)
        if args.output:
            template = args.template
            if template is None and not args.plain and args.new.suffix.lower() == ".docx":
                template = args.new
            old_template = None
            if template is not None and args.old.suffix.lower() == ".docx":
                old_template = args.old  # a kept paragraph's changed look: w:pPrChange
            write_docx(
                comparison,
                args.output,
                author=args.author,
                date=args.date,
                template=template,
                old_template=old_template,
            )
        if args.report:
            _write_json(args.report, report(comparison))
    except RedlineError as exc:
        print(f"redline: error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a --date that is not ISO 8601
        print(f"redline: error: --date: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(comparison.summary())
        for w in comparison.warnings:
            print(f"warning: {w}")
        if args.output:
            print(f"wrote {args.output}")
    return 0


def _write_json(path: Path, data: object) -> None:
    from .errors import OutputError

    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"cannot write the report: {exc.strerror or exc}", source=str(path)
        ) from exc
