"""A batch of hostile inputs through the CLI: wall time, peak memory, exit code, outcome per file.

`python -m clean_article.bench hostile [--jobs N] [--keep DIR]` builds every case in a temporary
folder (nothing is downloaded), runs `clean-article DIR -o OUT -j N`, samples the resident memory
of the whole process tree, and prints one line per input: cleaned (with its block count) or the
error line the CLI gave. No BENCH_DIR is needed.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

ARTICLE = (
    "<article><p>The council approved the new budget for schools after a long debate.</p></article>"
)
LEGACY = {
    "cp1252": "Le gouvernement français a annoncé une réforme « économique » très attendue.",
    "cp1251": "Правительство России приняло новое постановление о поддержке малого бизнеса.",
    "koi8_r": "Правительство России приняло новое постановление о поддержке малого бизнеса.",
    "shift_jis": "日本政府は新しい経済対策を発表しました。東京の株式市場は朝から上昇しました。",
    "euc_kr": "한국 정부는 새로운 경제 정책을 발표했습니다. 서울 증시는 오전부터 상승했습니다.",
    "gbk": "中国政府宣布了新的经济政策。上海股市早盘上涨，人民币汇率也保持稳定。",
    "iso8859_2": "Rząd Polski ogłosił nowe przepisy dotyczące źródeł energii i ścieków w miastach.",
}


def _page(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}<title>Hostile</title></head><body>{body}</body></html>".encode()


def _random(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _bomb(unpacked_mib: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    return b"".join([*(packer.compress(chunk) for _ in range(unpacked_mib)), packer.flush()])


def _legacy(codec: str, page: bool, declared: bool) -> bytes:
    text = LEGACY[codec]
    if not page:
        return f"{text[:20]}\n\n{text}\n\n{text[::-1]}\n".encode(codec)
    meta = f'<meta charset="{codec}">' if declared else ""
    return (
        f"<html><head>{meta}<title>{text[:20]}</title></head><body><article><h1>{text[:20]}</h1>"
        f"<p>{text}</p><p>{text}</p></article></body></html>"
    ).encode(codec)


CASES: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "whitespace.txt": lambda: b" \n\t\r\n  \n",
    "image.png": lambda: b"\x89PNG\r\n\x1a\n" + _random(3000, 2),
    "document.pdf": lambda: b"%PDF-1.7\n" + _random(4000, 3),
    "random.bin": lambda: _random(20_000, 1),
    "truncated.html.gz": lambda: gzip.compress(_page(ARTICLE) * 50)[:40],
    "bomb.html.gz": lambda: _bomb(200),
    "utf16-bom.html": lambda: _page(ARTICLE).decode().encode("utf-16"),
    "declared-utf8-really-cp1252.html": lambda: (
        _page(
            "<p>Le conseil a approuvé le budget des écoles après un long débat.</p>",
            '<meta charset="utf-8">',
        )
        .decode()
        .encode("cp1252")
    ),
    "invalid-utf8.html": lambda: _page(ARTICLE.replace("budget", "budget – 日本語の予算")).replace(
        b"\xe6\x97\xa5", b"\xe6\x97"
    ),
    "nul-bytes.html": lambda: _page(ARTICLE).replace(b"council", b"coun\x00cil"),
    "50mb.txt": lambda: b"A line of a very large text file.\n" * ((50 << 20) // 34),
    "5mb-line.txt": lambda: b"word " * 1_000_000,
    "5mb-line-page.html": lambda: _page("<p>" + "word " * 1_000_000 + "</p>"),
    "nested-100000.html": lambda: _page("<div>" * 100_000 + "deep" + "</div>" * 100_000),
    "siblings-300000.html": lambda: _page("<span>x</span>" * 300_000),
    "unclosed.html": lambda: b"<html><body><p>one<p>two<div><span><a href='x'>three" * 200,
    "spaces.txt": lambda: b"Title\n\nA" + b" " * 2_000_000 + b"b.\n",
    "dots.txt": lambda: b"Title\n\n" + b"." * 2_000_000 + b"\n",
    "dashes.txt": lambda: b"Title\n\n" + b"-" * 2_000_000 + b"\n",
    "repeated-a.txt": lambda: b"Title\n\n" + b"a " * 500_000 + b"\n",
    "clash/story.html": lambda: _page(ARTICLE),
    "clash/story.txt": lambda: b"Story\n\nThe council approved the new budget for schools.\n",
}
for _codec in LEGACY:
    for _page_kind in (True, False):
        for _declared in (True, False) if _page_kind else (False,):
            _name = f"legacy/{_codec}-{'page' if _page_kind else 'dump'}"
            _name += ("-declared" if _declared else "") + (".html" if _page_kind else ".txt")
            CASES[_name] = partial(_legacy, _codec, _page_kind, _declared)


def build(root: Path) -> int:
    """Write every case under `root`, plus a symlink loop; return the number of inputs."""
    for name, make in CASES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
    (root / "loop-a").symlink_to(root / "loop-b")
    (root / "loop-b").symlink_to(root / "loop-a")
    return len(CASES) + 2


def _tree_rss(pid: int) -> int:
    """Return the resident memory in bytes of `pid` and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for member in tree:
        with contextlib.suppress(OSError):  # a process that just ended
            pages = int(Path(f"/proc/{member}/statm").read_text().split()[1])
            total += pages * os.sysconf("SC_PAGE_SIZE")
    return total


def run(root: Path, out: Path, jobs: int) -> tuple[float, int, int, str]:
    """Run the CLI on `root`; return wall seconds, peak tree RSS in bytes, exit code, stderr."""
    cmd = [sys.executable, "-m", "clean_article", str(root), "-o", str(out), "-j", str(jobs), "-q"]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL
        )
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - started
        err.seek(0)
        return wall, peak, proc.returncode, err.read().decode("utf-8", "replace")


def outcomes(root: Path, out: Path, stderr: str) -> list[tuple[str, str]]:
    """Return (input, outcome) for every input: its error line's reason, or what was written."""
    errors = {}
    for line in stderr.splitlines():
        where, sep, reason = line.partition(": error: ")
        if sep:
            errors[os.path.relpath(where, root)] = reason
    rows = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink()):
        rel = str(path.relative_to(root))
        if rel in errors:
            rows.append((rel, "refused: " + errors.pop(rel)))
            continue
        written = sorted(out.glob(str(Path(rel).parent / Path(rel).name.split(".")[0]) + ".json"))
        if written:
            doc = json.loads(written[0].read_text())
            rows.append((rel, f"cleaned: {len(doc['blocks'])} blocks, {doc['text'][:50]!r}"))
        else:
            rows.append((rel, "MISSING: no output and no error line"))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m clean_article.bench hostile")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the batch here and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        base: Path = args.keep or Path(tmp)
        root, out = base / "in", base / "out"
        root.mkdir(parents=True)
        count = build(root)
        wall, peak, code, stderr = run(root, out, args.jobs)
        rows = outcomes(root, out, stderr)
    width = max(len(name) for name, _ in rows)
    for name, outcome in rows:
        print(f"{name:<{width}}  {outcome[:110]}")
    missing = sum(outcome.startswith("MISSING") for _, outcome in rows)
    print(
        f"\n{count} inputs, -j {args.jobs}: wall {wall:.1f} s, peak RSS {peak / (1 << 20):.0f} MiB "
        f"(whole process tree), exit code {code}, "
        f"{sum(o.startswith('cleaned') for _, o in rows)} cleaned, "
        f"{sum(o.startswith('refused') for _, o in rows)} refused, {missing} unaccounted"
    )
    return 1 if missing or "Traceback" in stderr else 0
