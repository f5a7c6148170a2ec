"""The benchmark commands run on any dataset laid out like ../shared/bench (a tiny one here)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from clean_article.bench.__main__ import main as bench_main
from clean_article.bench.common import fold_of, site_of
from clean_article.bench.scoring import page_score, summarize

from .conftest import DATA, SEED


@pytest.fixture
def tiny_bench(tmp_path: Path) -> Path:
    """One HTML page and one text dump, each with a gold body written for it."""
    root = tmp_path / "bench"
    (root / "scrapinghub" / "html").mkdir(parents=True)
    (root / "textdumps" / "lynx").mkdir(parents=True)
    html = (DATA / "article.html").read_bytes()
    (root / "scrapinghub" / "html" / "page1.html.gz").write_bytes(gzip.compress(html))
    (root / "textdumps" / "lynx" / "page1.txt").write_bytes(SEED.read_bytes())
    gold = {
        "page1": {
            "articleBody": "Residents of Lowmouth voted on Saturday to keep the ferry.",
            "url": "x",
        }
    }
    (root / "scrapinghub" / "ground-truth.json").write_text(json.dumps(gold))
    return root


def test_html_bench_prints_a_table_with_trafilatura(
    tiny_bench: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench_main(["html", str(tiny_bench)]) == 0
    out = capsys.readouterr().out
    assert "| clean-article " in out and "| trafilatura " in out and "F1 vs trafilatura" in out


def test_text_bench_prints_reference_filters(
    tiny_bench: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench_main(["text", str(tiny_bench), "--renderer", "lynx"]) == 0
    out = capsys.readouterr().out
    assert "lynx" in out and "c4 F1" in out and "whole F1" in out and "mean" in out


def test_unknown_bench_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_main(["nope"]) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("gold", "predicted", "f1"),
    [
        ("one two three four five", "one two three four five", 1.0),
        ("one two three four five", "", 0.0),
        ("one two three four five six", "one two three four", 0.5),
    ],
)
def test_shingle_f1(gold: str, predicted: str, f1: float) -> None:
    assert summarize([page_score(gold, predicted)]).f1 == pytest.approx(f1, abs=0.01)


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://news.bbc.co.uk/story/1", "bbc.co.uk"),
        ("https://www.spiegel.de/politik/a.html", "spiegel.de"),
        ("http://web.archive.org/web/2019id_/https://www.zeit.de/x", "zeit.de"),
        ("xhttps://blog.example.com/post", "example.com"),
        ("https://example.com:8080/a", "example.com"),
    ],
)
def test_site_of_reads_the_registrable_domain(url: str, site: str) -> None:
    assert site_of(url) == site


def test_pages_of_one_site_share_a_fold() -> None:
    assert fold_of("https://a.example.org/1") == fold_of("https://b.example.org/2")
    assert {fold_of(f"https://site{i}.com/") for i in range(20)} == {0, 1}


def test_memory_bench_builds_its_inputs_and_measures_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from clean_article.bench import memory

    assert memory.main(["--inputs", "5", "--archive-mb", "1", "-j", "1"]) == 0
    out = capsys.readouterr().out
    rows = [line.split("|")[1:-1] for line in out.splitlines() if line.startswith("| ")][1:]
    assert len(rows) == 2 and rows[0][0].strip() == "5 small pages"
    assert rows[1][0].strip().startswith("archive 1 MiB (")
    # Each run was measured: a wall time and a resident size a Python process cannot go below.
    assert all(float(row[1]) > 0 and int(row[3]) >= 10 for row in rows)


def test_memory_bench_archive_is_a_readable_warc(tmp_path: Path) -> None:
    from clean_article.archive import Record, Skipped, iter_records
    from clean_article.bench.memory import _write_archive

    path = tmp_path / "a.warc"
    pages = _write_archive(path, 2 << 20, 0.3)
    with open(path, "rb") as stream:
        items = list(iter_records(stream))
    assert sum(isinstance(i, Record) for i in items) == pages > 0
    assert {i.reason for i in items if isinstance(i, Skipped)} == {"not HTML"}


# A stand-in for BENCH_DIR/score_text.py with the same two functions the bench calls.
SNIPPET_SCORER = """
def snippet_counts(item, pred):
    tp = sum(w in pred for w in item["with"])
    return {"tp": tp, "fn": len(item["with"]) - tp, "fp": sum(w in pred for w in item["without"])}

def snippet_summary(rows):
    tp, fp, fn = (sum(r[k] for r in rows) for k in ("tp", "fp", "fn"))
    return {"f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0}
"""


@pytest.fixture
def tiny_multilingual(tiny_bench: Path) -> Path:
    """The tiny bench plus a multilingual half: one page, its lynx dump, snippets and scorer."""
    root = tiny_bench / "multilingual"
    (root / "html").mkdir(parents=True)
    (root / "textdumps" / "lynx").mkdir(parents=True)
    html = (DATA / "article.html").read_bytes()
    (root / "html" / "m1.html.gz").write_bytes(gzip.compress(html))
    (root / "textdumps" / "lynx" / "m1.txt").write_bytes(SEED.read_bytes())
    gold = {"m1": {"url": "https://example.org/a", "with": ["Lowmouth"], "without": ["Cookie"]}}
    (root / "gold.json").write_text(json.dumps(gold))
    (tiny_bench / "score_text.py").write_text(SNIPPET_SCORER)
    return tiny_bench


def test_html_bench_scores_the_multilingual_half_by_fold(
    tiny_multilingual: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench_main(["html", str(tiny_multilingual), "--system", "clean-article"]) == 0
    out = capsys.readouterr().out
    assert "multilingual (snippet F1" in out and "| fold 0 | fold 1 |" in out


def test_text_bench_scores_the_multilingual_dumps(
    tiny_multilingual: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench_main(["text", str(tiny_multilingual), "--renderer", "lynx"]) == 0
    out = capsys.readouterr().out
    assert "snippet F1 of score_text.py" in out and "clean-article F1" in out


def test_speed_bench_prints_every_goal(
    tiny_bench: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tiny_bench / "textdumps" / "lynx" / "page1.txt"
    argv = ["speed", str(tiny_bench), "--repeat", "1", "--no-peer", "--seed", str(seed)]
    assert bench_main(argv) == 0
    out = capsys.readouterr().out
    for label in ("HTML, -j 2 vs -j 1", "start-up: `clean-article - < seed`", "lynx dumps -j 1"):
        assert label in out
    # Without trafilatura the goals measured against it have no figure.
    row = next(line for line in out.splitlines() if line.startswith("| HTML, -j 1, vs traf"))
    assert [cell.strip() for cell in row.strip("|").split("|")][1:] == ["-"] * 4
    own = next(line for line in out.splitlines() if line.startswith("| HTML, -j 2 vs -j 1"))
    assert own.rstrip(" |").endswith(("yes", "no"))
