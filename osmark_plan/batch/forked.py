"""One forked process per floor, at most ``jobs`` at a time, each with a hard time limit.

Where the platform can fork, a batch checks each floor in a child process of its own, forked
from a parent that has imported everything once. A floor that runs past its time limit (its
own ``[limits] seconds``, plus a grace for the floor to stop itself) is terminated and reported
as failed; the batch goes on and writes its summary. An interrupted batch (Ctrl-C, SIGTERM)
terminates its children, removes their unfinished outputs and raises on.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Sequence

from ..limits import TimeLimitExceeded
from .worker import UNREADABLE, FloorResult, FloorTask, check_floor

#: seconds a floor may run past its time limit (to stop itself cleanly) before it is killed
GRACE = 5.0
#: seconds a terminated child has to end before it is killed
TERM_WAIT = 2.0


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _child(task: FloorTask, conn: Connection) -> None:
    """In the child: check the floor, send the result, end without running the parent's
    exit handlers (an interrupted child ends quietly; its temporaries are removed on the way)."""
    code = 0
    try:
        from .threads import limit_blas_threads

        limit_blas_threads(1)
        conn.send(check_floor(task))
    except BaseException:  # noqa: BLE001 - interrupted or broken: the parent reports the floor
        from ..output import cleanup_pending

        cleanup_pending()
        code = 1
    finally:
        conn.close()
    os._exit(code)


def hard_limit(task: FloorTask) -> float | None:
    """Seconds after which a floor's process is terminated (None: no limit)."""
    seconds = task.config.limits.seconds
    return seconds + GRACE + 0.1 * seconds if seconds and seconds > 0 else None


def remove_temporaries(task: FloorTask) -> None:
    """Temporary files a killed child left beside the floor's outputs."""
    for target in (task.report, task.image):
        if not target:
            continue
        t = Path(target)
        if t.parent.is_dir():
            for tmp in t.parent.glob(f".{t.name}.*.tmp*"):
                try:
                    tmp.unlink()
                except OSError:
                    pass


def _stop(proc: multiprocessing.process.BaseProcess) -> None:
    if proc.is_alive():
        proc.terminate()
        proc.join(TERM_WAIT)
    if proc.is_alive():
        proc.kill()
    proc.join()


def _timed_out(task: FloorTask, seconds: float) -> FloorResult:
    return FloorResult(path=task.path, status="failed", exit=UNREADABLE,
                       reason=TimeLimitExceeded(task.config.limits.seconds, task.path).text(task.lang),
                       seconds=seconds)


def _crashed(task: FloorTask, exitcode: int | None) -> FloorResult:
    if task.lang == "ja":
        reason = f"{task.path}: 検査していたプロセスが異常終了しました（終了コード {exitcode}）"
    else:
        reason = f"{task.path}: the process checking it ended abnormally (exit code {exitcode})"
    return FloorResult(path=task.path, status="failed", exit=UNREADABLE, reason=reason)


def run_forked(tasks: Sequence[FloorTask], order: list[int], jobs: int,
               advance: Callable[[], None]) -> list[FloorResult]:
    """Check every task in its own forked process, ``jobs`` at a time; results in task order."""
    context = multiprocessing.get_context("fork")
    results: list[FloorResult | None] = [None] * len(tasks)
    waiting = list(order)
    running: dict[int, tuple[multiprocessing.process.BaseProcess, Connection, float]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                i = waiting.pop(0)
                recv, send = context.Pipe(duplex=False)
                proc = context.Process(target=_child, args=(tasks[i], send), daemon=True)
                proc.start()
                send.close()
                running[i] = (proc, recv, time.monotonic())
            ready = set(wait([c for _p, c, _t in running.values()], timeout=0.25))
            now = time.monotonic()
            for i, (proc, conn, start) in list(running.items()):
                limit = hard_limit(tasks[i])
                if conn in ready:
                    try:
                        results[i] = conn.recv()
                    except (EOFError, OSError):
                        proc.join()
                        remove_temporaries(tasks[i])
                        results[i] = _crashed(tasks[i], proc.exitcode)
                elif limit is not None and now - start > limit:
                    _stop(proc)
                    remove_temporaries(tasks[i])
                    results[i] = _timed_out(tasks[i], now - start)
                else:
                    continue
                conn.close()
                proc.join()
                del running[i]
                advance()
    except BaseException:  # interrupted: stop the children, leave no half-written output
        for i, (proc, conn, _start) in running.items():
            _stop(proc)
            conn.close()
            remove_temporaries(tasks[i])
        raise
    return [r for r in results if r is not None]


__all__ = ["GRACE", "can_fork", "hard_limit", "remove_temporaries", "run_forked"]
