"""Batch plumbing for the CLI: find inputs, name outputs, clean in workers, write atomically."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from clean_article.errors import CleanArticleError
from clean_article.model import Decision, Options

STDIN = "-"
# Extensions an output name drops; any other suffix stays part of the name (`a.php` -> `a.php.json`).
KNOWN_EXTENSIONS = (".gz", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".wet")
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
            for path in _walk(Path(item)):
                if not path.is_file():  # a FIFO would block its reader; a broken link has no data
                    errors.append(f"{path}: error: {_not_a_file(path)}")
                    continue
                rel = path.relative_to(item)
                tasks.append(Task(str(path), str(rel.with_name(output_name(rel.name, fmt)))))
        elif os.path.isfile(item):
            tasks.append(Task(item, output_name(os.path.basename(item), fmt)))
        else:
            errors.append(f"{item}: error: {_not_a_file(Path(item))}")
    return tasks, errors


def _not_a_file(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return "broken symbolic link: fix or remove it"
    if path.exists():
        return "not a regular file or directory: pass a file, a directory or -"
    return "no such file or directory: check the path"


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def run_task(
    task: Task, fmt: str, options: Options, many: bool, debug: bool, explain: bool = False
) -> Result:
    """Clean one input and render it; every failure becomes an error line, never an exception.

    The decisions travel back only for --explain: pickling them from a worker cost more than
    the rest of the result (~1.4 ms a lynx dump, on the parent's CPU).
    """
    from clean_article.pipeline import clean
    from clean_article.render import to_json, to_json_line, to_markdown

    try:
        data = task.data if task.data is not None else Path(task.path).read_bytes()
        name = "stdin" if task.path == STDIN else os.path.basename(task.path)
        article = clean(data, name=name, options=options)
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
