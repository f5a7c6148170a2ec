"""Find the tables and code a text dump writes in Markdown: pipe tables and fenced code.

html2text and reader services (the "Markdown Content:" dumps) write a table as pipe rows
under a `---|---` rule and code between ``` fences. Both are unambiguous, so they are read
in every dump style, before the lines are grouped into paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from clean_article.model import BlockType
from clean_article.normalize import code_text

# An opening or closing code fence: three or more backticks or tildes.
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# The rule under a pipe table's header row, two columns at least ("---|---", "| :-- | --: |").
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
# A cell separator: a pipe not escaped with a backslash.
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# A table is kept as a table with at least this many rows (the header counts) and two
# columns, and no cell longer than this; otherwise it is a page's layout grid (html2text
# writes those as pipe rows too) and its lines are read as ordinary text.
TABLE_MIN_ROWS = 2
TABLE_MIN_COLUMNS = 2
TABLE_MAX_CELL_CHARS = 300


@dataclass(frozen=True, slots=True)
class Structure:
    """A table or a code block found in the dump's lines (0-based, inclusive)."""

    first: int
    last: int
    type: BlockType
    text: str
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False


def find_structures(lines: list[str], clean_cell: Callable[[str], str]) -> list[Structure]:
    """Return the fenced code blocks and pipe tables of `lines`, in order."""
    found: list[Structure] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "`" in line or "~" in line:
            code = _code(lines, i)
            if code is not None:
                found.append(code)
                i = code.last + 1
                continue
        if i + 1 < len(lines) and "|" in line and "-" in lines[i + 1]:
            table = _table(lines, i, clean_cell)
            if table is not None:
                found.append(table)
                i = table.last + 1
                continue
        i += 1
    return found


def _code(lines: list[str], start: int) -> Structure | None:
    """Return the fenced block opening at `start`, or None (no fence, or never closed)."""
    opening = FENCE.match(lines[start])
    if not opening:
        return None
    fence = opening.group(1)
    for end in range(start + 1, len(lines)):
        closing = FENCE.match(lines[end])
        if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
            if lines[end].strip() != closing.group(1):
                continue  # a closing fence carries nothing after it
            text = code_text("\n".join(lines[start + 1 : end]))
            return Structure(start, end, BlockType.CODE, text)
    return None


def _table(lines: list[str], start: int, clean_cell: Callable[[str], str]) -> Structure | None:
    """Return the pipe table whose header row is `lines[start]`, or None."""
    if not TABLE_RULE.match(lines[start + 1]):
        return None
    head = _cells(lines[start], clean_cell)
    end = start + 1
    rows: list[tuple[str, ...]] = []
    while end + 1 < len(lines) and "|" in lines[end + 1] and lines[end + 1].strip():
        end += 1
        cells = _cells(lines[end], clean_cell)
        if any(cells):
            rows.append(cells)
    header = any(head)
    if header:
        rows.insert(0, head)
    cells_all = [cell for row in rows for cell in row]
    if (
        len(rows) < TABLE_MIN_ROWS
        or max(map(len, rows)) < TABLE_MIN_COLUMNS
        or max(map(len, cells_all)) > TABLE_MAX_CELL_CHARS
    ):
        return None
    width = max(map(len, rows))  # a short row has empty cells at its end, as in GFM
    rows = [row + ("",) * (width - len(row)) for row in rows]
    text = " ".join(" | ".join(filter(None, row)) for row in rows)
    return Structure(start, end, BlockType.TABLE, text, tuple(rows), header)


def _cells(line: str, clean_cell: Callable[[str], str]) -> tuple[str, ...]:
    """Split a pipe row into its cleaned cells (the outer pipes are optional)."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return tuple(clean_cell(cell.replace("\\|", "|")) for cell in _CELL_SPLIT.split(body))
