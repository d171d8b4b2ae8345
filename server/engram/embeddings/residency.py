"""Which namespaces' indexes are in memory: loaded on first use, the least recently used
evicted when their estimated bytes exceed ``--index-memory-budget``.

Source: the issue's "Memory budget" item; DESIGN.md "Derived indexes" (every in-memory index
is a cache rebuilt from Redis), so dropping one loses nothing and loading it again is exact.

- Loading: the first search of a namespace (or a write that needs its index, near-duplicate
  detection) starts a load on a small pool (`LOAD_WORKERS` threads); concurrent first users
  share it (one future per namespace). A caller waits at most its remaining deadline
  (`DeadlineExceeded`); the load goes on for the next caller. A load is
  `ChangeLogFollower.reload` (the namespace's state and its change-log position, read
  atomically, then followed from there) followed by `ChangeLogFollower.catch_up` (entries
  written during the load), so a load satisfies every consistency token issued before it
  finished, and a search sees every write acknowledged before its load finished.
- Writes to a namespace that is not loaded leave it unloaded: the write is in Redis, and the
  next load reads Redis (`EmbeddingStore` skips the index update).
- Residency: a namespace is resident from the end of its load until its eviction; resident
  namespaces, and only those, are followed. A search pins its namespace while it waits for
  its token and takes its index references (`pinned`): a pinned namespace is never evicted,
  and the references stay valid for the search even after a later eviction.
- Eviction: after a load, and whenever a resident namespace grows (`resized`), while the total
  is over the budget the least recently used namespace that is neither pinned nor being
  written (its namespace lock is free) is dropped: both indexes, and its following.

Bytes of a namespace (an estimate, see `namespace_bytes`): the vector index's
`VectorIndex.resident_bytes` (matrix, times, ids, metadata), the keyword index's
``KEYWORD_INDEX_BYTES`` + ``KEYWORD_BYTES_PER_RECORD`` per record, and ``NAMESPACE_OVERHEAD``.
Not counted: allocator fragmentation, the process's fixed footprint (model, libraries, gRPC
threads) and memory in flight (a load builds a namespace's indexes before the old ones, if
any, are dropped; search temporaries).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent import futures
from typing import Any

from engram.errors import Cancelled, DeadlineExceeded

log = logging.getLogger(__name__)

LOAD_WORKERS = 2  # loads at once: each is Redis-bound (HSCAN + MULTI per chunk); the server has few cores
POLL_S = 0.05  # how often a waiting caller checks whether it went away
# The keyword index's estimate (tantivy keeps its segments in RAM and reports no size):
# resident-set growth of a fresh process holding 100 indexes of 1 .. 1,000 records of ~20
# English words, and 10 of 10,000 (bench/index_bytes.py): ~2 MiB per index holding any record
# (mostly glibc malloc arenas the writer threads keep: ~420 KiB with MALLOC_ARENA_MAX=2) plus
# ~550 bytes per record. Records with blank text are counted too (over-counting them).
KEYWORD_INDEX_BYTES = 2 * 1024 * 1024
KEYWORD_BYTES_PER_RECORD = 550
# Fixed bytes of any resident namespace (an empty tantivy index is ~19 KB; registry entries,
# the follower's state), so that namespaces without vectors count too.
NAMESPACE_OVERHEAD = 20_480


def parse_bytes(value: str | int) -> int:
    """``"512M"``, ``"4G"``, ``"1.5GiB"``, ``"1000000"`` -> bytes (K, M, G, T: powers of 1024).

    Raises: ValueError on anything else, or a negative size.
    """
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"a size must be >= 0, got {value}")
        return value
    text = str(value).strip().upper().removesuffix("IB").removesuffix("B")
    scale = 1
    if text and text[-1] in "KMGT":
        scale = 1024 ** ("KMGT".index(text[-1]) + 1)
        text = text[:-1]
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"not a size: {value!r} (use bytes or a suffix K, M, G, T, e.g. 512M)") from None
    if not number >= 0 or number == float("inf"):
        raise ValueError(f"a size must be >= 0, got {value!r}")
    return int(number * scale)


class Residency:
    """Loads namespaces on first use and keeps their estimated bytes within a budget.

    Args:
        store: the `EmbeddingStore`; attached as ``store.residency``.
        follower: its `ChangeLogFollower`; attached as ``follower.residency``.
        budget: bytes; 0 is unlimited (nothing is evicted).
        on_load: called with the seconds of each finished load (metrics).
        load_workers: loads running at once.
    """

    def __init__(self, store: Any, follower: Any, budget: int = 0, *,
                 on_load: Callable[[float], None] | None = None, load_workers: int = LOAD_WORKERS) -> None:
        if budget < 0:
            raise ValueError(f"budget must be >= 0, got {budget}")
        self.budget = budget
        self._store = store
        self._follower = follower
        self._on_load = on_load
        self._lock = threading.Lock()
        self._resident: OrderedDict[str, int] = OrderedDict()  # namespace -> bytes, least recently used first
        self._total = 0
        self._pins: dict[str, int] = {}
        self._loading: dict[str, futures.Future] = {}
        self._pool = futures.ThreadPoolExecutor(load_workers, thread_name_prefix="engram-index-load")
        self._closed = False
        self.loads = 0  # finished loads
        self.evictions = 0
        store.residency = self
        follower.residency = self

    # -- state ---------------------------------------------------------------------------
    def resident(self, namespace: str) -> bool:
        with self._lock:
            return namespace in self._resident

    def namespaces(self) -> list[str]:
        """Resident namespaces, least recently used first."""
        with self._lock:
            return list(self._resident)

    @property
    def total_bytes(self) -> int:
        """Estimated bytes of the resident namespaces."""
        return self._total

    def __len__(self) -> int:
        return len(self._resident)

    def namespace_bytes(self, namespace: str) -> int:
        """The estimated bytes of a namespace's indexes as installed now (0 parts when absent)."""
        index = self._store.indexes.get(namespace)
        keywords = self._store.keywords.get(namespace)
        vectors = index.resident_bytes() if index is not None else 0
        records = len(keywords) if keywords is not None else 0
        lexical = KEYWORD_INDEX_BYTES + KEYWORD_BYTES_PER_RECORD * records if records else 0
        return NAMESPACE_OVERHEAD + vectors + lexical

    # -- use -----------------------------------------------------------------------------
    def request(self, namespace: str) -> futures.Future | None:
        """Marks the namespace used now; None when it is resident, else the future of its load
        (started now, or the one already running)."""
        with self._lock:
            return self._touch_or_load(namespace)

    @contextlib.contextmanager
    def pinned(self, namespace: str, timeout: float | None = None,
               cancelled: Callable[[], bool] | None = None) -> Iterator[None]:
        """Within the block the namespace is resident, followed and never evicted; loads it
        first if needed, waiting at most ``timeout`` seconds (None: until loaded).

        Raises: DeadlineExceeded (not loaded within ``timeout``; the load goes on), Cancelled
            (``cancelled()`` became True), or what the load raised (a Redis error).
        """
        deadline = None if timeout is None else time.monotonic() + max(timeout, 0.0)
        while True:
            with self._lock:
                future = self._touch_or_load(namespace)
                if future is None:
                    self._pins[namespace] = self._pins.get(namespace, 0) + 1
                    break
            self._wait(future, deadline, cancelled)
        try:
            yield
        finally:
            with self._lock:
                left = self._pins[namespace] - 1
                if left:
                    self._pins[namespace] = left
                else:
                    del self._pins[namespace]
                over = self._over()
            if over:  # eviction skipped it while it was pinned
                self._enforce()

    def _touch_or_load(self, namespace: str) -> futures.Future | None:
        """(lock held)"""
        if namespace in self._resident:
            self._resident.move_to_end(namespace)
            return None
        future = self._loading.get(namespace)
        if future is None:
            future = self._loading[namespace] = futures.Future()
            if self._closed:
                future.set_exception(Cancelled("the server is stopping"))
                del self._loading[namespace]
            else:
                self._pool.submit(self._load, namespace, future)
        return future

    @staticmethod
    def _wait(future: futures.Future, deadline: float | None, cancelled: Callable[[], bool] | None) -> None:
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise DeadlineExceeded("the namespace's index is still loading on this server (its first use "
                                       "here, or it was evicted under --index-memory-budget); retry")
            if cancelled is not None and cancelled():
                raise Cancelled("the caller went away while the namespace's index was loading")
            try:
                future.result(POLL_S if left is None else min(left, POLL_S))
                return
            except futures.TimeoutError:
                continue

    def _load(self, namespace: str, future: futures.Future) -> None:
        started = time.monotonic()
        try:
            self._follower.reload(namespace)  # state + position, installed and followed
            self._follower.catch_up(namespace)  # writes made during the load, before anyone waits on it
            size = self.namespace_bytes(namespace)
        except BaseException as exc:  # noqa: BLE001 - every waiter gets it; the next use retries
            with self._store.namespace_lock(namespace):  # not resident: neither followed nor installed
                self._follower.unfollow(namespace)
                self._store.install_indexes(namespace, None)
            with self._lock:
                self._loading.pop(namespace, None)
            log.warning("loading namespace %r failed: %s", namespace, exc)
            future.set_exception(exc)
            return
        seconds = time.monotonic() - started
        with self._lock:
            self._resident[namespace] = size
            self._resident.move_to_end(namespace)
            self._total += size
            self._loading.pop(namespace, None)
            self.loads += 1
        if self._on_load is not None:
            self._on_load(seconds)
        future.set_result(None)
        log.debug("namespace %r resident: ~%d bytes in %.3fs; %d resident, ~%d bytes", namespace, size, seconds,
                  len(self._resident), self._total)
        self._enforce(keep=namespace)

    def resized(self, namespace: str) -> None:
        """The namespace's indexes changed (writes, the follower's deltas or a reload): count
        its bytes again and evict if the total is over the budget. Call without any
        namespace lock held."""
        with self._lock:
            if namespace not in self._resident:
                return
        size = self.namespace_bytes(namespace)
        with self._lock:
            if namespace not in self._resident:
                return
            self._total += size - self._resident[namespace]
            self._resident[namespace] = size
        self._enforce(keep=namespace)

    # -- eviction --------------------------------------------------------------------------
    def _over(self) -> bool:
        return bool(self.budget) and self._total > self.budget

    def _enforce(self, keep: str | None = None) -> None:
        """Evict least recently used namespaces until the total fits (or none can go)."""
        with self._lock:
            if not self._over():
                return
            candidates = [ns for ns in self._resident if ns != keep and not self._pins.get(ns)]
        for namespace in candidates:
            lock = self._store.namespace_lock(namespace)
            if not lock.acquire(blocking=False):  # being written or followed right now: in use
                continue
            try:
                with self._lock:
                    if not self._over():
                        return
                    if namespace not in self._resident or self._pins.get(namespace):
                        continue
                    size = self._resident.pop(namespace)
                    self._total -= size
                    self.evictions += 1
                # Under the namespace lock: no write or delta lands in the dropped index, and a
                # load started meanwhile installs after this.
                self._follower.unfollow(namespace)
                self._store.install_indexes(namespace, None)
            finally:
                lock.release()
            log.debug("namespace %r evicted (~%d bytes); ~%d bytes resident of a %d budget", namespace, size,
                      self._total, self.budget)

    def close(self) -> None:
        """Stop loading: queued loads are cancelled, their waiters get `Cancelled`."""
        with self._lock:
            self._closed = True
            loading = list(self._loading.values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for future in loading:
            if not future.done():
                with contextlib.suppress(futures.InvalidStateError):
                    future.set_exception(Cancelled("the server is stopping"))
