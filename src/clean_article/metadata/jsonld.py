"""Read schema.org JSON-LD blocks leniently and pick out the article's fields."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

from clean_article import lazy_re as re
from clean_article.metadata import vocab
from clean_article.normalize import normalize_space

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x1f]")


@dataclass(frozen=True, slots=True)
class JsonLdAuthor:
    name: str
    is_person: bool


@dataclass(frozen=True, slots=True)
class JsonLdArticle:
    """The fields of the page's main JSON-LD article object that metadata needs."""

    headline: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: tuple[JsonLdAuthor, ...] = ()
    sections: tuple[str, ...] = ()
    language: str | None = None
    publisher: str | None = None
    description: str | None = None
    image_credit: str | None = None
    image_caption: str | None = None
    breadcrumbs: tuple[str, ...] = ()


def _loads(text: str) -> Any:
    """Parse JSON, then retry with common breakage repaired (bench ea25dd7e is malformed)."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text))):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Yield every dict in `data`, descending into lists and @graph containers."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):  # containers that hold the article object
            inner = data.get(key)
            if isinstance(inner, (dict, list)):
                yield from _objects(inner, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return normalize_space(value) or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _texts(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    found = (_text(v) for v in values)
    return tuple(dict.fromkeys(t for t in found if t))


def _authors(value: Any) -> tuple[JsonLdAuthor, ...]:
    values = value if isinstance(value, list) else [value]
    authors: list[JsonLdAuthor] = []
    for item in values:
        if isinstance(item, str) and normalize_space(item):
            authors.append(JsonLdAuthor(normalize_space(item), True))
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if name:
                authors.append(JsonLdAuthor(name, not _types(item) & vocab.ORGANIZATION_TYPES))
    return tuple(authors)


def _image(value: Any) -> tuple[str | None, str | None]:
    """Return (credit, caption) of the article's JSON-LD image, if it states them."""
    item = value[0] if isinstance(value, list) and value else value
    if not isinstance(item, dict):
        return None, None
    credit = _text(item.get("creditText")) or _text(item.get("copyrightHolder"))
    credit = credit or _text(item.get("author"))
    return credit, _text(item.get("caption"))


def _position(item: dict[str, Any]) -> int:
    position = item.get("position")
    return position if isinstance(position, int) else 0


def _breadcrumbs(objects: list[dict[str, Any]]) -> tuple[str, ...]:
    for obj in objects:
        if "breadcrumblist" in _types(obj):
            items = obj.get("itemListElement")
            if not isinstance(items, list):
                continue
            ranked = sorted((i for i in items if isinstance(i, dict)), key=_position)
            names = (_text(i.get("name")) or _text(i.get("item")) for i in ranked)
            return tuple(n for n in names if n)
    return ()


def read_jsonld(scripts: Iterable[lxml_html.HtmlElement]) -> JsonLdArticle:
    """Return the main article object of the page's JSON-LD `scripts` (empty when absent)."""
    objects: list[dict[str, Any]] = []
    for script in scripts:
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        objects.extend(_objects(_loads(script.text or "")))
    ranked = [o for o in objects if _types(o) & vocab.ARTICLE_TYPES]
    # Prefer a real article type over WebPage, and the one that carries dates.
    ranked.sort(
        key=lambda o: (
            "webpage" in _types(o) or "itempage" in _types(o),
            not o.get("datePublished"),
        )
    )
    if not ranked:
        return JsonLdArticle(breadcrumbs=_breadcrumbs(objects))
    main = ranked[0]
    credit, caption = _image(main.get("image"))
    return JsonLdArticle(
        headline=_text(main.get("headline")) or _text(main.get("name")),
        published=_text(main.get("datePublished")) or _text(main.get("dateCreated")),
        modified=_text(main.get("dateModified")),
        authors=_authors(main.get("author") or main.get("creator")),
        sections=_texts(main.get("articleSection")),
        language=_text(main.get("inLanguage")),
        publisher=_text(main.get("publisher")),
        description=_text(main.get("description")),
        image_credit=credit,
        image_caption=caption,
        breadcrumbs=_breadcrumbs(objects),
    )
