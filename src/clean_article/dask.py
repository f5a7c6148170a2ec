"""Clusters with Dask: clean files and web-archive records as a dask bag, the CLI's output exactly.

    from clean_article.dask import articles
    bag = articles(["CC-MAIN-00000.warc.gz", "CC-MAIN-00001.warc.gz", "pages/"])
    bag.to_textfiles("out/*.jsonl")          # or "".join(bag.compute()) == the CLI's stdout

Each input is one element before flattening, so an archive is read and cleaned, record after
record, by one task: archives spread over the workers, a single archive streams through one.
Needs the optional extra: pip install 'clean-article[dask]' (and [warc] for archives).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from clean_article.batch import discover
from clean_article.cluster import Output, clean_input
from clean_article.model import Options


def inputs(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """Expand local directories into their files (sorted, hidden entries skipped) as the CLI does;
    URLs (s3://..., https://...) and files stay as they are. Returns the paths and the CLI's error
    lines for entries that are no regular file (a FIFO, a broken link)."""
    found: list[str] = []
    errors: list[str] = []
    for path in paths:
        if "://" not in path and os.path.isdir(path):
            tasks, bad = discover([path], "json")
            found.extend(task.path for task in tasks)
            errors.extend(bad)
        else:
            found.append(path)
    return found, errors


def outcomes(
    paths: Iterable[str],
    *,
    fmt: str = "json",
    options: Options | None = None,
    npartitions: int | None = None,
    opener: Any = None,
) -> Any:
    """Return a dask bag of clean_article.cluster.Output: one per page and per archive record,
    skipped records and errors included, in input order."""
    import dask.bag as db

    found, errors = inputs(paths)
    parts = npartitions or max(1, min(len(found), 256))
    bag = db.from_sequence(found, npartitions=parts)
    # clean_input is a generator: flatten consumes it inside the task, so an archive's outputs
    # stream into the next step (to_textfiles writes them as they come) instead of a list.
    cleaned = bag.map(clean_input, fmt=fmt, options=options or Options(), opener=opener).flatten()
    if not errors:
        return cleaned
    # Entries the walk could not use come first, as the CLI prints them first.
    unusable = [Output(line.split(": error: ", 1)[0], None, None, error=line) for line in errors]
    return db.concat([db.from_sequence(unusable, npartitions=1), cleaned])


def articles(
    paths: Iterable[str],
    *,
    fmt: str = "json",
    options: Options | None = None,
    npartitions: int | None = None,
    opener: Any = None,
) -> Any:
    """Return a dask bag of the CLI's outputs (JSON lines, or Markdown documents with -f md):
    joined with "" (JSON) or "\\n" (Markdown) they are what `clean-article PATHS -q` prints."""
    bag = outcomes(paths, fmt=fmt, options=options, npartitions=npartitions, opener=opener)
    return bag.filter(_has_text).map(_text)


def _has_text(out: Output) -> bool:
    return out.text is not None


def _text(out: Output) -> str:
    return out.text or ""
