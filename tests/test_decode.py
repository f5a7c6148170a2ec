"""Decoding and sniffing: every input becomes text of a known format, or a clear InputError."""

from __future__ import annotations

import bz2
import gzip

import pytest

from clean_article.decode import decode, sniff_format
from clean_article.errors import InputError
from clean_article.model import Options, SourceFormat

PAGE = "<!DOCTYPE html><html><head><title>t</title></head><body><p>Grüße</p></body></html>"


@pytest.mark.parametrize(
    ("raw", "expected_text", "encoding"),
    [
        ("Grüße aus Köln\n".encode(), "Grüße aus Köln\n", "utf-8"),
        (b"\xef\xbb\xbfBOM first\n", "BOM first\n", "utf-8-sig"),
        ("naïve café – “quoted”\n".encode("cp1252"), "naïve café – “quoted”\n", "cp1252"),
        ("UTF-16 text\n".encode("utf-16"), "UTF-16 text\n", "utf-16"),
    ],
)
def test_decodes_encodings(raw: bytes, expected_text: str, encoding: str) -> None:
    source = decode(raw)
    assert source.text == expected_text
    assert source.encoding == encoding


def test_undefined_byte_does_not_stop_decoding() -> None:
    # cp1252 leaves 0x81 undefined: the text around it still decodes.
    raw = "Café crème, naïve façade: ".encode("cp1252") * 5 + b"odd \x81 byte\n"
    assert "Café crème, naïve façade: odd " in decode(raw).text


def test_meta_charset_wins_over_utf8_guess() -> None:
    html = '<html><head><meta charset="windows-1252"><title>x</title></head><body>caf\xe9</body></html>'
    source = decode(html.encode("cp1252"))
    assert "café" in source.text
    assert source.format is SourceFormat.HTML


def test_declared_latin1_is_read_as_cp1252() -> None:
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    source = decode((html + "<p>\x93quoted\x94</p></html>").encode("latin-1"))
    assert "“quoted”" in source.text


def test_gzip_input_is_unpacked_and_hashed_after_gunzip() -> None:
    plain = PAGE.encode()
    assert decode(gzip.compress(plain)).sha256 == decode(plain).sha256
    assert decode(gzip.compress(plain)).format is SourceFormat.HTML


def test_str_and_bytes_give_the_same_source() -> None:
    assert decode(PAGE) == decode(PAGE.encode())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"   \n\t\n", "is empty"),
        (b"\x1f\x8b\x08\x00garbage", "damaged gzip"),
        (bytes(range(32)) * 50, "binary data"),
    ],
)
def test_bad_input_raises_input_error_with_remedy(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        decode(data)
    assert ":" in str(info.value), "the message names what to do"


def test_forced_encoding_errors_name_the_option() -> None:
    with pytest.raises(InputError, match="--encoding"):
        decode(b"abc", options=Options(encoding="no-such-codec"))
    with pytest.raises(InputError, match="--encoding"):
        decode("é".encode(), options=Options(encoding="ascii"))


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (PAGE, SourceFormat.HTML),
        ("  <html lang='de'><body>x</body></html>", SourceFormat.HTML),
        ("<!-- saved page -->\n<!doctype html><p>x", SourceFormat.HTML),
        (
            "<div><p>a</p><p>b</p><p>c</p><span>d</span><a href=x>e</a><br><br><br></div>",
            SourceFormat.HTML,
        ),
        ("Title\n\nA paragraph that mentions the <p> tag once.\n", SourceFormat.TEXT),
        ("   * Home\n   * News\n\nStory text here.\n", SourceFormat.TEXT),
        ("<3 this story\nsecond line\n", SourceFormat.TEXT),
    ],
)
def test_sniffs_html_and_text(text: str, fmt: SourceFormat) -> None:
    assert sniff_format(text) is fmt


def test_forced_format_overrides_sniffing() -> None:
    source = decode(PAGE, options=Options(input_format=SourceFormat.TEXT))
    assert source.format is SourceFormat.TEXT


def test_wet_record_header_is_dropped() -> None:
    record = (
        "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://example.org/a\r\n"
        "Content-Length: 20\r\n\r\nHeadline\nBody text.\n"
    )
    assert decode(record).text == "Headline\nBody text.\n"


@pytest.mark.parametrize(
    ("raw", "encoding", "expected"),
    [
        # UTF-8 with one truncated character among many good ones: UTF-8, the stray byte replaced.
        ("日本語のテキスト、".encode() * 20 + b"\xe3\x83" + "続き".encode(), "utf-8", "\ufffd続き"),
        # cp1252 text is never "mostly UTF-8": its accented bytes form no valid sequence.
        ("Café crème, naïve façade. ".encode("cp1252") * 10, "cp1252", "Café crème"),
    ],
)
def test_mostly_utf8_with_stray_bytes(raw: bytes, encoding: str, expected: str) -> None:
    source = decode(raw)
    assert source.encoding == encoding
    assert expected in source.text


def test_c1_controls_become_cp1252_punctuation() -> None:
    # A cp1252 page once read as Latin-1 and saved as UTF-8: its bullets and quotes became C1.
    raw = ("A page of text that is long enough. " * 5 + "\x95 item \x93quoted\x94").encode()
    assert decode(raw).text.endswith("• item “quoted”")


def test_utf8_read_as_latin1_once_is_undone() -> None:
    damaged = "You’re “quoted” at €150 ← Ärger, café ®".encode().decode("latin-1")
    raw = ("A page of text that is long enough. " * 5 + damaged).encode()
    assert decode(raw).text.endswith("You’re “quoted” at €150 ← Ärger, café ®")
    # Without a C1 control, nothing proves the damage: the letters stay as they are.
    assert decode(("Text. " * 5 + "Ã© and Â®").encode()).text.endswith("Ã© and Â®")


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        # A stale declaration: the page was re-saved as UTF-8 and kept its <meta>.
        ('<meta charset="iso-8859-1"><p>Don’t café</p>'.encode(), "utf-8"),
        ('<?xml version="1.0" encoding="windows-1251"?><p>Россия</p>'.encode("cp1251"), "cp1251"),
        (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=koi8-r\r\n\r\n"
            + "<p>Россия</p>".encode("koi8_r"),
            "koi8-r",
        ),
        ('<meta charset="gb2312"><p>中国政府</p>'.encode("gbk"), "gb18030"),
    ],
)
def test_declarations(raw: bytes, encoding: str) -> None:
    source = decode(raw)
    assert source.encoding == encoding
    assert not source.text.startswith("HTTP/"), "a saved HTTP header is not page text"


def test_undeclared_legacy_page_with_long_ascii_lines_is_detected() -> None:
    # Long ASCII lines (inline scripts, JSON) once made the sample's line pattern backtrack for
    # minutes; lines are now tested one by one.
    script = "<script>var x = " + '"' + "a" * 200_000 + '";</script>\n'
    page = "<html><head>" + script + "</head><body><p>" + "Grüße aus Köln, schön. " * 50
    source = decode((page + "</p></body></html>").encode("cp1252"))
    assert "Grüße aus Köln" in source.text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200), "a JPEG image"),
        (b"GIF89a" + bytes(200), "a GIF image"),
        (b"PK\x03\x04" + bytes(200), "a ZIP archive"),
        (bz2.compress(b"hello " * 100), "a bzip2 file"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), "an executable"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=f"is {kind}.*: pass a page"):
        decode(data)


def test_a_dump_that_starts_like_a_signature_is_still_text() -> None:
    assert decode(b"BZh is where this dump of a page starts.\n").format is SourceFormat.TEXT
