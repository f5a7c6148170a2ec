"""Renderers: an Article as JSON (schema version 1), a JSON Lines record, or Markdown."""

from __future__ import annotations

import json
from typing import Any

from clean_article import lazy_re as re
from clean_article.model import Article, Block, BlockType

# Characters a YAML 1.1 or 1.2 reader either refuses unescaped or reads as a line break.
_YAML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
# Line starts that Markdown would read as structure inside a paragraph.
_MD_MARKER = re.compile(r"^(#{1,6}\s|[-+*]\s|>|\d{1,9}[.)]\s|={3,}\s*$|-{3,}\s*$|`{3,}|~{3,})")

_BACKTICKS = re.compile("`+")


def to_json(article: Article) -> str:
    """Return the article as an indented JSON document ending in a newline."""
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_json_line(article: Article) -> str:
    """Return the article as one JSON Lines record (no newline inside, one at the end)."""
    return json.dumps(article.to_dict(), ensure_ascii=False) + "\n"


def to_markdown(article: Article) -> str:
    """Return YAML front matter, then the lede, the images and the body in Markdown."""
    doc = article.to_dict()
    front = [
        "---",
        f"title: {_yaml(doc['title'])}",
        f"authors: {_yaml(doc['byline']['authors'])}",
        f"agencies: {_yaml(doc['byline']['agencies'])}",
        f"published: {_yaml(doc['dates']['published'])}",
        f"modified: {_yaml(doc['dates']['modified'])}",
        f"section: {_yaml(doc['section'])}",
        f"language: {_yaml(doc['language'])}",
    ]
    if doc["images"]:
        front.append("images:")
        for image in doc["images"]:
            front.append(f"  - caption: {_yaml(image['caption'])}")
            for key in ("credit", "alt", "src"):
                front.append(f"    {key}: {_yaml(image[key])}")
    else:
        front.append("images: []")
    front.append(f"page_type: {_yaml(doc['page_type'])}")
    front += [
        "source:",
        f"  name: {_yaml(doc['source']['name'])}",
        f"  format: {_yaml(doc['source']['format'])}",
        f"  sha256: {_yaml(doc['source']['sha256'])}",
        f"  url: {_yaml(doc['source']['url'])}",
        f"  record_id: {_yaml(doc['source']['record_id'])}",
        f"  warc_date: {_yaml(doc['source']['warc_date'])}",
    ]
    front += [
        f"url: {_yaml(doc['url'])}",
        f"site_name: {_yaml(doc['site_name'])}",
        "---",
    ]
    body: list[str] = []
    if article.metadata.lede:
        body.append(_escape(article.metadata.lede))
    for image in article.metadata.images:
        shown = " ".join(
            filter(None, (image.caption, f"({image.credit})" if image.credit else None))
        )
        if shown:
            body.append(f"*{_escape_inline(shown)}*")
    for block in article.blocks:
        body.append(_block(block))
    return "\n".join(front) + "\n\n" + "".join(part + "\n\n" for part in body).rstrip("\n") + "\n"


def _block(block: Block) -> str:
    kind, text = block.type, block.text
    if kind is BlockType.TABLE and block.rows:
        return _pipe_table(block.rows, block.header)
    if kind is BlockType.CODE:
        return _fenced(text)
    if kind is BlockType.HEADING:
        return f"## {text}"
    if kind is BlockType.LIST_ITEM:
        return f"- {text}"
    if kind is BlockType.QUOTE:
        return f"> {text}"
    return _escape(text)


def _pipe_table(rows: tuple[tuple[str, ...], ...], header: bool) -> str:
    """Return a GitHub-flavoured pipe table; a table without a header gets an empty one."""
    width = max(map(len, rows))
    cells = [[_escape_cell(c) for c in row] + [""] * (width - len(row)) for row in rows]
    head, body = (cells[0], cells[1:]) if header else ([""] * width, cells)
    lines = [head, ["---"] * width, *body]
    return "\n".join("| " + " | ".join(row) + " |" for row in lines)


def _escape_cell(text: str) -> str:
    """Keep a cell one cell: backslash the pipes (and the backslashes before them)."""
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _fenced(code: str) -> str:
    """Fence code with more backticks than the longest run inside it (at least three)."""
    longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{code}\n{fence}"


def _escape(text: str) -> str:
    """Keep a paragraph a paragraph: backslash a leading character Markdown reads as structure."""
    return "\\" + text if _MD_MARKER.match(text) else text


def _escape_inline(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


def _yaml(value: Any) -> str:
    """Render a string, null or list of strings as a YAML flow value every YAML reader accepts."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(item) for item in value) + "]"
    # A JSON string is a YAML double-quoted scalar once the characters YAML treats apart are escaped.
    quoted = json.dumps(str(value), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
