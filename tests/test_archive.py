"""Web archives as a library: records found, decoded, skipped with a reason, truncation caught."""

from __future__ import annotations

import datetime as dt
import io
import pickle
import sys
from collections.abc import Callable

import pytest

from clean_article import Options, SourceFormat
from clean_article.archive import (
    ArchiveError,
    MissingExtraError,
    Record,
    Skipped,
    clean_archive,
    clean_record,
    is_archive,
    iter_records,
)

from .conftest import SEED
from .warcs import crawl, gzip_each, gzip_whole, record, wet

PACKINGS: dict[str, Callable[[list[bytes]], bytes]] = {
    "plain": b"".join,
    "gzip per record": gzip_each,
    "gzip whole file": gzip_whole,
}


@pytest.mark.parametrize("pack", PACKINGS.values(), ids=PACKINGS.keys())
def test_every_packing_gives_the_same_records(pack: Callable[[list[bytes]], bytes]) -> None:
    items = list(iter_records(io.BytesIO(pack(crawl()))))
    assert [type(item).__name__ for item in items] == [
        "Skipped",
        "Skipped",
        "Record",
        "Skipped",
        "Skipped",
        "Skipped",
        "Record",
        "Skipped",
    ]
    reasons = [item.reason for item in items if isinstance(item, Skipped)]
    assert reasons == ["warcinfo", "request", "HTTP 404", "not HTML", "not HTML", "metadata"]


def test_http_encodings_are_undone_and_the_header_charset_is_used() -> None:
    koeln, harbour = (
        i for i in iter_records(io.BytesIO(gzip_each(crawl()))) if isinstance(i, Record)
    )
    # Chunked, then gzip, in Latin-1: the payload is the page itself.
    assert (
        koeln.payload.startswith(b"<!doctype html>") and "Köln".encode("latin-1") in koeln.payload
    )
    assert koeln.charset == "ISO-8859-1" and koeln.format is SourceFormat.HTML
    assert harbour.payload.startswith(b"<!doctype html>")  # deflate
    article = clean_record(koeln)
    assert article.metadata.title == "Grüße aus Köln"
    assert "Die Straßen sind voller Leute" in article.text.replace("die Straßen", "Die Straßen")


def test_articles_carry_the_record_fields_in_source() -> None:
    articles = list(clean_archive(io.BytesIO(gzip_whole(crawl())), name="crawl.warc.gz"))
    sources = [a.to_dict()["source"] for a in articles]
    assert [(s["url"], s["record_id"], s["warc_date"], s["name"]) for s in sources] == [
        ("https://news.example/koeln", "<urn:uuid:koeln>", "2024-10-03T08:00:00Z", "crawl.warc.gz"),
        (
            "https://news.example/harbour",
            "<urn:uuid:harbour>",
            "2024-10-04T10:30:00Z",
            "crawl.warc.gz",
        ),
    ]
    assert "Contact us" not in articles[1].text and "harbour reopened" in articles[1].text


def _dated_dump(headline: str) -> str:
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("Mark Rutte takes over as NATO chief", headline)
    return text.replace(
        "Published October 1, 2024last updated October 1, 2024", "Published 2 days ago"
    )


def test_wet_conversion_records_are_separate_text_dumps_dated_by_the_capture() -> None:
    dumps = [
        ("https://dw.example/a", _dated_dump("Rutte takes charge of the alliance")),
        ("https://dw.example/b", _dated_dump("Stoltenberg hands over after ten years")),
    ]
    articles = list(clean_archive(io.BytesIO(gzip_each(wet(dumps)))))
    assert [a.metadata.title for a in articles] == [
        "Rutte takes charge of the alliance",
        "Stoltenberg hands over after ten years",
    ]
    assert all(a.source_format is SourceFormat.TEXT for a in articles)
    # "2 days ago" against the WARC-Date 2024-10-03; nothing else knows the day.
    assert [a.metadata.dates.published for a in articles] == ["2024-10-01", "2024-10-01"]
    assert (
        "Rutte takes charge of the alliance" not in articles[1].text
    )  # records are not glued together
    # An explicit reference date wins over the capture date.
    forced = Options(reference_date=dt.date(2024, 12, 10))
    assert (
        next(clean_archive(io.BytesIO(b"".join(wet(dumps))), forced)).metadata.dates.published
        == "2024-12-08"
    )


@pytest.mark.parametrize("pack", PACKINGS.values(), ids=PACKINGS.keys())
def test_a_truncated_archive_raises_after_the_good_records(
    pack: Callable[[list[bytes]], bytes],
) -> None:
    data = pack(crawl()[:7])  # ends with the second HTML page
    cut = data[: len(data) - 30]
    seen: list[Record | Skipped] = []
    with pytest.raises(ArchiveError, match="truncated") as caught:
        for item in iter_records(io.BytesIO(cut)):
            seen.append(item)
    assert [i.record_id for i in seen if isinstance(i, Record)] == ["<urn:uuid:koeln>"]
    assert "re-download" in str(caught.value)


def test_every_cut_of_a_plain_archive_is_reported_or_loses_nothing() -> None:
    data = b"".join(crawl()[:3])
    complete = [i.record_id for i in iter_records(io.BytesIO(data))]
    for size in range(1, len(data)):
        got: list[str | None] = []
        try:
            got.extend(i.record_id for i in iter_records(io.BytesIO(data[:size])))
        except ArchiveError:
            continue
        # Only a cut in the blank lines between two records goes unnoticed: no record is short.
        assert got == complete[: len(got)], size
        tail = data[size:]
        assert tail.lstrip(b"\r\n").startswith(b"WARC/1.0") or not tail.strip(), size


def test_a_record_claiming_more_bytes_than_it_has_is_truncated() -> None:
    good = record("response", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>")
    cut = good.replace(b"Content-Length: ", b"Content-Length: 9")  # 9 followed by the real digits
    with pytest.raises(ArchiveError):
        list(iter_records(io.BytesIO(cut)))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", True),
        (b"WARC/1.1\r\n", True),
        (gzip_each([record("warcinfo", b"x")])[:64], True),
        (gzip_whole([record("warcinfo", b"x")]), True),
        (b"<!doctype html><html>", False),
        (b"WARC is a file format\n", False),
        (b"\x1f\x8b\x08garbage", False),
        (b"", False),
    ],
)
def test_archives_are_told_by_their_content(head: bytes, expected: bool) -> None:
    assert is_archive(head) is expected


def test_without_warcio_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'clean-article\[warc\]'"):
        list(iter_records(io.BytesIO(b"".join(crawl()))))


def test_records_and_clean_record_travel_to_workers() -> None:
    item = next(i for i in iter_records(io.BytesIO(b"".join(crawl()))) if isinstance(i, Record))
    again = pickle.loads(pickle.dumps(item))
    assert again == item
    assert pickle.loads(pickle.dumps(clean_record)) is clean_record
    assert clean_record(again).to_dict() == clean_record(item).to_dict()


def test_clean_refuses_a_whole_archive_instead_of_gluing_its_records() -> None:
    from clean_article import clean
    from clean_article.errors import InputError

    dumps = [("https://dw.example/a", SEED.read_text()), ("https://dw.example/b", SEED.read_text())]
    with pytest.raises(InputError, match="clean_archive"):
        clean(gzip_each(wet(dumps)))
    # One record alone is still one page (its header dropped).
    single = wet(dumps[:1])[1]
    assert clean(single).metadata.title == "Mark Rutte takes over as NATO chief"
