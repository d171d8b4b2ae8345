"""`grpc.health.v1.Health` (Check and Watch) whose status changes cannot deadlock the server.

grpc-health-checking 1.85's `HealthServicer.set` sends the new status to every Watch stream
while holding the lock that a Watch stream's close callback takes. A send waits for gRPC's
completion-queue thread, and that thread is the one running close callbacks: a Watch that
ends while a status is being sent (a client cancelling as the server enters its graceful
stop) blocks both for ever. The CI run of 2026-12-02 hung there; grpc/grpc#43403 reworks the
upstream servicer but is not released. Here the lock that guards statuses and watchers is
never held while sending; a second lock, which no gRPC callback takes, keeps the sends of
successive changes in order, so every watcher sees every status in the order it was set.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

Status = int  # health_pb2.HealthCheckResponse.ServingStatus
Send = Callable[[health_pb2.HealthCheckResponse | None], object]

OVERALL = ""  # the server as a whole


class HealthServicer(health_pb2_grpc.HealthServicer):
    """Statuses by service name; the server as a whole ("") starts SERVING.

    Same interface as `grpc_health.v1.health.HealthServicer`: `set(service, status)` and
    `enter_graceful_shutdown()`. Watch replies through gRPC's non-blocking callback, so an
    open Watch holds no thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()  # statuses and watchers; taken by close callbacks
        self._send_lock = threading.Lock()  # order of sends; never taken by gRPC's threads
        self._statuses: dict[str, Status] = {OVERALL: health_pb2.HealthCheckResponse.SERVING}
        self._watchers: dict[str, set[Send]] = {}
        self._shutting_down = False

    def Check(self, request: health_pb2.HealthCheckRequest,
              context: grpc.ServicerContext) -> health_pb2.HealthCheckResponse:
        with self._lock:
            status = self._statuses.get(request.service)
        if status is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"service {request.service!r} is unknown")
        return health_pb2.HealthCheckResponse(status=status)

    def Watch(self, request: health_pb2.HealthCheckRequest, context: grpc.ServicerContext,
              send_response_callback: Send | None = None) -> None:
        if send_response_callback is None:  # only a server without non-blocking streams
            raise RuntimeError("Watch needs gRPC's experimental_non_blocking streams")
        service = request.service
        send = send_response_callback
        # Registered and sent under the send lock: no status set meanwhile can overtake this one.
        with self._send_lock:
            with self._lock:
                status = self._statuses.get(service, health_pb2.HealthCheckResponse.SERVICE_UNKNOWN)
                self._watchers.setdefault(service, set()).add(send)
            if not context.add_callback(self._forget(service, send)):  # the call has ended
                self._forget(service, send)()
                return
            send(health_pb2.HealthCheckResponse(status=status))

    Watch.experimental_non_blocking = True  # type: ignore[attr-defined]

    def _forget(self, service: str, send: Send) -> Callable[[], None]:
        def callback() -> None:  # runs on gRPC's thread when the stream ends: no sending here
            with self._lock:
                watchers = self._watchers.get(service)
                if watchers is not None:
                    watchers.discard(send)
            send(None)  # ends the stream (a no-op once gRPC has closed it)

        return callback

    def set(self, service: str, status: Status) -> None:
        """Sets `service`'s status and sends it to that service's Watch streams (ignored after
        `enter_graceful_shutdown`). Blocks while a stream's send is pending, never on a lock
        that gRPC's own threads wait for."""
        with self._send_lock:
            self._set(service, status)

    def _set(self, service: str, status: Status) -> None:
        with self._lock:
            if self._shutting_down:
                return
            self._statuses[service] = status
            watchers = list(self._watchers.get(service, ()))
        response = health_pb2.HealthCheckResponse(status=status)
        for send in watchers:
            send(response)  # False once that stream has ended: nothing to do

    def enter_graceful_shutdown(self) -> None:
        """Every service NOT_SERVING, for good: later `set` calls are ignored."""
        with self._send_lock:
            with self._lock:
                if self._shutting_down:
                    return
                services = list(self._statuses)
            for service in services:
                self._set(service, health_pb2.HealthCheckResponse.NOT_SERVING)
            with self._lock:
                self._shutting_down = True
