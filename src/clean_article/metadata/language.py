"""The language of a text that does not declare one (ISO 639-1 codes).

Most pages are in one of a few languages whose commonest words give them away: when one
language's function words clearly dominate the text, that is the answer, at no cost. Else
py3langid decides: a naive Bayes identifier over byte n-grams for 97 languages,
deterministic, but its model takes about half a second to load, so it is imported only
when the function words leave the question open.
"""

from __future__ import annotations

import re
from collections import Counter

# Read this much of the text: enough to be sure, little enough to stay fast.
SAMPLE_CHARS = 3000
# Below this many letters a guess is noise (a title, a menu): say nothing.
MIN_LETTERS = 40
# Function words decide when the text has this many words, this share of them are one
# language's function words, and that language has this many times the runner-up's share.
MIN_WORDS, MIN_SHARE, MIN_LEAD = 30, 0.08, 1.5

# The commonest function words of frequent web languages; words shared by several ("de",
# "la", "que") count for each, the lead over the runner-up settles it. On 863 dev dumps
# (multilingual/ and modern/ lynx) these settle 669, all but one as py3langid would.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is that for it with as was on are be this by have from or at not",
        "de": "der die und den das ist nicht mit von sich des auf für ein eine im dem zu auch es",
        "fr": "le les et des est une pour qui dans pas sur au du avec il elle ce sont la que",
        "es": "el los las y del que en un una es por con para se no su al lo como la de",
        "it": "il di che e per un una non sono del della con si le gli da al nel la",
        "pt": "o os as de que e do da em um uma para com não no na por se dos",
        "nl": "de het een en van is dat op te in niet met voor zijn er die ook",
        "pl": "i w na z się nie do to że jest o jak po co ale przez od są dla",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")


def _by_function_words(sample: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    shares = sorted(
        (
            (sum(counts[w] for w in vocab) / len(words), lang)
            for lang, vocab in FUNCTION_WORDS.items()
        ),
        reverse=True,
    )
    (best, lang), (second, _) = shares[0], shares[1]
    return lang if best >= MIN_SHARE and best >= MIN_LEAD * second else None


def identify(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, else None when too short."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    found = _by_function_words(sample)
    if found:
        return found
    from py3langid import classify  # type: ignore[import-untyped]

    code, _ = classify(sample)
    return str(code) if code else None
