"""Application factory: builds every dependency once from `Settings` and wires the gRPC server.

`build(settings)` returns an `App` whose server is started and bound (port 0 binds a port the
OS chooses; `App.port` tells which). Nothing is global: tests build as many apps as they like.
"""

from __future__ import annotations

import functools

import logging
import time
from collections.abc import Callable
from concurrent import futures
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import redis
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client import CollectorRegistry
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from engram import tls
from engram.blas import limit_blas_threads
from engram.api.confidence import ConfidenceServicer
from engram.api.embedding import EmbeddingServicer
from engram.api.errors import ErrorMappingInterceptor
from engram.api.guard import CallGuard, CallLimits, Watchdog
from engram.api.graph import GraphServicer
from engram.api.ledger import LedgerServicer
from engram.api.namespace import NamespaceServicer
from engram.api.record import RecordServicer
from engram.auth import AuthInterceptor, KeyRing, load_key_file
from engram.config import Settings
from engram.domain.confidence import ConfidenceStore
from engram.domain.config import ConfigStore
from engram.domain.embedding import EmbeddingStore
from engram.domain.forgetting import Forgetting, Sweeper
from engram.domain.graph import GraphStore
from engram.domain.ledger import Ledger
from engram.domain.lifecycle import RecordLifecycle
from engram.domain.namespaces import NamespaceRegistry
from engram.domain.outcomes import OutcomeReporter
from engram.domain.records import RecordReader
from engram.domain.stats import EdgeCounting, count_edges, namespace_stats
from engram.embeddings.index import IndexRegistry
from engram.embeddings.keyword import KeywordRegistry
from engram.embeddings.snapshot import SnapshotStore
from engram.embeddings.snapshotter import Snapshotter
from engram.embeddings.residency import Residency
from engram.embeddings.sync import ChangeLogFollower
from engram.health import RedisHealthMonitor
from engram.health_servicer import HealthServicer
from engram.limits import Limits
from engram.observability.interceptor import ObservabilityInterceptor
from engram.observability.metrics import (ForgettingMetrics, MetricsServer, ResidencyMetrics, RpcMetrics, StateCollector,
                                          new_registry)
from engram.reflection import enable_reflection
from engram.store.private_redis import PrivateRedis
from engram.store.scripts import Scripts
from engram.v1 import (
    confidence_pb2,
    confidence_pb2_grpc,
    embedding_pb2,
    embedding_pb2_grpc,
    graph_pb2,
    graph_pb2_grpc,
    ledger_pb2,
    ledger_pb2_grpc,
    namespace_pb2,
    namespace_pb2_grpc,
    record_pb2,
    record_pb2_grpc,
)

log = logging.getLogger(__name__)

# Seconds `App.stop` gives background threads, together, once calls have drained.
KEYWORD_COMMIT_INTERVAL_S = 0.1  # background publishing of keyword-index writes (KeywordRegistry)
CLEANUP_SECONDS = 0.3

SERVICE_NAMES = [
    confidence_pb2.DESCRIPTOR.services_by_name["ConfidenceService"].full_name,
    graph_pb2.DESCRIPTOR.services_by_name["GraphService"].full_name,
    ledger_pb2.DESCRIPTOR.services_by_name["LedgerService"].full_name,
    embedding_pb2.DESCRIPTOR.services_by_name["EmbeddingService"].full_name,
    namespace_pb2.DESCRIPTOR.services_by_name["NamespaceService"].full_name,
    record_pb2.DESCRIPTOR.services_by_name["RecordService"].full_name,
]


def redis_client(url: str) -> redis.Redis:
    """A pooled client with short timeouts, so a Redis outage becomes UNAVAILABLE quickly."""
    return redis.Redis.from_url(
        url,
        socket_timeout=5,
        socket_connect_timeout=2,
        health_check_interval=10,
        retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), retries=2),
        max_connections=256,
    )


def load_embedder(settings: Settings):  # -> BatchingEmbedder | None
    """The embedding model named by ``settings.embedding_model``: "minilm" (default:
    all-MiniLM-L6-v2 on onnxruntime, from the packaged weights), "minilm-numpy" (the same
    model as a plain numpy forward pass, the reference), "openai" (an OpenAI-compatible
    endpoint: ``embedding_url``, ``embedding_api_model``, ``embedding_api_key``) or "none"
    (client-supplied vectors only). Models run behind a `BatchingEmbedder`, off the request
    threads.

    Raises: EmbeddingError when the endpoint cannot be reached at start.
    """
    name = settings.embedding_model
    if name == "none":
        return None
    from engram.embeddings.batching import BatchingEmbedder

    started = time.monotonic()
    if name == "openai":
        from engram.embeddings.openai_compat import OpenAICompatibleProvider

        provider = OpenAICompatibleProvider(settings.embedding_url, settings.embedding_api_model,
                                            api_key=settings.embedding_api_key)
    elif name == "minilm-numpy":  # the pure-numpy reference forward pass
        from engram.embeddings.minilm import MiniLMProvider

        provider = MiniLMProvider()
    else:
        from engram.embeddings.onnx_minilm import OnnxMiniLMProvider

        provider = OnnxMiniLMProvider()
    embedder = BatchingEmbedder(provider)
    embedder.start()
    log.info("loaded embedding model %s (%d dimensions) in %.1fs", embedder.model_id, embedder.dimensions,
             time.monotonic() - started)
    return embedder


@dataclass(frozen=True)
class WorkerHooks:
    """How `engram.workers` runs an App as one of several processes on one port.

    Given, the App binds its port with SO_REUSEPORT (the kernel spreads connections over the
    processes), sends ``x-engram-worker: <index>`` back with every call, and:
        health_gate: called with the App's `HealthServicer`; returns the object (with
            ``set(service, status)``) the Redis health monitor sets instead, which publishes
            this process's readiness and answers SERVING only while every process is ready.
        metrics: call and sweeper metrics are recorded (into prometheus-client's multiprocess
            files, PROMETHEUS_MULTIPROC_DIR) though this App serves no /metrics itself.
        snapshots: this App writes index snapshots (one process does); every App reads them.
    """

    index: int
    health_gate: Callable[[HealthServicer], object]
    metrics: bool = False
    snapshots: bool = True


@dataclass
class App:
    """A running Engram server and what it owns."""

    settings: Settings
    server: grpc.Server
    port: int
    redis: redis.Redis
    health: HealthServicer
    monitor: RedisHealthMonitor
    embeddings: EmbeddingStore
    follower: ChangeLogFollower
    embedder: object | None = None
    owns_embedder: bool = True
    private_redis: PrivateRedis | None = None
    metrics_server: MetricsServer | None = None  # /metrics, when settings.metrics_listen
    watchdog: Watchdog | None = None  # cancels calls past the guard's bounds (engram.api.guard)
    sweeper: Sweeper | None = None  # deletes expired and policy-forgotten records (engram.domain.forgetting)
    snapshotter: Snapshotter | None = None  # writes index snapshots (engram.embeddings.snapshotter)
    _stopped: bool = field(default=False, repr=False)

    @property
    def address(self) -> str:
        host = self.settings.listen.rsplit(":", 1)[0] or "127.0.0.1"
        return f"{host}:{self.port}"

    def stop(self, grace: float | None = None) -> None:
        """Graceful stop: health NOT_SERVING, refuse new calls, let calls in flight finish
        within ``grace`` seconds (default: settings.grace_period; calls still running then are
        cancelled), then release everything, the private Redis last. After the drain, the
        background threads get at most `CLEANUP_SECONDS` together: one blocked in Redis I/O is
        abandoned (they are daemons), so a Redis outage cannot stretch the stop."""
        if self._stopped:
            return
        self._stopped = True
        grace = self.settings.grace_period if grace is None else grace
        started = time.monotonic()
        self.health.enter_graceful_shutdown()
        self.server.stop(grace).wait(grace + CLEANUP_SECONDS)
        log.info("drained calls in %.1fs; stopping background work", time.monotonic() - started)
        deadline = time.monotonic() + CLEANUP_SECONDS

        def left() -> float:
            return max(deadline - time.monotonic(), 0.0)

        if self.metrics_server is not None:
            self.metrics_server.stop(left())
        if self.sweeper is not None:
            self.sweeper.stop(left())
        self.monitor.stop(left())
        self.follower.stop(left())
        if self.snapshotter is not None:  # after the follower: positions hold still
            self.snapshotter.stop(final=True)
        if self.embeddings.residency is not None:
            self.embeddings.residency.close()
        self.embeddings.keywords.close(left())
        if self.watchdog is not None:
            self.watchdog.stop()
        if self.embedder is not None and self.owns_embedder:
            self.embedder.close(left())  # type: ignore[attr-defined]
        self.redis.close()
        if self.private_redis is not None:  # last: calls drained above may have used it
            self.private_redis.stop()

    def wait(self) -> None:
        self.server.wait_for_termination()


def build(settings: Settings, *, embedder: object | None = None, load_model: bool = True,
          client: redis.Redis | None = None, worker: WorkerHooks | None = None) -> App:
    """Builds and starts the server.

    Args:
        settings: configuration; ``listen`` with port 0 binds an OS-chosen port.
        embedder: an already built embedder to share (tests); else loaded from settings
            when ``load_model``.
        client: a Redis client to use instead of one built from settings.
        worker: set when this App is one of `engram serve --workers N` (`engram.workers`).

    Raises:
        RuntimeError: the listen address cannot be bound.
        ValueError: a malformed API key file (`engram.auth.KeyFileError`), TLS files or limits;
            raised before anything is started.
    """
    # Refused before anything starts: a bad key file, TLS files or limits.
    keys = load_key_file(settings.api_keys_file) if settings.api_keys_file else None
    credentials = tls.server_credentials(settings.tls_cert_file, settings.tls_key_file, settings.tls_client_ca_file)
    limits = Limits(settings.max_top_k, settings.max_batch_size, settings.max_ids_per_call)
    # Process-wide and kept: searches in flight each run a one-thread product (engram.blas).
    limit_blas_threads(settings.blas_threads)
    private = None
    metrics_server = None
    watchdog = None
    sweeper = None
    snapshotter = None
    if client is None:
        url = settings.redis_url
        if not url:
            private = PrivateRedis(Path(settings.data_dir) / "redis").start()
            url = private.url
        if settings.redis_cluster or settings.min_replica_acks:
            from engram.store.cluster import replicated_client  # Redis Cluster, and/or WAIT after writes

            client = replicated_client(url, settings)
        else:
            client = redis_client(url)
    try:
        owns_embedder = embedder is None
        if embedder is None and load_model:
            embedder = load_embedder(settings)

        # One wall clock for the server: what writes store and what reads judge expiry against.
        clock = time.time
        scripts = Scripts.register(client)
        configs = ConfigStore(client)
        registry = NamespaceRegistry(client)
        confidence = ConfidenceStore(client, scripts, configs, limits, clock=clock)
        graph = GraphStore(client, scripts, configs, limits, clock=clock)
        ledger = Ledger(client, scripts, configs, clock=clock)
        ann_settings = settings.ann_settings()
        snapshots = (SnapshotStore(settings.index_snapshot_dir, ann_settings)
                     if settings.index_snapshot_dir else None)
        embeddings = EmbeddingStore(client, scripts, embedder, IndexRegistry(ann_settings),
                                    settings.change_log_length,
                                    limits=limits, max_token_waits=settings.max_token_waits,
                                    max_token_wait=settings.max_token_wait,
                                    keywords=KeywordRegistry(commit_interval=KEYWORD_COMMIT_INTERVAL_S),
                                    snapshots=snapshots)
        follower = ChangeLogFollower(client, embeddings)
        snapshotter = (Snapshotter(embeddings, follower, snapshots, settings.snapshot_interval)
                       if snapshots is not None and (worker is None or worker.snapshots) else None)
        # One registry per App: several servers in one process (tests) keep their own metrics.
        # A worker's values go to the multiprocess files whatever the registry; the supervisor serves them.
        metrics_registry = (new_registry() if settings.metrics_listen
                            else CollectorRegistry() if worker is not None and worker.metrics else None)
        residency_metrics = ResidencyMetrics(metrics_registry) if metrics_registry is not None else None
        residency = Residency(embeddings, follower, settings.index_memory_budget,
                              on_load=residency_metrics.loaded if residency_metrics is not None else None)
        lifecycle = RecordLifecycle(client, scripts, embeddings, registry)
        forgetting = Forgetting(client, configs, lifecycle, clock=clock)
        call_limits = CallLimits(settings.max_concurrent_streams, settings.max_held_calls,
                                 settings.request_read_timeout, stream_send_timeout=settings.stream_send_timeout,
                                 stream_idle_timeout=settings.stream_idle_timeout)
        watchdog = Watchdog(call_limits)
        if settings.max_concurrent_streams + settings.max_held_calls >= settings.max_workers:
            log.warning("--max-concurrent-streams (%d) plus --max-held-calls (%d) leave none of the %d "
                        "--max-workers threads to other calls: one client can hold them all",
                        settings.max_concurrent_streams, settings.max_held_calls, settings.max_workers)
        server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=settings.max_workers, thread_name_prefix="engram-rpc"),
            # CallGuard first: it bounds how long any call holds a thread, before any other code.
            # ObservabilityInterceptor next: outermost of the rest, so it sees the code the mapping sets.
            interceptors=[CallGuard(call_limits, watchdog),
                          ObservabilityInterceptor(RpcMetrics(metrics_registry) if metrics_registry else None,
                                                   worker=worker.index if worker is not None else None),
                          *([AuthInterceptor(keys)] if keys is not None else []),  # before any servicer code
                          ErrorMappingInterceptor()],
            options=[
                ("grpc.max_receive_message_length", settings.max_message_bytes),
                ("grpc.max_send_message_length", settings.max_message_bytes),
                # Off for a lone server, so a port in use fails the start; workers share one port.
                ("grpc.so_reuseport", 1 if worker is not None else 0),
                # Idle connections hold no thread, only a socket: closed after a while all the same.
                ("grpc.max_connection_idle_ms", int(settings.max_connection_idle * 1000)),
            ],
        )
        confidence_pb2_grpc.add_ConfidenceServiceServicer_to_server(ConfidenceServicer(confidence, registry), server)
        graph_pb2_grpc.add_GraphServiceServicer_to_server(GraphServicer(graph, registry), server)
        ledger_pb2_grpc.add_LedgerServiceServicer_to_server(LedgerServicer(ledger, registry, clock), server)
        embedding_pb2_grpc.add_EmbeddingServiceServicer_to_server(EmbeddingServicer(embeddings, registry, clock=clock), server)
        namespace_pb2_grpc.add_NamespaceServiceServicer_to_server(
            NamespaceServicer(configs, registry, lifecycle, functools.partial(namespace_stats, client),
                              EdgeCounting(functools.partial(count_edges, client, scripts))), server)
        record_pb2_grpc.add_RecordServiceServicer_to_server(
            RecordServicer(OutcomeReporter(client, scripts), RecordReader(client, configs, limits, clock),
                           lifecycle, registry, forgetting, clock=clock),
            server)

        health_servicer = HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
        enable_reflection([*SERVICE_NAMES, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name], server)
        monitor = RedisHealthMonitor(client, worker.health_gate(health_servicer) if worker else health_servicer,
                                     SERVICE_NAMES, settings.health_interval,
                                     on_first_ready=follower.warm_and_start)

        try:
            if credentials is not None:
                port = server.add_secure_port(settings.listen, credentials)
            else:
                port = server.add_insecure_port(settings.listen)
        except RuntimeError as exc:
            raise RuntimeError(f"cannot listen on {settings.listen}: {exc}") from exc
        if settings.metrics_listen:
            metrics_registry.register(StateCollector(embeddings.indexes, follower, client, monitor, residency))
            metrics_server = MetricsServer(settings.metrics_listen, metrics_registry)
            log.info("Prometheus metrics on http://%s:%d/metrics", settings.metrics_listen.rsplit(":", 1)[0],
                     metrics_server.port)
        sweeper = Sweeper(forgetting, registry, settings.sweep_interval, settings.forget_policy_interval,
                          ForgettingMetrics(metrics_registry).record if metrics_registry is not None else None)
        server.start()
        monitor.start()
        sweeper.start()
        if snapshotter is not None:
            snapshotter.start()
        pool = getattr(client, "connection_pool", None)  # a Redis Cluster client has one per node instead
        kwargs = pool.connection_kwargs if pool is not None else {"host": "Redis Cluster seed " + str(
            client.get_default_node().host), "port": client.get_default_node().port}
        log.info("Engram listening on %s; Redis at %s:%s%s; %s", settings.listen.rsplit(":", 1)[0] + f":{port}",
                 kwargs.get("host", "?"), kwargs.get("port", "?"), " (private server)" if private else "",
                 _security(settings, keys))
        if credentials is None and keys is None:
            log.warning("TLS and API keys are off (plaintext, no auth): keep it on loopback or a trusted network")
        elif credentials is None:
            log.warning("TLS is off (plaintext): API keys cross the network in clear; keep it on loopback or a "
                        "trusted network")
        elif keys is None:
            log.warning("API keys are off (no auth): every client that reaches the port may use every namespace")
    except BaseException:
        if sweeper is not None:
            sweeper.stop(0)
        if snapshotter is not None:
            snapshotter.stop(final=False)
        if metrics_server is not None:
            metrics_server.stop()
        if watchdog is not None:
            watchdog.stop()
        if private is not None:
            private.stop()
        raise
    return App(settings, server, port, client, health_servicer, monitor, embeddings, follower, embedder,
               owns_embedder, private, metrics_server=metrics_server, watchdog=watchdog, sweeper=sweeper,
               snapshotter=snapshotter)


def _security(settings: Settings, keys: KeyRing | None) -> str:
    """What the start log says about TLS and API keys (names and counts, never keys)."""
    if settings.tls_cert_file:
        transport = "TLS on" + (" (mutual: client certificates required)" if settings.tls_client_ca_file else "")
    else:
        transport = "TLS off (plaintext)"
    if keys is None:
        return f"{transport}; API keys off (no auth)"
    return f"{transport}; API keys on ({len(keys)} from {settings.api_keys_file}: {', '.join(keys.names)})"
