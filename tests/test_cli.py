"""The command line: streams, batches, exit codes, --check, --explain."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from clean_article.cli import main

from .conftest import DATA, SEED


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A small tree of inputs: the seed, the HTML article gzipped and plain, in a subfolder."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEED, root / "seed.txt")
    html = (DATA / "article.html").read_bytes()
    (root / "sub" / "story.html.gz").write_bytes(gzip.compress(html))
    (root / "sub" / "plain.html").write_bytes(html)
    return root


def test_one_file_prints_one_json_document() -> None:
    code, out, err = run(str(SEED))
    assert code == 0, err
    assert json.loads(out)["title"] == "Mark Rutte takes over as NATO chief"
    assert err == ""


def test_stdin_dash_and_piped_stdin_agree(seed_bytes: bytes) -> None:
    _, from_file, _ = run(str(SEED))
    code, from_dash, _ = run("-", stdin=seed_bytes)
    assert code == 0
    _, piped, _ = run(stdin=seed_bytes)
    names = {json.loads(doc)["source"]["name"] for doc in (from_dash, piped)}
    assert names == {"stdin"}
    strip = lambda doc: {k: v for k, v in json.loads(doc).items() if k != "source"}  # noqa: E731
    assert strip(from_file) == strip(from_dash) == strip(piped)


def test_several_inputs_print_json_lines_in_input_order(pages: Path) -> None:
    code, out, _ = run(str(pages), "-q")
    assert code == 0
    names = [json.loads(line)["source"]["name"] for line in out.splitlines()]
    assert names == ["seed.txt", "plain.html", "story.html.gz"]


def test_several_markdown_documents_are_separated(pages: Path) -> None:
    code, out, _ = run(str(pages / "seed.txt"), str(pages / "sub" / "plain.html"), "-f", "md")
    assert code == 0
    assert out.startswith("---\n") and "\n\n---\ntitle: " in out


def test_output_dir_mirrors_the_tree(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(str(pages), "-o", str(out), "-j", "1")
    assert code == 0, err
    assert stdout == ""
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "seed.json",
        "sub/plain.json",
        "sub/story.json",
    ]
    assert json.loads((out / "sub" / "story.json").read_text())["source"]["format"] == "html"


def test_parallel_output_is_identical_to_serial(pages: Path, tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        shutil.copy(pages / "seed.txt", pages / f"{name}.txt")
    run(str(pages), "-o", str(tmp_path / "serial"), "-j", "1")
    run(str(pages), "-o", str(tmp_path / "parallel"), "-j", "2")
    serial = {p.name: p.read_bytes() for p in (tmp_path / "serial").rglob("*.json")}
    parallel = {p.name: p.read_bytes() for p in (tmp_path / "parallel").rglob("*.json")}
    assert serial == parallel and len(serial) == 6
    _, lines_serial, _ = run(str(pages), "-j", "1")
    _, lines_parallel, _ = run(str(pages), "-j", "2")
    assert lines_serial == lines_parallel


def test_bad_file_does_not_stop_the_batch(pages: Path, tmp_path: Path) -> None:
    (pages / "broken.html.gz").write_bytes(b"\x1f\x8bnot really gzip")
    (pages / "empty.txt").write_bytes(b"")
    code, _, err = run(str(pages), str(tmp_path / "missing.html"), "-o", str(tmp_path / "out"))
    assert code == 1
    lines = err.strip().splitlines()
    assert f"{pages / 'broken.html.gz'}: error: is a damaged gzip file" in err
    assert f"{pages / 'empty.txt'}: error: is empty" in err
    assert f"{tmp_path / 'missing.html'}: error: no such file or directory" in err
    assert "Traceback" not in err
    assert lines[-1] == f"clean-article: 3 cleaned into {tmp_path / 'out'}, 3 failed"
    assert (tmp_path / "out" / "seed.json").is_file()
    assert not (tmp_path / "out" / "broken.json").exists()


def test_check_passes_then_fails_with_a_diff(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "goldens"
    assert run(str(pages), "-o", str(out))[0] == 0
    code, stdout, err = run(str(pages), "-o", str(out), "--check")
    assert (code, stdout) == (0, ""), err
    golden = out / "seed.json"
    golden.write_text(golden.read_text().replace("NATO chief", "NATO boss", 1))
    (out / "gone.json").write_text("{}\n")
    code, stdout, err = run(str(pages), "-o", str(out), "--check")
    assert code == 1
    assert '-  "title": "Mark Rutte takes over as NATO boss",' in stdout
    assert '+  "title": "Mark Rutte takes over as NATO chief",' in stdout
    assert "gone.json (no input: orphaned)" in stdout
    assert "2 differ" in err
    assert "NATO boss" in golden.read_text(), "--check writes nothing"


def test_check_reports_a_missing_golden(pages: Path, tmp_path: Path) -> None:
    code, stdout, _ = run(
        str(pages / "seed.txt"), "-o", str(tmp_path / "empty"), "--check", "-f", "md"
    )
    assert code == 1
    assert "seed.md (golden, missing)" in stdout
    assert not (tmp_path / "empty").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--check", "x"], "add -o DIR"),
        (["-f", "xml", "x"], "Invalid value for '-f'"),
        (["-j", "0", "x"], "Invalid value for '-j'"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert message in err


def test_empty_piped_stdin_is_a_failed_input() -> None:
    result = CliRunner().invoke(main, [], input=b"")
    assert result.exit_code == 1
    assert "stdin: error: is empty" in result.stderr


def test_explain_prints_verdicts_to_stderr() -> None:
    code, out, err = run(str(SEED), "--explain")
    assert code == 0
    assert json.loads(out)
    assert err.startswith(f"== {SEED}\n")
    assert "KEEP paragraph" in err and "DROP" in err and "META" in err


def test_every_option_has_help() -> None:
    for param in main.params:
        if isinstance(param, click.Option):
            assert param.help, f"{param.name} has no help"


def test_real_subprocess_pipeline(seed_bytes: bytes) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "clean_article", "-", "-f", "md"],
        input=seed_bytes,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().startswith('---\ntitle: "Mark Rutte takes over as NATO chief"\n')
    assert done.stderr == b""


def test_readme_documents_every_option() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for param in main.params:
        if isinstance(param, click.Option):
            assert f"`{param.opts[0]}" in readme or f"`{param.opts[-1]}" in readme, param.opts


def test_unwritable_output_is_a_failed_input_not_a_traceback(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").write_text("a file where an output folder should be")
    code, _, err = run(str(pages), "-o", str(out))
    assert code == 1
    assert "error: cannot write" in err and "-o names a writable directory" in err
    assert "Traceback" not in err
    assert (out / "seed.json").is_file()


def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("x")
    code, _, err = run(str(SEED), "-o", str(blocker))
    assert code == 2
    assert "is a file" in err


def test_special_file_is_refused_with_a_remedy(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(str(fifo), str(SEED), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{fifo}: error: not a regular file or directory" in err
    assert (tmp_path / "out" / "000_b7d73b270facf521.json").is_file()


def test_progress_bar_on_a_terminal_leaves_stdout_to_the_data(pages: Path) -> None:
    """With stderr on a terminal the bar is drawn there, and stdout still carries only JSON Lines."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        try:
            while chunk := os.read(master, 65536):
                chunks.append(chunk)
        except OSError:
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    (pages / "broken.html.gz").write_bytes(b"\x1f\x8bbroken")
    done = subprocess.run(
        [sys.executable, "-m", "clean_article", str(pages), "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    os.close(slave)
    reader.join(5)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert done.returncode == 1
    assert [r["source"]["name"] for r in records] == ["seed.txt", "plain.html", "story.html.gz"]
    assert "cleaning" in terminal and "/4" in terminal, "the bar counts the four inputs"
    assert "broken.html.gz: error: is a damaged gzip file" in terminal


def test_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    """`clean-article dir | head -c 10` must not print a traceback when head goes away."""
    for n in range(30):
        shutil.copy(SEED, tmp_path / f"{n:02}.txt")
    proc = subprocess.Popen(
        [sys.executable, "-m", "clean_article", str(tmp_path), "-j", "1", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 1
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_one_file_into_a_folder_says_where_it_went(tmp_path: Path) -> None:
    code, out, err = run(str(SEED), "-o", str(tmp_path / "out"))
    assert (code, out) == (0, "")
    assert err == f"clean-article: 1 cleaned into {tmp_path / 'out'}, 0 failed\n"
    assert run(str(SEED), "-o", str(tmp_path / "out"), "-q")[2] == ""
