"""One BLAS thread per worker: parallel floors must not each start a thread per core.

numpy's OpenBLAS starts a thread per core in every process; with one worker per core the
workers' threads fight for the same cores (a floor's image then takes 2-3 times as long).
Workers started fresh (spawn, forkserver, Dask) read the environment variables set by
:func:`single_thread_env`; forked workers inherit a loaded OpenBLAS, so
:func:`limit_blas_threads` tells it directly, the way threadpoolctl does.
"""

from __future__ import annotations

import ctypes
import os
import sys

ENV_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
            # the PNG writer's compression threads (report/image/png.py): floors run side by side
            # already, one compression thread each
            "OSMARK_IMAGE_THREADS")
#: OpenBLAS entry points, by build (plain, 64-bit-int, scipy-openblas wheels)
SETTERS = ("openblas_set_num_threads", "openblas_set_num_threads64_",
           "scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads")


def single_thread_env() -> None:
    """Ask processes started from here for one BLAS thread (a user's own setting wins)."""
    for var in ENV_VARS:
        os.environ.setdefault(var, "1")


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries loaded in this process (Linux; empty elsewhere)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            paths = {line.split()[-1] for line in fh if "openblas" in line.lower()}
    except OSError:
        return []
    return sorted(p for p in paths if p.startswith("/"))


def limit_blas_threads(n: int = 1) -> int:
    """Set the thread count of every loaded OpenBLAS to ``n`` (or $OPENBLAS_NUM_THREADS);
    how many libraries were set."""
    value = os.environ.get("OPENBLAS_NUM_THREADS", "")
    n = int(value) if value.isdigit() and int(value) > 0 else n
    if "numpy" not in sys.modules:
        single_thread_env()  # not loaded yet: the environment is enough
        return 0
    done = 0
    for path in _loaded_openblas():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(ctypes.c_int(n))
                done += 1
                break
    return done
