"""Micro-batching in front of an embedding provider.

Many gRPC handler threads each embed a few texts; one worker thread merges their requests into a
single provider call, so 32 concurrent single-text upserts cost one batched forward pass instead
of 32 small ones.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import numpy as np

from engram.embeddings.provider import (EmbeddingError, EmbeddingProvider, check_input_type,
                                        check_texts)


@dataclass(slots=True)
class _Request:
    texts: list[str]
    input_type: str
    future: Future


class BatchingEmbedder:
    """Thread-safe front for an `EmbeddingProvider` that batches concurrent requests.

    A single worker thread takes the oldest pending request, then for up to `linger_s` seconds
    adds further pending requests of the same input_type while the total stays within
    `max_batch` texts, calls ``provider.embed`` once and gives each caller its own rows.
    Requests of another input_type wait for a later batch; one request larger than `max_batch`
    goes alone (the provider splits it itself).

    Args:
        provider: the model; only the worker thread calls it.
        max_batch: most texts merged into one provider call (default 64).
        linger_s: how long the worker waits for more requests to fill a batch, in seconds
            (default 0.002). It adds at most this much latency to a lone request.

    Use ``start()`` before `embed`, ``close()`` at shutdown (or use it as a context manager).
    """

    def __init__(self, provider: EmbeddingProvider, max_batch: int = 64,
                 linger_s: float = 0.002) -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be >= 1, got {max_batch}")
        if linger_s < 0:
            raise ValueError(f"linger_s must be >= 0, got {linger_s}")
        self._provider = provider
        self._max_batch = max_batch
        self._linger_s = linger_s
        self._cond = threading.Condition()
        self._pending: deque[_Request] = deque()
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def model_id(self) -> str:
        return self._provider.model_id

    @property
    def dimensions(self) -> int:
        return self._provider.dimensions

    def start(self) -> None:
        """Start the worker thread. Idempotent.

        Raises:
            EmbeddingError: the embedder was closed.
        """
        with self._cond:
            if self._closed:
                raise EmbeddingError("embedder is closed")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="engram-embed-batcher",
                                                daemon=True)
                self._thread.start()

    def close(self, timeout: float | None = None) -> None:
        """Stop accepting requests, fail every queued one with EmbeddingError, let the batch
        already in the provider finish and hand out its results, then join the worker (waiting
        at most `timeout` seconds) and close the provider if it has a ``close`` (an HTTP
        client, say) and the worker has stopped. Idempotent."""
        with self._cond:
            self._closed = True
            abandoned = list(self._pending)
            self._pending.clear()
            self._cond.notify_all()
            thread = self._thread
        for request in abandoned:
            if request.future.set_running_or_notify_cancel():
                request.future.set_exception(EmbeddingError("embedder closed"))
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        if thread is None or not thread.is_alive():
            close = getattr(self._provider, "close", None)
            if callable(close):
                close()

    def __enter__(self) -> BatchingEmbedder:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def embed(self, texts: Sequence[str], input_type: str,
              timeout: float | None = None) -> np.ndarray:
        """Embed `texts` through the shared batch; blocks until this request's rows are ready.

        Args:
            texts: texts to embed (may be empty; a bare str is refused).
            input_type: ``"document"`` or ``"query"``.
            timeout: most seconds to wait, or None to wait indefinitely.

        Returns:
            float32 (len(texts), dimensions), rows L2-normalised, in the order of `texts`.

        Raises:
            ValueError: bad input_type. TypeError: `texts` is a bare string.
            TimeoutError: not done within `timeout` (the request is dropped if not yet started).
            EmbeddingError: not started, or closed before the request ran.
            Exception: whatever the provider raised for the batch this request was in.
        """
        check_input_type(input_type)
        check_texts(texts)
        texts = list(texts)
        if not texts:
            return np.empty((0, self.dimensions), dtype=np.float32)
        request = _Request(texts, input_type, Future())
        with self._cond:
            if self._closed:
                raise EmbeddingError("embedder is closed")
            if self._thread is None:
                raise EmbeddingError("embedder not started")
            self._pending.append(request)
            self._cond.notify_all()
        try:
            return request.future.result(timeout)
        except FutureTimeout:
            request.future.cancel()  # no-op if the worker already took it
            raise TimeoutError(f"embedding not done within {timeout} s") from None
        except CancelledError:
            raise EmbeddingError("embedding request cancelled") from None

    # -- worker ---------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            batch = self._next_batch()
            if batch is None:
                return
            self._execute(batch)

    def _next_batch(self) -> list[_Request] | None:
        """Block for the oldest request, then gather compatible ones for up to linger_s."""
        with self._cond:
            while not self._pending and not self._closed:
                self._cond.wait()
            if self._closed:
                return None  # close() already failed whatever was queued
            first = self._pending.popleft()
            batch = [first]
            count = len(first.texts)
            deadline = time.monotonic() + self._linger_s
            while True:
                count = self._gather(batch, count)
                remaining = deadline - time.monotonic()
                if count >= self._max_batch or remaining <= 0 or self._closed:
                    return batch
                self._cond.wait(remaining)

    def _gather(self, batch: list[_Request], count: int) -> int:
        """Move queued requests matching batch[0].input_type that still fit into `batch`,
        keeping the others queued in order; drop ones their callers gave up on. Holds _cond."""
        input_type = batch[0].input_type
        kept: deque[_Request] = deque()
        while self._pending:
            request = self._pending.popleft()
            if request.future.cancelled():
                continue
            if (request.input_type == input_type
                    and count + len(request.texts) <= self._max_batch):
                batch.append(request)
                count += len(request.texts)
            else:
                kept.append(request)
        self._pending = kept
        return count

    def _execute(self, batch: list[_Request]) -> None:
        live = [r for r in batch if r.future.set_running_or_notify_cancel()]
        if not live:
            return
        texts = [text for r in live for text in r.texts]
        try:
            vectors = self._provider.embed(texts, live[0].input_type)
            if vectors.shape != (len(texts), self.dimensions):
                raise EmbeddingError(f"provider returned shape {vectors.shape}, "
                                     f"expected {(len(texts), self.dimensions)}")
        except Exception as exc:  # the callers of this batch get the provider's error
            for r in live:
                r.future.set_exception(exc)
            return
        offset = 0
        for r in live:
            n = len(r.texts)
            r.future.set_result(vectors[offset:offset + n].copy())
            offset += n
