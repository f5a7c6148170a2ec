"""Images: caption/credit splitting, credit recognition, and article figures in HTML."""

from __future__ import annotations

import lxml.html
import pytest

from clean_article.metadata import extract_html_metadata
from clean_article.metadata.credits import clean_credit, is_credit_text, split_credit
from clean_article.model import Image, Options

# (caption text as printed, expected caption, expected credit)
SPLITS = [
    (
        "A dog on a beach at dawnImage: Ann Lee/AP/picture alliance",
        "A dog on a beach at dawn",
        "Ann Lee/AP/picture alliance",
    ),
    ("Fans cheer in the rain. (AP Photo/Jo Park)", "Fans cheer in the rain.", "AP Photo/Jo Park"),
    (
        "Fans cheer in the rain. (Photo by Jo Park/Getty Images)",
        "Fans cheer in the rain.",
        "Jo Park/Getty Images",
    ),
    ("The old bridge at night Credit: City Archive", "The old bridge at night", "City Archive"),
    ("Der Hafen am Morgen. Foto: Eva Klein/dpa", "Der Hafen am Morgen.", "Eva Klein/dpa"),
    ("Der Hafen am Morgen. Bild: Eva Klein", "Der Hafen am Morgen.", "Eva Klein"),
    ("Le port au matin. Photo : Jean Roy / AFP", "Le port au matin.", "Jean Roy / AFP"),
    ("A kikötő reggel. Fotó: Kovács Péter", "A kikötő reggel.", "Kovács Péter"),
    ("Port o poranku. Zdjęcie: Jan Nowak", "Port o poranku.", "Jan Nowak"),
    ("Le port au matin. Crédit photo : AFP", "Le port au matin.", "AFP"),
    ("El puerto. Foto: Ana Ruiz/EFE", "El puerto.", "Ana Ruiz/EFE"),
    ("A crowded square [File: Reuters]", "A crowded square", "Reuters"),
    ("A crowded square. © Reuters / Sam Cole", "A crowded square.", "Reuters / Sam Cole"),
    (
        "A map of the river basin. (Image credit: River Lab)",
        "A map of the river basin.",
        "River Lab",
    ),
    ("The mill in 1902. Sam Cole / Reuters file", "The mill in 1902.", "Sam Cole / Reuters file"),
    ("The mill in 1902.J. Sam Cole / AP file", "The mill in 1902.", "J. Sam Cole / AP file"),
    ("Photo: Tom Reed", "", "Tom Reed"),
    ("Image copyright Getty Images", "", "Getty Images"),
    ("© Ann Lee", "", "Ann Lee"),
    # No credit: a visually hidden "Image:" label before a caption sentence.
    (
        "Image:The coach has agreed a deal to become manager of the club",
        "The coach has agreed a deal to become manager of the club",
        None,
    ),
    ("Image of a cat sleeping on a sofa", "Image of a cat sleeping on a sofa", None),
    ("Rutte (left) and Stoltenberg", "Rutte (left) and Stoltenberg", None),
    # Footer notices and handles are no credits.
    (
        "© 2021 Example Media. All rights reserved",
        "© 2021 Example Media. All rights reserved",
        None,
    ),
    ("He wrote back. — Jo (@jo_writes)", "He wrote back. — Jo (@jo_writes)", None),
]


@pytest.mark.parametrize(("text", "caption", "credit"), SPLITS)
def test_split_credit(text: str, caption: str, credit: str | None) -> None:
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sanjay Rao/Hindustan Times/Getty Images", True),
        ("Nia Cole | Bloomberg | Getty Images", True),
        ("Al Berg, Associated Press", True),
        ("NASA via AP, File", True),
        ("photos.example.org", True),
        ("Kyle Busch", False),
        ("He said so.", False),
    ],
)
def test_is_credit_text(text: str, expected: bool) -> None:
    assert is_credit_text(text) is expected


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Jo Park, AP / Copyright 2021 AP. All rights reserved", "Jo Park, AP"),
        ("© 2021 Example Media", None),
        ("Read more | Follow @someone", None),
        ("pic.twitter.com/abc123", None),
        ("News agencies", None),
        ("Jo Park/Getty Images", "Jo Park/Getty Images"),
    ],
)
def test_clean_credit(credit: str, expected: str | None) -> None:
    assert clean_credit(credit) == expected


def _images(body: str) -> tuple[Image, ...]:
    page = f"<html><head><title>T</title></head><body><h1>Headline</h1>{body}</body></html>"
    return extract_html_metadata(lxml.html.document_fromstring(page), Options()).images


PROSE = "<p>" + "Body text of the story goes on and on for a while here. " * 4 + "</p>"

# (HTML of the article, expected images as (caption, credit, alt))
FIGURES = [
    (
        '<figure><img src="a.jpg" alt="A dog"><figcaption>A dog runs.'
        '<span class="credit">Photo: Jo Park</span></figcaption></figure>',
        [("A dog runs.", "Jo Park", "A dog")],
    ),
    (
        '<figure><img src="a.jpg"><figcaption><span>The mill.</span>'
        "<span>Sam Cole / Reuters file</span></figcaption></figure>",
        [("The mill.", "Sam Cole / Reuters file", None)],
    ),
    (
        '<figure><img src="a.jpg"><figcaption>Fans cheer. (AP Photo/Jo Park)</figcaption></figure>',
        [("Fans cheer.", "AP Photo/Jo Park", None)],
    ),
    (
        '<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">A harbour at dawn'
        " Credit: River Lab</p></div>",
        [("A harbour at dawn", "River Lab", None)],
    ),
    (  # caption and credit boxes outside <figure>, climbing to the picture
        '<div class="media"><img src="a.jpg"><div class="caption-text">A map.</div>'
        '<div class="image-credit">(Image: © River Lab)</div></div>',
        [("A map.", "River Lab", None)],
    ),
    (  # a credit-only figure
        '<figure><img src="a.jpg"><figcaption>Photo: iStock</figcaption></figure>',
        [(None, "iStock", None)],
    ),
    (  # a video figure is no image
        '<figure><video src="v.mp4"></video><figcaption>Watch: the match</figcaption></figure>',
        [],
    ),
    (  # a teaser: the caption is a link to another story
        '<figure><a href="/other"><img src="a.jpg"></a><figcaption><a href="/other">'
        "Read this other story now</a></figcaption></figure>",
        [],
    ),
    (  # related-story thumbnails are not article images
        '<div class="related-stories"><figure><img src="a.jpg"><figcaption>Teaser'
        "</figcaption></figure></div>",
        [],
    ),
    (  # an uncaptioned, uncredited figure is left out
        '<figure><img src="a.jpg" alt="x"></figure>',
        [],
    ),
]


@pytest.mark.parametrize(("body", "expected"), FIGURES)
def test_html_figures(body: str, expected: list[tuple[str | None, ...]]) -> None:
    images = _images(body + PROSE)
    assert [(i.caption, i.credit, i.alt) for i in images] == expected


def test_html_image_keeps_src() -> None:
    images = _images('<figure><img src="pic.jpg"><figcaption>A cat.</figcaption></figure>')
    assert images[0].src == "pic.jpg"


GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
LAZY = [
    (
        f'<img src="{GIF}" data-src="https://cdn.example.com/a.jpg">',
        "https://cdn.example.com/a.jpg",
    ),
    ('<img src="/img/blank.gif" data-lazy-src="/img/a.jpg">', "/img/a.jpg"),
    ('<img src="spacer.gif" data-original="a.jpg">', "a.jpg"),
    (f'<img src="{GIF}" srcset="a-300.jpg 300w, a-1200.jpg 1200w, a-800.jpg 800w">', "a-1200.jpg"),
    (f'<img src="{GIF}" data-srcset="a.jpg 1x, a@2x.jpg 2x">', "a@2x.jpg"),
    (
        f'<picture><source srcset="b-640.webp 640w, b-1280.webp 1280w"><img src="{GIF}"></picture>',
        "b-1280.webp",
    ),
    (
        f'<img src="{GIF}"><noscript><img src="https://cdn.example.com/c.jpg"></noscript>',
        "https://cdn.example.com/c.jpg",
    ),
    (f'<img src="{GIF}">', None),  # the page names no real address
    ('<img src="real.jpg" data-src="other.jpg">', "real.jpg"),  # a real src stays
]


@pytest.mark.parametrize(("picture", "expected"), LAZY)
def test_lazy_loaded_src(picture: str, expected: str | None) -> None:
    (image,) = _images(f"<figure>{picture}<figcaption>A cat. Photo: Ann Lee</figcaption></figure>")
    assert image.src == expected
    assert image.credit == "Ann Lee"


def test_html_extraction_does_not_modify_the_tree() -> None:
    page = "<html><body><h1>H</h1><figure><img src='a.jpg'><figcaption>A cat. Photo: Jo"
    page += "</figcaption></figure><p class='byline'>By Jo Park</p></body></html>"
    tree = lxml.html.document_fromstring(page)
    before = lxml.html.tostring(tree)
    extract_html_metadata(tree, Options())
    assert lxml.html.tostring(tree) == before


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Jane Roe Submitted photo", "Jane Roe", "Submitted photo"),
        ("Max Muster Foto privat", "Max Muster", "Foto privat"),
    ],
)
def test_credit_tail_phrases(text: str, caption: str, credit: str) -> None:
    assert split_credit(text) == (caption, credit)


def test_credit_box_beside_the_picture() -> None:
    body = '<div class="lead-img"><div class="img"><img src="a.jpg" alt="A"></div>'
    body += '<div class="credits">© Ann Lee</div></div>'
    assert [(i.caption, i.credit) for i in _images(body + PROSE)] == [(None, "Ann Lee")]


def test_byline_box_is_no_credit() -> None:
    body = '<div class="byline-section"><img src="face.jpg"><span class="author">Jane Doe'
    body += "</span> Gazette</div>"
    assert _images(body + PROSE) == ()


def test_gallery_caption_mirror_is_one_image() -> None:
    slide = '<div class="caption"><div class="caption-full">A ferry at dawn.</div>'
    slide += '<div class="caption-truncated">A ferry at...</div>'
    slide += '<span class="credit">Photo: Jo Park, AP</span></div>'
    body = f'<ul><li class="slide"><img src="a.jpg">{slide}</li></ul><div class="remote">{slide}'
    body += '</div><div class="bar"><span class="credit">Photo: Jo Park, AP</span></div>'
    images = _images(body + PROSE)
    assert [(i.caption, i.credit) for i in images] == [("A ferry at dawn.", "Jo Park, AP")]


def test_picture_box_with_a_plain_caption_paragraph() -> None:
    body = '<div class="image top"><img src="a.jpg" alt="A"><p>A ferry leaves the harbour at'
    body += " dawn. (Jo Park via AP, File)</p></div>"
    images = _images(body + PROSE)
    assert [(i.caption, i.credit) for i in images] == [
        ("A ferry leaves the harbour at dawn.", "Jo Park via AP, File")
    ]
