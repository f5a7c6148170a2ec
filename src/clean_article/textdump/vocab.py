"""Heuristics as data for the text-dump segmenter and boilerplate classifier.

Every pattern, phrase list and threshold the text path uses lives here, each with the reason
it exists. Benchmark ids are cited where one page motivated a rule; no page text is copied.
"""

from __future__ import annotations

from clean_article import lazy_re as re

# --------------------------------------------------------------------------- dump styles

# East Asian wide characters take two columns in a text browser's wrapped output.
WIDE_CHAR = re.compile(
    r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)

# Chinese and Japanese are written without spaces, so a wrap falls inside a word (Korean
# puts spaces between words and is left out).
NO_SPACE_CHAR = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")

# Markdown links `[text](url)` per dump: html2text writes every link this way.
MARKDOWN_MIN_LINKS = 3
# Reader services (r.jina.ai and the like) open their Markdown dumps with a header:
# "Title: ...", "URL Source: ...", maybe "Published Time: ...", then "Markdown Content:".
READER_HEADER_LINES = 12
READER_TITLE = re.compile(r"^Title:\s*")
READER_CONTENT = re.compile(r"^Markdown Content:\s*$")
# Share of non-blank line pairs that look like a hard wrap (long line, next starts in lower
# case) above which a dump is treated as wrapped (lynx, w3m, fmt, mail clients).
WRAPPED_MIN_CONTINUATIONS = 0.15
# A line counts as "long" for the wrap test when it reaches this share of the wrap width.
WRAPPED_LONG_LINE = 0.75
# Wrapped renderers use a fixed width; wider "widths" mean one paragraph per line.
WRAPPED_MAX_WIDTH = 200
# Share of lines that only make sense as inline text nodes (start with closing punctuation,
# end in a space) above which a dump is one-text-node-per-line (BeautifulSoup get_text("\n")).
NODES_MIN_INLINE = 0.01
NODES_MIN_PAIRS = 3
# The three inline-node shapes: "said" + "." / "by " + "Name" / "word" + " and more".
NODE_AFTER_WORD = re.compile(r"\w$")
NODE_CLOSING = re.compile(r"[,.;:!?)\]”’]")
NODE_OPEN_END = re.compile(r"[a-z,][ \u00a0]$")
NODE_SPACE_LOWER = re.compile(r" [a-z]")
# A line that stops mid-sentence (letter or comma), so a lower-case next line continues it.
UNFINISHED_END = re.compile(r"[\w,;]\s*$")

# --------------------------------------------------------------------------- renderer markup

# Bullets renderers put before list items: lynx `*`/`+`/`o`, w3m `•`/`□`, Markdown `-`.
BULLET = re.compile(r"^\s*[*+\-•◦▪■□●○·‣⁃](?:\s+|$)")
# lynx marks nested items with an indented "o"; only trusted that deep and outside
# Markdown, since "o" is a word in Portuguese and Italian.
NESTED_O = re.compile(r"^\s{5,}o(?:\s+|$)")
# A numbered list item ("1. ", "12) ").
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(?=\S)")
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
# Markdown images and links; the url may hold spaces where html2text wrapped it.
MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# For telling Markdown apart: a lynx marker before a parenthesis ("[9](BUTTON)") is no link.
MD_LINK_STYLE = re.compile(r"\[(?!\d{1,4}\]\()[^\]]*\]\([^)]*\)")
# Halves of a link whose text spans several blocks: html2text opens "[" in one block and
# closes "](url)" in a later one (block elements inside an <a>, as teaser cards are).
MD_ORPHAN_CLOSE = re.compile(r"\]\([^)\s]*\)?")
MD_ORPHAN_OPEN = re.compile(r"\[(?=[^\]]*$)")
MD_EMPHASIS = re.compile(r"(?<!\\)(\*\*|__|(?<!\w)[*_](?=\S)|(?<=[^\s\\])[*_](?!\w))")
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
# Reference markers such as "[12]" (lynx without -nolist, WET, wiki copies), and the
# placeholders text browsers print for widgets and images.
LINK_MARKER = re.compile(r"\[\d{1,4}\]")
# A marker between two words stands where adjacent links were glued ("Subscribe[33]Sign In"):
# it becomes a space, not nothing.
LINK_MARKER_GLUED = re.compile(r"(?<=\w)\[\d{1,4}\](?=\w)")
PLACEHOLDER = re.compile(
    r"\((?:BUTTON|IMAGE|IMG)\)|\[(?:IMG|INLINE|BUTTON|image|img|Image|LINK|iframe|embed)\]"
    r"|^#alternate(?: alternate)?\s*"
)
# One entry of the numbered link list lynx and links print after the page without -nolist
# ("  12. https://..."): never text, and its long URL (lynx keeps its spaces) would pass for
# the dump's wrap width.
REFERENCE_LINE = re.compile(
    r"^\s*\d{1,5}\.\s+(?:[a-z][a-z0-9+.-]{1,20}://|mailto:|javascript:|tel:|data:)\S.*$",
    re.IGNORECASE,
)
# A line that is only a horizontal rule or table drawing.
RULE_LINE = re.compile(r"^[\s\-_=*~#|+.]{3,}$")

# --------------------------------------------------------------------------- glued spans

# Image file names lynx prints for images without alt text ("[photo.jpg?width=640]").
IMAGE_NAME = re.compile(r"\[[^\]\s]*\.(?:jpe?g|png|gif|webp|svg)\b[^\]]*\]", re.IGNORECASE)

# Capitals and small letters of the cased scripts (Latin, Greek, Cyrillic), for the glue
# patterns below; `re` has no \p{Lu}.
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0391-\u03a9\u0400-\u042f"
LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u03ac-\u03ce\u0430-\u045f"
# Two blocks glued with no space: sentence end directly followed by a capital or a quote
# ("outcome.“Governor"), as BeautifulSoup get_text() and browser copies produce.
GLUE_SENTENCE = re.compile(rf"(?<=[{LOWER}0-9)%][.!?])(?=[\"“‘«„]?[{UPPER}][{LOWER}])")
GLUE_QUOTE = re.compile(rf"(?<=[{LOWER}][.!?][”\"’»])(?=[{UPPER}“„«])")
# A label, an ellipsis or a closing parenthesis glued to the next capitalised word
# ("Share this:Click", "You may also like...Who", "(AP Photo/Name)Looking ahead").
GLUE_LABEL = re.compile(
    rf"(?:(?<=[{LOWER}]:)|(?<=[{LOWER}]\.\.\.)|(?<=[{LOWER}]…)|(?<=[\w.]\)))(?=[{UPPER}][{LOWER}])"
)
# A 4-digit year glued to the next word ("2024last updated", "2019Updated").
GLUE_YEAR = re.compile(rf"(?<=\b\d{{4}})(?=[{UPPER}{LOWER}][{LOWER}]{{2,}})")
# Lower-case word end glued to a capitalised word ("contentSkip"); the left side needs four
# lower-case letters so brand names like "YouTube" or "iPhone" stay whole.
GLUE_CAMEL = re.compile(rf"(?<=[{LOWER}]{{4}})(?=[{UPPER}][{LOWER}])")
# An all-caps word glued to a capitalised word ("SEARCHSkip").
GLUE_CAPS = re.compile(rf"(?<=[{UPPER}]{{3}})(?=[{UPPER}][{LOWER}]{{2}})")
# A capital between a letter and a small letter: both camel and caps glue need one, and
# few blocks hold any, so the two scans run only on those.
GLUE_CASE_CUE = re.compile(rf"[{UPPER}](?<=[{UPPER}{LOWER}][{UPPER}])(?=[{LOWER}])")
# Photo credit markers glued to a caption ("monthsImage: Name/Agency"); seed 000.
GLUE_CREDIT = re.compile(
    r"(?<=[\w.)])(?=(?:Image|Images|Photo|Photos|Foto|Fotos|Bild|Credit|Crédit|Picture|"
    r"Photograph|Fotografía|Imagen|Immagine|Afbeelding|Source|Quelle|Fuente):)"
)
# The sure glue patterns, each with a cheap search for the characters its every match
# stands between (mark or quote then a capital, digit then letter, colon): few blocks hold
# them, so the costly scans run rarely. Keep each cue in step with its pattern.
GLUE_SURE = (
    (GLUE_SENTENCE, re.compile(rf"[.!?][\"“‘«„]?[{UPPER}]")),
    (GLUE_QUOTE, re.compile(rf"[.!?][”\"’»][{UPPER}“„«]")),
    (GLUE_YEAR, re.compile(rf"\d[{UPPER}{LOWER}]")),
    (GLUE_CREDIT, re.compile(":")),
    (GLUE_LABEL, re.compile(rf"(?::|…|\)|\.\.\.)[{UPPER}]")),
)
# A block this long is cut into sentences when a stretch of it has no sentence end: pages
# glued without separators put whole lists of headlines after a paragraph (bs4 get_text()).
LONG_BLOCK_CHARS = 1000
# Words without a sentence end that make a stretch of a long block a run of headlines.
HEADLINE_RUN_WORDS = 60
SENTENCE_BREAK = re.compile(rf"(?<=[{LOWER}0-9)%”’\"»][.!?…])[”\"’»)]?\s+(?=[“\"‘«„]?[{UPPER}])")
# A camel split is only safe in a short, title-like chunk: inside running prose the
# capital is more often a name than a block boundary.
GLUE_CHUNK_MAX = 120
SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")

# --------------------------------------------------------------------------- headings

HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120
# Headings do not end like a sentence or a clause; a question mark is allowed.
HEADING_BAD_END = re.compile(r"[.,;:!\-–—|/][\"'”’»)]*$")

# --------------------------------------------------------------------------- classifier

# Frequent function words per language: prose is dense in them, menus and teasers are not
# (jusText's main signal). English, German, French, Spanish, Italian, Portuguese, Dutch.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    just may me might more most must my no nor not now of off on once one only or other our
    out over own same said she should so some such than that the their them then there these
    they this those through to too under until up very was we were what when where which
    while who whom why will with would you your
    aber als am an auch auf aus bei bis das dass dem den der des die dies doch du ein eine
    einem einen einer eines er es für hat hatte ich ihr im in ist ja kann man mit nach nicht
    noch nur oder sich sie sind so um und uns vom von vor war wie wir wird zu zum zur über
    au aux avec ce ces cette dans de des du elle en est et été il ils je la le les leur lui
    mais me même ne nous on ou par pas plus pour qu que qui sa se ses son sont sur un une
    vous y à
    al como con del el ella ellos en era es esta este fue ha han hay la las le les lo los más
    muy no para pero por que se sin sobre su sus también un una uno y ya
    agli ai alla alle anche che col come con da dal dalla dei del della delle di e gli ha
    il in la le lo ma nel nella non per più si sono su tra un una è
    ao aos as com da das de do dos ela ele em era essa esse está foi mais mas na nas no nos
    não o os para pela pelo por que se sem seu sua são também um uma é
    aan al bij dat de den der die dit door een en er het hij hem hoe ik in is je maar met
    naar niet nog of om onze ook op over te tot uit van voor was wat we werd wordt zal ze zijn
    """
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Below this share of stop words over the dump's long blocks the language is one we have
# no list for; the classifier then relies on punctuation alone.
STOPWORD_LANGUAGE_MIN = 0.08

# Block classes before context: thresholds on words, characters and densities.
# Prose has a sentence end every so many words; a longer stretch is a run of headlines.
MAX_WORDS_PER_SENTENCE = 100
GOOD_MIN_WORDS = 15
GOOD_MIN_STOP = 0.28
NEAR_MIN_WORDS = 6
NEAR_MIN_STOP = 0.25
# Markdown link text share above which a block is navigation (html2text only).
LINK_SHARE_BAD = 0.7
# A text printed this many times is a share text or a template, whatever its length.
REPEAT_BAD_COPIES = 4

# A short paragraph or quote of this many words inside the article run is kept even
# without prose on both sides (it is rarely furniture once inside the article).
INSIDE_MIN_WORDS = 5

# Tables (standings, results, schedules): at least TABLE_MIN_ROWS segments in a row, each
# at most TABLE_ROW_MAX_CHARS long with TABLE_ROW_MIN_NUMBERS tokens holding digits, count
# as sentence-like text (11ea381ad92b, cc03ddb5ef7d). Only rows that were short or taken for
# a date line are revised; other verdicts (credits, bylines, repeats) stand.
TABLE_MIN_ROWS = 5
TABLE_ROW_MAX_CHARS = 120
TABLE_ROW_MIN_NUMBERS = 2
# ... or a number among its first tokens: a schedule keyed by date ("June 9 - City, Venue").
TABLE_ROW_KEY_TOKENS = 3
# A post count after a category or archive link ("Travel (15)"): not a table cell.
COUNT_TAIL = re.compile(r"\s*\(\d+\)\s*$")
TABLE_ROW_OVERRIDES = frozenset({"short", "date line"})

# Region search (maximum-sum run of blocks): what each class adds or costs.
REGION_GOOD_CAP = 800
REGION_NEAR_FACTOR = 0.5
REGION_SHORT_COST = 25
REGION_BAD_COST = 60
# A prose block at either end of the run, behind more than TRIM_GAP blocks of furniture
# and under TRIM_SHARE of the run's prose, is a teaser or a caption: it is cut off.
TRIM_GAP = 2
TRIM_SHARE = 0.15
# A stream of teasers after the article: after a gap of STREAM_GAP non-prose blocks, at
# least STREAM_MIN_ITEMS prose blocks that come in runs of STREAM_MAX_RUN on average.
STREAM_GAP = 3
STREAM_MIN_ITEMS = 6
STREAM_MAX_RUN = 1.0
# A list of dated items after the article: DATED_STREAM_MIN date lines after its first
# prose, each at most DATED_STREAM_GAP blocks after the last with prose between (87bf60570e6e).
DATED_STREAM_MIN = 3
DATED_STREAM_GAP = 8
# Other runs at least this dense (share of the best run's sum) are article too: pages that
# break the text with a gallery, a video or a box of links.
REGION_SECOND_RATIO = 0.3
# ... and hold at least this many prose blocks: a lone paragraph far away is a teaser.
REGION_SECOND_MIN_BLOCKS = 2
# At most this many runs in all: each search is linear, so this keeps the whole linear.
REGION_MAX_RUNS = 12

# Short blocks that are site furniture in any position. Each entry is a regex fragment,
# matched case-insensitively against the whole short block.
BOILER_PHRASES = (
    r"skip (to|next|over)\b.*",  # skip links; seed 000
    r"this browser does not support the (video|audio) element\.?",  # HTML5 fallback; seed 000
    r"(advertisement|anzeige|publicité|publicidad|pubblicità|publicidade|advertentie)",
    r"(continue reading|read more|lees meer|weiterlesen|lire la suite|leer más|leggi anche).*",
    r"(related|more from|more stories|more on this|see also|mehr zum thema|à lire aussi).*",
    r".{0,30}\b(share|teilen|partager|compartir|condividi|partilhar|delen)\b.{0,40}",
    r"(sign in|log in|login|subscribe|register|anmelden|abonnieren|s'abonner|suscríbete).*",
    r"(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos).*",
    r".*\b(cookies?|newsletter|privacy policy|terms of (use|service))\b.*",
    r"(back to top|nach oben|retour en haut|volver arriba|torna su)",
    r"(image|photo|foto|bild|video) \d+ (of|von|de|di|van) \d+",
)
# Blocks above this length are never dropped by a phrase alone.
PHRASE_MAX_CHARS = 160
# A video/audio duration or clock time standing alone ("03:23"); seed 000.
DURATION = re.compile(r"^\(?\d{1,2}:\d{2}(:\d{2})?\)?$")
URL_ONLY = re.compile(r"^(https?://|www\.)\S+$")
# Photo credits and caption tails: "Image: Name/Agency", "(AP Photo/Name)", "© Agency".
CREDIT = re.compile(
    r"(^|\W)(image|images|photo|photos|foto|fotos|bild|credit|crédit|picture|photograph"
    r"|fotografía|imagen|immagine|afbeelding)s?\s*(:|\.\.\.|by\b)|©|\(AP Photo|Getty Images",
    re.IGNORECASE,
)
# Cue words (case-folded) one of which every CREDIT match holds: blocks without any skip
# the search. Keep in step with CREDIT.
CREDIT_CUES = (
    "image", "photo", "foto", "bild", "credit", "crédit", "picture", "immagine", "afbeelding",
    "©", "getty images",
)  # fmt: skip
# A byline with agency initials "es/nm (AP, dpa)": editor codes then agencies; seed 000.
AGENCY_CODE = re.compile(r"^[a-z]{1,4}(/[a-z]{1,4})+\s*(\([^)]*\))?$")
# "By Name", "Von Name", "Par Name", "Por Name", "Di Name", "Door Name" bylines.
BYLINE = re.compile(
    r"^(by|von|par|por|di|door|de)\s+(\S+(\s+\S+){0,5}"
    r"|(?-i:[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3})\b.{0,80}\b(19|20)\d{2}\b.{0,30})$",
    re.IGNORECASE,
)
# A date line: a label, then the date ("Published: Nov. 19, 2019, 6:18 p.m.").
DATE_LABEL = re.compile(
    r"^(published|updated|posted|last updated|last modified|veröffentlicht|aktualisiert|publié"
    r"|mis à jour|publicado|actualizado|pubblicato|aggiornato|atualizado|gepubliceerd"
    r"|bijgewerkt)\b:?.{0,100}\d",
    re.IGNORECASE,
)
DATE_LINE_MAX_CHARS = 120
# Month and weekday names (en, de, fr, es, it, pt, nl) and clock words: a short block made
# mostly of them and of numbers is a date line ("Nov. 19, 2019 8:03 am ET").
_DATE_WORD_TEXT = """
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december januar februar märz mai juni juli
    oktober dezember janvier février mars avril juin juillet août septembre octobre novembre
    décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    janeiro fevereiro março maio junho julho setembro outubro dezembro januari februari maart
    mei augustus monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri
    sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi
    jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo am pm
    a m p et est edt pst pdt gmt utc cet cest bst ist uhr h at on de del di le el um the
    """
DATE_WORDS = frozenset(_DATE_WORD_TEXT.split())
# Month and weekday names alone (no clock words, zones or particles): what makes a line of
# numbers a calendar date rather than a footnote mark or an id.
DATE_NAMES = DATE_WORDS - frozenset(
    "am pm a m p et est edt pst pdt gmt utc cet cest bst ist uhr h at on de del di le el um the".split()
)
DATE_WORDS_SHARE = 0.75
DATE_WORDS_MAX_WORDS = 10

# Consent banners run long, so they pass as prose; cookie + site/consent words mark them.
CONSENT = re.compile(
    r"\bcookies?\b.*\b(website|site|sitio|sito|webseite|browser|navigat\w*|consent\w*"
    r"|zustimm\w*|einwillig\w*|toestemming|privacy|datenschutz|confidentialité|privacidad)\b"
    r"|\b(website|site|webseite|sitio|sito)\b.*\bcookies?\b",
    re.IGNORECASE,
)
CONSENT_MAX_CHARS = 1200
# Phrases only a consent banner uses; trusted in blocks of any length.
CONSENT_STRONG = re.compile(
    r"\b((this|our) (web)?site uses cookies|we use cookies|accept (all )?cookies"
    r"|cookie (settings|preferences|policy)|diese (webseite|website) verwendet cookies"
    r"|wir verwenden cookies|ce site utilise des cookies|nous utilisons des cookies"
    r"|este sitio (web )?utiliza cookies|utilizamos cookies|questo sito utilizza (i )?cookie"
    r"|este site utiliza cookies|deze (web)?site gebruikt cookies)\b",
    re.IGNORECASE,
)
# A comment thread's header: a heading naming comments or replies ("34 responses to ...").
COMMENTS_HEADING = re.compile(
    r"^(\d+\s+)?(comments?|responses?|replies|reactions?|discussion|leave a (reply|comment)"
    r"|top rated comments|.{0,40}leave a (reply|comment)|kommentare?|commentaires?|comentarios?|commenti|comentários?"
    r"|reacties|reageer|réagir|join the (conversation|discussion))\b",
    re.IGNORECASE,
)
# A comment's own header: author plus "said:"/"says:" or a lone timestamp such as
# "on 12 March 2019 at 4:47 pm" or "2 days ago at 07:52"; many of them mean a thread.
COMMENT_STAMP = re.compile(
    r"(\b(said|says|wrote|schreibt|schrieb|a écrit|escribió|dice|disse|zegt)\s*:?$)"
    r"|((\b(19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b(ago|vor|il y a|hace|fa|atrás|geleden)\b).{0,40}\b\d{1,2}[:.]\d{2}\b)",
    re.IGNORECASE,
)
COMMENT_STAMP_MAX_CHARS = 80
# What every COMMENT_STAMP match holds: a clock time, or one of the "said" words (case-
# folded); blocks with neither skip the search. Keep in step with COMMENT_STAMP.
COMMENT_STAMP_CLOCK = re.compile(r"\d[:.]\d")
COMMENT_STAMP_CUES = (
    "said", "says", "wrote", "schreibt", "schrieb", "écrit", "escribió", "dice", "disse", "zegt",
)  # fmt: skip
# Two comment headers this close, with prose between them, mean the thread has started.
COMMENT_STAMPS_GAP = 8
# ... and this many such stamps in a row: one dated dateline or two are not a thread.
COMMENT_STAMPS_MIN = 3
# A lone date or time is a dateline or a comment stamp, never a subheading.
DATE_LIKE = re.compile(
    r"\b(1[6-9]|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b|\b(ago|vor|il y a|hace|fa|atrás|geleden)\b",
    re.IGNORECASE,
)
# Scripts written without spaces: count characters, not \w+ runs, as words.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
CJK_CHARS_PER_WORD = 2

# The end of a photo caption: a credit after the description, however long the caption.
CAPTION_TAIL = re.compile(
    r"(\([^()]{0,40}(photo|foto|bild|image|/)[^()]{0,60}\)"
    r"|\b(photo|image|credit|foto|bild|crédit|picture)s?\s*(:|by|\.\.\.)\s*[^.!?]{0,80}"
    r"|[/|]\s*(Getty( Images)?|AFP|Reuters|AP|Shutterstock|EPA|dpa|picture alliance|iStock|Unsplash)[^.!?]{0,30}"
    r"|\bvia Getty Images|\bGetty Images)\W*$",
    re.IGNORECASE,
)
CAPTION_TAIL_WINDOW = 120
# Cue words one of which every CAPTION_TAIL match holds; keep in step with CAPTION_TAIL.
CAPTION_TAIL_CUES = (
    "(", "/", "|", "photo", "image", "credit", "crédit", "foto", "bild", "picture",
)  # fmt: skip

# Sentences that are site furniture however long: affiliate disclosures, sign-up pitches,
# follow-us lines, legal notes, author bios. Searched inside blocks up to SENTENCE_MAX_CHARS.
BOILER_SENTENCES = re.compile(
    r"\b(may|might|could) (earn|get|receive) (a |an )?(small )?(share|commission|affiliate)"
    r"|\baffiliate (link|commission)s?\b|\bprovision erhalten|\bcommission d'affiliation"
    r"|\b(sign up|signup|subscribe) (for|to|now)\b|\b(delivered|straight) to your inbox"
    r"|\bget (breaking|the latest)\b.{0,60}\b(news|updates|alerts)\b"
    r"|\bfollow (us|\w[\w ]{0,50}) on (facebook|twitter|instagram|linkedin)"
    r"|\bfolgen sie uns\b|\bsuivez-nous\b|\bsíguenos\b|\bseguici\b|\bsiga-nos\b|\bvolg ons\b"
    r"|\bconstitutes acceptance\b|\bregistered trademarks?\b|\ball rights reserved\b"
    r"|\bis part of [A-Z][\w ]{0,40}(Inc|Ltd|GmbH|plc|LLC|Group)\b"
    r"|\bcontributed (reporting|to this (report|story|article))\b|^(additional )?reporting by\b"
    r"|\b(editing|writing) by [A-Z]|\bcon (información|informaciones) de\b|\bmit material von\b"
    r"|\byour email address will not be published|\brequired fields are marked"
    r"|\be-mail-adresse wird nicht veröffentlicht|\badresse (e-mail|de messagerie) ne sera pas"
    r"|\bcorreo electrónico no será publicad|\bindirizzo email non sarà pubblicato"
    r"|\bendereço de e-mail não será publicado|\be-mailadres wordt niet gepubliceerd",
    re.IGNORECASE,
)
# Cue words one of which every BOILER_SENTENCES match holds: most blocks hold none and
# skip the long search. Keep in step with BOILER_SENTENCES.
BOILER_SENTENCE_CUES = (
    "share", "commission", "affiliate", "provision erhalten", "sign up", "signup", "subscribe",
    "to your inbox", "get breaking", "get the latest", "follow ", "folgen sie uns", "suivez-nous",
    "síguenos", "seguici", "siga-nos", "volg ons", "constitutes acceptance", "registered trademark",
    "all rights reserved", "is part of ", "contributed ", "reporting by", "editing by",
    "writing by", "con informaci", "mit material von", "will not be published",
    "required fields are marked", "wird nicht veröffentlicht", "ne sera pas",
    "no será publicad", "non sarà pubblicato", "não será publicado", "wordt niet gepubliceerd",
)  # fmt: skip
# An author bio: a capitalised name, then "is a ... writer" (several languages).
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}( \([^)]{1,40}\))?"
    r" (?i:(is|was|ist|est|es|è|é) (an?|eine?|une?|una?) "
    r"([\w-]+ ){0,3}(writer|journalist|reporter|editor|contributor|correspondent|columnist"
    r"|author|autor|autorin|journalistin|journaliste|periodista|giornalista|jornalista))\b"
)
# Cue words one of which every AUTHOR_BIO match holds; keep in step with AUTHOR_BIO.
AUTHOR_BIO_CUES = (
    "writer", "journalist", "reporter", "editor", "contributor", "correspondent", "columnist",
    "author", "autor", "periodista", "giornalista", "jornalista",
)  # fmt: skip
SENTENCE_MAX_CHARS = 400
# A caption's "X, left, and Y" or "(L-R)" cue; only trusted in blocks this short.
CAPTION_CUE = re.compile(
    r"\b(left|right|center|centre|second from (left|right)), (and|speaks|looks|walks|pose)\b"
    r"|\((l|r|l-r|from left|v\.l\.n\.r\.|de g\. à d\.)\)"
    r"|^(in )?(this|these) (\S+ )?(\S+ )?(photos?|images?|pictures?|illustration|handout|file photo)\b"
    r"|\b(file photo|submitted photo|handout photo|undated photo)\b"
    r"|^(auf diesem bild|sur cette (photo|image)|en esta (foto|imagen)|in questa foto|nesta foto"
    r"|op deze foto)\b",
    re.IGNORECASE,
)
# Cue words one of which every CAPTION_CUE match holds; keep in step with CAPTION_CUE.
CAPTION_CUE_CUES = (
    "left,", "right,", "center,", "centre,", "(l", "(r", "(from left", "(v.l.n.r.", "(de g.",
    "photo", "image", "picture", "illustration", "handout", "bild", "foto",
)  # fmt: skip
CAPTION_MAX_CHARS = 400
# A finished sentence before a credit line is still taken for its caption up to this size.
CAPTION_PROSE_MAX_CHARS = 150
# A line this short that ends in a credit ("Name/Getty Images") is a credit line.
CREDIT_LINE_MAX_CHARS = 80
# A credit printed as "Name, Agency" on its own line, under a caption.
NAME_AGENCY = re.compile(
    r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}, (AP|AFP|Reuters|Getty Images|EPA|dpa|Bloomberg"
    r"|Xinhua|Shutterstock|iStock|picture alliance|[A-Z][\w&]+( [A-Z][\w&]+)? (Photo|Images))$"
)
# A block that opens with a credit marker is a credit line ("Image: Name/Agency"); the
# block before it is the caption and a short one before that the image's alt text.
CREDIT_LINE = re.compile(
    r"^(image|images|photo|photos|foto|fotos|bild|credit|crédit|picture|photograph|fotografía"
    r"|imagen|immagine|afbeelding|source|quelle|fuente)s?\s*(:|\.\.\.|by\b)|^©",
    re.IGNORECASE,
)

# Headings that close an article: related links, author boxes, tags, recommendations. A
# short block matching one ends the article run when the text after it weighs less than
# the article before it (an inline "Related:" link mid-story leaves the story whole).
END_MARKER = re.compile(
    r"(related|similar|recommended|suggested|popular|trending|latest|top|more|other|further)"
    r"( great| \w+)? (stories|articles|posts|news|links|reads|videos|content|coverage|from|on)"
    r"\b.{0,40}|next up\b.{0,40}|we recommend|recommended for you"
    r"|you (may|might) (also )?(like|enjoy|be interested).{0,30}"
    r"|most (popular|read|viewed|shared).{0,30}|want more.{0,40}|tags?:.{0,60}|topics?:"
    r"|about the author|citation:.{0,80}"
    r"|mehr zum thema|weitere artikel.{0,20}|das könnte sie (auch )?interessieren"
    r"|meistgelesen.{0,20}|themen:|über den autor|sur le même sujet"
    r"|articles (similaires|liés)|les plus lus|à propos de l'auteur"
    r"|noticias relacionadas|(también )?te puede interesar|lo más leído|más noticias"
    r"|artículos relacionados|sobre el autor|etiquetas:.{0,60}|potrebbe interessarti"
    r"|articoli correlati|i più letti|altre notizie"
    r"|você pode gostar.{0,10}|notícias relacionadas|mais lidas|sobre o autor"
    r"|meer nieuws|gerelateerde artikelen|meest gelezen|over de auteur"
    r"|похожие (статьи|новости)|отзывы",
    re.IGNORECASE,
)
# "About Jane Roe" author boxes, in several languages; the name must be capitalised.
ABOUT_NAME = re.compile(
    r"(?i:about|über|sobre|à propos de|acerca de|over|su) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,2}"
)
END_MARKER_MAX_CHARS = 80
# ... or when the prose after it stands in this many lone blocks (teasers with summaries,
# however long), where an inline "Related:" link is followed by paragraphs in a row.
TAIL_TEASERS_MIN = 2

# A dateline opens a story ("NEW DELHI: ...", "HAYWARD, Calif. (AP) — ..."). One story has
# one; several datelined blocks are teasers of several stories.
DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,30}(, [A-Z][\w.]+( [A-Z][\w.]+)?)?"
    r"( \([A-Za-z]+\))? ?(: |[—–-] )"
)
# A teaser glues its headline to the story's dateline ("Headline text NEW DELHI: The ...").
DATELINE_INLINE = re.compile(
    r"^.{10,200}?[a-z0-9’'”)] [A-Z]{2}[A-Z.'’-]*( [A-Z][A-Z.'’-]+){0,3}: [A-Z]"
)
DATELINES_MIN = 3
DATELINE_GAP = 3
