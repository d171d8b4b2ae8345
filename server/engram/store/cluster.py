"""Redis Cluster: with ``--redis-cluster``, ``--redis-url`` names one node of a cluster (a seed;
the client discovers the others) and Engram runs unchanged on it.

Why it can: every key of a namespace carries the namespace as its hash tag
(`engram.keys`), so each script and each pipeline of the domain touches one slot. What this
module adds to redis-py's `RedisCluster`:

- Pipelines default to transactions, as standalone redis-py's do (WATCH/MULTI works: the
  namespace configuration's optimistic update).
- Scripts survive failovers: a promoted replica never received SCRIPT LOAD (it is not
  replicated), so a pipeline of script calls that meets NOSCRIPT loads every registered
  script on every node and re-sends only the calls that met it (they did not run).
- ``--min-replica-acks N``: each write is followed by ``WAIT N timeout`` on the connection
  of the node that ran it (`engram.store.replica_acks`); writes are pinned to the node the
  WAIT goes to, and a redirection (MOVED/ASK after a failover) re-sends them with a fresh
  WAIT on the new owner instead of following it silently.
- Errors of a cluster without a reachable primary for a slot (CLUSTERDOWN, slot not
  covered, TRYAGAIN, redirections exhausted, no node reachable) become `ClusterUnavailable`,
  a `redis.ConnectionError`, which the gRPC layer maps to UNAVAILABLE, never INTERNAL.

A write that was sent but whose reply was lost (the primary died meanwhile) is not re-sent
by this module: it may have been applied, and re-running UpdateConfidence would count its
evidence twice. (redis-py itself re-sends a single command after a connection error, as
the standalone client does; that is unchanged.)
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import Any

import redis
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.cluster import ClusterNode, ClusterPipeline, RedisCluster, TransactionStrategy
from redis.exceptions import (
    AskError,
    ClusterDownError,
    ClusterError,
    MovedError,
    NoScriptError,
    RedisClusterException,
    ResponseError,
    SlotNotCoveredError,
    TryAgainError,
)
from redis.retry import Retry

from engram.store.replica_acks import ReplicaAcks, acking_client

log = logging.getLogger(__name__)

# Not executed, so safe to send again: the slot has (for now) no primary we can reach.
_NOT_EXECUTED = (AskError, TryAgainError, ClusterDownError)  # AskError covers MovedError
_TRANSIENT = (ClusterError, ClusterDownError, SlotNotCoveredError, TryAgainError, AskError)
CONNECT_WAIT_S = 30.0  # how long `engram serve --redis-cluster` waits for a node to answer at start
WRITE_ATTEMPTS = 6  # sends of one write batch; backoff 0.02 s doubling, so about 0.6 s in all


class ClusterUnavailable(redis.ConnectionError):
    """No primary serves the slot now (failover in progress, cluster down): retry later."""


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, _TRANSIENT):
        return True
    # redis-py raises the bare RedisClusterException when no node at all answers.
    return type(exc) is RedisClusterException and "cannot be connected" in str(exc)


def replicated_client(url: str, settings: Any) -> redis.Redis | "EngramCluster":
    """The Redis client of ``settings`` (`engram.config.Settings`) when it asks for a Redis
    Cluster (``redis_cluster``) and/or replica acknowledgements (``min_replica_acks``).

    Raises:
        ClusterUnavailable: no node of the cluster answered within `CONNECT_WAIT_S` seconds.
    """
    if settings.redis_cluster:
        deadline = time.monotonic() + CONNECT_WAIT_S
        while True:  # redis-py must reach a node to learn the slot map before anything can start
            try:
                client = cluster_client(url, min_replica_acks=settings.min_replica_acks,
                                        replica_ack_timeout_ms=settings.replica_ack_timeout_ms)
                break
            except ClusterUnavailable as exc:
                if time.monotonic() > deadline:
                    raise
                log.warning("waiting for the Redis Cluster (up to %.0f s): %s", CONNECT_WAIT_S, exc)
                time.sleep(1.0)
        describe(client, settings.min_replica_acks)
        return client
    client = acking_client(url, ReplicaAcks(settings.min_replica_acks, settings.replica_ack_timeout_ms),
                           socket_timeout=5, socket_connect_timeout=2, health_check_interval=10, max_connections=256,
                           retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), retries=2))
    try:
        replicas = int(client.info("replication").get("connected_slaves", 0))
    except redis.RedisError:  # not reachable yet: the health monitor waits for it
        return client
    log.info("writes wait for %d replicas (%d connected)", settings.min_replica_acks, replicas)
    if replicas < settings.min_replica_acks:
        log.warning("--min-replica-acks %d, but Redis has %d replicas connected: writes will fail (UNAVAILABLE) "
                    "until enough are", settings.min_replica_acks, replicas)
    return client


def describe(client: "EngramCluster", min_replica_acks: int) -> None:
    """Logs the cluster's shape, and warns when a primary has fewer replicas than writes wait
    for (its writes would all fail), or exactly as many (after a failover the promoted replica
    has one fewer, so writes to its slots fail until the failed node returns)."""
    shards: dict[str, int] = {}
    for nodes in client.nodes_manager.slots_cache.values():
        if nodes:
            shards[nodes[0].name] = len(nodes) - 1
    fewest = min(shards.values(), default=0)
    log.info("Redis Cluster: %d primaries with %d to %d replicas each; writes wait for %d", len(shards), fewest,
             max(shards.values(), default=0), min_replica_acks)
    if min_replica_acks and fewest < min_replica_acks:
        log.warning("--min-replica-acks %d, but a primary has only %d replicas: writes to its slots will fail "
                    "(UNAVAILABLE)", min_replica_acks, fewest)
    elif min_replica_acks and fewest == min_replica_acks:
        log.warning("--min-replica-acks %d with %d replicas per primary: after a failover, writes to the failed "
                    "primary's slots fail (UNAVAILABLE) until a replica is back; run %d replicas per primary to "
                    "keep writing through a failover", min_replica_acks, fewest, min_replica_acks + 1)


def cluster_client(url: str, *, min_replica_acks: int = 0, replica_ack_timeout_ms: int = 1000,
                   **kwargs: Any) -> "EngramCluster":
    """A cluster client seeded by ``url`` with the same timeouts and pool size as the
    standalone client (`engram.app.redis_client`), ``decode_responses=False``.

    Raises:
        ClusterUnavailable: no node of the cluster answers (Engram does not start).
    """
    options: dict[str, Any] = dict(
        socket_timeout=5,
        socket_connect_timeout=2,
        health_check_interval=10,
        max_connections=256,  # per node
        retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), retries=3),
        require_full_coverage=False,
    )
    options.update(kwargs)
    acks = ReplicaAcks(min_replica_acks, replica_ack_timeout_ms) if min_replica_acks > 0 else None
    try:
        return EngramCluster.from_url(url, replica_acks=acks, **options)
    except RedisClusterException as exc:
        raise ClusterUnavailable(f"no node of the Redis Cluster at {url} answers: {exc}") from exc


class EngramCluster(RedisCluster):
    """`RedisCluster` with the behaviour described in the module docstring.

    Args:
        replica_acks: the WAIT policy, or None (no waiting).
        (everything else: `RedisCluster`'s)
    """

    def __init__(self, *args: Any, replica_acks: ReplicaAcks | None = None, **kwargs: Any) -> None:
        self.replica_acks = None  # redis-py's constructor already sends commands (COMMAND, CLUSTER SLOTS)
        self._script_sources: dict[str, Any] = {}  # sha -> source of every registered script
        self._scripts_lock = threading.Lock()
        super().__init__(*args, **kwargs)
        if replica_acks is not None:
            replica_acks.learn(self.commands_parser.commands)
        self.replica_acks = replica_acks

    # -- scripts -----------------------------------------------------------------------------
    def register_script(self, script: Any):  # -> redis.commands.core.Script
        registered = super().register_script(script)
        with self._scripts_lock:
            self._script_sources[registered.sha] = script
        return registered

    def load_scripts(self) -> None:
        """SCRIPT LOAD every registered script on every node, replicas included, so a replica
        promoted later runs them at once. Nodes that do not answer are skipped."""
        with self._scripts_lock:
            sources = list(self._script_sources.values())
        for node in self.get_nodes():
            try:
                client = self.get_redis_connection(node)
                for source in sources:
                    client.script_load(source)
            except redis.RedisError as exc:
                log.info("could not load scripts on %s: %s", node.name, exc)

    # -- commands ----------------------------------------------------------------------------
    def execute_command(self, *args: Any, **kwargs: Any) -> Any:
        try:
            if self._acked(args, kwargs):
                return self.write_batch([(args, kwargs)])[0]
            return super().execute_command(*args, **kwargs)
        except (ClusterError, ResponseError, RedisClusterException) as exc:
            if _transient(exc):
                raise ClusterUnavailable(f"Redis Cluster: no primary reachable for this key now: {exc}") from exc
            raise

    def _acked(self, args: tuple, options: dict) -> bool:
        """Whether a command is a keyed write to follow with WAIT (not one routed to nodes by
        name or by redis-py's table, such as FLUSHALL)."""
        return (self.replica_acks is not None and "target_nodes" not in options
                and self.replica_acks.is_write(args[0]) and str(args[0]).upper() not in self.command_flags)

    def pipeline(self, transaction: bool | None = True, shard_hint: Any = None) -> "EngramClusterPipeline":
        """A pipeline; a transaction (MULTI/EXEC, WATCH allowed) unless ``transaction=False``,
        as with standalone redis-py. A non-transaction pipeline may span slots; its writes
        and script calls go through `write_batch`."""
        if shard_hint:
            raise RedisClusterException("shard_hint is not supported in cluster mode")
        return EngramClusterPipeline(self, bool(transaction))

    def _plain_pipeline(self) -> ClusterPipeline:
        """A redis-py pipeline that sends once and never retries by itself."""
        callbacks = {k: v for k, v in self.cluster_response_callbacks.items() if k != "WAIT"}
        return ClusterPipeline(
            nodes_manager=self.nodes_manager, commands_parser=self.commands_parser,
            startup_nodes=self.nodes_manager.startup_nodes, result_callbacks=self.result_callbacks,
            cluster_response_callbacks=callbacks, read_from_replicas=self.read_from_replicas,
            load_balancing_strategy=self.load_balancing_strategy, reinitialize_steps=self.reinitialize_steps,
            retry=Retry(NoBackoff(), 0), lock=self._lock, transaction=False, event_dispatcher=self._event_dispatcher,
        )

    def write_batch(self, commands: Sequence[tuple[tuple, dict]], raise_on_error: bool = True) -> list[Any]:
        """Runs ``commands`` ((args, options) each) as one pipelined round trip per node and
        returns their replies in order. Writes are pinned to their slot's primary and, with
        replica acks, followed there by WAIT on the same connection. Commands that did not
        run (MOVED/ASK/TRYAGAIN/CLUSTERDOWN, NOSCRIPT, connection not opened) are sent again,
        at most `WRITE_ATTEMPTS` times in all, with backoff.

        Raises:
            WriteNotReplicated: too few replicas confirmed (the writes are applied).
            ClusterUnavailable: still no primary for a slot after the attempts.
            redis.ConnectionError / TimeoutError: a node failed after the commands were sent
                (they may have been applied); the first ResponseError with ``raise_on_error``.
        """
        acks = self.replica_acks
        results: list[Any] = [None] * len(commands)
        pending = list(range(len(commands)))
        last_error: BaseException | None = None
        for attempt in range(WRITE_ATTEMPTS):
            if attempt:
                time.sleep(min(0.02 * 2 ** (attempt - 1), 0.25))
            pipe = self._plain_pipeline()
            pinned: dict[str, ClusterNode] = {}  # node name -> node of the writes pinned to it
            node_of: dict[int, str] = {}
            try:
                for i in pending:
                    args, options = commands[i]
                    options = dict(options)
                    if self._acked(args, options):
                        node = self.nodes_manager.get_node_from_slot(self.determine_slot(*args))
                        options["target_nodes"] = node
                        pinned.setdefault(node.name, node)
                        node_of[i] = node.name
                    pipe.execute_command(*args, **options)
                for node in pinned.values():
                    pipe.execute_command(*acks.wait_args, target_nodes=node)  # type: ignore[union-attr]
                stack = pipe._execution_strategy.command_queue
                replies = pipe.send_cluster_commands(stack, raise_on_error=False, allow_redirections=False)
            except (redis.ConnectionError, redis.TimeoutError, SlotNotCoveredError, ClusterDownError) as exc:
                # Raised before anything was written: a node's connection could not be opened
                # (redis-py has refreshed the slot map), or no node serves a slot.
                last_error = exc
                if isinstance(exc, SlotNotCoveredError):
                    self.nodes_manager.initialize()
                continue
            finally:
                pipe.reset()
            waits = dict(zip(pinned, replies[len(pending):]))
            again, moved, noscript = [], None, False
            for i, reply in zip(pending, replies):
                if isinstance(reply, _NOT_EXECUTED):
                    again.append(i)
                    moved = moved or (reply if isinstance(reply, AskError) else None)
                    last_error = reply
                elif isinstance(reply, NoScriptError):
                    again.append(i)
                    noscript = True
                    last_error = reply
                elif isinstance(reply, (redis.ConnectionError, redis.TimeoutError)):
                    self.nodes_manager.initialize()
                    raise reply  # sent, reply lost: maybe applied; never re-sent
                else:
                    results[i] = reply
            if acks is not None:
                ran = {node_of[i] for i in pending if i in node_of and i not in again}
                for name in ran:
                    acks.check(waits[name], f" on {name}")
            if not again:
                break
            pending = again
            if noscript:
                self.load_scripts()
            if isinstance(moved, MovedError):
                self.nodes_manager.move_slot(moved)
            elif moved is not None or any(isinstance(last_error, t) for t in (TryAgainError, ClusterDownError)):
                self.nodes_manager.initialize()
        else:
            if isinstance(last_error, NoScriptError):
                raise last_error
            raise ClusterUnavailable(f"Redis Cluster: no primary reachable for this key now: {last_error}") \
                from last_error
        if raise_on_error:
            for i, reply in enumerate(results):
                if isinstance(reply, ResponseError):
                    raise reply
        return results


class EngramClusterPipeline(ClusterPipeline):
    """The pipeline of `EngramCluster`: transactions WAIT on their connection after EXEC;
    non-transaction pipelines holding writes or script calls run through
    `EngramCluster.write_batch`; read-only ones are redis-py's."""

    def __init__(self, cluster: EngramCluster, transaction: bool) -> None:
        super().__init__(
            nodes_manager=cluster.nodes_manager, commands_parser=cluster.commands_parser,
            startup_nodes=cluster.nodes_manager.startup_nodes, result_callbacks=cluster.result_callbacks,
            cluster_response_callbacks=cluster.cluster_response_callbacks,
            read_from_replicas=cluster.read_from_replicas, load_balancing_strategy=cluster.load_balancing_strategy,
            reinitialize_steps=cluster.reinitialize_steps, retry=cluster.retry, lock=cluster._lock,
            transaction=transaction, event_dispatcher=cluster._event_dispatcher,
        )
        self._cluster = cluster

    def evalsha(self, sha: str, numkeys: int, *keys_and_args: Any) -> Any:
        """Queues a script call (redis-py blocks it in cluster pipelines for want of NOSCRIPT
        handling, which `EngramCluster.write_batch` provides)."""
        return self.execute_command("EVALSHA", sha, numkeys, *keys_and_args)

    def execute(self, raise_on_error: bool = True) -> list[Any]:
        strategy = self._execution_strategy
        acks = self._cluster.replica_acks
        try:
            queue = strategy.command_queue
            if isinstance(strategy, TransactionStrategy):
                writes = acks is not None and acks.any_write(c.args[0] for c in queue)
                replies = strategy.execute(raise_on_error)
                if writes and replies is not None:
                    acks.wait_on(strategy._transaction_connection)  # the connection EXEC ran on
                return replies
            if queue and any(_needs_write_path(acks, c.args[0]) for c in queue):
                return self._cluster.write_batch([(c.args, c.options) for c in queue], raise_on_error)
            return strategy.execute(raise_on_error)
        except (ClusterError, ResponseError, RedisClusterException) as exc:
            if _transient(exc):
                raise ClusterUnavailable(f"Redis Cluster: no primary reachable now: {exc}") from exc
            raise
        finally:
            self.reset()


def _needs_write_path(acks: ReplicaAcks | None, name: Any) -> bool:
    command = (name.decode() if isinstance(name, bytes) else str(name)).upper()
    return command in ("EVALSHA", "EVAL") or (acks is not None and acks.is_write(command))
