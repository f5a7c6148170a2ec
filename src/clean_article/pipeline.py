"""The whole pipeline on one screen: bytes -> Source -> decisions -> Article."""

from __future__ import annotations

from clean_article.decode import decode
from clean_article.model import (
    Article,
    Decision,
    Metadata,
    Options,
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
        metadata, decisions = _clean_html(source, options)
    else:
        metadata, decisions = _clean_text(source, options)
    blocks = tuple(d.block() for d in decisions if d.verdict is Verdict.BODY)
    return Article(
        source_name=name,
        source_format=source.format,
        sha256=source.sha256,
        metadata=metadata,
        blocks=blocks,
        decisions=tuple(decisions),
    )


def _clean_text(source: Source, options: Options) -> tuple[Metadata, list[Decision]]:
    from clean_article.metadata.text import extract_text_metadata
    from clean_article.textdump.classify import classify
    from clean_article.textdump.segment import segment_dump

    segments = segment_dump(source.text)
    found = extract_text_metadata(segments, options)
    return found.metadata, classify(segments, found.claimed)


def _clean_html(source: Source, options: Options) -> tuple[Metadata, list[Decision]]:
    from clean_article.html import extract_body, parse_html
    from clean_article.html_revise import revise
    from clean_article.metadata.html import extract_html_metadata

    tree = parse_html(source.text)
    metadata = extract_html_metadata(tree, options)
    return metadata, revise(extract_body(tree), metadata)
