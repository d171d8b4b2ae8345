"""numpy's BLAS threads: one for a single search, all cores for a batch.

A single search is a memory-bound matrix-vector product: a second BLAS thread barely speeds
it up, while waking BLAS threads that slept between requests costs milliseconds and takes
the core the gRPC threads need. A batch of queries is a matrix-matrix product, which does
use every core. `engram serve` calls `use_one_thread()` at start; `BatchSearch` runs inside
`all_threads()`. The thread count is process-wide state of the BLAS library, hence this one
module-level controller; a counter keeps overlapping batches from restoring it too early.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import ThreadpoolController

_lock = threading.Lock()
_batches = 0
_narrow: int | None = None  # None: the library's default is left alone
_controller: ThreadpoolController | None = None


def _set(threads: int) -> None:
    global _controller
    if _controller is None:
        _controller = ThreadpoolController().select(user_api="blas")
    for library in _controller.lib_controllers:
        library.set_num_threads(threads)


def use_one_thread() -> None:
    """Single searches use one BLAS thread from now on (process-wide)."""
    global _narrow
    with _lock:
        _narrow = 1
        if _batches == 0:
            _set(1)


@contextmanager
def all_threads() -> Iterator[None]:
    """Every core for BLAS while the block runs (a batch of queries), then back to one."""
    global _batches
    with _lock:
        _batches += 1
        if _batches == 1 and _narrow is not None:
            _set(os.cpu_count() or 1)
    try:
        yield
    finally:
        with _lock:
            _batches -= 1
            if _batches == 0 and _narrow is not None:
                _set(_narrow)
