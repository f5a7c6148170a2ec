"""Web archives on the command line: JSON Lines per record, a .jsonl per archive, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, SEED
from .test_cli import run
from .warcs import crawl, gzip_each, gzip_whole, wet

KOELN, HARBOUR = "<urn:uuid:koeln>", "<urn:uuid:harbour>"


@pytest.fixture
def archives(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "crawl.warc.gz").write_bytes(gzip_each(crawl()))
    # Named like a text dump, but a WET archive inside: content decides, not the name.
    (root / "dumps.txt").write_bytes(gzip_whole(wet([("https://dw.example/a", SEED.read_text())])))
    (root / "page.html").write_bytes((DATA / "article.html").read_bytes())
    return root


def test_an_archive_prints_one_json_line_per_page_record(archives: Path) -> None:
    code, out, err = run(str(archives / "crawl.warc.gz"))
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["source"]["record_id"] for d in docs] == [KOELN, HARBOUR]
    assert docs[0]["title"] == "Grüße aus Köln"
    # The skipped records are counted on stderr, by reason: not failures.
    assert err == (
        f"{archives / 'crawl.warc.gz'}: 2 record(s) cleaned, 6 skipped "
        "(HTTP 404 1, metadata 1, not HTML 2, request 1, warcinfo 1)\n"
    )


def test_output_dir_gets_one_jsonl_per_archive(archives: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(str(archives), "-o", str(out), "-j", "1")
    assert code == 0, err
    assert stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["crawl.jsonl", "dumps.jsonl", "page.json"]
    lines = (out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"]["url"] for line in lines] == [
        "https://news.example/koeln",
        "https://news.example/harbour",
    ]
    wet_doc = json.loads((out / "dumps.jsonl").read_text(encoding="utf-8"))
    assert wet_doc["title"] == "Mark Rutte takes over as NATO chief"
    assert wet_doc["source"]["format"] == "text"
    assert json.loads((out / "page.json").read_text())["source"]["record_id"] is None
    # The goldens just written match, record for record.
    code, stdout, err = run(str(archives), "-o", str(out), "--check")
    assert (code, stdout) == (0, ""), err


def test_a_truncated_archive_ends_with_one_error_line_after_the_good_records(
    tmp_path: Path,
) -> None:
    data = gzip_each(crawl()[:7])
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: len(data) - 30])
    code, out, err = run(str(broken))
    assert code == 1
    assert [json.loads(line)["source"]["record_id"] for line in out.splitlines()] == [KOELN]
    assert err.splitlines()[-3:] == [
        f"{broken}: 1 record(s) cleaned, 5 skipped (HTTP 404 1, not HTML 2, request 1, warcinfo 1)",
        f"{broken}: error: is truncated in record 7: re-download it (the records before it were cleaned)",
        "clean-article: 1 cleaned, 1 failed",
    ]
    # With -o the good records are kept in the archive's file.
    code, _, _ = run(str(broken), "-o", str(tmp_path / "out"))
    assert code == 1
    assert (tmp_path / "out" / "broken.jsonl").read_text().count("\n") == 1


def test_without_the_extra_an_archive_fails_with_the_remedy(
    archives: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    code, out, err = run(str(archives / "crawl.warc.gz"), str(archives / "page.html"), "-j", "1")
    assert code == 1
    assert json.loads(out)["source"]["name"] == "page.html"  # the other inputs go on
    assert f"{archives / 'crawl.warc.gz'}: error: is a WARC/WET archive" in err
    assert "pip install 'clean-article[warc]'" in err


def test_an_archive_on_stdin_streams_too() -> None:
    code, out, err = run("-q", stdin=gzip_whole(crawl()))
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["source"]["name"] for d in docs] == ["stdin", "stdin"]
    assert [d["source"]["record_id"] for d in docs] == [KOELN, HARBOUR]


def test_markdown_documents_of_an_archive_follow_one_another(archives: Path) -> None:
    code, out, _ = run(str(archives / "crawl.warc.gz"), "-f", "md", "-q")
    assert code == 0
    assert out.count("\n---\ntitle: ") == 1 and out.startswith("---\ntitle: ")
    assert f"  record_id: {json.dumps(HARBOUR)}" in out


def test_workers_give_the_same_bytes_as_one_process(archives: Path) -> None:
    """A real process pool over records: same output, same order, as -j 1."""
    args = [sys.executable, "-m", "clean_article", str(archives), "-q"]
    one = subprocess.run([*args, "-j", "1"], capture_output=True, check=True, timeout=120)
    two = subprocess.run([*args, "-j", "2"], capture_output=True, check=True, timeout=120)
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 4  # two HTML records, one WET record, one page


def test_two_archives_writing_one_output_are_refused_before_writing(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    # A segment's WARC and WET files side by side: both would become seg.jsonl.
    (root / "seg.warc.gz").write_bytes(gzip_each(crawl()))
    (root / "seg.warc.wet.gz").write_bytes(
        gzip_each(wet([("https://dw.example/a", SEED.read_text())]))
    )
    code, _, err = run(str(root), "-o", str(tmp_path / "out"), "-q")
    assert code == 1
    for name in ("seg.warc.gz", "seg.warc.wet.gz"):
        assert f"{root / name}: error: " in err
    assert err.count("also writes seg.json: rename one of them") == 2
    assert not (tmp_path / "out" / "seg.jsonl").exists()


def test_markdown_files_per_archive_start_with_their_front_matter(tmp_path: Path) -> None:
    for name in ("a.warc", "b.warc"):
        (tmp_path / name).write_bytes(b"".join(crawl()))
    code, _, err = run(
        str(tmp_path / "a.warc"), str(tmp_path / "b.warc"), "-o", str(tmp_path / "out"), "-f", "md"
    )
    assert code == 0, err
    for name in ("a.md", "b.md"):
        text = (tmp_path / "out" / name).read_text()
        assert text.startswith("---\ntitle: ") and text.count("\n\n---\ntitle: ") == 1


def test_explain_names_each_record(archives: Path) -> None:
    code, _, err = run(str(archives / "crawl.warc.gz"), "--explain", "-q")
    assert code == 0
    headers = [line for line in err.splitlines() if line.startswith("== ")]
    assert headers == [
        f"== {archives / 'crawl.warc.gz'} {KOELN}",
        f"== {archives / 'crawl.warc.gz'} {HARBOUR}",
    ]


def test_a_reader_failure_is_one_line_not_a_traceback(
    archives: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import clean_article.stream

    def broken(stream: object) -> object:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(clean_article.stream, "iter_records", broken)
    code, _, err = run(str(archives / "crawl.warc.gz"), "-j", "1", "-q")
    assert code == 1
    assert err == (
        f"{archives / 'crawl.warc.gz'}: error: internal error reading it "
        "(RuntimeError: unexpected): report it\n"
    )
