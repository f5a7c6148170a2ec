"""Engine-neutral pieces for clusters: one input path in, the CLI's outputs for it out.

Dask (clean_article.dask) and Spark (docs/clusters.md) both map `clean_input` over paths: a page
gives one output, a WARC/WET archive one per page record, streamed. Each output's text is exactly
what `clean-article` prints for it among several inputs (a JSON line, or a Markdown document), so
a cluster run and a laptop run agree byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from clean_article.archive import SNIFF_BYTES, is_archive
from clean_article.batch import Result, Task, output_name
from clean_article.model import Options
from clean_article.stream import ArchiveEnd, RecordResult, Replay, records_of, run_unit

Opener = Callable[[str], IO[bytes]]


@dataclass(frozen=True, slots=True)
class Output:
    """What became of one page or archive record."""

    input: str  # the path or URL given
    record_id: str | None  # the WARC-Record-ID, for archive records
    text: str | None  # the CLI's output for it; None when skipped or failed
    skipped: str | None = None  # why an archive record is not an article ("HTTP 404", "request")
    error: str | None = None  # the CLI's one-line error, `PATH: error: REASON: REMEDY`


def clean_input(
    path: str, fmt: str = "json", options: Options | None = None, opener: Opener | None = None
) -> Iterator[Output]:
    """Clean the page or archive at `path`; yield one Output per page or archive record, in order.

    `opener` opens a path for reading in binary mode (default: open; pass fsspec.open(...).open
    style callables for URLs such as s3://). Never raises for bad input: errors are Outputs.
    """
    options = options or Options()
    task = Task(path, output_name(path.rsplit("/", 1)[-1], fmt))
    try:
        with (opener or _open)(path) as handle:
            head = handle.read(SNIFF_BYTES)
            if not is_archive(head):
                page = Task(path, task.relative_output, head + handle.read())
                yield _output(run_unit(page, fmt, options, many=True, debug=False))
                return
            for unit in records_of(task, Replay(head, handle)):
                outcome = run_unit(unit, fmt, options, many=True, debug=False)
                if not isinstance(outcome, ArchiveEnd) or outcome.error:
                    yield _output(outcome)
    except OSError as exc:
        error = f"{path}: error: cannot read ({exc.strerror or exc}): check the path"
        yield Output(path, None, None, error=error)


def output_lines(
    paths: Iterable[str], fmt: str = "json", options: Options | None = None
) -> Iterator[str]:
    """Yield the CLI's output for each page and page record of `paths` (a Spark mapPartitions body)."""
    for path in paths:
        for out in clean_input(path, fmt, options):
            if out.text is not None:
                yield out.text


def _open(path: str) -> IO[bytes]:
    return open(path, "rb")


def _output(outcome: Result | RecordResult | ArchiveEnd) -> Output:
    if isinstance(outcome, Result):
        error = f"{outcome.task.path}: error: {outcome.error}" if outcome.error else None
        return Output(outcome.task.path, None, outcome.output, error=error)
    path = outcome.archive.path
    if isinstance(outcome, ArchiveEnd):
        return Output(
            path, None, None, error=f"{path}: error: {outcome.error}" if outcome.error else None
        )
    error = f"{path} {outcome.record_id}: error: {outcome.error}" if outcome.error else None
    return Output(path, outcome.record_id, outcome.output, outcome.skipped, error)
