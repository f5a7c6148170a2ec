"""Bylines: names, agencies and what is neither (titles, outlets, staff credits, contributors)."""

from __future__ import annotations

import pytest

from clean_article.metadata.bylines import (
    agency_line,
    agency_name,
    dateline_agencies,
    looks_like_bare_byline,
    looks_like_byline,
    looks_like_name,
    parse_byline,
)

# (printed byline, site names, expected authors, expected agencies)
BYLINES = [
    ("By Jane Doe and John Q. Smith", (), ("Jane Doe", "John Q. Smith"), ()),
    ("Von Anna Berger und Lukas Brandt", (), ("Anna Berger", "Lukas Brandt"), ()),
    ("Par Jean-Marc Lefèvre et Chloé Martin", (), ("Jean-Marc Lefèvre", "Chloé Martin"), ()),
    ("Por María José Ortega y Luis Pardo", (), ("María José Ortega", "Luis Pardo"), ()),
    ("Door Pieter van Dijk en Sanne de Vries", (), ("Pieter van Dijk", "Sanne de Vries"), ()),
    ("Di Giulia Rossi", (), ("Giulia Rossi",), ()),
    ("By Ann Lee, Bo Chen, Cy Diaz", (), ("Ann Lee", "Bo Chen", "Cy Diaz"), ()),
    ("By ANNA FIELD and TOM REED / Associated Press", (), ("ANNA FIELD", "TOM REED"), ("AP",)),
    ("Sam Hart, AP Science Writer", (), ("Sam Hart",), ("AP",)),
    ("Kim Ray, Reuters", (), ("Kim Ray",), ("Reuters",)),
    ("ab/cd (AFP, dpa)", (), ("ab", "cd"), ("AFP", "dpa")),
    ("Von Max Roth, dpa", (), ("Max Roth",), ("dpa",)),
    ("The Associated Press", (), (), ("AP",)),
    ("Agence France-Presse", (), (), ("AFP",)),
    ("By Ella Stone | Special to the Daily Planet", (), ("Ella Stone",), ()),
    ("By Omar Field - Planet Science Contributor", (), ("Omar Field",), ()),
    ("Analysis by Lee Park, Globe Editor-at-large", (), ("Lee Park",), ()),
    ("By Rita Moss Business Columnist", (), ("Rita Moss",), ()),
    ("Ivy Chen and Al Brooks, METRO TODAY", ("metro today",), ("Ivy Chen", "Al Brooks"), ()),
    ("Nora Quinn Gazette Daily", ("gazette daily",), ("Nora Quinn",), ()),
    ("By Zoe Hale ZHNewsDesk", (), ("Zoe Hale",), ()),
    ("By Ken Adams Ken Adams", (), ("Ken Adams",), ()),
    ("By Liam O'Brien and Mary McDonald", (), ("Liam O'Brien", "Mary McDonald"), ()),
    ("by Dan DeLuca @dandeluca Nov 2, 2021 at 4:10 pm ET", (), ("Dan DeLuca",), ()),
    ("By Eva Lind eva@example.org (555) 123-4567", (), ("Eva Lind",), ()),
    ("By Tom Ward with reporting by Ada Cole", (), ("Tom Ward",), ()),
    ("Von Jonas Weber publiziert am 3. März 2021", (), ("Jonas Weber",), ()),
    ("By PLANET POST STAFF", (), (), ()),
    ("By Staff Reports", (), (), ()),
    ("Riverside Herald wire services", (), (), ()),
    ("By Tess Bell - 03/04/21 10:05 AM EST", (), ("Tess Bell",), ()),
    ("12/01/2020 by Carl Penn", (), ("Carl Penn",), ()),
    # Title-cased and shouted "And", and a "For The …" affiliation that names no author
    (
        "By Glen Owen And Brendan Carlin For The Mail On Sunday",
        (),
        ("Glen Owen", "Brendan Carlin"),
        (),
    ),
    ("BY ANNA FIELD AND TOM REED FOR THE DAILY PLANET", (), ("ANNA FIELD", "TOM REED"), ()),
    ("By Jane Doe, For The Washington Star", (), ("Jane Doe",), ()),
    ("By Jane Doe for Reuters", (), ("Jane Doe",), ("Reuters",)),
    ("Jan Kowalski i Anna Nowak", (), ("Jan Kowalski", "Anna Nowak"), ()),
    ("Di Mario Rossi e Luca Bianchi", (), ("Mario Rossi", "Luca Bianchi"), ()),
    ("By Jane Doe & John Roe", (), ("Jane Doe", "John Roe"), ()),
]


@pytest.mark.parametrize(("raw", "outlets", "authors", "agencies"), BYLINES)
def test_parse_byline(
    raw: str, outlets: tuple[str, ...], authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    byline = parse_byline(raw, outlets)
    assert byline.authors == authors
    assert byline.agencies == agencies
    assert byline.raw == raw


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AP", "AP"),
        ("The Associated Press", "AP"),
        ("thomson reuters", "Reuters"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("Agencia EFE", "EFE"),
        ("Keystone-SDA", "SDA"),
        ("PA Media", "PA"),
        ("Jane Doe", None),
    ],
)
def test_agency_name(text: str, expected: str | None) -> None:
    assert agency_name(text) == expected


@pytest.mark.parametrize(
    ("paragraph", "agencies"),
    [
        ("RIVERTON, Ore. (AP) — Officials said on Monday that ...", ["AP"]),
        ("BERLIN (dpa) - Die Regierung hat am Dienstag ...", ["dpa"]),
        ("PARIS (AFP/Reuters) - Le gouvernement a annoncé ...", ["AFP", "Reuters"]),
        ("LONDON (Metro Times) - The mayor said ...", []),
        ("The agency (AP) said nothing new today.", []),
        ("officials (AP) — lower-case start is no dateline", []),
    ],
)
def test_dateline_agencies(paragraph: str, agencies: list[str]) -> None:
    assert dateline_agencies(paragraph) == agencies


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", True),
        ("by Jane Doe", True),
        ("ab/cd (AP, dpa)", True),
        ("Sam Hart, AP Science Writer", True),
        ("Ivy Chen and Al Brooks, METRO TODAY", True),
        ("By the time the storm arrived, the town was empty.", False),
        ("Dan Cole, Associated Press", False),  # a photo credit, not a byline
        ("Texto de Natal", False),
        ("Paris, France", False),
    ],
)
def test_looks_like_byline(line: str, expected: bool) -> None:
    assert looks_like_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Doe", True),
        ("Jean-Luc Picard", False),  # one word: not enough to stand alone
        ("Mary Ann Evans", True),
        ("Watch NEWS Live", False),
        ("I Accept", False),
        ("Eastern Equine Encephalitis.", False),
        ("Jane Doe, Reporter", False),
        ("JANE DOE", True),
        ("Enlarge Image", False),
        ("Bild teilen", False),
        ("Last Updated", False),  # a date label where the byline stands
    ],
)
def test_looks_like_name(line: str, expected: bool) -> None:
    assert looks_like_name(line) is expected


@pytest.mark.parametrize("garbage", ["", " ", "\x00\x01", "By", "x" * 5000, "By " + "A" * 400])
def test_parse_byline_never_crashes(garbage: str) -> None:
    byline = parse_byline(garbage)
    assert isinstance(byline.authors, tuple)


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("(dpa)", ["dpa"]),
        ("dpa/lno", ["dpa"]),
        ("AFP/Reuters", ["AFP", "Reuters"]),
        ("Quelle: dpa", ["dpa"]),
        ("Mit Material von dpa und AFP", ["dpa", "AFP"]),
        ("© ANSA", ["ANSA"]),
        ("Reuters", []),  # bare: may be a photo credit
        ("AP Photo", []),
        ("dpa/Jane Doe", []),
        ("AP and Reuters contributed to this report", []),
    ],
)
def test_agency_line(line: str, agencies: list[str]) -> None:
    assert agency_line(line) == agencies


@pytest.mark.parametrize(
    ("line", "expected", "authors"),
    [
        ("Jane Doe", True, ("Jane Doe",)),
        ("Ivy Chen and Al Brooks METRO TODAY", True, ("Ivy Chen", "Al Brooks")),
        ("Nora Quinn Riverside Times", True, ("Nora Quinn",)),
        ("Riverside Times", False, ()),
        ("Read More", False, ()),
        ("Updated 3 May 2021", False, ()),
    ],
)
def test_bare_bylines(line: str, expected: bool, authors: tuple[str, ...]) -> None:
    assert looks_like_bare_byline(line) is expected
    if expected:
        assert parse_byline(line).authors == authors


def test_a_byline_line_is_never_a_dump_title() -> None:
    from clean_article import clean
    from clean_article.model import Options, SourceFormat

    dump = """By Glen Owen And Brendan Carlin For The Mail On Sunday

Published: 22:01 GMT, 23 November 2019

The minister said on Saturday that the plan would go ahead despite the protests of the
councils, which had asked for more time to study the effects on the towns.

Critics said the decision would cost the region dearly in the years to come and vowed to
fight it in the courts, while supporters welcomed the end of a long period of doubt.
"""
    meta = clean(dump.encode(), options=Options(input_format=SourceFormat.TEXT)).metadata
    assert meta.title != "By Glen Owen And Brendan Carlin For The Mail On Sunday"
    assert meta.byline.authors == ("Glen Owen", "Brendan Carlin")


AUTHOR_LINKS = [
    # a link to the author's page, no byline class and no "By"
    (
        '<div class="meta"><a href="/author/jane-doe">Jane Doe</a></div>',
        ("Jane Doe",),
    ),
    (
        '<p><a href="https://example.de/autor/max-muster/">Max Muster</a> und '
        '<a href="https://example.de/autor/eva-klein/">Eva Klein</a></p>',
        ("Max Muster", "Eva Klein"),
    ),
    ('<span><a rel="author" href="/people/ann">Ann Lee</a></span>', ("Ann Lee",)),
]


@pytest.mark.parametrize(("markup", "expected"), AUTHOR_LINKS)
def test_author_page_links_name_the_authors(markup: str, expected: tuple[str, ...]) -> None:
    import lxml.html

    from clean_article.metadata import extract_html_metadata
    from clean_article.model import Options

    prose = "<p>" + "The story goes on with many words in its first paragraph here. " * 3
    page = f"<html><body><article><h1>Headline</h1>{markup}{prose}</p></article></body></html>"
    meta = extract_html_metadata(lxml.html.document_fromstring(page), Options())
    assert meta.byline.authors == expected


def test_jsonld_author_list_of_objects() -> None:
    import json

    import lxml.html

    from clean_article.metadata import extract_html_metadata
    from clean_article.model import Options

    data = {
        "@type": "NewsArticle",
        "headline": "Headline",
        "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}],
    }
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    prose = "<p>" + "Ann Lee and Bo Chen wrote this story with many words in it. " * 3
    page = f"<html><head>{script}</head><body><h1>Headline</h1>{prose}</p></body></html>"
    meta = extract_html_metadata(lxml.html.document_fromstring(page), Options())
    assert meta.byline.authors == ("Ann Lee", "Bo Chen")
