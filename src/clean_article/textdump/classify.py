"""Decide, for every segment of a text dump, whether it is article body or boilerplate.

Steps (after jusText, over segments instead of DOM nodes): measure each segment
(features.py), give it a class from its own features and mark captions and teasers, find
the article as the densest run of prose and cut it at comments, closing headings and teaser
streams (runs.py), then revise the short segments by their neighbours.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from clean_article import lazy_re as re
from clean_article.model import BlockType, Decision, Segment, Verdict
from clean_article.textdump import vocab as v
from clean_article.textdump.features import Features, Kind, measure
from clean_article.textdump.runs import (
    cut_comments,
    cut_dated_stream,
    cut_tail,
    cut_teaser_stream,
    find_article,
    thread_start,
)

_TOKEN = re.compile(r"\w+")
# A sentence ends at a mark, perhaps inside a closing quote or bracket ('... policies."').
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)|[。！？]")
_PHRASE = re.compile("|".join(f"(?:{p})" for p in v.BOILER_PHRASES), re.IGNORECASE)


def _bad_reason(segment: Segment, f: Features) -> str | None:
    """Return why a segment is boilerplate on its own, or None."""
    text = segment.text
    if f.words == 0 or v.URL_ONLY.match(text):
        return "no words"
    if v.DURATION.match(text):
        return "duration or clock time"
    if f.link_share >= v.LINK_SHARE_BAD:
        return f"link text {f.link_share:.2f}"
    if "ookie" in text and (  # every language here writes "cookie": a cheap guard
        (f.chars <= v.CONSENT_MAX_CHARS and v.CONSENT.search(text)) or v.CONSENT_STRONG.search(text)
    ):
        return "cookie consent"
    if f.chars <= v.PHRASE_MAX_CHARS and (v.AGENCY_CODE.match(text) or v.BYLINE.match(text)):
        return "byline"
    if f.chars <= v.DATE_LINE_MAX_CHARS and (v.DATE_LABEL.match(text) or _mostly_date(text, f)):
        return "date line"
    if f.may_match(v.CAPTION_TAIL_CUES) and v.CAPTION_TAIL.search(text[-v.CAPTION_TAIL_WINDOW :]):
        return "caption with photo credit"
    if f.chars <= v.SENTENCE_MAX_CHARS and (
        (f.may_match(v.BOILER_SENTENCE_CUES) and v.BOILER_SENTENCES.search(text))
        or (f.may_match(v.AUTHOR_BIO_CUES) and v.AUTHOR_BIO.match(text))
    ):
        return "boilerplate sentence"
    cue = f.chars <= v.CAPTION_MAX_CHARS and f.may_match(v.CAPTION_CUE_CUES)
    if cue and v.CAPTION_CUE.search(text):
        return "caption cue"
    if f.chars <= v.PHRASE_MAX_CHARS:
        if _PHRASE.fullmatch(text):
            return "boilerplate phrase"
        if (f.may_match(v.CREDIT_CUES) and v.CREDIT.search(text)) or _is_name_agency(text):
            return "photo credit"
        if f.copies > 1 and not (f.sentence_end and f.words >= v.NEAR_MIN_WORDS):
            return "repeated short text"
    if f.copies >= v.REPEAT_BAD_COPIES:
        return f"text repeated {f.copies} times"
    return None


def _is_name_agency(text: str) -> bool:
    """Return True for a "Name, Agency" credit line (its comma first: most blocks lack one)."""
    return ", " in text and bool(v.NAME_AGENCY.match(text))


def _is_calendar_date(f: Features) -> bool:
    """Return True when a date line names a year, a clock time, a month or a weekday."""
    return f.dated or any(map(v.DATE_NAMES.__contains__, f.tokens))


def _mostly_date(text: str, f: Features) -> bool:
    """Return True for a short block made of dates, times and month or weekday names."""
    tokens = f.tokens
    if not tokens or len(tokens) > v.DATE_WORDS_MAX_WORDS:
        return False
    dated = sum(t.isdigit() or t in v.DATE_WORDS for t in tokens)
    if dated / len(tokens) < v.DATE_WORDS_SHARE or not any(t.isdigit() for t in tokens):
        return False
    return _is_calendar_date(f)  # bare numbers ("63", "85%") are table cells or counts


# Tables and code are judged by where they stand, not by their wording.
_STRUCTURED = frozenset((BlockType.TABLE, BlockType.CODE))


def initial_kind(segment: Segment, f: Features, use_stop: bool) -> tuple[Kind, str]:
    """Classify one segment by its own features; return the class and why."""
    if segment.type in _STRUCTURED:
        if f.link_share >= v.LINK_SHARE_BAD:
            return Kind.BAD, f"link text {f.link_share:.2f}"
        return Kind.NEAR, segment.type.value
    bad = _bad_reason(segment, f)
    if bad:
        return Kind.BAD, bad
    prose = f.stop >= v.GOOD_MIN_STOP if use_stop else f.sentence_end
    if _too_few_sentences(segment.text, f):
        return Kind.SHORT, "long run without sentences"
    if (
        f.words >= v.GOOD_MIN_WORDS
        and prose
        and (f.sentence_end or f.words >= 2 * v.GOOD_MIN_WORDS)
    ):
        return Kind.GOOD, "prose"
    near_prose = f.sentence_end or (use_stop and f.stop >= v.NEAR_MIN_STOP)
    if f.words >= v.NEAR_MIN_WORDS and near_prose and not f.heading:
        return Kind.NEAR, "sentence-like"
    return Kind.SHORT, "short"


def _too_few_sentences(text: str, f: Features) -> bool:
    """Return True when the block has fewer than one sentence end per MAX_WORDS_PER_SENTENCE.

    The open end of an unfinished block counts as one; count only as many ends as it takes.
    """
    need = -(-f.words // v.MAX_WORDS_PER_SENTENCE) - (not f.sentence_end)
    if need <= 0:
        return False
    return sum(1 for _ in itertools.islice(_SENTENCE_END.finditer(text), need)) < need


def _mark_captions(
    segments: Sequence[Segment], feats: Sequence[Features], kinds: list[Kind], why: list[str]
) -> None:
    """Mark the caption and alt text that stand just before a credit line."""
    for j, s in enumerate(segments):
        if j == 0 or kinds[j] is not Kind.BAD or not _is_credit_line(s.text):
            continue
        prev = feats[j - 1]
        finished_prose = kinds[j - 1] is Kind.GOOD and prev.sentence_end
        if prev.chars <= v.CAPTION_MAX_CHARS and (
            not finished_prose or prev.chars <= v.CAPTION_PROSE_MAX_CHARS
        ):
            kinds[j - 1], why[j - 1] = Kind.BAD, "caption before a credit line"
            alt = j - 2
            if alt >= 0 and kinds[alt] is Kind.SHORT and len(segments[alt].text) <= 120:
                kinds[alt], why[alt] = Kind.BAD, "image text before a caption"


def _mark_teasers(segments: Sequence[Segment], kinds: list[Kind], why: list[str]) -> None:
    """Mark prose blocks that each open with their own dateline, close together: teasers."""
    datelined = [
        i
        for i, s in enumerate(segments)
        if v.DATELINE.match(s.text) or (": " in s.text and v.DATELINE_INLINE.match(s.text))
    ]
    groups: list[list[int]] = []
    for i in datelined:
        if groups and i - groups[-1][-1] <= v.DATELINE_GAP:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        if len(group) < v.DATELINES_MIN:
            continue
        for i in group:
            if kinds[i] is not Kind.BAD:
                kinds[i], why[i] = Kind.SHORT, "one of several datelined blocks (teasers)"


def _mark_tables(
    segments: Sequence[Segment], feats: Sequence[Features], kinds: list[Kind], why: list[str]
) -> None:
    """Mark runs of short rows full of numbers as article text: tables, results, calendars.

    One row alone looks like a date line; many in a row, each with several numbers and
    no sentence, are the table that standings and schedule pages are about.
    """
    run: list[int] = []
    for i, s in enumerate([*segments, None]):
        if s is not None and _is_table_row(s.text, feats[i], why[i]):
            run.append(i)
            continue
        if len(run) >= v.TABLE_MIN_ROWS:
            for j in run:
                kinds[j], why[j] = Kind.NEAR, "table row"
        run = []


def _is_table_row(text: str, f: Features, why: str) -> bool:
    if len(text) > v.TABLE_ROW_MAX_CHARS or why not in v.TABLE_ROW_OVERRIDES:
        return False
    tokens = f.tokens  # unless a post count ends the row: COUNT_TAIL needs a ")"
    if ")" in text:
        tokens = tuple(_TOKEN.findall(v.COUNT_TAIL.sub("", text).casefold()))
    if all(t.isdigit() or t in v.DATE_WORDS for t in tokens):
        return False  # an archive link ("November 2019 (12)") or a bare date
    digits = [any(map(str.isdigit, t)) for t in tokens]
    keyed = any(digits[: v.TABLE_ROW_KEY_TOKENS])  # a rank or a date opens the row
    return (sum(digits) >= v.TABLE_ROW_MIN_NUMBERS or keyed) and not _SENTENCE_END.search(text)


def _is_credit_line(text: str) -> bool:
    """Return True for a line that only credits a photo ("Image: ...", "Name/Getty Images")."""
    if v.CREDIT_LINE.match(text) or _is_name_agency(text):
        return True
    return len(text) <= v.CREDIT_LINE_MAX_CHARS and bool(v.CAPTION_TAIL.search(text))


def _weight(kind: Kind, f: Features) -> float:
    """Return what a segment adds to (or costs) a candidate article run."""
    if kind is Kind.GOOD:
        return float(min(f.chars, v.REGION_GOOD_CAP))
    if kind is Kind.NEAR:
        return v.REGION_NEAR_FACTOR * f.chars
    if kind is Kind.SHORT:
        return -float(v.REGION_SHORT_COST)
    return -float(v.REGION_BAD_COST)


def _describe(f: Features) -> str:
    return f"len {f.chars}, stop {f.stop:.2f}, punct {f.punct:.2f}"


def _before_thread(
    segments: Sequence[Segment], kinds: Sequence[Kind], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Drop the runs (or parts of runs) inside a comment thread that follows article text."""
    thread = thread_start(segments, kinds, spans[0][0])
    if thread is None:
        return spans
    kept = [(a, min(b, thread - 1)) for a, b in spans if a < thread]
    if not any(kinds[i] is Kind.GOOD for a, b in kept for i in range(a, b + 1)):
        return spans
    return kept


def _cut_runs_at_tail(
    segments: Sequence[Segment], weights: Sequence[float], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Drop the runs after a closing heading that stands between runs (related stories)."""
    if len(spans) < 2:
        return spans
    end = cut_tail(segments, weights, (spans[0][0], spans[-1][1]))[1]
    return [(a, min(b, end)) for a, b in spans if a <= end]


def _revise(
    i: int,
    kinds: Sequence[Kind],
    feats: Sequence[Features],
    span: tuple[int, int],
    segment_type: BlockType,
) -> tuple[bool, str]:
    """Decide a segment by its class and its place relative to the article run."""
    kind, f = kinds[i], feats[i]
    inside = span[0] <= i <= span[1]
    if kind is Kind.BAD:
        return False, "bad"
    if kind in (Kind.GOOD, Kind.NEAR):
        return inside, f"{kind.value} block {'in' if inside else 'outside'} the article"
    if not inside:
        return False, "short block outside the article"
    after = next((kinds[j] for j in range(i + 1, span[1] + 1) if kinds[j] is not Kind.SHORT), None)
    if f.heading and after in (Kind.GOOD, Kind.NEAR):
        return True, "heading before article text"
    before = next(
        (kinds[j] for j in range(i - 1, span[0] - 1, -1) if kinds[j] is not Kind.SHORT), None
    )
    prose = (Kind.GOOD, Kind.NEAR)
    if before in prose and after in prose and (f.words >= 3 or f.sentence_end) and not f.dated:
        return True, "short block between article text"
    prose_type = segment_type in (BlockType.PARAGRAPH, BlockType.QUOTE)
    if prose_type and f.words >= v.INSIDE_MIN_WORDS and not f.dated:
        return True, "short paragraph inside the article"
    return False, "short block in the article without prose around"


def _median(values: Sequence[float]) -> float:
    """statistics.median, without the start-up cost of importing statistics (and fractions)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def classify(segments: Sequence[Segment], claimed: Mapping[int, str]) -> list[Decision]:
    """Return one Decision per segment, in order: body, boilerplate or claimed metadata."""
    feats = measure(segments)
    long_stop = [f.stop for f in feats if f.words >= v.GOOD_MIN_WORDS]
    use_stop = bool(long_stop) and _median(long_stop) >= v.STOPWORD_LANGUAGE_MIN
    kinds: list[Kind] = []
    why: list[str] = []
    for s, f in zip(segments, feats, strict=True):
        kind, reason = initial_kind(s, f, use_stop)
        if s.index in claimed:
            kind, reason = Kind.BAD, "claimed"
        kinds.append(kind)
        why.append(reason)
    _mark_captions(segments, feats, kinds, why)
    _mark_teasers(segments, kinds, why)
    _mark_tables(segments, feats, kinds, why)
    weights = [
        0.0 if s.index in claimed else _weight(k, f)
        for s, k, f in zip(segments, kinds, feats, strict=True)
    ]
    spans = _cut_runs_at_tail(segments, weights, find_article(weights))
    if spans:
        main = max(spans, key=lambda r: sum(weights[r[0] : r[1] + 1]))
        cut = cut_tail(segments, weights, cut_comments(segments, kinds, main))
        cut = cut_teaser_stream(weights, cut)
        dated = [w == "date line" and _is_calendar_date(f) for f, w in zip(feats, why, strict=True)]
        cut = cut_dated_stream(dated, kinds, cut)
        spans = [cut if r == main else r for r in spans if r[0] <= cut[1]]
        spans = _before_thread(segments, kinds, spans)
    span_of = [(-1, -1)] * len(segments)
    for a, b in spans:
        span_of[a : b + 1] = [(a, b)] * (b - a + 1)
    decisions = []
    seen: set[str] = set()
    for i, s in enumerate(segments):
        if s.index in claimed:
            verdict, reason = Verdict.METADATA, f"metadata: {claimed[s.index]}"
        else:
            keep, how = _revise(i, kinds, feats, span_of[i], s.type)
            if keep and feats[i].copies > 1 and kinds[i] is not Kind.GOOD:
                keep, how = False, "repeated text"
            elif keep and feats[i].copies > 1:
                keep, how = s.text.casefold() not in seen, "repeated text, kept once"
                seen.add(s.text.casefold())
            verdict = Verdict.BODY if keep else Verdict.BOILERPLATE
            detail = why[i] if kinds[i] is Kind.BAD else how
            if s.type in _STRUCTURED and kinds[i] is not Kind.BAD:
                detail = f"{how}, {why[i]}"  # say it was judged as a table or as code
            elif kinds[i] is Kind.SHORT and why[i] != "short":  # say why prose was demoted
                detail = f"{how}, {why[i]}"
            reason = f"{verdict.value}: {detail} ({_describe(feats[i])})"
        decisions.append(Decision(s.text, s.type, verdict, reason, s.rows, s.header))
    return decisions
