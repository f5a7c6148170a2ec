"""The HTML path: trafilatura's body cut into blocks, then revised against the metadata."""

from __future__ import annotations

import pytest
from lxml import etree

from clean_article import BlockType, Verdict, clean
from clean_article.html import _blocks
from clean_article.html_revise import revise
from clean_article.model import Block, Byline, Image, Metadata


def test_body_blocks_keep_text_left_as_tails() -> None:
    body = etree.fromstring(
        "<body>lead text<head rend='h2'>Section</head>text after the heading"
        "<p>A <hi>marked</hi> word<lb/>and a break.</p><list><item>one</item><item>two</item></list>"
        "tail after list<table><row><cell>a</cell><cell>b</cell></row></table><quote>q</quote></body>"
    )
    assert [(b.type, b.text) for b in _blocks(body)] == [
        (BlockType.PARAGRAPH, "lead text"),
        (BlockType.HEADING, "Section"),
        (BlockType.PARAGRAPH, "text after the heading"),
        (BlockType.PARAGRAPH, "A marked word and a break."),
        (BlockType.LIST_ITEM, "one"),
        (BlockType.LIST_ITEM, "two"),
        (BlockType.PARAGRAPH, "tail after list"),
        (BlockType.PARAGRAPH, "a | b"),
        (BlockType.QUOTE, "q"),
    ]


def test_synthetic_article_end_to_end(article_html: bytes) -> None:
    article = clean(article_html, name="article.html")
    text = article.text
    assert article.metadata.title == "Harbour town votes to keep its ferry"
    assert article.blocks[0].text.startswith("Residents of Lowmouth voted on Saturday")
    assert "A crossing with a long history" in [
        b.text for b in article.blocks if b.type is BlockType.HEADING
    ]
    assert any(b.type is BlockType.QUOTE for b in article.blocks)
    for furniture in [
        "Accept all cookies",
        "Related stories",
        "Council approves",
        "All rights reserved",
        "Home",
    ]:
        assert furniture not in text
    assert "Harbour town votes to keep its ferry" not in text, "the headline is metadata, not body"


META = Metadata(
    title="Big storm hits the coast",
    lede="Thousands are without power after the storm.",
    byline=Byline(("Jane Doe",), (), "By Jane Doe"),
    images=(Image("Waves break over the pier.", "Jo Roe/AP"),),
)


@pytest.mark.parametrize(
    ("block", "verdict", "reason"),
    [
        (Block(BlockType.HEADING, "Big storm hits the coast"), Verdict.METADATA, "metadata: title"),
        (
            Block(BlockType.PARAGRAPH, "Thousands are without power after the storm."),
            Verdict.METADATA,
            "metadata: lede",
        ),
        (Block(BlockType.PARAGRAPH, "By Jane Doe"), Verdict.METADATA, "metadata: byline"),
        (
            Block(BlockType.PARAGRAPH, "Waves break over the pier. Photo: Jo Roe/AP"),
            Verdict.METADATA,
            "metadata: caption and credit",
        ),
        (
            Block(BlockType.PARAGRAPH, "Waves break over the pier. Later the sea calmed down."),
            Verdict.BODY,
            "body",
        ),
        (
            Block(BlockType.PARAGRAPH, "Read more: Storm season starts early"),
            Verdict.BOILERPLATE,
            "furniture",
        ),
        (
            Block(BlockType.PARAGRAPH, "Lesen Sie auch: Der Sturm zieht weiter"),
            Verdict.BOILERPLATE,
            "furniture",
        ),
        (
            Block(BlockType.PARAGRAPH, "© 2024 Coastal News. All rights reserved."),
            Verdict.BOILERPLATE,
            "furniture",
        ),
        (Block(BlockType.PARAGRAPH, "Advertisement"), Verdict.BOILERPLATE, "furniture"),
        (
            Block(BlockType.PARAGRAPH, "Sign up for our daily newsletter"),
            Verdict.BOILERPLATE,
            "furniture",
        ),
        (
            Block(
                BlockType.PARAGRAPH,
                "Share this information, please? It matters to everyone on the coast and beyond.",
            ),
            Verdict.BODY,
            "body",
        ),
        (
            Block(
                BlockType.PARAGRAPH,
                "The newsletter of the harbour society has 300 readers, the mayor said on Monday in a long speech about the future of the town and its people.",
            ),
            Verdict.BODY,
            "body",
        ),
    ],
)
def test_revise_verdicts(block: Block, verdict: Verdict, reason: str) -> None:
    decision = revise(
        [block, Block(BlockType.PARAGRAPH, "A closing paragraph of the story.")], META
    )[0]
    assert decision.verdict is verdict
    assert reason in decision.reason


def test_trailing_headings_are_dropped_but_inner_ones_kept() -> None:
    blocks = [
        Block(BlockType.HEADING, "First section"),
        Block(BlockType.PARAGRAPH, "Text of the first section."),
        Block(BlockType.HEADING, "Newsletter box title"),
        Block(BlockType.HEADING, "Thanks!"),
    ]
    verdicts = [d.verdict for d in revise(blocks, Metadata())]
    assert verdicts == [Verdict.BODY, Verdict.BODY, Verdict.BOILERPLATE, Verdict.BOILERPLATE]
