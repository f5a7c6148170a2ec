"""Web archives (WARC, WET): find the pages among the records and clean each one as it streams by.

A WARC `response` record with an HTML payload is cleaned as HTML (HTTP headers parsed, chunked
transfer and gzip/deflate/br content encodings undone by warcio, the header's charset passed as a
hint); a WET `conversion` record is cleaned as a text dump. Every other record is skipped with a
reason. Nothing holds more than one record: a 1 GB archive streams through in constant memory.

warcio is an optional extra (`pip install 'clean-article[warc]'`), imported only when an archive
is read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from clean_article.errors import InputError
from clean_article.model import Article, Options, SourceFormat
from clean_article.pipeline import clean

# What an archive starts with, after an optional gunzip (WARC 1.0 and 1.1; WET files are WARC).
WARC_MAGIC = b"WARC/1."
# Bytes a sniffer needs: the gzip header and the first bytes it unpacks to.
SNIFF_BYTES = 512
# A record payload larger than this is no single page (it matches decode.MAX_INPUT_BYTES).
MAX_PAYLOAD_BYTES = 64 * 1024 * 1024
EXTRA_REMEDY = "pip install 'clean-article[warc]'"
# Payload media types that are pages. Anything else (images, robots.txt, PDFs, JSON) is skipped.
HTML_TYPES = ("text/html", "application/xhtml+xml")
# WET conversion records are UTF-8 text; "text/plain" is what Common Crawl writes.
TEXT_TYPES = ("text/plain",)
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.I)
_READ_BLOCK = 1 << 16


class ArchiveError(InputError):
    """The archive is damaged or truncated; the records before the damage were delivered."""


class _StreamEnded(Exception):
    """The raw stream ended inside a gzip member (raised through warcio, which swallows EOFError)."""


class MissingExtraError(InputError):
    """An archive was given but warcio, the optional reader, is not installed."""


class Readable(Protocol):
    """Anything with read(): an open file, stdin's buffer, a socket's file, an fsspec file."""

    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Record:
    """One archived page: its payload (HTTP decoded) and where and when it was captured."""

    payload: bytes
    format: SourceFormat  # HTML for a response, TEXT for a WET conversion
    url: str | None  # WARC-Target-URI
    record_id: str | None  # WARC-Record-ID
    warc_date: str | None  # WARC-Date, as given
    charset: str | None = None  # from the HTTP Content-Type header


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that is not a page, and why (the reason is a short, countable label)."""

    reason: str
    record_id: str | None = None


def is_archive(head: bytes) -> bool:
    """Tell from the first bytes of a file (gzipped or not) whether it is a WARC or WET archive."""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def iter_records(stream: Readable) -> Iterator[Record | Skipped]:
    """Yield each record of an archive stream (gzipped per record, as a whole, or plain) in order.

    Raises ArchiveError where the archive is truncated or damaged, after the records before it;
    MissingExtraError when warcio is not installed.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
        from warcio.statusandheaders import StatusAndHeadersParserException
    except ImportError:
        raise MissingExtraError(
            f"is a WARC/WET archive, which needs the optional reader: {EXTRA_REMEDY}"
        ) from None
    records = ArchiveIterator(_Gunzip(stream))
    count = 0
    try:
        for warc in records:
            if getattr(warc.raw_stream, "limit", None) is None:
                raise ValueError("a record without Content-Length")
            item = _read(warc)
            if _short(warc):
                raise ArchiveError(_truncated(count))
            count += 1
            yield item
        # warcio ends quietly where a record's header block is cut short; it has read that
        # header's first line, though, or found no record at all.
        if records.next_line or count == 0:
            raise ArchiveError(_truncated(count))
    except _StreamEnded:
        raise ArchiveError(_truncated(count)) from None
    # warcio meets a header block cut short with ArchiveLoadFailed, a parser error or, when the
    # cut drops WARC-Target-URI, an AttributeError.
    except (ArchiveLoadFailed, StatusAndHeadersParserException, AttributeError) as exc:
        raise ArchiveError(_damaged(count, exc)) from None
    except (ValueError, zlib.error) as exc:
        raise ArchiveError(_damaged(count, exc)) from None


def clean_record(
    record: Record, options: Options | None = None, name: str | None = None
) -> Article:
    """Clean one archived page: its capture date resolves relative dates unless options give one.

    Pure like clean(): the record's fields go into the article's `source`, nothing else is read.
    """
    options = options or Options()
    captured = _capture_day(record.warc_date)
    options = dataclasses.replace(
        options,
        reference_date=options.reference_date or captured,
        charset_hint=record.charset,
        input_format=options.input_format or record.format,
    )
    article = clean(record.payload, name=name, options=options)
    return dataclasses.replace(
        article, source_url=record.url, record_id=record.record_id, warc_date=record.warc_date
    )


def clean_archive(
    stream: Readable, options: Options | None = None, name: str | None = None
) -> Iterator[Article]:
    """Yield the article of each page record in `stream`, in order; other records are passed over.

    A record whose payload is not a page (empty, binary) is passed over too; a truncated archive
    raises ArchiveError after the articles before the damage.
    """
    for item in iter_records(stream):
        if isinstance(item, Record):
            try:
                yield clean_record(item, options, name)
            except InputError:
                continue


def _read(warc: Any) -> Record | Skipped:
    """Turn one warcio record into a Record, or a Skipped with the reason."""
    headers = warc.rec_headers
    kind = warc.rec_type
    record_id = headers.get_header("WARC-Record-ID")
    if kind == "conversion":
        media, charset = _media_type(headers.get_header("Content-Type") or "text/plain")
        fmt = SourceFormat.TEXT
        if media not in TEXT_TYPES:
            return _skip(warc, f"conversion to {media or 'unknown type'}", record_id)
    elif kind in ("response", "resource"):
        http = warc.http_headers
        if http is not None and kind == "response":
            status = http.get_statuscode() or "?"
            if not status.startswith("2"):
                return _skip(warc, f"HTTP {status}", record_id)
            media, charset = _media_type(http.get_header("Content-Type") or "")
        else:
            media, charset = _media_type(headers.get_header("Content-Type") or "")
        fmt = SourceFormat.HTML
        if media not in HTML_TYPES:
            return _skip(warc, "not HTML", record_id)
    else:
        return _skip(warc, str(kind), record_id)
    payload = warc.content_stream().read(MAX_PAYLOAD_BYTES + 1)
    if len(payload) > MAX_PAYLOAD_BYTES:
        return _skip(warc, "too large", record_id)
    _drain(warc)
    return Record(
        payload=payload,
        format=fmt,
        url=headers.get_header("WARC-Target-URI"),
        record_id=record_id,
        warc_date=headers.get_header("WARC-Date"),
        charset=charset,
    )


def _short(warc: Any) -> bool:
    """Tell whether the record ended before its Content-Length: warcio hands it out regardless."""
    declared = warc.rec_headers.get_header("Content-Length") or ""
    return warc.raw_stream.limit > 0 or not declared.isdigit() or int(declared) != warc.length


def _skip(warc: Any, reason: str, record_id: str | None) -> Skipped:
    _drain(warc)
    return Skipped(reason, record_id)


def _drain(warc: Any) -> None:
    """Read the rest of the record's raw bytes, so a truncated one shows as such."""
    while warc.raw_stream.read(_READ_BLOCK):
        pass


def _media_type(content_type: str) -> tuple[str, str | None]:
    """Split a Content-Type header into its lower-case media type and its charset, if any."""
    media = content_type.split(";", 1)[0].strip().lower()
    match = _CHARSET.search(content_type)
    return media, match.group(1) if match else None


def _capture_day(warc_date: str | None) -> dt.date | None:
    if not warc_date:
        return None
    try:
        return dt.date.fromisoformat(warc_date[:10])
    except ValueError:
        return None


def _damaged(count: int, exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    why = lines[0] if lines else type(exc).__name__
    return f"is truncated or damaged after record {count} ({why}): re-download it"


def _truncated(count: int) -> str:
    return (
        f"is truncated in record {count + 1}: re-download it (the records before it were cleaned)"
    )


class _Gunzip:
    """A read-only stream that gunzips its source if it is gzipped (per record or as a whole).

    gzip.GzipFile would raise on a truncated file before handing out the data it could unpack,
    and warcio would take that for a clean end: this hands out every byte, then raises.
    """

    def __init__(self, raw: Readable) -> None:
        self._raw = raw
        self._head = raw.read(2)
        self._unzip: Any = zlib.decompressobj(wbits=31) if self._head == b"\x1f\x8b" else None
        self._done = False

    def read(self, size: int = -1) -> bytes:
        if self._unzip is None:
            head, self._head = self._head, b""
            if size < 0:
                return head + self._raw.read()
            return head + self._raw.read(max(0, size - len(head)))
        want = _READ_BLOCK if size < 0 else max(size, 1)
        while not self._done:
            chunk = self._next_input()  # first: it may start the next member's decompressor
            data = self._unzip.decompress(chunk, want)
            if data:
                return data
        return b""

    def _next_input(self) -> bytes:
        if self._unzip.unconsumed_tail:
            return bytes(self._unzip.unconsumed_tail)
        if self._unzip.eof:  # a member ended: the next one (if any) starts in unused_data
            rest = self._unzip.unused_data or self._raw.read(_READ_BLOCK)
            if not rest:
                self._done = True
                return b""
            self._unzip = zlib.decompressobj(wbits=31)
            return bytes(rest)
        head, self._head = self._head, b""
        chunk = head + self._raw.read(_READ_BLOCK)
        if not chunk:
            raise _StreamEnded
        return chunk
