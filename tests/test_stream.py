"""The CLI's stream of work: input order kept, inputs read only as fast as results are taken."""

from __future__ import annotations

import io
from collections.abc import Iterator

from clean_article.batch import Result, Task
from clean_article.stream import ArchiveEnd, Outcome, RecordResult, Replay, Unit, lost_unit
from clean_article.workers import run_in_workers

ARCHIVE = Task("crawl.warc", "crawl.jsonl")


def work(unit: Unit) -> Outcome:
    if not isinstance(unit, Task):
        return unit  # skips and archive ends pass through, as run_unit lets them
    return Result(unit, unit.path.upper())


def test_results_come_in_input_order_with_pass_through_items_in_place() -> None:
    units: list[Unit] = [Task(f"p{i}", f"p{i}.json") for i in range(50)]
    units.insert(7, RecordResult(ARCHIVE, "<r>", skipped="request"))
    units.insert(30, ArchiveEnd(ARCHIVE))
    got = list(run_in_workers(units, work, lost_unit, jobs=2, timeout=None, window=2))
    labels = [r.task.path if isinstance(r, Result) else type(r).__name__ for r in got]
    expected = [u.path if isinstance(u, Task) else type(u).__name__ for u in units]
    assert labels == expected
    assert [r.output for r in got if isinstance(r, Result)][:2] == ["P0", "P1"]


def test_inputs_are_read_only_a_window_ahead_of_the_results() -> None:
    consumed: list[int] = []

    def units() -> Iterator[Unit]:
        for i in range(1_000):
            consumed.append(i)
            yield Task(f"p{i}", f"p{i}.json")

    results = run_in_workers(units(), work, lost_unit, jobs=2, timeout=None, window=3)
    first = next(results)
    # At most `window` tasks in flight or waiting for their turn, not 1,000.
    assert len(consumed) <= 3 + 1
    assert isinstance(first, Result) and first.task.path == "p0"
    assert sum(1 for _ in results) == 999


def test_replay_serves_the_sniffed_head_then_the_rest() -> None:
    data = bytes(range(256)) * 4
    for size in (1, 7, 100, 512, 2000):
        stream = Replay(data[:100], io.BytesIO(data[100:]))
        parts = []
        while chunk := stream.read(size):
            parts.append(chunk)
            assert len(chunk) <= size
        assert b"".join(parts) == data
    assert Replay(data[:10], io.BytesIO(data[10:])).read() == data
    assert Replay(data, None).read(-1) == data
