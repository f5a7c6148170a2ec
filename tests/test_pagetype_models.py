"""The page-type and block models: scoring, explanations, and the fitting code behind them."""

from __future__ import annotations

import math

from clean_article.bench.blocks_fit import GoldIndex, fit_blocks
from clean_article.bench.pagetype_fit import accuracy, fit
from clean_article.html_blocks import probability
from clean_article.model import PageType
from clean_article.pagetype import Model, decide, load_models
from clean_article.pagetype_features import text_features, url_features


def test_shipped_models_give_a_distribution_and_name_their_reasons() -> None:
    models = load_models()
    assert set(models) == {"html", "text"}
    features = text_features("Reply\nQuote\nJoined: 2024\nPosted by ada\n")
    scores = models["text"].scores(features)
    assert math.isclose(sum(scores.values()), 1.0)
    verdict = decide(features, "text")
    assert verdict.probability == max(scores.values())
    assert verdict.type.value in verdict.explain()


def test_url_features_read_the_address_shape() -> None:
    found = url_features("https://shop.example.com/product/steel-kettle?colour=black")
    assert found["url:product"] == 1.0 and found["url:query"] == 1.0
    assert "url:date" in url_features("https://news.example.com/2025/01/02/story")
    assert url_features(None) == {"url:none": 1.0}


def test_fit_separates_classes_the_features_tell_apart() -> None:
    samples = []
    for i in range(12):
        samples.append(({"bias": 1.0, "ld:product": 1.0, "noise": i % 3}, PageType.PRODUCT))
        samples.append(({"bias": 1.0, "cue:reply": 2.0, "noise": i % 2}, PageType.FORUM))
        samples.append(({"bias": 1.0, "p:long": 3.0}, PageType.ARTICLE))
    model = fit(samples)
    assert accuracy(model, samples) == 1.0
    assert model.reasons({"bias": 1.0, "ld:product": 1.0}, PageType.PRODUCT)[0] == "ld:product"
    again = Model.from_json(model.to_json())
    assert again.scores({"cue:reply": 2.0}) == model.scores({"cue:reply": 2.0})


def test_gold_index_labels_blocks_by_shingles_and_short_runs() -> None:
    index = GoldIndex("The kettle boils a full jug in four minutes. Capacity 1.7 litres.")
    assert index.label("The kettle boils a full jug in four minutes.")
    assert index.label("Capacity")
    assert not index.label("Customers also bought a toaster")


def test_fit_blocks_learns_which_features_mean_content() -> None:
    samples = []
    for i in range(40):
        page = f"p{i % 12}"
        samples.append(({"bias": 1.0, "sentence": 1.0}, True, 1.0, page))
        samples.append(({"bias": 1.0, "ctx:cart": 1.0}, False, 1.0, page))
    weights = fit_blocks(samples)
    assert probability({"bias": 1.0, "sentence": 1.0}, weights) > 0.5
    assert probability({"bias": 1.0, "ctx:cart": 1.0}, weights) < 0.5
