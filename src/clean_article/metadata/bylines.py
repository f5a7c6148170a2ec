"""Parse a printed byline into author names and news agencies."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from clean_article import lazy_re as re
from clean_article.metadata import dates, vocab
from clean_article.model import Byline
from clean_article.normalize import normalize_space

_PREFIX = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(p) for p in sorted(vocab.BYLINE_PREFIXES, key=len, reverse=True))
    + r")\b\s*:?\s+|(?:"
    + "|".join(re.escape(p) for p in vocab.BYLINE_LABELS)
    + r")\s*:\s*)",
    re.IGNORECASE,
)
_STOP = re.compile(
    r"(?:^|[\s,;(])(?:"
    + "|".join(re.escape(p) for p in sorted(vocab.BYLINE_STOP_PHRASES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# Parts of a byline: "Name | Outlet", "Name - Title", "NAMES / Associated Press", and an
# affiliation: "Jane Doe For The Mail On Sunday", "Jane Doe, for Reuters" (only the first
# part holds authors).
_PART_SEPARATORS = re.compile(r"\s*(?:\||•|·|\s/\s|\s[-–—]\s|／|,?\s+(?i:for)\s+(?=[A-Z]))\s*")
# Names inside one part: "A, B and C", "A & B", "A und B", "A et B", "A y B", "A e B",
# "A en B", "A i B"; "And"/"AND" in title-cased or shouted bylines too (one-letter words
# only in lower case: capital "E" or "Y" may be an initial).
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\b(?i:and|und)\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b)\s*")
_PARENS = re.compile(r"\(([^()]*)\)")
# DW-style editor initials: "es/nm" (seed 000).
_INITIALS = re.compile(r"^[a-z]{1,4}(?:\s*/\s*[a-z]{1,4})+$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_DIGIT = re.compile(r"\d")
# "CITY, State (AP) —" or "(Reuters) -": the agency of a wire story, from its dateline.
_DATELINE = re.compile(r"^[A-ZÀ-Ý][^()\n!?]{0,60}?\(([^()]{1,40})\)\s*[—–-]")
# A name glued to an outlet in capitals: "Jane DoeFOXBusiness" (bench 51374560 in lynx).
_GLUED_SUFFIX = re.compile(r"([a-z])([A-Z]{2,})")
# Handles, e-mail addresses and phone numbers printed beside a name (bench 08f79376).
_CONTACT = re.compile(r"\S+@\S+|@\w+|\(?\+?\d[\d ()./-]{6,}\d")
# A line crediting agencies only: "(dpa)", "Quelle: AFP", "© dpa", "dpa/lno".
_AGENCY_LINE_LABEL = re.compile(
    r"^(?:©|\(c\)|quelle|source|fuente|fonte|bron|mit material von)\s*:?\s*", re.I
)
_REGIONAL_DESK = re.compile(r"^[a-z]{2,4}$")
# "PARIS — …", "MADRID, 3 may -": a place in capitals and a dash opening a story.
_PLACE_DASH = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'-]{2,40}(?:,[^—–\n]{0,30})?\s+[—–-]\s")
# Name particles written in lower case ("Ursula von der Leyen", "Luiz Inácio da Silva").
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "das", "do", "dos", "di", "del", "della"}
    | {"le", "la", "al", "el", "bin", "ibn", "ten", "ter", "zu", "y"}
)


def agency_name(text: str) -> str | None:
    """Return the canonical agency for `text` ("The Associated Press" -> "AP"), else None."""
    key = normalize_space(text).strip(" .,;:()").lower()
    return vocab.AGENCY_BY_ALIAS.get(key)


def agencies_in(text: str) -> list[str]:
    """Return the agencies named as whole tokens in a short credit like "AP, dpa" or "dpa/lno"."""
    found: list[str] = []
    for piece in re.split(r"\s*(?:,|/|;|&|\band\b|\bund\b)\s*", text):
        name = agency_name(piece)
        if name and name not in found:
            found.append(name)
    return found


def starts_with_dateline(paragraph: str) -> bool:
    """Return whether `paragraph` opens with a dateline ("BERLIN (dpa) -", "PARIS —"):
    then it is the story's first paragraph, never a standfirst."""
    return bool(_DATELINE.match(paragraph.strip()) or _PLACE_DASH.match(paragraph.strip()))


def dateline_agencies(paragraph: str) -> list[str]:
    """Return the agencies of a wire dateline opening `paragraph` ("BERLIN (dpa) - ...")."""
    match = _DATELINE.match(paragraph.strip())
    if match is None:
        return []
    pieces = re.split(r"\s*[,/]\s*", match.group(1))
    names = [agency_name(p) for p in pieces]
    if not names or any(n is None for n in names):
        return []
    return list(dict.fromkeys(n for n in names if n))


def agency_line(line: str, *, normalized: bool = False) -> list[str]:
    """Return the agencies of a line that names only agencies: "(dpa)", "dpa/lno",
    "AFP/Reuters", "Quelle: dpa" (a wire credit closing the story), else [].

    `normalized` says the line comes from normalize_space() already (saves a pass).
    """
    line = line if normalized else normalize_space(line)
    text = _AGENCY_LINE_LABEL.sub("", line).strip(" .()[]")
    if not text or len(text) > vocab.MAX_AGENCY_LINE:
        return []
    if text == line and "/" not in text:
        return []  # a bare "Reuters" line may be a photo credit; a wire credit is marked
    pieces = [p for p in re.split(r"\s*(?:,|/|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", text) if p]
    first = agency_name(pieces[0]) if pieces else None
    if first is None:
        return []
    names = [first]
    for piece in pieces[1:]:
        name = agency_name(piece)
        if name is None and not _REGIONAL_DESK.match(piece):
            return []  # "dpa/lno": a regional desk code may follow; anything else may not
        names += [name] if name else []
    return list(dict.fromkeys(names))


def _looks_like_name(text: str) -> bool:
    if not text or len(text) > vocab.MAX_NAME_CHARS or _DIGIT.search(text) or "/" in text:
        return False
    words = text.split()
    if len(words) > vocab.MAX_NAME_WORDS or text.endswith(":"):
        return False
    if text.casefold() in vocab.BYLINE_PREFIXES:  # "By" alone names nobody
        return False
    if not text[0].isalpha():
        return False
    if not any(ch.isupper() for ch in text) and any(ch.islower() for ch in text):
        return False  # a Latin-script name has capitals; scripts without case pass
    for word in words:
        first = word[0]
        if first.islower() and word.lower() not in _PARTICLES:
            return False
        if _is_glued(word):
            return False
    return True


def _strip_title(words: list[str]) -> list[str]:
    """Cut a job title off a name: "Michael Hiltzik Business Columnist" -> "Michael Hiltzik"."""
    lowered = [w.lower().strip(".,") for w in words]
    for index, word in enumerate(lowered):
        if any(t in vocab.TITLE_WORDS for t in word.split("-")):
            start = index
            while start > 0 and lowered[start - 1] in vocab.TITLE_MODIFIERS:
                start -= 1
            return words[:start]
    return words


def _is_outlet(text: str, outlets: Collection[str]) -> bool:
    lowered = text.lower().strip(" .")
    if lowered in outlets:
        return True
    if any(lowered == p or lowered.endswith(" " + p) for p in vocab.STAFF_PHRASES):
        return True
    if "." in lowered and " " not in lowered:  # "NJ.com", "Phys.org"
        return True
    words = lowered.split()
    return bool(words) and words[-1] in vocab.OUTLET_WORDS


_GLUED = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]")
# One inner capital after a short prefix is a name: McDonald, DeArdo, MacKenzie, LeBron.
_PREFIXED_NAME = re.compile(r"^(?:[A-Z][a-z]{1,3}|O'|D')[A-Z][a-z]+$")


def _is_glued(word: str) -> bool:
    """Return whether `word` is a glued brand ("FOXBusiness", "iPhone"), not a name part."""
    word = word.strip(".,")
    return bool(_GLUED.search(word)) and not _PREFIXED_NAME.match(word)


def _title_words(word: str) -> list[str]:
    return word.lower().strip(".,").split("-")


def _classify(candidate: str, outlets: Collection[str]) -> tuple[str | None, list[str]]:
    """Return (author or None, agencies) for one name-sized piece of a byline."""
    candidate = candidate.strip(" .,;:-–—'\"")
    if not candidate:
        return None, []
    agency = agency_name(candidate)
    if agency:
        return None, [agency]
    candidate, agencies = _strip_tail(candidate, outlets)
    if _is_outlet(candidate, outlets):
        return None, agencies
    words = candidate.split()
    if (
        len(words) >= 4
        and len(words) % 2 == 0
        and words[: len(words) // 2] == words[len(words) // 2 :]
    ):
        words = words[: len(words) // 2]  # "Jane Doe Jane Doe": a name printed twice
    if any(t in vocab.TITLE_WORDS for w in words for t in _title_words(w)):
        # "AP Auto Writer": a wire title names the agency (bench 05844573)
        first = agency_name(words[0])
        if first is not None:
            return None, [first]
        words = _strip_title(words)
        if len(words) < 2:  # "CNN Editor-at-large": an outlet before the title, no name
            return None, agencies
    while len(words) > 2 and _is_glued(words[-1]):  # "Jane Doe FOXBusiness"
        words = words[:-1]
    if len(words) > 2 and words[-1].isupper() and not all(w.isupper() for w in words):
        words = words[:-1]  # "Jane Doe FOX": an outlet in capitals behind a name
    candidate = " ".join(words)
    if not candidate or _is_outlet(candidate, outlets):
        return None, agencies
    return (candidate if _looks_like_name(candidate) else None), agencies


def _strip_tail(candidate: str, outlets: Collection[str]) -> tuple[str, list[str]]:
    """Cut a site or agency name glued behind a name: "Jane Doe USA TODAY", "JOE ROE Reuters"."""
    lowered = candidate.lower()
    for outlet in outlets:
        if lowered.endswith(" " + outlet):
            return candidate[: -len(outlet)].strip(), []
    words = candidate.split()
    for size in (3, 2, 1):
        if len(words) <= size + 1:
            continue
        tail = " ".join(words[-size:]).lower().strip(".,")
        if tail in vocab.AGENCY_BY_ALIAS and tail not in vocab.AMBIGUOUS_AGENCY_CODES:
            return " ".join(words[:-size]), [vocab.AGENCY_BY_ALIAS[tail]]
    return " ".join(_strip_outlet_tail(words)), []


def _strip_outlet_tail(words: list[str]) -> list[str]:
    """Cut an outlet name behind a name: "Jane Doe Florida Today" -> "Jane Doe"."""
    if len(words) < 3 or words[-1].strip(".,").casefold() not in vocab.OUTLET_WORDS:
        return words
    for keep in (2, 3):  # most names have two words, most outlet names one to three
        rest = words[:keep]
        if 1 <= len(words) - keep <= 3 and _looks_like_name(" ".join(rest)):
            return rest
    return words


def _cut(text: str) -> str:
    """Cut what follows the names: contact details, contributor notes, dates and labels."""
    for cut in (dates.first_label_start(text), _date_start(text)):
        if cut is not None and cut > 0:
            text = text[:cut]
    text = _CONTACT.sub(" ", text)
    stop = _STOP.search(text)
    return text[: stop.start()] if stop else text


def _strip_leading_date(text: str) -> str:
    """Drop a date printed before the byline: "11/19/2019 by Jane Doe" (bench 9cb8224b)."""
    found = dates.leading_date(text)
    if found is not None and _PREFIX.match(text[found.end :].strip()):
        return text[found.end :].strip()
    return text


def _date_start(text: str) -> int | None:
    found = dates.find_date(text)
    return found.start if found is not None else None


def parse_byline(raw: str, outlets: Iterable[str] = ()) -> Byline:
    """Parse a printed byline; `outlets` are the site's own names (never authors)."""
    text = normalize_space(raw)
    if not text or len(text) > 300:
        return Byline()
    outlet_set = frozenset(o.lower().strip() for o in outlets if o)
    text = _GLUED_SUFFIX.sub(r"\1 \2", text)
    text = _cut(_strip_leading_date(text)).strip(" ,;:|-–—")
    agencies: list[str] = []
    for inner in _PARENS.findall(text):
        found = agencies_in(inner)
        agencies += found
    text = _PARENS.sub(" ", text).strip(" ,;:|-–—")
    text = _PREFIX.sub("", text)
    if _INITIALS.match(text):
        initials = tuple(p.strip() for p in text.split("/"))
        return Byline(initials, tuple(dict.fromkeys(agencies)), normalize_space(raw))
    authors: list[str] = []
    for number, part in enumerate(_PART_SEPARATORS.split(text)):
        part = _PREFIX.sub("", part.strip())
        for piece in _NAME_SEPARATORS.split(part):
            author, found = _classify(piece, outlet_set)
            agencies += found
            if author and number == 0 and author not in authors:
                authors.append(author)
    return Byline(tuple(authors), tuple(dict.fromkeys(agencies)), normalize_space(raw))


def looks_like_byline(text: str, *, normalized: bool = False) -> bool:
    """Return whether a short line reads as a byline: "By Jane Doe", "Von ...", "es/nm (AP)",
    or "Jane Doe, AP Sports Writer" (a name, a comma and a job title).

    `normalized` says the line comes from normalize_space() already (saves a pass).
    """
    text = _strip_leading_date(text if normalized else normalize_space(text))
    if not text or len(text) > 200:
        return False
    # Initials hold a slash and a titled name a comma: lines without either are skipped cheaply.
    if "/" in text and _INITIALS.match(_PARENS.sub("", text).strip()):
        return True
    if _PREFIX.match(text) is None and not ("," in text and _titled(text)):
        return False
    byline = parse_byline(text)
    return bool(byline.authors or byline.agencies)


def _titled(text: str) -> bool:
    """Return whether `text` is "Names, Job title" or "Names, Outlet" (no "By")."""
    names, _, title = text.partition(",")
    if len(text) > vocab.MAX_TITLED_CHARS or len(title.split()) > vocab.MAX_TITLE_WORDS:
        return False  # "Jane Doe, a senior analyst at X, said that …" is a sentence
    words = {w.strip(".").casefold() for w in title.split()}
    if words & vocab.TITLE_WORDS:
        pass
    elif not words & vocab.OUTLET_WORDS or has_source(title) or agency_name(title):
        return False
    pieces = _NAME_SEPARATORS.split(names.strip())
    return all(_looks_like_name(p) and len(p.split()) >= 2 for p in pieces)


def has_source(text: str) -> bool:
    """Return whether `text` names a photo agency: then it is a credit, not a byline."""
    lowered = text.casefold()
    return any(source in lowered for source in vocab.PHOTO_SOURCES if " " in source)


def looks_like_name(text: str) -> bool:
    """Return whether a short line is a bare person name ("Jane Doe", "JANE DOE")."""
    text = _CONTACT.sub(" ", normalize_space(text)).strip()
    words = text.split()
    if not 2 <= len(words) <= 4 or not _looks_like_name(text):
        return False
    # Proper case, or all capitals: "CBSN Live", "I", "RF" or a full stop are no name
    shouted = all(w.isupper() for w in words)
    if any(
        len(w) < 2 or not w[0].isupper() or (w[1:] != w[1:].lower() and not shouted) for w in words
    ):
        return False
    if text.endswith(".") and len(words[-1]) > 3:
        return False
    lowered = {w.strip(".,").casefold() for w in words}
    if lowered & (vocab.TITLE_WORDS | vocab.OUTLET_WORDS | vocab.NOT_NAME_WORDS):
        return False
    return agency_name(text) is None


def looks_like_bare_byline(text: str) -> bool:
    """Return whether a line is names alone, maybe with the outlet behind them:
    "Jane Doe", "Jane Doe and John Roe USA TODAY", "Jane Doe Florida Today"."""
    text = _CONTACT.sub(" ", normalize_space(text)).strip()
    if not text or len(text) > vocab.MAX_TITLED_CHARS or _DIGIT.search(text):
        return False
    pieces = [p for p in _NAME_SEPARATORS.split(text) if p]
    if not pieces or len(pieces) > vocab.MAX_NAME_WORDS:
        return False
    *names, last = pieces
    last = _strip_outlet_tail(last.split())
    return all(looks_like_name(p) for p in [*names, " ".join(last)])
