"""Replica freshness: every server tails the change log of each namespace it holds in memory
and applies the deltas to its warm index (DESIGN.md, "Cross-replica freshness").

With a `engram.embeddings.residency.Residency` attached (the server), only resident
namespaces are followed: a namespace is followed from its load (`reload`, then `catch_up`)
until its eviction (`unfollow`); nothing is loaded at start. Without one (a follower built
alone), `warm` loads every namespace and `_refresh` follows every registered namespace.

A change-log entry names one record ({seq, op, id}); applying it reads the record's current
vector and document from Redis, so applying an entry twice, or late, is harmless. Entries
are numbered (``seq``) by the script that wrote them: a gap means the follower's position
was trimmed from the log (or the namespace was deleted and recreated), and the namespace is
reloaded from Redis.

Writes made by this server are applied to its index at once, under the namespace lock, and
noted here; the follower skips those entries instead of reading them back.

Consistency tokens name entry ids (``<ms>-<n>``, `engram.domain.tokens`). `wait` returns once
the follower's position in that namespace has reached the token, the wait times out, or its
caller goes away.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import redis

from engram.domain.embedding import EmbeddingStore, parse_change_id
from engram.domain.values import text
from engram.keys import NAMESPACES, NamespaceKeys, namespace_of_changes_key

log = logging.getLogger(__name__)

CANCEL_POLL_S = 0.05  # how often a token wait checks whether its caller is still there


@dataclass
class _Followed:
    entry: tuple[int, int]  # id of the last entry applied, (ms, n)
    seq: int  # its seq
    # Entries this server applied itself, ascending, not yet passed by the position. Guarded
    # by the follower's condition lock.
    own: deque[tuple[int, int]] = field(default_factory=deque)


class ChangeLogFollower:
    """Tails the change logs of all namespaces (one blocking XREAD over their streams; on a
    Redis Cluster, `engram.embeddings.cluster_sync` reads them instead).

    Args:
        client: Redis client (``decode_responses=False``).
        store: the embedding store whose index it keeps fresh; the follower attaches itself
            as ``store.follower`` (for own-write notes and token waits).
        block_ms: how long one XREAD waits for new entries; also bounds how soon a
            namespace first written by another replica is noticed.
        refresh_s: how often the list of namespaces (the ``engram:namespaces`` registry) and
            their existence are re-read.
        count: most entries read per namespace per XREAD.
    """

    def __init__(self, client: redis.Redis, store: EmbeddingStore, *, block_ms: int = 100,
                 refresh_s: float = 0.5, count: int = 1000) -> None:
        self._redis = client
        self._store = store
        self._block_ms = block_ms
        self._refresh_s = refresh_s
        self._count = count
        self._followed: dict[str, _Followed] = {}
        self._wanted: set[str] = set()
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_refresh = 0.0
        self._cluster_reader = None  # on a Redis Cluster: events per primary instead of one XREAD
        self.residency: Any = None  # engram.embeddings.residency.Residency, once attached
        if isinstance(client, redis.RedisCluster):
            from engram.embeddings.cluster_sync import ClusterChangeReader

            self._cluster_reader = ClusterChangeReader(client, block_ms=block_ms, count=count)
        store.follower = self

    # -- called by the store and the servicers ---------------------------------------------
    def note_own(self, namespace: str, entry: tuple[int, int]) -> None:
        """This server applied `entry` itself (namespace lock held): skip it when tailing."""
        with self._cond:
            followed = self._followed.get(namespace)
            if followed is not None and entry > followed.entry:
                followed.own.append(entry)

    def forget(self, namespace: str) -> None:
        """The namespace was deleted here: start it over from the first entry of a new log."""
        with self._cond:
            if namespace in self._followed:
                self._followed[namespace] = _Followed((0, 0), 0)

    def following(self, namespace: str) -> bool:
        """Whether the namespace is followed (its indexes are installed and kept fresh): a
        write updates its index at once only then."""
        with self._cond:
            return namespace in self._followed

    def unfollow(self, namespace: str) -> None:
        """Stop following the namespace (evicted; the caller holds its namespace lock)."""
        with self._cond:
            self._followed.pop(namespace, None)
            self._cond.notify_all()

    def position(self, namespace: str) -> tuple[int, int] | None:
        with self._cond:
            followed = self._followed.get(namespace)
            return None if followed is None else followed.entry

    def positions(self) -> dict[str, tuple[tuple[int, int], int]]:
        """A snapshot of namespace -> (id of the last entry passed as (ms, n), its seq), for
        the change-log lag metric."""
        with self._cond:
            return {ns: (f.entry, f.seq) for ns, f in self._followed.items()}

    def _applied(self, namespace: str, token: tuple[int, int]) -> bool:
        followed = self._followed.get(namespace)
        return followed is not None and (followed.entry >= token or token in followed.own)

    def applied(self, namespace: str, token: tuple[int, int]) -> bool:
        """True once this server has applied the change-log entry `token` of `namespace`: it
        wrote that entry itself (applied at once), or its position has reached it."""
        with self._cond:
            return self._applied(namespace, token)

    def wait(self, namespace: str, token: tuple[int, int], timeout: float,
             cancelled: Callable[[], bool] | None = None) -> bool | None:
        """Block until `applied` (True), for at most `timeout` seconds (False), or until
        ``cancelled()`` is True (None: the caller went away; checked every `CANCEL_POLL_S`)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            if namespace not in self._followed:
                self._wanted.add(namespace)
            while not self._applied(namespace, token):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                if cancelled is not None and cancelled():
                    return None
                self._cond.wait(min(remaining, CANCEL_POLL_S))
            return True

    # -- lifecycle -----------------------------------------------------------------------
    def warm(self) -> dict[str, int]:
        """Loads every namespace that has vectors, logging progress; returns rows per namespace."""
        started = time.monotonic()
        rows: dict[str, int] = {}
        for namespace in self._store.namespaces_with_vectors():
            rows[namespace] = self.reload(namespace)
        log.info("index warm: %d namespaces, %d vectors, %.1fs", len(rows), sum(rows.values()),
                 time.monotonic() - started)
        return rows

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="engram-changelog", daemon=True)
            self._thread.start()

    def warm_and_start(self) -> None:
        """The health monitor's first-ready hook: tailing, after a warm-up of every namespace
        unless a `Residency` loads them on first use."""
        if self.residency is None:
            self.warm()
        self.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stops tailing; waits at most ``timeout`` seconds for the (daemon) follower thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout)
        if self._cluster_reader is not None:
            self._cluster_reader.close()

    # -- the loop --------------------------------------------------------------------------
    def reload(self, namespace: str, *, snapshot: bool = True) -> int:
        """Rebuild the namespace's index (from its snapshot on disk when usable and
        ``snapshot``, else from Redis) and restart tailing at the position it includes.
        Returns the rows loaded."""
        index, (entry, seq) = self._store.load_namespace(namespace, snapshot=snapshot)
        with self._store.namespace_lock(namespace), self._cond:
            self._store.install_indexes(namespace, index)
            # Entries after the snapshot are re-applied from Redis, own ones included: the
            # index they were applied to has just been replaced.
            self._followed[namespace] = _Followed(entry, seq)
            self._wanted.discard(namespace)
            self._cond.notify_all()
        rows = 0 if index is None else len(index)
        log.info("loaded namespace %r: %d vectors; change log at %d-%d", namespace, rows, *entry)
        return rows

    def catch_up(self, namespace: str) -> None:
        """Apply, now, the entries written after the namespace's position (during its load):
        a search waiting for the load then sees every write acknowledged before it ended."""
        while True:
            with self._cond:
                followed = self._followed.get(namespace)
                if followed is None:
                    return
                ms, n = followed.entry
            entries = self._redis.xrange(NamespaceKeys(namespace).changes, min=f"({ms}-{n}", max="+",
                                         count=self._count)
            if not entries:
                return
            self._apply(namespace, entries, (ms, n))
            if len(entries) < self._count:
                return

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self.step()
                failures = 0
            except redis.RedisError as exc:
                failures += 1
                if failures == 1:
                    log.warning("change-log tailing paused: %s", exc)
                self._stop.wait(min(0.05 * 2 ** failures, 2.0))
            except Exception:  # noqa: BLE001 - keep following; the next step retries
                log.exception("change-log tailing failed; retrying")
                self._stop.wait(0.5)

    def step(self) -> None:
        """One round: refresh the namespaces when due, then one XREAD and its application."""
        if time.monotonic() >= self._next_refresh or self._wanted:
            self._refresh()
            self._next_refresh = time.monotonic() + self._refresh_s
        with self._cond:
            since = {NamespaceKeys(ns).changes: f.entry for ns, f in self._followed.items()}
        streams = {key: f"{ms}-{n}" for key, (ms, n) in since.items()}
        if not streams:
            self._stop.wait(self._block_ms / 1000)
            return
        if self._cluster_reader is not None:
            reply = self._cluster_reader.read(streams)
        else:
            reply = self._redis.xread(streams, count=self._count, block=self._block_ms)
        for stream, entries in reply or []:
            key = text(stream)
            namespace = namespace_of_changes_key(key)
            if namespace is not None and entries:
                self._apply(namespace, entries, since[key])

    def _refresh(self) -> None:
        """Follow namespaces that appeared (registry, or a search waiting on a token), and
        start over those whose ``emb`` hash disappeared (deleted on some replica)."""
        # With a residency, namespaces are followed from their load on, not because they exist.
        registered = {text(m) for m in self._redis.zrange(NAMESPACES, 0, -1)} if self.residency is None else set()
        with self._cond:
            followed = list(self._followed)
            new = (registered | self._wanted) - set(followed)
        if followed:
            pipe = self._redis.pipeline(transaction=False)
            for ns in followed:
                pipe.hget(NamespaceKeys(ns).embedding_config, "log_seq")
            for ns, seq in zip(followed, pipe.execute()):
                if seq is None and self._store.indexes.get(ns) is not None:
                    with self._store.namespace_lock(ns), self._cond:
                        if ns not in self._followed:  # evicted meanwhile
                            continue
                        self._store.install_indexes(ns, None)
                        self._followed[ns] = _Followed((0, 0), 0)
                    log.info("namespace %r has no vectors any more: index dropped", ns)
                    self._resized(ns)
        for ns in sorted(new):
            if self.residency is not None:  # a token wait on a namespace evicted since its search loaded it
                self.residency.request(ns)
            else:
                self.reload(ns)

    def _resized(self, namespace: str) -> None:
        if self.residency is not None:
            self.residency.resized(namespace)

    def _apply(self, namespace: str, entries: list, since: tuple[int, int]) -> None:
        """Apply entries read after position `since` (reloading on a gap)."""
        with self._store.namespace_lock(namespace):
            with self._cond:
                followed = self._followed.get(namespace)
                if followed is None:
                    return
                entry, seq, own = followed.entry, followed.seq, followed.own
                # The position moved since the read (another reader applied some of them): skip
                # those, by id. Only then: a recreated namespace's log restarts at (0, 0).
                overlap = entry != since and entry != (0, 0)
                changed: list[str] = []
                gap = False
                for entry_id, fields in entries:
                    this = parse_change_id(entry_id)
                    if overlap and this <= entry:  # passed meanwhile (`catch_up` and the tailing loop)
                        continue
                    number = int(fields[b"seq"])
                    if number != seq + 1:  # entries were trimmed, or the namespace was recreated
                        gap = True
                        break
                    entry, seq = this, number
                    while own and own[0] < this:  # applied here, then also read before it was noted
                        own.popleft()
                    if own and own[0] == this:
                        own.popleft()
                        continue
                    changed.append(text(fields[b"id"]))
            if not gap:
                if changed:
                    self._store.apply_changes(namespace, list(dict.fromkeys(changed)))
                with self._cond:
                    followed.entry, followed.seq = entry, seq
                    self._cond.notify_all()
        if not gap:
            if changed:
                self._resized(namespace)
            return
        log.info("namespace %r: change log has a gap after entry %d (trimmed or recreated): reloading",
                 namespace, seq)
        self.reload(namespace, snapshot=False)
        self._resized(namespace)
