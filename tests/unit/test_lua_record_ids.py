"""lua/record_ids_backfill.lua against a real server: the warm-up adds records stored before
``doc:ids`` existed, but never an id whose vector is gone (deleted since the scan read it)."""

from __future__ import annotations

import redis

from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

KEYS = NamespaceKeys("tenant-ids")


def backfill(scripts: Scripts, *ids: str) -> int:
    return int(scripts["record_ids_backfill"](keys=[KEYS.vectors, KEYS.record_ids], args=list(ids)))


def test_adds_only_ids_that_still_have_a_vector(redis_client: redis.Redis, scripts: Scripts) -> None:
    redis_client.hset(KEYS.vectors, mapping={"a": b"\0" * 8, "c": b"\0" * 8})
    assert backfill(scripts, "a", "b", "c") == 2  # "b" was deleted after the scan read it
    assert redis_client.zrange(KEYS.record_ids, 0, -1, withscores=True) == [(b"a", 0.0), (b"c", 0.0)]


def test_is_idempotent(redis_client: redis.Redis, scripts: Scripts) -> None:
    redis_client.hset(KEYS.vectors, "a", b"\0" * 8)
    redis_client.zadd(KEYS.record_ids, {"a": 0})
    assert backfill(scripts, "a") == 0
    assert backfill(scripts) == 0  # an empty chunk
    assert redis_client.zcard(KEYS.record_ids) == 1
