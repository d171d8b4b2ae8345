"""Health: `grpc.health.v1` statuses driven by Redis reachability.

Every service (and the server as a whole, service name "") is NOT_SERVING until Redis
answers PING and the first-ready hook has run (the server's starts the change-log follower;
namespaces' indexes load on first use, `engram.embeddings.residency`, so a cold namespace
loading never makes the server NOT_SERVING); NOT_SERVING again while Redis is unreachable;
SERVING again on its own once it answers. The monitor is a daemon thread polling PING; a
PING that has not answered within ``max(1 s, 2 × interval)`` counts as a failure (a dead host
or a DNS lookup can hold a connect far longer than the client's socket timeouts). Each PING
runs in a daemon thread of its own, so one still hanging never holds the process's exit.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent import futures

import redis
from grpc_health.v1 import health_pb2

from engram.health_servicer import HealthServicer

log = logging.getLogger(__name__)

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


class RedisHealthMonitor:
    """Polls Redis every ``interval`` seconds and sets the health status of ``services``.

    Args:
        client: the Redis client the services use.
        servicer: the server's `HealthServicer` (or what a worker sets instead).
        services: fully qualified service names; "" (the whole server) is always included.
        on_first_ready: run once, in the monitor thread, the first time Redis answers
            (starting the change-log follower); services stay NOT_SERVING until it returns.
    """

    def __init__(self, client: redis.Redis, servicer: HealthServicer, services: Sequence[str],
                 interval: float = 1.0, on_first_ready: Callable[[], None] | None = None) -> None:
        self._client = client
        self._servicer = servicer
        self._services = ["", *services]
        self._interval = interval
        self._on_first_ready = on_first_ready
        self._ready_once = False
        self._announced = False
        self._serving: bool | None = None
        self.redis_up: bool | None = None  # the latest PING's outcome (None before the first)
        self._probe_timeout = max(1.0, 2 * interval)
        self._probe: futures.Future | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="engram-health", daemon=True)
        self._set(False)

    @property
    def serving(self) -> bool:
        return bool(self._serving)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stops polling; waits at most ``timeout`` seconds for the monitor thread (a probe
        still blocked in Redis is abandoned: its thread is a daemon)."""
        self._stop.set()
        probe = self._probe
        if probe is not None:
            probe.cancel()  # wakes the monitor if it waits for a hanging PING
        self._thread.join(timeout=timeout)

    def check_once(self) -> bool:
        """One probe: PING Redis, warm up on the first success, publish the status."""
        ok = self._ping()
        self.redis_up = ok
        if ok and not self._ready_once:
            try:
                if self._on_first_ready is not None:
                    self._on_first_ready()
                self._ready_once = True
            except Exception:  # noqa: BLE001 - keep the monitor alive; retry at the next probe
                log.warning("warm-up failed; retrying", exc_info=True)
                ok = False
        if not self._stop.is_set():
            self._set(ok)
        return ok

    def _ping(self) -> bool:
        if self._probe is None or self._probe.done():  # a probe still hanging is not repeated
            self._probe = futures.Future()
            # A daemon thread, not an executor: executor threads are joined at interpreter exit,
            # so a PING blocked in DNS or on a silent host would hold a stopped server for 30 s+.
            threading.Thread(target=self._probe_redis, args=(self._probe,), name="engram-health-ping",
                             daemon=True).start()
        try:
            return bool(self._probe.result(timeout=self._probe_timeout))
        except (futures.TimeoutError, futures.CancelledError):
            return False
        except redis.RedisError:
            return False

    def _probe_redis(self, probe: futures.Future) -> None:
        try:
            outcome, settle = self._client.ping(), probe.set_result
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting monitor
            outcome, settle = exc, probe.set_exception
        with contextlib.suppress(futures.InvalidStateError):  # cancelled by stop() meanwhile
            settle(outcome)

    def _set(self, serving: bool) -> None:
        if serving == self._serving:
            return
        if serving and not self._announced:
            self._announced = True
            log.info("ready: Redis reachable; health SERVING")
        elif self._serving is not None:
            log.warning("Redis %s: health %s", "reachable" if serving else "unreachable",
                        "SERVING" if serving else "NOT_SERVING")
        self._serving = serving
        for name in self._services:
            self._servicer.set(name, SERVING if serving else NOT_SERVING)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.check_once()
            self._stop.wait(self._interval)
