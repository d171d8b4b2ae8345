"""Micro-batching of concurrent calls: requests that arrive while earlier ones are being
computed are gathered and computed together, in one call of a batch function.

Used by `engram.embeddings.index.VectorIndex` for concurrent single-query exact searches of
one namespace: 32 searches in flight cost one (32, d) @ (d, n) matrix product instead of 32
matrix-vector products that each read all n rows from memory (bench/results/load.md).

No timer and no thread of its own: a caller that finds a free slot (fewer than
``max_parallel`` batches running) runs the oldest waiting requests (``max_batch`` at most,
normally its own among them) at once, on its own thread; a caller that finds none waits until
a running batch ends and then either finds its request answered or taken, or runs the next
batch itself. So a lone caller never waits, a batch gathers whatever arrived while the
previous one ran, and requests are taken first come, first served: each waits for at most the
batches ahead of it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from engram.errors import Cancelled

R = TypeVar("R")
T = TypeVar("T")

DEFAULT_MAX_BATCH = 64
POLL_S = 0.05  # how often a waiting caller checks whether it is still wanted (cancelled)


@dataclass(eq=False)
class _Ticket(Generic[R, T]):
    """One request in flight: pending until a batch takes it, done once its outcome is set."""

    request: R
    taken: bool = False
    outcome: T | BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)


class MicroBatcher(Generic[R, T]):
    """Computes concurrent requests in batches (see the module docstring).

    Args:
        run: computes a batch: requests (in arrival order) -> one outcome each, in the same
            order: its result, or an exception (for example `Cancelled`) that is raised to
            that request's caller only. An exception raised by ``run`` itself is raised to
            every caller of the batch.
        max_batch: most requests per batch (>= 1).
        max_parallel: most batches running at once (>= 1), for example the cores that may
            run them.

    Thread safety: `submit` may be called from any number of threads.
    """

    def __init__(self, run: Callable[[Sequence[R]], Sequence[T | BaseException]], max_batch: int = DEFAULT_MAX_BATCH,
                 max_parallel: int = 1) -> None:
        if max_batch < 1 or max_parallel < 1:
            raise ValueError(f"max_batch and max_parallel must be >= 1, got {max_batch} and {max_parallel}")
        self._run = run
        self.max_batch = max_batch
        self.max_parallel = max_parallel
        self._pending: list[_Ticket[R, T]] = []
        self._running = 0
        self._changed = threading.Condition(threading.Lock())
        self.batches = 0  # batches run so far, and the requests they held (observability, tests)
        self.requests = 0

    def submit(self, request: R, cancelled: Callable[[], bool] | None = None) -> T:
        """`request`'s outcome, computed in a batch with whatever other requests are waiting.

        Args:
            cancelled: if given, checked while the request waits: once True the caller stops
                waiting (a batch already computing the request finishes without it).

        Raises:
            Cancelled: ``cancelled()`` became True while the request waited.
            Any exception ``run`` gave for this request, or raised for its batch.
        """
        ticket: _Ticket[R, T] = _Ticket(request)
        with self._changed:
            self._pending.append(ticket)
        while True:
            with self._changed:
                while not ticket.taken and self._running >= self.max_parallel:
                    self._changed.wait(POLL_S)
                    if not ticket.taken and cancelled is not None and cancelled():
                        self._pending.remove(ticket)
                        raise Cancelled("search abandoned: the caller went away")
                batch = None if ticket.taken else self._take()
            if batch is None:
                break
            self._compute(batch)  # the oldest requests: usually this one among them; else go again
        while not ticket.done.wait(POLL_S):  # computed by this thread already, or by another caller
            if cancelled is not None and cancelled():
                raise Cancelled("search abandoned: the caller went away")
        if isinstance(ticket.outcome, BaseException):
            raise ticket.outcome
        return ticket.outcome  # type: ignore[return-value]

    def _take(self) -> list[_Ticket[R, T]]:
        """The next batch: the oldest ``max_batch`` pending tickets, so each request waits for
        at most the batches ahead of it (lock held)."""
        batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch:]
        for t in batch:
            t.taken = True
        self._running += 1
        self.batches += 1
        self.requests += len(batch)
        return batch

    def _compute(self, batch: list[_Ticket[R, T]]) -> None:
        """Run a batch on this thread, hand out its outcomes, free the slot."""
        try:
            outcomes = list(self._run([t.request for t in batch]))
            if len(outcomes) != len(batch):
                raise RuntimeError(f"batch function gave {len(outcomes)} outcomes for {len(batch)} requests")
        except BaseException as exc:  # noqa: BLE001 - every caller of the batch gets it
            outcomes = [exc] * len(batch)
        finally:
            with self._changed:
                self._running -= 1
                self._changed.notify_all()  # a waiting caller may run the next batch now
        for t, outcome in zip(batch, outcomes):
            t.outcome = outcome
            t.done.set()
