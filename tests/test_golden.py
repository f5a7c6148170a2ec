"""Golden outputs: every seed in both formats matches its committed fixture, byte for byte.

To accept an intended change, regenerate with `clean-article seeds/ -o fixtures/` (and `-f md`),
read the diff, and commit it with the reason.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from clean_article import clean
from clean_article.batch import output_name
from clean_article.render import to_json, to_markdown

from .conftest import FIXTURES, SEEDS

SEED_FILES = sorted(p for p in SEEDS.rglob("*") if p.is_file() and not p.name.startswith("."))
RENDER = {"json": to_json, "md": to_markdown}


@pytest.mark.parametrize("fmt", sorted(RENDER))
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name)
def test_seed_matches_golden(seed: Path, fmt: str) -> None:
    rel = seed.relative_to(SEEDS)
    golden = FIXTURES / rel.with_name(output_name(rel.name, fmt))
    actual = RENDER[fmt](clean(seed.read_bytes(), name=seed.name))
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True), str(golden), "cleaned now"
            )
        )
        pytest.fail(f"{golden} drifted (regenerate and review if intended):\n{diff}")


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name)
def test_cleaning_is_deterministic(seed: Path) -> None:
    data = seed.read_bytes()
    assert to_json(clean(data, name=seed.name)) == to_json(clean(data, name=seed.name))
