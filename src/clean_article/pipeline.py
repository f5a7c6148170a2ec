"""The whole pipeline on one screen: bytes -> Source -> decisions -> Article."""

from __future__ import annotations

from dataclasses import replace

from clean_article.decode import decode
from clean_article.model import (
    Article,
    Block,
    Decision,
    Metadata,
    Options,
    PageType,
    Post,
    Segment,
    Source,
    SourceFormat,
    Verdict,
)


def clean(data: bytes | str, *, name: str | None = None, options: Options | None = None) -> Article:
    """Clean one page or text dump; pure and deterministic (no I/O, no clock, no globals).

    Raises clean_article.errors.InputError when `data` is not a page or a text dump.
    """
    options = options or Options()
    source = decode(data, name=name, options=options)
    if source.format is SourceFormat.HTML:
        metadata, decisions, page_type, posts = _clean_html(source, options)
    else:
        metadata, decisions, page_type = _clean_text(source, options)
        posts = ()
    blocks = tuple(d.block() for d in decisions if d.verdict is Verdict.BODY)
    if metadata.language is None:
        metadata = _with_language(metadata, blocks, decisions)
    return Article(
        source_name=name,
        source_format=source.format,
        sha256=source.sha256,
        metadata=metadata,
        blocks=blocks,
        decisions=tuple(decisions),
        page_type=page_type,
        posts=posts,
    )


def _with_language(
    metadata: Metadata, blocks: tuple[Block, ...], decisions: list[Decision]
) -> Metadata:
    """Fill an undeclared language from the body, else from every candidate's text."""
    from clean_article.metadata.language import identify

    language = identify("\n".join(b.text for b in blocks))
    language = language or identify("\n".join(d.text for d in decisions))
    return replace(metadata, language=language) if language else metadata


def _clean_text(source: Source, options: Options) -> tuple[Metadata, list[Decision], PageType]:
    from clean_article.metadata.text import extract_text_metadata
    from clean_article.text_types import classify_typed, dump_page_type
    from clean_article.textdump.segment import segment_dump

    segments = segment_dump(source.text)
    found = extract_text_metadata(segments, options)
    kind = dump_page_type(source.text)
    decisions = classify_typed(segments, found.claimed, kind.type)
    metadata = found.metadata
    if metadata.title is None:
        metadata, decisions = _with_dump_title(metadata, segments, decisions)
    return metadata, [kind.decision(), *decisions], kind.type


def _with_dump_title(
    metadata: Metadata, segments: list[Segment], decisions: list[Decision]
) -> tuple[Metadata, list[Decision]]:
    """Take the heading above the body as the title when the byline gave none."""
    from clean_article.metadata.text_title import find_dump_title

    at = find_dump_title(segments, decisions)
    if at is None:
        return metadata, decisions
    decisions = list(decisions)
    decisions[at] = replace(decisions[at], verdict=Verdict.METADATA, reason="title")
    return replace(metadata, title=segments[at].text), decisions


def _clean_html(
    source: Source, options: Options
) -> tuple[Metadata, list[Decision], PageType, tuple[Post, ...]]:
    from clean_article.html import parse_html, refuse_oversized
    from clean_article.html_types import typed_body
    from clean_article.metadata.html import extract_html_metadata

    tree = parse_html(source.text)
    refuse_oversized(tree, options.max_html_elements)
    metadata = extract_html_metadata(tree, options)
    found = typed_body(tree, metadata)
    return metadata, list(found.decisions), found.type, found.posts
