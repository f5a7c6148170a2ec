"""The CLI's stream of work: pages and web-archive records, cleaned in input order, in flat memory.

Inputs expand lazily into units: a page (a batch.Task, read by the worker that cleans it) or one
archive record (read here, in the parent, which streams the archive). Units go to the workers a
few chunks at a time and results come back in input order as soon as they are ready, so neither
the inputs, the records nor the results pile up, however many there are.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from clean_article.archive import (
    SNIFF_BYTES,
    Readable,
    Record,
    Skipped,
    clean_record,
    is_archive,
    iter_records,
)
from clean_article.batch import STDIN, Result, Task, lost, run_task
from clean_article.errors import CleanArticleError
from clean_article.model import Decision, Options
from clean_article.workers import TimeLimitExceeded, time_limit


@dataclass(frozen=True, slots=True)
class RecordJob:
    """One page record of an archive, to clean in a worker."""

    archive: Task
    record: Record


@dataclass(frozen=True, slots=True)
class RecordResult:
    """What became of one archive record: an output, a reason to skip it, or an error."""

    archive: Task
    record_id: str | None
    output: str | None = None
    skipped: str | None = None  # a short, countable reason: "request", "HTTP 404", "not HTML"
    error: str | None = None
    decisions: tuple[Decision, ...] = ()


@dataclass(frozen=True, slots=True)
class ArchiveEnd:
    """An archive was read to its end, or up to the damage `error` describes."""

    archive: Task
    error: str | None = None


Unit = Task | RecordJob | RecordResult | ArchiveEnd
Outcome = Result | RecordResult | ArchiveEnd


def archive_output(relative_output: str) -> str:
    """Name an archive's output: one JSON Lines file (`x.warc.gz` -> `x.jsonl`); Markdown stays .md."""
    return relative_output + "l" if relative_output.endswith(".json") else relative_output


def read_head(path: str) -> bytes:
    """Return the first bytes of a file (b"" when it cannot be read: its worker reports why)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""


def expand(
    tasks: Iterable[Task], stdin: IO[bytes] | None, stdin_head: bytes = b"", limit: int = -1
) -> Iterator[Unit]:
    """Yield each page as it is and each archive as its records, then an ArchiveEnd, in order.

    A page on stdin is read up to `limit` + 1 bytes: enough for clean() to refuse it as too
    large, without holding the rest.
    """
    for task in tasks:
        if task.path == STDIN:
            rest = stdin if stdin is not None else None
            if not is_archive(stdin_head):
                more = -1 if limit < 0 else max(0, limit + 1 - len(stdin_head))
                data = stdin_head + (rest.read(more) if rest is not None else b"")
                yield Task(task.path, task.relative_output, data)
                continue
            yield from records_of(task, Replay(stdin_head, rest))
        elif is_archive(read_head(task.path)):
            yield from _archive_file(task)
        else:
            yield task


def _as_archive(task: Task) -> Task:
    return Task(task.path, archive_output(task.relative_output))


def _archive_file(task: Task) -> Iterator[Unit]:
    try:
        with open(task.path, "rb") as handle:
            yield from records_of(task, handle)
    except OSError as exc:
        yield ArchiveEnd(_as_archive(task), f"cannot read ({exc.strerror or exc}): check the path")


def records_of(task: Task, stream: Readable) -> Iterator[Unit]:
    """Yield an archive's records as units: a RecordJob per page, a RecordResult per skip, then the end."""
    archive = _as_archive(task)
    try:
        for item in iter_records(stream):
            if isinstance(item, Skipped):
                yield RecordResult(archive, item.record_id, skipped=item.reason)
            else:
                yield RecordJob(archive, item)
    except CleanArticleError as exc:
        yield ArchiveEnd(archive, str(exc))
        return
    except OSError as exc:
        yield ArchiveEnd(archive, f"cannot read ({exc.strerror or exc}): check the file")
        return
    except Exception as exc:  # a reader bug must not stop the batch, nor show a traceback
        error = f"internal error reading it ({type(exc).__name__}: {exc}): report it"
        yield ArchiveEnd(archive, error)
        return
    yield ArchiveEnd(archive)


def run_unit(
    unit: Unit,
    fmt: str,
    options: Options,
    many: bool,
    debug: bool,
    timeout: float | None = None,
    explain: bool = False,
) -> Outcome:
    """Clean one page or archive record (in a worker); other units pass through unchanged."""
    if isinstance(unit, Task):
        return run_task(
            unit,
            fmt=fmt,
            options=options,
            many=many,
            debug=debug,
            timeout=timeout,
            explain=explain,
        )
    if not isinstance(unit, RecordJob):
        return unit
    from clean_article.render import to_json_line, to_markdown

    record = unit.record
    name = "stdin" if unit.archive.path == STDIN else os.path.basename(unit.archive.path)
    try:
        with time_limit(timeout):
            article = clean_record(record, options, name=name)
    except TimeLimitExceeded:
        return lost_unit(unit, f"took longer than {timeout:g} s to clean")
    except CleanArticleError as exc:
        # A record labelled as a page that is none (empty, binary) is no failure of the batch.
        reason = str(exc).split(":", 1)[0].split("(", 1)[0].strip()
        return RecordResult(unit.archive, record.record_id, skipped=f"payload {reason}")
    except Exception as exc:  # a bug must not stop the archive
        import traceback  # only a bug needs it

        detail = traceback.format_exc() if debug else f"{type(exc).__name__}: {exc}"
        error = f"internal error ({detail}): rerun with --debug and report it"
        return RecordResult(unit.archive, record.record_id, error=error)
    output = to_markdown(article) if fmt == "md" else to_json_line(article)
    decisions = article.decisions if explain else ()
    return RecordResult(unit.archive, record.record_id, output, decisions=decisions)


def lost_unit(unit: Unit, why: str) -> Outcome:
    """Return the failed outcome of a page or record that ran out of time or lost its worker."""
    if isinstance(unit, Task):
        return lost(unit, why)
    if isinstance(unit, RecordJob):
        error = f"{why}: raise --timeout if it is a page, or report it"
        return RecordResult(unit.archive, unit.record.record_id, error=error)
    return unit  # records skipped and archive ends cost nothing: they are never lost


class Replay:
    """A stream that replays the bytes already read for sniffing, then the rest of `rest`
    (stdin and remote files cannot seek back)."""

    def __init__(self, head: bytes, rest: IO[bytes] | None) -> None:
        self._head, self._rest = head, rest

    def read(self, size: int = -1, /) -> bytes:
        if 0 <= size < len(self._head):
            data, self._head = self._head[:size], self._head[size:]
            return data
        data, self._head = self._head, b""
        if self._rest is None:
            return data
        return data + self._rest.read(-1 if size < 0 else size - len(data))


class Reporter(Protocol):
    cleaned: int

    def fail(self, line: str) -> None: ...

    def compare(self, target: Path, expected: str | None, label: str) -> None: ...


class ArchiveOutput:
    """Deliver archive records: to stdout, to one file per archive under -o, or to --check.

    Archives come one after another, never interleaved, so one archive is open at a time.
    """

    def __init__(self, outdir: Path | None, fmt: str, check: bool, quiet: bool) -> None:
        self.outdir, self.fmt, self.check, self.quiet = outdir, fmt, check, quiet
        self._reset()

    def _reset(self) -> None:
        self._parts: list[str] = []  # --check compares a whole archive's output
        self._handle: IO[str] | None = None
        self._tmp: Path | None = None
        self._cleaned = 0
        self._skipped: Counter[str] = Counter()
        self._started = False
        self._dropped = False  # its output cannot be written: the records go nowhere

    def take(
        self, item: RecordResult | ArchiveEnd, report: Reporter, stdout: IO[str], produced: set[str]
    ) -> None:
        """Deliver one record (or an archive's end); `produced` holds the outputs written so far."""
        label = "stdin" if item.archive.path == STDIN else item.archive.path
        if not self._started:
            self._start(item.archive, label, report, produced)
        if isinstance(item, ArchiveEnd):
            self._finish(item, label, report)
        elif item.error is not None:
            report.fail(f"{label} {item.record_id or ''}: error: {item.error}")
        elif item.skipped is not None:
            self._skipped[item.skipped] += 1
        elif item.output is not None and not self._dropped:
            first = not (self._cleaned if self.outdir is not None else report.cleaned)
            text = item.output if self.fmt != "md" or first else "\n" + item.output
            self._emit(item.archive, text, stdout, label, report)
            self._cleaned += 1
            report.cleaned += 1

    def _start(self, archive: Task, label: str, report: Reporter, produced: set[str]) -> None:
        self._started = True
        if self.outdir is None:
            return
        if archive.relative_output in produced:
            report.fail(
                f"{label}: error: another input also writes {archive.relative_output}: "
                "rename one of them"
            )
            self._dropped = True
        produced.add(archive.relative_output)

    def _emit(
        self, archive: Task, text: str, stdout: IO[str], label: str, report: Reporter
    ) -> None:
        if self.outdir is None:
            stdout.write(text)
            stdout.flush()
        elif self.check:
            self._parts.append(text)
        else:
            try:
                self._open(archive).write(text)
            except OSError as exc:
                self._cannot_write(archive, exc, label, report)

    def _open(self, archive: Task) -> IO[str]:
        if self._handle is None:
            assert self.outdir is not None
            target = self.outdir / archive.relative_output
            target.parent.mkdir(parents=True, exist_ok=True)
            self._tmp = target.with_name(f".{target.name}.tmp")
            # Open across calls, one record at a time; _finish closes it and renames it into place.
            self._handle = open(self._tmp, "w", encoding="utf-8")  # noqa: SIM115
        return self._handle

    def _cannot_write(self, archive: Task, exc: OSError, label: str, report: Reporter) -> None:
        self._dropped = True
        if self._handle is not None:
            self._handle.close()
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
        target = (self.outdir or Path()) / archive.relative_output
        report.fail(
            f"{label}: error: cannot write {target} ({exc.strerror or exc}): "
            "check that -o names a writable directory"
        )

    def _finish(self, end: ArchiveEnd, label: str, report: Reporter) -> None:
        if self.outdir is not None and not self._dropped:
            rel = end.archive.relative_output
            if self.check:
                report.compare(self.outdir / rel, "".join(self._parts), rel)
            else:
                try:
                    self._open(end.archive).close()
                    assert self._tmp is not None
                    os.chmod(self._tmp, 0o644)
                    os.replace(self._tmp, self.outdir / rel)
                except OSError as exc:
                    self._cannot_write(end.archive, exc, label, report)
        if not self.quiet:
            skipped = sum(self._skipped.values())
            why = ", ".join(f"{reason} {n}" for reason, n in sorted(self._skipped.items()))
            print(
                f"{label}: {self._cleaned} record(s) cleaned, {skipped} skipped"
                + (f" ({why})" if why else ""),
                file=sys.stderr,
            )
        if end.error is not None:
            report.fail(f"{label}: error: {end.error}")
        self._reset()
