"""What the benchmark commands share: the dataset layout and a plain table printer."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

DEFAULT_BENCH_DIR = "../shared/bench"


def load_gold(bench_dir: Path) -> dict[str, str]:
    """Return {page id: gold article body} from the scrapinghub ground truth."""
    data = json.loads((bench_dir / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: item["articleBody"] for page_id, item in sorted(data.items())}


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
