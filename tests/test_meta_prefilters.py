"""The cheap prefilters and shared normalisation of the metadata extractors: they must never
hide a real match or change a result."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from clean_article.metadata import TextMetadata, extract_text_metadata, vocab
from clean_article.metadata.bylines import looks_like_byline
from clean_article.metadata.credits import split_credit
from clean_article.metadata.dates import has_date_label, leading_date, may_hold_date
from clean_article.metadata.folding import first_words, fold
from clean_article.metadata.text_images import find_text_images
from clean_article.model import BlockType, Options, Segment
from clean_article.normalize import normalize_space

# Every vocabulary searched through a first_words() prefilter.
_PREFILTERED = (
    *vocab.CREDIT_LABELS,
    *vocab.CAPTION_LABELS,
    *vocab.PUBLISHED_LABELS,
    *vocab.MODIFIED_LABELS,
    *vocab.CREDIT_TAIL_PHRASES,
)
_EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_every_character_matching_a_vocabulary_letter_folds_to_it() -> None:
    letters = sorted({c for phrase in _PREFILTERED for c in phrase if c.isalpha()})
    for letter in letters:
        matching = re.findall(re.escape(letter), _EVERY_CHARACTER, re.IGNORECASE)
        assert {fold(c) for c in matching} == {letter}, letter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain ASCII", "plain ascii"),
        ("İMAGE ſource", "image source"),  # re.IGNORECASE matches these to "i" and "s"
        ("CRÉDIT Photo", "crédit photo"),
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("photos by jane", True),  # "photos" is found through "photo"
        ("a crédit line", True),
        ("© jane", True),
        ("(c) jane", True),
        ("no label here", False),
    ],
)
def test_first_words(text: str, found: bool) -> None:
    pattern = first_words(("photo", "photos by", "crédit", "Image Copyright"), "©", "(c)")
    assert (pattern.search(fold(text)) is not None) is found


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("A harbour at dusk. İMAGE: Jane Doe/Reuters", "Jane Doe/Reuters"),
        ("A harbour at dusk. ſource: Jane Doe", "Jane Doe"),  # "ſ" matches "s"
        ("A harbour at dusk PHOTO: Jane Doe", "Jane Doe"),
        ("A harbour at dusk (Jane Doe/AP)", "Jane Doe/AP"),
        ("A harbour at dusk. Jane Roe Submitted Photo.", "Submitted Photo"),
        ("A harbour at dusk, seen from the hill", None),
    ],
)
def test_split_credit_through_the_prefilters(text: str, credit: str | None) -> None:
    assert split_credit(text)[1] == credit


@pytest.mark.parametrize(
    ("text", "labelled"),
    [
        ("LAST UPDATED 3 May 2021", True),
        ("Veröffentlicht am 3. Mai 2021", True),
        ("Mis à jour le 3 mai 2021", True),
        ("3 May 2021", False),
    ],
)
def test_date_labels_through_the_prefilter(text: str, labelled: bool) -> None:
    assert has_date_label(text) is labelled


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11/19/2019 by Jane Doe", "2019-11-19"),
        ("Nov. 19, 2019 by Jane Doe", "2019-11-19"),
        ("19 novembre 2019 par Jeanne", "2019-11-19"),
        ("By Jane Doe, Nov. 19, 2019", None),  # a date, but not at the start
        ("By Jane Doe", None),
        ("", None),
    ],
)
def test_leading_date(text: str, value: str | None) -> None:
    found = leading_date(text)
    assert (found.value if found else None) == value
    assert found is None or found.start == 0


@pytest.mark.parametrize(
    ("text", "reference_date", "possible"),
    [
        ("3 hours ago", None, True),
        ("an hour ago", None, False),  # relative, and nothing to resolve it against
        ("an hour ago", dt.date(2022, 3, 10), True),
        ("No date here", None, False),
    ],
)
def test_may_hold_date(text: str, reference_date: dt.date | None, possible: bool) -> None:
    assert may_hold_date(text, reference_date) is possible


_MESSY = (
    "  By\u00a0Jane   Doe ",
    "Jane Doe,\tSenior Writer",
    "es/nm\u200b (AP,  dpa)",
    "A harbour at dusk.\u00a0Photo:  Jane Doe/Reuters",
    "A harbour at dusk (Jane\u2009Doe/AP) ",
    "\x00",
)


@pytest.mark.parametrize("text", _MESSY)
def test_normalised_input_gives_the_same_answers(text: str) -> None:
    normal = normalize_space(text)
    assert looks_like_byline(normal, normalized=True) == looks_like_byline(text)
    assert split_credit(normal, normalized=True) == split_credit(text)


def test_images_with_and_without_the_callers_normalised_texts() -> None:
    texts = ["A harbour at dusk", "Photo:  Jane\u00a0Doe/Reuters", "Words of the story. " * 20]
    segments = [Segment(i, t, BlockType.PARAGRAPH, i * 2, i * 2) for i, t in enumerate(texts)]
    normal = [normalize_space(t) for t in texts]
    found = find_text_images(segments, {})
    assert found == find_text_images(segments, {}, normal)
    assert found[0][0].credit == "Jane Doe/Reuters"


def _segments(*texts: str) -> list[Segment]:
    return [Segment(i, t, BlockType.PARAGRAPH, i * 2, i * 2, t) for i, t in enumerate(texts)]


def test_relative_date_line_without_digits_is_read_only_with_a_reference_date() -> None:
    segments = _segments("A headline of a few words", "By Jane Doe", "an hour ago", "Words. " * 30)
    without: TextMetadata = extract_text_metadata(segments, Options())
    with_date = extract_text_metadata(segments, Options(reference_date=dt.date(2022, 3, 10)))
    assert without.metadata.dates.published is None
    assert with_date.metadata.dates.published == "2022-03-10"
    assert with_date.claimed.get(2) == "date"
