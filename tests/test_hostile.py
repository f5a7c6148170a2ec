"""Hostile inputs: every one gives an Article or an InputError with a remedy, never a crash.

Each input is built here (no big committed files); the ones with a known right answer say it:
refused (and why), or cleaned with a text the article must hold.
"""

from __future__ import annotations

import gzip
import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from clean_article import Article, Options, clean
from clean_article.decode import decode
from clean_article.errors import InputError


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _gzip_bomb(unpacked: int) -> bytes:
    """Return a gzip stream of `unpacked` zero bytes, built in pieces (never held unpacked)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    chunk = b"\0" * (1 << 20)
    parts = [packer.compress(chunk) for _ in range(unpacked >> 20)]
    return b"".join([*parts, packer.flush()])


def _page(body: str) -> bytes:
    return f"<html><head><title>Hostile</title></head><body>{body}</body></html>".encode()


ARTICLE = (
    "<article><p>The council approved the new budget for schools after a long debate.</p></article>"
)


@dataclass(frozen=True, slots=True)
class Refused:
    reason: str  # a regular expression the message matches


@dataclass(frozen=True, slots=True)
class Cleaned:
    holds: str  # a text the article's body must hold ("" when any article will do)


@dataclass(frozen=True, slots=True)
class Either:
    """No single right answer: an article or a refusal, but no crash."""


Expected = Refused | Cleaned | Either

CASES: dict[str, tuple[Callable[[], bytes | str], Expected]] = {
    "empty": (lambda: b"", Refused("is empty")),
    "whitespace only": (lambda: b" \n\t\r\n  \n", Refused("is empty")),
    "bom only": (lambda: b"\xef\xbb\xbf", Refused("is empty")),
    "png": (lambda: b"\x89PNG\r\n\x1a\n" + _random_bytes(3000, 2), Refused("a PNG image")),
    "pdf": (
        lambda: (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
            + _random_bytes(4000, 3)
        ),
        Refused("a PDF document"),
    ),
    "random bytes": (lambda: _random_bytes(20_000, 1), Refused("binary data")),
    "random high bytes": (
        lambda: bytes(b | 0x80 for b in _random_bytes(20_000, 5)),
        Either(),  # every byte is a letter in some code page: decodes, or is refused
    ),
    "nul bytes only": (lambda: b"\x00" * 5000, Refused("binary data")),
    "nul bytes in a page": (
        lambda: _page(ARTICLE).replace(b"council", b"coun\x00cil"),
        Cleaned("The council approved"),
    ),
    "truncated gzip": (
        lambda: gzip.compress(_page(ARTICLE) * 50)[:40],
        Refused("damaged gzip file.*: re-download"),
    ),
    "gzip of random bytes": (lambda: gzip.compress(_random_bytes(5000, 4)), Refused("binary")),
    "gzip bomb": (lambda: _gzip_bomb(48 << 20), Refused("unpacks to more than 40 MiB")),
    "utf-16 with bom": (lambda: _page(ARTICLE).decode().encode("utf-16"), Cleaned("council")),
    "utf-16 without bom": (
        lambda: _page(ARTICLE).decode().encode("utf-16-le"),
        Cleaned("The council approved"),
    ),
    "declared utf-8, really cp1252": (
        lambda: (
            '<html><head><meta charset="utf-8"></head><body><article><p>Le conseil a approuvé '
            "le budget des écoles après un long débat, déjà très attendu.</p></article></body></html>"
            "".encode("cp1252")
        ),
        Cleaned("approuvé le budget des écoles après un long débat, déjà"),
    ),
    "invalid utf-8 bytes": (
        lambda: _page(ARTICLE.replace("budget", "budget – 日本語の予算")).replace(
            b"\xe6\x97\xa5", b"\xe6\x97"
        ),
        Cleaned("The council approved the new budget – \ufffd本語の予算 for schools"),
    ),
    "mixed encodings": (
        lambda: "Grüße ".encode() + "Grüße ".encode("cp1252") + "\u2603".encode(),
        Either(),
    ),
    "50 MB file": (lambda: b"a" * (50 << 20), Refused("is 50 MiB, over the 20 MiB limit")),
    "one 5 MB line": (lambda: b"word " * 1_000_000, Either()),
    "html nested 100,000 deep": (
        lambda: _page("<div>" * 100_000 + "deep text" + "</div>" * 100_000),
        Either(),
    ),
    "300,000 sibling tags": (
        lambda: _page("<span>x</span>" * 300_000),
        Refused("300,004 HTML elements, over the limit of 50,000.*--max-elements"),
    ),
    "unclosed tags": (
        lambda: b"<html><body><p>one<p>two<div><span><a href='x'>three" * 200,
        Either(),
    ),
    "long run of spaces": (lambda: b"Title\n\nA" + b" " * 2_000_000 + b"b.\n", Either()),
    "long run of dots": (lambda: b"Title\n\n" + b"." * 2_000_000 + b"\n", Either()),
    "long run of dashes": (lambda: b"Title\n\n" + b"-" * 2_000_000 + b"\n", Either()),
    'repeated "a "': (lambda: b"Title\n\n" + b"a " * 500_000 + b"\n", Either()),
    "dots and spaces in html": (lambda: _page("<p>" + ". " * 500_000 + "</p>"), Either()),
    "scripts only": (
        lambda: (
            b"<html><head><script>var a = 1;</script><style>p{}</style></head><body></body></html>"
        ),
        Either(),
    ),
    "tags only": (lambda: _page("<br>" * 10_000), Either()),
    "comment only": (lambda: b"<!-- nothing here -->", Either()),
    "doctype only": (lambda: b"<!DOCTYPE html>", Either()),
    "json": (lambda: b'{"title": "not a page", "body": ["a", "b"]}', Either()),
    "control characters": (
        lambda: b"\x07\x08\x0b\x0c line with bells \x1b[31m ansi \x1b[0m\n" * 20,
        Either(),
    ),
    "html entities storm": (
        lambda: b"<p>" + b"&amp;&lt;&#x1F600;&#9999999;&bogus;" * 2000 + b"</p>",
        Either(),
    ),
    "invalid meta charset": (
        lambda: (
            b'<html><head><meta charset="no-such-codec"></head><body><p>t\xe9st</p></body></html>'
        ),
        Either(),
    ),
    "lone surrogates in str": (
        lambda: "text with a lone \ud800 surrogate and more words to make it a line.\n",
        Either(),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_is_cleaned_or_refused(name: str) -> None:
    make, expected = CASES[name]
    try:
        article = clean(make(), name=name)
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message
        assert ": " in message, "the message names the remedy"
        assert not isinstance(expected, Cleaned), f"refused: {message}"
        if isinstance(expected, Refused):
            assert re.search(expected.reason, message), message
        return
    assert not isinstance(expected, Refused), "should have been refused"
    assert isinstance(article, Article)
    if isinstance(expected, Cleaned):
        assert expected.holds in article.text
    for block in article.blocks:
        assert block.text and "\u00a0" not in block.text and "  " not in block.text
        assert "\x00" not in block.text and "\ud800" not in block.text


# Text in each language and the legacy encoding its pages and dumps were saved in.
LEGACY = {
    "cp1252": "Le gouvernement français a annoncé une réforme « économique » très attendue — "
    "déjà critiquée par l'opposition, qui dénonce un projet « brûlé » d'avance.",
    "cp1251": "Правительство России приняло новое постановление о поддержке малого бизнеса в "
    "регионах страны, сообщила пресс-служба кабинета министров в четверг.",
    "koi8_r": "Правительство России приняло новое постановление о поддержке малого бизнеса в "
    "регионах страны, сообщила пресс-служба кабинета министров в четверг.",
    "shift_jis": "日本政府は新しい経済対策を発表しました。東京の株式市場は朝から上昇し、"
    "円相場も落ち着いた動きとなりました。",
    "euc_kr": "한국 정부는 새로운 경제 정책을 발표했습니다. 서울 증시는 오전부터 상승했고 "
    "환율도 안정세를 보였습니다.",
    "gbk": "中国政府宣布了新的经济政策。上海股市早盘上涨，人民币汇率也保持稳定。",
    "iso8859_2": "Rząd Polski ogłosił nowe przepisy dotyczące źródeł energii i ścieków w "
    "miastach. Żółć, gęśla jaźń - mówią mieszkańcy, którzy się nie zgadzają.",
}
DECLARED = {"cp1252": "windows-1252", "shift_jis": "Shift_JIS", "euc_kr": "EUC-KR"}


def _legacy_page(codec: str, text: str, declared: bool) -> bytes:
    meta = f'<meta charset="{DECLARED.get(codec, codec)}">' if declared else ""
    page = (
        f"<!DOCTYPE html><html><head>{meta}<title>{text[:20]}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{text[:20]}</h1><p>{text}</p>"
        f"<p>{text}</p></article></body></html>"
    )
    return page.encode(codec)


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
@pytest.mark.parametrize("codec", list(LEGACY))
def test_legacy_encoded_page_is_decoded_right(codec: str, declared: bool) -> None:
    article = clean(_legacy_page(codec, LEGACY[codec], declared))
    assert LEGACY[codec] in article.text


@pytest.mark.parametrize("declared", [True, False], ids=["--encoding", "undeclared"])
@pytest.mark.parametrize("codec", list(LEGACY))
def test_legacy_encoded_dump_is_decoded_right(codec: str, declared: bool) -> None:
    dump = f"{LEGACY[codec][:30]}\n\n{LEGACY[codec]}\n".encode(codec)
    options = Options(encoding=codec if declared else None)
    assert LEGACY[codec] in decode(dump, options=options).text


def test_limits_come_from_options() -> None:
    page = _page(ARTICLE)
    with pytest.raises(InputError, match=r"is \d+ bytes, over the 100 bytes limit.*--max-size"):
        clean(page, options=Options(max_input_bytes=100))
    with pytest.raises(InputError, match=r"unpacks to more than .*--max-unpacked"):
        clean(gzip.compress(page * 10), options=Options(max_unpacked_bytes=len(page) * 5))
    with pytest.raises(InputError, match="elements, over the limit of 3"):
        clean(page, options=Options(max_html_elements=3))
    assert "council" in clean(page, options=Options(max_html_elements=10)).text
