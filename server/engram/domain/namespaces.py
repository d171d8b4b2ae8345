"""The registry of namespaces written to, for ListNamespaces.

``engram:namespaces`` is a ZSET of namespace names, score 0, listed by name with ZRANGE BYLEX
and the shared cursor paging (`engram.domain.paging`). It sits outside every namespace's hash
tag, so no script touches it: writers register their namespace from Python with `touch`,
which costs one ZADD NX per namespace per `ttl` seconds per process.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import redis

from engram.domain import paging
from engram.domain.paging import Page
from engram.keys import NAMESPACES

log = logging.getLogger(__name__)

LISTING = paging.Listing("namespaces")


class NamespaceRegistry:
    """Registers, lists and forgets namespaces.

    Args:
        client: a redis-py client.
        ttl: seconds during which a namespace this process registered is not registered
            again. Another replica's `forget` (namespace deletion) is therefore undone by this
            process's writes only after up to ``ttl`` seconds.
        clock: monotonic seconds (tests pass their own).
    """

    def __init__(self, client: redis.Redis, ttl: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._client = client
        self._ttl = ttl
        self._clock = clock
        self._touched: dict[str, float] = {}
        self._lock = threading.Lock()

    def touch(self, namespace: str) -> None:
        """Registers ``namespace`` (ZADD NX), unless this process did so within ``ttl``
        seconds. Call it after each successful write; the namespace must be valid. Never
        raises for Redis errors (they are logged; the next write retries)."""
        now = self._clock()
        with self._lock:
            last = self._touched.get(namespace)
            if last is not None and now - last < self._ttl:
                return
        try:
            self._client.zadd(NAMESPACES, {namespace: 0}, nx=True)
        except redis.RedisError:
            # The write this follows is already acknowledged by Redis: failing the call now
            # would make a client retry (and apply) it twice. The registry is only a listing
            # index; not caching the namespace makes the next write register it.
            log.warning("could not register namespace %r; the next write will", namespace, exc_info=True)
            return
        with self._lock:
            self._touched[namespace] = now

    def list(self, page_size: int = 0, page_token: str = "") -> Page[str]:
        """Registered namespaces by name (byte order), ``page_size`` per page (0: 100;
        1..1000), after the namespace ``page_token`` ended with. One ZRANGE BYLEX.

        Raises:
            InvalidArgument: ``page_size``, ``page_token``.
        """
        return Page(*paging.lex_page(self._client, NAMESPACES, LISTING, page_size, page_token))

    def forget(self, namespace: str) -> None:
        """Unregisters ``namespace`` (ZREM) and drops it from this process's cache, so the
        next write registers it again."""
        with self._lock:
            self._touched.pop(namespace, None)
        self._client.zrem(NAMESPACES, namespace)
