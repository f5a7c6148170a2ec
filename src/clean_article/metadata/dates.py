"""Parse printed and machine-readable dates in several languages into ISO 8601 strings.

Nothing here reads the clock: relative dates ("3 hours ago") resolve only against an
explicit reference date, and no time or zone is ever invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clean_article import lazy_re as re
from clean_article.metadata import vocab
from clean_article.metadata.folding import first_words, fold

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in vocab.MONTHS), key=len, reverse=True))
_MONTH = rf"(?P<mon>{_MONTH_ALT})\.?"
_TZ_ALT = "|".join(sorted(vocab.TZ_OFFSETS, key=len, reverse=True))

# Machine-readable timestamps (JSON-LD, meta, <time datetime>): "2019-11-19 02:33:49+0000".
_ISO = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*$")

# 18.11.2019, 11/19/19, 19-11-2019: day and month order resolved later
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d)"
)
# Printed dates, tried in this order; the earliest match in a text wins.
_DATE_PATTERNS = (
    # 2019-11-19 or 2016.12.01 or 2019/11/19: year first
    re.compile(r"(?<!\d)(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?!\d)"),
    # 2016年12月1日 (Chinese, Japanese) and 2016년 12월 1일 (Korean)
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})(?!\d)"),
    _NUMERIC_DATE,
    # October 1, 2024 / Nov. 19, 2019 / Tue, Nov 19 2019
    re.compile(
        rf"(?<![^\W\d_]){_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
        r"(?:(?!\d)|(?=\d{1,2}:\d{2}))",  # "Nov 20 20194:29 AM": a year glued to its time
        re.IGNORECASE,
    ),
    # 1 October 2024 / 25. September 2018 / 22 de outubro de 2010 / 20 Nov, 2019 / 1er octobre
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:\.|º|°|er|st|nd|rd|th)?\s*(?:de\s+)?{_MONTH}"
        rf"(?![^\W\d_]),?\s*(?:de\s+)?(?P<y>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
)

_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})(?:[:h.](?P<mi>\d{2}))(?::(?P<s>\d{2}))?(?![\d])"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    rf"(?:\s*,?\s*(?P<tz>{_TZ_ALT}|[ecmp]t)\b)?",
    re.IGNORECASE,
)
_MILITARY_TIME = re.compile(
    rf"(?<!\d)(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>{_TZ_ALT})\b", re.I
)
_RELATIVE = re.compile(
    r"(?P<n>\d{1,3}|an?|one|ein|einem|einer|un|une)\s+(?P<unit>[^\W\d_]+)\s+ago\b"
    r"|\bvor\s+(?P<n2>\d{1,3}|einem|einer)\s+(?P<unit2>[^\W\d_]+)"
    r"|\b(?:il y a|hace|há|fa)\s+(?P<n3>\d{1,3}|un|une)\s+(?P<unit3>[^\W\d_]+)",
    re.IGNORECASE,
)
_ONE_WORDS = frozenset({"a", "an", "one", "ein", "einem", "einer", "un", "une"})
# Prefilters: every printed pattern holds a digit, all but _NUMERIC_DATE ("11/19/19") four
# in a row (the year), and a date opening a text starts with a digit or a month name.
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
_SHORT_YEAR_PATTERNS = (_NUMERIC_DATE,)
_DATE_START = re.compile(rf"\d|{_MONTH_ALT}", re.IGNORECASE)

# How far (characters) a printed time may sit from its date and still belong to it.
_TIME_WINDOW = 30


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in a text: its ISO value and where it sits."""

    value: str
    start: int
    end: int


def _offset(text: str) -> str | None:
    """Return a "+HH:MM" offset for a numeric or Z zone designator."""
    if not text:
        return None
    if text.upper() == "Z":
        return "Z"
    sign, digits = text[0], text[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    if len(digits) != 4 or int(digits[:2]) > 14:
        return None
    return f"{sign}{digits[:2]}:{digits[2:]}"


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:  # 0001-01-01 placeholders (bench 65ce3a45) are no dates
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_iso(value: object) -> str | None:
    """Return `value` as normalised ISO 8601 if it is a machine-readable date, else None."""
    if not isinstance(value, str):
        return None
    match = _ISO.match(value) or _COMPACT.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = match.groups()[:6]
    date = _valid(int(year), int(month), int(day))
    if date is None:
        return None
    if hour is None or int(hour) > 23 or int(minute) > 59:
        return date.isoformat()
    stamp = f"{date.isoformat()}T{int(hour):02d}:{minute}:{second or '00'}"
    zone = _offset(match.group(7)) if len(match.groups()) > 6 and match.group(7) else None
    return stamp + (zone or "")


def _us_dst(date: dt.date) -> bool:
    """Return whether US daylight saving time applies on `date` (second Sunday of March
    to first Sunday of November)."""
    march = dt.date(date.year, 3, 8)
    start = march + dt.timedelta(days=(6 - march.weekday()) % 7)
    november = dt.date(date.year, 11, 1)
    end = november + dt.timedelta(days=(6 - november.weekday()) % 7)
    return start <= date < end


def _zone(name: str | None, date: dt.date) -> str | None:
    if not name:
        return None
    key = name.lower()
    if key in ("et", "ct", "mt", "pt"):  # US zone without S/D: resolve by the date
        base = {"et": -300, "ct": -360, "mt": -420, "pt": -480}[key]
        minutes = base + (60 if _us_dst(date) else 0)
    elif key in vocab.TZ_OFFSETS:
        minutes = vocab.TZ_OFFSETS[key]
    else:
        return None
    if minutes == 0:
        return "+00:00"
    sign = "+" if minutes > 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _numeric_day_month(a: int, b: int, sep: str) -> tuple[int, int]:
    """Order two numbers as (month, day): unambiguous values decide, else the separator
    does ("/" is month-first as on US pages, "." and "-" are day-first)."""
    if a > 12 >= b:
        return b, a
    if b > 12 >= a:
        return a, b
    return (a, b) if sep == "/" else (b, a)


def _date_from(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if groups.get("mon"):
        month = vocab.MONTHS.get(groups["mon"].lower().rstrip("."))
        if month is None:
            return None
        return _valid(year, month, int(groups["d"]))
    if groups.get("a"):
        month, day = _numeric_day_month(int(groups["a"]), int(groups["b"]), groups["sep"])
        return _valid(year, month, day)
    return _valid(year, int(groups["m"]), int(groups["d"]))


def _find_time(text: str, start: int, end: int, date: dt.date) -> str:
    """Return "THH:MM:SS[zone]" for a printed time next to the date at text[start:end]."""
    window_start = max(0, start - _TIME_WINDOW)
    after = text[end : end + _TIME_WINDOW]
    before = text[window_start:start]
    for chunk in (after, before):
        match = _TIME.search(chunk)
        if match is None or (chunk is before and _TIME.search(after) is not None):
            continue
        hour, minute = int(match["h"]), int(match["mi"])
        if match["ampm"]:
            hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
        if hour > 23 or minute > 59:
            continue
        stamp = f"T{hour:02d}:{minute:02d}:{match['s'] or '00'}"
        return stamp + (_zone(match["tz"], date) or "")
    military = _MILITARY_TIME.search(text, window_start, end + _TIME_WINDOW)
    if military is not None:
        stamp = f"T{military['h']}:{military['mi']}:00"
        return stamp + (_zone(military["tz"], date) or "")
    return ""


def find_date(text: str, reference_date: dt.date | None = None) -> DateMatch | None:
    """Return the first printed date in `text` (with its time and zone when printed next to
    it), or a relative date resolved against `reference_date`."""
    if _DIGIT.search(text) is None:
        return _relative(text, reference_date)
    best: tuple[re.Match[str], dt.date] | None = None
    patterns = _DATE_PATTERNS if _FOUR_DIGITS.search(text) else _SHORT_YEAR_PATTERNS
    for pattern in patterns:
        for match in pattern.finditer(text):
            date = _date_from(match)
            if date is not None:
                if best is None or match.start() < best[0].start():
                    best = (match, date)
                break
    if best is not None:
        match, date = best
        value = date.isoformat() + _find_time(text, match.start(), match.end(), date)
        return DateMatch(value, match.start(), match.end())
    return _relative(text, reference_date)


def may_hold_date(text: str, reference_date: dt.date | None = None) -> bool:
    """Return False when no date can be read from `text` (a cheap test): every printed date
    holds a digit, and a relative one ("an hour ago") needs a reference date."""
    return reference_date is not None or _DIGIT.search(text) is not None


def leading_date(text: str) -> DateMatch | None:
    """Return the printed date `text` opens with ("11/19/2019 by …"), else None."""
    if _DIGIT.search(text) is None or _DATE_START.match(text) is None:
        return None
    found = find_date(text)
    return found if found is not None and found.start == 0 else None


def _relative(text: str, reference_date: dt.date | None) -> DateMatch | None:
    if reference_date is None:
        return None
    match = _RELATIVE.search(text)
    if match is None:
        return None
    number = match["n"] or match["n2"] or match["n3"]
    unit = (match["unit"] or match["unit2"] or match["unit3"]).lower()
    if unit not in vocab.RELATIVE_UNITS:
        return None
    count = 1 if number.lower() in _ONE_WORDS else int(number)
    days = vocab.RELATIVE_UNITS[unit] * count
    date = reference_date - dt.timedelta(days=days)
    return DateMatch(date.isoformat(), match.start(), match.end())


def _label_pattern(labels: tuple[str, ...]) -> str:
    return "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))


# A label may follow a digit without a space ("2024last updated", bench bs4-glued dumps).
_LABELS = re.compile(
    rf"(?<![^\W\d_])(?:(?P<mod>{_label_pattern(vocab.MODIFIED_LABELS)})"
    rf"|(?P<pub>{_label_pattern(vocab.PUBLISHED_LABELS)}))(?![^\W\d_])\s*:?",
    re.IGNORECASE,
)


# Prefilter for _LABELS, searched in folded text.
_LABEL_WORDS = first_words((*vocab.MODIFIED_LABELS, *vocab.PUBLISHED_LABELS))


@dataclass(frozen=True, slots=True)
class LabelledDates:
    """Dates found in one text: after a published label, a modified label, or no label."""

    published: str | None = None
    modified: str | None = None
    unlabelled: str | None = None


def find_labelled_dates(text: str, reference_date: dt.date | None = None) -> LabelledDates:
    """Split `text` at date labels and parse the date that follows each label."""
    labels = list(_LABELS.finditer(text))
    published = modified = unlabelled = None
    head_end = labels[0].start() if labels else len(text)
    head = find_date(text[:head_end], reference_date)
    if head is not None:
        unlabelled = head.value
    for number, label in enumerate(labels):
        end = labels[number + 1].start() if number + 1 < len(labels) else len(text)
        found = find_date(text[label.end() : end], reference_date)
        if found is None:
            continue
        if label["mod"] and modified is None:
            modified = found.value
        elif label["pub"] and published is None:
            published = found.value
    return LabelledDates(published, modified, unlabelled)


def first_label_start(text: str) -> int | None:
    """Return where the first published or modified label starts in `text`, else None."""
    match = _LABELS.search(text)
    return match.start() if match is not None else None


def has_date_label(text: str) -> bool:
    """Return whether `text` contains a published or modified label."""
    return _LABEL_WORDS.search(fold(text)) is not None and _LABELS.search(text) is not None


def date_keys(value: str | None) -> frozenset[dt.date]:
    """Return the calendar dates an ISO value may stand for (local, and UTC when zoned)."""
    if not value:
        return frozenset()
    match = _ISO.match(value)
    if match is None:
        return frozenset()
    year, month, day, hour, minute, _, zone = match.groups()
    local = _valid(int(year), int(month), int(day))
    if local is None:
        return frozenset()
    keys = {local}
    offset = _offset(zone) if zone else None
    if hour is not None and offset:
        minutes = 0
        if offset != "Z":
            minutes = int(offset[1:3]) * 60 + int(offset[4:6])
            minutes = -minutes if offset[0] == "-" else minutes
        stamp = dt.datetime(local.year, local.month, local.day, int(hour), int(minute))
        keys.add((stamp - dt.timedelta(minutes=minutes)).date())
    return frozenset(keys)


def agree(first: str | None, second: str | None) -> bool:
    """Return whether two ISO values can name the same calendar day."""
    return bool(date_keys(first) & date_keys(second))
