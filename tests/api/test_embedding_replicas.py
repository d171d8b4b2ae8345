"""Replica freshness: two Engram servers on one Redis keep their indexes equal through the
change log, and a search carrying a write's consistency token sees that write."""

from __future__ import annotations

import time

import grpc
import numpy as np
import pytest

from engram.domain.embedding import EmbeddingStore, Query
from engram.embeddings.index import IndexRegistry
from engram.embeddings.sync import ChangeLogFollower
from engram.errors import DeadlineExceeded
from engram.keys import NamespaceKeys
from engram.v1 import embedding_pb2 as pb
from engram.v1 import namespace_pb2, record_pb2
from tests.api.conftest import assert_invalid, connect, vec

NS = "replicas"


def ids(stub, query, token="", ns=NS, **kwargs):
    return [h.record_id for h in stub.embedding.Search(pb.SearchRequest(
        namespace=ns, vector=vec(query), top_k=100, consistency_token=token, **kwargs), timeout=10)]


@pytest.fixture()
def pair(make_app):
    a, b = connect(make_app()), connect(make_app())
    yield a, b
    a.channel.close()
    b.channel.close()


def test_a_write_on_one_replica_is_read_on_the_other_with_its_token(pair):
    a, b = pair
    rng = np.random.default_rng(0)
    for i in range(50):
        v = rng.standard_normal(16)
        reply = a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id=f"r{i}", vector=vec(v)))
        assert reply.consistency_token
        assert ids(b, v, reply.consistency_token)[0] == f"r{i}"  # read-your-writes on the other replica


def test_a_token_without_a_client_deadline_is_served(pair):
    # gRPC Python reports "no deadline" as ~2**63 ns remaining; it must not reach the wait as a timeout.
    a, b = pair
    token = a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace=NS, record_id="free", vector=vec([1, 0, 0]))).consistency_token
    hits = list(b.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec([1, 0, 0]), consistency_token=token)))
    assert [h.record_id for h in hits] == ["free"]
    batches = list(b.embedding.BatchSearch(pb.BatchSearchRequest(
        namespace=NS, queries=[pb.SearchQuery(vector=vec([1, 0, 0]))], consistency_token=token)))
    assert [h.record_id for h in batches[0].hits] == ["free"]


def test_deletes_reach_the_other_replica(pair):
    a, b = pair
    a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="x", vector=vec([1, 0, 0])))
    token = a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace=NS, record_id="y", vector=vec([0, 1, 0]))).consistency_token
    assert ids(b, [1, 0, 0], token) == ["x", "y"]
    deleted = a.embedding.DeleteEmbedding(pb.DeleteEmbeddingRequest(namespace=NS, record_id="x"))
    assert deleted.deleted and ids(b, [1, 0, 0], deleted.consistency_token) == ["y"]
    removed = a.record.DeleteRecord(record_pb2.DeleteRecordRequest(namespace=NS, record_id="y"))
    assert removed.deleted and removed.consistency_token
    assert ids(b, [1, 0, 0], removed.consistency_token) == []


def test_without_a_token_the_other_replica_catches_up_on_its_own(pair):
    a, b = pair
    a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="first", vector=vec([1, 0])))
    ids(b, [1, 0], a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace=NS, record_id="second", vector=vec([0, 1]))).consistency_token)  # b follows NS now
    a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="third", vector=vec([1, 1])))
    started = time.monotonic()
    while "third" not in ids(b, [1, 1]):
        assert time.monotonic() - started < 2.0, "replica b never saw the write"
        time.sleep(0.002)


def test_a_deleted_namespace_disappears_from_the_other_replica(pair):
    a, b = pair
    token = a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace=NS, record_id="x", vector=vec([1, 0]))).consistency_token
    assert ids(b, [1, 0], token) == ["x"]
    a.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=NS))
    started = time.monotonic()
    while ids(b, [1, 0]):
        assert time.monotonic() - started < 3.0, "replica b kept the deleted namespace's vectors"
        time.sleep(0.02)
    # recreated with another dimension: b follows the new log from its first entry
    token = a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace=NS, record_id="z", vector=vec([0, 0, 1]))).consistency_token
    assert ids(b, [0, 0, 1], token) == ["z"]


def test_a_token_beyond_the_log_is_refused_and_a_malformed_one_too(pair):
    a, _ = pair
    a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="x", vector=vec([1, 0])))
    future = f"{int(time.time() * 1000) + 3_600_000}-0"  # an entry an hour from now: never written
    started = time.monotonic()
    assert_invalid(lambda: list(a.embedding.Search(pb.SearchRequest(
        namespace=NS, vector=vec([1, 0]), consistency_token=future), timeout=5)), "consistency_token")
    assert time.monotonic() - started < 1.0  # refused, not waited for
    assert_invalid(lambda: list(a.embedding.Search(pb.SearchRequest(
        namespace=NS, vector=vec([1, 0]), consistency_token="yesterday"))), "consistency_token")


def test_a_follower_whose_position_was_trimmed_reloads(redis_client, scripts):
    writer = EmbeddingStore(redis_client, scripts, None, IndexRegistry(), change_log_length=100)
    reader = EmbeddingStore(redis_client, scripts, None, IndexRegistry())
    follower = ChangeLogFollower(redis_client, reader, block_ms=10)  # stepped by hand: no thread
    writer.upsert(NS, "r0", vector=[1.0, 0.0], now=1.0)
    assert follower.warm() == {NS: 1}
    rng = np.random.default_rng(1)
    vectors = {f"r{i}": rng.standard_normal(2) for i in range(1, 1000)}
    for record_id, v in vectors.items():
        writer.upsert(NS, record_id, vector=list(v), now=1.0)
    writer.delete(NS, "r0")
    assert redis_client.xlen(NamespaceKeys(NS).changes) < 1000  # the follower's position is gone
    follower.step()  # finds the gap and reloads
    index = reader.indexes.get(NS)
    assert len(index) == 999 and "r0" not in index
    probe = vectors["r500"]
    assert reader.search(NS, [Query(vector=list(probe))], top_k=1)[0][0].record_id == "r500"
    assert follower.position(NS) is not None


def test_a_follower_reads_back_only_other_servers_writes(redis_client, scripts):
    a = EmbeddingStore(redis_client, scripts, None, IndexRegistry())
    b = EmbeddingStore(redis_client, scripts, None, IndexRegistry())
    follow_a = ChangeLogFollower(redis_client, a, block_ms=10)
    follow_b = ChangeLogFollower(redis_client, b, block_ms=10)
    read_back = {a: [], b: []}
    for store in (a, b):  # record which ids each follower reads back from Redis
        original = store.apply_changes
        store.apply_changes = lambda ns, ids, s=store, f=original: (read_back[s].extend(ids), f(ns, ids))
    a.upsert(NS, "seed", vector=[0.0, 1.0], now=1.0)
    follow_a.warm(), follow_b.warm()
    a.upsert(NS, "x", vector=[1.0, 0.0], now=1.0)  # a applies its own write at once
    b.upsert(NS, "x", vector=[0.0, 1.0], now=1.0)  # then b overwrites it
    a.delete(NS, "seed")
    for _ in range(3):
        follow_a.step(), follow_b.step()
    assert read_back[a] == ["x"]  # only b's write; a's own two entries are skipped
    assert sorted(read_back[b]) == ["seed", "x"]  # a's write and a's delete; b's own skipped
    for store in (a, b):
        index = store.indexes.get(NS)
        assert sorted(index._rows) == ["x"]
        assert np.allclose(index.get("x"), [0.0, 1.0])  # the last write wins on both


def test_a_token_of_this_servers_own_write_needs_no_tailing(redis_client, scripts):
    local = EmbeddingStore(redis_client, scripts, None, IndexRegistry())
    other = EmbeddingStore(redis_client, scripts, None, IndexRegistry())
    follower = ChangeLogFollower(redis_client, local, block_ms=10)  # never stepped
    local.upsert(NS, "seed", vector=[1.0, 0.0], now=1.0)
    follower.warm()
    own = local.upsert(NS, "mine", vector=[0.0, 1.0], now=1.0).consistency_token
    foreign = other.upsert(NS, "theirs", vector=[1.0, 1.0], now=1.0).consistency_token
    assert local.search(NS, [Query(vector=[0.0, 1.0])], top_k=1, consistency_token=own, timeout=0)[0][0].record_id \
        == "mine"
    with pytest.raises(DeadlineExceeded):  # not applied here until the log is read
        local.search(NS, [Query(vector=[1.0, 1.0])], consistency_token=foreign, timeout=0.05)
    follower.step()
    hits = local.search(NS, [Query(vector=[1.0, 1.0])], top_k=1, consistency_token=foreign, timeout=0)
    assert hits[0][0].record_id == "theirs"
