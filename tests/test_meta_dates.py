"""Dates: printed and machine-readable forms in several languages, labels, zones, no clock."""

from __future__ import annotations

import datetime as dt

import pytest

from clean_article.metadata.dates import (
    agree,
    find_date,
    find_labelled_dates,
    parse_iso,
)

REFERENCE = dt.date(2022, 3, 10)

# (machine-readable value, normalised ISO or None)
ISO = [
    ("2021-06-01T08:15:30Z", "2021-06-01T08:15:30Z"),
    ("2021-06-01T08:15:30+02:00", "2021-06-01T08:15:30+02:00"),
    ("2021-06-01T08:15:30.123-0500", "2021-06-01T08:15:30-05:00"),
    ("2021-06-01 08:15:30", "2021-06-01T08:15:30"),
    ("2021-06-01", "2021-06-01"),
    ("20210601", "2021-06-01"),
    ("0001-01-01T00:00:00+00:00", None),  # a CMS placeholder, not a date
    ("2021-13-40", None),
    ("yesterday", None),
    (None, None),
    (12345, None),
]


@pytest.mark.parametrize(("value", "expected"), ISO)
def test_parse_iso(value: object, expected: str | None) -> None:
    assert parse_iso(value) == expected


# (printed text, first date found) — English, German, French, Spanish, Italian, Portuguese,
# Dutch, numeric orders, times with and without zones.
PRINTED = [
    ("March 3, 2021", "2021-03-03"),
    ("Mar. 3, 2021, 4:05 p.m.", "2021-03-03T16:05:00"),
    ("Wed, Mar 3 2021 9:07 AM EST", "2021-03-03T09:07:00-05:00"),
    ("Jul 4, 2021 at 9:24 pm ET", "2021-07-04T21:24:00-04:00"),  # ET in summer is EDT
    ("Dec 4, 2021 at 9:24 pm ET", "2021-12-04T21:24:00-05:00"),
    ("3 March 2021 14:30 GMT", "2021-03-03T14:30:00+00:00"),
    ("3. März 2021, 14:30 Uhr", "2021-03-03T14:30:00"),
    ("le 3 mars 2021 à 14h30", "2021-03-03T14:30:00"),
    ("3 de marzo de 2021", "2021-03-03"),
    ("3 marzo 2021", "2021-03-03"),
    ("quarta-feira, 3 de março de 2021 às 9:15", "2021-03-03T09:15:00"),
    ("3 maart 2021", "2021-03-03"),
    ("1er octobre 2020", "2020-10-01"),
    ("03.04.2021", "2021-04-03"),  # dots: day first
    ("04/03/21 06:56 AM EST", "2021-04-03T06:56:00-05:00"),  # slashes: month first
    ("25/03/2021", "2021-03-25"),  # 25 cannot be a month
    ("2016.12.01", "2016-12-01"),
    ("21:17 18.11.2019", "2019-11-18T21:17:00"),
    ("Updated 1909 GMT (0309 HKT) November 18, 2019", "2019-11-18T19:09:00+00:00"),
    ("Published Wed, Nov 20 20194:29 AM EST", "2019-11-20T04:29:00-05:00"),
    ("2016年12月1日 10:30", "2016-12-01T10:30:00"),
    ("2024년 10월 1일", "2024-10-01"),
    ("1 октября 2024", "2024-10-01"),
    ("3 marca 2021", "2021-03-03"),
    ("14 augusti 2022", "2022-08-14"),
    ("5 Ekim 2021", "2021-10-05"),
    ("no date here", None),
    ("Room 12/40", None),
]


@pytest.mark.parametrize(("text", "expected"), PRINTED)
def test_find_date(text: str, expected: str | None) -> None:
    found = find_date(text)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 hours ago", "2022-03-10"),
        ("Published 2 days ago", "2022-03-08"),
        ("vor 3 Tagen", "2022-03-07"),
        ("il y a 1 semaine", "2022-03-03"),
        ("hace 2 días", "2022-03-08"),
        ("an hour ago", "2022-03-10"),
    ],
)
def test_relative_dates_need_a_reference(text: str, expected: str) -> None:
    found = find_date(text, REFERENCE)
    assert found is not None and found.value == expected
    assert find_date(text) is None  # no reference date: never the clock


# (line, published, modified, unlabelled)
LABELLED = [
    ("Published June 1, 2021last updated June 2, 2021", "2021-06-01", "2021-06-02", None),
    (
        "PUBLISHED: June 1, 2021 at 8:59 pm | UPDATED: June 1, 2021 at 10:16 pm",
        "2021-06-01T20:59:00",
        "2021-06-01T22:16:00",
        None,
    ),
    ("Stand: 01.06.2021 14:03 Uhr", None, "2021-06-01T14:03:00", None),
    ("Aktualisiert am 02.06.2021", None, "2021-06-02", None),
    ("Veröffentlicht am 1. Juni 2021", "2021-06-01", None, None),
    ("Publié le 1 juin 2021, mis à jour le 2 juin 2021", "2021-06-01", "2021-06-02", None),
    ("Publicado el 1 de junio de 2021", "2021-06-01", None, None),
    ("Pubblicato il 1 giugno 2021 Aggiornato il 2 giugno 2021", "2021-06-01", "2021-06-02", None),
    ("Atualizado em 2 de junho de 2021", None, "2021-06-02", None),
    ("Gepubliceerd op 1 juni 2021", "2021-06-01", None, None),
    ("June 1, 2021", None, None, "2021-06-01"),
    ("Updated an hour ago", None, None, None),
    ("Where we stand June 1, 2021", None, None, "2021-06-01"),  # "stand" needs its colon
]


@pytest.mark.parametrize(("text", "published", "modified", "unlabelled"), LABELLED)
def test_find_labelled_dates(
    text: str, published: str | None, modified: str | None, unlabelled: str | None
) -> None:
    found = find_labelled_dates(text)
    assert (found.published, found.modified, found.unlabelled) == (
        published,
        modified,
        unlabelled,
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("2021-06-01T21:24:00-05:00", "2021-06-02", True),  # UTC date of the first
        ("2021-06-01T21:24:00-05:00", "2021-06-01", True),
        ("2021-06-01", "2021-06-03", False),
        (None, "2021-06-01", False),
    ],
)
def test_agree(first: str | None, second: str | None, expected: bool) -> None:
    assert agree(first, second) is expected


@pytest.mark.parametrize("garbage", ["", "\x00" * 10, "9" * 5000, "Published " * 500])
def test_garbage_gives_nothing(garbage: str) -> None:
    assert find_labelled_dates(garbage).published is None
