"""Whole-process speed: the `clean-article` command beside trafilatura's own CLI, one run.

Both commands read the same gunzipped pages from a temporary folder and write their outputs to
another; each configuration runs --repeat times and the median wall time is reported.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clean_article.bench.common import DEFAULT_BENCH_DIR, load_gold, read_page, table


def _clean_article_cmd() -> list[str]:
    found = shutil.which("clean-article")
    return [found] if found else [sys.executable, "-m", "clean_article"]


def _trafilatura_cmd() -> list[str] | None:
    found = shutil.which("trafilatura")
    return [found] if found else None


def _timed(cmd: list[str], repeat: int, stdin_file: Path | None = None) -> float:
    """Return the median wall time of `cmd` over `repeat` runs (its output is thrown away)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        with open(stdin_file or "/dev/null", "rb") as stdin:
            subprocess.run(
                cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
            )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clean_article.bench speed", description=__doc__
    )
    parser.add_argument("bench_dir", nargs="?", default=DEFAULT_BENCH_DIR, type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration (median)")
    parser.add_argument("--renderer", default="lynx", help="text dumps timed for the text path")
    args = parser.parse_args(argv)
    ids = sorted(load_gold(args.bench_dir))[: args.limit or None]
    ours, theirs = _clean_article_cmd(), _trafilatura_cmd()
    with tempfile.TemporaryDirectory(prefix="ca-speed-") as tmp:
        root = Path(tmp)
        html_dir, text_dir = root / "html", root / "text"
        html_dir.mkdir()
        text_dir.mkdir()
        for page_id in ids:
            (html_dir / f"{page_id}.html").write_bytes(read_page(args.bench_dir, page_id))
            dump = args.bench_dir / "textdumps" / args.renderer / f"{page_id}.txt"
            if dump.is_file():
                shutil.copyfile(dump, text_dir / f"{page_id}.txt")
        one_page = html_dir / f"{ids[0]}.html"
        rows: list[list[object]] = []

        def row(
            label: str, n: int, mine: list[str], peer: list[str] | None, stdin: Path | None = None
        ) -> None:
            a = _timed(mine, args.repeat, stdin)
            b = _timed(peer, args.repeat, stdin) if peer else None
            rows.append(
                [
                    label,
                    n,
                    a,
                    n / a,
                    b if b is not None else "-",
                    n / b if b else "-",
                    f"{b / a:.2f}x" if b else "-",
                ]
            )

        out = root / "out"
        peer_batch = theirs or []
        row(
            "HTML batch, all cores",
            len(ids),
            [*ours, str(html_dir), "-o", str(out / "a"), "-q"],
            [
                *peer_batch,
                "--input-dir",
                str(html_dir),
                "-o",
                str(out / "b"),
                "--json",
                "--with-metadata",
                "--no-comments",
            ]
            if theirs
            else None,
        )
        row(
            "HTML batch, one process",
            len(ids),
            [*ours, str(html_dir), "-o", str(out / "c"), "-q", "-j", "1"],
            [
                *peer_batch,
                "--input-dir",
                str(html_dir),
                "-o",
                str(out / "d"),
                "--json",
                "--with-metadata",
                "--no-comments",
                "--parallel",
                "1",
            ]
            if theirs
            else None,
        )
        row(
            "one page on stdin (start-up)",
            1,
            [*ours, "-", "-q"],
            [*peer_batch, "--json", "--with-metadata", "--no-comments"] if theirs else None,
            one_page,
        )
        n_text = len(list(text_dir.iterdir()))
        row(
            f"text dumps ({args.renderer}), all cores",
            n_text,
            [*ours, str(text_dir), "-o", str(out / "e"), "-q"],
            None,
        )
    print(
        f"Whole-process wall time, median of {args.repeat} runs; peer = trafilatura CLI "
        "(--json --with-metadata --no-comments)"
    )
    print(
        table(
            ["job", "pages", "clean-article s", "pages/s", "trafilatura s", "pages/s", "speed-up"],
            rows,
        )
    )
    return 0
