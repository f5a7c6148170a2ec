"""Batch plumbing for the CLI: find inputs, name outputs, clean in workers, write atomically."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from clean_article.errors import CleanArticleError, InputError, too_large
from clean_article.model import Decision, Options
from clean_article.workers import TimeLimitExceeded, time_limit

STDIN = "-"
# Extensions an output name drops; any other suffix stays part of the name (`a.php` -> `a.php.json`).
KNOWN_EXTENSIONS = (".gz", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".wet", ".warc")
OUTPUT_EXTENSIONS = {"json": ".json", "md": ".md"}


@dataclass(frozen=True, slots=True)
class Task:
    """One input: where to read it and the output path relative to the output folder."""

    path: str  # a file path, or "-" for stdin
    relative_output: str
    data: bytes | None = None  # stdin is read by the parent, files by the worker


@dataclass(frozen=True, slots=True)
class Result:
    task: Task
    output: str | None
    error: str | None = None
    decisions: tuple[Decision, ...] = ()


def output_name(name: str, fmt: str) -> str:
    """Return `name` with known page extensions replaced by the format's (`x.html.gz` -> `x.json`)."""
    stem = name
    while True:
        lower = stem.lower()
        for ext in KNOWN_EXTENSIONS:
            if lower.endswith(ext) and len(stem) > len(ext):
                stem = stem[: -len(ext)]
                break
        else:
            return stem + OUTPUT_EXTENSIONS[fmt]


def discover(inputs: Iterable[str], fmt: str) -> tuple[list[Task], list[str]]:
    """Expand files, directories (recursively, sorted, hidden entries skipped) and "-" into tasks.

    Returns the tasks and one error line per input that is missing or not a regular file.
    """
    tasks: list[Task] = []
    errors: list[str] = []
    for item in inputs:
        if item == STDIN:
            tasks.append(Task(STDIN, output_name("stdin", fmt)))
        elif os.path.isdir(item):
            unreadable: list[OSError] = []
            for path in _walk(Path(item), unreadable.append):
                if not path.is_file():  # a FIFO would block its reader; a broken link has no data
                    errors.append(f"{path}: error: {_not_a_file(path)}")
                    continue
                rel = path.relative_to(item)
                tasks.append(Task(str(path), str(rel.with_name(output_name(rel.name, fmt)))))
            errors += [
                f"{exc.filename}: error: cannot list the folder ({exc.strerror}): "
                "check its permissions"
                for exc in unreadable
            ]
        elif os.path.isfile(item):
            tasks.append(Task(item, output_name(os.path.basename(item), fmt)))
        else:
            errors.append(f"{item}: error: {_not_a_file(Path(item))}")
    return tasks, errors


def refuse_shared_outputs(tasks: list[Task]) -> tuple[list[Task], list[str]]:
    """Split off the inputs that would write the same output file, with one error line each."""
    by_output: dict[str, list[Task]] = {}
    for task in tasks:
        by_output.setdefault(task.relative_output, []).append(task)
    kept, errors = [], []
    for task in tasks:
        sharing = by_output[task.relative_output]
        if len(sharing) == 1:
            kept.append(task)
            continue
        others = ", ".join(t.path for t in sharing if t is not task)
        errors.append(
            f"{task.path}: error: {others} also writes {task.relative_output}: "
            "rename one of them or clean them into separate folders"
        )
    return kept, errors


def _not_a_file(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return "broken symbolic link: fix or remove it"
    if path.exists():
        return "not a regular file or directory: pass a file, a directory or -"
    return "no such file or directory: check the path"


def _walk(root: Path, on_error: Callable[[OSError], object] | None = None) -> Iterator[Path]:
    # os.walk skips a folder it cannot list unless told whom to tell.
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def run_task(
    task: Task,
    fmt: str,
    options: Options,
    many: bool,
    debug: bool,
    timeout: float | None = None,
    explain: bool = False,
) -> Result:
    """Clean one input and render it; every failure becomes an error line, never an exception.

    The decisions travel back only for --explain: pickling them from a worker cost more than
    the rest of the result (~1.4 ms a lynx dump, on the parent's CPU).
    """
    from clean_article.pipeline import clean
    from clean_article.render import to_json, to_json_line, to_markdown

    try:
        data = task.data if task.data is not None else read_limited(task.path, options)
        name = "stdin" if task.path == STDIN else os.path.basename(task.path)
        with time_limit(timeout):
            article = clean(data, name=name, options=options)
    except TimeLimitExceeded:
        return lost(task, f"took longer than {timeout:g} s to clean")
    except CleanArticleError as exc:
        return Result(task, None, str(exc))
    except OSError as exc:
        return Result(
            task, None, f"cannot read ({exc.strerror or exc}): check the path and its permissions"
        )
    except Exception as exc:  # a bug must not stop the batch
        import traceback

        detail = traceback.format_exc() if debug else f"{type(exc).__name__}: {exc}"
        return Result(task, None, f"internal error ({detail}): rerun with --debug and report it")
    if fmt == "md":
        output = to_markdown(article)
    else:
        output = to_json_line(article) if many else to_json(article)
    return Result(task, output, None, article.decisions if explain else ())


def lost(task: Task, why: str) -> Result:
    """Return the failed Result of a task that ran out of time or lost its worker."""
    return Result(task, None, f"{why}: raise --timeout if it is a page, or report it")


def read_limited(path: str, options: Options) -> bytes:
    """Read a file, refusing one larger than options.max_input_bytes before reading it."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > options.max_input_bytes:
            raise InputError(too_large(size, options.max_input_bytes, "--max-size"))
        return handle.read(options.max_input_bytes + 1)  # a file may grow while read


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` through a temporary file and a rename: never a half-written file."""
    import tempfile  # here, not at the top: printing one page to stdout never needs it

    path.parent.mkdir(parents=True, exist_ok=True)
    encoded = content.encode("utf-8")
    try:
        if path.read_bytes() == encoded:
            return  # unchanged: keep the file (and its mtime) as it is
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(encoded)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def diff_golden(path: Path, expected: str | None, label: str) -> str:
    """Return a unified diff between the golden at `path` and `expected` ("" when they agree)."""
    import difflib  # only --check needs it

    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        current = None
    if current == expected:
        return ""
    before = (current or "").splitlines(keepends=True)
    after = (expected or "").splitlines(keepends=True)
    lines = difflib.unified_diff(
        before,
        after,
        fromfile=f"{label} (golden{'' if current is not None else ', missing'})",
        tofile=f"{label} ({'cleaned now' if expected is not None else 'no input: orphaned'})",
    )
    text = "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
    return text


def orphans(outdir: Path, produced: set[str], fmt: str) -> list[str]:
    """Return goldens of this format under `outdir` that no input produced (sorted, relative)."""
    ext = OUTPUT_EXTENSIONS[fmt]
    if not outdir.is_dir():
        return []
    found = (str(p.relative_to(outdir)) for p in _walk(outdir) if p.name.endswith(ext))
    return sorted(rel for rel in found if rel not in produced)
