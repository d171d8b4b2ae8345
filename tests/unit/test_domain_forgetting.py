"""Forgetting (engram.domain.forgetting) and record_delete.lua's conditions against a real
server. Times are written straight into the time ZSETs (keys.py), as embedding_upsert.lua
and record_outcome.lua write them, so these tests do not depend on either."""

from __future__ import annotations

import threading
import time

import msgpack
import pytest
import redis

from engram.domain.embedding import EmbeddingStore
from engram.domain.forgetting import EXPIRED, LOW_CONFIDENCE_UNUSED, Forgetting, Sweeper
from engram.domain.config import ConfigStore
from engram.domain.graph import GraphStore
from engram.domain.lifecycle import ForgetCondition, RecordLifecycle
from engram.domain.namespaces import NamespaceRegistry
from engram.embeddings.index import IndexRegistry
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

NS = "tenant-f"
KEYS = NamespaceKeys(NS)
NOW_MS = 1_000_000_000_000  # the tests' clock: 2001-09-09, in ms
DAY_MS = 86_400_000


@pytest.fixture()
def lifecycle(redis_client: redis.Redis, scripts: Scripts, embeddings: EmbeddingStore) -> RecordLifecycle:
    return RecordLifecycle(redis_client, scripts, embeddings, NamespaceRegistry(redis_client))


@pytest.fixture()
def forgetting(redis_client: redis.Redis, configs: ConfigStore, lifecycle: RecordLifecycle) -> Forgetting:
    return Forgetting(redis_client, configs, lifecycle, clock=lambda: NOW_MS / 1000)


def write(client: redis.Redis, embeddings: EmbeddingStore, record_id: str, *, created: int = NOW_MS - 1000,
          used: int | None = None, expires: int | None = None, confidence: float | None = None,
          digest: str | None = None) -> None:
    """A record with a vector, text, times, a prediction and (optionally) confidence and a
    text hash, laid out as keys.py says."""
    embeddings.upsert(NS, record_id, text=f"text of {record_id}", vector=[1.0, 0.5, 0.25], now=1.0)
    client.zadd(KEYS.created, {record_id: created})
    client.zadd(KEYS.updated, {record_id: created})
    if used is not None:
        client.zadd(KEYS.used, {record_id: used})
    if expires is not None:
        client.zadd(KEYS.expiry, {record_id: expires})
    if confidence is not None:
        client.hset(KEYS.confidence, record_id, msgpack.packb({"confidence": confidence, "evidence_count": 1,
                                                               "corroborations": 0, "contradictions": 1}))
        client.zadd(KEYS.confidence_ids, {record_id: 0})
    client.hset(KEYS.predictions, record_id, msgpack.packb({"predicted": {"x": 1.0}, "resolved": False}))
    client.zadd(KEYS.prediction_ids, {record_id: 0})
    written = client.hget(KEYS.text_hash_of, record_id)  # the upsert's own SHA-1 entry, replaced below
    if written is not None:
        client.hdel(KEYS.text_hashes, written)
    digest = digest or f"sha1-of-{record_id}"
    client.hset(KEYS.text_hashes, digest, record_id)
    client.hset(KEYS.text_hash_of, record_id, digest)


def mentions(client: redis.Redis, record_id: str) -> list[str]:
    """Every key of the namespace whose name, field, value (texts) or member is ``record_id``."""
    needle, found = record_id.encode(), []
    for key in client.scan_iter(match=KEYS.pattern):
        kind = client.type(key)
        if key.endswith(b":" + needle):
            found.append(key.decode())
        elif kind == b"hash" and (client.hexists(key, needle) or needle in client.hvals(key)):
            found.append(key.decode())
        elif kind == b"zset" and client.zscore(key, needle) is not None:
            found.append(key.decode())
        elif kind == b"set" and client.sismember(key, needle):
            found.append(key.decode())
    return sorted(found)


def dump(client: redis.Redis) -> dict[bytes, bytes]:
    return {key: client.dump(key) for key in client.scan_iter(match=KEYS.pattern)}


def test_an_expired_condition_deletes_everything_once(lifecycle: RecordLifecycle, embeddings: EmbeddingStore,
                                                      graph: GraphStore, redis_client: redis.Redis) -> None:
    write(redis_client, embeddings, "old", used=NOW_MS - 500, expires=NOW_MS - 1, confidence=0.2)
    write(redis_client, embeddings, "other")
    graph.link(NS, "old", "other")
    assert mentions(redis_client, "old")  # it is everywhere before
    condition = ForgetCondition(EXPIRED, NOW_MS)
    result = lifecycle.delete_record(NS, "old", condition)
    assert (result.deleted, result.kept, result.removed_edge_count) == (True, False, 2)
    assert mentions(redis_client, "old") == []
    index = embeddings.indexes.get(NS)
    assert "old" not in index and "other" in index  # evicted from the local index too
    # A second replica's delete of the same record: the condition no longer holds.
    again = lifecycle.delete_record(NS, "old", condition)
    assert (again.deleted, again.kept) == (False, True)
    assert redis_client.hget(KEYS.text_hashes, "sha1-of-other") == b"other"


def test_an_expired_condition_keeps_a_record_with_a_later_or_no_expiry(
        lifecycle: RecordLifecycle, embeddings: EmbeddingStore, redis_client: redis.Redis) -> None:
    write(redis_client, embeddings, "renewed", expires=NOW_MS + 1)
    write(redis_client, embeddings, "forever")
    before = dump(redis_client)
    for rid in ("renewed", "forever"):
        result = lifecycle.delete_record(NS, rid, ForgetCondition(EXPIRED, NOW_MS))
        assert (result.deleted, result.kept) == (False, True)
    assert dump(redis_client) == before
    assert lifecycle.delete_record(NS, "renewed", ForgetCondition(EXPIRED, NOW_MS + 1)).deleted


def test_a_policy_condition_is_rechecked_in_the_script(lifecycle: RecordLifecycle, embeddings: EmbeddingStore,
                                                       redis_client: redis.Redis) -> None:
    cutoff = NOW_MS - DAY_MS
    write(redis_client, embeddings, "stale", created=cutoff - 10, confidence=0.1)
    write(redis_client, embeddings, "stale_prior", created=cutoff - 10)  # no confidence: the prior 0.5
    write(redis_client, embeddings, "used_lately", created=cutoff - 10, used=cutoff + 1, confidence=0.1)
    write(redis_client, embeddings, "confident", created=cutoff - 10, confidence=0.9)
    write(redis_client, embeddings, "young", created=cutoff + 1, confidence=0.1)
    policy = ForgetCondition(LOW_CONFIDENCE_UNUSED, cutoff, threshold=0.3, initial_confidence=0.5)
    kept = {rid: lifecycle.delete_record(NS, rid, policy).kept
            for rid in ("stale", "stale_prior", "used_lately", "confident", "young")}
    assert kept == {"stale": False, "stale_prior": True, "used_lately": True, "confident": True, "young": True}
    assert mentions(redis_client, "stale") == []
    # The prior counts as the confidence of a record without one.
    prior_low = ForgetCondition(LOW_CONFIDENCE_UNUSED, cutoff, threshold=0.3, initial_confidence=0.2)
    assert lifecycle.delete_record(NS, "stale_prior", prior_low).deleted


def test_a_text_hash_taken_over_by_another_record_stays(lifecycle: RecordLifecycle, embeddings: EmbeddingStore,
                                                        redis_client: redis.Redis) -> None:
    write(redis_client, embeddings, "first", digest="same")
    write(redis_client, embeddings, "second", digest="same")  # texts[same] now names "second"
    assert lifecycle.delete_record(NS, "first").deleted
    assert redis_client.hget(KEYS.text_hashes, "same") == b"second"
    assert redis_client.hget(KEYS.text_hash_of, "first") is None
    assert lifecycle.delete_record(NS, "second").deleted
    assert redis_client.hlen(KEYS.text_hashes) == 0


def test_delete_embedding_removes_times_and_hashes_but_not_last_use(embeddings: EmbeddingStore,
                                                                    redis_client: redis.Redis) -> None:
    write(redis_client, embeddings, "r", used=NOW_MS, expires=NOW_MS + 5, confidence=0.4)
    assert embeddings.delete(NS, "r").deleted
    assert mentions(redis_client, "r") == sorted([KEYS.used, KEYS.confidence, KEYS.confidence_ids,
                                                  KEYS.predictions, KEYS.prediction_ids])


def test_the_dry_run_lists_expired_then_policy_records_and_changes_nothing(
        forgetting: Forgetting, configs: ConfigStore, embeddings: EmbeddingStore, redis_client: redis.Redis) -> None:
    configs.update(NS, {"forget_below_confidence": 0.3, "forget_unused_after": 86400.0})
    cutoff = NOW_MS - DAY_MS
    write(redis_client, embeddings, "exp_late", expires=NOW_MS, confidence=0.9)
    write(redis_client, embeddings, "exp_early", expires=NOW_MS - 5)
    write(redis_client, embeddings, "not_yet", expires=NOW_MS + 1, created=cutoff - 1, confidence=0.1)
    write(redis_client, embeddings, "used_old", created=cutoff - 100, used=cutoff - 3, confidence=0.1)
    write(redis_client, embeddings, "never_used", created=cutoff - 7, confidence=0.2)
    write(redis_client, embeddings, "used_recently", created=cutoff - 100, used=cutoff + 1, confidence=0.1)
    write(redis_client, embeddings, "confident", created=cutoff - 100, confidence=0.5)
    # An expired record of the policy is listed once, as expired.
    write(redis_client, embeddings, "exp_and_stale", expires=NOW_MS - 1, created=cutoff - 200, confidence=0.1)
    before = dump(redis_client)
    found, truncated = forgetting.list(NS)
    assert [(f.record_id, f.reason) for f in found] == [
        ("exp_early", EXPIRED), ("exp_and_stale", EXPIRED), ("exp_late", EXPIRED),
        ("never_used", LOW_CONFIDENCE_UNUSED), ("used_old", LOW_CONFIDENCE_UNUSED),  # oldest use first
        ("not_yet", LOW_CONFIDENCE_UNUSED)]
    assert not truncated
    by_id = {f.record_id: f for f in found}
    assert (by_id["exp_late"].expires_at, by_id["exp_late"].confidence) == (NOW_MS, 0.9)
    assert (by_id["exp_early"].confidence, by_id["exp_early"].last_used_at) == (0.5, None)
    assert (by_id["used_old"].last_used_at, by_id["used_old"].created_at) == (cutoff - 3, cutoff - 100)
    assert dump(redis_client) == before
    page, truncated = forgetting.list(NS, limit=4)
    assert [f.record_id for f in page] == ["exp_early", "exp_and_stale", "exp_late", "never_used"] and truncated
    page, truncated = forgetting.list(NS, limit=2)
    assert [f.record_id for f in page] == ["exp_early", "exp_and_stale"] and truncated
    for bad in (-1, 1001):
        with pytest.raises(InvalidArgument) as info:
            forgetting.list(NS, limit=bad)
        assert info.value.field == "limit"


def test_the_dry_run_reads_a_bounded_number_of_policy_candidates(
        forgetting: Forgetting, configs: ConfigStore, embeddings: EmbeddingStore, redis_client: redis.Redis,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A request never walks a whole namespace: past the scan budget the reply says truncated."""
    import engram.domain.forgetting as module

    configs.update(NS, {"forget_below_confidence": 0.3, "forget_unused_after": 86400.0})
    cutoff = NOW_MS - DAY_MS
    for i in range(6):  # old but confident: read by the walk, never chosen
        write(redis_client, embeddings, f"confident{i}", created=cutoff - 100 + i, confidence=0.9)
    write(redis_client, embeddings, "stale", created=cutoff - 1, confidence=0.1)
    monkeypatch.setattr(module, "CHUNK", 2)
    monkeypatch.setattr(module, "LIST_SCAN_BUDGET", 4)
    found, truncated = forgetting.list(NS)
    assert found == [] and truncated  # "stale" lies beyond the first 4 candidates read
    monkeypatch.setattr(module, "LIST_SCAN_BUDGET", 100)
    found, truncated = forgetting.list(NS)
    assert [f.record_id for f in found] == ["stale"] and not truncated


def test_without_a_policy_only_expired_records_are_listed(forgetting: Forgetting, embeddings: EmbeddingStore,
                                                          redis_client: redis.Redis) -> None:
    write(redis_client, embeddings, "ancient", created=1, confidence=0.01)
    write(redis_client, embeddings, "expired", expires=NOW_MS)
    assert [f.record_id for f in forgetting.list(NS)[0]] == ["expired"]


def test_a_sweep_forgets_expired_and_policy_records(forgetting: Forgetting, configs: ConfigStore,
                                                    embeddings: EmbeddingStore, redis_client: redis.Redis) -> None:
    configs.update(NS, {"forget_below_confidence": 0.3, "forget_unused_after": 86400.0})
    cutoff = NOW_MS - DAY_MS
    write(redis_client, embeddings, "expired", expires=NOW_MS - 1, confidence=0.9)
    write(redis_client, embeddings, "stale", created=cutoff - 1, confidence=0.1)
    write(redis_client, embeddings, "used", created=cutoff - 1, used=cutoff + 1, confidence=0.1)
    write(redis_client, embeddings, "confident", created=cutoff - 1, confidence=0.8)
    write(redis_client, embeddings, "later", expires=NOW_MS + 1000)
    NamespaceRegistry(redis_client).touch(NS)
    forgotten: list[tuple[str, int]] = []
    sweeper = Sweeper(forgetting, NamespaceRegistry(redis_client), on_forgotten=lambda r, n: forgotten.append((r, n)))
    assert sweeper.sweep_once(policy=False) == {EXPIRED: 1, LOW_CONFIDENCE_UNUSED: 0}
    assert sweeper.sweep_once(policy=True) == {EXPIRED: 0, LOW_CONFIDENCE_UNUSED: 1}
    assert sweeper.sweep_once(policy=True) == {EXPIRED: 0, LOW_CONFIDENCE_UNUSED: 0}  # idempotent
    assert forgotten == [(EXPIRED, 1), (LOW_CONFIDENCE_UNUSED, 1)]
    assert mentions(redis_client, "expired") == [] and mentions(redis_client, "stale") == []
    for rid in ("used", "confident", "later"):
        assert redis_client.hexists(KEYS.vectors, rid) and redis_client.zscore(KEYS.created, rid) is not None


def test_the_policy_runs_every_policy_interval(forgetting: Forgetting, configs: ConfigStore,
                                               embeddings: EmbeddingStore, redis_client: redis.Redis) -> None:
    configs.update(NS, {"forget_below_confidence": 0.3, "forget_unused_after": 1.0})
    NamespaceRegistry(redis_client).touch(NS)
    ticks = iter([0.0, 1.0, 10.0])
    sweeper = Sweeper(forgetting, NamespaceRegistry(redis_client), policy_interval=10.0, clock=lambda: next(ticks))
    assert sweeper.sweep_once() == {EXPIRED: 0, LOW_CONFIDENCE_UNUSED: 0}  # t=0: first sweep, policy on
    write(redis_client, embeddings, "stale", created=1, confidence=0.1)
    assert sweeper.sweep_once()[LOW_CONFIDENCE_UNUSED] == 0  # t=1: policy not due
    assert sweeper.sweep_once()[LOW_CONFIDENCE_UNUSED] == 1  # t=10: due


def test_concurrent_sweepers_delete_each_record_once(redis_client: redis.Redis, scripts: Scripts,
                                                     configs: ConfigStore, embeddings: EmbeddingStore) -> None:
    """Two replicas (each its own store and index) sweep the same namespace at once."""
    n = 60
    for i in range(n):
        write(redis_client, embeddings, f"r{i}", expires=NOW_MS - i)
    write(redis_client, embeddings, "keeper", expires=NOW_MS + 10_000)
    NamespaceRegistry(redis_client).touch(NS)
    totals: list[dict[str, int]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def replica() -> None:
        try:
            store = EmbeddingStore(redis_client, scripts, None, IndexRegistry())
            registry = NamespaceRegistry(redis_client)
            lifecycle = RecordLifecycle(redis_client, scripts, store, registry)
            sweeper = Sweeper(Forgetting(redis_client, configs, lifecycle, clock=lambda: NOW_MS / 1000), registry)
            start.wait()
            totals.append(sweeper.sweep_once(policy=True))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=replica) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert sum(t[EXPIRED] for t in totals) == n  # each deletion counted by exactly one replica
    assert redis_client.zrange(KEYS.expiry, 0, -1) == [b"keeper"]
    assert redis_client.hkeys(KEYS.vectors) == [b"keeper"]
    assert redis_client.zcard(KEYS.created) == 1 and redis_client.hlen(KEYS.text_hash_of) == 1


def test_the_sweeper_thread_sweeps_and_stops(forgetting: Forgetting, embeddings: EmbeddingStore,
                                            redis_client: redis.Redis) -> None:
    write(redis_client, embeddings, "expired", expires=NOW_MS - 1)
    NamespaceRegistry(redis_client).touch(NS)
    sweeper = Sweeper(forgetting, NamespaceRegistry(redis_client), interval=0.02)
    sweeper.start()
    try:
        deadline = time.monotonic() + 5
        while redis_client.hexists(KEYS.vectors, "expired") and time.monotonic() < deadline:
            time.sleep(0.02)
        assert mentions(redis_client, "expired") == []
    finally:
        started = time.monotonic()
        sweeper.stop(1.0)
        assert time.monotonic() - started < 1.0


def test_only_namespaces_with_expired_records_are_visited_between_policy_sweeps(
        forgetting: Forgetting, embeddings: EmbeddingStore, redis_client: redis.Redis,
        monkeypatch: pytest.MonkeyPatch) -> None:
    write(redis_client, embeddings, "expired", expires=NOW_MS - 1)
    registry = NamespaceRegistry(redis_client)
    for namespace in (NS, "quiet-a", "quiet-b"):
        registry.touch(namespace)
    assert forgetting.with_expired([NS, "quiet-a", "quiet-b"]) == [NS]
    visited: list[str] = []
    sweep = forgetting.sweep_namespace

    def spy(namespace, policy=True, stopping=lambda: False):
        visited.append(namespace)
        return sweep(namespace, policy, stopping)

    monkeypatch.setattr(forgetting, "sweep_namespace", spy)
    sweeper = Sweeper(forgetting, registry)
    assert sweeper.sweep_once(policy=False)[EXPIRED] == 1
    assert visited == [NS]
    assert sweeper.sweep_once(policy=True)[EXPIRED] == 0
    assert visited == [NS, "quiet-a", "quiet-b", NS]
