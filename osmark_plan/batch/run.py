"""Spread floor tasks over worker processes, or over a Dask cluster, with a progress bar.

Locally, where the platform can fork: one forked process per floor (``forked.py``), so a
floor that runs past its time limit is stopped without stopping the batch; elsewhere a
ProcessPoolExecutor, each worker warming its imports once in the initializer. With a scheduler address: the same
tasks through ``distributed.Client(address).get_executor()``, the standard
``concurrent.futures`` interface; dask is imported only then. Results come back in task order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

from .forked import can_fork, run_forked
from .threads import single_thread_env
from .worker import UNREADABLE, FloorResult, FloorTask, check_floor, warm


#: how long to wait for a Dask scheduler to answer
SCHEDULER_TIMEOUT = "10s"


class SchedulerError(Exception):
    """The Dask scheduler cannot be used (dask missing, address unreachable)."""


def default_jobs() -> int:
    return os.cpu_count() or 1


def biggest_first(tasks: Sequence[FloorTask]) -> list[int]:
    """Task indices, biggest drawing first, so a big floor does not start last and run alone."""
    def size(i: int) -> int:
        try:
            return os.path.getsize(tasks[i].path)
        except OSError:
            return 0

    return sorted(range(len(tasks)), key=lambda i: (-size(i), i))


@contextmanager
def local_pool(jobs: int, images: bool) -> Iterator[Executor]:
    single_thread_env()  # for workers started fresh; forked ones are told in warm()
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods
    if fork:
        gc.freeze()  # forked workers then do not copy the parent's pages when they collect
    try:
        context = multiprocessing.get_context("fork" if fork else None)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=warm,
                                 initargs=(images,)) as pool:
            yield pool
    finally:
        if fork:
            gc.unfreeze()


@contextmanager
def dask_pool(address: str, images: bool) -> Iterator[Executor]:
    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError("--scheduler needs dask: pip install 'osmark-plan[dask]'") from None
    try:
        client = Client(address, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler {address}: {exc}") from None
    try:
        client.run(warm, images, False)  # Dask sets its workers' BLAS threads itself
        yield client.get_executor()
    finally:
        client.close()


def _crashed(task: FloorTask, exc: BaseException) -> FloorResult:
    return FloorResult(path=task.path, status="failed", exit=UNREADABLE,
                       reason=f"{task.path}: the worker checking it failed: {type(exc).__name__}: {exc}")


@contextmanager
def progress_bar(total: int, show: bool, label: str) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr when ``show``; yields a function advancing it by one."""
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TimeRemainingColumn())
    # no refresh thread: floors are forked from this process, and forking with threads running
    # is unsafe
    with Progress(*columns, console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task(label, total=total)

        def advance() -> None:
            bar.advance(task)
            bar.refresh()

        yield advance


def show_progress(quiet: bool) -> bool:
    """A bar only on a terminal, and not with --quiet."""
    return not quiet and sys.stderr.isatty()


def run_tasks(tasks: Sequence[FloorTask], jobs: int | None = None, scheduler: str | None = None,
              images: bool = True, progress: bool = False, label: str = "floors") -> list[FloorResult]:
    """Check every task; results in task order. A crashed worker gives a failed result."""
    if not tasks:
        return []
    jobs = max(1, jobs or default_jobs())
    results: list[FloorResult | None] = [None] * len(tasks)
    if scheduler is None and can_fork():
        single_thread_env()
        warm(images, single_thread=False)  # imported once here, shared by every forked floor
        gc.freeze()
        try:
            with progress_bar(len(tasks), progress, label) as advance:
                return run_forked(tasks, biggest_first(tasks), min(jobs, len(tasks)), advance)
        finally:
            gc.unfreeze()
    if scheduler is None and (jobs == 1 or len(tasks) == 1):
        with progress_bar(len(tasks), progress, label) as advance:
            for i, task in enumerate(tasks):
                results[i] = check_floor(task)
                advance()
        return [r for r in results if r is not None]
    pool = dask_pool(scheduler, images) if scheduler else local_pool(min(jobs, len(tasks)), images)
    with pool as executor:
        futures: dict[Future, int] = {executor.submit(check_floor, tasks[i]): i for i in biggest_first(tasks)}
        try:
            with progress_bar(len(tasks), progress, label) as advance:
                for future in as_completed(futures):
                    i = futures[future]
                    try:
                        results[i] = future.result()
                    except Exception as exc:  # noqa: BLE001 - a killed worker fails its floor only
                        results[i] = _crashed(tasks[i], exc)
                    advance()
        except BaseException:  # Ctrl-C: do not start the floors still waiting
            for future in futures:
                future.cancel()
            raise
    return [r for r in results if r is not None]
