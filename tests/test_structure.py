"""Tables and code keep their structure: TABLE blocks with rows, CODE blocks with line breaks,
GitHub-flavoured pipe tables and fenced code in Markdown, from HTML and from text dumps."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from markdown_it import MarkdownIt

from clean_article import Options, clean
from clean_article.model import Article, Block, BlockType, Metadata, SourceFormat
from clean_article.render import to_markdown

PROSE = (
    "The committee met again on Tuesday and published the figures that every member of the "
    "board had asked for since the spring, with a note on how they were gathered."
)
CODE = 'def greet(name):\n    if name:\n        return f"hello {name}"\n\n    return "hello"'


def page(inner: str) -> bytes:
    body = f"<p>{PROSE}</p>{inner}<p>{PROSE.replace('Tuesday', 'Friday')}</p>"
    return (
        f"<html><head><title>T</title></head><body><article>{body}</article></body></html>".encode()
    )


def blocks_of(article: Article, kind: BlockType) -> list[Block]:
    return [b for b in article.blocks if b.type is kind]


def validate(article: Article) -> None:
    text = resources.files("clean_article").joinpath("schema/article-v1.schema.json").read_text()
    jsonschema.Draft202012Validator(json.loads(text)).validate(article.to_dict())


def gfm_tables(markdown: str) -> list[list[list[str]]]:
    """Parse Markdown as GFM and return every table as rows of cell texts (header row first)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[list[list[str]]] = []
    row: list[str] = []
    in_cell = False
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = token.type.endswith("_open")
        elif token.type == "inline" and in_cell:
            row.append(token.content)
        elif token.type == "tr_close":
            tables[-1].append(row)
    return tables


def gfm_code(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [t.content.rstrip("\n") for t in tokens if t.type == "fence"]


HEADED = (
    "<table><thead><tr><th>Bank</th><th>Rate</th></tr></thead><tbody>"
    "<tr><td>North | South</td><td>1.5%</td></tr><tr><td>East</td><td></td></tr>"
    "</tbody></table>"
)


def test_html_table_becomes_one_table_block_with_header() -> None:
    article = clean(page(HEADED))
    (table,) = blocks_of(article, BlockType.TABLE)
    assert table.rows == (("Bank", "Rate"), ("North | South", "1.5%"), ("East", ""))
    assert table.header is True
    assert "\n" not in table.text and "Bank | Rate" in table.text
    doc = article.to_dict()
    (entry,) = [b for b in doc["blocks"] if b["type"] == "table"]
    assert entry["rows"][0] == ["Bank", "Rate"] and entry["header"] is True
    assert all("rows" not in b for b in doc["blocks"] if b["type"] != "table")
    validate(article)


def test_html_table_round_trips_through_gfm() -> None:
    article = clean(page(HEADED))
    markdown = to_markdown(article)
    assert "| --- | --- |" in markdown
    assert "North \\| South" in markdown  # the pipe inside a cell is escaped
    assert gfm_tables(markdown) == [[["Bank", "Rate"], ["North | South", "1.5%"], ["East", ""]]]


def test_html_table_without_header_gets_an_empty_header_row() -> None:
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in [("x", "1"), ("y", "2")])
    article = clean(page(f"<table>{rows}</table>"))
    (table,) = blocks_of(article, BlockType.TABLE)
    assert table.header is False and table.rows == (("x", "1"), ("y", "2"))
    assert gfm_tables(to_markdown(article)) == [[["", ""], ["x", "1"], ["y", "2"]]]


def test_single_column_layout_table_stays_paragraphs() -> None:
    rows = "".join(f"<tr><td>{PROSE} ({n})</td></tr>" for n in range(2))
    article = clean(page(f"<table>{rows}</table>"))
    assert not blocks_of(article, BlockType.TABLE)
    assert any(b.text == f"{PROSE} (1)" for b in article.blocks)


def test_html_pre_becomes_code_with_line_breaks_and_indentation() -> None:
    article = clean(page(f"<pre><code>{CODE}</code></pre>"))
    (code,) = blocks_of(article, BlockType.CODE)
    assert code.text == CODE
    validate(article)
    markdown = to_markdown(article)
    assert f"```\n{CODE}\n```" in markdown
    assert gfm_code(markdown) == [CODE]


def test_fence_is_longer_than_any_backtick_run_inside() -> None:
    code = "echo ```\nprint('````')"
    blocks = (Block(BlockType.CODE, code),)
    article = Article("x", SourceFormat.HTML, "0" * 64, Metadata(), blocks)
    markdown = to_markdown(article)
    assert "`````\necho" in markdown
    assert gfm_code(markdown) == [code]


@pytest.mark.parametrize(
    ("bad_code"),
    ["\nleading blank line", "trailing space \nx", "x\n", "nbsp\u00a0inside"],
)
def test_schema_rejects_unclean_code(bad_code: str) -> None:
    text = resources.files("clean_article").joinpath("schema/article-v1.schema.json").read_text()
    validator = jsonschema.Draft202012Validator(json.loads(text))
    doc: dict[str, Any] = clean(page("")).to_dict()
    doc["blocks"].append({"type": "code", "text": bad_code})
    assert not validator.is_valid(doc)
    doc["blocks"][-1]["text"] = "ok\n    indented"
    assert validator.is_valid(doc)
    doc["blocks"].append({"type": "table", "text": "a | b"})  # a table must give its rows
    assert not validator.is_valid(doc)


DUMP = f"""{PROSE}

Bank | **Rate** | Change
---|---|---
[North](https://example.org/n) | 1.5% | +0.1
South \\| East | 2.0% |

{PROSE.replace("Tuesday", "Monday")}

````
x = "```"
    indented()
````

{PROSE.replace("Tuesday", "Friday")}
"""


def test_text_dump_pipe_table_and_fenced_code() -> None:
    article = clean(DUMP.encode(), options=Options(input_format=SourceFormat.TEXT))
    (table,) = blocks_of(article, BlockType.TABLE)
    assert table.rows == (
        ("Bank", "Rate", "Change"),
        ("North", "1.5%", "+0.1"),
        ("South | East", "2.0%", ""),
    )
    assert table.header is True
    (code,) = blocks_of(article, BlockType.CODE)
    assert code.text == 'x = "```"\n    indented()'
    validate(article)
    markdown = to_markdown(article)
    assert gfm_tables(markdown)[0][1] == ["North", "1.5%", "+0.1"]
    assert gfm_code(markdown) == [code.text]
    assert [b.type for b in article.blocks] == [
        BlockType.PARAGRAPH,
        BlockType.TABLE,
        BlockType.PARAGRAPH,
        BlockType.CODE,
        BlockType.PARAGRAPH,
    ]


def test_unclosed_fence_and_rule_without_pipe_rows_stay_text() -> None:
    dump = f"{PROSE}\n\n```\nnot closed\n\nonly | one\n---|---\n\n{PROSE}\n"
    article = clean(dump.encode(), options=Options(input_format=SourceFormat.TEXT))
    assert not blocks_of(article, BlockType.CODE)
    assert not blocks_of(article, BlockType.TABLE)  # a header row alone is no table


READER_DUMP = f"""Title: Rates rise again
URL Source: https://example.org/rates
Published Time: 2024-10-01T09:00:00Z

Markdown Content:
Rates rise again
================

[Home](https://example.org/) [News](https://example.org/news) [Sport](https://example.org/s)

{PROSE}

![A chart of the rates](https://example.org/chart.png)

{PROSE.replace("Tuesday", "Monday")} See [the report](https://example.org/report) for details.
"""


def test_reader_service_dump_reads_header_links_and_images_as_such() -> None:
    article = clean(READER_DUMP.encode(), options=Options(input_format=SourceFormat.TEXT))
    text = article.text
    assert "URL Source" not in text and "Markdown Content" not in text and "Title:" not in text
    assert "See the report for details." in text  # link syntax read as its text
    assert "](" not in text and "chart.png" not in text
    assert "Home News" not in text
    assert [b.type for b in article.blocks] == [BlockType.PARAGRAPH, BlockType.PARAGRAPH]


def test_table_and_code_decisions_carry_reasons_for_explain() -> None:
    html = clean(page(HEADED + f"<pre>{CODE}</pre>"))
    dump = clean(DUMP.encode(), options=Options(input_format=SourceFormat.TEXT))
    for article in (html, dump):
        kinds = {d.type: d for d in article.decisions}
        for kind in (BlockType.TABLE, BlockType.CODE):
            assert kinds[kind].reason.startswith("body: ")
    table = next(d for d in dump.decisions if d.type is BlockType.TABLE)
    assert "table" in table.reason and table.rows[0] == ("Bank", "Rate", "Change")
