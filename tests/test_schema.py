"""Every output validates against the shipped JSON Schema; the schema itself is strict."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import jsonschema
import pytest

from clean_article import SCHEMA_VERSION, clean

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    text = resources.files("clean_article").joinpath("schema/article-v1.schema.json").read_text()
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_seed_and_html_outputs_validate(
    validator: jsonschema.Draft202012Validator, seed_bytes: bytes, article_html: bytes
) -> None:
    for data in (seed_bytes, article_html):
        doc = clean(data, name="x").to_dict()
        assert doc["schema_version"] == SCHEMA_VERSION
        validator.validate(doc)


def test_web_archive_record_outputs_validate(validator: jsonschema.Draft202012Validator) -> None:
    import io

    from clean_article.archive import clean_archive

    from .warcs import crawl, gzip_each

    docs = [a.to_dict() for a in clean_archive(io.BytesIO(gzip_each(crawl())), name="c.warc.gz")]
    assert [d["source"]["record_id"] for d in docs] == ["<urn:uuid:koeln>", "<urn:uuid:harbour>"]
    for doc in docs:
        validator.validate(doc)
    wrong = copy.deepcopy(docs[0])
    wrong["source"]["warc_date"] = 20241003
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(wrong)


def test_committed_json_fixtures_validate(validator: jsonschema.Draft202012Validator) -> None:
    goldens = sorted(FIXTURES.rglob("*.json"))
    assert goldens, "fixtures/ holds the goldens of the seeds"
    for path in goldens:
        validator.validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("title",), "two  spaces"),
        (("title",), "nbsp\u00a0inside"),
        (("dates", "published"), "October 1, 2024"),
        (("blocks", 0, "type"), "caption"),
        (("byline", "authors", 0), " padded"),
        (("source", "format"), "pdf"),
    ],
)
def test_schema_rejects_unclean_values(
    validator: jsonschema.Draft202012Validator, seed_bytes: bytes, path: tuple[Any, ...], bad: str
) -> None:
    doc = copy.deepcopy(clean(seed_bytes).to_dict())
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    assert not validator.is_valid(doc)


def test_schema_rejects_missing_and_extra_keys(
    validator: jsonschema.Draft202012Validator, seed_bytes: bytes
) -> None:
    doc = clean(seed_bytes).to_dict()
    assert not validator.is_valid({k: v for k, v in doc.items() if k != "lede"})
    assert not validator.is_valid({**doc, "extra": 1})
