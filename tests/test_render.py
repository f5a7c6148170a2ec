"""Renderers: JSON keeps the schema's shape, Markdown front matter is always valid YAML."""

from __future__ import annotations

import json

import pytest
import yaml

from clean_article.model import (
    Article,
    Block,
    BlockType,
    Byline,
    Dates,
    Image,
    Metadata,
    SourceFormat,
)
from clean_article.render import to_json, to_json_line, to_markdown


def make_article(**meta: object) -> Article:
    metadata = Metadata(
        title=str(meta.get("title", "A title")),
        section=("World",),
        lede="The lede.",
        byline=Byline(("Jane Doe",), ("AP",), "By Jane Doe (AP)"),
        dates=Dates("2024-10-01T09:00:00+02:00", None),
        images=(Image("A caption.", "Jo Roe/AP", "alt text", "https://example.org/a.jpg"),),
    )
    blocks = (
        Block(BlockType.HEADING, "Sub head"),
        Block(BlockType.PARAGRAPH, "First paragraph."),
        Block(BlockType.LIST_ITEM, "an item"),
        Block(BlockType.QUOTE, "a quote"),
        Block(BlockType.PARAGRAPH, "# not a heading"),
    )
    return Article("page.html", SourceFormat.HTML, "0" * 64, metadata, blocks)


def front_matter(markdown: str) -> dict[str, object]:
    assert markdown.startswith("---\n")
    head, _, _ = markdown[4:].partition("\n---\n")
    loaded = yaml.safe_load(head)
    assert isinstance(loaded, dict)
    return loaded


def test_json_is_indented_and_ends_with_newline() -> None:
    out = to_json(make_article())
    assert out.endswith("}\n")
    assert (
        json.loads(out)["text"]
        == "Sub head\n\nFirst paragraph.\n\nan item\n\na quote\n\n# not a heading"
    )


def test_json_line_is_one_line() -> None:
    out = to_json_line(make_article())
    assert out.count("\n") == 1 and out.endswith("\n")
    assert json.loads(out) == json.loads(to_json(make_article()))


def test_markdown_body_marks_block_types() -> None:
    md = to_markdown(make_article())
    body = md.split("\n---\n", 1)[1]
    assert "## Sub head\n" in body
    assert "\n- an item\n" in body
    assert "\n> a quote\n" in body
    assert "\n\\# not a heading\n" in body, "a paragraph starting with '#' is escaped"
    assert "*A caption. (Jo Roe/AP)*" in body
    assert body.index("The lede.") < body.index("Sub head")


@pytest.mark.parametrize(
    "title",
    [
        'Quotes " and \\ backslashes',
        "key: value # not a comment",
        "- starts like a list",
        "{braces} [brackets] & *stars* !tags |pipes >folds",
        "null",
        "yes",
        "2024-10-01",
        "line\u2028separator and \u0085 next-line",
        "tab\there and bell\x07",
        "Ünïcödé – “typographic” ✓ 中文",
    ],
)
def test_front_matter_is_valid_yaml_for_any_title(title: str) -> None:
    meta = front_matter(to_markdown(make_article(title=title)))
    assert meta["title"] == title


def test_front_matter_fields() -> None:
    meta = front_matter(to_markdown(make_article()))
    assert meta["authors"] == ["Jane Doe"]
    assert meta["agencies"] == ["AP"]
    assert meta["published"] == "2024-10-01T09:00:00+02:00"
    assert meta["modified"] is None
    assert meta["section"] == ["World"]
    assert meta["images"] == [
        {
            "caption": "A caption.",
            "credit": "Jo Roe/AP",
            "alt": "alt text",
            "src": "https://example.org/a.jpg",
        }
    ]
    assert meta["source"] == {
        "name": "page.html",
        "format": "html",
        "sha256": "0" * 64,
        "url": None,
        "record_id": None,
        "warc_date": None,
    }
