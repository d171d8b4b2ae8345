"""Prometheus metrics of one server, served over HTTP at ``/metrics`` on ``--metrics-listen``.

Each `App` has its own `CollectorRegistry` (nothing global, so several servers can run in one
process). Call metrics are recorded by `engram.observability.interceptor`; state metrics are
read when scraped, by `StateCollector`.

| metric | type | labels | meaning |
|---|---|---|---|
| ``engram_rpc_requests_total`` | counter | service, method, code | finished calls, by gRPC status name (``OK``, ``INVALID_ARGUMENT``, ``UNAVAILABLE``, ...) |
| ``engram_rpc_duration_seconds`` | histogram | service, method | handler time of a call, to its last response for streams; buckets 0.5 ms .. 10 s |
| ``engram_rpc_in_flight`` | gauge | service, method | calls being handled now (open streams included) |
| ``engram_index_rows`` | gauge | namespace | vectors in this replica's in-memory index |
| ``engram_index_bytes`` | gauge | namespace | bytes allocated for that index's vector matrix (capacity x dimensions x 4) |
| ``engram_change_log_lag_entries`` | gauge | namespace | change-log entries written (by any replica) that this replica has not passed yet: the namespace's ``log_seq`` in Redis minus the ``seq`` of the last entry its follower read; 0 when caught up |
| ``engram_change_log_lag_seconds`` | gauge | namespace | age of the oldest entry not passed yet (this host's clock minus the entry id's Redis timestamp); 0 when caught up |
| ``engram_redis_up`` | gauge | | 1 when the health monitor's latest Redis PING (every ``--health-interval``) succeeded |
| ``engram_serving`` | gauge | | 1 when health is SERVING (Redis up; namespaces load on first use, not before) |
| ``engram_index_namespaces_loaded`` | gauge | | namespaces whose indexes are in this replica's memory (loaded on first use, `engram.embeddings.residency`) |
| ``engram_index_resident_bytes`` | gauge | | their estimated bytes, the total ``--index-memory-budget`` bounds (what is counted: `engram.embeddings.residency`) |
| ``engram_index_budget_bytes`` | gauge | | ``--index-memory-budget`` (0: unlimited) |
| ``engram_index_loads_total`` | counter | | namespaces loaded from Redis (first use, or use after an eviction) |
| ``engram_index_evictions_total`` | counter | | namespaces evicted to stay within the budget |
| ``engram_index_load_seconds`` | histogram | | time to load one namespace (read from Redis, build both indexes, catch up); buckets 0.5 ms .. 60 s |
| ``engram_forgotten_records_total`` | counter | reason | records this replica's sweeper deleted: ``expired`` or ``low_confidence_unused`` (`engram.domain.forgetting`) |
| ``process_*``, ``python_info`` | | | prometheus-client's process collector (CPU, resident memory, open fds) |

With ``engram serve --workers N`` (N > 1, `engram.workers`) the supervisor process serves
``/metrics``, aggregating its workers through prometheus-client's multiprocess mode: the call
and sweeper counters and histograms are summed over the workers (``engram_rpc_in_flight``
too); the state gauges above (index, change log, Redis, serving) are each worker's own, with
a ``worker`` label (0..N-1), copied from its `StateCollector` every second by `StatePublisher`;
``process_*`` describes the supervisor alone. The supervisor adds:

| metric | type | labels | meaning |
|---|---|---|---|
| ``engram_workers`` | gauge | | worker processes configured (``--workers``) |
| ``engram_workers_serving`` | gauge | | workers whose own health is SERVING now |
| ``engram_worker_restarts_total`` | counter | worker | times the supervisor restarted that worker after it died |
| ``engram_worker_resident_memory_bytes`` | gauge | worker | resident memory of that worker process (Linux: /proc/<pid>/statm) |

``service`` is the full gRPC service name (``engram.v1.RecordService``, ``grpc.health.v1.Health``),
``method`` the bare method name. Namespace labels cost one series per namespace and name the
namespaces: bind the endpoint to a network only the monitoring system reaches.

Cost at scrape time: lock-free reads of each index's size and one pipelined Redis round trip
(``HGET log_seq`` and ``XRANGE ... COUNT 1`` per followed namespace), skipped while the health
monitor sees Redis down so a scrape never waits on an outage. The change-log position counts
entries this replica wrote itself (applied at once) when its follower reads past them, within
one XREAD (~0.1 s).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import grpc
import prometheus_client
import redis
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from engram.domain.embedding import parse_change_id
from engram.keys import NamespaceKeys

log = logging.getLogger(__name__)

# The *_created series double every counter's and histogram's series for a timestamp that
# process_start_time_seconds already gives.
prometheus_client.disable_created_metrics()

BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def split_method(full_method: str) -> tuple[str, str]:
    """``/pkg.Service/Method`` -> (``pkg.Service``, ``Method``)."""
    service, _, method = full_method.lstrip("/").rpartition("/")
    return service, method


class MethodMetrics:
    """The label children of one method, resolved once (``labels()`` takes a lock)."""

    def __init__(self, rpc: RpcMetrics, service: str, method: str) -> None:
        self._rpc = rpc
        self._labels = (service, method)
        self.duration = rpc.duration.labels(service, method)
        self.in_flight = rpc.in_flight.labels(service, method)
        self._requests: dict[grpc.StatusCode, Any] = {}

    def finished(self, code: grpc.StatusCode, seconds: float) -> None:
        child = self._requests.get(code)
        if child is None:
            child = self._requests[code] = self._rpc.requests.labels(*self._labels, code.name)
        child.inc()
        self.duration.observe(seconds)
        self.in_flight.dec()


class RpcMetrics:
    """The call metrics, registered on `registry`."""

    def __init__(self, registry: CollectorRegistry) -> None:
        labels = ("service", "method")
        self.requests = Counter("engram_rpc_requests", "Finished gRPC calls by status code.",
                                (*labels, "code"), registry=registry)
        self.duration = Histogram("engram_rpc_duration_seconds",
                                  "Time to handle a gRPC call (streams: until the last response).",
                                  labels, buckets=BUCKETS, registry=registry)
        # livesum: in multiprocess mode (engram.workers) the sum over the workers alive.
        self.in_flight = Gauge("engram_rpc_in_flight", "gRPC calls being handled.", labels, registry=registry,
                               multiprocess_mode="livesum")
        self._methods: dict[str, MethodMetrics] = {}
        self._lock = threading.Lock()

    def method(self, full_method: str) -> MethodMetrics:
        found = self._methods.get(full_method)
        if found is None:
            with self._lock:
                found = self._methods.get(full_method)
                if found is None:
                    found = self._methods[full_method] = MethodMetrics(self, *split_method(full_method))
        return found


class ForgettingMetrics:
    """Records deleted by this replica's forgetting sweeper, by reason."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.forgotten = Counter("engram_forgotten_records", "Records deleted by the forgetting sweeper, by reason.",
                                 ("reason",), registry=registry)

    def record(self, reason: str, count: int) -> None:
        """`engram.domain.forgetting.Sweeper`'s ``on_forgotten``."""
        self.forgotten.labels(reason).inc(count)


class ResidencyMetrics:
    """The load-time histogram of `engram.embeddings.residency.Residency` (its counts and
    bytes are read at scrape time by `StateCollector`)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.load_seconds = Histogram("engram_index_load_seconds", "Time to load one namespace's indexes from Redis.",
                                      buckets=(*BUCKETS, 30.0, 60.0), registry=registry)

    def loaded(self, seconds: float) -> None:
        """`Residency`'s ``on_load``."""
        self.load_seconds.observe(seconds)


class StateCollector(Collector):
    """Index sizes, change-log lag and Redis/health state, read at scrape time.

    Args:
        indexes: the `IndexRegistry` of the embedding store.
        follower: the `ChangeLogFollower` (its ``positions()``).
        client: the Redis client.
        monitor: the `RedisHealthMonitor` (``redis_up``, ``serving``).
        residency: the `Residency` (loads, evictions, resident bytes), or None.
    """

    def __init__(self, indexes: Any, follower: Any, client: redis.Redis, monitor: Any,
                 residency: Any = None) -> None:
        self._residency = residency
        self._indexes = indexes
        self._follower = follower
        self._redis = client
        self._monitor = monitor

    def describe(self) -> list[GaugeMetricFamily]:
        return list(self._families().values())

    def _families(self) -> dict[str, Any]:
        ns = ["namespace"]
        residency = {} if self._residency is None else {
            "loaded": GaugeMetricFamily("engram_index_namespaces_loaded",
                                        "Namespaces whose indexes are in this replica's memory."),
            "resident": GaugeMetricFamily("engram_index_resident_bytes",
                                          "Estimated bytes of the loaded namespaces' indexes."),
            "budget": GaugeMetricFamily("engram_index_budget_bytes", "--index-memory-budget (0: unlimited)."),
            "loads": CounterMetricFamily("engram_index_loads", "Namespaces loaded from Redis."),
            "evictions": CounterMetricFamily("engram_index_evictions",
                                             "Namespaces evicted to stay within --index-memory-budget."),
        }
        return {
            **residency,
            "rows": GaugeMetricFamily("engram_index_rows", "Vectors in this replica's in-memory index.",
                                      labels=ns),
            "bytes": GaugeMetricFamily("engram_index_bytes", "Bytes allocated for the index's vector matrix.",
                                       labels=ns),
            "lag": GaugeMetricFamily("engram_change_log_lag_entries",
                                     "Change-log entries of the namespace this replica has not applied yet.",
                                     labels=ns),
            "lag_s": GaugeMetricFamily("engram_change_log_lag_seconds",
                                       "Age of the oldest change-log entry this replica has not applied yet.",
                                       labels=ns),
            "redis_up": GaugeMetricFamily("engram_redis_up", "1 when the latest Redis PING succeeded."),
            "serving": GaugeMetricFamily("engram_serving", "1 when health is SERVING."),
        }

    def collect(self) -> Iterator[GaugeMetricFamily]:
        families = self._families()
        if self._residency is not None:
            families["loaded"].add_metric([], len(self._residency))
            families["resident"].add_metric([], self._residency.total_bytes)
            families["budget"].add_metric([], self._residency.budget)
            families["loads"].add_metric([], self._residency.loads)
            families["evictions"].add_metric([], self._residency.evictions)
        for namespace in self._indexes.namespaces():
            index = self._indexes.get(namespace)
            if index is not None:  # len() and nbytes read without the index's lock
                families["rows"].add_metric([namespace], len(index))
                families["bytes"].add_metric([namespace], index.nbytes)
        redis_up = bool(self._monitor.redis_up)
        families["redis_up"].add_metric([], 1 if redis_up else 0)
        families["serving"].add_metric([], 1 if self._monitor.serving else 0)
        if redis_up:
            try:
                for namespace, entries, seconds in self._lags():
                    families["lag"].add_metric([namespace], entries)
                    families["lag_s"].add_metric([namespace], seconds)
            except redis.RedisError as exc:  # the scrape still answers, without lag
                log.debug("change-log lag not read: %s", exc)
        yield from families.values()

    def _lags(self) -> Iterator[tuple[str, int, float]]:
        positions = self._follower.positions()
        if not positions:
            return
        pipe = self._redis.pipeline(transaction=False)
        for namespace, ((ms, n), _seq) in positions.items():
            keys = NamespaceKeys(namespace)
            pipe.hget(keys.embedding_config, "log_seq")
            pipe.xrange(keys.changes, min=f"({ms}-{n}", max="+", count=1)
        replies = pipe.execute()
        now = time.time()
        for i, (namespace, (_entry, seq)) in enumerate(positions.items()):
            newest, following = replies[2 * i], replies[2 * i + 1]
            if newest is None:  # no vectors (yet, or any more)
                continue
            entries = max(int(newest) - seq, 0)
            seconds = 0.0
            if entries and following:
                entry_ms, _ = parse_change_id(following[0][0])
                seconds = max(now - entry_ms / 1000, 0.0)
            yield namespace, entries, seconds


class StatePublisher:
    """A worker's `StateCollector` values, copied every `interval` seconds into gauges with a
    ``worker`` label, for prometheus-client's multiprocess mode (`engram.workers`), where the
    scrape happens in the supervisor and a collector reading live state cannot run.

    The gauges are "livemax": a dead worker's series go once the supervisor marks its pid dead.
    A namespace gone from the index is published as 0 (multiprocess mode cannot remove a
    series). Runs in a daemon thread from `start()`.
    """

    def __init__(self, collector: StateCollector, worker: int, registry: CollectorRegistry,
                 interval: float = 1.0) -> None:
        self._collector = collector
        self._worker = str(worker)
        self._interval = interval
        self._gauges: dict[str, Gauge] = {}
        for name, family in collector._families().items():
            labels = ("namespace", "worker") if name in ("rows", "bytes", "lag", "lag_s") else ("worker",)
            self._gauges[family.name] = Gauge(family.name, family.documentation, labels, registry=registry,
                                              multiprocess_mode="livemax")
        self._published: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="engram-state-metrics", daemon=True)

    def publish(self) -> None:
        """One copy of every state value; series published before and absent now are set to 0."""
        seen = set()
        for family in self._collector.collect():
            gauge = self._gauges[family.name]
            for sample in family.samples:
                labels = tuple(sorted(sample.labels.items()))
                gauge.labels(**sample.labels, worker=self._worker).set(sample.value)
                seen.add((family.name, labels))
        for name, labels in self._published - seen:
            self._gauges[name].labels(**dict(labels), worker=self._worker).set(0)
        self._published |= seen

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            try:
                self.publish()
            except Exception:  # noqa: BLE001 - the next round retries; a scrape shows the last values
                log.debug("state metrics not published", exc_info=True)
            if self._stop.wait(self._interval):
                return


class WorkersCollector(Collector):
    """The supervisor's own metrics about its workers (`engram.workers`), read at scrape time.

    Args:
        configured: the number of workers.
        workers: returns, per worker index, (pid or None, serving, restarts).
    """

    def __init__(self, configured: int, workers: Callable[[], Sequence[tuple[int | None, bool, int]]]) -> None:
        self._configured = configured
        self._workers = workers

    def describe(self) -> list[GaugeMetricFamily]:
        return []  # collected only at scrape time (no name clash to check at registration)

    def collect(self) -> Iterator[GaugeMetricFamily | CounterMetricFamily]:
        states = list(self._workers())
        yield GaugeMetricFamily("engram_workers", "Worker processes configured (--workers).", self._configured)
        yield GaugeMetricFamily("engram_workers_serving", "Workers whose own health is SERVING.",
                                sum(1 for _pid, serving, _restarts in states if serving))
        restarts = CounterMetricFamily("engram_worker_restarts", "Times the supervisor restarted a dead worker.",
                                       labels=["worker"])
        memory = GaugeMetricFamily("engram_worker_resident_memory_bytes", "Resident memory of a worker process.",
                                   labels=["worker"])
        page = os.sysconf("SC_PAGE_SIZE")
        for index, (pid, _serving, count) in enumerate(states):
            restarts.add_metric([str(index)], count)
            if pid is not None:
                try:
                    with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                        memory.add_metric([str(index)], int(statm.read().split()[1]) * page)
                except (OSError, ValueError, IndexError):  # exited meanwhile, or not Linux
                    pass
        yield restarts
        yield memory


class MetricsServer:
    """``/metrics`` of `registry` over HTTP on ``listen`` (``host:port``; port 0: the OS
    chooses, see `port`), in a daemon thread.

    Raises: RuntimeError when the address cannot be bound.
    """

    def __init__(self, listen: str, registry: CollectorRegistry) -> None:
        host, port = split_listen(listen)
        try:
            self._httpd, self._thread = prometheus_client.start_http_server(port, host, registry)
        except OSError as exc:
            raise RuntimeError(f"cannot listen for metrics on {listen}: {exc}") from exc

    @property
    def port(self) -> int:
        return int(self._httpd.server_port)

    def stop(self, timeout: float = 5.0) -> None:
        """Stops serving; waits at most ``timeout`` seconds for the (daemon) server thread."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=timeout)


def split_listen(listen: str) -> tuple[str, int]:
    """``host:port`` -> (host, port); ``[v6]:port`` loses its brackets; an empty host is
    every interface (0.0.0.0).

    Raises: ValueError when there is no port or it is not 0..65535.
    """
    host, sep, port = listen.rpartition(":")
    if not sep or not port.isdigit() or int(port) > 65535:
        raise ValueError(f"--metrics-listen must be HOST:PORT, got {listen!r}")
    host = host.strip("[]") or "0.0.0.0"
    return host, int(port)


def new_registry() -> CollectorRegistry:
    """A registry with the process collectors (CPU, memory, fds, python_info)."""
    registry = CollectorRegistry()
    prometheus_client.ProcessCollector(registry=registry)
    prometheus_client.PlatformCollector(registry=registry)
    return registry
