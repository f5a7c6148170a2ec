"""A second look at trafilatura's HTML body: give each block a verdict and a reason.

trafilatura keeps the article region well but lets through what sits inside it: the headline and
standfirst (the metadata stage owns those), captions, "Read more:" teasers, newsletter boxes,
copyright lines and the headings of widgets that end the article.
"""

from __future__ import annotations

from collections.abc import Sequence

from clean_article import lazy_re as re
from clean_article.model import Block, BlockType, Decision, Metadata, Verdict

_WORDS = re.compile(r"\w+")
# Tables and code are kept as trafilatura found them: their wording is data, not furniture.
_STRUCTURED = frozenset((BlockType.TABLE, BlockType.CODE))
# A printed byline names a few people and agencies; a longer block is a sentence.
BYLINE_MAX_WORDS = 12
# Furniture lines are short; a long block is never dropped for its wording alone.
FURNITURE_MAX_CHARS = 160
# Whole-block patterns for furniture inside the article region (English, German, French,
# Spanish, Italian, Portuguese, Dutch). Case-insensitive, matched against the whole block.
FURNITURE = re.compile(
    "|".join(
        (
            # teasers of other stories set inside the body
            r"\[?(read more|related|see also|also read|more from|you may also like|recommended"
            r"|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|lee también|leer más"
            r"|leia também|leia mais|leggi anche|lees ook|lees meer)\b.*",
            r"(©|\(c\)|copyright\b).*",
            r"(advertisement|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie)",
            r"(\d+\s+)?(comments?|kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties)",
            r"(filed under|tags?|schlagwörter|mots-clés|etiquetas|tag)\s*:.*",
            r"(tempo de leitura|reading time|lesezeit|temps de lecture|tiempo de lectura)\b.*",
            r"\d+\s*(min|minutes?|minuten|minutos|minuti)\.?\s+(read|lesezeit|de lecture|de lectura)",
            r"(sign up|subscribe|get|join|receive|register)\b.{0,60}\b(newsletters?|inbox|mailing list)\b.*",
            r".{0,40}\bnewsletters?\b.{0,40}",
            r"(sign up|subscribe|abonnieren|s'abonner|suscríbete|iscriviti|assine)( now| here)?!?",
            r"(follow|folgen sie|suivez|síguenos|seguici|siga)\b.*\b(facebook|twitter|instagram|x)\b.*",
            r"(share|teilen|partager|compartir|condividi|partilhar|delen)( (this|on|via)\b.{0,25})?",
            r"(sorry|thanks for signing up|thank you for signing up)!?.*",
            r"see (tweets|more photos|photos|the gallery)\s*:?",
        )
    ),
    re.IGNORECASE,
)


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(_WORDS.findall(text.casefold())) if text else ()


def revise(blocks: Sequence[Block], metadata: Metadata) -> list[Decision]:
    """Return one Decision per block: metadata it owns, furniture, or body."""
    decisions = [
        _metadata_owned(block, metadata)
        or _furniture(block)
        or _decision(block, Verdict.BODY, "body: in trafilatura's main content")
        for block in blocks
    ]
    return _drop_trailing_headings(decisions)


def _decision(block: Block, verdict: Verdict, reason: str) -> Decision:
    return Decision(block.text, block.type, verdict, reason, block.rows, block.header)


def _metadata_owned(block: Block, metadata: Metadata) -> Decision | None:
    if block.type in _STRUCTURED:
        return None
    words = _words(block.text)
    owned = [("title", metadata.title), ("lede", metadata.lede), ("byline", metadata.byline.raw)]
    for image in metadata.images:
        owned += [("caption", image.caption), ("credit", image.credit)]
        if _caption_then_credit(words, _words(image.caption), _words(image.credit)):
            return _decision(block, Verdict.METADATA, "metadata: caption and credit")
    for role, text in owned:
        if role == "byline" and len(words) > BYLINE_MAX_WORDS:
            continue  # a sentence that opens with "By ..." is prose, whatever the byline says
        if words and words == _words(text):
            return _decision(block, Verdict.METADATA, f"metadata: {role}")
    return None


def _caption_then_credit(
    words: tuple[str, ...], caption: tuple[str, ...], credit: tuple[str, ...]
) -> bool:
    """Tell a caption printed with its credit behind it ("... Photo: Jane Doe/AP")."""
    if not caption or not credit or words[: len(caption)] != caption:
        return False
    rest = words[len(caption) :]
    # The credit may carry one label word the metadata stage stripped ("Photo", "Bild").
    return rest == credit or rest[1:] == credit


def _furniture(block: Block) -> Decision | None:
    if block.type in _STRUCTURED:
        return None
    if len(block.text) <= FURNITURE_MAX_CHARS and FURNITURE.fullmatch(block.text):
        return _decision(block, Verdict.BOILERPLATE, "boilerplate: furniture phrase")
    return None


def _drop_trailing_headings(decisions: list[Decision]) -> list[Decision]:
    """A heading with nothing under it before the end of the body heads a widget."""
    out = list(decisions)
    for i in range(len(out) - 1, -1, -1):
        d = out[i]
        if d.verdict is not Verdict.BODY:
            continue
        if d.type is not BlockType.HEADING:
            break
        out[i] = Decision(d.text, d.type, Verdict.BOILERPLATE, "boilerplate: heading ends the body")
    return out
