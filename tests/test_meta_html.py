"""The HTML cascade: JSON-LD -> meta -> markup -> visible text, the page winning on sight."""

from __future__ import annotations

import json

import lxml.html
import pytest

from clean_article.metadata import extract_html_metadata
from clean_article.model import Metadata, Options

PROSE = "".join(
    f"<p>{word} paragraph of the story, long enough to be prose and not a caption or a"
    " teaser, with a few more words to make sure of it.</p>"
    for word in ("First", "Second", "Third", "Fourth")
)


def _meta(head: str = "", body: str = "", jsonld: object = None, lang: str = "") -> Metadata:
    script = ""
    if jsonld is not None:
        script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>'
    page = f"<html{lang}><head>{head}{script}</head><body><article>{body}{PROSE}</article>"
    page += "</body></html>"
    return extract_html_metadata(lxml.html.document_fromstring(page), Options())


ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Bridge opens",
    "datePublished": "2021-06-01T08:00:00+02:00",
    "dateModified": "2021-06-02T09:30:00+02:00",
    "author": [{"@type": "Person", "name": "Ann Lee"}],
    "articleSection": "Local",
}


def test_jsonld_dates_and_shown_author() -> None:
    meta = _meta(body="<h1>Bridge opens</h1><p>Ann Lee reports.</p>", jsonld=ARTICLE)
    assert meta.dates.published == "2021-06-01T08:00:00+02:00"
    assert meta.dates.modified == "2021-06-02T09:30:00+02:00"
    assert meta.byline.authors == ("Ann Lee",)
    assert meta.section == ("Local",)


def test_jsonld_author_not_shown_is_dropped() -> None:
    meta = _meta(body="<h1>Bridge opens</h1>", jsonld=ARTICLE)
    assert meta.byline.authors == ()


def test_visible_byline_wins_over_jsonld() -> None:
    body = '<h1>Bridge opens</h1><div class="byline">By Bo Chen and Cy Diaz</div>'
    assert _meta(body=body, jsonld=ARTICLE).byline.authors == ("Bo Chen", "Cy Diaz")


def test_organisation_author_is_no_person() -> None:
    data = dict(ARTICLE, author={"@type": "Organization", "name": "City News"})
    assert _meta(body="<h1>B</h1><p>City News</p>", jsonld=data).byline.authors == ()


def test_agency_author_and_dateline() -> None:
    data = dict(ARTICLE, author={"@type": "Organization", "name": "The Associated Press"})
    assert _meta(body="<h1>B</h1>", jsonld=data).byline.agencies == ("AP",)
    body = "<h1>B</h1><p>OSLO (Reuters) - The government said on Tuesday that it would act.</p>"
    assert _meta(body=body).byline.agencies == ("Reuters",)


def test_placeholder_dates_are_ignored_and_visible_date_used() -> None:
    data = dict(ARTICLE, datePublished="0001-01-01T00:00:00Z", dateModified="0001-01-01")
    body = '<h1>B</h1><div class="date">Published 7:07 PM EST Nov 19, 2019</div>'
    meta = _meta(body=body, jsonld=data)
    assert meta.dates.published == "2019-11-19T19:07:00-05:00"
    assert meta.dates.modified is None


def test_labelled_visible_date_wins_when_it_names_another_day() -> None:
    body = '<h1>B</h1><p class="timestamp">Updated at 5:36 PM CST on Jun 1, 2021</p>'
    meta = _meta(body=body, jsonld=ARTICLE)
    assert meta.dates.modified == "2021-06-01T17:36:00-06:00"


def test_meta_tags_and_time_element() -> None:
    head = '<meta property="article:published_time" content="2020-02-03T04:05:06Z">'
    body = '<h1>B</h1><time class="updated" datetime="2020-02-04T10:00:00Z">Feb 4</time>'
    meta = _meta(head=head, body=body)
    assert meta.dates.published == "2020-02-03T04:05:06Z"
    assert meta.dates.modified == "2020-02-04T10:00:00Z"


def test_german_byline_with_date() -> None:
    body = '<h1>B</h1><p class="about"><span>Von</span> <a href="/a">Jonas Weber</a>'
    body += " <span>publiziert am 3. März 2021</span></p>"
    meta = _meta(body=body)
    assert meta.byline.authors == ("Jonas Weber",)
    assert meta.dates.published == "2021-03-03"


def test_no_dates_anywhere_gives_none() -> None:
    meta = _meta(body="<h1>B</h1>")
    assert (meta.dates.published, meta.dates.modified) == (None, None)


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title>Bridge opens | City News</title>", "", "Bridge opens"),
        (
            '<meta property="og:title" content="Bridge opens - City News">'
            '<meta property="og:site_name" content="City News">',
            "",
            "Bridge opens",
        ),
        ("<title>Ignored</title>", "<h1>Bridge opens</h1>", "Bridge opens"),
    ],
)
def test_title(head: str, body: str, title: str) -> None:
    assert _meta(head=head, body=body).title == title


def test_language_and_lede() -> None:
    body = '<h1>B</h1><p class="article-dek">A short summary of what happened and why it'
    body += " matters to readers.</p>"
    meta = _meta(body=body, lang=' lang="de-AT"')
    assert meta.language == "de"
    assert meta.lede == ("A short summary of what happened and why it matters to readers.")


def test_malformed_jsonld_is_read_leniently() -> None:
    script = '{"@type": "NewsArticle", "datePublished": "2021-06-01",}'
    head = f'<script type="application/ld+json">{script}</script>'
    assert _meta(head=head, body="<h1>B</h1>").dates.published == "2021-06-01"


@pytest.mark.parametrize("page", ["<html></html>", "<p>x</p>", "<html><body>" + "<div>" * 3000])
def test_odd_pages_never_crash(page: str) -> None:
    meta = extract_html_metadata(lxml.html.document_fromstring(page), Options())
    assert meta.byline.authors == ()


def test_authors_as_adjacent_links() -> None:
    body = '<h1>B</h1><div class="article-authors"><a href="/a">Ann Lee</a><a href="/b">'
    body += "Bo Chen</a></div>"
    assert _meta(body=body).byline.authors == ("Ann Lee", "Bo Chen")


def test_jsonld_article_inside_main_entity_and_graph() -> None:
    inner = {"@type": "NewsArticle", "datePublished": "2021-06-01", "dateModified": "2021-06-03"}
    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "mainEntity": inner}]}
    meta = _meta(body="<h1>B</h1>", jsonld=data)
    assert (meta.dates.published, meta.dates.modified) == ("2021-06-01", "2021-06-03")


def test_update_label_beside_a_byline() -> None:
    body = '<h1>B</h1><div class="meta"><span class="autor">Von Anna Berger</span>'
    body += '<span class="datum">Stand: 04.05.2023, 14:03 Uhr</span></div>'
    meta = _meta(body=body)
    assert meta.dates.modified == "2023-05-04T14:03:00"
    assert meta.dates.published == "2023-05-04"  # only the update is shown: published by then
