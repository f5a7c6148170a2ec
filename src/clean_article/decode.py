"""Decode and sniff: raw bytes -> Source (text, HTML or text dump, encoding, hash)."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import re
import zlib

from clean_article.errors import InputError
from clean_article.model import Options, Source, SourceFormat

# Gunzipped inputs larger than this are refused: a real page is far smaller, a bomb is not.
MAX_INPUT_BYTES = 64 * 1024 * 1024
# Share of control bytes above which an input is taken for binary data, not a page.
MAX_CONTROL_SHARE = 0.10
# A UTF-8 input with at most this share of broken bytes, and at least this many well-formed
# non-ASCII characters per broken one, is read as UTF-8 (broken bytes become U+FFFD).
MAX_BROKEN_UTF8_SHARE = 0.02
MIN_GOOD_PER_BROKEN = 10
# How far into the document the <meta charset> and the HTML sniffing look.
SNIFF_BYTES = 4096

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
# Tags that only an HTML document starts with or is made of.
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|br|table|li|ul|script|style|meta|link|section|article)\b[^>]*>",
    re.I,
)
# A text dump taken from a page may quote a few tags; a page is made of them.
MIN_HTML_TAGS = 8
# C0 controls other than \t \n \v \f \r, DEL and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Common Crawl WET records start with a WARC header block.
_WARC_HEADER = re.compile(r"\AWARC/\d\.\d\r?\n(?:[^\r\n]+\r?\n)*\r?\n")


def decode(data: bytes | str, *, name: str | None = None, options: Options | None = None) -> Source:
    """Return the decoded Source of `data`, raising InputError with a remedy when it is not text."""
    options = options or Options()
    if isinstance(data, str):
        # Lone surrogates cannot be written as UTF-8: they become "?" here, once.
        raw = data.encode("utf-8", "replace")
        text, encoding = raw.decode("utf-8"), "utf-8"
    else:
        raw = _gunzip(data)
        if not raw.strip():
            raise InputError("is empty: nothing to clean")
        text, encoding = _decode_bytes(raw, options.encoding)
    if not text.strip():
        raise InputError("is empty: nothing to clean")
    _refuse_binary(text)
    text = _WARC_HEADER.sub("", text.lstrip("\ufeff"), count=1)
    fmt = options.input_format or sniff_format(text)
    return Source(
        name=name,
        format=fmt,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        encoding=encoding,
    )


def sniff_format(text: str) -> SourceFormat:
    """Tell an HTML page from a text dump by how it starts and how many tags it holds."""
    head = text[: SNIFF_BYTES * 4]
    if _HTML_START.match(head):
        return SourceFormat.HTML
    if head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= MIN_HTML_TAGS:
        return SourceFormat.HTML
    return SourceFormat.TEXT


def _gunzip(data: bytes) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        out = gzip.GzipFile(fileobj=io.BytesIO(data)).read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"is a damaged gzip file ({exc}): re-download or gunzip it") from None
    if len(out) > MAX_INPUT_BYTES:
        raise InputError(f"unpacks to more than {MAX_INPUT_BYTES >> 20} MiB: not a single page")
    return out


def _decode_bytes(raw: bytes, forced: str | None) -> tuple[str, str]:
    if forced:
        try:
            return raw.decode(forced), forced
        except LookupError:
            raise InputError(f"unknown encoding {forced!r}: pass a valid --encoding") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot decode as {forced} ({exc.reason}): pass another --encoding"
            ) from None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                break
    declared = _declared_charset(raw[:SNIFF_BYTES])
    for codec in filter(None, (declared, "utf-8")):
        try:
            return raw.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    lenient = _mostly_utf8(raw)
    if lenient is not None:
        return lenient, "utf-8"
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte, so decoding ends here.
        return raw.decode("latin-1"), "latin-1"


def _mostly_utf8(raw: bytes) -> str | None:
    """Return `raw` as UTF-8 with U+FFFD for stray bytes when it is UTF-8 with a few broken bytes.

    cp1252 text never forms valid multi-byte sequences, so it fails the test; a UTF-8 page with
    a truncated character or two (common in scraped and re-rendered pages) passes it.
    """
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    if bad <= MAX_BROKEN_UTF8_SHARE * len(text) and good >= MIN_GOOD_PER_BROKEN * bad:
        return text
    return None


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Pages that declare Latin-1 are nearly always cp1252 (the WHATWG encoding standard agrees).
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def _refuse_binary(text: str) -> None:
    sample = text[: SNIFF_BYTES * 2]
    # C0 controls other than white space, and C1 controls: text never has many, binary data does
    # (random bytes decoded as Latin-1 hold about 23% of them).
    controls = len(_CONTROL.findall(sample))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise InputError("looks like binary data, not an HTML page or a text dump: pass a page")
