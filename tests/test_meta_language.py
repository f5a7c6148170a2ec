"""Language: declared by the page (normalised to ISO 639-1), else identified from the text."""

from __future__ import annotations

import pytest

from clean_article import clean
from clean_article.metadata.language import identify
from clean_article.model import Options, SourceFormat

TEXTS = [
    ("Die Bundesregierung hat am Mittwoch neue Regeln für den Wohnungsbau beschlossen.", "de"),
    ("Le gouvernement a présenté mercredi un nouveau projet de loi sur le logement.", "fr"),
    ("El gobierno presentó el miércoles un nuevo proyecto de ley sobre la vivienda.", "es"),
    ("The government presented a new housing bill on Wednesday after long talks.", "en"),
    ("Menu Home", None),  # too short to say
]


@pytest.mark.parametrize(("text", "expected"), TEXTS)
def test_identify(text: str, expected: str | None) -> None:
    assert identify(text) == expected


DUMP = """Neue Regeln für den Wohnungsbau

Die Bundesregierung hat am Mittwoch neue Regeln für den Wohnungsbau beschlossen. Bauherren
sollen künftig schneller eine Genehmigung bekommen, und die Kommunen erhalten mehr Geld.

Der Bauminister sagte, die Reform werde den Bau von Wohnungen in den Städten beschleunigen.
Kritiker aus der Opposition halten die Pläne dagegen für unzureichend und zu spät.
"""


LONG = {
    "de": "Die Stadt hat am Montag mit dem Bau der neuen Brücke begonnen, die den Hafen mit "
    "der Altstadt verbinden soll. Nach Angaben der Verwaltung sind die Arbeiten für zwei Jahre "
    "geplant, und der Verkehr wird in dieser Zeit über eine Umleitung geführt, die auch für "
    "Radfahrer offen ist.",
    "pl": "Miasto rozpoczęło w poniedziałek budowę nowego mostu, który ma połączyć port ze "
    "starym miastem. Według urzędu prace potrwają dwa lata, a ruch w tym czasie będzie "
    "kierowany objazdem, który jest też otwarty dla rowerzystów i nie jest to problem dla nas.",
}


@pytest.mark.parametrize("lang", sorted(LONG))
def test_function_words_settle_long_texts(lang: str) -> None:
    from clean_article.metadata.language import _by_function_words

    assert _by_function_words(LONG[lang]) == lang
    assert identify(LONG[lang]) == lang


def test_text_dump_gets_the_language_of_its_text() -> None:
    article = clean(DUMP.encode(), options=Options(input_format=SourceFormat.TEXT))
    assert article.metadata.language == "de"


PROSE = "<p>" + "The council voted on Tuesday to extend the opening hours of the library. " * 3
PROSE += "</p>"


@pytest.mark.parametrize(
    ("head", "html_attrs", "expected"),
    [
        ("", ' lang="de-DE"', "de"),
        ('<meta property="og:locale" content="fr_FR">', "", "fr"),
        ('<meta http-equiv="content-language" content="es">', "", "es"),
        ("", "", "en"),  # declared nowhere: identified from the body
    ],
)
def test_html_language(head: str, html_attrs: str, expected: str) -> None:
    page = f"<html{html_attrs}><head>{head}</head><body><article><h1>Library</h1>{PROSE}"
    page += "</article></body></html>"
    assert clean(page.encode()).metadata.language == expected
