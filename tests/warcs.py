"""Build small WARC and WET archives byte by byte, so the tests own every header and encoding."""

from __future__ import annotations

import gzip
import zlib

DATE = "2024-10-03T08:00:00Z"


def record(
    kind: str,
    block: bytes,
    *,
    uri: str = "https://news.example/story",
    record_id: str = "<urn:uuid:00000000-0000-0000-0000-000000000001>",
    content_type: str = "application/http; msgtype=response",
    date: str = DATE,
) -> bytes:
    """Return one WARC record: its header block, its content and the two closing CRLFs."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
        f"WARC-Record-ID: {record_id}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("ascii") + block + b"\r\n\r\n"


def http_response(
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    chunked: bool = False,
    encoding: str | None = None,
) -> bytes:
    """Return an HTTP response as a crawler stores it, optionally compressed and chunked."""
    headers = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}"]
    if encoding == "gzip":
        body = gzip.compress(body, mtime=0)
    elif encoding == "deflate":
        body = zlib.compress(body)
    if encoding:
        headers.append(f"Content-Encoding: {encoding}")
    if chunked:
        headers.append("Transfer-Encoding: chunked")
        pieces = [body[i : i + 50] for i in range(0, len(body), 50)]
        body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"
    return ("\r\n".join(headers) + "\r\n\r\n").encode("ascii") + body


def gzip_each(records: list[bytes]) -> bytes:
    """Return the records gzipped one member per record, as Common Crawl ships them."""
    return b"".join(gzip.compress(r, mtime=0) for r in records)


def gzip_whole(records: list[bytes]) -> bytes:
    """Return the records gzipped as one stream, as `gzip file.warc` leaves them."""
    return gzip.compress(b"".join(records), mtime=0)


def page(title: str, paragraph: str) -> str:
    """Return a small news page whose body a cleaner keeps."""
    body = "".join(
        f"<p>{paragraph} Sentence number {i} adds some more words.</p>" for i in range(6)
    )
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>"
    )


def crawl() -> list[bytes]:
    """A small crawl: a warcinfo, a request, two HTML pages (one Latin-1, chunked and gzipped),
    a 404, robots.txt, an image and a metadata record."""
    latin = page("Grüße aus Köln", "Der Dom in Köln ist groß und die Straßen sind voller Leute.")
    return [
        record("warcinfo", b"software: tests\r\n", content_type="application/warc-fields"),
        record("request", b"GET /story HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        record(
            "response",
            http_response(
                latin.encode("latin-1"),
                content_type="text/html; charset=ISO-8859-1",
                chunked=True,
                encoding="gzip",
            ),
            uri="https://news.example/koeln",
            record_id="<urn:uuid:koeln>",
        ),
        record(
            "response",
            http_response(b"<html><body>Not found</body></html>", status="404 Not Found"),
            record_id="<urn:uuid:missing>",
        ),
        record(
            "response",
            http_response(b"User-agent: *\nDisallow:\n", content_type="text/plain"),
            uri="https://news.example/robots.txt",
            record_id="<urn:uuid:robots>",
        ),
        record(
            "response",
            http_response(b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"),
            record_id="<urn:uuid:image>",
        ),
        record(
            "response",
            http_response(
                page("Harbour reopens", "The harbour reopened on Monday after the storm.").encode(),
                encoding="deflate",
            ),
            uri="https://news.example/harbour",
            record_id="<urn:uuid:harbour>",
            date="2024-10-04T10:30:00Z",
        ),
        record("metadata", b"fetchTimeMs: 12\r\n", content_type="application/warc-fields"),
    ]


def wet(dumps: list[tuple[str, str]]) -> list[bytes]:
    """A WET file: a warcinfo, then one conversion record per (uri, text dump)."""
    records = [record("warcinfo", b"software: tests\r\n", content_type="application/warc-fields")]
    for n, (uri, text) in enumerate(dumps):
        records.append(
            record(
                "conversion",
                text.encode("utf-8"),
                uri=uri,
                record_id=f"<urn:uuid:wet-{n}>",
                content_type="text/plain",
            )
        )
    return records
