"""The `clean-article` command: a thin shell over clean_article.clean()."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import click

from clean_article import __version__
from clean_article.archive import SNIFF_BYTES, is_archive
from clean_article.batch import (
    Result,
    Task,
    diff_golden,
    discover,
    orphans,
    refuse_shared_outputs,
    write_atomic,
)
from clean_article.model import Options, SourceFormat, Verdict
from clean_article.stream import (
    ArchiveOutput,
    Outcome,
    RecordResult,
    archive_output,
    expand,
    lost_unit,
    read_head,
    run_unit,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# What a shell reports for a command stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
# Inputs with these extensions are text dumps by name; a batch of only these skips HTML imports.
TEXT_EXTENSIONS = (".txt", ".text", ".wet", ".wet.gz")
# Below this many inputs, starting worker processes costs more than it saves.
MIN_PARALLEL_INPUTS = 4
# Per-input time limit: the slowest real pages take a few seconds; a minute means something is wrong.
DEFAULT_TIMEOUT = 60.0
MIB = 1024 * 1024
DEFAULTS = Options()

HELP = """Clean scraped web pages and text dumps of pages into articles (JSON or Markdown).

INPUT is a file (HTML, gzipped HTML, a plain-text dump, or a WARC/WET web archive), a directory
(walked recursively, in sorted order) or - for stdin; with no INPUT, a piped stdin is read.

Without -o, one input prints its document on stdout and several print JSON Lines (-f md:
documents one after another). With -o DIR, each input is written to DIR under its own name,
known extensions replaced (x.html.gz -> x.json), mirroring the tree below a directory argument.
A web archive gives one JSON line per page record (-o DIR: x.warc.gz -> x.jsonl); its other
records are skipped and counted (pip install 'clean-article[warc]' to read archives).

\b
Example:
    curl -s https://example.org/story | clean-article - -f md
    clean-article seeds/ -o out/
    clean-article seeds/ -o fixtures/ --check

\b
Exit codes:
    0  every input was cleaned (and, with --check, every golden matched)
    1  some input failed, or --check found a difference
    2  usage error
    130  interrupted
"""


@click.command(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "md"]),
    default="json",
    show_default=True,
    help="Output format: JSON (schema version 1) or Markdown.",
)
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one file per input into this directory.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Parallel worker processes [default: number of CPUs].",
)
@click.option(
    "--check",
    is_flag=True,
    help="With -o: write nothing; diff against the files in DIR, exit 1 on any drift.",
)
@click.option("--explain", is_flag=True, help="Print each block's verdict and reason to stderr.")
@click.option(
    "--as",
    "input_format",
    type=click.Choice(["auto", "html", "text"]),
    default="auto",
    show_default=True,
    help="Treat inputs as HTML or text dumps instead of sniffing.",
)
@click.option("--encoding", metavar="CODEC", help="Decode inputs with CODEC instead of sniffing.")
@click.option(
    "--reference-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Resolve relative dates ('3 hours ago') against this day; else they stay null.",
)
@click.option(
    "--skip-existing",
    is_flag=True,
    help="With -o: leave inputs whose output file exists (finish an interrupted batch).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Give up on an input after this long (0: no limit); a stuck worker is replaced.",
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULTS.max_input_bytes / MIB,
    show_default=True,
    metavar="MIB",
    help="Refuse inputs larger than this, before reading them.",
)
@click.option(
    "--max-unpacked",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULTS.max_unpacked_bytes / MIB,
    show_default=True,
    metavar="MIB",
    help="Refuse gzipped inputs that unpack to more than this (stops a gzip bomb early).",
)
@click.option(
    "--max-elements",
    type=click.IntRange(min=1),
    default=DEFAULTS.max_html_elements,
    show_default=True,
    metavar="N",
    help="Refuse HTML pages of more elements than this (bounds time and memory per page).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary on stderr.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.version_option(__version__, "-V", "--version", prog_name="clean-article")
def main(
    inputs: tuple[str, ...],
    fmt: str,
    outdir: Path | None,
    jobs: int | None,
    check: bool,
    explain: bool,
    input_format: str,
    encoding: str | None,
    reference_date: dt.datetime | None,
    skip_existing: bool,
    timeout: float,
    max_size: float,
    max_unpacked: float,
    max_elements: int,
    quiet: bool,
    debug: bool,
) -> None:
    if check and outdir is None:
        raise click.UsageError("--check compares with the files in a directory: add -o DIR")
    if skip_existing and (outdir is None or check):
        raise click.UsageError(
            "--skip-existing leaves inputs whose file in -o DIR exists: use it with -o, not --check"
        )
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: name files or directories, or pipe a page to stdin")
        inputs = ("-",)
    options = Options(
        reference_date=reference_date.date() if reference_date else None,
        encoding=encoding,
        input_format=None if input_format == "auto" else SourceFormat(input_format),
        max_input_bytes=int(max_size * MIB),
        max_unpacked_bytes=int(max_unpacked * MIB),
        max_html_elements=max_elements,
    )
    try:
        tasks, errors = _tasks(inputs, fmt, outdir, skip_existing)
        many = outdir is None and len(tasks) > 1
        worker = partial(
            run_unit,
            fmt=fmt,
            options=options,
            many=many,
            debug=debug,
            timeout=timeout or None,
            explain=explain,
        )
        report = Report(check=check, quiet=quiet, failed=len(errors))
        results = _results(
            tasks, worker, jobs, timeout, options, show_progress=not quiet and len(tasks) > 1
        )
        archives = ArchiveOutput(outdir, fmt, check, quiet)
        _deliver(
            results, outdir, fmt=fmt, check=check, explain=explain, report=report, archives=archives
        )
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other Unix filters do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FAILED)
    except KeyboardInterrupt:
        click.echo("clean-article: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(report.finish(len(tasks), outdir))


def _tasks(
    inputs: tuple[str, ...], fmt: str, outdir: Path | None, skip_existing: bool
) -> tuple[list[Task], list[str]]:
    """Return the tasks to run, after printing an error line for each input that cannot be."""
    tasks, errors = discover(inputs, fmt)
    if outdir is not None:
        # Refused before anything is written: which input should win is not ours to guess.
        tasks, clashes = refuse_shared_outputs(tasks)
        errors += clashes
        if skip_existing:
            tasks = [t for t in tasks if not _done_before(outdir, t)]
    for line in errors:
        click.echo(line, err=True)
    return tasks, errors


def _deliver(
    results: Iterator[Outcome],
    outdir: Path | None,
    *,
    fmt: str,
    check: bool,
    explain: bool,
    report: Report,
    archives: ArchiveOutput,
) -> None:
    """Print, write or compare each result in input order; failures go to the report."""
    produced: set[str] = set()
    for result in results:
        if explain:
            _explain(result)
        if not isinstance(result, Result):  # an archive's record or its end
            archives.take(result, report, sys.stdout, produced)
            continue
        if result.error is not None:
            report.fail(f"{_label(result.task)}: error: {result.error}")
        elif outdir is None:
            # Markdown documents one after another: a blank line keeps each "---" a fence.
            sys.stdout.write(
                ("\n" if report.cleaned and fmt == "md" else "") + (result.output or "")
            )
            sys.stdout.flush()
            report.cleaned += 1
        else:
            produced.add(result.task.relative_output)
            report.cleaned += 1
            if check:
                report.compare(
                    outdir / result.task.relative_output, result.output, result.task.relative_output
                )
            else:
                _write(outdir / result.task.relative_output, result, report)
    if check and outdir is not None:
        for rel in orphans(outdir, produced, fmt):
            report.compare(outdir / rel, None, rel)


def _write(target: Path, result: Result, report: Report) -> None:
    try:
        write_atomic(target, result.output or "")
    except OSError as exc:
        report.cleaned -= 1
        report.fail(
            f"{_label(result.task)}: error: cannot write {target} ({exc.strerror or exc}): "
            "check that -o names a writable directory"
        )


def _label(task: Task) -> str:
    return "stdin" if task.path == "-" else task.path


def _done_before(outdir: Path, task: Task) -> bool:
    """Tell whether an earlier run wrote this input's output (a page's file or an archive's)."""
    return any(
        (outdir / name).exists()
        for name in (task.relative_output, archive_output(task.relative_output))
    )


def _results(
    tasks: list[Task],
    worker: partial[Outcome],
    jobs: int | None,
    timeout: float,
    options: Options,
    show_progress: bool,
) -> Iterator[Outcome]:
    """Yield results in input order, from worker processes when there are enough inputs."""
    jobs = jobs or os.cpu_count() or 1
    stdin = sys.stdin.buffer if any(task.path == "-" for task in tasks) else None
    stdin_head = stdin.read(SNIFF_BYTES) if stdin is not None else b""
    archive = len(tasks) < MIN_PARALLEL_INPUTS and any(
        is_archive(stdin_head if task.path == "-" else read_head(task.path)) for task in tasks
    )
    units = expand(tasks, stdin, stdin_head, limit=options.max_input_bytes)
    if jobs > 1 and (len(tasks) >= MIN_PARALLEL_INPUTS or archive):
        from clean_article.workers import run_in_workers

        _preload(tasks)
        results = run_in_workers(
            units,
            worker,
            lost_unit,
            jobs=jobs if archive else min(jobs, len(tasks)),
            timeout=timeout or None,
            window=jobs * 4,
        )
    else:
        results = map(worker, units)
    if show_progress and sys.stderr.isatty():
        yield from _with_progress(results, len(tasks))
    else:
        yield from results


def _preload(tasks: list[Task]) -> None:
    """Import the stages once in the parent, so forked workers share them instead of each paying."""
    import clean_article.metadata.text
    import clean_article.render
    import clean_article.textdump.classify
    import clean_article.textdump.segment

    if any(not task.path.lower().endswith(TEXT_EXTENSIONS) for task in tasks):
        import clean_article.html
        import clean_article.html_revise
        import clean_article.metadata.html

        clean_article.html.preload()


def _with_progress(results: Iterator[Outcome], total: int) -> Iterator[Outcome]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    # Data stays on stdout: rich draws on stderr and must not capture what we write to stdout;
    # error lines on stderr it prints above the bar.
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=True, redirect_stdout=False) as progress:
        bar = progress.add_task("cleaning", total=total)
        for result in results:
            yield result
            if not isinstance(result, RecordResult):  # a page or a whole archive is done
                progress.advance(bar)


def _explain(result: Outcome) -> None:
    if isinstance(result, Result):
        label = _label(result.task)
    elif isinstance(result, RecordResult) and result.decisions:
        label = f"{_label(result.archive)} {result.record_id or ''}"
    else:  # a skipped record, or an archive's end
        return
    click.echo(f"== {label}", err=True)
    for d in result.decisions:
        mark = {Verdict.BODY: "KEEP", Verdict.BOILERPLATE: "DROP", Verdict.METADATA: "META"}[
            d.verdict
        ]
        text = d.text if len(d.text) <= 70 else d.text[:67] + "..."
        click.echo(f"{mark} {d.type.value:<9} {text!r}  <- {d.reason}", err=True)


class Report:
    """Counts what happened and owns the exit code."""

    def __init__(self, *, check: bool, quiet: bool, failed: int) -> None:
        self.check, self.quiet = check, quiet
        self.failed, self.cleaned, self.drifted, self.matched = failed, 0, 0, 0

    def fail(self, line: str) -> None:
        self.failed += 1
        click.echo(line, err=True)

    def compare(self, target: Path, expected: str | None, label: str) -> None:
        diff = diff_golden(target, expected, label)
        if diff:
            self.drifted += 1
            sys.stdout.write(diff)
        else:
            self.matched += 1

    def finish(self, total: int, outdir: Path | None = None) -> int:
        if not self.quiet:
            if self.check:
                click.echo(
                    f"clean-article: {self.matched} golden(s) match, {self.drifted} differ, "
                    f"{self.failed} input(s) failed",
                    err=True,
                )
            elif self.failed or total > 1 or outdir is not None:
                where = f" into {outdir}" if outdir is not None else ""
                click.echo(
                    f"clean-article: {self.cleaned} cleaned{where}, {self.failed} failed", err=True
                )
        return EXIT_FAILED if self.failed or self.drifted else EXIT_OK
