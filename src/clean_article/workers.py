"""Run batch tasks with a time limit each: in this process, or in worker processes that are
killed and replaced when a task overruns, so one stuck page never stalls a batch."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# A worker gets this much longer than the soft limit (which it enforces itself, between Python
# steps) before it is killed: a C call (a parse, a regex) cannot be interrupted from inside.
HARD_LIMIT_GRACE = 5.0

T = TypeVar("T")
R = TypeVar("R")


class TimeLimitExceeded(BaseException):
    """Raised inside a task that ran past its time limit.

    A BaseException, so that the `except Exception` of libraries (trafilatura has several)
    cannot swallow it.
    """


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block after `seconds` (no limit: None, 0, or not the main thread)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_in_workers(
    tasks: Iterable[T],
    work: Callable[[T], R],
    on_lost: Callable[[T, str], R],
    *,
    jobs: int,
    timeout: float | None,
    window: int | None = None,
    grace: float = HARD_LIMIT_GRACE,
) -> Iterator[R]:
    """Yield `work(task)` for each task in input order, computed by `jobs` worker processes.

    Tasks are drawn only while fewer than `window` (default 4 x jobs) are in flight or waiting
    for their turn, so a long or endless stream of tasks (archive records) stays in flat memory.
    A worker that has not answered `timeout` + `grace` seconds after it got its task, or that
    died, is replaced; its task yields `on_lost(task, why)` and the batch goes on.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    window = max(window or 4 * jobs, jobs)
    source = enumerate(tasks)
    workers = [_Worker(context, work) for _ in range(jobs)]
    done: dict[int, R] = {}
    next_index = drawn = 0
    exhausted = False
    try:
        while True:
            for worker in workers:
                if worker.index is None and not exhausted and drawn - next_index < window:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                    else:
                        worker.give(*item, timeout and timeout + grace)
                        drawn += 1
            busy = [w for w in workers if w.index is not None]
            if busy:
                _collect(busy, done, on_lost, timeout)
            for i, worker in enumerate(workers):
                if not worker.process.is_alive() and worker.index is None:
                    workers[i] = _Worker(context, work)
            while next_index in done:
                yield done.pop(next_index)
                next_index += 1
            if exhausted and not busy and next_index == drawn:
                return
    finally:
        for worker in workers:
            worker.stop()


def _collect(
    busy: list[_Worker],
    done: dict[int, R],
    on_lost: Callable[[Any, str], R],
    timeout: float | None,
) -> None:
    from multiprocessing.connection import wait

    deadlines = [w.deadline for w in busy if w.deadline is not None]
    wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
    ready = wait([w.connection for w in busy], timeout=wait_for)
    for worker in busy:
        index, task = worker.index, worker.task
        assert index is not None
        if worker.connection in ready:
            try:
                done[index] = worker.connection.recv()
                worker.index = worker.deadline = worker.task = None
                continue
            except (EOFError, OSError):
                worker.process.join(1)  # reaped, so that its exit code is known
                why = f"its worker process died (exit code {worker.process.exitcode})"
        elif worker.deadline is not None and time.monotonic() >= worker.deadline:
            why = f"took longer than {timeout:g} s to clean"
        else:
            continue
        worker.stop()  # a new worker takes its place at the next turn
        worker.index = worker.deadline = worker.task = None
        done[index] = on_lost(task, why)


class _Worker:
    """One worker process fed one task at a time through a pipe."""

    def __init__(self, context: Any, work: Callable[[Any], Any]) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, work), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None
        self.task: Any = None
        self.deadline: float | None = None

    def give(self, index: int, task: Any, limit: float | None) -> None:
        self.index, self.task = index, task
        self.deadline = time.monotonic() + limit if limit else None
        self.connection.send(task)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _serve(connection: Connection, work: Callable[[Any], Any]) -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(work(task))
