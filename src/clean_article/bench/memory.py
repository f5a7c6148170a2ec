"""Peak memory of the `clean-article` command over many inputs and over one large archive.

Builds synthetic inputs in a temporary folder (deterministic: the same flags give the same
bytes), runs the CLI on them as a separate process, and prints its wall time and peak resident
memory, polled from /proc every 50 ms: of the largest single process (its VmHWM high-water mark)
and of the whole process tree (the CLI and its workers; forked workers share pages, so this sum
overstates). Memory that stays flat from 1,000 to 10,000 inputs, and from a small archive to a
large one, shows that inputs, records and results stream instead of piling up.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clean_article.bench.common import table

WORDS = (
    "the a of and to in news city council said on monday week plan year people new market "
    "school water river road police report health team game music film book data energy price"
).split()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clean_article.bench memory", description=__doc__
    )
    parser.add_argument("--inputs", type=int, nargs="*", default=[1000, 10000], help="batch sizes")
    parser.add_argument(
        "--archive-mb", type=int, nargs="*", default=[100, 1024], help="archive sizes"
    )
    parser.add_argument(
        "--html-share",
        type=float,
        default=0.3,
        help="share of the archive's bytes in HTML page records (60 KB pages); the rest are "
        "400 KB image records, read through and skipped. 1 GB of such pages alone would be "
        "~17,000 pages, ~500 s of CPU: the share keeps the run short on a shared machine",
    )
    parser.add_argument("-j", "--jobs", type=int, default=2, help="worker processes of the CLI")
    args = parser.parse_args(argv)
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="ca-memory-") as tmp:
        root = Path(tmp)
        for count in args.inputs:
            folder = root / f"pages-{count}"
            _write_pages(folder, count)
            figures = _measure(["-o", str(root / "out"), str(folder)], args.jobs)
            rows.append([f"{count:,} small pages", *figures])
        for megabytes in args.archive_mb:
            archive = root / f"crawl-{megabytes}.warc"
            pages = _write_archive(archive, megabytes << 20, args.html_share)
            size = archive.stat().st_size / (1 << 20)
            figures = _measure([str(archive)], args.jobs)
            rows.append([f"archive {size:,.0f} MiB ({pages:,} pages)", *figures])
            archive.unlink()
    print(f"clean-article -j {args.jobs}: wall and CPU time (s), peak resident memory (MiB)")
    header = ["input", "wall s", "CPU s", "peak RSS, largest process", "peak RSS, process tree"]
    print(table(header, rows))
    return 0


def _measure(args: list[str], jobs: int) -> list[str]:
    """Run the CLI; return its wall and CPU time (s), and peak RSS (MiB) of one process and of
    the tree."""
    cmd = [sys.executable, "-m", "clean_article", "-q", "-j", str(jobs), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    largest = tree = 0
    # stderr to a file, not a pipe: a pipe nobody reads during the run could fill and block it.
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors) as proc,
    ):
        while proc.poll() is None:
            peaks = _tree_memory(proc.pid)
            largest = max([largest, *(hwm for hwm, _ in peaks)])
            tree = max(tree, sum(rss for _, rss in peaks))
            time.sleep(0.05)
        wall = time.perf_counter() - started
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace")
    if proc.returncode:
        sys.exit(f"error: {' '.join(cmd)} exited {proc.returncode}: {message[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return [f"{wall:.1f}", f"{cpu:.1f}", f"{largest / 1024:.0f}", f"{tree / 1024:.0f}"]


def _tree_memory(pid: int) -> list[tuple[int, int]]:
    """Return (peak RSS, RSS) in KiB of `pid` and of each descendant, as /proc shows them now.

    VmHWM is each process's own high-water mark, so a peak between two polls is not missed.
    """
    try:
        fields = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        )
        own = (int(fields["VmHWM"].split()[0]), int(fields["VmRSS"].split()[0]))
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (OSError, KeyError, ValueError):
        return []
    return [own, *(peak for child in children for peak in _tree_memory(int(child)))]


def _page(rng: random.Random, number: int, kib: int) -> str:
    """Return a news-like page of about `kib` KiB: navigation, an article, teasers, a footer."""

    def sentence(n: int) -> str:
        text = " ".join(rng.choice(WORDS) for _ in range(n))
        return text[0].upper() + text[1:] + "."

    nav = "".join(f"<li><a href='/s/{j}'>Section {j}</a></li>" for j in range(30))
    body: list[str] = []
    size = 0
    while size < kib * 1024:
        body.append(f"<p>{sentence(rng.randint(30, 90))} {sentence(rng.randint(10, 30))}</p>")
        size += len(body[-1])
    teasers = "".join(f"<li><a href='/r/{j}'>{sentence(8)}</a></li>" for j in range(10))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Story {number}</title></head>"
        f"<body><header><ul>{nav}</ul></header><main><article><h1>Story {number}: "
        f"{sentence(6)}</h1>{''.join(body)}</article></main><aside><ul>{teasers}</ul></aside>"
        f"<footer>© Example News</footer></body></html>"
    )


def _write_pages(folder: Path, count: int) -> None:
    rng = random.Random(count)
    for number in range(count):
        sub = folder / f"{number // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"page-{number:05d}.html").write_text(_page(rng, number, 3), encoding="utf-8")


def _write_archive(path: Path, size: int, html_share: float) -> int:
    """Write a WARC of about `size` bytes: page responses and image responses; return the pages."""
    rng = random.Random(size)
    written = pages = html_bytes = 0
    with open(path, "wb") as out:
        while written < size:
            if html_bytes <= html_share * written:
                body = _page(rng, pages, 60).encode("utf-8")
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
                pages += 1
                html_bytes += len(http)
            else:
                image = rng.randbytes(400 * 1024)
                http = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n" + image
            written += out.write(_record(http, written))
    return pages


def _record(block: bytes, offset: int) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{offset}\r\n"
        f"WARC-Date: 2024-10-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:bench-{offset}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("ascii") + block + b"\r\n\r\n"
