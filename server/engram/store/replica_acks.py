"""Acknowledged writes that survive a failover: ``--min-replica-acks N`` makes every write wait
(Redis ``WAIT N timeout``) until N replicas have it, before Engram acknowledges it.

Redis replicates asynchronously: a write a primary acknowledged, then lost with the primary
before any replica received it, is gone after the failover. ``WAIT`` blocks the connection
that wrote until ``numreplicas`` replicas acknowledged everything that connection wrote, so it
must follow the write on the SAME connection. This module holds the policy (`ReplicaAcks`),
the error, and a standalone client that appends the WAIT itself (`AckingRedis`); the cluster
client does the same per node (`engram.store.cluster`).

When fewer than N replicas confirm within the timeout, the call fails with UNAVAILABLE
(`WriteNotReplicated`): the write IS applied on the primary and may or may not survive a
failover, so a client should retry only calls that are idempotent (the clients' service
config retries exactly those). With N = 0 (the default) nothing waits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import redis
from redis.client import Pipeline

from engram.errors import Unavailable

SCRIPT_COMMANDS = frozenset({"EVALSHA", "EVAL", "FCALL"})  # not flagged "write", but Engram's scripts write


class WriteNotReplicated(Unavailable, redis.RedisError):
    """Fewer replicas than required confirmed a write within the timeout (gRPC UNAVAILABLE).
    A `redis.RedisError` too, so code that tolerates Redis errors after an acknowledged write
    (the namespace registry) tolerates this one."""


@dataclass
class ReplicaAcks:
    """The WAIT policy: ``count`` replicas within ``timeout_ms`` milliseconds.

    `is_write` tells which commands need it: those the server flags ``write`` (learnt once
    from the server's COMMAND table: `learn`, or `learn_on` a connection) and script calls.
    """

    count: int
    timeout_ms: int = 1000
    _writes: frozenset[str] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.count < 0 or self.timeout_ms < 1:
            raise ValueError("replica acks: count must be >= 0 and timeout_ms >= 1")

    @property
    def wait_args(self) -> tuple[str, int, int]:
        return ("WAIT", self.count, self.timeout_ms)

    def learn(self, command_table: dict[str, Any]) -> None:
        """Records which commands write, from a COMMAND reply (name -> {"flags": [...]})."""
        writes = {name.upper() for name, info in command_table.items() if "write" in _flags(info)}
        with self._lock:
            self._writes = frozenset(writes | SCRIPT_COMMANDS)

    def known(self) -> bool:
        return self._writes is not None

    def learn_on(self, connection: Any) -> None:
        """Learns the write commands from COMMAND sent on ``connection``, unless known."""
        if self._writes is not None:
            return
        connection.send_command("COMMAND")
        table = {}
        for entry in connection.read_response():
            name = entry[0].decode() if isinstance(entry[0], bytes) else str(entry[0])
            table[name] = {"flags": entry[2]}
        self.learn(table)

    def is_write(self, command_name: str | bytes) -> bool:
        name = command_name.decode() if isinstance(command_name, bytes) else str(command_name)
        name = name.split(" ", 1)[0].upper()
        return name in (self._writes or SCRIPT_COMMANDS)

    def any_write(self, names: Iterable[str | bytes]) -> bool:
        return any(self.is_write(n) for n in names)

    def check(self, acked: Any, where: str = "") -> None:
        """Raises `WriteNotReplicated` unless ``acked`` (WAIT's reply) reaches ``count``."""
        if isinstance(acked, Exception):
            raise WriteNotReplicated(f"write applied{where} but its replication could not be confirmed: "
                                     f"{acked}; it may not survive a failover") from acked
        if int(acked) < self.count:
            raise WriteNotReplicated(
                f"write applied{where} but confirmed by {int(acked)} of the {self.count} required replicas "
                f"within {self.timeout_ms} ms; it may not survive a failover; retry only if idempotent")

    def wait_on(self, connection: Any, where: str = "") -> None:
        """Sends WAIT on ``connection`` (the one that wrote) and checks the reply."""
        connection.send_command(*self.wait_args)
        self.check(connection.read_response(), where)


def _flags(info: Any) -> set[str]:
    flags = info.get("flags", []) if isinstance(info, dict) else []
    return {f.decode() if isinstance(f, bytes) else str(f) for f in flags}


class AckingPipeline(Pipeline):
    """A standalone pipeline that sends WAIT after its commands, on its connection, when any
    of them writes."""

    def __init__(self, *args: Any, acks: ReplicaAcks, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._acks = acks

    def _execute_pipeline(self, connection, commands, raise_on_error):  # noqa: ANN001 - redis-py's signature
        self._acks.learn_on(connection)
        responses = super()._execute_pipeline(connection, commands, False)
        if self._acks.any_write(args[0] for args, _ in commands):
            self._acks.wait_on(connection)
        if raise_on_error:
            self.raise_first_error(commands, responses)
        return responses

    def _execute_transaction(self, connection, commands, raise_on_error):  # noqa: ANN001
        self._acks.learn_on(connection)
        responses = super()._execute_transaction(connection, commands, raise_on_error)
        if self._acks.any_write(args[0] for args, _ in commands):
            self._acks.wait_on(connection)
        return responses


class AckingRedis(redis.Redis):
    """A standalone client whose writes are followed by WAIT on the same connection: single
    commands (`_send_command_parse_response`, the one place redis-py holds the connection a
    command ran on) and pipelines (`AckingPipeline`)."""

    def __init__(self, *args: Any, acks: ReplicaAcks, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.replica_acks = acks

    def _send_command_parse_response(self, conn, command_name, *args, **options):  # noqa: ANN001
        self.replica_acks.learn_on(conn)
        response = super()._send_command_parse_response(conn, command_name, *args, **options)
        if self.replica_acks.is_write(command_name):
            self.replica_acks.wait_on(conn)
        return response

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> AckingPipeline:
        return AckingPipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint,
                              acks=self.replica_acks)


def acking_client(url: str, acks: ReplicaAcks, **kwargs: Any) -> AckingRedis:
    """A standalone `AckingRedis` for ``url`` (``kwargs``: connection pool options). It learns
    the server's write commands on its first command (one COMMAND), so it can be built while
    Redis is down."""
    pool = redis.ConnectionPool.from_url(url, **kwargs)
    client = AckingRedis(connection_pool=pool, acks=acks)
    client.auto_close_connection_pool = True
    return client
