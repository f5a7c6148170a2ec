"""Whitespace and character clean-up shared by the HTML and text paths."""

from __future__ import annotations

import re
import unicodedata

# Characters that render as a space or as nothing; scraped pages are full of them.
_SPACE_LIKE = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t\r\f\v",
    ),
    " ",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**_SPACE_LIKE, **_INVISIBLE}
# Most texts hold none of those characters; finding that out is ten times cheaper than
# str.translate walking the text through the table.
_TRANSLATED = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "]")
_SPACES = re.compile(r" {2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_space(text: str) -> str:
    """Return `text` on one line: NBSPs and other spaces folded, runs collapsed, ends stripped."""
    if _TRANSLATED.search(text):
        text = text.translate(_TRANSLATE)
    text = _CONTROL.sub("", text).replace("\n", " ")
    if not text.isascii():  # one form for canonically equal text (Bengali nukta letters ...)
        text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip()


def code_text(raw: str) -> str:
    """Return code with its line breaks and indentation kept: NBSPs and controls cleaned,
    trailing spaces and blank first and last lines dropped."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if not raw.isascii():
        raw = unicodedata.normalize("NFC", raw)
    lines = [_CONTROL.sub("", line).rstrip() for line in raw.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
