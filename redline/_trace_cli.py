"""`redline trace DRAFT CORPUS...`: where every paragraph of a draft comes from.

A Click command of its own, registered on the `redline` group by one line in cli.py; it
calls the face (`redline.trace`) and renders with `redline.trace`'s report functions.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from pathlib import Path

import click

from . import DEFAULT_THRESHOLD, ParagraphTrace, Standing, trace
from ._cli_common import Failed, write_text
from .errors import OptionError, RedlineError
from .trace import CSV_FIELDS, connected, trace_report, trace_rows, write_trace_docx


def _line(t: ParagraphTrace) -> str:
    """One paragraph as the terminal shows it: label, standing, best precedent, since when."""
    head = f"{t.label:<6} {t.standing.value:<16}"
    if t.standing is Standing.FORMULA:
        return f"{head} in {t.resolutions} resolutions of {t.series} series"
    if not t.precedents:
        return head.rstrip()
    best = t.precedents[0]
    text = f"{head} {best.symbol} {best.paragraph.label} ({best.similarity:.0%})"
    if t.earliest is not None:
        near = " (near)" if t.earliest.near else ""
        text += f"; since {t.earliest.symbol} ({t.earliest.date or 'undated'}){near}"
    return text


@click.command(
    "trace",
    context_settings={"help_option_names": ["-h", "--help"]},
    short_help="Where each paragraph of DRAFT comes from in CORPUS.",
)
@click.argument("draft", type=click.Path(path_type=Path))
@click.argument("corpus", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--index",
    type=click.Path(path_type=Path),
    help="the corpus index (SQLite) to build, refresh and reuse; with no CORPUS, its files",
)
@click.option("--manifest", type=click.Path(path_type=Path), help="a CSV naming each file's series")
@click.option("--report", "report_to", type=click.Path(path_type=Path), help="JSON report")
@click.option("--csv", "csv_to", type=click.Path(path_type=Path), help="CSV, one row a paragraph")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="the draft as a DOCX, each paragraph commented with its closest precedent (onto the "
    "draft's own file when it is a .docx)",
)
@click.option(
    "--redline-against-precedent",
    "against_precedent",
    is_flag=True,
    help="with -o, also track the changes from each paragraph's closest precedent to the "
    "draft: Reject All gives the precedents, Accept All the draft; a paragraph of new "
    "language is an insertion (Reject All leaves it out)",
)
@click.option("--top", default=3, show_default=True, help="precedents per paragraph")
@click.option(
    "--threshold",
    default=DEFAULT_THRESHOLD,
    show_default=True,
    type=float,
    help="the similarity from which a corpus paragraph is a precedent (compare's)",
)
@click.option("--before", help="leave out resolutions dated on or after this date (YYYY-MM-DD)")
@click.option("--jobs", default=1, show_default=True, help="processes parsing the corpus")
@click.option(
    "--engine",
    type=click.Choice(["in-process", "dask"]),
    default="in-process",
    show_default=True,
    help="dask: index and trace on a Dask cluster (pip install 'redline[distributed]')",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="with --engine dask, the cluster's scheduler (tcp://host:8786); else a local cluster",
)
@click.option("-q", "--quiet", is_flag=True, help="print nothing on success")
def trace_command(
    draft: Path,
    corpus: tuple[Path, ...],
    index: Path | None,
    manifest: Path | None,
    report_to: Path | None,
    csv_to: Path | None,
    output: Path | None,
    against_precedent: bool,
    top: int,
    threshold: float,
    before: str | None,
    jobs: int,
    engine: str,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Trace every paragraph of DRAFT in CORPUS (files or folders of resolutions; a folder's
    MANIFEST.csv names series): precedents, earliest source, new language."""
    run = functools.partial(
        trace,
        draft,
        list(corpus),
        index=index,
        manifest=manifest,
        top=top,
        threshold=threshold,
        before=before,
        progress=sys.stderr.isatty(),
    )
    try:
        if against_precedent and output is None:
            raise OptionError("redline-against-precedent", "--redline-against-precedent needs -o")
        if engine == "dask":
            with connected(scheduler) as client:
                if not quiet:  # before the work starts: where to watch it
                    click.echo(f"Dask dashboard: {client.dashboard_link}", err=True)
                result = run(engine="dask", scheduler=client)
        elif scheduler is not None:
            raise OptionError("scheduler", "--scheduler goes with --engine dask")
        else:
            result = run(jobs=jobs)
        if report_to:
            data = json.dumps(trace_report(result), ensure_ascii=False, indent=1)
            write_text(report_to, data + "\n")
        if csv_to:
            rows = trace_rows(result)
            with io.StringIO() as out:
                writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
                write_text(csv_to, out.getvalue())
        if output:
            write_trace_docx(result, output, against_precedent=against_precedent)
    except RedlineError as exc:
        raise Failed(str(exc)) from exc
    if not quiet:
        for t in result.paragraphs:
            click.echo(_line(t))
        counts = trace_report(result)["summary"]
        summary = ", ".join(f"{n} {standing}" for standing, n in counts.items())
        click.echo(
            f"{result.draft.symbol}: {len(result.paragraphs)} paragraphs against "
            f"{result.corpus_resolutions} resolutions ({result.corpus_paragraphs} paragraphs): "
            f"{summary}"
        )
        if output:
            click.echo(f"wrote {output}")
