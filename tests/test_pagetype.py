"""Page types: the type each kind of page gets, and the body each type keeps and drops.

The pages are small and written for these tests; each carries the evidence a real page of its
kind shows (JSON-LD, Open Graph, its address, its markup), never one site's layout.
"""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from clean_article import Options, clean
from clean_article.model import PageType, SourceFormat

NAV = """<header class="site-header"><nav><ul><li><a href="/">Home</a></li>
<li><a href="/about">About us</a></li><li><a href="/blog">Blog</a></li></ul></nav></header>"""
FOOTER = """<footer class="site-footer"><p>Copyright 2026 Example Ltd. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li></ul>
</footer>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p>
</div>"""

LOREM = (
    "Each sentence here is plain prose written for the test, long enough to read as content "
    "and varied enough that no two paragraphs repeat each other word for word."
)


def page(head: str, main: str, url: str, title: str) -> bytes:
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><link rel="canonical" href="{url}">{head}</head>
<body>{NAV}<main>{main}</main>{FOOTER}</body></html>"""
    return html.encode("utf-8")


def ld(data: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def forum_page() -> bytes:
    posts = []
    people = [("ada_l", "2025-03-01T10:00:00Z"), ("grace_h", "2025-03-01T11:30:00Z")]
    people.append(("linus_t", "2025-03-02T08:15:00Z"))
    for n, (who, when) in enumerate(people):
        quote = (
            "<blockquote><p>The daemon stops after the upgrade and the log stays empty.</p>"
            "</blockquote>"
            if n == 1
            else ""
        )
        posts.append(
            f"""<div class="topic-post" itemprop="comment" itemscope
itemtype="https://schema.org/Comment"><div class="post-author" itemprop="author">
<span itemprop="name">{who}</span></div><time datetime="{when}">{when[:10]}</time>
<div class="post-body">{quote}<p>Post number {n + 1} by {who}: {LOREM} It says what the
poster tried, what happened and which version of the daemon they ran, with the exact
steps that were followed on the machine.</p></div><div class="post-actions"><a href="#">Reply</a>
<a href="#">Quote</a></div></div>"""
        )
    main = (
        '<h1>Daemon stops after upgrade</h1><div class="thread-posts">' + "".join(posts) + "</div>"
    )
    head = ld({"@context": "https://schema.org", "@type": "DiscussionForumPosting"})
    head += '<meta property="og:type" content="website">'
    url = "https://forum.example.org/t/daemon-stops-after-upgrade/1234"
    return page(head, main, url, "Daemon stops after upgrade - Example Forum")


def product_page() -> bytes:
    main = f"""<div class="breadcrumbs"><a href="/">Home</a> / <a href="/kettles">Kettles</a></div>
<h1>Steel Kettle 1.7 l</h1>
<div class="product-price"><span itemprop="price">$49.99</span></div>
<form class="cart"><select name="colour"><option>Black</option></select>
<button>Add to cart</button></form>
<div class="product-description"><h2>Description</h2><p>The steel kettle boils a full jug
in under four minutes. {LOREM}</p><p>Its lid opens wide for cleaning, and the base turns all
the way round so either hand can pour. {LOREM}</p></div>
<div class="product-specs"><h2>Specifications</h2><table>
<tr><th>Capacity</th><td>1.7 litres</td></tr><tr><th>Power</th><td>2200 watts</td></tr>
<tr><th>Weight</th><td>1.2 kilograms</td></tr></table></div>
<section class="related-products"><h2>Customers also bought</h2><ul>
<li><a href="/p/1">Toaster Two Slot</a> $39.99</li><li><a href="/p/2">Teapot Glass</a> $19.99</li>
</ul></section>"""
    head = ld(
        {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": "Steel Kettle 1.7 l",
            "offers": {"@type": "Offer", "price": "49.99"},
        }
    )
    head += '<meta property="og:type" content="product">'
    return page(head, main, "https://shop.example.com/product/steel-kettle", "Steel Kettle")


def docs_page() -> bytes:
    main = f"""<nav class="docs-sidebar"><ul><li><a href="/docs/install">Install</a></li>
<li><a href="/docs/config">Configuration</a></li><li><a href="/docs/api">API</a></li></ul></nav>
<article class="markdown"><h1>Configuration</h1>
<p>The tool reads its settings from one file in the project folder. {LOREM}</p>
<h2>Options</h2><p>Every option has a default, so an empty file is a valid one. {LOREM}</p>
<pre><code>[tool]\nlevel = 3\nstrict = true</code></pre>
<h2>Environment</h2><p>Nothing is read from the environment: the file alone decides. {LOREM}</p>
<a class="edit-link" href="/edit">Edit this page</a></article>
<aside class="table-of-contents"><p>On this page</p><ul><li><a href="#options">Options</a></li>
<li><a href="#environment">Environment</a></li></ul></aside>"""
    head = ld({"@context": "https://schema.org", "@type": "TechArticle"})
    url = "https://docs.example.dev/docs/configuration"
    return page(head, main, url, "Configuration | Example docs")


def service_page() -> bytes:
    sections = [
        ("Backups that restore", "Every night the service copies your data to two regions."),
        ("Pricing", "One plan per team, billed monthly, with no charge per seat."),
        ("Support", "Engineers answer within one working day, in three languages."),
    ]
    main = '<section class="hero"><h1>Cloud backup for small teams</h1>'
    main += '<p>Protect your files in minutes.</p><a class="btn" href="/signup">Get started</a>'
    main += "</section>"
    for heading, text in sections:
        main += f'<section class="feature"><h2>{heading}</h2><p>{text} {LOREM}</p></section>'
    head = ld({"@context": "https://schema.org", "@type": "Organization", "name": "Example"})
    head += '<meta property="og:type" content="website">'
    return page(head, main, "https://example.com/services/backup", "Cloud backup | Example")


def listing_page() -> bytes:
    cards = "".join(
        f"""<li class="card"><h3><a href="/blog/post-{n}">Story number {n} of the blog</a></h3>
<p class="excerpt">What story {n} is about, in two sentences a reader can skim. It ends
with a promise of more.</p></li>"""
        for n in range(1, 9)
    )
    main = f'<h1>All stories</h1><ul class="post-list">{cards}</ul>'
    main += '<div class="pagination"><a href="?page=2">Next page</a></div>'
    head = ld({"@context": "https://schema.org", "@type": "CollectionPage"})
    head += '<meta property="og:type" content="website">'
    return page(head, main, "https://example.com/blog/", "Blog | Example")


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    text = resources.files("clean_article").joinpath("schema/article-v1.schema.json").read_text()
    return jsonschema.Draft202012Validator(json.loads(text))


CASES = {
    PageType.FORUM: forum_page,
    PageType.PRODUCT: product_page,
    PageType.DOCUMENTATION: docs_page,
    PageType.SERVICE: service_page,
    PageType.LISTING: listing_page,
}


@pytest.mark.parametrize("kind", list(CASES), ids=lambda k: k.value)
def test_page_type_from_the_pages_own_evidence(
    kind: PageType, validator: jsonschema.Draft202012Validator
) -> None:
    article = clean(CASES[kind]())
    assert article.page_type is kind
    document = article.to_dict()
    assert document["page_type"] == kind.value
    validator.validate(document)
    # --explain names the decision and the features behind it.
    note = article.decisions[0]
    assert note.text == f"page type: {kind.value}" and "(" in note.reason


def test_news_article_stays_an_article(article_html: bytes) -> None:
    assert clean(article_html).page_type is PageType.ARTICLE


def test_forum_keeps_every_post_in_order_with_author_date_and_quotes() -> None:
    article = clean(forum_page())
    text = article.text
    positions = [text.find(f"Post number {n} by") for n in (1, 2, 3)]
    assert -1 not in positions and positions == sorted(positions)
    assert [p.author for p in article.posts] == ["ada_l", "grace_h", "linus_t"]
    assert [p.published for p in article.posts] == [
        "2025-03-01T10:00:00Z",
        "2025-03-01T11:30:00Z",
        "2025-03-02T08:15:00Z",
    ]
    for post in article.posts:
        span = article.blocks[post.first_block : post.first_block + post.block_count]
        assert any(post.author in b.text for b in span)
    quotes = [b for b in article.blocks if b.type.value == "quote"]
    assert quotes and "daemon stops after the upgrade" in quotes[0].text
    second = article.posts[1]
    assert (
        second.first_block
        <= article.blocks.index(quotes[0])
        < second.first_block + (second.block_count)
    )


def test_product_keeps_description_and_specifications_not_cart_or_recommendations() -> None:
    text = clean(product_page()).text
    assert "boils a full jug" in text and "opens wide for cleaning" in text
    assert "2200 watts" in text and "1.7 litres" in text
    for gone in ("Customers also bought", "Toaster Two Slot", "Add to cart", "Home / Kettles"):
        assert gone not in text


def test_documentation_keeps_headings_and_code_not_sidebar_toc_or_edit_link() -> None:
    article = clean(docs_page())
    text = article.text
    assert "level = 3" in text and "strict = true" in text
    assert {"Options", "Environment"} <= {b.text for b in article.blocks}
    for gone in ("Edit this page", "On this page", "Install"):
        assert gone not in text


def test_service_page_keeps_every_section_not_only_the_hero() -> None:
    text = clean(service_page()).text
    for section in ("two regions", "no charge per seat", "three languages"):
        assert section in text
    assert "We use cookies" not in text and "All rights reserved" not in text


def test_listing_keeps_each_items_title_and_teaser() -> None:
    text = clean(listing_page()).text
    for n in range(1, 9):
        assert f"Story number {n} of the blog" in text
        assert f"What story {n} is about" in text
    assert "Privacy policy" not in text


FORUM_DUMP = "\n".join(
    ["Example Forum", "", "Daemon stops after upgrade", ""]
    + [
        line
        for n, who in enumerate(("ada_l", "grace_h", "linus_t"), 1)
        for line in (
            f"   {who}",
            "   Joined: Mar 2024 Posts: 12",
            f"   Posted 2025-03-0{n}",
            "",
            f"   Post number {n} by {who}: {LOREM} It says what the poster tried, what",
            "   happened and which version of the daemon they ran on the machine, step by step.",
            "",
            "   Reply Quote",
            "",
        )
    ]
)


def test_text_dump_gets_a_page_type_and_keeps_every_post() -> None:
    article = clean(FORUM_DUMP.encode(), options=Options(input_format=SourceFormat.TEXT))
    assert article.page_type is PageType.FORUM
    for n in (1, 2, 3):
        assert f"Post number {n} by" in article.text
    assert article.decisions[0].text == "page type: forum"


def test_body_only_in_json_ld_is_used_and_explained() -> None:
    from clean_article.html import parse_html
    from clean_article.html_embedded import embedded_body

    body = f"The whole story lives in the page's data. {LOREM}\n\nA second paragraph. {LOREM}"
    head = ld({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": body})
    html = page(head, '<div id="root"></div>', "https://news.example.com/2025/01/story", "Story")
    decisions = embedded_body(parse_html(html.decode()))
    assert [d.text[:20] for d in decisions] == ["The whole story live", "A second paragraph. "]
    assert all("JSON-LD articleBody" in d.reason for d in decisions)
    assert clean(html).text.startswith("The whole story lives in the page's data.")


def test_short_description_is_not_a_body() -> None:
    from clean_article.html import parse_html
    from clean_article.html_embedded import embedded_body

    head = ld({"@context": "https://schema.org", "@type": "WebPage", "description": "A teaser."})
    html = page(head, "<div></div>", "https://example.com/x", "X")
    assert embedded_body(parse_html(html.decode())) == []
