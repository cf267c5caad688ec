"""The ``osmark`` command's entry point: :func:`osmark_plan.cli.main`, then a quick exit."""

from __future__ import annotations

import os
import signal
import sys


def _early(signum: int, frame: object) -> None:
    """A signal while the command is still starting: the message and exit code of
    :mod:`.cli_signals`, not a KeyboardInterrupt traceback from the middle of an import."""
    try:
        from .cli_signals import Interrupted, lang_of

        text = Interrupted(signum).text(lang_of(sys.argv[1:]))
    except BaseException:  # noqa: BLE001 - caught in the middle of that very import
        text = f"osmark: interrupted ({signum})"
    try:
        os.write(2, (text + "\n").encode("utf-8", "replace"))
    finally:
        os._exit(128 + int(signum))


def early_signals() -> None:
    """Until ``main`` installs its handlers (its imports take 0.1 s), Ctrl-C, SIGTERM and SIGHUP
    end the command cleanly too. A signal it was started with ignored (``nohup``) stays so."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        try:
            if sig is not None and signal.getsignal(sig) is not signal.SIG_IGN:
                signal.signal(sig, _early)
        except (OSError, ValueError):  # pragma: no cover - not the main thread
            pass


early_signals()  # first thing: this module is the command's entry point
from .cli import main  # noqa: E402


def console() -> None:
    """The ``osmark`` command: :func:`main`, then a quick exit.

    Once the outputs are written, the exit handlers have run and the standard streams are
    flushed, the interpreter's teardown (freeing a big floor's objects one by one: 0.1-0.3 s)
    is skipped with ``os._exit``, as mypy's fast exit does. Where another thread is still
    running, or a profiler or tracer watches (``python -m cProfile -m osmark_plan``), the exit is
    the usual one."""
    code = main()
    import atexit
    import threading

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if (run_exit_handlers is None or sys.getprofile() is not None or sys.gettrace() is not None
            or any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate())):
        sys.exit(code)  # (a profiler or tracer writes its figures after this returns)
    run_exit_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - a closed pipe: the code still tells
        pass
    os._exit(code)
