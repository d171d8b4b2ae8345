"""RecordLifecycle.delete_record and lua/record_delete.lua against a real server."""

from __future__ import annotations

import threading

import msgpack
import pytest
import redis

from engram.domain.config import ConfigStore
from engram.domain.embedding import EmbeddingStore, Query
from engram.domain.graph import GraphStore
from engram.domain.lifecycle import DeleteResult, RecordLifecycle
from engram.domain.namespaces import NamespaceRegistry
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

NS = "tenant-l"
KEYS = NamespaceKeys(NS)
VICTIM = "victim"


@pytest.fixture()
def lifecycle(redis_client: redis.Redis, scripts: Scripts, embeddings: EmbeddingStore) -> RecordLifecycle:
    return RecordLifecycle(redis_client, scripts, embeddings, NamespaceRegistry(redis_client))


def store_signals(client: redis.Redis, embeddings: EmbeddingStore, record_id: str) -> None:
    """Confidence, prediction, error (as keys.py lays them out) and a vector with text."""
    client.hset(KEYS.confidence, record_id, msgpack.packb({"confidence": 0.7, "evidence_count": 1,
                                                           "corroborations": 1, "contradictions": 0}))
    client.zadd(KEYS.confidence_ids, {record_id: 0})
    client.hset(KEYS.predictions, record_id, msgpack.packb({"predicted": {"x": 1.0}, "resolved": True}))
    client.zadd(KEYS.prediction_ids, {record_id: 0})
    client.zadd(KEYS.errors, {record_id: 0.4})
    embeddings.upsert(NS, record_id, text=f"text of {record_id}", vector=[1.0, 0.5, 0.25], now=1.0)


def outcome(result: DeleteResult) -> tuple[bool, int]:
    return result.deleted, result.removed_edge_count


def mentions(client: redis.Redis, record_id: str) -> list[str]:
    """Every key of the namespace whose name, field or member is ``record_id``."""
    needle, found = record_id.encode(), []
    for key in client.scan_iter(match=KEYS.pattern):
        kind = client.type(key)
        if key.endswith(b":" + needle):
            found.append(key.decode())
        elif kind == b"hash" and client.hexists(key, needle):
            found.append(key.decode())
        elif kind == b"zset" and client.zscore(key, needle) is not None:
            found.append(key.decode())
        elif kind == b"set" and client.sismember(key, needle):
            found.append(key.decode())
    return found


def edge_map(client: redis.Redis) -> dict[str, dict[str, float]]:
    prefix = KEYS.edges("")
    return {k.decode()[len(prefix):]: {m.decode(): w for m, w in client.zrange(k, 0, -1, withscores=True)}
            for k in client.scan_iter(match=KEYS.edges("*"))}


def test_delete_removes_every_trace(lifecycle: RecordLifecycle, graph: GraphStore, embeddings: EmbeddingStore,
                                    redis_client: redis.Redis) -> None:
    for record_id in (VICTIM, "other"):
        store_signals(redis_client, embeddings, record_id)
    graph.link(NS, VICTIM, "a", 0.3)
    graph.link(NS, "b", VICTIM, 0.4)
    graph.strengthen(NS, VICTIM, "c", 0.2)
    graph.link(NS, "a", "b", 0.5)  # an edge between others survives
    assert mentions(redis_client, VICTIM)

    assert outcome(lifecycle.delete_record(NS, VICTIM)) == (True, 6)  # 3 own + 3 mirrors
    assert mentions(redis_client, VICTIM) == []
    assert edge_map(redis_client) == {"a": {"b": 0.5}, "b": {"a": 0.5}}
    assert [h.record_id for h in embeddings.search(NS, [Query(vector=[1.0, 0.5, 0.25])])[0]] == ["other"]
    assert redis_client.hexists(KEYS.confidence, "other") and redis_client.zscore(KEYS.errors, "other") == 0.4
    assert outcome(lifecycle.delete_record(NS, VICTIM)) == (False, 0)


def test_delete_of_a_record_with_only_a_vector(lifecycle: RecordLifecycle, embeddings: EmbeddingStore,
                                               redis_client: redis.Redis) -> None:
    embeddings.upsert(NS, VICTIM, vector=[0.0, 1.0], now=1.0)
    assert outcome(lifecycle.delete_record(NS, VICTIM)) == (True, 0)
    assert not redis_client.hexists(KEYS.vectors, VICTIM) and not redis_client.hexists(KEYS.documents, VICTIM)
    assert len(embeddings.indexes.get(NS)) == 0


def test_delete_finds_asymmetric_edges_from_records_it_does_not_point_to(
        lifecycle: RecordLifecycle, graph: GraphStore, configs: ConfigStore, redis_client: redis.Redis) -> None:
    configs.update(NS, {"symmetric": False})
    graph.link(NS, "x", VICTIM)
    graph.strengthen(NS, "y", VICTIM)
    graph.batch_link(NS, [("z", VICTIM, 0.2), (VICTIM, "w", 0.3)])
    graph.link(NS, "x", "w")
    assert outcome(lifecycle.delete_record(NS, VICTIM)) == (True, 4)
    assert mentions(redis_client, VICTIM) == []
    assert edge_map(redis_client) == {"x": {"w": 0.1}}


def test_delete_removes_a_mirror_the_index_missed(lifecycle: RecordLifecycle, graph: GraphStore,
                                                  redis_client: redis.Redis) -> None:
    graph.link(NS, VICTIM, "a")
    redis_client.delete(KEYS.incoming(VICTIM))  # as if written before the index existed
    assert outcome(lifecycle.delete_record(NS, VICTIM)) == (True, 2)
    assert mentions(redis_client, VICTIM) == []


def test_a_link_between_read_and_script_is_retried(lifecycle: RecordLifecycle, graph: GraphStore,
                                                   redis_client: redis.Redis,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    graph.link(NS, "a", VICTIM)
    attempt, calls = lifecycle._attempt, []

    def racing(namespace, keys, record_id, sources, targets, settle=False, condition=None):
        calls.append((sources, targets))
        if len(calls) == 1:  # a new neighbour appears after the read
            graph.link(NS, "late", VICTIM)
        return attempt(namespace, keys, record_id, sources, targets, settle=settle, condition=condition)

    monkeypatch.setattr(lifecycle, "_attempt", racing)
    assert outcome(lifecycle.delete_record(NS, VICTIM)) == (True, 4)
    assert calls == [(["a"], ["a"]), (["a", "late"], ["a", "late"])]
    assert mentions(redis_client, VICTIM) == []


def test_tenth_attempt_settles_keeping_only_what_appeared_since(lifecycle: RecordLifecycle, graph: GraphStore,
                                                                redis_client: redis.Redis,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    graph.link(NS, "a", VICTIM)
    attempt, calls = lifecycle._attempt, []

    def always_racing(namespace, keys, record_id, sources, targets, settle=False, condition=None):
        calls.append(settle)
        graph.link(NS, f"late{len(calls)}", VICTIM)  # symmetric: both directions
        return attempt(namespace, keys, record_id, sources, targets, settle=settle, condition=condition)

    monkeypatch.setattr(lifecycle, "_attempt", always_racing)
    result = lifecycle.delete_record(NS, VICTIM)
    assert calls == [False] * 9 + [True]
    assert result.deleted and result.removed_edge_count == 20  # a and late1..late9, both directions
    # Only the edge linked during the last attempt survives, in both directions and indexed.
    assert set(edge_map(redis_client).get(VICTIM, {})) == {"late10"}
    assert {m.decode() for m in redis_client.smembers(KEYS.incoming(VICTIM))} == {"late10"}
    pointing = {s for s, targets in edge_map(redis_client).items() if VICTIM in targets}
    assert pointing == {"late10"}


def test_concurrent_links_leave_no_dangling_edge(lifecycle: RecordLifecycle, graph: GraphStore,
                                                 configs: ConfigStore, redis_client: redis.Redis) -> None:
    configs.update(NS, {"symmetric": False})
    for i in range(50):
        graph.link(NS, f"s{i}", VICTIM)
    stop = threading.Event()

    def writer() -> None:
        # Paced, so most deletions also finish before their settle attempt.
        i = 0
        while not stop.wait(0.001):
            graph.link(NS, f"w{i}", VICTIM)
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for _ in range(5):
            lifecycle.delete_record(NS, VICTIM)
    finally:
        stop.set()
        thread.join()
    # Whatever the interleaving: every edge still pointing at the record is in its in-set, so
    # a later deletion finds it.
    sources = {m.decode() for m in redis_client.smembers(KEYS.incoming(VICTIM))}
    pointing = {s for s, targets in edge_map(redis_client).items() if VICTIM in targets}
    assert pointing <= sources
    lifecycle.delete_record(NS, VICTIM)
    assert mentions(redis_client, VICTIM) == []


def test_delete_validates_before_writing(lifecycle: RecordLifecycle) -> None:
    for args, field in (((NS, ""), "record_id"), (("a{b}", VICTIM), "namespace")):
        with pytest.raises(InvalidArgument) as info:
            lifecycle.delete_record(*args)
        assert info.value.field == field
