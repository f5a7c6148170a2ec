"""Published-date benchmark: clean-article, trafilatura and htmldate, per fold.

`python -m clean_article.bench dates [BENCH_DIR]` scores the published day on the 60 labelled
pages (metadata/), the multilingual half and the date set, each split by site into fold 0 and
fold 1 (clean_article.bench.common.fold_of), and prints one table, systems as columns.

`--refit` instead fits the weights of the date choice (metadata/date_choice.py) on fold 0 of
the multilingual half and the date set, prints both folds' accuracy, and writes
src/clean_article/metadata/date_weights.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clean_article.bench.common import DEFAULT_BENCH_DIR, fold_of, table
from clean_article.metadata.dates import agree

# htmldate's upper bound: fixed, never today's date.
_LATEST = dt.datetime(2099, 12, 31)
_WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "metadata" / "date_weights.py"


@dataclass(frozen=True, slots=True)
class Page:
    dataset: str
    page_id: str
    path: Path
    fold: int
    gold: str  # the published day, or a full timestamp on the labelled pages


def load_pages(bench_dir: Path) -> list[Page]:
    """Return every page with a gold published date, of the three date sets."""
    pages: list[Page] = []
    for dataset, folder in (("dates", "dates"), ("multilingual", "multilingual")):
        gold = json.loads((bench_dir / folder / "gold.json").read_text("utf-8"))
        for page_id, item in sorted(gold.items()):
            if item.get("date"):
                path = bench_dir / folder / "html" / f"{page_id}.html.gz"
                pages.append(Page(dataset, page_id, path, fold_of(item["url"]), item["date"]))
    labelled = json.loads((bench_dir / "metadata" / "dev_metadata.json").read_text("utf-8"))
    urls = json.loads((bench_dir / "scrapinghub" / "ground-truth.json").read_text("utf-8"))
    for item in labelled["pages"]:
        if item.get("published"):
            path = bench_dir / "scrapinghub" / item["file"]
            fold = fold_of(urls.get(item["id"], {}).get("url") or item.get("url"))
            pages.append(Page("labelled", item["id"], path, fold, item["published"]))
    return pages


def correct(page: Page, value: str | None) -> bool:
    """Same day: the scorers' rule (local day on the two sets; local or UTC day on the
    labelled pages, as score_metadata.py does)."""
    if not value:
        return False
    if page.dataset == "labelled":
        return agree(page.gold, value)
    return value[:10] == page.gold[:10]


Predictor = Callable[[bytes], str | None]


def _clean_article() -> Predictor:
    from clean_article import clean

    return lambda data: clean(data).metadata.dates.published


def _trafilatura() -> Predictor:
    import trafilatura

    def predict(data: bytes) -> str | None:
        html = data.decode("utf-8", errors="replace")
        document = trafilatura.bare_extraction(html, with_metadata=True)
        return getattr(document, "date", None)

    return predict


def _htmldate() -> Predictor:
    from htmldate import find_date

    def predict(data: bytes) -> str | None:
        return find_date(data, original_date=True, extensive_search=True, max_date=_LATEST)

    return predict


SYSTEMS: dict[str, Callable[[], Predictor]] = {
    "clean-article": _clean_article,
    "trafilatura": _trafilatura,
    "htmldate": _htmldate,
}
GROUPS = ("labelled", "multilingual", "dates")


def _read(page: Page) -> bytes:
    return gzip.decompress(page.path.read_bytes())


def _accuracy_rows(pages: list[Page], hits: dict[str, dict[Page, bool]]) -> list[list[object]]:
    rows: list[list[object]] = []
    for dataset in GROUPS:
        for fold in (0, 1):
            chosen = [p for p in pages if p.dataset == dataset and p.fold == fold]
            if chosen:
                scores = [sum(hits[s][p] for p in chosen) / len(chosen) for s in hits]
                rows.append([f"{dataset} fold {fold}", len(chosen), *scores])
    return rows


def _benchmark(pages: list[Page], systems: list[str]) -> int:
    hits: dict[str, dict[Page, bool]] = {}
    footer = []
    for name in systems:
        predict = SYSTEMS[name]()
        start = time.perf_counter()
        hits[name] = {}
        for page in pages:
            try:
                value = predict(_read(page))
            except Exception:  # a failing page counts as wrong, as the scorers do
                value = None
            hits[name][page] = correct(page, value)
        footer.append(f"{name}: {len(pages)} pages, {time.perf_counter() - start:.1f} s")
    print(table(["published, same day", "pages", *systems], _accuracy_rows(pages, hits)))
    print("\n".join(footer))
    return 0


def main(argv: list[str]) -> int:
    """Score every system on the date sets per fold, or refit the date weights."""
    parser = argparse.ArgumentParser(prog="python -m clean_article.bench dates")
    parser.add_argument("bench_dir", nargs="?", default=DEFAULT_BENCH_DIR)
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    parser.add_argument("--refit", action="store_true", help="refit and write the date weights")
    args = parser.parse_args(argv)
    pages = load_pages(Path(args.bench_dir))
    if args.refit:
        from clean_article.bench.date_fit import refit

        return refit(pages, _read, _WEIGHTS_FILE)
    return _benchmark(pages, [s for s in args.systems.split(",") if s])
