"""Hostile batches through the command line: every input ends as an output or one error line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean_article.cli import main
from clean_article.workers import run_in_workers

from .conftest import SEED

GOOD = b"<html><head><title>A</title></head><body><article><p>The council approved the budget.</p></article></body></html>"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _slow_page(paragraphs: int) -> bytes:
    """A page that takes trafilatura a few seconds (about 0.25 ms per element)."""
    body = "".join(
        f"<p>Sentence {i} of a long page, with some words.</p>" for i in range(paragraphs)
    )
    return f"<html><body><article>{body}</article></body></html>".encode()


def test_symlink_loops_in_a_walked_directory_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "page.html").write_bytes(GOOD)
    (root / "ring1").symlink_to(root / "ring2")
    (root / "ring2").symlink_to(root / "ring1")
    (root / "self").symlink_to(root)  # a directory link: not followed
    code, _, err = run(str(root), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{root / 'ring1'}: error: broken symbolic link" in err
    assert f"{root / 'ring2'}: error: broken symbolic link" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["page.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes whatever the mode says")
def test_unreadable_file_and_unwritable_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_bytes(GOOD)
    locked = tmp_path / "in" / "locked.html"
    locked.write_bytes(GOOD)
    locked.chmod(0)
    code, _, err = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{locked}: error: cannot read (Permission denied): check" in err
    hidden = tmp_path / "in" / "sub"
    hidden.mkdir()
    (hidden / "page.html").write_bytes(GOOD)
    hidden.chmod(0)
    code, _, err = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert f"{hidden}: error: cannot list the folder (Permission denied): check" in err
    out = tmp_path / "readonly"
    out.mkdir()
    out.chmod(0o555)
    code, _, err = run(str(tmp_path / "in" / "page.html"), "-o", str(out))
    assert code == 1 and "error: cannot write" in err and "Traceback" not in err


def test_a_read_error_is_one_line(tmp_path: Path) -> None:
    if not Path("/proc/self/mem").exists():
        pytest.skip("needs /proc")
    (tmp_path / "page.html").write_bytes(GOOD)
    (tmp_path / "mem").symlink_to("/proc/self/mem")  # a regular file that fails every read
    code, _, err = run(str(tmp_path), "-o", str(tmp_path / "out"), "-j", "1")
    assert code == 1
    assert f"{tmp_path / 'mem'}: error: cannot read (" in err and "Traceback" not in err
    assert (tmp_path / "out" / "page.json").is_file()


def test_inputs_sharing_an_output_name_are_refused_before_writing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.html").write_bytes(GOOD)
    (tmp_path / "in" / "story.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "in" / "other.html").write_bytes(GOOD)
    code, _, err = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    story_html, story_txt = tmp_path / "in" / "story.html", tmp_path / "in" / "story.txt"
    assert f"{story_html}: error: {story_txt} also writes story.json: rename one" in err
    assert f"{story_txt}: error: {story_html} also writes story.json: rename one" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["other.json"]


def test_a_big_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 << 20)
    code, _, err = run(str(big), "-q")
    assert code == 1
    assert (
        err
        == f"{big}: error: is 50 MiB, over the 20 MiB limit: not a single page (raise --max-size if it is one)\n"
    )
    assert run(str(big), "-q", "--max-size", "60")[2].endswith(
        "binary data, not an HTML page or a text dump: pass a page\n"
    )


def test_a_big_stdin_is_refused_after_the_limit() -> None:
    result = CliRunner().invoke(main, ["-", "--max-size", "1", "-q"], input=b"x" * (3 << 20))
    assert result.exit_code == 1
    assert (
        result.stderr
        == "stdin: error: is more than 1 MiB: not a single page (raise --max-size if it is one)\n"
    )


def test_limit_flags_reach_the_library(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(GOOD)
    code, _, err = run(str(page), "--max-elements", "3")
    assert code == 1 and "over the limit of 3: not a single article page" in err
    code, _, err = run(str(page), "--max-size", "0.0001")
    assert code == 1 and "over the 104 bytes limit" in err


def test_timeout_in_one_process(tmp_path: Path) -> None:
    (tmp_path / "slow.html").write_bytes(_slow_page(12_000))
    (tmp_path / "fast.html").write_bytes(GOOD)
    code, out, err = run(str(tmp_path), "-j", "1", "--timeout", "0.3", "-q")
    assert code == 1
    assert (
        err
        == f"{tmp_path / 'slow.html'}: error: took longer than 0.3 s to clean: raise --timeout if it is a page, or report it\n"
    )
    assert [json.loads(line)["source"]["name"] for line in out.splitlines()] == ["fast.html"]


def test_timeout_in_workers_keeps_the_batch_going(tmp_path: Path) -> None:
    (tmp_path / "a_slow.html").write_bytes(_slow_page(12_000))
    for name in "bcde":
        (tmp_path / f"{name}.html").write_bytes(GOOD)
    code, out, err = run(str(tmp_path), "-j", "2", "--timeout", "0.3", "-q")
    assert code == 1
    assert err.startswith(f"{tmp_path / 'a_slow.html'}: error: took longer than 0.3 s")
    assert [json.loads(line)["source"]["name"] for line in out.splitlines()] == [
        f"{n}.html" for n in "bcde"
    ]


def _stuck(task: int) -> int:
    if task == 1:
        time.sleep(60)  # no soft limit is set here: only killing the worker ends this
    if task == 2:
        os._exit(3)  # a worker that dies (a crash in C, the OOM killer)
    return task * 10


def test_a_stuck_or_dead_worker_is_replaced() -> None:
    started = time.monotonic()
    results = list(
        run_in_workers(
            [0, 1, 2, 3, 4, 5],
            _stuck,
            lambda task, why: f"{task}: {why}",
            jobs=2,
            timeout=0.2,
            grace=0.2,
        )
    )
    assert results == [
        0,
        "1: took longer than 0.2 s to clean",
        "2: its worker process died (exit code 3)",
        30,
        40,
        50,
    ]
    assert time.monotonic() - started < 30


def _batch(root: Path, count: int) -> None:
    root.mkdir()
    for n in range(count):
        (root / f"{n:02}.html").write_bytes(
            _slow_page(200).replace(b"Sentence", f"Page {n}".encode())
        )


def test_ctrl_c_leaves_only_complete_files_and_skip_existing_finishes(tmp_path: Path) -> None:
    _batch(tmp_path / "in", 24)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "clean_article",
            str(tmp_path / "in"),
            "-o",
            str(out),
            "-j",
            "1",
            "-q",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.decode().endswith("clean-article: interrupted\n")
    written = sorted(out.iterdir())
    assert 3 <= len(written) < 24
    assert all(p.suffix == ".json" for p in written), "no temporary file is left"
    for path in written:
        assert json.loads(path.read_text())["source"]["name"] == path.stem + ".html"
    before = {p.name: p.stat().st_mtime_ns for p in written}
    code, _, err = run(str(tmp_path / "in"), "-o", str(out), "--skip-existing")
    assert code == 0, err
    assert err == f"clean-article: {24 - len(written)} cleaned into {out}, 0 failed\n"
    assert len(list(out.glob("*.json"))) == 24
    assert all(before[p.name] == p.stat().st_mtime_ns for p in written), "done work is kept"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--skip-existing", "x"], "use it with -o"),
        (["--skip-existing", "--check", "-o", "d", "x"], "not --check"),
        (["--timeout", "-1", "x"], "Invalid value for '--timeout'"),
        (["--max-size", "0", "x"], "Invalid value for '--max-size'"),
    ],
)
def test_limit_usage_errors(args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2 and message in err
