"""Counts of what a namespace stores, for NamespaceService.GetNamespaceStats: O(1) reads
(HLEN, ZCARD, HGET) in one pipelined round trip, no scan, so equally cheap at any size. The
keys share the namespace's hash tag (one cluster slot). Counts are of what is stored: records
expired but not yet swept are counted.

The edge count is ``stats.edges`` (keys.py), kept by the scripts that write edges once it is
established; `EdgeCounting` establishes it with one counting pass per namespace (a SCAN of
the namespace's edge sets, then ``lua/edges_count_init.lua``), in the background, and until
then the count is None.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import redis

from engram import validation
from engram.keys import NamespaceKeys

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NamespaceStats:
    """record_count: records with a text or vector (HLEN ``vec``); confidence_count: with a
    confidence entry (ZCARD ``conf:ids``); prediction_count: with a prediction (ZCARD
    ``pred:ids``); resolved_prediction_count: whose prediction was resolved at least once
    (ZCARD ``errors``); expiring_count: with an expiry (ZCARD ``expiry``); edge_count: edge
    entries (``stats.edges``), None until established."""

    record_count: int
    confidence_count: int
    prediction_count: int
    resolved_prediction_count: int
    expiring_count: int
    edge_count: int | None = None


def namespace_stats(client: redis.Redis, namespace: str) -> NamespaceStats:
    """The counts of ``namespace`` (all 0 for an unknown one, edge_count None), in one round trip.

    Raises:
        InvalidArgument: ``namespace``.
    """
    keys = NamespaceKeys(validation.namespace(namespace))
    pipe = client.pipeline(transaction=False)
    pipe.hlen(keys.vectors)
    for key in (keys.confidence_ids, keys.prediction_ids, keys.errors, keys.expiry):
        pipe.zcard(key)
    pipe.hget(keys.stats, "edges")
    *counts, edges = pipe.execute()
    return NamespaceStats(*(int(n) for n in counts), edge_count=None if edges is None else int(edges))


def count_edges(client: redis.Redis, scripts: Any, namespace: str, attempts: int = 3,
                scan_count: int = 1000) -> int | None:
    """One counting pass: establishes ``stats.edges`` of ``namespace`` and returns it (0 without
    storing anything for a namespace that holds nothing), or None when edge sets were written
    during each of ``attempts`` scans (a later pass tries again).
    Cost: a SCAN of the keyspace (MATCH the namespace's edge sets) per attempt and one script
    that ZCARDs every edge set found, atomically."""
    keys = NamespaceKeys(namespace)
    for _ in range(attempts):
        before = client.hget(keys.stats, "edge_writes")
        found = list(dict.fromkeys(client.scan_iter(match=keys.edges_pattern, count=scan_count)))
        reply = scripts["edges_count_init"](
            keys=[keys.stats, keys.vectors, keys.confidence_ids, keys.prediction_ids, *found],
            args=["" if before is None else before])
        status = reply[0].decode() if isinstance(reply[0], bytes) else reply[0]
        if status == "ok":
            return int(reply[1])
        if status == "empty":
            return 0
    return None


class EdgeCounting:
    """Runs `count_edges` in the background for namespaces whose edge count is missing: at most
    one pass per namespace at a time, and none within ``interval`` seconds of the last.

    Args:
        count: ``namespace -> int | None`` (`count_edges` bound to a client and scripts).
        interval: seconds between passes over one namespace.
        clock: monotonic seconds.
    """

    def __init__(self, count: Callable[[str], int | None], interval: float = 10.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._count = count
        self._interval = interval
        self._clock = clock
        self._lock = threading.Lock()
        self._running: set[str] = set()
        self._last: dict[str, float] = {}

    def request(self, namespace: str) -> bool:
        """Starts a pass over ``namespace`` unless one runs or ran within ``interval``; True if started."""
        now = self._clock()
        with self._lock:
            last = self._last.get(namespace)
            if namespace in self._running or (last is not None and now - last < self._interval):
                return False
            self._running.add(namespace)
            self._last[namespace] = now
        threading.Thread(target=self._run, args=(namespace,), name="engram-edge-count", daemon=True).start()
        return True

    def _run(self, namespace: str) -> None:
        try:
            if self._count(namespace) is None:
                log.info("namespace %r: edges were written during every counting scan; the next request retries",
                         namespace)
        except redis.RedisError:
            log.warning("namespace %r: edge counting failed; the next request retries", namespace, exc_info=True)
        finally:
            with self._lock:
                self._running.discard(namespace)
