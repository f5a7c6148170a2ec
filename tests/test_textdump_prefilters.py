"""The cheap prefilters before the costly text-path patterns must never hide a match.

Each cue list (or cue pattern) in vocab.py claims that every match of its pattern holds
one of its cues. These tests check that claim on synthetic strings that match, and on
many random strings built from the patterns' own words, in several letter cases.
"""

from __future__ import annotations

import random
import re

import pytest

from clean_article.textdump import vocab as v
from clean_article.textdump.classify import _too_few_sentences
from clean_article.textdump.features import Features, may_match, measure
from clean_article.textdump.segment import _ends_with, segment_dump

# (pattern, its cue words, whether the classifier anchors it with match())
CUED = [
    (v.BOILER_SENTENCES, v.BOILER_SENTENCE_CUES, False),
    (v.CAPTION_TAIL, v.CAPTION_TAIL_CUES, False),
    (v.CAPTION_CUE, v.CAPTION_CUE_CUES, False),
    (v.CREDIT, v.CREDIT_CUES, False),
    (v.AUTHOR_BIO, v.AUTHOR_BIO_CUES, True),
]

# Short strings each pattern matches, in mixed case.
MATCHING = [
    (v.BOILER_SENTENCES, "We MAY EARN A SMALL COMMISSION from links."),
    (v.BOILER_SENTENCES, "Sign Up For our daily briefing"),
    (v.BOILER_SENTENCES, "Folgen Sie uns auf allen Kanälen"),
    (v.BOILER_SENTENCES, "Reporting by A. Writer; Editing by B. Editor"),
    (v.BOILER_SENTENCES, "Ihre E-Mail-Adresse wird nicht veröffentlicht."),
    (v.CAPTION_TAIL, "A harbour at dawn (Photo: Jane Roe)"),
    (v.CAPTION_TAIL, "Crowds on the square / Getty Images"),
    (v.CAPTION_CUE, "The mayor, left, and the minister"),
    (v.CAPTION_CUE, "Sur cette photo, la place"),
    (v.CREDIT, "© Some Agency"),
    (v.CREDIT, "FOTO: Name"),
    (v.AUTHOR_BIO, "Jane Roe is a freelance WRITER based in Lyon."),
    (v.AUTHOR_BIO, "Juan Pérez es un periodista de la ciudad."),
]

_WORDS = sorted(
    {w for _, cues, _ in CUED for cue in cues for w in re.findall(r"\w+|\W", cue)}
    | set("is a an the by of left right to on us our photo ( ) / | : , . x y Name Jane Roe".split())
    | {"Jane Roe is a", "Ana Sousa é uma", "es un", "left, and", "(L)", "We may earn a"}
    | {
        "(Photo: Jane Roe)",
        "in this photo",
        "/ Getty",
        "file photo",
        "Image by",
        "follow us on Twitter",
    }
)


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(1, 8))]
        text = " ".join(words)
        texts.append(rng.choice([text, text.upper(), text.title(), text.capitalize()]))
    return texts


@pytest.mark.parametrize(("rx", "text"), MATCHING)
def test_examples_match_and_hold_a_cue(rx: re.Pattern[str], text: str) -> None:
    cues = next(c for pattern, c, _ in CUED if pattern is rx)
    assert rx.search(text)
    assert may_match(text, cues)


@pytest.mark.parametrize(("rx", "cues", "anchored"), CUED)
def test_no_random_match_lacks_a_cue(
    rx: re.Pattern[str], cues: tuple[str, ...], anchored: bool
) -> None:
    find = rx.match if anchored else rx.search
    matched = [t for t in _random_texts(len(cues), 4000) if find(t)]
    assert len(matched) >= 5  # the check is not vacuous
    assert all(may_match(t, cues) for t in matched)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain prose without any of them", False),
        ("Subscribe now", True),
        ("SAİD", True),  # capital dotted I: `re` folds it to "i", casefold() does not
        ("saıd", True),  # dotless i, likewise
    ],
)
def test_may_match_falls_back_on_odd_case(text: str, expected: bool) -> None:
    assert may_match(text, ("said", "subscribe")) is expected


def test_features_may_match_agrees_with_may_match() -> None:
    segments = segment_dump("Subscribe now\n\nA quiet morning on the harbour.\n\nSAİD\n")
    for segment, f in zip(segments, measure(segments), strict=True):
        assert isinstance(f, Features)
        for cues in (("subscribe",), ("said",), ("harbour",)):
            assert f.may_match(cues) is may_match(segment.text, cues)


@pytest.mark.parametrize(
    "text",
    [
        "They said so.",
        "the dog",
        "\u201cShe SAID IT\u201d: Ab. Cd! Ef? Gh\u2026 Ij) Kl",
        "2019Updated",
        "monthsImage: Name",
    ],
)
def test_glue_cues_hold_for_every_glue_match(text: str) -> None:
    for rx, cue in v.GLUE_SURE:
        if rx.search(text):
            assert cue.search(text)
    if v.GLUE_CAMEL.search(text) or v.GLUE_CAPS.search(text):
        assert v.GLUE_CASE_CUE.search(text)


def test_glue_cues_on_random_texts() -> None:
    rng = random.Random(7)
    alphabet = "aZ.!?:)\u2026\u201c\u201d\"' 1é\u00c9"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        for rx, cue in v.GLUE_SURE:
            assert not rx.search(text) or cue.search(text), text
        camel = v.GLUE_CAMEL.search(text) or v.GLUE_CAPS.search(text)
        assert not camel or v.GLUE_CASE_CUE.search(text), text


@pytest.mark.parametrize("line", ["", "a", "ab", "word", "word ", "word,\u00a0", "x\n", "end."])
def test_ends_with_equals_a_full_search(line: str) -> None:
    for rx in (v.NODE_AFTER_WORD, v.NODE_OPEN_END):
        assert _ends_with(rx, line) is bool(rx.search(line))


@pytest.mark.parametrize(
    "text",
    [
        "word " * 99 + "end",
        "word " * 150,
        "word " * 150 + "end.",
        ("word " * 90 + "stop. ") * 3,
        "word " * 20 + "\u2026\u300d",  # ends like a sentence, yet no sentence end is counted
        "a. b. c.",
    ],
)
def test_too_few_sentences_equals_counting_them_all(text: str) -> None:
    segments = segment_dump(text + "\n")
    for segment, f in zip(segments, measure(segments), strict=True):
        found = len(re.findall(r"[.!?…][\"'”’»)\]]*(?=\s|$)|[。！？]", segment.text))
        full = f.words > v.MAX_WORDS_PER_SENTENCE * (found + (not f.sentence_end))
        assert _too_few_sentences(segment.text, f) is full


def test_no_wide_character_sorts_below_the_columns_prefilter() -> None:
    # segment.columns() skips the WIDE_CHAR search on lines whose largest character is below
    # U+1100; a wide range added below it must move that bound.
    assert not any(v.WIDE_CHAR.match(chr(c)) for c in range(0x1100))
    assert v.WIDE_CHAR.match("\u1100")


@pytest.mark.parametrize(("rx", "bound"), [(v.CJK, "\u3040"), (v.NO_SPACE_CHAR, "\u3000")])
def test_no_cjk_character_sorts_below_its_prefilter(rx: re.Pattern[str], bound: str) -> None:
    # features.measure() and segment's wrap joining skip these patterns below the bound.
    assert not any(rx.match(chr(c)) for c in range(ord(bound)))
    assert rx.match(bound)
