"""Decode and sniff: raw bytes -> Source (text, HTML or text dump, encoding, hash)."""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import zlib

from clean_article import charset
from clean_article.errors import InputError, too_large
from clean_article.model import Options, Source, SourceFormat

# Share of control characters above which an input is taken for binary data, not a page.
MAX_CONTROL_SHARE = 0.10
# Share of C0 control bytes (NUL included, white space and ESC not) above which an input is
# binary: random bytes hold about 10%, text in any ASCII-based encoding none.
MAX_CONTROL_BYTE_SHARE = 0.04
# A UTF-8 input with at most this share of broken bytes, and at least this many well-formed
# non-ASCII characters per broken one, is read as UTF-8 (broken bytes become U+FFFD).
MAX_BROKEN_UTF8_SHARE = 0.02
# Legacy CJK text read as UTF-8 forms a few valid sequences by chance (one per five broken ones).
MIN_GOOD_PER_BROKEN = 3
# How far into the document the <meta charset> and the HTML sniffing look.
SNIFF_BYTES = charset.DECLARATION_BYTES

# Files that are not pages, by how they start: refused with their name, whatever their bytes.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    *((b"BZh%d1AY&SY" % level, "a bzip2 file") for level in range(1, 10)),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"\x28\xb5\x2f\xfd", "a zstd file"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an Ogg media file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_C1_CONTROL = re.compile("[\x80-\x9f]")
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
# The characters a UTF-8 sequence becomes when its bytes are read as Latin-1.
_DOUBLE_UTF8 = re.compile(
    "[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # undefined in cp1252
}
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
# Common Crawl WET records start with a WARC header block.
_WARC_HEADER = re.compile(r"\AWARC/\d\.\d\r?\n(?:[^\r\n]+\r?\n)*\r?\n")
# A saved HTTP response (`curl -i`, a WARC response payload) starts with its header.
_HTTP_HEADER = re.compile(r"\AHTTP/\d(?:\.\d)? \d{3}[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n")
# A second record's header: the input is a whole archive, which clean() would glue into one page.
_NEXT_WARC_RECORD = re.compile(r"^WARC/1\.\d\r?\nWARC-", re.M)


def decode(data: bytes | str, *, name: str | None = None, options: Options | None = None) -> Source:
    """Return the decoded Source of `data`, raising InputError with a remedy when it is not text."""
    options = options or Options()
    if isinstance(data, str):
        # Lone surrogates cannot be written as UTF-8: they become "?" here, once.
        raw = data.encode("utf-8", "replace")
        _refuse_large(len(raw), options.max_input_bytes)
        text, encoding = raw.decode("utf-8"), "utf-8"
    else:
        _refuse_large(len(data), options.max_input_bytes)
        raw = _gunzip(data, options.max_unpacked_bytes)
        if not raw.strip():
            raise InputError("is empty: nothing to clean")
        text, encoding = _decode_bytes(raw, options.encoding, options.charset_hint)
    if not text.strip():
        raise InputError("is empty: nothing to clean")
    _refuse_binary(text)
    text = _repair(text, raw, encoding)
    text, records = _WARC_HEADER.subn("", text.lstrip("\ufeff"), count=1)
    if records and _NEXT_WARC_RECORD.search(text):
        raise InputError(
            "is a web archive of several records: clean it with the command line or "
            "clean_article.archive.clean_archive (pip install 'clean-article[warc]')"
        )
    text = _HTTP_HEADER.sub("", text, count=1)
    fmt = options.input_format or sniff_format(text)
    return Source(
        name=name,
        format=fmt,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        encoding=encoding,
    )


def _repair(text: str, raw: bytes, encoding: str) -> str:
    """Drop NUL characters and turn C1 controls back into the cp1252 punctuation they were."""
    # Searching the UTF-8 bytes is ten times faster than searching the str (the common case).
    utf8 = encoding in ("utf-8", "utf-8-sig")
    if b"\x00" in raw if utf8 else "\x00" in text:
        text = text.replace("\x00", "")  # a stray NUL ends the text for lxml and many readers
    if _C1_UTF8.search(raw) if utf8 else _C1_CONTROL.search(text):
        # C1 controls are never text: they are UTF-8 read as Latin-1 once ("â\x80\x9c" for
        # a quote), or cp1252 read as Latin-1 ("\x95" for a bullet). Undo the first, then the second.
        if any(map(_undoes_c1, _DOUBLE_UTF8.findall(text))):
            # "Ã©" alone may be letters; once a C1 control proves the damage, it is "é" too.
            text = _DOUBLE_UTF8.sub(_undo_double_utf8, text)
        text = text.translate(_C1_AS_CP1252)
    return text


def _undoes_c1(chars: str) -> bool:
    return bool(_C1_CONTROL.search(chars)) and _undo_double_utf8(chars) != chars


def _undo_double_utf8(match: re.Match[str] | str) -> str:
    chars = match if isinstance(match, str) else match.group(0)
    try:
        return chars.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return chars


def sniff_format(text: str) -> SourceFormat:
    """Tell an HTML page from a text dump by how it starts and how many tags it holds."""
    head = text[: SNIFF_BYTES * 4]
    if _HTML_START.match(head):
        return SourceFormat.HTML
    if head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= MIN_HTML_TAGS:
        return SourceFormat.HTML
    return SourceFormat.TEXT


def _refuse_large(size: int, limit: int) -> None:
    if size > limit:
        raise InputError(too_large(size, limit, "--max-size"))


def _gunzip(data: bytes, limit: int) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        # Streamed: a gzip bomb stops one byte past the limit instead of filling memory.
        out = gzip.GzipFile(fileobj=io.BytesIO(data)).read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"is a damaged gzip file ({exc}): re-download or gunzip it") from None
    if len(out) > limit:
        raise InputError(
            f"unpacks to more than {limit >> 20} MiB: not a single page "
            "(raise --max-unpacked if it is one)"
        )
    return out


def _decode_bytes(raw: bytes, forced: str | None, hint: str | None = None) -> tuple[str, str]:
    if forced:
        return _decode_forced(raw, forced)
    for bom, codec in charset.BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                break
    _refuse_signature(raw)
    wide = charset.utf16_without_bom(raw)
    if wide:
        return raw.decode(wide, "replace"), wide
    _refuse_control_bytes(raw)
    # The transport's charset (a WARC record's HTTP header) comes before the page's own.
    declared = (charset.web_codec(hint) if hint else None) or charset.declared_charset(
        raw[:SNIFF_BYTES]
    )
    if declared not in (None, "utf-8", "utf-8-sig"):
        try:
            text = raw.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a declaration the bytes contradict is ignored
        else:
            # Valid UTF-8 with non-ASCII characters is UTF-8, whatever a stale <meta> says.
            return _as_utf8(raw) or (text, declared)
    return _as_utf8(raw) or _mostly_utf8(raw) or _detected(raw)


def _decode_forced(raw: bytes, forced: str) -> tuple[str, str]:
    try:
        return raw.decode(forced), forced
    except LookupError:
        raise InputError(f"unknown encoding {forced!r}: pass a valid --encoding") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode as {forced} ({exc.reason}): pass another --encoding"
        ) from None


def _as_utf8(raw: bytes) -> tuple[str, str] | None:
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def _mostly_utf8(raw: bytes) -> tuple[str, str] | None:
    """Return `raw` as UTF-8 with U+FFFD for stray bytes when it is UTF-8 with a few broken bytes.

    cp1252 text never forms valid multi-byte sequences, so it fails the test; a UTF-8 page with
    a truncated character or two (common in scraped and re-rendered pages) passes it.
    """
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(map(len, _NON_ASCII.findall(text))) - bad
    if bad <= MAX_BROKEN_UTF8_SHARE * len(text) and good >= MIN_GOOD_PER_BROKEN * bad:
        return text, "utf-8"
    return None


def _detected(raw: bytes) -> tuple[str, str]:
    codec = charset.detect_legacy(raw) or "cp1252"
    try:
        return raw.decode(codec), codec
    except UnicodeDecodeError:
        pass
    if codec == "cp1252":
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte, so decoding ends here.
        return raw.decode("latin-1"), "latin-1"
    return raw.decode(codec, "replace"), codec


def _refuse_signature(raw: bytes) -> None:
    for signature, kind in SIGNATURES:
        if raw.startswith(signature):
            raise InputError(f"is {kind}, not an HTML page or a text dump: pass a page")


def _refuse_control_bytes(raw: bytes) -> None:
    head = raw[: SNIFF_BYTES * 2]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_BYTE_SHARE * len(head):
        raise InputError("looks like binary data, not an HTML page or a text dump: pass a page")


def _refuse_binary(text: str) -> None:
    sample = text[: SNIFF_BYTES * 2]
    # C0 controls other than white space, and C1 controls: text never has many, binary data does
    # (random bytes decoded as Latin-1 hold about 23% of them).
    if len(_CONTROLS.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise InputError("looks like binary data, not an HTML page or a text dump: pass a page")
