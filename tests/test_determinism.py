"""Output depends on the input alone: not on hash seeds, worker processes or the clock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import DATA, SEED


def _run(args: list[str], hash_seed: str, env_extra: dict[str, str] | None = None) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, **(env_extra or {})}
    done = subprocess.run(
        [sys.executable, "-m", "clean_article", *args, "-q"],
        capture_output=True,
        env=env,
        check=True,
        timeout=120,
    )
    return done.stdout


def test_output_does_not_depend_on_the_hash_seed_or_time_zone() -> None:
    inputs = [str(SEED), str(DATA / "article.html")]
    first = _run(inputs, "1", {"TZ": "UTC"})
    second = _run(inputs, "4242", {"TZ": "Asia/Kathmandu"})
    assert first == second
    assert first.count(b"\n") == 2, "two JSON Lines records"


def test_markdown_is_stable_too(tmp_path: Path) -> None:
    assert _run([str(SEED), "-f", "md"], "7") == _run([str(SEED), "-f", "md"], "8")
