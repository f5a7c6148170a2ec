"""Metadata of text dumps: the seed's facts, and synthetic dumps of other layouts."""

from __future__ import annotations

import datetime as dt

import pytest

from clean_article.metadata import TextMetadata, extract_text_metadata
from clean_article.model import BlockType, Image, Options, Segment
from clean_article.textdump.segment import segment_dump

from .conftest import SEED


def _segments(dump: str) -> list[Segment]:
    """Cut a dump at blank lines, one Segment per block, wrapped lines re-joined."""
    segments: list[Segment] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*dump.split("\n"), ""]):
        if line.strip():
            block.append((number, line))
        elif block:
            text = " ".join(part.strip() for _, part in block)
            raw = "\n".join(part for _, part in block)
            kind = BlockType.PARAGRAPH
            segments.append(Segment(len(segments), text, kind, block[0][0], block[-1][0], raw))
            block = []
    return segments


def _extract(dump: str, options: Options | None = None) -> TextMetadata:
    return extract_text_metadata(_segments(dump), options or Options())


@pytest.fixture(scope="module")
def seed() -> tuple[TextMetadata, list[Segment]]:
    segments = segment_dump(SEED.read_text("utf-8"))
    return extract_text_metadata(segments, Options()), segments


def test_seed_title_section_lede(seed: tuple[TextMetadata, list[Segment]]) -> None:
    meta = seed[0].metadata
    assert meta.title == "Mark Rutte takes over as NATO chief"
    assert meta.section == ("Politics", "Europe")
    assert meta.lede is not None
    assert meta.lede.startswith("NATO Secretary-General Jens Stoltenberg has handed")
    assert meta.language is None


def test_seed_dates_and_byline(seed: tuple[TextMetadata, list[Segment]]) -> None:
    meta = seed[0].metadata
    assert (meta.dates.published, meta.dates.modified) == ("2024-10-01", "2024-10-01")
    assert meta.byline.authors == ("es", "nm")
    assert meta.byline.agencies == ("AP", "dpa")
    assert meta.byline.raw == "es/nm (AP, dpa)"


def test_seed_image(seed: tuple[TextMetadata, list[Segment]]) -> None:
    assert seed[0].metadata.images == (
        Image(
            caption="After vowing to leave politics forever in 2023, Rutte (left) mounted a"
            " one-man campaign for the NATO post in recent months",
            credit="Harry Nakos/AP/picture alliance",
            alt="Mark Rutte and Jens Stoltenberg",
        ),
    )


def test_seed_claims_only_metadata(seed: tuple[TextMetadata, list[Segment]]) -> None:
    found, segments = seed
    by_role: dict[str, list[str]] = {}
    for segment in segments:
        role = found.claimed.get(segment.index)
        if role:
            by_role.setdefault(role, []).append(segment.text)
    assert by_role["title"] == ["Mark Rutte takes over as NATO chief"]
    assert by_role["byline"] == ["es/nm (AP, dpa)"]
    assert by_role["credit"] == ["Image: Harry Nakos/AP/picture alliance"]
    assert by_role["image_alt"] == ["Mark Rutte and Jens Stoltenberg"]
    assert set(by_role) == {
        "title",
        "section",
        "date",
        "lede",
        "byline",
        "image_alt",
        "caption",
        "credit",
    }
    body = [s.text for s in segments if s.index not in found.claimed]
    assert any(t.startswith("Former Dutch Prime Minister Mark Rutte") for t in body)


WIRE = """Home | World | Sports

Storm closes mountain passes

By Jane Doe and Omar Field, Associated Press
Updated 6:10 am EST, Tuesday, March 8, 2022

HILLTOWN, Colo. (AP) — A late-winter storm closed three mountain passes on Monday and left
thousands of homes without power, officials said, as crews worked through the night.

Snow piles up on a road near Hilltown on Monday. (AP Photo/Sam Cole)

Crews expect to reopen the roads by Wednesday if the weather clears as forecast by the
national weather service, the state transport department said in a statement.
"""


def test_wire_story() -> None:
    meta = _extract(WIRE).metadata
    assert meta.title == "Storm closes mountain passes"
    assert meta.byline.authors == ("Jane Doe", "Omar Field")
    assert meta.byline.agencies == ("AP",)
    assert meta.dates.modified == "2022-03-08T06:10:00-05:00"
    assert meta.dates.published == "2022-03-08"  # only the update is shown: published by then
    assert meta.images == (
        Image("Snow piles up on a road near Hilltown on Monday.", "AP Photo/Sam Cole"),
    )


GERMAN = """Startseite

Neue Brücke über den Fluss eröffnet

Von Anna Berger
Stand: 04.05.2023 14:03 Uhr

Die neue Brücke verbindet seit Donnerstag die beiden Ortsteile, wie die Stadt mitteilte.
Der Bau hatte drei Jahre gedauert und kostete mehr als zwölf Millionen Euro insgesamt.

Die Arbeiten begannen im Frühjahr 2020 und wurden trotz Lieferengpässen beim Stahl nur
um wenige Wochen verzögert, sagte die Sprecherin der Stadtverwaltung am Donnerstag.

Die Brücke am Abend. Foto: Lukas Brandt/dpa

Am Wochenende soll ein Fest für die Anwohner stattfinden, teilte der Bürgermeister mit.
Die Stadt rechnet mit mehreren tausend Besuchern aus der ganzen Region und darüber hinaus.
"""


def test_german_dump() -> None:
    found = _extract(GERMAN)
    meta = found.metadata
    assert meta.byline.authors == ("Anna Berger",)
    assert meta.dates.modified == "2023-05-04T14:03:00"
    assert meta.images == (Image("Die Brücke am Abend.", "Lukas Brandt/dpa"),)
    roles = sorted(found.claimed.values())
    assert roles == ["byline", "caption", "title"]  # byline and date share one segment


def test_relative_date_needs_reference() -> None:
    dump = "Title of the story here\n\nBy Jane Doe\nPublished 2 days ago\n\n" + "Words " * 40
    assert _extract(dump).metadata.dates.published is None
    options = Options(reference_date=dt.date(2022, 3, 10))
    assert _extract(dump, options).metadata.dates.published == "2022-03-08"


def test_teasers_after_the_body_are_not_images() -> None:
    body = "\n\n".join(
        "This is a long body paragraph with many words in it. " * 3 for _ in range(3)
    )
    dump = "Headline of the story\n\nBy Jane Doe\n\n" + body
    dump += "\n\nMore stories\n\nA teaser about another event. (AP Photo/Jo Park)\n"
    assert _extract(dump).metadata.images == ()


def test_footer_copyright_is_no_credit() -> None:
    dump = "Words of the story. " * 20 + "\n\n© 2022 Example Media. All rights reserved.\n"
    assert _extract(dump).metadata.images == ()


@pytest.mark.parametrize("dump", ["", "\n\n\n", "\x00\x01\x02", "x" * 10000, "By\n\nBy"])
def test_odd_dumps_give_empty_metadata(dump: str) -> None:
    found = _extract(dump)
    assert found.metadata.byline.authors == ()
    assert found.metadata.images == ()


def test_by_alone_on_its_line() -> None:
    dump = "Story headline with words\n\nBy\n\nJane Doe\n\nMay 2, 2021\n\n" + "Words " * 40
    found = _extract(dump)
    assert found.metadata.byline.authors == ("Jane Doe",)
    assert found.metadata.dates.published == "2021-05-02"
    assert sorted(i for i, role in found.claimed.items() if role == "byline") == [1, 2]


def test_markdown_byline_and_date_lines() -> None:
    dump = "Story headline with words\n\nBy [Jane Doe](https://example.org/jane) \\- 05/02/21"
    dump += " 06:56 AM EST\n[Science](https://example.org/science)\n\n" + "Words " * 40
    meta = _extract(dump).metadata
    assert meta.byline.authors == ("Jane Doe",)
    assert meta.dates.published == "2021-05-02T06:56:00-05:00"  # EST as printed


def test_bare_name_next_to_the_date_line() -> None:
    dump = "Story headline with words\n\nJane Doe\n\n2 May 2021, 19:09\n\n" + "Words " * 40
    assert _extract(dump).metadata.byline.authors == ("Jane Doe",)


def test_gallery_copies_and_shared_alt_prefix() -> None:
    body = "A long body paragraph with enough words to count as the article text here. " * 2
    dump = (
        "Story headline with words\n\nBy Jane Doe\n\n"
        "Old harbour view A ferry leaves the harbour at dawn. (AP Photo/Jo Park)\n\n"
        "Old harbour view A ferry leaves the harbour at dawn. (AP Photo/Jo Park)\n\n"
        f"{body}\n\n"
        "Old harbour view Fishing boats return in the evening. Credit: City Archive\n\n"
        f"{body}\n"
    )
    images = _extract(dump).metadata.images
    assert [(i.caption, i.credit) for i in images] == [
        ("A ferry leaves the harbour at dawn.", "AP Photo/Jo Park"),
        ("Fishing boats return in the evening.", "City Archive"),
    ]


def test_credit_line_below_its_caption() -> None:
    body = "A long body paragraph with enough words to count as the article text here. " * 2
    dump = f"Story headline with words\n\nBy Jane Doe\n\n{body}\n\n"
    dump += "Crowds on the square at noon.\nAnn Lee/Getty Images\n\n" + body
    images = _extract(dump).metadata.images
    assert [(i.caption, i.credit) for i in images] == [
        ("Crowds on the square at noon.", "Ann Lee/Getty Images")
    ]


def test_caption_label_after_its_credit() -> None:
    body = "A long body paragraph with enough words to count as the article text here. " * 2
    dump = f"Headline of this story\n\nBy Jane Doe\n\n{body}\n\nImage copyright Getty Images\n\n"
    dump += "Image caption The singer on stage in 2019\n\n" + body
    images = _extract(dump).metadata.images
    assert [(i.caption, i.credit) for i in images] == [
        ("The singer on stage in 2019", "Getty Images")
    ]


def test_wrapped_paragraph_line_opening_with_by_is_no_byline() -> None:
    paragraph = (
        "The campaign that drew national attention this week was launched on Monday and led\n"
        "by Governor Jane Doe, who said the state would spend more on prevention this year and\n"
        "next, according to a statement released by her office on Tuesday afternoon."
    )
    found = _extract(f"Story headline with words\n\n{paragraph}\n")
    assert found.metadata.byline.authors == ()
    assert found.claimed == {}


def test_headline_is_not_the_standfirst_sentence() -> None:
    dump = "Coach agrees deal with the club\n\nThe coach had been out of work since last year.\n\n"
    dump += "Jane Doe, sports reporter\n\n" + "Words of the body. " * 30
    meta = _extract(dump).metadata
    assert meta.title == "Coach agrees deal with the club"
    assert meta.byline.authors == ("Jane Doe",)


def test_sentence_with_a_job_title_is_no_byline() -> None:
    line = "Omar Field, a senior analyst at a research group, said the talks would resume soon."
    assert _extract(line + "\n\n" + "Words " * 40).metadata.byline.authors == ()


FRENCH = """Accueil > International

Le conseil annonce un plan pour les transports

Par Jean-Marc Lefèvre et Chloé Martin
Publié le 3 mars 2023 à 10h15, mis à jour le 4 mars 2023 à 08h02

Le conseil a présenté mercredi un plan pour moderniser les réseaux de transport de la
région, a annoncé la présidente lors d'une conférence de presse tenue dans la matinée.

La présidente lors de la conférence. Photo : Léa Roux/AFP

Les syndicats ont salué des mesures attendues depuis longtemps, tout en appelant à la
vigilance sur leur financement à long terme et sur le calendrier des travaux annoncés.
"""

SPANISH = """Inicio

El consejo aprueba la nueva norma de vivienda

Por María José Ortega
Sevilla, 12 de mayo de 2023 - Actualizado: 13 de mayo de 2023

SEVILLA (EFE) - El consejo aprobó este martes la nueva norma de vivienda, que limita el
precio de los alquileres en los barrios del centro, según informó la consejería.

La consejera durante la rueda de prensa. Foto: EFE/Juan Pérez

La oposición anunció que recurrirá la norma ante los tribunales por considerar que invade
competencias de los ayuntamientos de la provincia y de otras administraciones.
"""


@pytest.mark.parametrize(
    ("dump", "section", "authors", "agencies", "published", "modified", "credit"),
    [
        (
            FRENCH,
            ("International",),
            ("Jean-Marc Lefèvre", "Chloé Martin"),
            (),
            "2023-03-03T10:15:00",
            "2023-03-04T08:02:00",
            "Léa Roux/AFP",
        ),
        (
            SPANISH,
            (),
            ("María José Ortega",),
            ("EFE",),
            "2023-05-12",
            "2023-05-13",
            "EFE/Juan Pérez",
        ),
    ],
)
def test_other_languages(
    dump: str,
    section: tuple[str, ...],
    authors: tuple[str, ...],
    agencies: tuple[str, ...],
    published: str,
    modified: str,
    credit: str,
) -> None:
    found = _extract(dump)
    meta = found.metadata
    assert meta.section == section
    assert (meta.byline.authors, meta.byline.agencies) == (authors, agencies)
    assert (meta.dates.published, meta.dates.modified) == (published, modified)
    assert [i.credit for i in meta.images] == [credit]
    if dump is SPANISH:
        assert meta.lede is None  # a paragraph opening with a dateline is the story itself
