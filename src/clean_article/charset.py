"""Which encoding raw bytes are in: declarations first, then UTF-8, then a detector.

The order follows what browsers do (a byte-order mark, an HTTP or in-document declaration), with
two additions for scraped data: a declaration the bytes contradict is dropped (pages re-saved as
UTF-8 keep their old `<meta charset>`), and undeclared legacy pages go to charset-normalizer,
whose single-byte guesses are re-ranked (see `detect_legacy`).
"""

from __future__ import annotations

import codecs
import re

# How far into the document declarations are looked for (the WHATWG prescan reads 1024 bytes;
# pages with long inline scripts in <head> need more).
DECLARATION_BYTES = 4096
# charset-normalizer reads at most this much of an input: lines that hold non-ASCII bytes.
DETECT_SAMPLE_BYTES = 48 * 1024

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
# A saved HTTP response (`curl -i`, a WARC response record's payload) starts with its header.
HTTP_HEADER = re.compile(rb"\AHTTP/\d(?:\.\d)? \d{3}[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n")
_HTTP_CHARSET = re.compile(
    rb"^content-type:[^\r\n]*charset\s*=\s*[\"']?([a-zA-Z0-9_.:-]+)", re.I | re.M
)

# Declared names mapped to the superset codec browsers use for them (WHATWG encoding standard):
# pages that say Latin-1 are cp1252, GB2312 pages are GBK, Shift_JIS pages use Windows' table.
WEB_SUPERSETS = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}

# The legacy encodings web pages use (the WHATWG list), most common on the web first. The order
# breaks ties between single-byte decodings that read equally well: cp1252 and cp1250 read most
# Western text alike, and the more common one is the better bet.
WEB_LEGACY = (
    "cp1252",
    "cp1251",
    "cp932",
    "gb18030",
    "cp949",
    "euc_jp",
    "cp1250",
    "iso8859_2",
    "big5hkscs",
    "cp1256",
    "cp1254",
    "cp874",
    "cp1253",
    "iso8859_7",
    "cp1255",
    "koi8_r",
    "koi8_u",
    "iso8859_5",
    "cp1257",
    "iso8859_15",
    "iso8859_13",
    "iso8859_4",
    "iso8859_10",
    "iso8859_16",
    "iso8859_3",
    "iso8859_6",
    "iso8859_8",
    "cp1258",
    "mac_cyrillic",
)
_MULTIBYTE = frozenset({"cp932", "gb18030", "cp949", "euc_jp", "big5hkscs"})
# Code pages for Latin-script languages: when the detector proposes one, all compete, since it
# cannot tell them apart (a Polish ISO-8859-2 page comes back as ISO-8859-4, a French cp1252 one
# as cp1257) and broken words can.
_LATIN = frozenset(
    {
        "cp1252",
        "cp1250",
        "iso8859_2",
        "cp1254",
        "cp1257",
        "cp1258",
        "iso8859_15",
        "iso8859_13",
        "iso8859_4",
        "iso8859_10",
        "iso8859_16",
        "iso8859_3",
    }
)
# Lines with a non-ASCII byte, and tags to blank out of them (their bytes are ASCII in every
# encoding above, and markup only dilutes what the detector reads).
# Tested line by line: a pattern spanning a whole line backtracks quadratically on long ASCII lines.
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_TAG = re.compile(rb"<[^<>]*>")
# A wrong single-byte decoding shows as symbols or capitals inside words ("Rz±d", "goĽci"),
# C1 controls, or undefined bytes.
_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")
_BROKEN = re.compile("[\x80-\x9f\ufffd]")


def web_codec(name: str) -> str | None:
    """Return the Python codec for an encoding label, as browsers read it; None if unknown."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return WEB_SUPERSETS.get(codec, codec)


def declared_charset(head: bytes) -> str | None:
    """Return the codec an HTTP header, XML declaration or `<meta charset>` in `head` names."""
    http = HTTP_HEADER.match(head)
    for pattern, where in ((_HTTP_CHARSET, http.group(0) if http else b""), (_XML_ENCODING, head)):
        match = pattern.search(where)
        if match:
            return web_codec(match.group(1).decode("ascii", "ignore"))
    match = _META_CHARSET.search(head)
    if not match:
        return None
    codec = web_codec(match.group(1).decode("ascii", "ignore").lower())
    # A <meta> cannot declare UTF-16 (its bytes would not be ASCII): browsers read UTF-8 then.
    return "utf-8" if codec in {"utf-16", "utf-16-le", "utf-16-be", "utf-32"} else codec


def utf16_without_bom(raw: bytes) -> str | None:
    """Return "utf-16-le" or "-be" when every other byte of `raw` is mostly NUL (ASCII as UTF-16)."""
    head = raw[:DECLARATION_BYTES] if len(raw) % 2 == 0 else raw[: DECLARATION_BYTES - 1]
    if len(head) < 16:
        return None
    half = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.6 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def detect_legacy(raw: bytes) -> str | None:
    """Return the legacy encoding `raw` most likely is, or None when nothing fits.

    charset-normalizer ranks multi-byte encodings well but often prefers a rare Latin code page
    (cp1257, ISO-8859-4) over the one a page used; among the single-byte decodings it accepts,
    the one with the fewest broken words wins, and of those the most common on the web.
    """
    from charset_normalizer import from_bytes  # needed by undeclared legacy inputs only

    if b"\x1b$B" in raw[:DECLARATION_BYTES] or b"\x1b$@" in raw[:DECLARATION_BYTES]:
        return "iso2022_jp"
    sample = _sample(raw)
    matches = from_bytes(sample, cp_isolation=list(WEB_LEGACY), preemptive_behaviour=False)
    best = matches.best()
    if best is None:
        return None
    if best.encoding in _MULTIBYTE:
        return best.encoding
    candidates = {
        codec
        for match in matches
        for codec in match.could_be_from_charset
        if codec in WEB_LEGACY and codec not in _MULTIBYTE
    }
    if not candidates:
        return best.encoding
    if candidates & _LATIN:
        candidates |= _LATIN
    return min(candidates, key=lambda codec: (_oddities(sample, codec), WEB_LEGACY.index(codec)))


def _sample(raw: bytes) -> bytes:
    parts: list[bytes] = []
    size = 0
    for raw_line in raw.split(b"\n"):
        if not _HIGH_BYTE.search(raw_line):
            continue
        line = _TAG.sub(b" ", raw_line)
        parts.append(line)
        size += len(line)
        if size >= DETECT_SAMPLE_BYTES:
            break
    sample = b"\n".join(parts)
    if len(sample) <= DETECT_SAMPLE_BYTES:
        return sample
    # Cut at a space or a line end: neither byte is ever part of a multi-byte character.
    sample = sample[:DETECT_SAMPLE_BYTES]
    cut = max(sample.rfind(b" "), sample.rfind(b"\n"))
    return sample[:cut] if cut > 0 else sample


def _oddities(sample: bytes, codec: str) -> int:
    text = sample.decode(codec, "replace")
    odd = sum(
        1 for m in _IN_WORD.finditer(text) if not m.group(0).isalpha() or m.group(0).isupper()
    )
    return odd + 3 * len(_BROKEN.findall(text))
