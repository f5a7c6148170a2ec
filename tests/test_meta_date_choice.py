"""The published-date choice: candidates by day, UTC stamps, printed stamps, htmldate bounds."""

from __future__ import annotations

import datetime as dt

import lxml.html
import pytest

from clean_article.metadata.date_choice import candidates, choose, stamp, url_date
from clean_article.metadata.date_weights import DATE_WEIGHTS
from clean_article.metadata.html import extract_html_metadata
from clean_article.metadata.htmldate_dates import htmldate_date
from clean_article.model import Options

URLS = [
    ("https://example.com/2023/11/08/story-title/", "2023-11-08"),
    ("https://example.com/news/2019-10-18-story", "2019-10-18"),
    ("https://example.com/a_20191018.html", "2019-10-18"),
    ("https://example.com/2023/13/08/bad-month/", None),
    ("https://example.com/story-123456", None),
    (None, None),
]


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_url_date(url: str | None, expected: str | None) -> None:
    assert url_date(url) == expected


def test_utc_stamp_counts_for_the_local_day_an_address_names() -> None:
    # A US evening story: 01:49 UTC is still the 8th where it was published.
    signals = {"jsonld_published": "2023-11-09T01:49:09Z", "url": "2023-11-08"}
    found = candidates(signals)
    assert [c.day for c in found] == [dt.date(2023, 11, 8)]
    assert choose(signals, DATE_WEIGHTS) == "2023-11-08"


def test_utc_stamp_alone_keeps_its_day() -> None:
    assert choose({"jsonld_published": "2023-11-09T01:49:09Z"}, DATE_WEIGHTS) == (
        "2023-11-09T01:49:09Z"
    )


def test_utc_stamp_is_written_in_the_zone_the_page_shows() -> None:
    # The printed line is the update ("Updated 10:01 pm"): its zone, not its time, is used.
    shown = "2019-11-19T22:01:00-08:00"
    signals = {"meta_published": "2019-11-20T05:57:50Z", "shown": shown, "shown_modified": shown}
    assert choose(signals, DATE_WEIGHTS) == "2019-11-19T21:57:50-08:00"


def test_stamp_prefers_time_and_zone_and_skips_update_times() -> None:
    signals = {
        "htmldate_original": "2021-06-01",
        "meta_published": "2021-06-01T08:15:30",
        "jsonld_published": "2021-06-01T08:15:30+02:00",
    }
    assert choose(signals, DATE_WEIGHTS) == "2021-06-01T08:15:30+02:00"
    update = {"htmldate_original": "2021-06-01T14:03:00", "shown_modified": "2021-06-01T14:03:00"}
    (only,) = candidates(update)
    assert stamp(only) == "2021-06-01"  # the update's time is not the publication's


def test_agreeing_sources_outvote_one() -> None:
    signals = {
        "jsonld_published": "2020-04-03T10:35:41+02:00",
        "meta_published": "2020-04-03T10:35:41+02:00",
        "shown": "2020-04-03",
        "htmldate_original": "2019-01-01",
    }
    assert choose(signals, DATE_WEIGHTS) == "2020-04-03T10:35:41+02:00"


def test_no_source_no_date() -> None:
    assert choose({}, DATE_WEIGHTS) is None


PAGE = """<html><head><title>T</title></head><body><article><h1>Headline</h1>
<p class="date">Published 12 March 2031</p><p>{prose}</p></article></body></html>"""


def test_htmldate_bounds_come_from_the_reference_date_never_the_clock() -> None:
    tree = lxml.html.document_fromstring(PAGE.format(prose="Some words. " * 30))
    # No reference date: a fixed far-future bound accepts the date, whatever today is.
    assert htmldate_date(tree, Options(), original=True) == "2031-03-12"
    # A reference date before it: htmldate may not return a date after it.
    bounded = htmldate_date(tree, Options(reference_date=dt.date(2030, 1, 1)), original=True)
    assert bounded is None


def test_canonical_url_and_site_name() -> None:
    head = '<link rel="canonical" href="https://news.example.org/2024/05/06/a-story">'
    head += '<meta property="og:site_name" content="Example News">'
    page = f"<html><head>{head}</head><body><h1>A story</h1><p>Text.</p></body></html>"
    meta = extract_html_metadata(lxml.html.document_fromstring(page), Options())
    assert meta.url == "https://news.example.org/2024/05/06/a-story"
    assert meta.site_name == "Example News"
    assert meta.dates.published == "2024-05-06"  # the address names the day


def test_relative_canonical_falls_back_to_og_url_else_null() -> None:
    head = '<link rel="canonical" href="/a-story"><meta property="og:url" content="/a-story">'
    page = f"<html><head>{head}</head><body><h1>A story</h1></body></html>"
    meta = extract_html_metadata(lxml.html.document_fromstring(page), Options())
    assert meta.url is None
    head = '<link rel="canonical" href="/a-story">'
    head += '<meta property="og:url" content="https://example.org/a-story">'
    page = f"<html><head>{head}</head><body><h1>A story</h1></body></html>"
    meta = extract_html_metadata(lxml.html.document_fromstring(page), Options())
    assert meta.url == "https://example.org/a-story"
