"""Reading the change logs on a Redis Cluster (`engram.embeddings.sync` on a cluster).

On one Redis, the follower waits for new entries of every namespace with one blocking XREAD
over all the change-log streams. On a cluster that command is refused (CROSSSLOT: each
namespace has its own slot), and one blocking XREAD per namespace would hold thousands of
connections. Instead:

- Wake-ups: each primary publishes a keyspace event for every XADD
  (``notify-keyspace-events`` with ``E`` and ``t``, set here with CONFIG SET when missing);
  one listener thread per primary subscribes to ``__keyevent@0__:xadd`` and marks the
  stream that grew. Events are node-local, so every primary has its listener; listeners
  follow failovers (a promoted replica gets one, a dead primary's stops).
- Reads: the marked streams only, one non-blocking pipelined XREAD per stream, one round
  trip per node (the node's own connection pool; a stream whose slot moved is read again
  after the slot map is refreshed).
- Safety: pub/sub may lose messages (a listener reconnecting, a failover), so every
  (re)subscription is followed by a sweep of all followed streams, and a sweep runs every
  ``sweep_s`` seconds anyway. Where CONFIG SET is refused (managed services: set the
  parameter there), sweeps run every ``poll_s`` seconds instead of waiting for events.

Cost: per write, one small pub/sub message to each Engram server; per read, one XREAD per
stream that changed. Latency added to replica freshness: the event's delivery (well under a
millisecond on one network) plus the read's round trip.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict

import redis
from redis.cluster import ClusterNode, RedisCluster, key_slot

from engram.domain.values import text
from engram.keys import namespace_of_changes_key

log = logging.getLogger(__name__)

CHANNEL = "__keyevent@0__:xadd"
NEEDED_FLAGS = "Et"  # E: keyevent channels; t: stream commands ("A" includes t)


def ensure_notifications(client: redis.Redis) -> bool:
    """Makes the node publish XADD keyevents (adds ``E`` and ``t`` to notify-keyspace-events,
    keeping the flags already set). Returns False if the node refuses CONFIG SET."""
    current = client.config_get("notify-keyspace-events").get("notify-keyspace-events", "")
    current = text(current) if isinstance(current, bytes) else str(current)
    if "E" in current and ("t" in current or "A" in current):
        return True
    try:
        client.config_set("notify-keyspace-events", "".join(sorted(set(current) | set(NEEDED_FLAGS))))
    except redis.ResponseError as exc:
        log.warning("cannot enable keyspace events on %s (%s): replicas poll change logs every %.0f ms instead; "
                    "set notify-keyspace-events to include 'Et' on every node", _name(client), exc,
                    ClusterChangeReader.POLL_S * 1000)
        return False
    return True


def _name(client: redis.Redis) -> str:
    kwargs = client.connection_pool.connection_kwargs
    return f"{kwargs.get('host')}:{kwargs.get('port')}"


class _Listener:
    """A thread subscribed to one primary's XADD events."""

    def __init__(self, reader: "ClusterChangeReader", node: ClusterNode) -> None:
        self.node = node
        self._reader = reader
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"engram-changelog-{node.name}", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            pubsub = None
            try:
                client = self._reader.client.get_redis_connection(self.node)
                self._reader.notifications_ok[self.node.name] = ensure_notifications(client)
                pubsub = client.pubsub()
                pubsub.subscribe(CHANNEL)
                while not self._stop.is_set():
                    message = pubsub.get_message(timeout=0.2)
                    if message is None:
                        continue
                    if message["type"] == "subscribe":
                        failures = 0
                        self._reader.sweep_soon()  # events sent before this were missed
                    elif message["type"] == "message":
                        self._reader.mark(text(message["data"]))
            except (redis.RedisError, OSError) as exc:
                failures += 1
                if failures == 1:
                    log.info("change-log events of %s interrupted: %s", self.node.name, exc)
                try:  # a dead primary: learn who replaced it
                    self._reader.client.nodes_manager.initialize()
                except Exception:  # noqa: BLE001 - the whole cluster may be unreachable; retry later
                    pass
                self._stop.wait(min(0.05 * 2 ** failures, 1.0))
            finally:
                if pubsub is not None:
                    try:
                        pubsub.close()
                    except Exception:  # noqa: BLE001 - closing a broken connection
                        pass


class ClusterChangeReader:
    """New change-log entries of the followed streams, on a Redis Cluster.

    Args:
        client: the cluster client (``decode_responses=False``).
        block_ms: longest wait for an event in one `read`.
        count: most entries read per stream per `read`.
        sweep_s: seconds between reads of every followed stream while events flow.
    """

    POLL_S = 0.05  # sweep interval where a primary refuses keyspace events

    def __init__(self, client: RedisCluster, *, block_ms: int = 100, count: int = 1000, sweep_s: float = 5.0) -> None:
        self.client = client
        self._block_s = block_ms / 1000
        self._count = count
        self._sweep_s = sweep_s
        self._lock = threading.Lock()
        self._event = threading.Event()
        self._dirty: set[str] = set()
        self._sweep = True  # the first read reads everything
        self._next_sweep = 0.0
        self._listeners: dict[str, _Listener] = {}
        self.notifications_ok: dict[str, bool] = {}

    # -- called by listeners ---------------------------------------------------------------
    def mark(self, stream: str) -> None:
        if namespace_of_changes_key(stream) is None:
            return
        with self._lock:
            self._dirty.add(stream)
        self._event.set()

    def sweep_soon(self) -> None:
        with self._lock:
            self._sweep = True
        self._event.set()

    # -- called by the follower --------------------------------------------------------------
    def read(self, streams: dict[str, str]) -> list:
        """Entries after the given ids ({stream key: "ms-n"}), as XREAD replies them
        ([[stream, [(id, fields), ...]], ...]); waits up to ``block_ms`` for an event first
        unless a sweep is due. Streams of a node that fails are kept for the next read."""
        self._sync_listeners()
        if not self._sweep and time.monotonic() < self._next_sweep:
            self._event.wait(self._block_s)
        with self._lock:
            self._event.clear()
            dirty, self._dirty = self._dirty, set()
            sweep = self._sweep or time.monotonic() >= self._next_sweep
            self._sweep = False
        if sweep:
            polling = not all(self.notifications_ok.get(name, True) for name in self._listeners)
            self._next_sweep = time.monotonic() + (self.POLL_S if polling else self._sweep_s)
            keys = list(streams)
        else:
            keys = [k for k in dirty if k in streams]
        return self._xread(keys, streams)

    def close(self) -> None:
        for listener in self._listeners.values():
            listener.stop()
        for listener in self._listeners.values():
            listener.thread.join(timeout=2)
        self._listeners.clear()

    # -- internals -------------------------------------------------------------------------
    def _sync_listeners(self) -> None:
        """One listener per primary of the client's current slot map."""
        primaries = {node.name: node for node in self.client.get_primaries()}
        for name in list(self._listeners):
            if name not in primaries:
                self._listeners.pop(name).stop()
                self.notifications_ok.pop(name, None)
        for name, node in primaries.items():
            if name not in self._listeners:
                self._listeners[name] = _Listener(self, node)

    def _xread(self, keys: list[str], streams: dict[str, str]) -> list:
        by_node: dict[str, list[str]] = defaultdict(list)
        nodes: dict[str, ClusterNode] = {}
        for key in keys:
            node = self.client.nodes_manager.get_node_from_slot(key_slot(key.encode()))
            by_node[node.name].append(key)
            nodes[node.name] = node
        out: list = []
        for name, node_keys in by_node.items():
            # The node's own client: one round trip, no cluster routing work per command.
            pipe = self.client.get_redis_connection(nodes[name]).pipeline(transaction=False)
            for key in node_keys:
                pipe.xread({key: streams[key]}, count=self._count)
            try:
                replies = pipe.execute(raise_on_error=False)
            except redis.RedisError as exc:
                log.debug("change logs on %s not read: %s", name, exc)
                replies = [exc] * len(node_keys)
            again = [key for key, reply in zip(node_keys, replies) if isinstance(reply, Exception)]
            if again:  # the slot moved (failover) or the node failed: refresh, read them next round
                self._refresh_slots()
                with self._lock:
                    self._dirty.update(again)
            for reply in replies:
                if reply and not isinstance(reply, Exception):
                    out.extend(reply)
        return out

    def _refresh_slots(self) -> None:
        try:
            self.client.nodes_manager.initialize()
        except Exception as exc:  # noqa: BLE001 - no node reachable: the next round tries again
            log.debug("slot map not refreshed: %s", exc)
