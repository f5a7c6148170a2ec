"""The body of a page that is not a news article: one walk, one block model, every type.

Every type goes through the same steps: take the main region, walk it into blocks with the
furniture left out (html_walk.py), mark the posts of a thread (html_posts.py), keep each block
the fitted block model (html_blocks.py) calls content, given the page type, and drop repeats.
Articles keep trafilatura's body, which is as good as a walk on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from clean_article.html_blocks import block_features, load_weights, probability, reasons
from clean_article.html_embedded import embedded_body
from clean_article.html_posts import find_posts, post_meta
from clean_article.html_walk import Chunk, main_region, walk
from clean_article.model import Block, BlockType, Decision, Metadata, PageType, Post, Verdict
from clean_article.pagetype import decide
from clean_article.pagetype_features import html_features

_WORDS = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class TypedBody:
    blocks: tuple[Block, ...]
    reasons: tuple[str, ...]  # one per block, for --explain
    posts: tuple[Post, ...]


def walk_page(tree: etree._Element, page_type: PageType) -> tuple[list[Chunk], list[Any]]:
    """Walk the page's main region into chunks; on a forum, mark its posts."""
    body = tree.find("body")
    region = main_region(body if body is not None else tree)
    posts = find_posts(region) if page_type is PageType.FORUM else []
    ids = frozenset(id(e) for e in posts)
    return walk(region, keep=ids, posts=ids), posts


def choose(chunks: list[Chunk], posts: list[Any], page_type: PageType, reference: str) -> TypedBody:
    """Keep the chunks the block model calls content; group them into posts."""
    weights, threshold = load_weights()
    kept: list[Chunk] = []
    why: list[str] = []
    seen: set[str] = set()
    for chunk, features in zip(chunks, block_features(chunks, page_type, reference), strict=True):
        p = probability(features, weights)
        if p < threshold or chunk.text in seen or not _WORDS.search(chunk.text):
            continue
        seen.add(chunk.text)
        kept.append(chunk)
        why.append(f"body: block model {p:.2f} ({reasons(features, weights)})")
    grouped = _posts(kept, posts) if posts else ()
    return TypedBody(tuple(Block(c.type, c.text) for c in kept), tuple(why), grouped)


def _posts(chunks: list[Chunk], elements: list[etree._Element]) -> tuple[Post, ...]:
    """Group consecutive chunks of one post element into a Post with its author and date."""
    by_id = {id(e): e for e in elements}
    posts: list[Post] = []
    for i, chunk in enumerate(chunks):
        if not chunk.owner:
            continue
        if posts and chunks[i - 1].owner == chunk.owner and i > 0:
            last = posts[-1]
            posts[-1] = Post(last.first_block, last.block_count + 1, last.author, last.published)
            continue
        author, published = post_meta(by_id[chunk.owner])
        posts.append(Post(i, 1, author, published))
    return tuple(posts)


@dataclass(frozen=True, slots=True)
class HtmlBody:
    """The page type, every candidate block with its verdict, and the posts of a thread."""

    type: PageType
    decisions: tuple[Decision, ...]
    posts: tuple[Post, ...]


def typed_body(tree: etree._Element, metadata: Metadata) -> HtmlBody:
    """Decide the page type, then find the body the way that type needs.

    Articles go through trafilatura (html.py); the other types through the walk. An article
    whose trafilatura body comes out empty is walked as a service page instead.
    """
    from clean_article.html import extract_body
    from clean_article.html_revise import revise

    verdict = decide(html_features(tree), "html")
    note = Decision(
        f"page type: {verdict.type.value}", BlockType.PARAGRAPH, Verdict.METADATA, verdict.explain()
    )
    # The walk reads the tree as parsed: it runs before trafilatura, which cleans it in place.
    chunks, posts = walk_page(tree, verdict.type)
    reference = revise(extract_body(tree), metadata)
    if verdict.type is not PageType.ARTICLE:
        text = "\n".join(d.text for d in reference if d.verdict is Verdict.BODY)
        decisions, grouped = _revised(choose(chunks, posts, verdict.type, text), metadata)
        if any(d.verdict is Verdict.BODY for d in decisions):
            return HtmlBody(verdict.type, (note, *decisions), grouped)
    if not any(d.verdict is Verdict.BODY for d in reference):
        # trafilatura found nothing: every block the model keeps on a service page.
        walked = choose(chunks, [], PageType.SERVICE, "")
        decisions, _ = _revised(walked, metadata)
        reason = "trafilatura found no body; the walked page instead"
        decisions = [_because(d, reason) for d in decisions]
        if not any(d.verdict is Verdict.BODY for d in decisions):
            decisions = embedded_body(tree)
        return HtmlBody(verdict.type, (note, *decisions), ())
    return HtmlBody(verdict.type, (note, *reference), ())


def _because(decision: Decision, reason: str) -> Decision:
    if decision.verdict is not Verdict.BODY:
        return decision
    return Decision(decision.text, decision.type, decision.verdict, f"body: {reason}")


def _revised(typed: TypedBody, metadata: Metadata) -> tuple[list[Decision], tuple[Post, ...]]:
    """Run the shared revision over the walked blocks; re-index the posts to the kept ones."""
    from clean_article.html_revise import revise

    revised = revise(typed.blocks, metadata)
    decisions = [
        _because(d, reason.removeprefix("body: "))
        for d, reason in zip(revised, typed.reasons, strict=True)
    ]
    kept_before = [0]
    for d in decisions:
        kept_before.append(kept_before[-1] + (d.verdict is Verdict.BODY))
    posts = []
    for post in typed.posts:
        first = kept_before[post.first_block]
        count = kept_before[post.first_block + post.block_count] - first
        if count:
            posts.append(Post(first, count, post.author, post.published))
    return decisions, tuple(posts)
