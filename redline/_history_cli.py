"""`redline history FILE...`: each paragraph's life across the versions of a series.

A Click command of its own, registered on the `redline` group by one line in cli.py; it
calls the face (`redline.history`) and renders with `redline.history`'s report functions.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click

from . import DEFAULT_THRESHOLD, HistoryEvent, ParagraphHistory, history
from ._cli_common import Failed, write_text
from .errors import OptionError, RedlineError
from .history import (
    CSV_FIELDS,
    history_markdown,
    history_report,
    history_rows,
    series_files,
    write_history_docx,
)


def _line(h: ParagraphHistory) -> str:
    """One paragraph as the terminal shows it: its labels, then what happened where."""
    labels = " → ".join(dict.fromkeys(s.label for s in h.stages if s.present))
    said = []
    for s in h.changes():
        events = ", ".join(e.value for e in s.events)
        said.append(f"v{s.version + 1} {events}")
    return f"{labels:<16} " + "; ".join(said)


@click.command(
    "history",
    context_settings={"help_option_names": ["-h", "--help"]},
    short_help="Each paragraph's life across the versions of a series.",
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--series", help="the series' name in the corpus MANIFEST.csv (with --corpus)")
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    help="a corpus folder whose MANIFEST.csv names each file's series and date",
)
@click.option("--json", "json_to", type=click.Path(path_type=Path), help="JSON report")
@click.option("--csv", "csv_to", type=click.Path(path_type=Path), help="CSV, a row per stage")
@click.option("--markdown", "markdown_to", type=click.Path(path_type=Path), help="Markdown")
@click.option(
    "--docx",
    "docx_to",
    type=click.Path(path_type=Path),
    help="the latest version as a DOCX, each paragraph commented with its history",
)
@click.option(
    "--threshold",
    default=DEFAULT_THRESHOLD,
    show_default=True,
    type=float,
    help="the similarity below which two paragraphs are not paired (compare's)",
)
@click.option("-q", "--quiet", is_flag=True, help="print nothing on success")
def history_command(
    files: tuple[Path, ...],
    series: str | None,
    corpus: Path | None,
    json_to: Path | None,
    csv_to: Path | None,
    markdown_to: Path | None,
    docx_to: Path | None,
    threshold: float,
    quiet: bool,
) -> None:
    """The history of FILE... (oldest first), or of --series NAME in --corpus DIR (its files
    in date order): where each paragraph appeared, changed (with the words), moved, changed
    part and was dropped, and its label in each version."""
    try:
        if (series is None) != (corpus is None):
            raise OptionError("series", "--series and --corpus go together")
        if series is not None and files:
            raise OptionError("series", "name FILE... or --series with --corpus, not both")
        manifest = None
        versions: tuple[Path, ...] = files
        if series is not None and corpus is not None:
            versions = series_files(series, corpus)
            manifest = corpus / "MANIFEST.csv"
        if not versions:
            raise OptionError("files", "name the versions, oldest first, or --series and --corpus")
        result = history(list(versions), threshold=threshold, manifest=manifest)
        if json_to:
            write_text(
                json_to, json.dumps(history_report(result), ensure_ascii=False, indent=1) + "\n"
            )
        if csv_to:
            with io.StringIO() as out:
                writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
                writer.writeheader()
                writer.writerows(history_rows(result))
                write_text(csv_to, out.getvalue())
        if markdown_to:
            write_text(markdown_to, history_markdown(result))
        if docx_to:
            write_history_docx(result, docx_to)
    except RedlineError as exc:
        raise Failed(str(exc)) from exc
    if not quiet:
        for k, r in enumerate(result.versions):
            click.echo(f"v{k + 1} {r.symbol} ({r.date or 'undated'})")
        for h in result.paragraphs:
            click.echo(_line(h))
        counts = history_report(result)["summary"]["events"]
        said = ", ".join(
            f"{counts[e.value]} {e.value}" for e in HistoryEvent if e is not HistoryEvent.KEPT
        )
        click.echo(
            f"{len(result.paragraphs)} paragraphs across {len(result.versions)} versions: {said}"
        )
        for written in (json_to, csv_to, markdown_to, docx_to):
            if written:
                click.echo(f"wrote {written}")
