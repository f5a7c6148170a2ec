"""What the benchmark commands share: the dataset layout and a plain table printer."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

DEFAULT_BENCH_DIR = "../shared/bench"


def load_gold(bench_dir: Path) -> dict[str, str]:
    """Return {page id: gold article body} from the scrapinghub ground truth."""
    data = json.loads((bench_dir / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: item["articleBody"] for page_id, item in sorted(data.items())}


def load_urls(bench_dir: Path) -> dict[str, str]:
    """Return {page id: url} from the scrapinghub ground truth (for the fold split)."""
    data = json.loads((bench_dir / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: item.get("url", "") for page_id, item in data.items()}


def read_page(bench_dir: Path, page_id: str) -> bytes:
    """Return the gunzipped HTML of one benchmark page."""
    return gzip.decompress((bench_dir / "scrapinghub" / "html" / f"{page_id}.html.gz").read_bytes())


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Return rows as a Markdown table (numbers to three places), readable as plain text too."""
    cells = [[_cell(v) for v in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


# Second-level labels under which registrable names sit one level deeper ("bbc.co.uk").
_SECOND_LEVEL = frozenset("co com net org gov ac edu gv or ne go nic mil".split())


def site_of(url: str | None) -> str:
    """Return an approximate registrable domain of `url` ('news.bbc.co.uk' -> 'bbc.co.uk').

    Web-archive captures are read as the archived address. Good enough to keep every page of a
    site in one fold; not a public-suffix implementation.
    """
    address = (url or "").strip().lower()
    archived = re.search(r"/web/\d+[a-z_]*/(.+)$", address)
    if archived:
        address = archived.group(1)
    host = re.sub(r"^[a-z]*:?/*", "", address).split("/", 1)[0].split(":", 1)[0]
    labels = [label for label in host.split(".") if label]
    if labels and labels[0].startswith("www"):
        labels = labels[1:]
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:]) or address


def fold_of(url: str | None) -> int:
    """Return 0 or 1: the development fold of the page's site (stable across runs and machines)."""
    return hashlib.sha256(site_of(url).encode("utf-8")).digest()[0] % 2


def load_multilingual(bench_dir: Path) -> dict[str, dict[str, Any]] | None:
    """Return the multilingual set's gold {id: item with 'with'/'without'}, or None if absent."""
    path = bench_dir / "multilingual" / "gold.json"
    if not path.is_file():
        return None
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return dict(sorted(data.items()))


def read_multilingual_page(bench_dir: Path, page_id: str) -> bytes:
    """Return the gunzipped bytes of one multilingual page (its own encoding)."""
    return gzip.decompress(
        (bench_dir / "multilingual" / "html" / f"{page_id}.html.gz").read_bytes()
    )


def snippet_scorer(bench_dir: Path) -> ModuleType:
    """Import BENCH_DIR/score_text.py, the scorer the held-out half is judged with.

    Its snippet metric (`snippet_counts`, `snippet_summary`) is called, not copied, so the
    bench reports exactly what the judges compute.
    """
    path = bench_dir / "score_text.py"
    spec = importlib.util.spec_from_file_location("bench_score_text", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise FileNotFoundError(f"{path}: the snippet scorer is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def snippet_f1_by_fold(
    scorer: ModuleType, gold: dict[str, dict[str, Any]], predicted: dict[str, str]
) -> tuple[float, float, float]:
    """Return the snippet F1 over all pages, over fold 0 and over fold 1 (folds by site)."""
    rows: dict[int, list[Any]] = {0: [], 1: []}
    for page_id, text in predicted.items():
        item = gold[page_id]
        rows[fold_of(item.get("url"))].append(scorer.snippet_counts(item, text))
    f1 = [scorer.snippet_summary(r)["f1"] for r in (rows[0] + rows[1], rows[0], rows[1])]
    return f1[0], f1[1], f1[2]
