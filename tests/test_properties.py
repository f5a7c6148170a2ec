"""Properties that hold for any input: cleaned or refused, deterministic, stable on its own output."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clean_article import Article, clean
from clean_article.errors import CleanArticleError
from clean_article.render import to_markdown

# Derandomized: CI runs the same examples every time, so a failure is never a fluke.
PROPERTY = settings(
    derandomize=True,
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow],
)

WORDS = (
    "the council approved a new budget for schools after long debate on Tuesday "
    "ministers said teachers would get more money while critics warned of cuts elsewhere "
    "Grüße Köln café naïve Правительство России 日本政府 한국 정부 中国政府"
).split()
sentence = st.lists(st.sampled_from(WORDS), min_size=8, max_size=25).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=2, max_size=4).map(" ".join)
article_text = st.lists(paragraph, min_size=3, max_size=6, unique=True).map("\n\n".join)
page = article_text.map(
    lambda text: (
        "<html><head><title>Budget</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        + "</article></body></html>"
    )
)
junk_bytes = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from(["utf-8", "cp1252", "cp1251", "shift_jis", "utf-16"]).flatmap(
        lambda codec: article_text.map(lambda t: t.encode(codec, "replace"))
    ),
)


def _clean_or_refuse(data: bytes | str) -> Article | None:
    try:
        return clean(data, name="x")
    except CleanArticleError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None


@PROPERTY
@given(junk_bytes)
def test_any_bytes_are_cleaned_or_refused_deterministically(data: bytes) -> None:
    first = _clean_or_refuse(data)
    second = _clean_or_refuse(data)
    assert (first and first.to_dict()) == (second and second.to_dict())


@PROPERTY
@given(st.text(max_size=2000))
def test_any_text_is_cleaned_or_refused_deterministically(data: str) -> None:
    first = _clean_or_refuse(data)
    assert (first and first.to_dict()) == ((again := _clean_or_refuse(data)) and again.to_dict())


@PROPERTY
@given(st.one_of(article_text, page))
def test_cleaning_the_markdown_output_keeps_every_paragraph(data: str) -> None:
    article = clean(data, name="x")
    assert article.blocks, "an article of several paragraphs keeps a body"
    again = clean(to_markdown(article), name="x.md")
    for block in article.blocks:
        assert block.text in again.text, block.text


@PROPERTY
@given(st.text(min_size=50, max_size=2000))
def test_cleaning_the_markdown_of_any_text_keeps_every_paragraph(data: str) -> None:
    article = _clean_or_refuse(data)
    if article is None:
        return
    again = clean(to_markdown(article), name="x.md")
    for block in article.blocks:
        assert block.text in again.text, block.text
