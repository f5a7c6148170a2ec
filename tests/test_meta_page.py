"""The page index the HTML extractors share: element texts, hints, tag lookups, boilerplate."""

from __future__ import annotations

import lxml.html
import pytest

from clean_article.metadata.bylines import agency_line
from clean_article.metadata.page import hint_pattern, read_page, text_of
from clean_article.normalize import normalize_space


def _first(html: str, tag: str) -> lxml.html.HtmlElement:
    return next(lxml.html.document_fromstring(html).iter(tag))


@pytest.mark.parametrize(
    ("html", "tag", "text"),
    [
        ("<div><p>One</p><p>Two</p></div>", "div", "One Two"),  # blocks are spaced
        ("<p>left<br>right</p>", "p", "left right"),  # so is a line break
        ("<p>a<b>b</b>c</p>", "p", "abc"),  # inline markup is not
        ("<p>a<span>b</span>c</p>", "p", "ab c"),  # a span counts as a block
        ("<div>x<script>var y = 1;</script>z</div>", "div", "xz"),  # script left out, tail kept
        ("<div>x<!-- note -->y</div>", "div", "xy"),  # comment left out, tail kept
        ("<div>a<svg><text>icon</text></svg>b</div>", "div", "ab"),
        ("<p>\u00a0 spaced\n  out\u200b </p>", "p", "spaced out"),  # normalised
        ("<p><br></p>", "br", ""),
        ("<div><script>x</script></div>", "script", ""),
        ("<div><noscript><p>inside</p></noscript></div>", "p", "inside"),
    ],
)
def test_text_of(html: str, tag: str, text: str) -> None:
    assert text_of(_first(html, tag)) == text


def test_text_of_leaves_out_skipped_subtrees_but_keeps_their_tails() -> None:
    caption = _first(
        '<figcaption>Cap <span class="c">Photo: X</span> end</figcaption>', "figcaption"
    )
    credit = caption[0]
    assert text_of(caption, [credit]) == "Cap end"
    assert text_of(caption, [caption]) == ""


def test_page_caches_texts_per_page() -> None:
    tree = lxml.html.document_fromstring("<p>Hello <b>world</b></p>")
    page = read_page(tree)
    paragraph = page.tagged("p")[0]
    assert page.text(paragraph) == "Hello world"
    paragraph[0].text = "there"  # the tree is read once: a page never sees later edits
    assert page.text(paragraph) == "Hello world"
    assert read_page(tree).text(paragraph) == "Hello there"  # a new page reads afresh


def test_tag_lookups_mirror_lxml() -> None:
    root = lxml.html.fromstring("<div><p>a</p><div><p>b</p></div></div>")
    page = read_page(root)
    assert page.tagged("div") == list(root.iter("div"))  # the root included, like iter()
    assert page.below("div") == list(root.iterfind(".//div"))  # the root left out
    assert page.below("p") == list(root.iterfind(".//p"))
    assert page.tagged("table") == []


def test_elements_leave_out_scripts_and_comments() -> None:
    tree = lxml.html.document_fromstring(
        "<html><head><title>T</title><style>p{}</style></head>"
        "<body><!-- c --><p id='x'>a</p><script>s</script></body></html>"
    )
    page = read_page(tree)
    assert [e.tag for e in page.elements] == ["html", "title", "body", "p"]


@pytest.mark.parametrize(
    ("attributes", "hints", "found"),
    [
        ('class="Byline-Wrap"', ("byline",), True),  # case-insensitive
        ('id="post-author"', ("author",), True),  # the id counts too
        ('class="a" id="b"', ("a b",), True),  # one text: class, a space, id
        ('class="date"', ("byline", "author"), False),
        ("", ("byline",), False),
    ],
)
def test_hints(attributes: str, hints: tuple[str, ...], found: bool) -> None:
    tree = lxml.html.document_fromstring(f"<div><span {attributes}>x</span></div>")
    page = read_page(tree)
    span = page.tagged("span")[0]
    pattern = hint_pattern(hints)
    assert page.has_hint(span, pattern) is found
    assert (span in page.hinted(pattern)) is found


def test_hinted_among_a_wider_search_finds_the_same() -> None:
    html = '<div class="byline"><span class="date">1</span><i class="author">A</i></div>'
    tree = lxml.html.document_fromstring(html)
    wide, narrow = hint_pattern(("byline", "author", "date")), hint_pattern(("author",))
    first = read_page(tree)
    second = read_page(tree)
    assert first.hinted(narrow, among=first.hinted(wide)) == second.hinted(narrow)
    assert [e.tag for e in second.hinted(narrow)] == ["i"]
    assert hint_pattern(()).search("anything") is None


NAV_PAGE = (
    "<html><body><div class='related-links'><p id='promo'>More stories</p></div>"
    "<div class='sidebar-wrapper'><h1>Headline</h1><p id='lead'>Lead</p></div>"
    "<nav><ul><li id='item'>Home</li></ul></nav><p id='free'>Text</p></body></html>"
)


@pytest.mark.parametrize("order", [["promo", "lead", "item", "free"], ["free", "item", "lead"]])
def test_boilerplate_verdicts_do_not_depend_on_the_order_asked(order: list[str]) -> None:
    tree = lxml.html.document_fromstring(NAV_PAGE)
    page = read_page(tree)
    expected = {"promo": True, "lead": False, "item": True, "free": False}
    for ident in order:
        element = tree.get_element_by_id(ident)
        assert page.in_boilerplate(element) is expected[ident]
        assert page.in_boilerplate(element) is expected[ident]  # cached: the same again


@pytest.mark.parametrize("line", ["(dpa)", "dpa/lno", "Quelle: AFP/Reuters", "Reuters", "A story."])
def test_agency_line_of_a_normalised_line(line: str) -> None:
    assert agency_line(line, normalized=True) == agency_line(line)
    messy = f"\u00a0 {line}\n"
    assert agency_line(normalize_space(messy), normalized=True) == agency_line(messy)
