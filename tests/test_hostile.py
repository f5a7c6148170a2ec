"""Hostile inputs: every one gives an Article or an InputError with a remedy, never a crash."""

from __future__ import annotations

import gzip
import random

import pytest

from clean_article import Article, clean
from clean_article.errors import InputError


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


HOSTILE: dict[str, bytes] = {
    "random bytes": _random_bytes(20_000, 1),
    "nul bytes": b"\x00" * 5000,
    "png header": b"\x89PNG\r\n\x1a\n" + _random_bytes(3000, 2),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
    + _random_bytes(4000, 3),
    "truncated gzip": gzip.compress(b"<html><body><p>hello</p></body></html>" * 50)[:40],
    "gzip of random bytes": gzip.compress(_random_bytes(5000, 4)),
    "bom only": b"\xef\xbb\xbf",
    "one huge line": b"word " * 400_000,
    "no spaces at all": b"x" * 300_000,
    "deeply nested html": b"<html><body>"
    + b"<div>" * 5000
    + b"deep text"
    + b"</div>" * 5000
    + b"</body></html>",
    "unclosed tags": b"<html><body><p>one<p>two<div><span><a href='x'>three" * 200,
    "scripts only": b"<html><head><script>var a = 1;</script><style>p{}</style></head><body></body></html>",
    "tags only": b"<html><body>" + b"<br>" * 10_000 + b"</body></html>",
    "comment only": b"<!-- nothing here -->",
    "doctype only": b"<!DOCTYPE html>",
    "rss feed": b'<?xml version="1.0"?><rss><channel><title>t</title><item><title>a</title></item></channel></rss>',
    "json": b'{"title": "not a page", "body": ["a", "b"]}',
    "utf-16 without bom": "Eine Zeile Text ohne BOM.\n".encode("utf-16-le") * 50,
    "mixed encodings": "Grüße ".encode() + "Grüße ".encode("cp1252") + "\u2603".encode(),
    "control characters": b"\x07\x08\x0b\x0c line with bells \x1b[31m ansi \x1b[0m\n" * 20,
    "many blank lines": b"\n" * 100_000 + b"A lonely sentence at the very end of the file.\n",
    "long wrapped dump": (
        "   * Home\n   * News\n" + "A sentence that keeps going on. " * 5000
    ).encode(),
    "html entities storm": b"<p>" + b"&amp;&lt;&#x1F600;&#9999999;&bogus;" * 2000 + b"</p>",
    "invalid meta charset": b'<html><head><meta charset="no-such-codec"></head><body><p>t\xe9st</p></body></html>',
    "lone surrogates in str": b"",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_never_crashes(name: str) -> None:
    data: bytes | str = HOSTILE[name]
    if name == "lone surrogates in str":
        data = "text with a lone \ud800 surrogate and more words to make it a line.\n"
    try:
        article = clean(data, name=name)
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message
        assert ":" in message, "the message names the remedy"
        return
    assert isinstance(article, Article)
    doc = article.to_dict()
    for block in doc["blocks"]:
        assert block["text"] and "\u00a0" not in block["text"] and "  " not in block["text"]
    doc_text = str(doc)
    assert "\ud800" not in doc_text


def test_binary_input_is_refused() -> None:
    for name in ("random bytes", "nul bytes", "png header"):
        with pytest.raises(InputError, match="binary"):
            clean(HOSTILE[name])
