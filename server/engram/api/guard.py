"""Bounds on what one client can hold on this server, however it behaves.

The server runs each call on a thread of one pool (``--max-workers``). A call holds its
thread while it waits for its request message, while each streamed reply waits for the
client to take it, and while a request stream waits for its next message. Left unbounded,
a client that opens calls and never sends, or never reads, can take every thread, and then
health checks and point calls of every other client wait too. `CallGuard` bounds each way
of holding a thread by a documented setting (README, "Limits"):

| held while | bound | on breach |
|---|---|---|
| a call waits for its request message | ``request_read_timeout`` seconds | the call is cancelled |
| a streamed reply waits for the client to read it | ``stream_send_timeout`` seconds | the call is cancelled |
| a request stream waits for its next message | ``stream_idle_timeout`` seconds | the call is cancelled |
| more than ``max_held_calls`` calls are held so (by their clients) | those held over ``pressure_grace`` are cancelled, oldest first | |
| streaming calls at once | ``max_concurrent_streams`` | a new stream gets RESOURCE_EXHAUSTED at once |

A well-behaved client holds a call for microseconds (its request is on its way, it reads what
it is sent), so under normal load nothing is cancelled. The stream limit is a hard one: a
flood of streams that are admitted first and only then found to be held would already have
filled the thread pool's queue; raise it together with ``--max-workers``.

To see the request message before the thread waits for it, the guard serves every
unary-request method as a request stream of exactly one message: the behaviour (and every
interceptor inside this one) still receives the one request, as before.

Token waits of searches have their own bound in the domain (`EmbeddingStore`,
``max_token_waits``); idle connections hold no thread and are closed by gRPC after
``grpc.max_connection_idle_ms`` (`engram.app`).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import grpc

from engram.api.handlers import non_blocking

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CallLimits:
    """The guard's settings; seconds unless named otherwise."""

    max_concurrent_streams: int = 32
    max_held_calls: int = 16
    request_read_timeout: float = 10.0
    pressure_grace: float = 0.5
    stream_send_timeout: float = 30.0
    stream_idle_timeout: float = 60.0

    def __post_init__(self) -> None:
        for name in ("max_concurrent_streams", "max_held_calls"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be >= 1 (got {getattr(self, name)})")
        for name in ("request_read_timeout", "pressure_grace", "stream_send_timeout", "stream_idle_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be > 0 (got {getattr(self, name)})")


class Watchdog:
    """One daemon thread that cancels calls whose armed timer ran out.

    `arm` returns a key; `disarm` it when the hold is over. A timer that runs out calls
    ``context.cancel()``, which wakes the thread blocked in gRPC for that call. While more than
    ``max_held_calls`` holds are armed, those older than ``pressure_grace`` go first, oldest
    first.
    """

    def __init__(self, limits: CallLimits, tick: float = 0.05) -> None:
        self._limits = limits
        self._tick = tick
        self._lock = threading.Lock()
        self._keys = itertools.count()
        # key -> (started, due, context, reason), in arming order (oldest first)
        self._armed: dict[int, tuple[float, float, grpc.ServicerContext, str]] = {}
        self._stop = threading.Event()
        self.cancelled = 0  # calls cancelled so far (tests, logs)
        self._thread = threading.Thread(target=self._run, name="engram-call-watchdog", daemon=True)
        self._thread.start()

    def arm(self, context: grpc.ServicerContext, seconds: float, reason: str) -> int:
        """The call is now held by its client for at most ``seconds``; returns the key to
        `disarm` when that hold ends."""
        key = next(self._keys)
        now = time.monotonic()
        with self._lock:
            self._armed[key] = (now, now + seconds, context, reason)
        return key

    def disarm(self, key: int) -> None:
        with self._lock:
            self._armed.pop(key, None)

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self._tick):
            now = time.monotonic()
            with self._lock:
                expired = [key for key, (_, due, _, _) in self._armed.items() if due <= now]
                excess = len(self._armed) - len(expired) - self._limits.max_held_calls
                if excess > 0:  # under pressure: the oldest holds past the grace go first
                    expired += [key for key, (started, due, _, _) in self._armed.items()
                                if due > now and now - started >= self._limits.pressure_grace][:excess]
                victims = [self._armed.pop(key) for key in expired]
            for started, _, context, reason in victims:
                self.cancelled += 1
                log.info("cancelling a call: %s for %.1fs", reason, now - started)
                context.cancel()


class CallGuard(grpc.ServerInterceptor):
    """Serves every method under the bounds of `CallLimits` (module docstring). Put it first
    in the server's interceptor list: it changes the handler kind gRPC sees.

    Args:
        limits: the bounds.
        watchdog: the thread that cancels calls past a bound (owned by the caller, who
            stops it).
    """

    def __init__(self, limits: CallLimits, watchdog: Watchdog) -> None:
        self._limits = limits
        self._watchdog = watchdog
        self._streams = threading.BoundedSemaphore(limits.max_concurrent_streams)

    def intercept_service(self, continuation: Callable[[grpc.HandlerCallDetails], Any],
                          handler_call_details: grpc.HandlerCallDetails) -> Any:
        handler = continuation(handler_call_details)
        if handler is None:
            return None
        kwargs = dict(request_deserializer=handler.request_deserializer,
                      response_serializer=handler.response_serializer)
        if non_blocking(handler):  # grpc.health.v1 Watch: replies by callback, no thread held
            return grpc.stream_stream_rpc_method_handler(self._non_blocking(handler.unary_stream), **kwargs)
        if handler.unary_unary is not None:
            return grpc.stream_unary_rpc_method_handler(self._unary_unary(handler.unary_unary), **kwargs)
        if handler.unary_stream is not None:
            return grpc.stream_stream_rpc_method_handler(self._unary_stream(handler.unary_stream), **kwargs)
        if handler.stream_unary is not None:
            return grpc.stream_unary_rpc_method_handler(self._stream_unary(handler.stream_unary), **kwargs)
        return grpc.stream_stream_rpc_method_handler(self._stream_stream(handler.stream_stream), **kwargs)

    # -- the request side ----------------------------------------------------------------
    def _one_request(self, requests: Iterator[Any], context: grpc.ServicerContext) -> Any:
        """The call's one request message. When the call ends first (cancelled by the client,
        its deadline or the watchdog), gRPC's own RpcError propagates: gRPC knows it and ends
        the call quietly."""
        key = self._watchdog.arm(context, self._limits.request_read_timeout, "no request message")
        try:
            return next(requests)
        except StopIteration:  # the client half-closed without a message: not a unary call
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "expected exactly one request message")
        finally:
            self._watchdog.disarm(key)

    def _paced(self, requests: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
        """A request stream whose every wait for the next message is bounded."""
        timeout, reason = self._limits.request_read_timeout, "no request message"
        while True:
            key = self._watchdog.arm(context, timeout, reason)
            try:
                message = next(requests)
            except StopIteration:
                return
            finally:
                self._watchdog.disarm(key)
            timeout, reason = self._limits.stream_idle_timeout, "an idle request stream"
            yield message

    # -- the response side ---------------------------------------------------------------
    def _sent(self, responses: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
        """Yields the behaviour's replies, bounding each wait for the client to take one:
        gRPC resumes this generator only once the previous reply was sent."""
        for response in responses:
            key = self._watchdog.arm(context, self._limits.stream_send_timeout, "a reply the client does not read")
            try:
                yield response
            finally:
                self._watchdog.disarm(key)

    def _stream_slot(self, context: grpc.ServicerContext) -> None:
        """Counts the stream in, or refuses it beyond the limit."""
        if self._streams.acquire(blocking=False):
            return
        context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED,
                      f"{self._limits.max_concurrent_streams} streaming calls are in progress on this server "
                      f"(--max-concurrent-streams); retry later")

    # -- the handler kinds -----------------------------------------------------------------
    def _non_blocking(self, behaviour: Callable[..., None]) -> Callable[..., None]:
        """A unary-request handler that replies through gRPC's callback: the request is read
        under the watchdog; then the call holds no thread, so it takes no stream slot."""
        def handle(requests: Iterator[Any], context: grpc.ServicerContext,
                   send_response_callback: Callable[[Any], None]) -> None:
            behaviour(self._one_request(requests, context), context, send_response_callback)

        handle.experimental_non_blocking = True  # type: ignore[attr-defined]
        return handle

    def _unary_unary(self, behaviour: Callable[..., Any]) -> Callable[..., Any]:
        def handle(requests: Iterator[Any], context: grpc.ServicerContext) -> Any:
            return behaviour(self._one_request(requests, context), context)

        return handle

    def _unary_stream(self, behaviour: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        def handle(requests: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
            request = self._one_request(requests, context)
            self._stream_slot(context)
            try:
                yield from self._sent(behaviour(request, context), context)
            finally:
                self._streams.release()

        return handle

    def _stream_unary(self, behaviour: Callable[..., Any]) -> Callable[..., Any]:
        def handle(requests: Iterator[Any], context: grpc.ServicerContext) -> Any:
            self._stream_slot(context)
            try:
                return behaviour(self._paced(requests, context), context)
            finally:
                self._streams.release()

        return handle

    def _stream_stream(self, behaviour: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        def handle(requests: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
            self._stream_slot(context)
            try:
                yield from self._sent(behaviour(self._paced(requests, context), context), context)
            finally:
                self._streams.release()

        return handle
