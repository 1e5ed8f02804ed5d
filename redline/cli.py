"""The command line: parse arguments, call the public face, turn errors into one line.

Built on Click: typed options and choices, subcommands, and colour only where the output
is a terminal (and not under NO_COLOR). `redline` is a group so that subcommands (trace,
index) can join it; `redline OLD NEW ...` runs its default command, `compare`, as it always
has, and `redline compare OLD NEW ...` says the same thing out loud.
"""

from __future__ import annotations

import json
import os
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Literal, NoReturn

import click
from click.shell_completion import CompletionItem
from tqdm import tqdm

from . import (
    DEFAULT_THRESHOLD,
    ChangeSummary,
    PairResult,
    change_summary,
    compare,
    compare_many,
    report,
    write_docx,
    write_html,
    write_summary_docx,
)
from ._cli_common import fail, write_text
from .errors import OptionError, RedlineError, RedlineWarning
from .progress import listening

_HELP = {"help_option_names": ["-h", "--help"]}


class _DefaultGroup(click.Group):
    """A group that runs `default` when the first argument names none of its commands."""

    default = "compare"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        own = {name for p in self.get_params(ctx) for name in (*p.opts, *p.secondary_opts)}
        completing = ctx.resilient_parsing  # shell completion of the first word: see below
        if (not args and not completing) or (
            args and args[0] not in self.commands and args[0] not in own
        ):
            args = [self.default, *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        """The first word completes to a file (OLD of the default command) or a command.

        The file comes first: bash then offers the commands that match, else file names.
        """
        return [CompletionItem(incomplete, type="file"), *super().shell_complete(ctx, incomplete)]


_EXAMPLES = """Examples:

\b
  redline old.docx new.docx -o redline.docx
      a Word redline with tracked changes, written onto new.docx itself
  redline A-HRC-46-13.pdf draft.md -o r.docx --html r.html --summary r.md
      the redline, an HTML report to read on a phone, a summary for an e-mail
  redline old.txt new.txt --verbose
      one line per changed paragraph in the terminal, nothing written
  redline old.txt new.txt -q --exit-code || echo "the texts differ"
      exit status 1 when the two texts differ, for scripts
  redline batch pairs.csv -o out/
      many pairs at once (a CSV of old,new rows, or two folders)

\b
Exit status: 0 done; 1 the inputs differ (only with --exit-code);
2 an error, with one line naming the file.
"""


@click.group(cls=_DefaultGroup, context_settings=_HELP, epilog=_EXAMPLES)
@click.version_option(package_name="redline", prog_name="redline")
def cli() -> None:
    """Compare two versions of a resolution by their structure (preamble, operative
    paragraphs, footnotes, vote) and write what changed: a Word redline with tracked changes
    a negotiator accepts or rejects one by one, an HTML report, a change summary.

    `redline OLD NEW -o OUT.docx` runs `redline compare`, the default command; OLD and NEW
    are .txt, .md, .docx or .pdf files. `redline COMMAND --help` tells each command's options.
    """


@cli.command(
    "compare",
    context_settings=_HELP,
    short_help="Compare OLD with NEW; the default.",
    epilog=_EXAMPLES,
)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="the redline DOCX to write")
@click.option(
    "--report",
    "report_to",
    type=click.Path(path_type=Path),
    help="also write the match report (JSON) here",
)
@click.option(
    "--html",
    "html_to",
    type=click.Path(path_type=Path),
    help="also write the HTML report (one self-contained page, side by side) here",
)
@click.option(
    "--summary",
    "summary_to",
    type=click.Path(path_type=Path),
    help="also write the change summary here: Markdown (.md), Word (.docx) or plain text",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="the similarity below which two paragraphs are not paired",
)
@click.option(
    "--language",
    type=click.Choice(["ar", "en", "es", "fr", "ru", "zh"]),
    help="the language of both texts  [default: recognised from each text]",
)
@click.option("-v", "--verbose", is_flag=True, help="also print one line per changed paragraph")
@click.option(
    "--exit-code", is_flag=True, help="exit with status 1 when the inputs differ (as diff does)"
)
@click.option("--author", default="redline", show_default=True, help="author of the changes")
@click.option("--date", help="date of the tracked changes, ISO 8601  [default: now]")
@click.option(
    "--existing-changes",
    type=click.Choice(["accept", "reject"]),
    default="accept",
    show_default=True,
    help="read Word inputs that carry tracked changes as accepted or rejected",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="write the redline onto this .docx (its styles, page setup, headers, numbering); "
    "default: NEW when it is a .docx",
)
@click.option(
    "--plain", is_flag=True, help="write a clean UN-style document even when NEW is a .docx"
)
@click.option(
    "--strict", is_flag=True, help="refuse characters XML cannot hold instead of mapping them"
)
@click.option(
    "--drop-comments",
    is_flag=True,
    help="leave the new document's comments out of a redline of two Word files",
)
@click.option("-q", "--quiet", is_flag=True, help="print nothing on success")
def compare_command(
    old: Path,
    new: Path,
    output: Path | None,
    report_to: Path | None,
    html_to: Path | None,
    summary_to: Path | None,
    threshold: float,
    language: Literal["ar", "en", "es", "fr", "ru", "zh"] | None,
    verbose: bool,
    exit_code: bool,
    author: str,
    date: str | None,
    existing_changes: Literal["accept", "reject"],
    template: Path | None,
    plain: bool,
    strict: bool,
    drop_comments: bool,
    quiet: bool,
) -> None:
    """Compare OLD with NEW (.txt, .md, .docx or .pdf); write the redline with -o."""
    if template is not None and plain:
        raise click.UsageError("--plain cannot be used with --template")
    bar = ProgressBar(quiet=quiet, delay=_bar_delay())
    files = sum(1 for f in (output, report_to, html_to, summary_to) if f)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RedlineWarning)
        try:
            with listening(bar):
                comparison = compare(
                    old,
                    new,
                    threshold=threshold,
                    language=language,
                    existing_changes=existing_changes,
                )
            summary = change_summary(comparison)
            bar.advance("writing", files)
            if output:
                write_docx(
                    comparison,
                    output,
                    author=author,
                    date=date,
                    template=template,
                    old_template=old if template and old.suffix.lower() == ".docx" else None,
                    plain=plain,
                    strict=strict,
                    comments=not drop_comments,
                )
                bar.advance("writing", files)
            if report_to:
                write_text(
                    report_to,
                    json.dumps(report(comparison), ensure_ascii=False, indent=1) + "\n",
                    what="the report",
                )
                bar.advance("writing", files)
            if html_to:
                write_html(comparison, html_to)
                bar.advance("writing", files)
            if summary_to:
                _write_summary(summary_to, summary)
        except OptionError as exc:
            flag = "--date: " if exc.option == "date" else ""
            raise click.exceptions.Exit(fail(f"{flag}{exc}")) from exc
        except RedlineError as exc:  # one line naming the file; the exit status says the rest
            raise click.exceptions.Exit(fail(str(exc))) from exc
        finally:
            bar.close()
    noted = [str(w.message) for w in caught if issubclass(w.category, RedlineWarning)]
    for w in caught:  # anything else is shown as Python would have shown it
        if not issubclass(w.category, RedlineWarning):
            warnings.showwarning(w.message, w.category, w.filename, w.lineno, w.file, w.line)
    if not quiet:
        click.echo(comparison.summary())
        if repaired := report(comparison)["repaired"]:  # what reading the inputs repaired
            click.echo(repaired)
        for note in (*comparison.warnings, *noted):
            click.echo(click.style("warning:", fg="yellow") + f" {note}")
        if verbose:
            for line in summary.lines:
                label = click.style(line.label, fg=_COLOURS.get(line.kind), bold=True)
                click.echo(f"{label}: {line.said}")
        for written in (output, report_to, html_to, summary_to):
            if written:
                click.echo(f"wrote {written}")
    if exit_code and summary.differs:
        raise click.exceptions.Exit(1)


_COLOURS = {"modified": "yellow", "added": "green", "deleted": "red", "moved": "cyan"}


def _bar_delay() -> float:
    """Seconds a comparison runs before its bar shows: 1, or $REDLINE_BAR_DELAY (a test
    of the bar on a comparison that may end within the second sets 0)."""
    try:
        return max(0.0, float(os.environ.get("REDLINE_BAR_DELAY", "1")))
    except ValueError:
        return 1.0


class ProgressBar:
    """A progress bar on stderr for a comparison that has run for `delay` seconds.

    It listens to the core's stages (`redline.progress`: matching paragraphs, diffing them)
    and then to the files being written, one tqdm bar per stage, as `redline batch` draws
    its own: drawn only when stderr (or `file`) is a terminal (tqdm's `disable=None`),
    never with `quiet`, and gone once the stage ends (`leave=False`), so nothing of it
    stays in a terminal's scrollback and nothing reaches a pipe or a log.
    """

    def __init__(
        self, *, quiet: bool = False, delay: float = 1.0, file: IO[str] | None = None
    ) -> None:
        self.start = time.monotonic()
        self.quiet, self.delay, self.file = quiet, delay, file
        self.bar: tqdm[NoReturn] | None = None
        self.stage = ""
        self.done = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage, self.done = stage, 0
        self.done = done
        if self.quiet or time.monotonic() - self.start < self.delay:
            return
        bar = self.bar
        if bar is None:
            unit = " files" if stage == "writing" else " paragraphs"
            bar = tqdm(
                total=total, desc=stage, unit=unit, disable=None, leave=False, file=self.file
            )
            self.bar = bar
        bar.update(done - bar.n)

    def advance(self, stage: str, total: int) -> None:
        """One more step of `stage` done (the files being written)."""
        self(stage, self.done + 1 if stage == self.stage else 0, total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _write_summary(path: Path, summary: ChangeSummary) -> None:
    """The change summary by the file's suffix: Word (.docx), Markdown (.md), else text."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        write_summary_docx(summary, path)
        return
    text = summary.markdown() if suffix in (".md", ".markdown") else summary.text() + "\n"
    write_text(path, text, what="the summary")


@cli.command(
    "batch", context_settings=_HELP, short_help="Compare many pairs: a CSV or two folders."
)
@click.argument("pairs", type=click.Path(path_type=Path))
@click.argument("new_folder", type=click.Path(path_type=Path), required=False)
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="the folder to write each pair's redline (.docx) and report (.json) into",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="how many pairs to compare at once  [default: every core]",
)
@click.option("--author", default="redline", show_default=True, help="author of the changes")
@click.option("--date", help="date of every tracked change, ISO 8601  [default: now]")
@click.option(
    "--existing-changes",
    type=click.Choice(["accept", "reject"]),
    default="accept",
    show_default=True,
    help="read Word inputs that carry tracked changes as accepted or rejected",
)
@click.option(
    "--plain", is_flag=True, help="write clean UN-style documents even when NEW is a .docx"
)
@click.option(
    "--strict", is_flag=True, help="refuse characters XML cannot hold instead of mapping them"
)
@click.option("-q", "--quiet", is_flag=True, help="print only the pairs that failed")
def batch_command(
    pairs: Path,
    new_folder: Path | None,
    out: Path,
    jobs: int | None,
    author: str,
    date: str | None,
    existing_changes: Literal["accept", "reject"],
    plain: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Compare many pairs: PAIRS.csv (rows old,new[,out]) or OLD_FOLDER NEW_FOLDER (files
    matched by name). Writes OUT/<name>.docx and OUT/<name>.json per pair and prints a
    line per pair in input order; a pair that fails is reported and the rest go on (exit 2)."""
    try:
        results = compare_many(
            pairs,
            new_folder,
            out=out,
            jobs=jobs,
            author=author,
            date=date,
            existing_changes=existing_changes,
            plain=plain,
            strict=strict,
            progress=not quiet,
        )
    except OptionError as exc:
        flag = "--date: " if exc.option == "date" else ""
        raise click.exceptions.Exit(fail(f"{flag}{exc}")) from exc
    except RedlineError as exc:  # the list of pairs cannot be read, or OUT cannot be made
        raise click.exceptions.Exit(fail(str(exc))) from exc
    for result in results:
        if result.error or not quiet:
            click.echo(_pair_line(result))
    failed = sum(1 for r in results if r.error)
    if not quiet:
        click.echo(
            f"{len(results)} pairs: {len(results) - failed} written to {out}, {failed} failed"
        )
    if failed:
        raise click.exceptions.Exit(fail(f"{failed} of {len(results)} pairs failed"))


def _pair_line(result: PairResult) -> str:
    """One line per pair: its inputs, then its summary or its error."""
    pair = f"{result.old} vs {result.new}: "
    if result.error:
        return pair + click.style("error:", fg="red") + f" {result.error}"
    warned = len(result.warnings)
    return pair + result.summary + (f" ({warned} warning{'s' * (warned != 1)})" if warned else "")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: sys.argv[1:]); return the exit status."""
    color = False if os.environ.get("NO_COLOR") else None  # https://no-color.org
    try:
        status = cli.main(
            args=list(sys.argv[1:] if argv is None else argv),
            prog_name="redline",
            standalone_mode=False,
            color=color,
        )
    except click.UsageError as exc:  # as argparse did: the usage, then one error line
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True, color=color)
        return fail(exc.format_message(), color=color, status=exc.exit_code)
    except click.ClickException as exc:
        return fail(exc.format_message(), color=color, status=exc.exit_code)
    except click.Abort:
        return fail("interrupted", color=color, status=130)
    return status if isinstance(status, int) else 0


from ._trace_cli import trace_command  # noqa: E402  (agreed language: redline trace)

cli.add_command(trace_command)

from ._history_cli import history_command  # noqa: E402  (the history of a series)

cli.add_command(history_command)
