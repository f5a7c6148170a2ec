"""The case folding behind the vocabulary prefilters: it must never hide a real match."""

from __future__ import annotations

import re

import pytest

from clean_article.metadata import vocab
from clean_article.metadata.credits import split_credit
from clean_article.metadata.dates import has_date_label
from clean_article.metadata.folding import first_words, fold

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
