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
from clean_article.metadata.date_choice import choose, url_date
from clean_article.metadata.date_weights import DATE_WEIGHTS
from clean_article.metadata.htmldate_dates import htmldate_date
from clean_article.metadata.images import find_images
from clean_article.metadata.page import Page, hint_pattern, read_page
from clean_article.metadata.titles import find_title
from clean_article.model import Byline, Dates, Metadata, Options

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
# A link to the author's page: /author/jane-doe, /autor/…, /auteur/…, /journalist/….
_AUTHOR_PAGE = re.compile(rf"/(?:{'|'.join(vocab.AUTHOR_PATH_WORDS)})/[^/?#]+", re.IGNORECASE)
_ABSOLUTE = re.compile(r"^https?://[^/\s?#]+[^\s]*$", re.IGNORECASE)


def _sections(page: Page, title: str | None) -> tuple[str, ...]:
    names = page.jsonld.sections or page.jsonld.breadcrumbs
    if not names and page.meta.get("article:section"):
        names = (page.meta["article:section"],)
    kept = (n for n in names if n.lower() not in vocab.HOME_WORDS and n != title and len(n) < 60)
    return tuple(dict.fromkeys(kept))


def _absolute(address: str | None) -> str | None:
    """Return an absolute http(s) address, else None (a relative one names no page)."""
    address = (address or "").strip()
    return address if _ABSOLUTE.match(address) else None


def canonical_url(page: Page) -> str | None:
    """Return the page's own address: link rel=canonical, else og:url (absolute only)."""
    for link in page.below("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            found = _absolute(link.get("href"))
            if found:
                return found
    return _absolute(page.meta.get("og:url"))


def _site_name(page: Page) -> str | None:
    return page.meta.get("og:site_name") or page.jsonld.publisher or None


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
    authors |= _author_page_links(page)
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


def _author_page_links(page: Page) -> set[lxml_html.HtmlElement]:
    """Return links to author pages, or their parent where it holds several ("<a>A</a>
    und <a>B</a>"), so that every name is read."""
    links = [a for a in page.tagged("a") if _AUTHOR_PAGE.search(a.get("href") or "")]
    parents = [a.getparent() for a in links]
    found: set[lxml_html.HtmlElement] = set()
    for link, parent in zip(links, parents, strict=True):
        found.add(parent if parent is not None and parents.count(parent) > 1 else link)
    return found


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


def _shown_dates(
    page: Page, options: Options, candidates: list[lxml_html.HtmlElement]
) -> dates.LabelledDates:
    """Return the printed dates: in date elements, else in the byline ("Von X am …")."""
    shown = _visible_dates(page, options)
    if not (shown.published or shown.unlabelled):  # "Von X publiziert am …" in the byline
        for element in candidates:
            found = dates.find_labelled_dates(page.text(element), options.reference_date)
            if found.published or found.unlabelled:
                updated = shown.modified or found.modified
                return dates.LabelledDates(found.published, updated, found.unlabelled)
    return shown


def date_signals(
    page: Page, options: Options, candidates: list[lxml_html.HtmlElement]
) -> dict[str, str | None]:
    """Return every source's date, by date_choice.SOURCES name (what the choice reads)."""
    time_published, time_modified = _time_dates(page)
    shown = _shown_dates(page, options, candidates)
    return {
        "shown_published": shown.published,
        "jsonld_published": _machine(page.jsonld.published),
        "meta_published": _meta_date(page, vocab.PUBLISHED_META),
        "time_published": time_published,
        "shown": shown.unlabelled,
        "htmldate_original": htmldate_date(page.tree, options, original=True),
        "url": url_date(canonical_url(page)),
        "htmldate_latest": htmldate_date(page.tree, options, original=False),
        "shown_modified": shown.modified,
        "jsonld_modified": _machine(page.jsonld.modified),
        "meta_modified": _meta_date(page, vocab.MODIFIED_META),
        "time_modified": time_modified,
    }


def page_date_signals(tree: lxml_html.HtmlElement, options: Options) -> dict[str, str | None]:
    """Return date_signals for a parsed page (what `bench dates --refit` fits on)."""
    page = read_page(tree)
    return date_signals(page, options, _byline_elements(page))


def _dates(signals: dict[str, str | None]) -> Dates:
    published = choose(signals, DATE_WEIGHTS)
    modified = signals["jsonld_modified"] or signals["meta_modified"] or signals["time_modified"]
    shown = signals["shown_modified"]
    if shown and not dates.agree(modified, shown):  # the printed update wins
        modified = shown
    if published is None and modified:  # only "Updated …" shown: published by then
        published = modified[:10]
    return Dates(published, modified)


def extract_html_metadata(tree: lxml_html.HtmlElement, options: Options) -> Metadata:
    """Return the page's metadata; the tree is only read, never modified."""
    try:
        page = read_page(tree)
        title = find_title(page)
        bylines = _byline_elements(page)  # read by both the byline and the dates
        byline = _byline(page, bylines)
        return Metadata(
            title=title,
            section=_sections(page, title),
            lede=_lede(page),
            language=_language(page),
            byline=byline,
            dates=_dates(date_signals(page, options, bylines)),
            images=find_images(page),
            url=canonical_url(page),
            site_name=_site_name(page),
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return Metadata()
