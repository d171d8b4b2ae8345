"""How many threads the process's BLAS (numpy's OpenBLAS) may use: one by default.

Why: the index's exact search is one BLAS product per batch of queries (`VectorIndex.query`).
With several searches in flight, a multi-threaded BLAS runs every product on every core at
once and its threads spin against each other: about 10 searches/s at 100k x 384 rows with 32
calls in flight, where one thread per product serves them side by side
(bench/results/load.md). Concurrency comes from the request threads and the index's
micro-batches instead.

The limit is process-wide (OpenBLAS keeps one setting for all threads), so it is set once at
server start and kept for the process's lifetime; threadpoolctl finds the loaded BLAS
libraries and calls their own setter.
"""

from __future__ import annotations

import logging

from threadpoolctl import threadpool_info, threadpool_limits

log = logging.getLogger(__name__)

_limits: list[threadpool_limits] = []  # kept: the object restores the old limit only when asked


def limit_blas_threads(threads: int) -> int:
    """Let every BLAS library loaded in the process use at most `threads` threads (0: leave
    their defaults). Idempotent; later calls replace the limit.

    Returns: the largest thread count a loaded BLAS library reports afterwards (0: none loaded).
    Raises: ValueError: threads < 0.
    """
    if threads < 0:
        raise ValueError(f"threads must be >= 0, got {threads}")
    import numpy  # noqa: F401 - loads numpy's BLAS, so threadpoolctl can find it

    if threads:
        _limits.append(threadpool_limits(threads, user_api="blas"))
    counts = [info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas"]
    log.debug("BLAS threads: %s", counts)
    return max(counts, default=0)
