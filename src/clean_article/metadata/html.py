"""Metadata of an HTML page as a cascade: JSON-LD -> meta tags -> markup -> visible text.

Where sources disagree on what a reader sees (a byline, a printed date), the page wins.
"""

from __future__ import annotations

from lxml import html as lxml_html

from clean_article import lazy_re as re
from clean_article.metadata import dates, vocab
from clean_article.metadata.bylines import (
    agency_line,
    agency_name,
    dateline_agencies,
    parse_byline,
)
from clean_article.metadata.images import find_images
from clean_article.metadata.page import Page, hint_pattern, read_page
from clean_article.model import Byline, Dates, Metadata, Options
from clean_article.normalize import normalize_space

# An element whose own text opens with a byline word ("by ライトハウス…", bench 85439e26).
_BY_PREFIX = re.compile(rf"^\s*(?:{'|'.join(vocab.BY_WORDS)})\s+\S", re.IGNORECASE)
_BY_WORD = re.compile(rf"^\s*(?:{'|'.join(vocab.BY_WORDS)})\s*:?\s*$", re.IGNORECASE)
# What both of them start with, a cheap test before the two exact ones.
_BY_INITIALS = "".join(sorted({word[0] for word in vocab.BY_WORDS}))
_BY_START = re.compile(rf"\s*[{_BY_INITIALS}]", re.IGNORECASE)
_BYLINE_HINTS = hint_pattern(vocab.BYLINE_CLASS_HINTS)
_DATE_HINTS = hint_pattern(vocab.DATE_CLASS_HINTS + vocab.BYLINE_CLASS_HINTS)  # holds bylines
_UPDATE_HINTS = hint_pattern(vocab.UPDATE_CLASS_HINTS)
_ISO_START = re.compile(r"^\s*\d{4}-")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•]\s+")


def _title(page: Page) -> str | None:
    for h1 in page.below("h1"):
        text = page.text(h1)
        if text and not page.in_boilerplate(h1):
            return text
    for candidate in (page.meta.get("og:title"), page.jsonld.headline, _head_title(page)):
        if candidate:
            return _strip_site(candidate, page.site_names)
    return None


def _head_title(page: Page) -> str | None:
    titles = page.below("title")
    return normalize_space(titles[0].text_content()) if titles else None


def _strip_site(title: str, site_names: frozenset[str]) -> str:
    """Drop a " | Site name" suffix or prefix when it names the site."""
    parts = _TITLE_SEPARATORS.split(title)
    kept = [p for p in parts if p.lower() not in site_names]
    if len(parts) > 1 and len(kept) == len(parts):
        kept = parts[:-1] if len(parts[-1]) < len(parts[0]) else parts
    return " - ".join(kept) if kept else title


def _sections(page: Page, title: str | None) -> tuple[str, ...]:
    names = page.jsonld.sections or page.jsonld.breadcrumbs
    if not names and page.meta.get("article:section"):
        names = (page.meta["article:section"],)
    kept = (n for n in names if n.lower() not in vocab.HOME_WORDS and n != title and len(n) < 60)
    return tuple(dict.fromkeys(kept))


def _language(page: Page) -> str | None:
    value = page.tree.get("lang") or page.meta.get("content-language") or page.jsonld.language
    value = value or page.meta.get("og:locale")
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip())[0].lower()
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None


def _is_prose(page: Page, element: lxml_html.HtmlElement) -> bool:
    if element.tag != "p" or len(page.text(element)) < vocab.PROSE_CHARS:
        return False
    return not page.in_boilerplate(element)


def _lede(page: Page) -> str | None:
    """Return the standfirst: a marked summary shown between the headline and the body."""
    seen_headline = False
    for element in page.elements:
        if element.tag == "h1":
            seen_headline = True
            continue
        if element.tag == "p" and _is_prose(page, element):
            return None  # the body has begun: a later "summary" is something else
        if not seen_headline or element.tag not in vocab.LEDE_TAGS:
            continue
        if not page.has_token(element, vocab.LEDE_TOKENS) or page.in_boilerplate(element):
            continue
        text = page.text(element)
        if (
            vocab.LEDE_MIN_CHARS <= len(text) <= vocab.LEDE_MAX_CHARS
            and dates.find_date(text) is None
        ):
            return text
    return None


def _byline_elements(page: Page) -> list[lxml_html.HtmlElement]:
    """Return short elements marked as a byline, then those opening with "By"."""
    hinted = page.hinted(_BYLINE_HINTS, among=page.hinted(_DATE_HINTS))
    authors = hinted | {e for e in page.marked if "author" in (e.get("itemprop"), e.get("rel"))}
    marked: list[lxml_html.HtmlElement] = []
    prefixed: list[lxml_html.HtmlElement] = []
    for element in page.elements:
        if element in authors:
            marked.append(element)
            continue
        text = element.text
        if not text or not _BY_START.match(text):
            continue
        if _BY_PREFIX.match(text):
            prefixed.append(element)
        elif _BY_WORD.match(text) and element.getparent() is not None:
            prefixed.append(element.getparent())  # <span>Von</span> <a>Name</a> (bench 57b4dafd)
    return [e for e in marked + prefixed if _short_visible(page, e)]


def _short_visible(page: Page, element: lxml_html.HtmlElement) -> bool:
    text = page.text(element)
    return bool(text) and len(text) <= vocab.MAX_META_LINE and not page.in_boilerplate(element)


def _visible_byline(page: Page, candidates: list[lxml_html.HtmlElement]) -> Byline:
    agencies: list[str] = []
    for element in candidates:
        byline = parse_byline(page.text(element), page.site_names)
        agencies += byline.agencies
        linked = _linked_names(element, page)
        if len(linked) > len(byline.authors):
            byline = Byline(linked, byline.agencies, byline.raw)
        if byline.authors:
            return Byline(byline.authors, tuple(dict.fromkeys(agencies)), byline.raw)
    return Byline(agencies=tuple(dict.fromkeys(agencies)))


def _linked_names(element: lxml_html.HtmlElement, page: Page) -> tuple[str, ...]:
    """Return author names printed as separate links with no separator between them
    (<a>Jane Doe</a><a>John Roe</a>), one name per link."""
    names: list[str] = []
    for link in element.iter("a"):
        authors = parse_byline(page.text(link), page.site_names).authors
        if len(authors) != 1:
            return ()
        names.append(authors[0])
    return tuple(dict.fromkeys(names)) if len(names) > 1 else ()


def _shown(names: list[str], page: Page) -> tuple[str, ...]:
    if not names:
        return ()
    visible = page.visible_text.lower()
    shown: list[str] = []
    for name in names:
        for author in parse_byline(name, page.site_names).authors:
            if author.lower() in visible and author not in shown:
                shown.append(author)
    return tuple(shown)


def _machine_authors(page: Page) -> tuple[str, ...]:
    """Return JSON-LD, else meta, person names, kept only when the page shows them."""
    shown = _shown([a.name for a in page.jsonld.authors if a.is_person], page)
    if shown:
        return shown
    metas = [page.meta.get(key) for key in vocab.AUTHOR_META]
    return _shown([m for m in metas if m and "/" not in m], page)


def _byline(page: Page, candidates: list[lxml_html.HtmlElement]) -> Byline:
    byline = _visible_byline(page, candidates)
    authors = byline.authors or _machine_authors(page)
    agencies = list(byline.agencies)
    if not byline.authors:  # "The Associated Press" as the JSON-LD author (bench b37be353)
        names = (a.name for a in page.jsonld.authors)
        agencies += [n for n in (agency_name(name) for name in names) if n]
    texts = [page.meta.get("og:description") or "", page.meta.get("description") or ""]
    texts += _opening_paragraphs(page)
    for text in texts:
        agencies += dateline_agencies(text)
    for paragraph in page.tagged("p"):  # "(dpa)" or "dpa/lno" closing the story
        found = agency_line(page.text(paragraph), normalized=True)
        if found and not page.in_boilerplate(paragraph):
            agencies += found
    return Byline(authors, tuple(dict.fromkeys(agencies)), byline.raw)


def _opening_paragraphs(page: Page) -> list[str]:
    """Return the first few prose paragraphs of the page (where a wire dateline sits)."""
    found: list[str] = []
    for paragraph in page.tagged("p"):
        text = page.text(paragraph)
        if len(text) >= vocab.DATELINE_MIN_CHARS and not page.in_boilerplate(paragraph):
            found.append(text)
            if len(found) >= vocab.DATELINE_PARAGRAPHS:
                break
    return found


def _meta_date(page: Page, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = dates.parse_iso(page.meta.get(key))
        if value:
            return value
    return None


def _time_dates(page: Page) -> tuple[str | None, str | None]:
    """Return (published, modified) from <time datetime> and itemprop markup."""
    published = modified = None
    for element in page.marked:
        if element.get("itemprop") is None and element.get("datetime") is None:
            continue  # rel="…" alone
        prop = (element.get("itemprop") or "").lower()
        value = dates.parse_iso(element.get("datetime") or element.get("content"))
        if not value or page.in_boilerplate(element):
            continue
        if prop == "datemodified" or (not prop and page.has_hint(element, _UPDATE_HINTS)):
            modified = modified or value
        elif prop in ("datepublished", "datecreated") or element.tag == "time":
            published = published or value
    return published, modified


def _visible_dates(page: Page, options: Options) -> dates.LabelledDates:
    published = modified = unlabelled = None
    hinted = page.hinted(_DATE_HINTS)
    for element in page.elements:
        if element.tag != "time" and element not in hinted:
            continue
        text = page.text(element)
        if not text or len(text) > vocab.MAX_META_LINE or page.in_boilerplate(element):
            continue
        found = dates.find_labelled_dates(text, options.reference_date)
        published = published or found.published
        modified = modified or found.modified
        unlabelled = unlabelled or found.unlabelled
        if published and modified:
            break
    return dates.LabelledDates(published, modified, unlabelled)


def _machine(value: str | None) -> str | None:
    """Parse a JSON-LD/meta date, also when printed ("20 Nov 2019 08:02 GMT", bench 7916ecca)."""
    if not value:
        return None
    if _ISO_START.match(value):  # ISO-shaped: valid, or a placeholder such as 0001-01-01
        return dates.parse_iso(value)
    found = dates.find_date(value)
    return found.value if found else None


def _dates(page: Page, options: Options, candidates: list[lxml_html.HtmlElement]) -> Dates:
    time_published, time_modified = _time_dates(page)
    published = _machine(page.jsonld.published) or _meta_date(page, vocab.PUBLISHED_META)
    modified = _machine(page.jsonld.modified) or _meta_date(page, vocab.MODIFIED_META)
    published = published or time_published
    modified = modified or time_modified
    shown = _visible_dates(page, options)
    if not (shown.published or shown.unlabelled):  # "Von X publiziert am …" in the byline
        for element in candidates:
            found = dates.find_labelled_dates(page.text(element), options.reference_date)
            if found.published or found.unlabelled:
                updated = shown.modified or found.modified
                shown = dates.LabelledDates(found.published, updated, found.unlabelled)
                break
    # The printed date wins when it is labelled and names another day.
    if shown.published and not dates.agree(published, shown.published):
        published = shown.published
    if shown.modified and not dates.agree(modified, shown.modified):
        modified = shown.modified
    if published is None and shown.unlabelled:
        published = shown.unlabelled
    if published is None and modified:  # only "Updated …" shown: published by then
        published = modified[:10]
    return Dates(published, modified)


def extract_html_metadata(tree: lxml_html.HtmlElement, options: Options) -> Metadata:
    """Return the page's metadata; the tree is only read, never modified."""
    try:
        page = read_page(tree)
        title = _title(page)
        bylines = _byline_elements(page)  # read by both the byline and the dates
        byline = _byline(page, bylines)
        return Metadata(
            title=title,
            section=_sections(page, title),
            lede=_lede(page),
            language=_language(page),
            byline=byline,
            dates=_dates(page, options, bylines),
            images=find_images(page),
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return Metadata()
