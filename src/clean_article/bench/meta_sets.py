"""Title, author and published day on the multilingual half and modern/, per fold.

Both sets label each page's title, author and day; modern/README.md gives the rules: a title
is right when it equals the gold after NFKC, casefolding and turning runs of punctuation into
one space; an author when the gold string, or its first name before ",", " and ", "&", ";",
"|", equals one of the extracted authors (case-insensitive); a date when it is the same day.
Systems: clean-article on the HTML and on the lynx dump, trafilatura on the HTML.
"""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clean_article.bench.common import fold_of, table
from clean_article.model import Options, SourceFormat

FIELDS = ("title", "author", "published")
_PUNCT = re.compile(r"[\W_]+")
_FIRST_NAME = re.compile(r",| and |&|;|\|")


@dataclass(frozen=True, slots=True)
class Labelled:
    dataset: str
    page_id: str
    html: Path
    lynx: Path
    fold: int
    gold: dict[str, Any]


def load(bench_dir: Path, datasets: tuple[str, ...]) -> list[Labelled]:
    """Return the labelled pages of the named sets ("multilingual", "modern")."""
    pages: list[Labelled] = []
    for dataset in datasets:
        folder = bench_dir / dataset
        if dataset == "modern":
            gold = json.loads(gzip.decompress((folder / "gold.json.gz").read_bytes()))
            lynx_dir, day_key = folder / "lynx", "published"
        else:
            gold = json.loads((folder / "gold.json").read_text("utf-8"))
            lynx_dir, day_key = folder / "textdumps" / "lynx", "date"
        for page_id, item in sorted(gold.items()):
            labels = {"title": item.get("title"), "author": item.get("author")}
            labels["published"] = item.get(day_key)
            html = folder / "html" / f"{page_id}.html.gz"
            lynx = lynx_dir / f"{page_id}.txt"
            pages.append(Labelled(dataset, page_id, html, lynx, fold_of(item["url"]), labels))
    return pages


def _norm_title(text: str) -> str:
    return _PUNCT.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def right(field: str, gold: str | list[str], got: dict[str, Any]) -> bool:
    """Apply modern/README.md's rule for one field (a list of gold authors: its first)."""
    if isinstance(gold, list):
        gold = str(gold[0]) if gold else ""
    if field == "title":
        return bool(got["title"]) and _norm_title(got["title"]) == _norm_title(gold)
    if field == "author":
        names = {a.casefold().strip() for a in got["authors"]}
        first = _FIRST_NAME.split(gold)[0]
        return gold.casefold().strip() in names or first.casefold().strip() in names
    return bool(got["published"]) and got["published"][:10] == gold[:10]


Reader = Callable[[Labelled], dict[str, Any]]


def _clean(kind: str) -> Reader:
    from clean_article import clean

    options = Options(input_format=SourceFormat.TEXT) if kind == "lynx" else Options()

    def read(page: Labelled) -> dict[str, Any]:
        data = page.lynx.read_bytes() if kind == "lynx" else gzip.decompress(page.html.read_bytes())
        meta = clean(data, options=options).metadata
        authors = list(meta.byline.authors)
        return {"title": meta.title, "authors": authors, "published": meta.dates.published}

    return read


def _trafilatura() -> Reader:
    import trafilatura

    def read(page: Labelled) -> dict[str, Any]:
        html = gzip.decompress(page.html.read_bytes()).decode("utf-8", errors="replace")
        document = trafilatura.bare_extraction(html, with_metadata=True)
        author = getattr(document, "author", None) or ""
        return {
            "title": getattr(document, "title", None),
            "authors": [a.strip() for a in author.split(";") if a.strip()],
            "published": getattr(document, "date", None),
        }

    return read


SYSTEMS: dict[str, Callable[[], Reader]] = {
    "clean-article html": lambda: _clean("html"),
    "clean-article lynx": lambda: _clean("lynx"),
    "trafilatura html": _trafilatura,
}


def _cells(
    pages: list[Labelled], got: dict[str, dict[str, dict[str, Any]]]
) -> Iterator[list[object]]:
    for dataset in dict.fromkeys(p.dataset for p in pages):
        for field in FIELDS:
            for fold in (0, 1):
                chosen = [p for p in pages if p.dataset == dataset and p.fold == fold]
                chosen = [p for p in chosen if p.gold[field]]
                if not chosen:
                    continue
                row: list[object] = [f"{dataset} {field} fold {fold}", len(chosen)]
                for outputs in got.values():
                    hits = sum(
                        p.page_id in outputs
                        and right(field, p.gold[field] or "", outputs[p.page_id])
                        for p in chosen
                    )
                    row.append(hits / len(chosen))
                yield row


def run(bench_dir: Path, datasets: tuple[str, ...], systems: list[str]) -> str:
    """Run the systems on the sets' pages; return the table and a timing footer."""
    pages = load(bench_dir, datasets)
    got: dict[str, dict[str, dict[str, Any]]] = {}
    footer: list[str] = []
    for name in systems:
        read = SYSTEMS[name]()
        start = time.perf_counter()
        got[name] = {}
        for page in pages:
            try:
                got[name][page.page_id] = read(page)
            except Exception:  # a failing page counts as wrong
                continue
        footer.append(f"{name}: {len(pages)} pages, {time.perf_counter() - start:.1f} s")
    body = table(["field", "pages", *systems], list(_cells(pages, got)))
    return body + "\n" + "\n".join(footer)
