"""The whole pipeline on one screen: bytes -> Source -> decisions -> Article."""

from __future__ import annotations

from clean_article.decode import decode
from clean_article.model import (
    Article,
    Block,
    Decision,
    Metadata,
    Options,
    PageType,
    Post,
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
    blocks = tuple(Block(d.type, d.text) for d in decisions if d.verdict is Verdict.BODY)
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


def _clean_text(source: Source, options: Options) -> tuple[Metadata, list[Decision], PageType]:
    from clean_article.metadata.text import extract_text_metadata
    from clean_article.text_types import classify_typed, dump_page_type
    from clean_article.textdump.segment import segment_dump

    segments = segment_dump(source.text)
    found = extract_text_metadata(segments, options)
    kind = dump_page_type(source.text)
    decisions = classify_typed(segments, found.claimed, kind.type)
    return found.metadata, [kind.decision(), *decisions], kind.type


def _clean_html(
    source: Source, options: Options
) -> tuple[Metadata, list[Decision], PageType, tuple[Post, ...]]:
    from clean_article.html import parse_html
    from clean_article.html_types import typed_body
    from clean_article.metadata.html import extract_html_metadata

    tree = parse_html(source.text)
    metadata = extract_html_metadata(tree, options)
    found = typed_body(tree, metadata)
    return metadata, list(found.decisions), found.type, found.posts
