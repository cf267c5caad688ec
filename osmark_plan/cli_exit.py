"""The ``osmark`` command's entry point: :func:`osmark_plan.cli.main`, then a quick exit."""

from __future__ import annotations

import os
import sys

from .cli import main


def console() -> None:
    """The ``osmark`` command: :func:`main`, then a quick exit.

    Once the outputs are written, the exit handlers have run and the standard streams are
    flushed, the interpreter's teardown (freeing a big floor's objects one by one: 0.1-0.3 s)
    is skipped with ``os._exit``, as mypy's fast exit does. Where another thread is still
    running, the exit is the usual one."""
    code = main()
    import atexit
    import threading

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or any(t is not threading.main_thread() and not t.daemon
                                        for t in threading.enumerate()):
        sys.exit(code)
    run_exit_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - a closed pipe: the code still tells
        pass
    os._exit(code)
