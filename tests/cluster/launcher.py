"""A Redis Cluster on loopback for tests: N masters with R replicas each, Valkey (or a
``redis-server``/``valkey-server`` on PATH, see `engram.store.private_redis.find_server_binary`),
every port (client and cluster bus) chosen by the OS, each node with an append-only file.

There is no ``valkey-cli`` to create it: `LocalCluster.start` does what ``--cluster create``
does, with plain commands: CLUSTER MEET, CLUSTER ADDSLOTSRANGE, CLUSTER REPLICATE, then waits
for ``cluster_state:ok`` on every node.

Usage::

    with LocalCluster(tmp_path) as cluster:   # 3 masters, 1 replica each
        client = engram.store.cluster.cluster_client(cluster.url)   # or redis.RedisCluster.from_url
        victim = cluster.master_of_key("engram:{ns}:conf")
        cluster.kill(victim)                  # SIGKILL; a replica is promoted within ~2 s
        cluster.wait_for_failover(victim)     # no slot served by victim, cluster_state:ok
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import redis
from redis.cluster import key_slot

from engram.store.private_redis import find_server_binary

SLOTS = 16384


def free_ports(n: int) -> list[int]:
    """``n`` distinct loopback ports free right now (the sockets stay bound until all are
    chosen, so the OS does not hand one out twice)."""
    sockets = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [int(s.getsockname()[1]) for s in sockets]
    finally:
        for s in sockets:
            s.close()


@dataclass
class Node:
    """One server process of the cluster."""

    index: int
    port: int
    bus_port: int
    data_dir: Path
    process: subprocess.Popen[bytes] | None = None
    node_id: str = ""

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def client(self, **kwargs) -> redis.Redis:
        """A standalone client of this node alone (no redirections followed)."""
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2, socket_connect_timeout=1, **kwargs)

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


class LocalCluster:
    """A Redis Cluster of ``masters`` masters with ``replicas`` replicas each, on loopback.

    Args:
        data_dir: one sub-directory per node (append-only file, nodes.conf, server.log).
        node_timeout_ms: ``cluster-node-timeout``: a master unreachable this long is marked
            failed and a replica is promoted (about this plus one second in all).
        full_coverage: ``cluster-require-full-coverage``; False (the default here) lets the
            other masters keep serving their slots while one master's slots fail over.
        appendfsync: of every node's append-only file.
    """

    cluster = True  # tells the fixtures to build cluster clients and `--redis-cluster` servers

    def __init__(self, data_dir: str | os.PathLike[str], *, masters: int = 3, replicas: int = 1,
                 node_timeout_ms: int = 1000, full_coverage: bool = False, appendfsync: str = "everysec",
                 binary: str | None = None) -> None:
        if masters < 1 or replicas < 0:
            raise ValueError("need at least one master and no negative replica count")
        self.data_dir = Path(data_dir)
        self.masters = masters
        self.replicas = replicas
        self.node_timeout_ms = node_timeout_ms
        self.full_coverage = full_coverage
        self.appendfsync = appendfsync
        self.binary = binary or find_server_binary()
        count = masters * (1 + replicas)
        ports = free_ports(2 * count)
        self.nodes = [Node(i, ports[2 * i], ports[2 * i + 1], self.data_dir / f"node{i}") for i in range(count)]

    # -- addresses ---------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """A seed node's URL (``--redis-url`` with ``--redis-cluster``): a live node."""
        node = next((n for n in self.nodes if n.alive), self.nodes[0])
        return f"redis://127.0.0.1:{node.port}/0"

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self, timeout: float = 30.0) -> "LocalCluster":
        """Starts every node, joins them, assigns the slots evenly to the masters and makes
        the other nodes their replicas; returns once every node reports ``cluster_state:ok``
        and every replica is in sync."""
        deadline = time.monotonic() + timeout
        try:
            for node in self.nodes:
                self._spawn(node)
            for node in self.nodes:
                self._wait_ready(node, deadline)
                node.node_id = node.client().execute_command("CLUSTER", "MYID").decode()
            first = self.nodes[0].client()
            for node in self.nodes[1:]:
                first.execute_command("CLUSTER", "MEET", "127.0.0.1", node.port, node.bus_port)
            masters = self.nodes[: self.masters]
            for i, node in enumerate(masters):
                low, high = i * SLOTS // self.masters, (i + 1) * SLOTS // self.masters - 1
                node.client().execute_command("CLUSTER", "ADDSLOTSRANGE", low, high)
            self._until(lambda: all(self._known(n) == len(self.nodes) for n in self.nodes), deadline,
                        "nodes did not all meet")
            for j, node in enumerate(self.nodes[self.masters:]):
                master = masters[j % self.masters]
                self._until(lambda n=node, m=master: self._replicate(n, m), deadline,
                            f"node {node.index} could not replicate node {master.index}")
            self._until(self._healthy, deadline, "cluster_state never became ok with replicas in sync")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for node in self.nodes:
            self.kill(node)

    def __enter__(self) -> "LocalCluster":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def kill(self, node: Node) -> None:
        """SIGKILL one node (a crash)."""
        if node.alive:
            node.process.send_signal(signal.SIGKILL)  # type: ignore[union-attr]
            node.process.wait()  # type: ignore[union-attr]
        node.process = None

    def restart(self, node: Node, timeout: float = 15.0) -> None:
        """Starts a killed node again on its port and data directory: it rejoins from its
        nodes.conf (a failed-over master comes back as a replica of its successor)."""
        self._spawn(node)
        self._wait_ready(node, time.monotonic() + timeout)

    # -- topology ----------------------------------------------------------------------------
    def roles(self) -> dict[int, str]:
        """Node index -> "master" | "slave" | "down", as the live nodes see it."""
        out = {}
        for node in self.nodes:
            if not node.alive:
                out[node.index] = "down"
                continue
            try:
                out[node.index] = node.client().execute_command("ROLE")[0].decode()
            except redis.RedisError:
                out[node.index] = "down"
        return out

    def master_of_slot(self, slot: int) -> Node:
        """The node serving ``slot`` now, per CLUSTER SHARDS of a live node."""
        for node in self.nodes:
            if not node.alive:
                continue
            try:
                for low, high, (_, port, *_rest), *_ in node.client().execute_command("CLUSTER", "SLOTS"):
                    if low <= slot <= high:
                        return next(n for n in self.nodes if n.port == int(port))
            except redis.RedisError:
                continue
        raise LookupError(f"no live node serves slot {slot}")

    def master_of_key(self, key: str) -> Node:
        return self.master_of_slot(key_slot(key.encode()))

    def wait_for_failover(self, dead: Node, timeout: float = 20.0) -> None:
        """Waits until no slot is served by ``dead`` any more and every live node reports
        ``cluster_state:ok`` (a replica of ``dead`` was promoted)."""
        deadline = time.monotonic() + timeout

        def failed_over() -> bool:
            if not self._state_ok():
                return False
            for node in self.nodes:
                if not node.alive:
                    continue
                try:
                    ranges = node.client().execute_command("CLUSTER", "SLOTS")
                except redis.RedisError:
                    return False
                served = sum(int(high) - int(low) + 1 for low, high, *_ in ranges)
                if served != SLOTS or any(int(master[1]) == dead.port for _, _, master, *_ in ranges):
                    return False
            return True

        self._until(failed_over, deadline, f"the slots of node {dead.index} were not failed over")

    # -- internals ---------------------------------------------------------------------------
    def _spawn(self, node: Node) -> None:
        node.data_dir.mkdir(parents=True, exist_ok=True)
        args = [
            self.binary,
            "--bind", "127.0.0.1",
            "--port", str(node.port),
            "--cluster-enabled", "yes",
            "--cluster-port", str(node.bus_port),
            "--cluster-config-file", "nodes.conf",
            "--cluster-node-timeout", str(self.node_timeout_ms),
            "--cluster-require-full-coverage", "yes" if self.full_coverage else "no",
            # Promote a replica however long it was cut off (the default refuses a replica
            # disconnected for longer than 10 node timeouts, which a test may exceed).
            "--cluster-replica-validity-factor", "0",
            "--repl-diskless-sync-delay", "0",  # a replica's first sync starts at once, not after 5 s
            "--dir", str(node.data_dir.resolve()),
            "--appendonly", "yes",
            "--appendfsync", self.appendfsync,
            "--save", "",
            "--daemonize", "no",
            "--logfile", str((node.data_dir / "server.log").resolve()),
        ]
        node.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    @staticmethod
    def _wait_ready(node: Node, deadline: float) -> None:
        client = node.client()
        try:
            while True:
                if not node.alive:
                    err = node.process.stderr.read().decode(errors="replace") if node.process else ""
                    raise RuntimeError(f"cluster node {node.index} exited: {err}")
                try:
                    if client.ping():
                        return
                except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError):
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"cluster node {node.index} not ready")
                time.sleep(0.02)
        finally:
            client.close()

    @staticmethod
    def _until(predicate, deadline: float, message: str) -> None:
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError(message)
            time.sleep(0.05)

    @staticmethod
    def _known(node: Node) -> int:
        lines = node.client().execute_command("CLUSTER", "NODES").decode().strip().splitlines()
        return sum(1 for line in lines if "handshake" not in line and "noaddr" not in line)

    @staticmethod
    def _replicate(node: Node, master: Node) -> bool:
        try:
            node.client().execute_command("CLUSTER", "REPLICATE", master.node_id)
            return True
        except redis.ResponseError:  # "Unknown node": the master's id has not reached it yet
            return False

    def _state_ok(self) -> bool:
        for node in self.nodes:
            if not node.alive:
                continue
            try:
                info = node.client().execute_command("CLUSTER", "INFO").decode()
            except redis.RedisError:
                return False
            if "cluster_state:ok" not in info:
                return False
        return True

    def _healthy(self) -> bool:
        if not self._state_ok():
            return False
        for node in self.nodes[self.masters:]:
            info = node.client().info("replication")
            if info.get("role") != "slave" or info.get("master_link_status") != "up":
                return False
        return True
