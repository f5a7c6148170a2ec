"""Titles: the visible headline the page's own titles name; site names cut off."""

from __future__ import annotations

import lxml.html
import pytest

from clean_article.metadata import extract_html_metadata
from clean_article.metadata.titles import strip_site
from clean_article.model import Options

PROSE = "<p>" + "The story goes on with many words in its first paragraph here. " * 3 + "</p>"


def _title(head: str, body: str) -> str | None:
    page = f"<html><head>{head}</head><body>{body}{PROSE}</body></html>"
    return extract_html_metadata(lxml.html.document_fromstring(page), Options()).title


PAGES = [
    # the headline matches the <title> once the " – WSJ" suffix is off
    ("<title>Rates Rise Again – WSJ</title>", "<h1>Rates Rise Again</h1>", "Rates Rise Again"),
    # a blog theme: the blog's name in <h1>, the post's title in <h2>
    (
        "<title>Ein Tag am See | Annas Blog</title>",
        '<h1 class="site-title">Annas Blog</h1><h2>Ein Tag am See</h2>',
        "Ein Tag am See",
    ),
    # the site's name in <h1> (og:site_name), no heading names the post: <title> cut
    (
        '<title>Die Zeit | Neue Regeln für Mieter</title><meta property="og:site_name" '
        'content="Die Zeit">',
        "<h1>Die Zeit</h1>",
        "Neue Regeln für Mieter",
    ),
    # no heading at all: og:title without its site name
    (
        '<meta property="og:title" content="Harbour reopens - Coast News">'
        '<meta property="og:site_name" content="Coast News">',
        "",
        "Harbour reopens",
    ),
    # no page title: the first <h1> that is not furniture
    ("", "<h1>Only a heading</h1>", "Only a heading"),
]


@pytest.mark.parametrize(("head", "body", "expected"), PAGES)
def test_title(head: str, body: str, expected: str) -> None:
    assert _title(head, body) == expected


SPLITS = [
    ("Story of the day – WSJ", frozenset(), "Story of the day"),
    ("Die Zeit | Story of the day", frozenset({"die zeit"}), "Story of the day"),
    ("Story of the day | Section | Site", frozenset(), "Story of the day - Section"),
    ("A title without a site", frozenset(), "A title without a site"),
]


@pytest.mark.parametrize(("title", "sites", "expected"), SPLITS)
def test_strip_site(title: str, sites: frozenset[str], expected: str) -> None:
    assert strip_site(title, sites) == expected


LYNX = """#Coast News » Feed Coast News » Harbour reopens after the storm Comments Feed

   Skip to content
     * News
     * Sport
     * Weather

Latest stories

Harbour reopens after the storm

     1. Home
     2. News

   The harbour reopened on Monday morning after a week of repairs to the sea wall and the
   piers, the port authority said in a statement published on its website.

   Fishing boats were the first to leave, followed by the ferry to the islands, which had
   been cancelled for six days while the engineers checked the moorings and the cranes.
"""


def test_lynx_dump_title_is_the_heading_above_the_body() -> None:
    from clean_article import clean
    from clean_article.model import SourceFormat

    article = clean(LYNX.encode(), options=Options(input_format=SourceFormat.TEXT))
    assert article.metadata.title == "Harbour reopens after the storm"
    assert "Harbour reopens after the storm" not in article.text  # claimed, not body


def test_lynx_dump_without_body_has_no_guessed_title() -> None:
    from clean_article import clean
    from clean_article.model import SourceFormat

    dump = "Menu\n\nHome\n\nContact\n"
    article = clean(dump.encode(), options=Options(input_format=SourceFormat.TEXT))
    assert article.metadata.title is None
