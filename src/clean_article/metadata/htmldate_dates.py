"""htmldate's reading of a page's dates, with explicit bounds so the clock never decides.

htmldate (installed with trafilatura) looks at the header, JSON data, date elements, the
address and the free text. Left to its defaults it bounds dates by today's date; here the
upper bound is the caller's reference date, else a fixed far-future day, so the same bytes
always give the same date.
"""

from __future__ import annotations

import datetime as dt
import logging

from lxml import html as lxml_html

from clean_article.metadata.dates import parse_iso
from clean_article.model import Options

# htmldate's own lower bound (the web before 1995 dated little); the upper one when no
# reference date is given: far enough to accept any real page, fixed for determinism.
EARLIEST = dt.datetime(1995, 1, 1)
LATEST = dt.datetime(2099, 12, 31, 23, 59, 59)
_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_MIDNIGHT = "T00:00:00"  # what htmldate prints for a day without a time

# htmldate logs parse failures at ERROR level; a library must not print them.
logging.getLogger("htmldate").addHandler(logging.NullHandler())


def warm_up() -> None:
    """Load the tables of htmldate's fallback parser (dateparser).

    Its first call reads every locale's tables: about 2.4 s of CPU on an idle machine, paid once
    per process by the first page whose date only it can read. A batch pays it once, before its
    workers fork; the result of this call is thrown away.
    """
    from htmldate.extractors import get_external_parser

    get_external_parser().get_date_data("12. März 2021")


def htmldate_date(tree: lxml_html.HtmlElement, options: Options, *, original: bool) -> str | None:
    """Return htmldate's original (published) or latest (modified) date as ISO 8601."""
    from htmldate import find_date  # imported on first use: text dumps never need it

    latest = LATEST
    if options.reference_date is not None:
        latest = dt.datetime.combine(options.reference_date, dt.time(23, 59, 59))
    try:
        value = find_date(
            tree,
            extensive_search=True,
            original_date=original,
            outputformat=_FORMAT,
            min_date=EARLIEST,
            max_date=latest,
        )
    except (ValueError, TypeError, AttributeError, OverflowError):
        return None
    if not value:
        return None
    return parse_iso(value.removesuffix(_MIDNIGHT))
