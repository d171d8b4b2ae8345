"""Server settings: built once at start from flags and ``ENGRAM_*`` environment variables,
then passed explicitly (no globals).

| setting | flag | environment | default |
|---|---|---|---|
| listen address | ``--listen`` | ``ENGRAM_LISTEN`` | ``127.0.0.1:50051`` |
| server processes on that one port (SO_REUSEPORT; `engram.workers`) | ``--workers`` | ``ENGRAM_WORKERS`` | the usable cores (``os.sched_getaffinity``) |
| Redis URL | ``--redis-url`` | ``ENGRAM_REDIS_URL`` | unset: start a private server |
| data directory (private server) | ``--data-dir`` | ``ENGRAM_DATA_DIR`` | ``~/.local/share/engram`` |
| gRPC worker threads | ``--max-workers`` | ``ENGRAM_MAX_WORKERS`` | 64 |
| shutdown grace period, s | ``--grace-period`` | ``ENGRAM_GRACE_PERIOD`` | 10 |
| Redis health-check interval, s | ``--health-interval`` | ``ENGRAM_HEALTH_INTERVAL`` | 1.0 |
| embedding model | ``--embedding-model`` | ``ENGRAM_EMBEDDING_MODEL`` | ``minilm`` (onnxruntime; ``minilm-numpy``: numpy reference; ``openai``: an OpenAI-compatible endpoint; ``none``: client vectors only) |
| endpoint of ``openai`` (API root) | ``--embedding-url`` | ``ENGRAM_EMBEDDING_URL`` | ``https://api.openai.com/v1`` |
| model name sent to that endpoint | ``--embedding-api-model`` | ``ENGRAM_EMBEDDING_API_MODEL`` | ``text-embedding-3-small`` |
| API key of that endpoint | ``--embedding-api-key-file`` (a file holding it) | ``ENGRAM_EMBEDDING_API_KEY`` | none |
| change-log length per namespace (approximate) | ``--change-log-length`` | ``ENGRAM_CHANGE_LOG_LENGTH`` | 100000 |
| log level | ``--log-level`` | ``ENGRAM_LOG_LEVEL`` | ``INFO`` |
| API key file (TOML, `engram.auth.keyfile`) | ``--api-keys-file`` | ``ENGRAM_API_KEYS_FILE`` | unset: no auth |
| TLS certificate chain, private key (PEM) | ``--tls-cert-file``, ``--tls-key-file`` | ``ENGRAM_TLS_CERT_FILE``, ``ENGRAM_TLS_KEY_FILE`` | unset: plaintext |
| CA of client certificates (mutual TLS) | ``--tls-client-ca-file`` | ``ENGRAM_TLS_CLIENT_CA_FILE`` | unset |
| largest gRPC message received or sent, bytes | ``--max-message-bytes`` | ``ENGRAM_MAX_MESSAGE_BYTES`` | 16777216 |
| most results per search query (top_k) | ``--max-top-k`` | ``ENGRAM_MAX_TOP_K`` | 1000 |
| most updates/links/edges/import records per call (queries, texts: also at most 256) | ``--max-batch-size`` | ``ENGRAM_MAX_BATCH_SIZE`` | 1000 |
| most record ids per call (BatchGetRecords, BatchGetConfidence, Propagate seeds) | ``--max-ids-per-call`` | ``ENGRAM_MAX_IDS_PER_CALL`` | 1000 |
| log format: ``text`` or ``json`` (one object per line) | ``--log-format`` | ``ENGRAM_LOG_FORMAT`` | ``text`` |
| Prometheus ``/metrics`` over HTTP, ``host:port`` | ``--metrics-listen`` | ``ENGRAM_METRICS_LISTEN`` | unset: off |
| ``--redis-url`` is a seed node of a Redis Cluster | ``--redis-cluster`` | ``ENGRAM_REDIS_CLUSTER=1`` | off |
| replicas that must confirm each write (Redis WAIT) | ``--min-replica-acks`` | ``ENGRAM_MIN_REPLICA_ACKS`` | 0: no waiting |
| how long a write waits for them, ms | ``--replica-ack-timeout-ms`` | ``ENGRAM_REPLICA_ACK_TIMEOUT_MS`` | 1000 |
| streaming calls at once (Search, BatchSearch, ImportEmbeddings, reflection) | ``--max-concurrent-streams`` | ``ENGRAM_MAX_CONCURRENT_STREAMS`` | 32 |
| calls held by their clients (request not sent, reply not read, stream idle) before the oldest are cancelled | ``--max-held-calls`` | ``ENGRAM_MAX_HELD_CALLS`` | 16 |
| longest wait for a call's request message, s | ``--request-read-timeout`` | ``ENGRAM_REQUEST_READ_TIMEOUT`` | 10 |
| longest wait for the client to read one streamed reply, s | ``--stream-send-timeout`` | ``ENGRAM_STREAM_SEND_TIMEOUT`` | 30 |
| longest pause between messages of a request stream, s | ``--stream-idle-timeout`` | ``ENGRAM_STREAM_IDLE_TIMEOUT`` | 60 |
| searches waiting for their consistency token at once | ``--max-token-waits`` | ``ENGRAM_MAX_TOKEN_WAITS`` | 8 |
| longest consistency-token wait, s | ``--max-token-wait`` | ``ENGRAM_MAX_TOKEN_WAIT`` | 10 |
| a connection with no call for this long is closed, s | ``--max-connection-idle`` | ``ENGRAM_MAX_CONNECTION_IDLE`` | 300 |
| seconds between sweeps deleting expired records (`engram.domain.forgetting`) | ``--sweep-interval`` | ``ENGRAM_SWEEP_INTERVAL`` | 1.0 |
| seconds between sweeps that also apply the namespaces' forgetting policy | ``--forget-policy-interval`` | ``ENGRAM_FORGET_POLICY_INTERVAL`` | 60 |
| rows from which a namespace gets an approximate (HNSW) index; 0: always exact (`engram.embeddings.ann`) | ``--ann-threshold`` | ``ENGRAM_ANN_THRESHOLD`` | 20000 |
| how that index stores vectors (``f32``, ``f16``, ``i8``; results are rescored in float32) | ``--ann-dtype`` | ``ENGRAM_ANN_DTYPE`` | ``i8`` |
| HNSW search breadth (ef): higher is slower and finds more of the true nearest | ``--ann-expansion-search`` | ``ENGRAM_ANN_EXPANSION_SEARCH`` | 64 |
| directory of index snapshots (`engram.embeddings.snapshot`); ``none``: off | ``--index-snapshot-dir`` | ``ENGRAM_INDEX_SNAPSHOT_DIR`` | ``<data dir>/indexes`` |
| seconds between snapshots of namespaces that changed (and once at shutdown) | ``--snapshot-interval`` | ``ENGRAM_SNAPSHOT_INTERVAL`` | 300 |
| estimated bytes of in-memory indexes, least recently used namespaces evicted beyond it (``512M``, ``4G``; `engram.embeddings.residency`) | ``--index-memory-budget`` | ``ENGRAM_INDEX_MEMORY_BUDGET`` | 0: unlimited |

The streaming and pending-request bounds together should leave threads for other calls,
``max_concurrent_streams + max_held_calls < max_workers`` (`engram.api.guard`); the
server warns at start when they do not.

Memory behaviour (evidence cap, graph symmetry, max edges, ...) is not a server setting: it is
each namespace's configuration, stored in Redis (`engram.domain.config`), so replicas agree.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path

from engram import limits
from engram.embeddings import ann


def usable_cores() -> int:
    """CPUs this process may run on (its affinity mask: a container's cpuset, ``taskset``),
    the default of ``--workers``. A CFS quota (``docker --cpus``) is not seen: set ``--workers``."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "engram")


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to start. Tests build their own."""

    listen: str = "127.0.0.1:50051"
    # Processes of `engram serve` (engram.workers); `engram.app.build` itself is always one of them.
    workers: int = 1
    redis_url: str | None = None
    data_dir: str = field(default_factory=_default_data_dir)
    max_workers: int = 64
    grace_period: float = 10.0
    health_interval: float = 1.0
    embedding_model: str = "minilm"
    embedding_url: str = "https://api.openai.com/v1"
    embedding_api_model: str = "text-embedding-3-small"
    embedding_api_key: str | None = field(default=None, repr=False)  # never logged
    change_log_length: int = 100_000
    log_level: str = "INFO"
    api_keys_file: str | None = None  # TOML key file; None: no auth
    tls_cert_file: str | None = None  # PEM; None (with tls_key_file): plaintext
    tls_key_file: str | None = None
    tls_client_ca_file: str | None = None  # PEM CA; set: clients must present a certificate
    max_message_bytes: int = limits.DEFAULT_MAX_MESSAGE_BYTES
    max_top_k: int = limits.DEFAULT_MAX_TOP_K  # per-call limits: `engram.limits`
    max_batch_size: int = limits.DEFAULT_MAX_BATCH_SIZE
    max_ids_per_call: int = limits.DEFAULT_MAX_IDS_PER_CALL
    log_format: str = "text"  # text | json
    metrics_listen: str | None = None  # host:port of /metrics; None: off
    redis_cluster: bool = False  # redis_url is a seed node of a Redis Cluster (engram.store.cluster)
    min_replica_acks: int = 0  # replicas that must confirm each write (WAIT); 0: none
    replica_ack_timeout_ms: int = 1000
    # Bounds on what one client can hold (`engram.api.guard`, `EmbeddingStore`).
    max_concurrent_streams: int = 32
    max_held_calls: int = 16
    request_read_timeout: float = 10.0
    stream_send_timeout: float = 30.0
    stream_idle_timeout: float = 60.0
    max_token_waits: int = 8
    max_token_wait: float = 10.0
    max_connection_idle: float = 300.0
    # Forgetting (`engram.domain.forgetting`): expired records, then the opt-in policy.
    sweep_interval: float = 1.0
    forget_policy_interval: float = 60.0
    # The approximate index (`engram.embeddings.ann`).
    ann_threshold: int = ann.DEFAULT_THRESHOLD
    ann_dtype: str = ann.DEFAULT_DTYPE
    ann_expansion_search: int = ann.DEFAULT_EXPANSION_SEARCH
    # Threads of the process's BLAS (`engram.blas`): one per product; 0: the library's default.
    blas_threads: int = 1
    # Index snapshots (`engram.embeddings.snapshot`); None: off (``engram serve``: <data dir>/indexes).
    index_snapshot_dir: str | None = None
    snapshot_interval: float = 300.0

    def ann_settings(self) -> ann.AnnSettings:
        """The approximate index's settings."""
        return ann.AnnSettings(threshold=self.ann_threshold, dtype=self.ann_dtype,
                               expansion_search=self.ann_expansion_search)
    # Namespaces' indexes load on first use; beyond this many estimated bytes the least recently
    # used are evicted (`engram.embeddings.residency`). 0: unlimited (none evicted).
    index_memory_budget: int = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``engram serve``; each defaults to its ``ENGRAM_*`` variable, then the default."""
    env = os.environ.get
    d = Settings()
    parser.add_argument("--listen", default=env("ENGRAM_LISTEN", d.listen), help="host:port to serve gRPC on")
    parser.add_argument("--workers", type=int, default=int(env("ENGRAM_WORKERS", usable_cores())),
                        help="server processes sharing --listen's port (SO_REUSEPORT), one Redis and one health "
                             "status; 1: a single process (default: the usable cores)")
    parser.add_argument("--redis-url", default=env("ENGRAM_REDIS_URL") or None,
                        help="redis:// URL; unset starts a private Redis-compatible server")
    parser.add_argument("--data-dir", default=env("ENGRAM_DATA_DIR", d.data_dir),
                        help="data directory of the private server (append-only file)")
    parser.add_argument("--max-workers", type=int, default=int(env("ENGRAM_MAX_WORKERS", d.max_workers)))
    parser.add_argument("--grace-period", type=float, default=float(env("ENGRAM_GRACE_PERIOD", d.grace_period)),
                        help="seconds calls in flight may take to finish on SIGTERM or SIGINT; exit follows "
                             "within 1 s")
    parser.add_argument("--health-interval", type=float,
                        default=float(env("ENGRAM_HEALTH_INTERVAL", d.health_interval)))
    parser.add_argument("--embedding-model", choices=["minilm", "minilm-numpy", "openai", "none"],
                        default=env("ENGRAM_EMBEDDING_MODEL", d.embedding_model))
    parser.add_argument("--embedding-url", default=env("ENGRAM_EMBEDDING_URL", d.embedding_url),
                        help="API root of the OpenAI-compatible endpoint (--embedding-model openai)")
    parser.add_argument("--embedding-api-model", default=env("ENGRAM_EMBEDDING_API_MODEL", d.embedding_api_model),
                        help="model name sent to that endpoint")
    parser.add_argument("--embedding-api-key-file", default=None,
                        help="file holding the endpoint's API key (else ENGRAM_EMBEDDING_API_KEY)")
    parser.add_argument("--change-log-length", type=int,
                        default=int(env("ENGRAM_CHANGE_LOG_LENGTH", d.change_log_length)),
                        help="entries kept in each namespace's change log; a replica that falls further "
                             "behind reloads the namespace")
    parser.add_argument("--log-level", default=env("ENGRAM_LOG_LEVEL", d.log_level))
    parser.add_argument("--api-keys-file", default=env("ENGRAM_API_KEYS_FILE") or None,
                        help="TOML file of API keys (name, key or sha256, role, namespaces); unset: no auth")
    parser.add_argument("--tls-cert-file", default=env("ENGRAM_TLS_CERT_FILE") or None,
                        help="PEM certificate chain; with --tls-key-file serves TLS (unset: plaintext)")
    parser.add_argument("--tls-key-file", default=env("ENGRAM_TLS_KEY_FILE") or None,
                        help="PEM private key of --tls-cert-file")
    parser.add_argument("--tls-client-ca-file", default=env("ENGRAM_TLS_CLIENT_CA_FILE") or None,
                        help="PEM CA certificates; clients must present a certificate they signed (mutual TLS)")
    parser.add_argument("--max-message-bytes", type=int,
                        default=int(env("ENGRAM_MAX_MESSAGE_BYTES", d.max_message_bytes)),
                        help="largest gRPC message received or sent; larger ones fail with RESOURCE_EXHAUSTED")
    parser.add_argument("--max-top-k", type=int, default=int(env("ENGRAM_MAX_TOP_K", d.max_top_k)),
                        help="most results per search query")
    parser.add_argument("--max-batch-size", type=int, default=int(env("ENGRAM_MAX_BATCH_SIZE", d.max_batch_size)),
                        help="most updates, links, edges or import records per call (queries and Embed texts: "
                             "also at most 256)")
    parser.add_argument("--max-ids-per-call", type=int,
                        default=int(env("ENGRAM_MAX_IDS_PER_CALL", d.max_ids_per_call)),
                        help="most record ids per call (BatchGetRecords, BatchGetConfidence, Propagate seeds)")
    parser.add_argument("--log-format", choices=["text", "json"], default=env("ENGRAM_LOG_FORMAT", d.log_format),
                        help="json: one JSON object per line, with the request_id of the call")
    parser.add_argument("--metrics-listen", default=env("ENGRAM_METRICS_LISTEN") or None,
                        help="host:port to serve Prometheus /metrics on over HTTP; unset: off")
    parser.add_argument("--redis-cluster", action="store_true",
                        default=env("ENGRAM_REDIS_CLUSTER", "").lower() in ("1", "true", "yes", "on"),
                        help="--redis-url is one node (a seed) of a Redis Cluster")
    parser.add_argument("--min-replica-acks", type=int,
                        default=int(env("ENGRAM_MIN_REPLICA_ACKS", d.min_replica_acks)),
                        help="replicas that must confirm each write (Redis WAIT) before it is acknowledged; "
                             "too few within --replica-ack-timeout-ms: UNAVAILABLE (the write may still be "
                             "applied)")
    parser.add_argument("--replica-ack-timeout-ms", type=int,
                        default=int(env("ENGRAM_REPLICA_ACK_TIMEOUT_MS", d.replica_ack_timeout_ms)),
                        help="how long a write waits for --min-replica-acks replicas")
    parser.add_argument("--index-memory-budget", default=env("ENGRAM_INDEX_MEMORY_BUDGET", str(d.index_memory_budget)),
                        help="estimated bytes of in-memory indexes (bytes, or with K, M, G, T: 512M, 4G); beyond "
                             "it the least recently used namespaces are evicted and load again on their next "
                             "search; 0: unlimited")
    for flag, kind, help_text in (
            ("max_concurrent_streams", int, "streaming calls served at once; more get RESOURCE_EXHAUSTED"),
            ("max_held_calls", int, "calls held by their clients before the oldest (over 0.5 s) are cancelled"),
            ("request_read_timeout", float, "seconds a call may take to send its request message"),
            ("stream_send_timeout", float, "seconds a client may leave one streamed reply unread"),
            ("stream_idle_timeout", float, "seconds a request stream may pause between messages"),
            ("max_token_waits", int, "searches waiting for their consistency token at once"),
            ("max_token_wait", float, "seconds a consistency-token wait lasts at most (then DEADLINE_EXCEEDED)"),
            ("max_connection_idle", float, "seconds after which a connection with no call is closed"),
            ("sweep_interval", float, "seconds between sweeps deleting expired records from all four signals"),
            ("forget_policy_interval", float, "seconds between sweeps that also apply each namespace's forgetting "
                                              "policy (forget_below_confidence, forget_unused_after)")):
        parser.add_argument("--" + flag.replace("_", "-"), type=kind, help=help_text,
                            default=kind(env("ENGRAM_" + flag.upper(), getattr(d, flag))))
    parser.add_argument("--ann-threshold", type=int, default=int(env("ENGRAM_ANN_THRESHOLD", d.ann_threshold)),
                        help="rows from which a namespace gets an approximate (HNSW) index; 0: always exact")
    parser.add_argument("--ann-dtype", choices=list(ann.DTYPES), default=env("ENGRAM_ANN_DTYPE", d.ann_dtype),
                        help="how the approximate index stores vectors; candidates are rescored in float32")
    parser.add_argument("--ann-expansion-search", type=int,
                        default=int(env("ENGRAM_ANN_EXPANSION_SEARCH", d.ann_expansion_search)),
                        help="HNSW search breadth (ef): higher is slower and finds more of the true nearest")
    parser.add_argument("--blas-threads", type=int, default=int(env("ENGRAM_BLAS_THREADS", d.blas_threads)),
                        help="threads each numpy/BLAS matrix product may use (exact search); concurrent "
                             "searches run side by side instead; 0: the BLAS library's default (all cores)")
    parser.add_argument("--index-snapshot-dir", default=env("ENGRAM_INDEX_SNAPSHOT_DIR") or None,
                        help="directory of index snapshots, read at start and written every --snapshot-interval "
                             "and at shutdown (default: <data dir>/indexes; 'none': off)")
    parser.add_argument("--snapshot-interval", type=float,
                        default=float(env("ENGRAM_SNAPSHOT_INTERVAL", d.snapshot_interval)),
                        help="seconds between snapshots of the namespaces that changed")


def from_arguments(args: argparse.Namespace) -> Settings:
    """Settings from parsed flags. Raises ValueError on an invalid combination."""
    if args.max_workers < 1:
        raise ValueError("--max-workers must be >= 1")
    if args.workers < 1:
        raise ValueError(f"--workers must be >= 1 (got {args.workers})")
    if args.change_log_length < 100:
        raise ValueError("--change-log-length must be >= 100")
    if args.grace_period < 0 or args.health_interval <= 0:
        raise ValueError("--grace-period must be >= 0 and --health-interval > 0")
    _check_replication(args)
    for flag in ("max_concurrent_streams", "max_held_calls", "max_token_waits"):
        if getattr(args, flag) < 1:
            raise ValueError(f"--{flag.replace('_', '-')} must be >= 1 (got {getattr(args, flag)})")
    for flag in ("request_read_timeout", "stream_send_timeout", "stream_idle_timeout", "max_token_wait",
                 "max_connection_idle", "sweep_interval", "forget_policy_interval"):
        if not getattr(args, flag) > 0:
            raise ValueError(f"--{flag.replace('_', '-')} must be > 0 (got {getattr(args, flag)})")
    if not args.snapshot_interval > 0:
        raise ValueError(f"--snapshot-interval must be > 0 (got {args.snapshot_interval})")
    if args.ann_threshold < 0:
        raise ValueError(f"--ann-threshold must be >= 0 (got {args.ann_threshold})")
    if args.blas_threads < 0:
        raise ValueError(f"--blas-threads must be >= 0 (got {args.blas_threads})")
    for flag in ("max_message_bytes", "max_top_k", "max_batch_size", "max_ids_per_call", "ann_expansion_search"):
        if getattr(args, flag) < 1:
            raise ValueError(f"--{flag.replace('_', '-')} must be >= 1 (got {getattr(args, flag)})")
    return Settings(
        listen=args.listen,
        workers=args.workers,
        redis_url=args.redis_url,
        data_dir=args.data_dir,
        max_workers=args.max_workers,
        grace_period=args.grace_period,
        health_interval=args.health_interval,
        embedding_model=args.embedding_model,
        embedding_url=args.embedding_url,
        embedding_api_model=args.embedding_api_model,
        embedding_api_key=_api_key(args.embedding_api_key_file),
        change_log_length=args.change_log_length,
        log_level=args.log_level.upper(),
        api_keys_file=args.api_keys_file,
        tls_cert_file=args.tls_cert_file,
        tls_key_file=args.tls_key_file,
        tls_client_ca_file=args.tls_client_ca_file,
        max_message_bytes=args.max_message_bytes,
        max_top_k=args.max_top_k,
        max_batch_size=args.max_batch_size,
        max_ids_per_call=args.max_ids_per_call,
        log_format=_log_format(args.log_format),
        metrics_listen=_metrics_listen(args.metrics_listen),
        redis_cluster=args.redis_cluster,
        min_replica_acks=args.min_replica_acks,
        replica_ack_timeout_ms=args.replica_ack_timeout_ms,
        max_concurrent_streams=args.max_concurrent_streams,
        max_held_calls=args.max_held_calls,
        request_read_timeout=args.request_read_timeout,
        stream_send_timeout=args.stream_send_timeout,
        stream_idle_timeout=args.stream_idle_timeout,
        max_token_waits=args.max_token_waits,
        max_token_wait=args.max_token_wait,
        max_connection_idle=args.max_connection_idle,
        sweep_interval=args.sweep_interval,
        forget_policy_interval=args.forget_policy_interval,
        ann_threshold=args.ann_threshold,
        ann_dtype=args.ann_dtype,
        ann_expansion_search=args.ann_expansion_search,
        blas_threads=args.blas_threads,
        index_snapshot_dir=_snapshot_dir(args.index_snapshot_dir, args.data_dir),
        snapshot_interval=args.snapshot_interval,
        index_memory_budget=_size("--index-memory-budget", args.index_memory_budget),
    )


def _snapshot_dir(value: str | None, data_dir: str) -> str | None:
    """--index-snapshot-dir: unset -> <data dir>/indexes; "none" -> None (off)."""
    if value is None:
        return str(Path(data_dir) / "indexes")
    return None if value.strip().lower() in ("", "none", "off") else value


def _api_key(path: str | None) -> str | None:
    """The endpoint's API key: the file's first line, else ENGRAM_EMBEDDING_API_KEY."""
    if path:
        return Path(path).read_text(encoding="utf-8").strip() or None
    return os.environ.get("ENGRAM_EMBEDDING_API_KEY") or None


def _size(flag: str, value: str | int) -> int:
    """A size flag (bytes, or with a K/M/G/T suffix) in bytes; ValueError names the flag."""
    from engram.embeddings.residency import parse_bytes

    try:
        return parse_bytes(value)
    except ValueError as exc:
        raise ValueError(f"{flag}: {exc}") from None


def _log_format(value: str) -> str:
    """``--log-format`` checked (argparse does not check a default taken from the environment)."""
    if value not in ("text", "json"):
        raise ValueError(f"--log-format must be text or json, got {value!r}")
    return value


def _metrics_listen(value: str | None) -> str | None:
    """``--metrics-listen`` checked (ValueError names the flag), or None when unset."""
    if not value:
        return None
    from engram.observability.metrics import split_listen

    split_listen(value)
    return value


def _check_replication(args: argparse.Namespace) -> None:
    """``--redis-cluster`` and ``--min-replica-acks`` need a Redis of one's own (the private
    server is one node without replicas)."""
    if args.min_replica_acks < 0 or args.replica_ack_timeout_ms < 1:
        raise ValueError("--min-replica-acks must be >= 0 and --replica-ack-timeout-ms >= 1")
    if not args.redis_url and args.redis_cluster:
        raise ValueError("--redis-cluster needs --redis-url (a node of the cluster)")
    if not args.redis_url and args.min_replica_acks:
        raise ValueError("--min-replica-acks needs --redis-url (the private server has no replicas)")
