"""Choose the published day among the dates a page offers, with weights fitted on data.

Every source (JSON-LD, meta tags, <time> markup, printed date lines, htmldate's original and
latest date, a date in the page's address) names a day or nothing. The days named are the
candidates; each gets the features of the sources naming it, and the day with the highest
weighted sum wins. The weights live in `date_weights.py`, fitted on fold 0 of the
development pages and confirmed on fold 1 (`python -m clean_article.bench dates --refit`).

A UTC timestamp ("…T01:49:09Z") names an instant, not the day a reader saw: when another
source names the neighbouring day that the hour allows (a US evening is past midnight in
UTC), the stamp is counted for that day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from clean_article.metadata.dates import parse_iso

# The sources, in the order their value is preferred as the printed stamp of a chosen day.
SOURCES = (
    "shown_published",  # a printed date after a published label ("Veröffentlicht am …")
    "jsonld_published",
    "meta_published",
    "time_published",  # <time datetime> or itemprop="datePublished"
    "shown",  # a printed date without a label, in a date or byline element
    "htmldate_original",
    "url",  # /2023/11/08/ in the canonical address
    "htmldate_latest",
    "shown_modified",
    "jsonld_modified",
    "meta_modified",
    "time_modified",
)
_MODIFIED = frozenset(
    ("htmldate_latest", "shown_modified", "jsonld_modified", "meta_modified", "time_modified")
)
# Features besides one per source: where the day sits among the candidates, how many agree.
EXTRA_FEATURES = ("earliest", "latest", "sources")
FEATURES = SOURCES + EXTRA_FEATURES

# A day in an address: /2023/11/08/, -2019-10-18-, _20191018.
_URL_DATE = re.compile(
    r"[/_-]((?:19|20)\d\d)[/_.-]?(0[1-9]|1[0-2])[/_.-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
)
_ZONED = re.compile(r"T.*(?:Z|[+-]\d\d:?\d\d)$")
_TIMED = re.compile(r"T\d")
_LOCAL_ZONE = re.compile(r"T.*([+-])(\d\d):?(\d\d)$")
_UTC = re.compile(r"T(\d\d):\d\d(?::\d\d)?(?:Z|[+-]00:?00)$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One calendar day and the sources naming it, with the value each gave."""

    day: dt.date
    values: tuple[tuple[str, str], ...]  # (source, ISO value), in SOURCES order

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(source for source, _ in self.values)


def url_date(url: str | None) -> str | None:
    """Return the day written in an address (/2023/11/08/), else None."""
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    return parse_iso(f"{match[1]}-{match[2]}-{match[3]}")


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def candidates(signals: Mapping[str, str | None]) -> list[Candidate]:
    """Group the sources' values by the calendar day they name (see the module docstring
    for UTC stamps); earliest day first."""
    named: dict[dt.date, list[tuple[str, str]]] = {}
    in_utc: list[tuple[str, str, dt.date, int]] = []
    for source in SOURCES:
        value = signals.get(source)
        day = _day(value) if value else None
        if value is None or day is None:
            continue
        utc = _UTC.search(value)
        if utc is not None:
            in_utc.append((source, value, day, int(utc[1])))
        else:
            named.setdefault(day, []).append((source, value))
    for source, value, day, hour in in_utc:
        neighbour = day + dt.timedelta(days=-1 if hour < 12 else 1)
        if neighbour in named and day not in named:
            day = neighbour
        named.setdefault(day, []).append((source, value))
    order = {source: rank for rank, source in enumerate(SOURCES)}
    return [
        Candidate(day, tuple(sorted(values, key=lambda pair: order[pair[0]])))
        for day, values in sorted(named.items())
    ]


def features(candidate: Candidate, everyone: list[Candidate]) -> dict[str, float]:
    """Return the candidate's features: its sources, its rank in time, the agreement."""
    found = dict.fromkeys(candidate.sources, 1.0)
    found["earliest"] = float(candidate is everyone[0])
    found["latest"] = float(candidate is everyone[-1])
    found["sources"] = len(candidate.values) / 4
    return found


def score(candidate: Candidate, everyone: list[Candidate], weights: Mapping[str, float]) -> float:
    """Return the weighted sum of the candidate's features."""
    return sum(
        weights.get(name, 0.0) * value for name, value in features(candidate, everyone).items()
    )


def stamp(candidate: Candidate) -> str:
    """Return the most precise value a published source gave for the candidate's day: one
    with a time and a zone first, then one with a time, in source order. A value that is
    also a modified date ("Stand: 04.05.2023, 14:03") says when the page changed, so it
    gives only its day; so does a UTC stamp counted for the neighbouring day."""
    day = candidate.day.isoformat()
    changed = {value for source, value in candidate.values if source in _MODIFIED}
    usable = [
        value
        for source, value in candidate.values
        if source not in _MODIFIED and value.startswith(day) and value not in changed
    ]
    for wanted in (_ZONED, _TIMED):
        for value in usable:
            if wanted.search(value):
                return value
    if not usable:  # only UTC stamps of the next or previous day: shift to a shown zone
        return _shifted(candidate) or day
    return usable[0]


def _shifted(candidate: Candidate) -> str | None:
    """Return a UTC stamp of the candidate written in the zone another of its values gives
    ("…T05:57:50Z" beside "2019-11-19T22:01:00-08:00" -> "2019-11-19T21:57:50-08:00")."""
    zones = [z for _, v in candidate.values if (z := _LOCAL_ZONE.search(v)) is not None]
    if not zones:
        return None
    sign = -1 if zones[0][1] == "-" else 1
    offset = dt.timedelta(hours=sign * int(zones[0][2]), minutes=sign * int(zones[0][3]))
    for source, value in candidate.values:
        if source in _MODIFIED or _UTC.search(value) is None:
            continue
        try:
            instant = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        local = instant.astimezone(dt.timezone(offset))
        if local.date() == candidate.day:
            return local.isoformat(timespec="seconds")
    return None


def choose(signals: Mapping[str, str | None], weights: Mapping[str, float]) -> str | None:
    """Return the published value: the best-scoring day, printed as precisely as a source
    gave it; None when no source names a day. Ties go to the earlier day."""
    found = candidates(signals)
    if not found:
        return None
    best = max(found, key=lambda c: (score(c, found, weights), -c.day.toordinal()))
    return stamp(best)
