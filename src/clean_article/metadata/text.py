"""Metadata of a text dump, where only what the page showed survives (no JSON-LD, no meta).

Each finder claims the segments it is sure are metadata (byline, date line, title, section,
lede, image alt/caption/credit); the text classifier drops claimed segments from the body.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from clean_article import lazy_re as re
from clean_article.metadata import dates, vocab
from clean_article.metadata.bylines import (
    agency_line,
    dateline_agencies,
    looks_like_bare_byline,
    looks_like_byline,
    parse_byline,
    starts_with_dateline,
)
from clean_article.metadata.credits import is_credit_text
from clean_article.metadata.text_images import find_text_images
from clean_article.model import BlockType, Byline, Dates, Image, Metadata, Options, Segment
from clean_article.normalize import normalize_space

_TERMINAL = tuple(".!?…:;")
# Breadcrumb separators: "Home > World", "News / Europe", "Politik » Ausland".
_CRUMB_SEPARATOR = re.compile(r"\s+[>/|»›]\s+|\s*[»›]\s*")
# "By" alone on a line, the name on the next: one text node per line (bs4 dumps).
_BY_WORD = re.compile(rf"^(?:{'|'.join(vocab.BY_WORDS)})$", re.IGNORECASE)
# Markdown left in raw lines: [text](url) links, __emphasis__, escaped dashes (html2text).
_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)?|[_*]{1,2}|\\(?=[-.#*_])")


@dataclass(frozen=True, slots=True)
class TextMetadata:
    """Metadata found in a text dump, and the segments it claimed (index -> role)."""

    metadata: Metadata = field(default_factory=Metadata)
    claimed: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Dump:
    """The segments of one call, with what the finders derive from them computed once:
    their normalised texts, the lines of each segment and the date read from each line
    (caches of this call only)."""

    segments: Sequence[Segment]
    options: Options
    texts: list[str]  # normalize_space() of each segment's text
    _lines: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    _labelled: dict[str, dates.LabelledDates | None] = field(default_factory=dict)
    _date_only: dict[str, str | None] = field(default_factory=dict)

    def lines(self, position: int) -> list[tuple[str, str]]:
        """Return (line, normalised line) for the lines of the segment at `position` (see
        _lines); do not mutate."""
        lines = self._lines.get(position)
        if lines is None:
            segment = self.segments[position]
            lines = self._lines[position] = _lines(segment, self.texts[position])
        return lines

    def labelled(self, line: str) -> dates.LabelledDates | None:
        """Return the dates after the labels of a line, or None when it has no label."""
        if line not in self._labelled:
            labelled = None
            if dates.has_date_label(line):
                labelled = dates.find_labelled_dates(line, self.options.reference_date)
            self._labelled[line] = labelled
        return self._labelled[line]

    def date_only(self, line: str) -> str | None:
        """Return the date of a line that is little more than a date, else None."""
        if line not in self._date_only:
            self._date_only[line] = _date_only(line, self.options)
        return self._date_only[line]


def _lines(segment: Segment, text: str) -> list[tuple[str, str]]:
    """Return the segment's raw lines when it has several (a byline and a date line the
    segmenter joined), Markdown links and emphasis unwrapped, then its whole text; each
    with its normalised form (`text`: the segment's text normalised)."""
    whole = (segment.text, text)
    if len(segment.raw) > vocab.MAX_RAW_CHARS:  # a piece of a long glued line: its text will do
        return [whole]
    raw = segment.raw.splitlines()
    if len(raw) < 2:  # one line: its text is all there is
        return [whole]
    lines = [normalize_space(_MARKUP.sub(_unwrap, line)) for line in raw]
    lines = [line for line in lines if line]
    if len(lines) < 2 or _wrapped(lines):
        return [whole]
    pairs = [(line, line) for line in lines]  # normalised already
    if any(line.count("[") != line.count("]") for line in raw):
        return [whole, *pairs]  # a Markdown link wrapped over two lines: text first
    return [*pairs, whole]


def _wrapped(lines: list[str]) -> bool:
    """Return whether the lines are one paragraph hard-wrapped at a width (lynx, w3m):
    then a line opening with "by" is the middle of a sentence, not a byline."""
    width = max(len(line) for line in lines)
    full = sum(len(line) >= vocab.WRAPPED_SHARE * width for line in lines[:-1])
    return width >= vocab.WRAPPED_MIN_WIDTH and full == len(lines) - 1


def _unwrap(match: re.Match[str]) -> str:
    return match.group(1) or ""


def _bylines(dump: _Dump) -> list[tuple[int, Byline]]:
    """Return (position, byline) for every line that reads as a byline."""
    segments = dump.segments
    found: list[tuple[int, Byline]] = []
    for position, segment in enumerate(segments):
        if len(segment.text) > vocab.MAX_HEADER_CHARS * 2:
            continue
        lines = dump.lines(position)
        if position and _BY_WORD.match(segments[position - 1].text):
            joined = f"{segments[position - 1].text} {segment.text}"
            lines = [(joined, normalize_space(joined)), *lines]
        for line, normal in lines:
            if len(line) <= vocab.MAX_HEADER_CHARS and looks_like_byline(normal, normalized=True):
                byline = parse_byline(line)
                if byline.authors or byline.agencies:
                    found.append((position, byline))
                    break
        if len(found) >= vocab.MAX_BYLINE_CANDIDATES:  # a listing of bylines: enough to choose from
            break
    return found


def _bare_name(dump: _Dump, near: int) -> tuple[int, Byline] | None:
    """Return a bare author name printed next to the date line ("Jane Doe" alone)."""
    for position in sorted(
        range(near - vocab.NAME_WINDOW, near + vocab.NAME_WINDOW + 1), key=lambda p: abs(p - near)
    ):
        if 0 <= position < len(dump.segments) and position != near:
            for line, _ in dump.lines(position):
                if looks_like_bare_byline(line):
                    return position, parse_byline(line)
    return None


def _rank(segments: Sequence[Segment], position: int, near: int) -> tuple[bool, int]:
    """Order byline candidates: a "By …" entry of a menu list is a show or a section, not
    the byline (bench 1f765c48); then the nearest to the date line."""
    return segments[position].type == BlockType.LIST_ITEM, abs(position - near)


def _find_byline(dump: _Dump, whole: _DateScan) -> tuple[int | None, Byline]:
    """Return the byline nearest to the first date line (or the first one), with its
    position; `whole` is the date scan of the whole dump."""
    segments = dump.segments
    candidates = _bylines(dump)
    position = {s.index: p for p, s in enumerate(segments)}
    near = position[whole.indices[0]] if whole.indices else None
    if near is not None:
        close = [c for c in candidates if abs(c[0] - near) <= vocab.DATE_WINDOW]
        best = min(close, key=lambda c: _rank(segments, c[0], near), default=None)
        best = best or _bare_name(dump, near)
        if best is not None:
            return segments[best[0]].index, best[1]
    if candidates:
        return segments[candidates[0][0]].index, candidates[0][1]
    return None, Byline()


def _date_only(line: str, options: Options) -> str | None:
    if len(line) > vocab.MAX_DATE_LINE_CHARS:
        return None
    found = dates.find_date(line, options.reference_date)
    if found is None or (found.end - found.start) / len(line) < vocab.MIN_DATE_SHARE:
        return None
    return found.value


@dataclass(slots=True)
class _DateScan:
    published: str | None = None
    modified: str | None = None
    unlabelled: str | None = None
    indices: list[int] = field(default_factory=list)


def _scan_dates(dump: _Dump, positions: range, scan: _DateScan) -> None:
    reference_date = dump.options.reference_date
    for position in positions:
        segment = dump.segments[position]
        if len(segment.text) > vocab.MAX_HEADER_CHARS * 2:
            continue
        for line, _ in dump.lines(position):
            if len(line) > vocab.MAX_HEADER_CHARS or not dates.may_hold_date(line, reference_date):
                continue
            labelled = dump.labelled(line)
            if labelled is not None:
                if labelled.published or labelled.modified:
                    scan.published = scan.published or labelled.published or labelled.unlabelled
                    scan.modified = scan.modified or labelled.modified
                    scan.indices.append(segment.index)
            elif scan.unlabelled is None and (value := dump.date_only(line)):
                scan.unlabelled = value
                scan.indices.append(segment.index)
        if scan.published and scan.modified:
            return


def _whole_scan(dump: _Dump) -> _DateScan:
    """Return the dates of the whole dump, first ones first."""
    scan = _DateScan()
    _scan_dates(dump, range(len(dump.segments)), scan)
    return scan


def _find_dates(
    dump: _Dump, anchor: int | None, byline: Byline, whole: _DateScan
) -> tuple[Dates, list[int]]:
    """Return the dates shown near the byline, in the byline line itself, or else the
    first ones of the dump (`whole`, the scan of all of it); with the segments holding them."""
    segments, options = dump.segments, dump.options
    scan = _DateScan()
    if byline.raw:  # "By Jane Doe - 11/19/19 6:56 AM": the date printed in the byline line
        in_byline = dates.find_labelled_dates(byline.raw, options.reference_date)
        scan.published = in_byline.published or in_byline.unlabelled
        scan.modified = in_byline.modified
    if anchor is not None and not (scan.published and scan.modified):
        position = next(i for i, s in enumerate(segments) if s.index == anchor)
        end = min(len(segments), position + vocab.DATE_WINDOW)
        _scan_dates(dump, range(max(0, position - vocab.DATE_WINDOW), end), scan)
    if not (scan.published or scan.unlabelled or scan.modified):
        scan = whole
    published = scan.published or scan.unlabelled
    if published is None and scan.modified:
        # A page showing only "Updated …" was published by then: its day is the best guess.
        published = scan.modified[:10]
    return Dates(published, scan.modified), sorted(set(scan.indices))


def _short(segments: Sequence[Segment], index: int) -> bool:
    """Return whether the segment is short enough to be claimed whole as a header line."""
    return any(s.index == index and len(s.text) <= vocab.MAX_HEADER_CHARS for s in segments)


def _words(text: str) -> int:
    return len(text.split())


def _find_title(segments: Sequence[Segment], header: int, taken: dict[int, str]) -> int | None:
    for position in range(header - 1, max(-1, header - 1 - vocab.TITLE_LOOKBACK), -1):
        segment = segments[position]
        if segment.index in taken:
            continue
        words = _words(segment.text)
        if segment.text.endswith(".") or segment.type == BlockType.LIST_ITEM:
            continue  # a sentence with a full stop is a standfirst, not the headline
        if is_credit_text(segment.text) or looks_like_byline(segment.text):
            continue  # a photo credit ("Jane Doe | Getty Images") or a byline is no headline
        if vocab.TITLE_MIN_WORDS <= words <= vocab.TITLE_MAX_WORDS:
            return position
    return None


def _find_section(segments: Sequence[Segment], title: int) -> list[int]:
    pieces: list[int] = []
    next_line = segments[title].first_line
    for position in range(title - 1, -1, -1):
        segment = segments[position]
        text = segment.text
        short = _words(text) <= vocab.SECTION_MAX_WORDS and not text.endswith(_TERMINAL)
        close = next_line - segment.last_line <= vocab.SECTION_MAX_GAP
        if not (short and close and text[:1].isupper()) or segment.type == BlockType.LIST_ITEM:
            break
        if text.casefold() in vocab.HOME_WORDS:
            break
        pieces.insert(0, position)
        next_line = segment.first_line
    return pieces if 0 < len(pieces) <= vocab.SECTION_MAX_PIECES else []


def _breadcrumb(pieces: Iterable[str]) -> tuple[str, ...]:
    """Return section names from breadcrumb pieces: "Home > World" -> ("World",)."""
    names = (n.strip() for piece in pieces for n in _CRUMB_SEPARATOR.split(piece))
    return tuple(n for n in names if n and n.casefold() not in vocab.HOME_WORDS)


def _find_lede(segments: Sequence[Segment], after: int, taken: dict[int, str]) -> int | None:
    """Return the paragraph right after the header when an image follows it (DW layout)."""
    position = after + 1
    if position + 1 >= len(segments) or segments[position].index in taken:
        return None
    segment = segments[position]
    if not vocab.LEDE_MIN_WORDS <= _words(segment.text) <= vocab.LEDE_MAX_WORDS:
        return None
    if starts_with_dateline(segment.text):
        return None  # "MADRID (EFE) - …" opens the story itself
    following = taken.get(segments[position + 1].index)
    return position if following in ("image_alt", "caption", "credit") else None


def _agencies(dump: _Dump, start: int, taken: dict[int, str]) -> list[str]:
    """Return agencies from wire datelines opening the story and lines naming only agencies."""
    found: list[str] = []
    checked = 0
    for position in range(start, len(dump.segments)):
        segment = dump.segments[position]
        role = taken.get(segment.index)
        if role is not None and role != "lede":  # a standfirst is story text; others are not
            continue
        found += agency_line(dump.texts[position], normalized=True)
        if len(segment.text) >= vocab.DATELINE_MIN_CHARS and checked < vocab.DATELINE_PARAGRAPHS:
            found += dateline_agencies(segment.text)
            checked += 1
    return found


def _extract(segments: Sequence[Segment], options: Options) -> TextMetadata:
    claimed: dict[int, str] = {}
    dump = _Dump(segments, options, [normalize_space(s.text) for s in segments])
    whole = _whole_scan(dump)
    byline_index, byline = _find_byline(dump, whole)
    found_dates, date_indices = _find_dates(dump, byline_index, byline, whole)
    if byline_index is not None and _short(segments, byline_index):
        claimed[byline_index] = "byline"
        at = next(p for p, s in enumerate(segments) if s.index == byline_index)
        if at and _BY_WORD.match(segments[at - 1].text):
            claimed[segments[at - 1].index] = "byline"
    for index in date_indices:
        claimed.setdefault(index, "date")
    position = {s.index: p for p, s in enumerate(segments)}
    header = [position[i] for i in claimed if claimed[i] in ("byline", "date")]
    title = lede = None
    section: tuple[str, ...] = ()
    agencies = list(byline.agencies)
    first = min(header, default=None)
    if first is not None:
        title_at = _find_title(segments, first, claimed)
        if title_at is not None:
            title = segments[title_at].text
            claimed[segments[title_at].index] = "title"
            pieces = _find_section(segments, title_at)
            section = _breadcrumb(segments[p].text for p in pieces)
            claimed.update({segments[p].index: "section" for p in pieces})
    images, image_claims = find_text_images(segments, claimed, dump.texts)
    claimed.update(image_claims)
    if first is not None:
        top = [p for p in header if p - first <= vocab.DATE_WINDOW]
        lede_at = _find_lede(segments, max(top), claimed)
        if lede_at is not None:
            lede = segments[lede_at].text
            claimed[segments[lede_at].index] = "lede"
        agencies += _agencies(dump, first, claimed)
    byline = Byline(byline.authors, tuple(dict.fromkeys(agencies)), byline.raw)
    if title:  # lynx prints the headline as every image's alt text (bench e1c7023e)
        images = tuple(_without_prefix(image, title) for image in images)
    metadata = Metadata(
        title=title,
        section=section,
        lede=lede,
        byline=byline,
        dates=found_dates,
        images=images,
    )
    return TextMetadata(metadata, claimed)


def _without_prefix(image: Image, title: str) -> Image:
    caption = image.caption or ""
    if caption.startswith(title + " ") and len(caption) > len(title) + 1:
        return Image(caption[len(title) + 1 :], image.credit, image.alt, image.src)
    return image


def extract_text_metadata(segments: Sequence[Segment], options: Options) -> TextMetadata:
    """Return the dump's metadata and the segments it claimed; never raises on odd input."""
    try:
        return _extract(segments, options)
    except (ValueError, IndexError, RecursionError):
        return TextMetadata()
