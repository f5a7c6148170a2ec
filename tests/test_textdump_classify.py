"""The text-dump boilerplate classifier: per-block rules, the article run, context, claims."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from clean_article.model import BlockType, Segment, Verdict
from clean_article.textdump.classify import (
    Kind,
    classify,
    cut_comments,
    find_article,
    initial_kind,
)
from clean_article.textdump.features import measure
from clean_article.textdump.segment import segment_dump

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b7d73b270facf521.txt"

# Synthetic article paragraphs: long, sentence-like, dense in function words.
PARAGRAPHS = [
    "The city council voted on Tuesday to rebuild the old harbour bridge, which has been "
    "closed to heavy traffic since the spring floods damaged two of its piers.",
    "Engineers told the members that the work would take about two years and that a ferry "
    "would carry pedestrians across the river while the new deck is built.",
    "Several shop owners on the waterfront said they were worried about losing customers, "
    "but the mayor promised that the council would help them through the closure.",
    "A public meeting on the timetable is planned for next month, and residents can send "
    "their questions to the council by post or by email until then.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact us", "Log in"]
FOOTER = ["About us", "Careers", "Advertise", "Terms", "Sitemap"]


def _segments(texts: list[str]) -> list[Segment]:
    return segment_dump("\n\n".join(texts) + "\n")


def _body(texts: list[str], claimed: dict[int, str] | None = None) -> list[str]:
    decisions = classify(_segments(texts), claimed or {})
    return [d.text for d in decisions if d.verdict is Verdict.BODY]


def test_article_between_menus_is_found() -> None:
    assert _body(MENU + PARAGRAPHS + FOOTER) == PARAGRAPHS


def test_one_decision_per_segment_in_order() -> None:
    segments = _segments(MENU + PARAGRAPHS)
    decisions = classify(segments, {})
    assert [d.text for d in decisions] == [s.text for s in segments]
    assert all(d.reason.startswith(d.verdict.value) for d in decisions)


def test_empty_input_gives_no_decisions() -> None:
    assert classify([], {}) == []


def test_single_paragraph_is_never_dropped() -> None:
    assert _body([PARAGRAPHS[0]]) == [PARAGRAPHS[0]]


def test_claimed_segments_get_the_metadata_verdict() -> None:
    texts = ["The harbour bridge will be rebuilt", "By Jane Roe", *PARAGRAPHS]
    decisions = classify(_segments(texts), {0: "title", 1: "byline", 2: "lede"})
    assert [d.verdict for d in decisions[:3]] == [Verdict.METADATA] * 3
    assert decisions[0].reason == "metadata: title"
    assert decisions[2].reason == "metadata: lede"
    assert [d.text for d in decisions if d.verdict is Verdict.BODY] == PARAGRAPHS[1:]


# --------------------------------------------------------------------------- single blocks

DROPPED = [
    pytest.param("Skip to main content", id="skip-link"),
    pytest.param("04:12", id="duration"),
    pytest.param("This browser does not support the video element.", id="video-fallback"),
    pytest.param("Advertisement", id="advert"),
    pytest.param("Image: Jane Roe/Agency", id="credit-line"),
    pytest.param("ab/cd (AP, Reuters)", id="agency-initials"),
    pytest.param("By Jane Roe and John Doe", id="byline"),
    pytest.param("https://example.org/a/long/link", id="url"),
    pytest.param(
        "We use cookies to give you the best experience on our website. By continuing to "
        "browse the site you agree to our use of cookies and to our privacy policy.",
        id="cookie-banner",
    ),
    pytest.param(
        "Wir verwenden Cookies, um Ihnen die Nutzung der Webseite zu erleichtern, und bitten "
        "um Ihre Zustimmung zu unserer Datenschutzerklärung für diese Seite.",
        id="cookie-banner-de",
    ),
    pytest.param(
        "If you buy something through the links on this page, we may earn a commission "
        "at no extra cost to you, which helps to support our reporting.",
        id="affiliate",
    ),
    pytest.param(
        "Jane Roe is a freelance writer based in the north who covers transport and the "
        "environment for several regional newspapers and magazines.",
        id="author-bio",
    ),
    pytest.param(
        "Workers repair the damaged pier of the bridge on Monday, March 3, 2021, in the "
        "old harbour district. (AP Photo/Jane Roe)",
        id="caption-with-credit",
    ),
]


@pytest.mark.parametrize("text", DROPPED)
def test_furniture_inside_the_article_is_dropped(text: str) -> None:
    body = _body([*PARAGRAPHS[:2], text, *PARAGRAPHS[2:]])
    assert text not in body
    assert body == PARAGRAPHS


def test_heading_before_article_text_is_kept_as_heading() -> None:
    texts = [*PARAGRAPHS[:2], "What the engineers found", *PARAGRAPHS[2:]]
    decisions = classify(_segments(texts), {})
    heading = next(d for d in decisions if d.text == "What the engineers found")
    assert heading.verdict is Verdict.BODY
    assert heading.type is BlockType.HEADING


def test_video_title_followed_by_furniture_is_dropped() -> None:
    texts = [*PARAGRAPHS[:2], "How the bridge was built", "03:10", *PARAGRAPHS[2:]]
    assert "How the bridge was built" not in _body(texts)


def test_caption_and_alt_text_before_a_credit_line_are_dropped() -> None:
    caption = "The mayor, seen here at the opening, has promised a quick rebuild"
    texts = [
        *PARAGRAPHS[:2],
        "The mayor at the bridge",
        caption,
        "Photo: Jane Roe",
        *PARAGRAPHS[2:],
    ]
    assert _body(texts) == PARAGRAPHS


def test_short_sentence_between_paragraphs_is_kept() -> None:
    texts = [*PARAGRAPHS[:2], "Nobody objected.", *PARAGRAPHS[2:]]
    assert "Nobody objected." in _body(texts)


def test_teaser_run_far_from_the_article_is_dropped() -> None:
    teasers = ["Storm warning for the coast", "New mayor sworn in", "Football: late win"]
    body = _body(PARAGRAPHS + FOOTER * 3 + teasers)
    assert body == PARAGRAPHS


def test_language_without_stop_word_list_uses_punctuation() -> None:
    paragraphs = [
        "Городской совет во вторник проголосовал за реконструкцию старого моста через "
        "реку, который закрыт для тяжёлого транспорта с весны.",
        "Инженеры сообщили депутатам, что работы займут около двух лет, а паром будет "
        "перевозить пешеходов через реку всё это время.",
    ]
    assert _body(["Главная", "Новости", *paragraphs, "Контакты"]) == paragraphs


def test_comment_thread_after_the_article_is_cut() -> None:
    thread = [
        "Comments",
        "Sam on March 3, 2021 at 4:47 pm said:",
        "I walk across that bridge every day and I am glad that it will finally be fixed.",
        "Alex on March 3, 2021 at 5:02 pm said:",
        "Two years is far too long for a project like this one, in my honest opinion.",
    ]
    assert _body(PARAGRAPHS + thread) == PARAGRAPHS


def test_related_links_heading_ends_the_article() -> None:
    teasers = [
        "Storm closes the coastal road for a second day, and the police have asked drivers "
        "to avoid the area until the weekend.",
        "The football club has signed a new goalkeeper from a rival team in the north, on a "
        "contract that runs until the end of the season.",
    ]
    assert _body([*PARAGRAPHS, "More stories from the region", *teasers]) == PARAGRAPHS


LONG_TEASERS = [
    " ".join([PARAGRAPHS[n % 4], PARAGRAPHS[(n + 1) % 4], PARAGRAPHS[(n + 2) % 4]]) + f" Story {n}."
    for n in range(5)
]


@pytest.mark.parametrize("opening", [PARAGRAPHS[:2], PARAGRAPHS[:3]])
def test_related_heading_before_long_lone_teasers_ends_the_article(opening: list[str]) -> None:
    # The teasers outweigh the article, but each stands alone between share buttons.
    tail = ["You might also like"]
    for teaser in LONG_TEASERS:
        tail += ["Share on Facebook", teaser]
    assert _body([*MENU, *opening, "Share on Facebook", *tail, *FOOTER]) == opening


def test_related_heading_before_paragraphs_in_a_row_does_not_end_the_article() -> None:
    # An inline "Related stories" link mid-story: the paragraphs after it follow each other.
    texts = [PARAGRAPHS[0], "Related stories", *LONG_TEASERS[:3]]
    assert _body(texts) == [PARAGRAPHS[0], *LONG_TEASERS[:3]]


TABLE = [
    "1 Northport Rovers 34 21 8 5 71",
    "2 Eastfield United 34 20 7 7 67",
    "3 Harbour City 34 18 9 7 63",
    "4 Millbrook Town 34 17 6 11 57",
    "5 Westgate Athletic 34 15 9 10 54",
    "6 Riverside Wanderers 34 12 8 14 44",
]
SCHEDULE = [
    "Round 1: 10 March - Northport",
    "Round 2: 8 April - Eastfield",
    "Round 3: 22 April - Harbour City",
    "Round 4: 6 May - Millbrook",
    "Round 5: 20 May - Westgate",
]
TOUR = [  # one number per row, at its start
    "June 9 - Northport, Harbour Arena",
    "June 12 - Eastfield, City Hall",
    "June 14 - Millbrook, Riverside Park",
    "July 2 - Westgate, Open Air Stage",
    "July 5 - Harbour City, Pier Theatre",
]


@pytest.mark.parametrize(
    "rows", [TABLE, SCHEDULE, TOUR], ids=["standings", "schedule", "tour-dates"]
)
def test_table_under_a_short_introduction_is_the_article(rows: list[str]) -> None:
    intro = "Here you will always find the latest standings of the league after every round."
    comment = PARAGRAPHS[1]  # a long comment further down must not win over the table
    texts = [*MENU, intro, *rows, "Share this", *FOOTER, "Comments", comment]
    body = _body(texts)
    assert body[: len(rows) + 1] == [intro, *rows]


def test_few_numeric_rows_stay_date_lines() -> None:
    texts = [*PARAGRAPHS, "Nov 19 2019 10 00", "Nov 20 2019 11 00", *FOOTER]
    assert _body(texts) == PARAGRAPHS


def test_archive_links_after_the_article_are_no_table() -> None:
    months = ["November", "October", "September", "August", "July", "June", "May"]
    archive = [f"{month} 2019 ({n + 10})" for n, month in enumerate(months)]
    assert _body([*PARAGRAPHS, "Archives", *archive, *FOOTER]) == PARAGRAPHS


def test_category_links_with_post_counts_are_no_table() -> None:
    topics = "Travel Food Drink News Sport Weather Culture Music Film Books Science Health".split()
    widget = [f"{topic} ({n + 3})" for n, topic in enumerate(topics * 2)]
    widget = [f"{'Local ' if n >= len(topics) else ''}{w}" for n, w in enumerate(widget)]
    assert _body([*PARAGRAPHS, *widget, *FOOTER]) == PARAGRAPHS


def test_numeric_sidebar_far_from_the_article_is_dropped() -> None:
    assert _body([*PARAGRAPHS, *FOOTER, "Standings", *TABLE, *MENU]) == PARAGRAPHS


@pytest.mark.parametrize(
    "last",
    [
        'But she said the plan still needed work, "because the people who use the bridge every '
        'day deserve a crossing that is safe in all seasons."',
        "The mayor closed the meeting with a promise (the timetable will be published soon.)",
        "« Nous allons reconstruire ce pont pour les habitants de la ville et les visiteurs. »",
    ],
)
def test_last_paragraph_ending_inside_a_quote_is_prose(last: str) -> None:
    assert _body([*MENU, *PARAGRAPHS, last, *FOOTER]) == [*PARAGRAPHS, last]


def _dated_teasers(date: str) -> list[str]:
    teasers = []
    for n, teaser in enumerate(LONG_TEASERS[:4]):
        teasers += [f"Other story {n}", "Jane Roe", date, teaser]
        if n % 2:  # some teasers have two paragraphs: no stream of lone blocks
            teasers.append(PARAGRAPHS[n])
    return teasers


def test_dated_teasers_after_the_article_are_cut() -> None:
    texts = [*MENU, "Tuesday November 19, 2019", *PARAGRAPHS, "Opinion", "More from us"]
    texts += _dated_teasers("Wednesday November 20, 2019")
    assert _body(texts) == PARAGRAPHS


@pytest.mark.parametrize("mark", ["1).", "[1538123681]"])
def test_numbered_marks_between_paragraphs_are_no_dated_teasers(mark: str) -> None:
    texts = [*MENU, *PARAGRAPHS[:2], *_dated_teasers(mark)]
    assert _body(texts)[:2] == PARAGRAPHS[:2]
    assert LONG_TEASERS[3] in _body(texts)


@pytest.mark.parametrize(
    ("text", "date_line"),
    [
        ("Nov. 19, 2019 8:03 am ET", True),
        ("20 novembre 2019", True),
        ("Mittwoch, 20. November", True),
        ("63", False),  # a table cell or a count
        ("85 %", False),
        ("1).", False),  # a footnote mark
    ],
)
def test_date_lines_need_a_calendar_date(text: str, date_line: bool) -> None:
    segments = segment_dump(text + "\n")
    _, why = initial_kind(segments[0], measure(segments)[0], True)
    assert (why == "date line") is date_line


def test_stream_of_lone_teaser_summaries_after_the_article_is_cut() -> None:
    stream = []
    for n in range(7):
        stream += [
            "Politics",
            f"Council story number {n}",
            f"The council met again on day {n} and agreed to spend more money on the roads, "
            "which several members of the opposition said was a waste of public funds.",
        ]
    assert _body([*PARAGRAPHS, "Tags", "Bridges", "Harbour", *stream]) == PARAGRAPHS


def test_inline_read_more_link_does_not_end_the_article() -> None:
    assert _body([*PARAGRAPHS[:2], "Read more", *PARAGRAPHS[2:]]) == PARAGRAPHS


@pytest.mark.parametrize(
    "headline", ["", "Council approves a budget for the coming year "], ids=["dateline", "headline"]
)
def test_datelined_teasers_are_dropped(headline: str) -> None:
    teasers = [
        f"{headline}{city}: The regional council has approved a new budget for the coming year, "
        "and the opposition has promised to challenge several of the spending decisions."
        for city in ("LONDON", "PARIS", "BERLIN", "NEW YORK")
    ]
    body = _body([*PARAGRAPHS, "Latest", *teasers])
    assert body == PARAGRAPHS


def test_an_update_note_inside_the_article_is_kept() -> None:
    note = (
        "The meeting went on for hours. UPDATE: The council has since confirmed the timetable, "
        "and the first closures will start in May."
    )
    assert _body([*PARAGRAPHS[:2], note, *PARAGRAPHS[2:]]) == [
        *PARAGRAPHS[:2],
        note,
        *PARAGRAPHS[2:],
    ]


def test_repeated_paragraph_is_kept_once() -> None:
    body = _body([*PARAGRAPHS, PARAGRAPHS[0]])
    assert body.count(PARAGRAPHS[0]) == 1


def test_text_printed_many_times_is_dropped() -> None:
    share = "Share this story about the new harbour bridge with your friends and family today."
    body = _body([share, *PARAGRAPHS[:2], share, *PARAGRAPHS[2:], share, share])
    assert share not in body


# --------------------------------------------------------------------------- article run

RUNS = [
    ([-1.0, 5.0, 4.0, -2.0, 6.0, -30.0, 1.0], [(1, 4)]),
    ([-1.0, -1.0], []),
    ([], []),
    ([100.0, -200.0, 50.0, 40.0], [(0, 0), (2, 3)]),  # a second dense run is article too
    ([100.0, -200.0, 90.0], [(0, 0)]),  # but not a lone block: that is a teaser
    ([100.0, -200.0, 10.0], [(0, 0)]),
]


@pytest.mark.parametrize(("weights", "runs"), RUNS)
def test_find_article(weights: list[float], runs: list[tuple[int, int]]) -> None:
    assert find_article(weights) == runs


def test_cut_comments_needs_prose_before_the_cut() -> None:
    segments = _segments(["Posted on March 3, 2021 at 4:47 pm", *PARAGRAPHS])
    kinds = [Kind.SHORT] + [Kind.GOOD] * len(PARAGRAPHS)
    assert cut_comments(segments, kinds, (0, len(PARAGRAPHS))) == (0, len(PARAGRAPHS))


# --------------------------------------------------------------------------- the seed

SEED_SUBHEADINGS = ["Ukraine, US election loom large", "US, UK and Germany congratulate Rutte"]
SEED_CLAIMS = {
    "Politics": "section",
    "Europe": "section",
    "Mark Rutte takes over as NATO chief": "title",
    "Published October 1, 2024": "date",
    "last updated October 1, 2024": "date",
    "NATO Secretary-General Jens Stoltenberg": "lede",
    "Mark Rutte and Jens Stoltenberg": "image_alt",
    "After vowing to leave politics": "caption",
    "Image: Harry Nakos": "credit",
}


def test_seed_body_is_the_article_and_nothing_else() -> None:
    segments = segment_dump(SEED.read_text(encoding="utf-8"))
    claimed = {}
    for s in segments:
        role = next((r for start, r in SEED_CLAIMS.items() if s.text.startswith(start)), None)
        if role:
            claimed[s.index] = role
    assert sorted(set(claimed.values())) == sorted(set(SEED_CLAIMS.values()))
    decisions = classify(segments, claimed)
    body = [d for d in decisions if d.verdict is Verdict.BODY]
    headings = [d.text for d in body if d.type is BlockType.HEADING]
    paragraphs = [d.text for d in body if d.type is BlockType.PARAGRAPH]
    assert headings == SEED_SUBHEADINGS
    assert len(paragraphs) == 24
    assert paragraphs[0].startswith("Former Dutch Prime Minister Mark Rutte")
    assert paragraphs[-1].startswith("\"Under Rutte's leadership")
    text = "\n".join(d.text for d in body)
    for furniture in (
        "Skip",
        "03:23",
        "02:42",
        "This browser does not support",
        "Who is Mark Rutte",
        "NATO secretary general\n",
        "DW's Top Story",
        "More stories from DW",
        "es/nm",
        "Harry Nakos",
    ):
        assert furniture not in text
    metadata = [d for d in decisions if d.verdict is Verdict.METADATA]
    assert len(metadata) == len(claimed)
    assert all(d.reason.startswith("metadata: ") for d in metadata)


def test_pages_of_many_runs_and_huge_wrapped_blocks_are_handled() -> None:
    blocks = []
    for n in range(300):
        blocks += [f"{PARAGRAPHS[0]} {n}", f"{PARAGRAPHS[1]} {n}", "Tag", "Other tag", "More"]
    segments = _segments(blocks)
    assert len(classify(segments, {})) == len(segments)
    wrapped = textwrap.fill(" ".join(PARAGRAPHS * 300), 60)  # one paragraph of 5000 lines
    segments = segment_dump(wrapped)
    assert len(segments) == 1
    assert classify(segments, {})[0].verdict is Verdict.BODY
