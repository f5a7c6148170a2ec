"""The seed (a DW text dump) must come out right: the facts, not only the golden, say what right is."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from clean_article import BlockType, clean
from clean_article.cli import main

from .conftest import SEED

TITLE = "Mark Rutte takes over as NATO chief"
SUBHEADINGS = ["Ukraine, US election loom large", "US, UK and Germany congratulate Rutte"]
FIRST_BODY = "Former Dutch Prime Minister Mark Rutte has officially become the secretary-general"
LAST_BODY = "\"Under Rutte's leadership, there will be nothing new or significant"
LEDE = "NATO Secretary-General Jens Stoltenberg has handed the reins over"
CAPTION = (
    "After vowing to leave politics forever in 2023, Rutte (left) mounted a one-man campaign"
    " for the NATO post in recent months"
)
# Nothing of the page's furniture may reach the body.
NOT_IN_BODY = [
    "Skip to",
    "Skip next section",
    "DW's Top Story",
    "More stories from DW",
    "Explore more",
    "This browser does not support the video element",
    "03:23",
    "02:42",
    "Who is Mark Rutte, NATO's new secretary general?",
    "Mark Rutte takes over as NATO secretary general",
    "es/nm",
    "(AP, dpa)",
    "Harry Nakos",
    "After vowing to leave politics",
    "Published October 1",
    "PoliticsEurope",
    TITLE,
    "Mark Rutte and Jens Stoltenberg",
    LEDE,
]


def check_json(doc: dict[str, object]) -> None:
    assert doc["title"] == TITLE
    assert doc["section"] == ["Politics", "Europe"]
    assert doc["dates"] == {"published": "2024-10-01", "modified": "2024-10-01"}
    assert doc["byline"] == {
        "authors": ["es", "nm"],
        "agencies": ["AP", "dpa"],
        "raw": "es/nm (AP, dpa)",
    }
    assert isinstance(doc["lede"], str) and doc["lede"].startswith(LEDE)
    assert doc["images"] == [
        {
            "caption": CAPTION,
            "credit": "Harry Nakos/AP/picture alliance",
            "alt": "Mark Rutte and Jens Stoltenberg",
            "src": None,
        }
    ]
    blocks = doc["blocks"]
    assert isinstance(blocks, list)
    headings = [b["text"] for b in blocks if b["type"] == BlockType.HEADING.value]
    paragraphs = [b["text"] for b in blocks if b["type"] == BlockType.PARAGRAPH.value]
    assert headings == SUBHEADINGS
    assert len(paragraphs) == 24 and len(blocks) == 26
    assert paragraphs[0].startswith(FIRST_BODY)
    assert paragraphs[-1].startswith(LAST_BODY)
    text = doc["text"]
    assert isinstance(text, str)
    for snippet in NOT_IN_BODY:
        assert snippet not in text, snippet


def test_library_gives_the_seed_facts(seed_bytes: bytes) -> None:
    check_json(clean(seed_bytes, name=SEED.name).to_dict())


@pytest.mark.parametrize("from_stdin", [False, True])
def test_cli_json_gives_the_seed_facts(from_stdin: bool, seed_bytes: bytes) -> None:
    args, data = (["-"], seed_bytes) if from_stdin else ([str(SEED)], None)
    result = CliRunner().invoke(main, args, input=data)
    assert result.exit_code == 0, result.stderr
    check_json(json.loads(result.stdout))


@pytest.mark.parametrize("from_stdin", [False, True])
def test_cli_markdown_gives_the_seed_facts(from_stdin: bool, seed_bytes: bytes) -> None:
    args, data = (["-", "-f", "md"], seed_bytes) if from_stdin else ([str(SEED), "-f", "md"], None)
    result = CliRunner().invoke(main, args, input=data)
    assert result.exit_code == 0, result.stderr
    head, _, body = result.stdout[4:].partition("\n---\n")
    meta = yaml.safe_load(head)
    assert meta["title"] == TITLE
    assert meta["authors"] == ["es", "nm"] and meta["agencies"] == ["AP", "dpa"]
    assert meta["published"] == meta["modified"] == "2024-10-01"
    assert meta["section"] == ["Politics", "Europe"]
    assert meta["images"][0]["credit"] == "Harry Nakos/AP/picture alliance"
    assert [line[3:] for line in body.splitlines() if line.startswith("## ")] == SUBHEADINGS
    assert f"*{CAPTION} (Harry Nakos/AP/picture alliance)*" in body
    for snippet in ["Skip next section", "This browser does not support", "es/nm (AP, dpa)"]:
        assert snippet not in body
