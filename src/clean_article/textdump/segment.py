"""Cut a plain-text dump of a web page into candidate blocks (Segments).

Steps: detect the dump's style, group lines into blocks the way that style writes them
(re-join hard-wrapped lines, join inline text nodes), strip renderer markup, split spans
that were glued without a separator, and guess the block type.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from clean_article import lazy_re as re
from clean_article.model import BlockType, Segment
from clean_article.normalize import normalize_space
from clean_article.textdump import vocab as v
from clean_article.textdump.structure import find_structures


class DumpStyle(StrEnum):
    """How a renderer laid paragraphs out in the dump."""

    WRAPPED = "wrapped"  # hard-wrapped at a fixed width (lynx, w3m)
    MARKDOWN = "markdown"  # Markdown-ish, blank-line paragraphs (html2text)
    NODES = "nodes"  # one text node per line (BeautifulSoup get_text)
    LINES = "lines"  # one paragraph per line (inscriptis, browser copy, WET)


@dataclass(frozen=True, slots=True)
class _Group:
    """Dump lines that form one block, before markup is stripped."""

    first: int
    last: int
    lines: tuple[str, ...]
    standalone: bool  # blank lines (or the dump's ends) on both sides


_SPACE_START = ("\t", " ", "\u00a0", "\u202f", "\u2009")  # NBSPs end inline nodes too
_CLOSING = tuple(",.;:!?)]}»”’%")
_TERMINAL = tuple(".!?:")


def detect_style(lines: list[str]) -> DumpStyle:
    """Guess how the dump's renderer laid out paragraphs."""
    text = "\n".join(lines)
    if len(v.MD_LINK_STYLE.findall(text)) >= v.MARKDOWN_MIN_LINKS:
        return DumpStyle.MARKDOWN
    filled = [line.rstrip() for line in lines if line.strip()]
    if not filled:
        return DumpStyle.LINES
    inline = sum(_inline_pair(a, b) for a, b in itertools.pairwise(lines))
    if inline >= v.NODES_MIN_PAIRS and inline / len(filled) >= v.NODES_MIN_INLINE:
        return DumpStyle.NODES
    width = wrap_width(lines)
    if width and width <= v.WRAPPED_MAX_WIDTH:
        long_lines = continued = 0
        for a, b in itertools.pairwise(lines):
            if columns(a) >= v.WRAPPED_LONG_LINE * width and " " in a.strip():
                long_lines += 1
                continued += _starts_lower(b) and not _is_marker_line(b, DumpStyle.WRAPPED)
        if long_lines and continued / long_lines >= v.WRAPPED_MIN_CONTINUATIONS:
            return DumpStyle.WRAPPED
    return DumpStyle.LINES


def _inline_pair(a: str, b: str) -> bool:
    """Return True when line `b` can only be an inline text node continuing line `a`."""
    if not a.strip() or not b.strip():
        return False
    after_word = _ends_with(v.NODE_AFTER_WORD, a)
    if after_word and v.NODE_CLOSING.match(b):
        return True
    if _ends_with(v.NODE_OPEN_END, a) and b.strip()[0].isalpha() and not b[0].isspace():
        return True
    return after_word and bool(v.NODE_SPACE_LOWER.match(b))


def _ends_with(rx: re.Pattern[str], line: str) -> bool:
    """Search an end-anchored pattern of at most two characters in the line's tail only."""
    return bool(rx.search(line, len(line) - 3))  # "$" may also match before a final "\n"


def columns(line: str) -> int:
    """Return the display width of `line`: wide East Asian characters take two columns."""
    line = line.rstrip()
    # No wide character sorts below U+1100: most lines skip the search (and its compile).
    if line.isascii() or max(line) < "\u1100":
        return len(line)
    return len(line) + len(v.WIDE_CHAR.findall(line))


def _starts_lower(line: str) -> bool:
    """Return True when `line` starts with a letter that is not a capital (or has no case)."""
    first = line.strip()[:1]
    return first.isalpha() and not first.isupper()


def wrap_width(lines: list[str]) -> int:
    """Return the width the dump seems wrapped at: the 99th percentile of prose lines."""
    lengths = sorted(columns(line) for line in lines if " " in line.strip())
    if not lengths:
        return 0
    return lengths[max(0, int(len(lengths) * 0.99) - 1)]


def _is_marker_line(line: str, style: DumpStyle) -> bool:
    """Return True when `line` opens a new block by its markup (bullet, heading, quote)."""
    if v.BULLET.match(line) or v.NUMBERED.match(line):
        return True
    if style in (DumpStyle.WRAPPED, DumpStyle.LINES):
        return bool(v.NESTED_O.match(line))
    if style is DumpStyle.MARKDOWN:
        return bool(v.MD_HEADING.match(line) or v.MD_QUOTE.match(line))
    return False


def _joins(prev: str, cur: str, style: DumpStyle, width: int) -> bool:
    """Return True when `cur` continues the block that `prev` belongs to."""
    if _is_marker_line(cur, style):
        return False
    if style is DumpStyle.MARKDOWN:
        return not prev.endswith("  ")  # html2text writes <br> as two trailing spaces
    if style is DumpStyle.WRAPPED:
        words = cur.split(maxsplit=1)
        if words and columns(prev) + 1 + columns(words[0]) > width:
            return True
        return body_continues(prev, cur)  # a line broken early, mid-sentence
    body = cur.lstrip()
    if style is DumpStyle.NODES:
        if body.startswith(_CLOSING):
            return True
        if prev.endswith(_SPACE_START) and not prev.rstrip().endswith(_TERMINAL):
            return True
        return cur.startswith(_SPACE_START) and body[:1].islower()
    # One paragraph per line, but a source newline inside a paragraph survives in some dumps.
    return body_continues(prev, cur)


def body_continues(prev: str, cur: str) -> bool:
    """Return True when `cur` starts in lower case right after an unfinished line."""
    return cur.strip()[:1].islower() and bool(v.UNFINISHED_END.search(prev))


def _groups(lines: list[str], style: DumpStyle, width: int) -> Iterator[_Group]:
    """Yield the blocks of `lines` as the style lays them out (`width`: the wrap width)."""
    start = -1
    for i, line in enumerate([*lines, ""]):
        if start >= 0 and (not line.strip() or not _joins(lines[i - 1], line, style, width)):
            before = start == 0 or not lines[start - 1].strip()
            after = i >= len(lines) or not line.strip()
            yield _Group(start, i - 1, tuple(lines[start:i]), before and after)
            start = -1
        if start < 0 and line.strip():
            start = i


def _strip_markup(text: str, style: DumpStyle) -> tuple[str, BlockType | None]:
    """Remove renderer markup from a joined block; return its text and a type it implies."""
    kind: BlockType | None = None
    if v.BULLET.match(text) or v.NUMBERED.match(text):
        text = v.NUMBERED.sub("", v.BULLET.sub("", text, count=1), count=1)
        kind = BlockType.LIST_ITEM
    elif style in (DumpStyle.WRAPPED, DumpStyle.LINES) and v.NESTED_O.match(text):
        text, kind = v.NESTED_O.sub("", text, count=1), BlockType.LIST_ITEM
    if style is DumpStyle.MARKDOWN:
        if m := v.MD_HEADING.match(text):
            text, kind = text[m.end() :], BlockType.HEADING
        elif m := v.MD_QUOTE.match(text):
            text, kind = text[m.end() :], BlockType.QUOTE
        only_image = v.MD_IMAGE.fullmatch(text.strip())
        text = only_image.group(1) if only_image else v.MD_IMAGE.sub("", text)
        text = v.MD_LINK.sub(r"\1", text)
        text = v.MD_ORPHAN_OPEN.sub("", v.MD_ORPHAN_CLOSE.sub("", text))
        text = v.MD_ESCAPE.sub(r"\1", v.MD_EMPHASIS.sub("", text))
    if "[" in text:  # all three markers are bracketed
        text = v.LINK_MARKER.sub("", v.LINK_MARKER_GLUED.sub(" ", v.IMAGE_NAME.sub(" ", text)))
    if "(" in text or "[" in text or text.startswith("#"):
        text = v.PLACEHOLDER.sub(" ", text)
    return normalize_space(text), kind


def _glue_points(text: str) -> list[int]:
    """Return the offsets where `text` holds two blocks glued without a separator."""
    sure = {m.start() for rx, cue in v.GLUE_SURE if cue.search(text) for m in rx.finditer(text)}
    camel: set[int] = set()
    if v.GLUE_CASE_CUE.search(text):
        camel = {m.start() for rx in (v.GLUE_CAMEL, v.GLUE_CAPS) for m in rx.finditer(text)}
    if not camel:
        return sorted(sure)
    points: list[int] = []
    last = 0
    for pos in sorted(sure | camel):
        if pos in camel and pos not in sure:
            chunk = text[last:pos]
            if len(chunk) > v.GLUE_CHUNK_MAX or v.SENTENCE_INSIDE.search(chunk):
                continue
        points.append(pos)
        last = pos
    return points


def split_glued(text: str) -> list[str]:
    """Split `text` where blocks were glued together; return the non-empty pieces."""
    points = _glue_points(text)
    bounds = zip([0, *points], [*points, len(text)], strict=True)
    pieces = [piece for a, b in bounds if (piece := text[a:b].strip())]
    return [part for piece in pieces for part in _split_headline_runs(piece)]


def _split_headline_runs(text: str) -> list[str]:
    """Cut a long block into sentences when one stretch of it has no sentence end."""
    if len(text) <= v.LONG_BLOCK_CHARS:
        return [text]
    sentences = [s.strip() for s in v.SENTENCE_BREAK.split(text) if s.strip()]
    if any(len(s.split()) > v.HEADLINE_RUN_WORDS for s in sentences):
        return sentences
    return [text]


def looks_like_heading(text: str) -> bool:
    """Return True for a short, title-like line: few words, capitalised, no sentence end."""
    if len(text) > v.HEADING_MAX_CHARS:
        return False
    words = text.split()
    if not words or len(words) > v.HEADING_MAX_WORDS:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in '"“‘«¿¡'):
        return False
    return not v.HEADING_BAD_END.search(text) and any(c.isalpha() for c in text)


def _join(group: _Group, style: DumpStyle, width: int) -> str:
    """Join a group's lines: text nodes directly, wrapped lines with a space."""
    if style is DumpStyle.NODES:
        return "".join(group.lines)
    parts = [group.lines[0].rstrip()]  # keep the indent: it marks lynx's nested "o" items
    previous = group.lines[0]
    for raw in group.lines[1:]:
        line = raw.strip()
        if not _wrapped_inside_word(previous, line, width):
            parts.append(" ")
        parts.append(line)
        previous = raw
    return "".join(parts)


def _wrapped_inside_word(prev: str, line: str, width: int) -> bool:
    """Return True when a wrap fell inside a word, so the lines join without a space.

    Chinese and Japanese have no spaces to break at; Korean has, but some renderers (w3m)
    break it anywhere, filling the line to the last column.
    """
    last, first = prev.rstrip()[-1:], line[:1]
    # No such character sorts below U+3000: most pairs skip the pattern (and its compile).
    both_high = last >= "\u3000" and first >= "\u3000"
    if both_high and v.NO_SPACE_CHAR.match(last) and v.NO_SPACE_CHAR.match(first):
        return True
    full = width > 0 and columns(prev) >= width - 1
    return full and bool(v.WIDE_CHAR.match(last) and v.WIDE_CHAR.match(first))


def segment_dump(text: str) -> list[Segment]:
    """Split a text dump into candidate blocks, in reading order."""
    if not text or "\x00" in text[:1000]:
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Tables and code are cut out first: a table's "---|---" rule is no horizontal rule.
    structures = _structures(lines) if "|" in text or "``" in text or "~~~" in text else []
    lines = [
        "" if v.RULE_LINE.match(line) or (":" in line and v.REFERENCE_LINE.match(line)) else line
        for line in lines
    ]
    reader = _reader_header(lines)
    style = DumpStyle.MARKDOWN if reader else detect_style(lines)
    width = wrap_width(lines) if style is DumpStyle.WRAPPED else 0
    segments: list[Segment] = []
    for group in _groups(lines, style, width):
        raw = "\n".join(group.lines)
        cleaned, kind = _strip_markup(_join(group, style, width), style)
        pieces = split_glued(cleaned)
        alone = group.standalone or style is DumpStyle.NODES or len(pieces) > 1
        indent = len(group.lines[0]) - len(group.lines[0].lstrip())
        for piece in pieces:
            if not any(map(str.isalnum, piece)):
                continue
            btype = kind or BlockType.PARAGRAPH
            if kind is None and alone and looks_like_heading(piece):
                btype = BlockType.HEADING
            segments.append(
                Segment(
                    index=len(segments),
                    text=piece,
                    type=btype,
                    first_line=group.first,
                    last_line=group.last,
                    raw=raw,
                    indent=indent,
                )
            )
    return _with_structures(segments, structures)


def _reader_header(lines: list[str]) -> bool:
    """Read a reader service's header ("Title: ... URL Source: ... Markdown Content:").

    The title line becomes a Markdown heading (the metadata stage reads it as the title),
    the other header lines are blanked; return True when the dump has such a header.
    """
    head = [i for i, line in enumerate(lines[: v.READER_HEADER_LINES]) if line.strip()]
    if not head or not v.READER_TITLE.match(lines[head[0]]):
        return False
    end = next((i for i in head if v.READER_CONTENT.match(lines[i])), None)
    if end is None:
        return False
    title = v.READER_TITLE.sub("", lines[head[0]]).strip()
    lines[: end + 1] = [""] * (end + 1)
    lines[head[0]] = f"# {title}" if title else ""
    return True


def _clean_cell(cell: str) -> str:
    return _strip_markup(cell, DumpStyle.MARKDOWN)[0]


def _structures(lines: list[str]) -> list[Segment]:
    """Cut the tables and code blocks out of `lines` (blanking them); return them as segments."""
    made = []
    for st in find_structures(lines, _clean_cell):
        raw = "\n".join(lines[st.first : st.last + 1])
        lines[st.first : st.last + 1] = [""] * (st.last - st.first + 1)
        if st.text:
            made.append(Segment(0, st.text, st.type, st.first, st.last, raw, 0, st.rows, st.header))
    return made


def _with_structures(segments: list[Segment], made: list[Segment]) -> list[Segment]:
    """Put the tables and code blocks back among the segments, in line order."""
    if not made:
        return segments
    ordered = sorted([*segments, *made], key=lambda s: s.first_line)
    return [replace(s, index=i) for i, s in enumerate(ordered)]
