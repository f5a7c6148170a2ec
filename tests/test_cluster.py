"""Clusters: the Dask bag and the Spark recipe's body give the CLI's output byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean_article.cli import main
from clean_article.cluster import clean_input, output_lines
from clean_article.dask import articles, outcomes

from .conftest import DATA, SEED
from .warcs import crawl, gzip_each, gzip_whole, wet


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.warc.gz").write_bytes(gzip_each(crawl()))
    (root / "b.wet.gz").write_bytes(gzip_whole(wet([("https://dw.example/a", SEED.read_text())])))
    (root / "sub" / "page.html").write_bytes((DATA / "article.html").read_bytes())
    (root / "sub" / "seed.txt").write_bytes(SEED.read_bytes())
    return root


def cli_stdout(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "-q", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_the_dask_bag_holds_the_cli_output(tree: Path, scheduler: str) -> None:
    bag = articles([str(tree)], npartitions=3)
    lines = bag.compute(scheduler=scheduler)
    assert "".join(lines) == cli_stdout(str(tree))
    assert len(lines) == 5  # two HTML records, one WET record, two pages


def test_the_dask_bag_in_markdown_joins_as_the_cli_prints(tree: Path) -> None:
    docs = articles([str(tree / "a.warc.gz"), str(tree / "sub")], fmt="md").compute(
        scheduler="synchronous"
    )
    assert "\n".join(docs) == cli_stdout(str(tree / "a.warc.gz"), str(tree / "sub"), "-f", "md")


def test_outcomes_keep_skips_and_errors(tree: Path) -> None:
    (tree / "empty.html").write_bytes(b"")
    found = outcomes([str(tree / "a.warc.gz"), str(tree / "empty.html")]).compute(
        scheduler="synchronous"
    )
    assert [o.skipped for o in found if o.skipped] == [
        "warcinfo",
        "request",
        "HTTP 404",
        "not HTML",
        "not HTML",
        "metadata",
    ]
    assert [o.error for o in found if o.error] == [
        f"{tree / 'empty.html'}: error: is empty: nothing to clean"
    ]


def test_the_spark_recipe_body_streams_the_same_lines(tree: Path) -> None:
    paths = [str(tree / "a.warc.gz"), str(tree / "sub" / "seed.txt")]
    assert "".join(output_lines(iter(paths))) == cli_stdout(*paths)
    first = next(o for o in clean_input(paths[0]) if o.text is not None)
    assert first.record_id == "<urn:uuid:koeln>"
    assert json.loads(first.text or "")["source"]["url"] == "https://news.example/koeln"


def test_entries_the_walk_cannot_use_are_outcomes_not_lost(tree: Path) -> None:
    (tree / "sub" / "gone.html").symlink_to(tree / "missing.html")
    found = outcomes([str(tree)]).compute(scheduler="synchronous")
    assert (
        found[0].error
        == f"{tree / 'sub' / 'gone.html'}: error: broken symbolic link: fix or remove it"
    )
    assert sum(o.text is not None for o in found) == 5
