"""Benchmarks: `python -m clean_article.bench {html,text,meta,dates,speed,hostile,memory} [BENCH_DIR] [options]`."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "html": "body F1 on the HTML pages, side by side with trafilatura (and readability if installed)",
    "text": "body F1 on the text dumps per renderer, side by side with reference filters",
    "meta": "metadata accuracy per field, side by side with trafilatura",
    "dates": "published-date accuracy per fold, side by side with trafilatura and htmldate",
    "modern": "body F1 and page_type accuracy per page type and fold on modern/ (--fit: refit)",
    "speed": "whole-process wall time of the CLI, side by side with trafilatura's CLI",
    "hostile": "a generated batch of hostile inputs: wall time, peak memory, outcome per file",
    "memory": "peak memory of the CLI over 1,000 and 10,000 inputs and over a ~1 GB archive",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(
            "usage: python -m clean_article.bench {" + ",".join(COMMANDS) + "} [BENCH_DIR] [...]",
            file=sys.stderr,
        )
        for name, what in COMMANDS.items():
            print(f"  {name:<6} {what}", file=sys.stderr)
        return 2
    module = importlib.import_module(f"clean_article.bench.{argv[0]}")
    try:
        result: int = module.main(argv[1:])
    except FileNotFoundError as exc:
        print(
            f"error: {exc.filename} not found: pass the bench folder as BENCH_DIR", file=sys.stderr
        )
        return 2
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
