"""Split image captions from photo credits, and recognise a credit printed on its own."""

from __future__ import annotations

from clean_article import lazy_re as re
from clean_article.metadata import vocab
from clean_article.metadata.folding import first_words, fold
from clean_article.normalize import normalize_space

_LABEL_ALT = "|".join(
    re.escape(label).replace(r"\ ", r"\s+")
    for label in sorted(vocab.CREDIT_LABELS, key=len, reverse=True)
)
_FREE_LABELS = "|".join(
    re.escape(label).replace(r"\ ", r"\s+")
    for label in sorted(vocab.CREDIT_LABELS, key=len, reverse=True)
    if label not in vocab.CREDIT_LABELS_NEED_COLON
)
# A label opening a credit: "Photo: X", "Image copyright X", "Photo by X", "© X", "(c) X".
_LEADING_LABEL = re.compile(
    rf"^(?:(?:{_LABEL_ALT})\s*:|(?:{_FREE_LABELS})\b|©|\(c\)|\bcopyright\b)\s*(?:©|\(c\))?\s*",
    re.IGNORECASE,
)
# A labelled credit after a caption. Capitalised labels may be glued to the caption's last
# word ("…monthsImage: Harry Nakos/AP", seed 000); lower-case ones need a word boundary.
_TRAILING_LABEL = re.compile(
    rf"(?:(?<=[^\W_])(?=[A-ZÀ-Ý])|(?<![^\W_]))(?i:(?:{_LABEL_ALT})\s*:|(?:{_FREE_LABELS})\b\s+)"
    rf"|©|\(c\)(?=\s)"
)
# Prefilter for _LEADING_LABEL and _TRAILING_LABEL, searched in folded text.
_LABEL_WORDS = first_words(vocab.CREDIT_LABELS, "©", "(c)")
_TRAILING_BRACKETS = re.compile(rf"\s*[(\[]([^()\[\]]{{2,{vocab.MAX_CREDIT_CHARS}}})[)\]]\s*$")
_SOURCE = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(re.escape(s) for s in sorted(vocab.PHOTO_SOURCES, key=len, reverse=True))
    + r"|ap|upi)(?![^\W_])",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"[^\W\d_][\w.'’-]*\s*[/|]\s*[^\W\d_]")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_VIA = re.compile(r"\bvia\b", re.IGNORECASE)
_SENTENCE_END = re.compile(
    r"[.!?…][\"'”’)]?\s+(?=[A-ZÀ-Ý\"“‘])|(?<=[a-z0-9]{2}[.!?])(?=[A-ZÀ-Ý][a-z. ])"
)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_RIGHTS = re.compile("|".join(re.escape(p) for p in vocab.RIGHTS_PHRASES), re.IGNORECASE)
# "Jane Doe, AP / Copyright 2019 AP": a rights notice appended to a real credit (lynx alt).
_APPENDED_RIGHTS = re.compile(r"\s/\s*(?:copyright|©).*$", re.IGNORECASE)
_TAIL_PHRASE = re.compile(
    r"(?<![^\W_])(?:" + "|".join(re.escape(p) for p in vocab.CREDIT_TAIL_PHRASES) + r")\.?$",
    re.IGNORECASE,
)
# Prefilter for _TAIL_PHRASE: the folded text ends with a phrase, maybe and a full stop.
_TAIL_ENDINGS = tuple(fold(p) + end for p in vocab.CREDIT_TAIL_PHRASES for end in ("", "."))
_HANDLE = re.compile(r"(?<![\w.])@\w")
_URL = re.compile(r"https?:|www\.|://|pic\.twitter|\.(?:html?|php)\b", re.IGNORECASE)


def clean_credit(credit: str) -> str | None:
    """Return a credit without an appended rights notice, or None when it is no credit:
    a footer notice ("© 2019 X. All rights reserved"), a handle, a link or a staff phrase."""
    credit = _APPENDED_RIGHTS.sub("", credit).strip(" .,;:/|-–—")
    if not credit or _RIGHTS.search(credit) or _YEAR.search(credit):
        return None
    if _HANDLE.search(credit) or _URL.search(credit):
        return None
    if credit.casefold() in vocab.STAFF_PHRASES:
        return None
    return credit


def strip_label(credit: str) -> str:
    """Return a credit without its label and brackets: "(Photo: Jane Doe/AP)" -> "Jane Doe/AP"."""
    text = normalize_space(credit)
    previous = None
    while text and text != previous:
        previous = text
        text = text.strip(" .,;:|-–—")
        if len(text) > 1 and text[0] in "([" and text[-1] in ")]":
            text = text[1:-1].strip()
        text = _LEADING_LABEL.sub("", text, count=1)
    return text


def has_photo_source(text: str) -> bool:
    """Return whether `text` names a photo agency or stock library ("Getty Images", "AP")."""
    return _SOURCE.search(text) is not None


def _word_count(text: str) -> int:
    return len(text.split())


def is_credit_text(text: str) -> bool:
    """Return whether a short text is a photo credit without a label ("Jane Doe/Getty Images")."""
    text = normalize_space(text)
    if not text or len(text) > vocab.MAX_CREDIT_CHARS or _word_count(text) > 12:
        return False
    if _LEADING_LABEL.match(text) and strip_label(text):
        return _credit_ok(text)
    if text.endswith((".", "!", "?", ":")) and not re.search(r"\b[A-Z]\.$", text):
        return bool(_DOMAIN.match(text.strip("()[] ")))
    stripped = text.strip("()[] ")
    if _DOMAIN.match(stripped):
        return True
    return bool(_SOURCE.search(stripped) or _SLASHED.search(stripped) or _VIA.search(stripped))


def _credit_ok(credit: str) -> bool:
    """Return whether a labelled tail is a credit, not a caption behind a hidden label."""
    credit = strip_label(credit)
    if not credit or len(credit) > vocab.MAX_CREDIT_CHARS or _word_count(credit) > 12:
        return False
    lower_words = [w for w in credit.split() if w[0].islower()]
    return len(lower_words) <= vocab.MAX_CREDIT_LOWER_WORDS


def split_credit(text: str, *, normalized: bool = False) -> tuple[str, str | None]:
    """Split "caption + credit" into (caption, credit or None); the credit keeps no label.

    `normalized` says the text comes from normalize_space() already (saves a pass).
    """
    text = text if normalized else normalize_space(text)
    caption, credit = _split_credit(text)
    if credit is not None:
        credit = clean_credit(credit)
        if credit is None:
            return text, None
    return caption, credit


def _split_credit(text: str) -> tuple[str, str | None]:
    if not text:
        return "", None
    # The patterns below are tried only where their cheap prefilter finds what they need.
    brackets = _TRAILING_BRACKETS.search(text) if text.endswith((")", "]")) else None
    if brackets is not None:
        inner = brackets.group(1)
        if is_credit_text(inner) or _LEADING_LABEL.match(inner):
            caption = text[: brackets.start()].strip()
            return caption, strip_label(inner) or None
    folded = fold(text)
    labelled = _LABEL_WORDS.search(folded) is not None
    for match in reversed(list(_TRAILING_LABEL.finditer(text)) if labelled else []):
        credit = text[match.start() :]
        if _credit_ok(credit):
            return text[: match.start()].strip(), strip_label(credit)
        break
    tail = _TAIL_PHRASE.search(text) if folded.endswith(_TAIL_ENDINGS) else None
    if tail is not None and tail.start() > 0:
        return text[: tail.start()].strip(), tail.group(0)
    label = _LEADING_LABEL.match(text) if labelled else None
    if label is not None:
        if _credit_ok(text):
            return "", strip_label(text)
        return text[label.end() :].strip(), None  # a hidden "Image:" label before a caption
    return _split_unlabelled(text) if "/" in text or "|" in text else (text, None)


def _split_unlabelled(text: str) -> tuple[str, str | None]:
    """Split a caption whose last "sentence" is a bare credit ("… Austria. Jane Doe / Reuters")."""
    for end in _SENTENCE_END.finditer(text):
        tail = text[end.end() :]
        if _word_count(tail) <= 8 and is_credit_text(tail) and ("/" in tail or "|" in tail):
            return text[: end.end()].strip(), strip_label(tail)
    return text, None
