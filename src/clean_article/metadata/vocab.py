"""Heuristics as data for the metadata extractors: names, labels, markers and thresholds.

Every constant says why it exists. Vocabulary covers at least English, German, French,
Spanish, Italian, Portuguese and Dutch; language-neutral signals are preferred elsewhere.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Return the space-separated words of `text` as a set."""
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    """Return the "|"-separated phrases of `text`, in order."""
    return tuple(p.strip() for p in text.split("|") if p.strip())


# News agencies credited for a story, canonical form -> lower-cased aliases as printed.
# Bylines such as "(AP, dpa)" or "Associated Press" must map to one short name each.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("ap", "associated press", "the associated press", "ap news"),
    "Reuters": ("reuters", "thomson reuters", "reuters staff"),
    "AFP": ("afp", "agence france-presse", "agence france presse"),
    "dpa": ("dpa", "deutsche presse-agentur", "dpa-afx"),
    "epd": ("epd", "evangelischer pressedienst"),
    "KNA": ("kna", "katholische nachrichten-agentur"),
    "APA": ("apa", "austria presse agentur"),
    "SDA": ("sda", "keystone-sda", "ats"),
    "EFE": ("efe", "agencia efe"),
    "ANSA": ("ansa",),
    "PA": ("pa", "pa media", "press association", "pa wire"),
    "UPI": ("upi", "united press international"),
    "Xinhua": ("xinhua",),
    "Anadolu": ("anadolu", "anadolu agency", "aa"),
    "Kyodo": ("kyodo", "kyodo news"),
    "TASS": ("tass",),
    "Bloomberg": ("bloomberg",),
    "ddp": ("ddp",),
    "Belga": ("belga",),
    "ANP": ("anp",),
    "Europa Press": ("europa press",),
    "Lusa": ("lusa",),
    "AAP": ("aap", "australian associated press"),
    "PTI": ("pti", "press trust of india"),
    "IANS": ("ians",),
    "Yonhap": ("yonhap",),
}

AGENCY_BY_ALIAS: dict[str, str] = {
    alias: name for name, aliases in AGENCIES.items() for alias in aliases
}

# Short agency codes that are also ordinary words or initials ("PA", "AA", "ATS"): accepted
# only inside a byline or wire dateline, never from a sentence of body text.
AMBIGUOUS_AGENCY_CODES = frozenset({"pa", "aa", "ats", "ap"})

# Words that open a byline in several languages ("By Jane Doe", "Von ...", "Par ...").
BYLINE_PREFIXES = _phrases(
    "by|von|par|por|di|da|door|written by|reported by|analysis by|opinion by|commentary by|"
    "words by|story by|a cura di"
)

# Single words that open a byline, alone on a line or glued to the name's element.
BY_WORDS = ("by", "von", "par", "por", "door", "di")

# Labels printed (often visually hidden) before a caption: dropped, never a credit.
CAPTION_LABELS = _phrases(
    "image caption|caption|bildunterschrift|légende|leyenda|didascalia|legenda|onderschrift"
)

# Byline labels that need a colon ("Text: Jane Doe", "Autor: …"); without one they are words
# of a sentence or a title ("Texto de Natal", bench b3c19dd5).
BYLINE_LABELS = ("text", "texto", "texte", "autor", "autora", "auteur", "author", "redactie")

# A byline tail after these words names contributors, not authors ("with reporting by ...").
BYLINE_STOP_PHRASES = _phrases(
    "with reporting by|additional reporting by|reporting by|contributed to this report|"
    "contributed reporting|mit material von|avec|con información de|edited by|photos by|"
    "photographs by|illustrations by|video by"
)

# Job titles and staff words: a byline part containing one is a title, not a name
# (bench 05844573: "AP Auto Writer"; 3c5bf8db: "Live Science Contributor").
TITLE_WORDS = _words(
    "writer reporter correspondent editor columnist contributor staff producer analyst critic "
    "journalist chief senior special intern desk bureau team newsroom redaktion redakteur "
    "redakteurin korrespondent korrespondentin journaliste rédaction redacción redazione redação "
    "redactie reports report services service wire wires editors contributors advance"
)

# Words that qualify a job title and go with it ("Business Columnist", "National Security
# Writer"): cut from a byline together with the title word after them (bench 8634d121).
TITLE_MODIFIERS = _words(
    "business sports sport political politics national security science technology tech auto "
    "health medical foreign investigative opinion food travel music film culture economics "
    "economy legal courts white house congressional diplomatic entertainment environment climate "
    "energy markets finance world local metro education contributing associate deputy managing "
    "executive digital data staff senior chief special at-large editor-at-large"
)

# Words that mark a byline part as an outlet or organisation rather than a person
# (bench 65ce3a45 "Detroit News wire services"; c58aa507 "USA TODAY").
OUTLET_WORDS = _words(
    "news times post today daily tribune herald journal gazette telegraph magazine media press "
    "online tv radio network zeitung nachrichten rundschau diario giornale jornal krant courant "
    "staff wire services reports"
)

# Photo agencies and stock libraries: a short line naming one is a credit, not a caption
# (bench 16c30add "…/Getty Images"; 3f65af7b "Alex Wong | Getty Images").
PHOTO_SOURCES = _phrases(
    "getty images|getty|associated press|ap photo|reuters|afp|epa|dpa|picture alliance|"
    "picture-alliance|imago|shutterstock|istock|istockphoto|alamy|keystone|ansa|efe|sipa|abaca|"
    "zuma|pa images|pa wire|anp|belga|nasa|eyevine|bloomberg|xinhua|science photo library|"
    "wikimedia|wikipedia|flickr|unsplash|pexels|pixabay|stock.adobe.com|adobe stock|courtesy|"
    "submitted photo|handout|file photo"
)

# Labels that introduce a photo credit, in several languages; matched case-insensitively at
# the start of a credit or after a caption ("…monthsImage: Harry Nakos/AP/picture alliance").
CREDIT_LABELS = _phrases(
    "image copyright|image credit|image source|photo credit|photo credits|picture credit|"
    "photograph|photographs|photos by|photo by|photo|photos|image|images|picture|pictures|pic|"
    "credit|credits|source|copyright|bild|bilder|bildquelle|foto|fotos|fotograf|fotografie|"
    "quelle|titelbild|crédit|crédits|crédit photo|photographie|crédito|créditos|crédito foto|"
    "imagen|fuente|credito|crediti|fonte|beeld|file|"
    # Hungarian, Polish, Italian/Portuguese/Polish, Finnish, Dutch plural
    "fotó|fotók|zdjęcie|fotografia|kuva|foto's"
)

# Bare labels that must be followed by a colon to count ("Image: X", not "Image of a cat").
# The multi-word labels and "©" are unambiguous with or without a colon.
CREDIT_LABELS_NEED_COLON = _words(
    "photo photos image images picture pictures pic credit credits source bild bilder foto fotos "
    "fotograf fotografie quelle crédit crédits crédito créditos imagen fuente credito crediti "
    "fonte beeld file photograph photographs copyright titelbild bildquelle photographie "
    "fotó fotók zdjęcie fotografia kuva foto's"
)

# Class/id fragments of HTML elements that hold a photo credit (figcaption spans etc.).
CREDIT_CLASS_HINTS = _phrases(
    "credit|copyright|attribution|photographer|courtesy|image-source|img-source|imagesource|"
    "media__credit|rights|quelle|bildnachweis|fotonachweis"
)

# Class/id fragments of caption holders outside <figcaption> (bench 3c5bf8db: div.caption-text).
CAPTION_CLASS_HINTS = ("caption", "legend", "bildunterschrift", "media__title", "wp-caption-text")

# Ancestors whose images are not article images: related-story thumbnails, promos, ads,
# navigation, author boxes (bench 3c5bf8db: a magazine promo figure).
NON_ARTICLE_HINTS = _phrases(
    "related|recommend|promo|teaser|sidebar|newsletter|subscribe|advert|sponsor|outbrain|"
    "taboola|footer|nav|menu|author-bio|author-box|avatar|logo|social|share|comment|video|"
    "player|embed|twitter|instagram|tweet|more-stories|trending|popular|googledfp|adcaption|"
    "adslot|adunit|recirc|breaking"
)

# Class/id/rel/itemprop fragments of elements holding the visible byline.
BYLINE_CLASS_HINTS = ("byline", "author", "autor", "auteur", "writer", "contributor", "firma")

# Class/id fragments of elements holding a visible date.
DATE_CLASS_HINTS = ("date", "time", "publish", "updated", "modified", "posted", "datum", "fecha")

# Class/id fragments of a <time> or datetime element holding the update, not the publication.
UPDATE_CLASS_HINTS = ("update", "modif")

# Labels before a publication date ("Published", "Veröffentlicht am", "Publié le" ...).
PUBLISHED_LABELS = _phrases(
    "first published on|first published|published on|published|posted on|posted|created|"
    "veröffentlicht am|veröffentlicht|publiziert am|erschienen am|erstellt am|publié le|publié|"
    "mis en ligne le|publicado el|publicado em|publicado|pubblicato il|pubblicato|"
    "gepubliceerd op|gepubliceerd|geplaatst op"
)

# Labels before a modification date (DW "last updated", tagesschau "Stand:" ...).
MODIFIED_LABELS = _phrases(
    "last updated on|last updated|last modified|updated on|updated at|updated|modified|stand:|"
    "aktualisiert am|aktualisiert|zuletzt aktualisiert|geändert am|mis à jour le|mis à jour|"
    "dernière mise à jour|actualizado el|actualizado|última actualización|aggiornato il|"
    "aggiornato|ultimo aggiornamento|atualizado em|atualizado|bijgewerkt op|bijgewerkt|"
    "laatst bijgewerkt"
)

# Month names and abbreviations -> month number, several languages (lower case, no dot).
MONTHS: dict[str, int] = {}

# English, German, French, Spanish, Italian, Portuguese, Dutch, then Swedish, Danish and
# Norwegian, Polish, Czech and Russian (genitive, as printed in dates), Turkish, Romanian.
for _number, _names in enumerate(
    (
        "january jan januar janv janvier enero ene gennaio genn gen janeiro januari jänner "
        "stycznia ledna января янв ocak ianuarie",
        "february feb februar fév févr février febrero febbraio fevereiro fev februari feber "
        "lutego února февраля фев şubat februarie",
        "march mar märz maerz mars marzo março maart mrt marts marca března марта mart martie",
        "april apr avril abril aprile abr kwietnia dubna апреля апр nisan aprilie",
        "may mai mayo maggio mag maio mei maj maja května мая mayıs",
        "june jun juni juin junio giugno giu junho czerwca června июня haziran iunie",
        "july jul juli juil juillet julio luglio lug julho lipca července июля temmuz iulie",
        "august aug août agosto ago augustus augusti sierpnia srpna августа авг ağustos",
        "september sep sept septembre septiembre set settembre setembro września září "
        "сентября сен eylül septembrie",
        "october oct oktober okt octobre octubre ottobre ott outubro out października října "
        "октября окт ekim octombrie",
        "november nov novembre noviembre novembro listopada listopadu ноября ноя kasım noiembrie",
        "december dec dezember dez décembre déc diciembre dic dicembre dezembro desember "
        "grudnia prosince декабря дек aralık decembrie",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)

# Time-zone abbreviations printed next to times -> UTC offset in minutes. Only unambiguous
# ones; US zones are common on English news pages (bench 264dc3ae "… pm | UPDATED").
TZ_OFFSETS: dict[str, int] = {
    zone: int(minutes)
    for zone, _, minutes in (
        pair.partition("=")
        for pair in (
            "utc=0 gmt=0 z=0 est=-300 edt=-240 cst=-360 cdt=-300 mst=-420 mdt=-360 pst=-480 "
            "pdt=-420 cet=60 cest=120 mez=60 mesz=120 bst=60 wet=0 west=60 eet=120 eest=180"
        ).split()
    )
}

# Relative-date words: "3 hours ago", "vor 2 Tagen", "il y a 3 jours", "hace 2 días".
# Unit words -> days per unit; minutes and hours count as the reference day itself.
RELATIVE_UNITS: dict[str, int] = {
    word: days
    for days, words in (
        (
            0,
            "minute minutes min mins minuten minuto minutos minuti hour hours hr hrs stunde "
            "stunden heure heures hora horas ora ore uur",
        ),
        (1, "day days tag tagen tage jour jours día días dia dias giorno giorni dag dagen"),
        (7, "week weeks woche wochen semaine semaines semana semanas settimana settimane weken"),
    )
    for word in words.split()
}

# Words of buttons and links that look like a two-word name in a dump ("Enlarge Image",
# "Watch Live"): a bare line holding one is no author (bench a1fca19b).
NOT_NAME_WORDS = _words(
    "image images photo photos video videos enlarge read more show share comments comment "
    "watch live close open menu search subscribe sign login log home newsletter follow next "
    "previous back top print email accept cookies settings breaking latest bild bilder mehr "
    "lesen teilen suche anmelden plus lire partager leer más compartir leggi altro condividi "
    "ler mais partilhar lees meer delen "
    # date labels printed where a byline stands ("Last Updated", modern/ issue 12)
    "updated published modified posted aktualisiert"
)

# Phrases that make a byline a generic staff credit naming no person (bench e372e42c, 961bd85c).
STAFF_PHRASES = _phrases(
    "staff|staff reports|wire services|news services|news desk|newsdesk|editorial team|"
    "editorial board|redaktion|la rédaction|redacción|redazione|redactie|agencies|"
    "news agencies|agenturen"
)

# Longest plausible author name in characters and words; longer "bylines" are sentences.
MAX_NAME_CHARS = 60

MAX_NAME_WORDS = 6

# Longest caption line we accept as an image's alt text in a text dump (seed DW dump).
MAX_ALT_CHARS = 120

# Longest credit we accept after a label; longer tails are prose, not credits.
MAX_CREDIT_CHARS = 120

# Most lower-case words a credit may hold ("Getty Images for X", "NASA via AP, File"); more
# means a sentence, e.g. a caption behind a visually hidden "Image:" label (bench 921019755).
MAX_CREDIT_LOWER_WORDS = 3

# A wrapper holding this many paragraphs of at least this length is article content,
# even when its class says "sidebar" or "menu" (bench 16c30add "l-sidebar-fixed").
PROSE_PARAGRAPHS = 3

PROSE_PARAGRAPH_CHARS = 150

# Footer notices that look like credits after "©": a year or a rights phrase marks them
# (bench 2c46804d "© 2019 … All Rights Reserved"); a photo credit carries neither.
RIGHTS_PHRASES = _phrases(
    "all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    "todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|"
    "alle rechten voorbehouden|terms of service|privacy"
)

# Breadcrumb entries naming the home page, never a section.
HOME_WORDS = frozenset(
    {"home", "homepage", "start", "startseite", "accueil", "inicio", "início", "home page"}
)

# Whole credits printed glued behind a caption without a label ("Jane Roe Submitted photo",
# bench 961bd85c): the phrase itself is the credit.
CREDIT_TAIL_PHRASES = _phrases(
    "submitted photo|courtesy photo|contributed photo|handout photo|staff photo|file photo|"
    "photo courtesy|foto privat|privatfoto"
)


# ---- Text dumps: header lines, dates, headline, section, lede (text.py) ----

# Longest segment or line read as a byline or a date line.
MAX_HEADER_CHARS = 200

# A date-only line: short, and the date covers this share of it ("20 Nov 2019 08:00 GMT").
MAX_DATE_LINE_CHARS = 60

MIN_DATE_SHARE = 0.4

# Raw text longer than this is no header block; splitting it into lines would cost time.
MAX_RAW_CHARS = 1000

# Lines of a hard-wrapped paragraph all but the last reach this share of the widest one.
WRAPPED_SHARE, WRAPPED_MIN_WIDTH = 0.7, 60

# How many segments around the byline to search first for the date line.
DATE_WINDOW = 8

# Most byline candidates to collect; a page listing more is an author index.
MAX_BYLINE_CANDIDATES = 20

# How far from the date line a bare name may stand and still be the byline (bench 8b194530).
NAME_WINDOW = 1

# A headline: a few words on one short segment, just above the date or byline.
TITLE_MIN_WORDS, TITLE_MAX_WORDS, TITLE_LOOKBACK = 3, 30, 3

# Breadcrumb pieces above the headline: a word or three each, at most a few of them.
SECTION_MAX_WORDS, SECTION_MAX_PIECES, SECTION_MAX_GAP = 3, 3, 2

# A standfirst is a sentence or two, printed right after the header block.
LEDE_MIN_WORDS, LEDE_MAX_WORDS = 12, 90

# How many opening paragraphs may carry a wire dateline ("BERLIN (dpa) -"), and the
# length below which a paragraph is a caption, label or teaser, not a story's opening.
DATELINE_PARAGRAPHS, DATELINE_MIN_CHARS = 6, 60


# ---- Text dumps: captions and credits (text_images.py) ----

# A caption is a sentence or a few; a longer segment is body text with a credit-like tail.
MAX_CAPTION_WORDS = 80

# Most images one dump may report; beyond that the "captions" are a listing.
MAX_IMAGES = 40

# Most words of a credit printed without a label ("Jane Doe, STF / Associated Press").
MAX_BARE_CREDIT_WORDS = 10

# "Courtesy of Jane Doe": a credit without separator or label, in several languages.
COURTESY = ("courtesy of", "mit freundlicher genehmigung", "avec l'aimable autorisation")

# Most lines between a caption and its credit (0: glued on one line; 1: the next line).
MAX_CREDIT_GAP = 1

# Body paragraphs have at least this many words; images printed after the last one are
# teasers for other stories (bench b37be353).
BODY_MIN_WORDS, BODY_TAIL = 25, 1

# Captions this similar (token Dice) are one image printed twice (alt + caption, gallery
# copies); a credit-only line this close to a captioned image with its credit is its copy.
DUPLICATE_DICE, DUPLICATE_SPAN = 0.8, 30

# A credit-only line this close below an image with the same credit is that image's credit.
CREDIT_REPEAT_SPAN = 3

# Captions of one page sharing this many opening words carry a repeated alt text (lynx).
MIN_SHARED_PREFIX_WORDS = 3


# ---- HTML pages: meta tags, lede, bylines, datelines (html.py) ----

# Meta tags holding the publication / modification timestamp, most specific first.
PUBLISHED_META = _phrases(
    "article:published_time|og:article:published_time|datepublished|article.published|"
    "parsely-pub-date|sailthru.date|publish-date|publishdate|publish_date|pubdate|"
    "dc.date.issued|dcterms.issued|dcterms.created|dc.date|date"
)

MODIFIED_META = _phrases(
    "article:modified_time|og:article:modified_time|datemodified|og:updated_time|"
    "article.updated|dc.date.modified|dcterms.modified|last-modified|lastmod"
)

# Path segments of an author's page, linked from the byline ("/author/jane-doe").
AUTHOR_PATH_WORDS = (
    "author",
    "authors",
    "autor",
    "autoren",
    "autorin",
    "auteur",
    "auteurs",
    "autore",
    "autori",
    "autores",
    "journalist",
    "journalists",
    "redakteur",
    "profile/author",
)

# Meta tags naming the author; used only when the page shows the name too.
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")

# Class pieces of a standfirst/summary element shown above the body.
LEDE_TOKENS = ("standfirst", "dek", "deck", "subtitle", "subheadline", "lede", "summary", "intro")

# A paragraph this long is body prose; a standfirst comes before the first one.
PROSE_CHARS = 120

# Elements that may hold a standfirst (not links, not list items).
LEDE_TAGS = frozenset({"p", "div", "h2", "h3", "span", "section"})

# A lede is a sentence or a short paragraph, not a word and not the whole article.
LEDE_MIN_CHARS, LEDE_MAX_CHARS = 40, 600

# Longest text of an element we read as a byline or date line.
MAX_META_LINE = 250


# ---- HTML pages: figures, captions, credits (images.py) ----

# Elements of players and embeds: a figure holding one is a video, not a photo.
MEDIA_TAGS = ("video", "iframe", "audio", "object", "embed")

# Class words of players and embeds inside a figure: a video, not a photo (bench bdb56ac8).
MEDIA_HINTS = ("video", "player", "youtube", "vimeo", "jwplayer", "brightcove")

# Class words of toggles inside captions ("… more", "Close" buttons; bench 05844573).
TOGGLE_HINTS = ("more-caption", "toggle", "expand", "collapse", "read-more", "button", "btn")

# Class words of caption controls: "captionlink" opens a caption, it is none itself.
CONTROL_HINTS = ("captionlink", "caption-link", "caption-toggle", "caption-button", "control")

# A truncated copy of a caption printed beside the full one (bench 05844573).
TRUNCATED_HINTS = ("truncated", "caption-short", "teaser")

# A "figure" holding a heading is a teaser box for other stories (bench 2c46804d).
HEADINGS = ("h1", "h2", "h3", "h4")

# Class words of a box holding one picture and its caption paragraph (bench b37be353).
IMAGE_BOX_TOKENS = ("image", "img", "photo", "picture", "media")

# Most ancestors to climb from a caption element to the element holding its picture.
MAX_CAPTION_CLIMB = 3

# A figure whose text is mostly link text is a teaser for another story (bench 4a44ab3e).
MAX_LINK_SHARE = 0.5

# A "figure" with more text than this is a layout block, not a picture with a caption.
MAX_FIGURE_TEXT = 1200


# ---- Bylines (bylines.py) ----

# Longest line that can credit agencies only ("(dpa)", "Quelle: AFP/Reuters").
MAX_AGENCY_LINE = 40

# A byline without "By" ("Jane Doe, AP Sports Writer") is short; longer is body prose.
MAX_TITLED_CHARS, MAX_TITLE_WORDS = 80, 6


# ---- JSON-LD types (jsonld.py) ----

# schema.org types that describe the article itself (not the site, a person or a video).
ARTICLE_TYPES = _words(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "backgroundnewsarticle blogposting liveblogposting socialmediaposting techarticle "
    "scholarlyarticle report webpage itempage creativework"
)

# Author types that are not people: their names are outlets, never bylines (bench 4a44ab3e).
ORGANIZATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "brand", "website", "webpage"}
)
