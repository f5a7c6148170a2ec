"""The text-dump segmenter: style detection, re-joining, markup, glued spans, headings."""

from __future__ import annotations

import textwrap

import pytest

from clean_article.model import BlockType
from clean_article.textdump.segment import (
    DumpStyle,
    columns,
    detect_style,
    looks_like_heading,
    segment_dump,
    split_glued,
)

PROSE = (
    "The committee met on a rainy morning to discuss the new bridge, and after a long debate "
    "the members agreed that the old crossing should stay open until the work is finished. "
    "Several residents asked for a footpath, which the engineers promised to study closely."
)
PROSE_2 = (
    "Work on the foundations is expected to begin in the spring, weather permitting, and the "
    "council will publish a timetable for the closures once the contractor has been chosen."
)


def _wrapped(text: str, width: int = 60, indent: str = "") -> str:
    return "\n".join(textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent))


def _texts(dump: str) -> list[str]:
    return [s.text for s in segment_dump(dump)]


# --------------------------------------------------------------------------- style detection

STYLES = [
    pytest.param(
        "Menu\n\n[Home](/)\n\n[News](/news) and [Sport](/sport)\n\n" + _wrapped(PROSE),
        DumpStyle.MARKDOWN,
        id="markdown-links",
    ),
    pytest.param(
        "Home\nNews\n\n" + _wrapped(PROSE) + "\n\n" + _wrapped(PROSE_2),
        DumpStyle.WRAPPED,
        id="hard-wrapped",
    ),
    pytest.param(
        "Home\nThe mayor said \nthe bridge\n will reopen soon\n.\nShe thanked \nthe crews\n"
        ", who worked \nall night\n.\nMore news\n",
        DumpStyle.NODES,
        id="text-node-per-line",
    ),
    pytest.param(f"Home\n\n{PROSE}\n\n{PROSE_2}\n", DumpStyle.LINES, id="paragraph-per-line"),
    pytest.param(
        "[4](BUTTON) Menu\n[5](BUTTON) Search\n[6](BUTTON) Close\n\n" + _wrapped(PROSE),
        DumpStyle.WRAPPED,
        id="lynx-markers-before-parentheses-are-no-markdown",
    ),
    pytest.param("", DumpStyle.LINES, id="empty"),
]


@pytest.mark.parametrize(("dump", "style"), STYLES)
def test_detect_style(dump: str, style: DumpStyle) -> None:
    assert detect_style(dump.split("\n")) is style


# --------------------------------------------------------------------------- re-joining


def test_wrapped_paragraphs_are_rejoined_and_short_lines_stay_apart() -> None:
    dump = "Home\nNews\nSport\n\n" + _wrapped(PROSE, indent="   ") + "\n\n" + _wrapped(PROSE_2)
    assert _texts(dump) == ["Home", "News", "Sport", PROSE, PROSE_2]


def test_wrapped_paragraph_followed_by_a_line_without_blank_is_split() -> None:
    dump = _wrapped(PROSE) + "\n" + "Photo gallery\n\n" + _wrapped(PROSE_2)
    assert _texts(dump) == [PROSE, "Photo gallery", PROSE_2]


def test_wrapped_wide_characters_count_two_columns() -> None:
    assert columns("abc") == 3
    assert columns("한국어") == 6


def test_text_nodes_are_joined_into_paragraphs() -> None:
    dump = "Home\nThe mayor said \nthe bridge\n will reopen soon\n.\nShe thanked the crews.\n"
    dump += "Her deputy \nagreed\n.\nAnother \nline\n"
    texts = _texts(dump)
    assert "The mayor said the bridge will reopen soon." in texts
    assert "Her deputy agreed." in texts
    assert "Home" in texts


def test_text_node_ending_in_a_no_break_space_is_joined() -> None:
    dump = "Home\nThe report by \nthe\u00a0\nCity Council\n was published.\nOther \nnode\n.\nMore \nhere\n"
    assert "The report by the City Council was published." in _texts(dump)


def test_source_newline_inside_a_paragraph_is_joined() -> None:
    dump = f"Home\n\nThe plan was approved by the council,\nwhich met on Monday.\n\n{PROSE}\n"
    assert "The plan was approved by the council, which met on Monday." in _texts(dump)


# --------------------------------------------------------------------------- renderer markup

MARKUP = [
    pytest.param("  * First point of the list", "First point of the list", BlockType.LIST_ITEM),
    pytest.param("• Second point", "Second point", BlockType.LIST_ITEM),
    pytest.param("  3. Third point", "Third point", BlockType.LIST_ITEM),
    pytest.param("## A section of the story", "A section of the story", BlockType.HEADING),
    pytest.param("> A quoted remark, in full.", "A quoted remark, in full.", BlockType.QUOTE),
    pytest.param("Read [the report](http://x.org/r) now.", "Read the report now.", None),
    pytest.param("It was **very** _important_ to them.", "It was very important to them.", None),
    pytest.param("A price of 5 \\* 3 was paid.", "A price of 5 * 3 was paid.", None),
]


@pytest.mark.parametrize(("line", "text", "btype"), MARKUP)
def test_markdown_markup_is_stripped(line: str, text: str, btype: BlockType | None) -> None:
    links = "[a](/a) [b](/b) [c](/c)\n\n"  # makes the dump Markdown
    segments = segment_dump(links + line + "\n")
    assert segments[-1].text == text
    if btype is not None:
        assert segments[-1].type is btype


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("The bridge[12] will open in May[13].", "The bridge will open in May."),
        ("[32]Subscribe[33]Sign In", "Subscribe Sign In"),
        ("(BUTTON) Close the window", "Close the window"),
        ("[IMG] A view of the harbour at night.", "A view of the harbour at night."),
        ("The\u00a0old\u00a0bridge  was   closed.", "The old bridge was closed."),
    ],
)
def test_renderer_artefacts_are_removed(line: str, text: str) -> None:
    assert _texts(line + "\n") == [text]


def test_lynx_reference_list_is_dropped_and_keeps_the_wrap_width() -> None:
    refs = [
        "   1. https://example.org/",
        "   2. https://example.org/share?text=A long title with spaces&url=" + "x" * 150,
        "  13. mailto:desk@example.org",
        "  14. android-app://org.example.reader/item/1",
    ]
    dump = _wrapped(PROSE) + "\n\n" + _wrapped(PROSE_2) + "\n\nReferences\n\n" + "\n".join(refs)
    assert _texts(dump) == [PROSE, PROSE_2, "References"]


@pytest.mark.parametrize(
    "line", ["  1. Note: the vote was close.", "  2. Call 555 0100 for tickets", "  3. www"]
)
def test_numbered_items_that_are_no_urls_stay(line: str) -> None:
    assert len(_texts(line + "\n")) == 1


def test_lynx_bullets_become_list_items() -> None:
    segments = segment_dump("     * Home\n     * News\n          o Local news\n")
    assert [(s.text, s.type) for s in segments] == [
        ("Home", BlockType.LIST_ITEM),
        ("News", BlockType.LIST_ITEM),
        ("Local news", BlockType.LIST_ITEM),
    ]


# --------------------------------------------------------------------------- glued spans

GLUED = [
    pytest.param(
        "Posted March 3, 2021last updated March 4, 2021",
        ["Posted March 3, 2021", "last updated March 4, 2021"],
        id="year-then-word",
    ),
    pytest.param(
        "The mayor opened the bridge last weekImage: Jane Roe/Agency",
        ["The mayor opened the bridge last week", "Image: Jane Roe/Agency"],
        id="credit-marker",
    ),
    pytest.param(
        "The vote was close.“We won,” she said.Next steps",
        ["The vote was close.", "“We won,” she said.", "Next steps"],
        id="sentence-then-capital",
    ),
    pytest.param("Skip to contentSkip to menu", ["Skip to content", "Skip to menu"], id="camel"),
    pytest.param("Share this:Click here", ["Share this:", "Click here"], id="label"),
    pytest.param("You may also like...Who won", ["You may also like...", "Who won"], id="ellipsis"),
    pytest.param("НовостиСпорт", ["Новости", "Спорт"], id="cyrillic-camel"),
    pytest.param("NEWSSport", ["NEWS", "Sport"], id="caps-then-word"),
    pytest.param("Watch it on YouTube today", ["Watch it on YouTube today"], id="brand-kept"),
    pytest.param("He bought an iPhone.", ["He bought an iPhone."], id="lower-brand-kept"),
    pytest.param("Sales rose 5.5 percent in 2020.", ["Sales rose 5.5 percent in 2020."], id="num"),
    pytest.param(
        "The firm grew fast. Its founder met the LinkedIn team in June and more.",
        ["The firm grew fast. Its founder met the LinkedIn team in June and more."],
        id="camel-in-prose-kept",
    ),
]


@pytest.mark.parametrize(("text", "pieces"), GLUED)
def test_split_glued(text: str, pieces: list[str]) -> None:
    assert split_glued(text) == pieces


# --------------------------------------------------------------------------- headings

HEADINGS = [
    ("Ukraine and the election loom large", True),
    ("What comes next for the city?", True),
    ("The council met on Monday and voted.", False),
    ("a lower-case fragment of text", False),
    ("Home |", False),
    (" ".join(["Word"] * 20), False),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS)
def test_looks_like_heading(text: str, expected: bool) -> None:
    assert looks_like_heading(text) is expected


def test_standalone_title_line_is_a_heading_and_prose_a_paragraph() -> None:
    segments = segment_dump(f"{PROSE}\n\nWhat the engineers found\n\n{PROSE_2}\n")
    assert [s.type for s in segments] == [
        BlockType.PARAGRAPH,
        BlockType.HEADING,
        BlockType.PARAGRAPH,
    ]


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "dump",
    [
        "",
        "\n\n\n",
        "   \t  ",
        "\x00\x01\x02binary",
        "x" * 200_000,
        ("word " * 50_000),
        "----\n====",
    ],
)
def test_never_crashes_and_indexes_in_order(dump: str) -> None:
    segments = segment_dump(dump)
    assert [s.index for s in segments] == list(range(len(segments)))
    assert all(s.text and s.text == s.text.strip() for s in segments)


def test_segments_keep_their_line_numbers_and_raw_lines() -> None:
    dump = "Home\n\n" + _wrapped(PROSE) + "\n"
    para = segment_dump(dump)[1]
    assert para.first_line == 2
    assert para.last_line == dump.count("\n") - 1
    assert para.raw == _wrapped(PROSE)


def test_wrapped_japanese_lines_join_without_a_space() -> None:
    line = "これは日本語の長い文章です。" * 6
    dump = "\n".join([line[:40], line[40:]]) + "\n\n" + _wrapped(PROSE) + "\n\n" + _wrapped(PROSE_2)
    assert _texts(dump)[0] == line


@pytest.mark.parametrize("close", ["", "”", '"', "’"])
def test_long_block_with_a_headline_run_is_cut_into_sentences(close: str) -> None:
    headlines = " ".join(f"Headline number {n} about the city council vote" for n in range(20))
    block = f"{PROSE} {PROSE_2[:-1]}{close}. {headlines}"  # a quote may close before the stop
    pieces = split_glued(block)
    assert pieces[-1] == headlines
    assert len(pieces) > 2
    assert split_glued(PROSE + " " + PROSE_2) == [PROSE + " " + PROSE_2]  # prose stays whole
