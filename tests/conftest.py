"""Shared fixtures: the project's seeds and a small synthetic HTML article."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
SEED = SEEDS / "000_b7d73b270facf521.txt"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def article_html() -> bytes:
    return (DATA / "article.html").read_bytes()
