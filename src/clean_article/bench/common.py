"""What the benchmark commands share: the dataset layout and a plain table printer."""

from __future__ import annotations

import gzip
import json
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
