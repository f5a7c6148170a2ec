"""Whole-process speed: the `clean-article` command beside trafilatura's own CLI, one run.

Both commands read the same gunzipped pages from a temporary folder and write one output per
page to another. Every command runs --repeat times, round-robin (so a change in the machine's
load hits all of them alike), and the best wall time and the best CPU time (user + system of the
process and its workers) are kept. Each goal is a ratio of two commands of the same run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from clean_article.bench.common import DEFAULT_BENCH_DIR, load_gold, read_page, table

# The seed the start-up goal is measured on (a DW news article, as lynx printed it).
DEFAULT_SEED = Path("seeds/000_b7d73b270facf521.txt")
# What trafilatura's CLI is asked for: the comparable job (we extract no comments).
PEER_FLAGS = ["--json", "--with-metadata", "--no-comments"]


@dataclass(frozen=True, slots=True)
class Command:
    argv: list[str]
    stdin: Path | None = None


@dataclass(frozen=True, slots=True)
class Timing:
    wall: float  # best wall time of the whole process, seconds
    cpu: float  # best user + system time of the process and its children, seconds


@dataclass(frozen=True, slots=True)
class Goal:
    label: str
    fast: str  # the command expected to be faster ...
    slow: str  # ... than this one
    target: float  # slow / fast must reach this (or, for `at_most`, stay at or below it)
    at_most: bool = False


def _run_once(command: Command) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(command.stdin or os.devnull, "rb") as stdin:
        subprocess.run(
            command.argv,
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def measure(commands: dict[str, Command], repeat: int) -> dict[str, Timing]:
    """Run every command `repeat` times, round-robin; keep each one's best wall and CPU time."""
    runs: dict[str, list[Timing]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(_run_once(command))
    return {
        name: Timing(min(t.wall for t in got), min(t.cpu for t in got))
        for name, got in runs.items()
    }


def _clean_article_cmd() -> list[str]:
    found = shutil.which("clean-article")
    return [found] if found else [sys.executable, "-m", "clean_article"]


def _trafilatura_cmd() -> list[str] | None:
    found = shutil.which("trafilatura")
    return [found] if found else None


def _commands(root: Path, seed: Path, peer: list[str] | None) -> dict[str, Command]:
    ours = _clean_article_cmd()
    html, text, out = root / "html", root / "text", root / "out"
    commands = {
        "python -c pass": Command([sys.executable, "-c", "pass"]),
        "clean-article - < seed": Command([*ours, "-"], seed),
        "clean-article HTML -j 1": Command(
            [*ours, str(html), "-o", str(out / "a"), "-q", "-j", "1"]
        ),
        "clean-article HTML -j 2": Command(
            [*ours, str(html), "-o", str(out / "b"), "-q", "-j", "2"]
        ),
        "clean-article lynx -j 1": Command(
            [*ours, str(text), "-o", str(out / "c"), "-q", "-j", "1"]
        ),
    }
    if peer:
        commands["trafilatura HTML --parallel 1"] = Command(
            [*peer, "--input-dir", str(html), "-o", str(out / "d"), *PEER_FLAGS, "--parallel", "1"]
        )
    return commands


GOALS = (
    Goal("HTML, -j 1, vs trafilatura --parallel 1", "clean-article HTML -j 1",
         "trafilatura HTML --parallel 1", 2.0),
    Goal("HTML, -j 2 vs -j 1", "clean-article HTML -j 2", "clean-article HTML -j 1", 1.7),
    Goal("lynx dumps -j 1 vs trafilatura on the HTML --parallel 1", "clean-article lynx -j 1",
         "trafilatura HTML --parallel 1", 10.0),
    Goal("start-up: `clean-article - < seed` vs `python -c pass` (times slower)",
         "python -c pass", "clean-article - < seed", 6.0, at_most=True),
)  # fmt: skip


def _goal_rows(goals: tuple[Goal, ...], timings: dict[str, Timing]) -> list[list[object]]:
    rows: list[list[object]] = []
    for goal in goals:
        if goal.fast not in timings or goal.slow not in timings:
            rows.append([goal.label, "-", "-", "-", "-"])
            continue
        fast, slow = timings[goal.fast], timings[goal.slow]
        wall = slow.wall / fast.wall
        cpu = slow.cpu / fast.cpu if fast.cpu else float("inf")
        met = wall <= goal.target if goal.at_most else wall >= goal.target
        sign = "<=" if goal.at_most else ">="
        rows.append(
            [
                goal.label,
                f"{wall:.2f}x",
                f"{cpu:.2f}x",
                f"{sign} {goal.target:g}x",
                "yes" if met else "no",
            ]
        )
    return rows


def _prepare(bench_dir: Path, root: Path, ids: list[str], renderer: str) -> None:
    (root / "html").mkdir()
    (root / "text").mkdir()
    for page_id in ids:
        (root / "html" / f"{page_id}.html").write_bytes(read_page(bench_dir, page_id))
        dump = bench_dir / "textdumps" / renderer / f"{page_id}.txt"
        if dump.is_file():
            shutil.copyfile(dump, root / "text" / f"{page_id}.txt")


def _compile_bytecode() -> bool:
    """Write clean-article's .pyc files, as `pip install` does (trafilatura's are already there).

    An editable install run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module
    from source in every process: ~0.1 s of start-up no installed copy pays.
    """
    import compileall

    import clean_article

    return bool(compileall.compile_dir(Path(clean_article.__file__).parent, quiet=1))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clean_article.bench speed", description=__doc__
    )
    parser.add_argument("bench_dir", nargs="?", default=DEFAULT_BENCH_DIR, type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (best kept)")
    parser.add_argument("--renderer", default="lynx", help="text dumps timed for the text path")
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="dump for the start-up")
    parser.add_argument("--no-peer", action="store_true", help="do not run trafilatura")
    args = parser.parse_args(argv)
    ids = sorted(load_gold(args.bench_dir))[: args.limit or None]
    peer = None if args.no_peer else _trafilatura_cmd()
    compiled = _compile_bytecode()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="ca-speed-") as tmp:
        root = Path(tmp)
        _prepare(args.bench_dir, root, ids, args.renderer)
        seed = args.seed if args.seed.is_file() else next(iter(sorted((root / "text").iterdir())))
        timings = measure(_commands(root, seed, peer), args.repeat)
    load_after = os.getloadavg()
    print(
        f"{len(ids)} pages; best of {args.repeat} runs, round-robin; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after, on {os.cpu_count()} CPUs; "
        f"trafilatura with {' '.join(PEER_FLAGS)}; clean-article bytecode "
        f"{'compiled' if compiled else 'NOT compiled'} beforehand"
    )
    print(
        table(
            ["command", "wall s", "CPU s", "per page ms (wall)"],
            [
                [
                    name,
                    t.wall,
                    t.cpu,
                    "-" if "pass" in name or "seed" in name else t.wall / len(ids) * 1000,
                ]
                for name, t in timings.items()
            ],
        )
    )
    print()
    print(
        table(["goal", "wall ratio", "CPU ratio", "goal", "met (wall)"], _goal_rows(GOALS, timings))
    )
    return 0
