"""The memory budget (issue item 4): namespaces load on first use, the least recently used are
evicted beyond ``--index-memory-budget``, health stays SERVING while a cold namespace loads,
and a server over many namespaces is SERVING at once. Real servers over the session's Redis."""

from __future__ import annotations

import threading
import time

import grpc
import msgpack
import numpy as np
import pytest

from engram.keys import NAMESPACES, NamespaceKeys
from engram.v1 import embedding_pb2 as pb
from grpc_health.v1 import health_pb2, health_pb2_grpc
from tests.api.conftest import connect, vec
from tests.api.test_observability import sample, scrape

DIMS = 8


def write_direct(client, namespace: str, vectors: np.ndarray, prefix: str = "r") -> None:
    """Records written straight into Redis in the layout `lua/embedding_upsert.lua` keeps (the
    ``emb`` hash, ``vec`` and ``doc`` hashes, ``doc:ids``), as a server of an earlier run left
    them; pipelined, no change log (a load then starts at position (0, 0))."""
    keys = NamespaceKeys(namespace)
    pipe = client.pipeline(transaction=False)
    pipe.hset(keys.embedding_config, mapping={"model": "client", "dimensions": vectors.shape[1], "log_seq": 0})
    rows = np.ascontiguousarray(vectors, dtype="<f4")
    for start in range(0, len(rows), 5000):
        chunk = range(start, min(start + 5000, len(rows)))
        pipe.hset(keys.vectors, mapping={f"{prefix}{i}": rows[i].tobytes() for i in chunk})
        pipe.hset(keys.documents, mapping={f"{prefix}{i}": msgpack.packb({"text": "", "model": "client",
                                                                         "updated_at": 1.0}) for i in chunk})
        pipe.zadd(keys.record_ids, {f"{prefix}{i}": 0 for i in chunk})
    pipe.zadd(NAMESPACES, {namespace: 0})
    pipe.execute()


def top(stub, namespace: str, query, timeout: float = 30, **kwargs) -> list[str]:
    return [h.record_id for h in stub.embedding.Search(pb.SearchRequest(
        namespace=namespace, vector=vec(query), top_k=3, **kwargs), timeout=timeout)]


def test_a_namespace_loads_at_its_first_search_and_a_write_alone_does_not_load_it(make_app, redis_client):
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((50, DIMS))
    write_direct(redis_client, "cold", vectors)
    app = make_app()
    api = connect(app)  # SERVING with nothing loaded
    residency = app.embeddings.residency
    assert residency.namespaces() == [] and app.follower.position("cold") is None
    # A write to a namespace not in memory goes to Redis only; the next search loads it, write included.
    api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="cold", record_id="new", vector=vec(-vectors[7])))
    assert app.embeddings.indexes.get("cold") is None and not residency.resident("cold")
    assert top(api, "cold", vectors[7])[0] == "r7"
    assert top(api, "cold", -vectors[7])[0] == "new"
    assert residency.namespaces() == ["cold"] and residency.loads == 1
    assert len(app.embeddings.indexes.get("cold")) == 51
    assert app.follower.position("cold") is not None  # followed from its load on
    # Resident now: a write updates the index at once.
    api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="cold", record_id="newer", vector=vec(vectors[3])))
    assert "newer" in app.embeddings.indexes.get("cold")
    api.channel.close()


def test_concurrent_first_searches_share_one_load(make_app, redis_client):
    rng = np.random.default_rng(2)
    vectors = rng.standard_normal((3000, DIMS))
    write_direct(redis_client, "shared", vectors)
    app = make_app()
    api = connect(app)
    results: list[list[str]] = []
    threads = [threading.Thread(target=lambda i=i: results.append(top(api, "shared", vectors[i]))) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(r[0] for r in results) == [f"r{i}" for i in range(8)]
    assert app.embeddings.residency.loads == 1
    api.channel.close()


def test_the_other_replica_follows_writes_of_namespaces_it_loaded(make_app):
    a, b = connect(make_app()), connect(b_app := make_app())
    a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="shared", record_id="x", vector=vec([1, 0])))
    assert top(b, "shared", [1, 0]) == ["x"]  # b loads it
    a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="shared", record_id="y", vector=vec([0, 1])))
    started = time.monotonic()
    while "y" not in top(b, "shared", [0, 1]):  # no token: b's follower applies a's write on its own
        assert time.monotonic() - started < 2.0, "replica b never saw the write"
        time.sleep(0.01)
    token = a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace="shared", record_id="z", vector=vec([1, 1]))).consistency_token
    assert top(b, "shared", [1, 1], consistency_token=token)[0] == "z"
    # A token of a namespace b never loaded: its load satisfies it.
    token = a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace="other", record_id="o", vector=vec([1, 0]))).consistency_token
    assert b_app.follower.position("other") is None
    assert top(b, "other", [1, 0], consistency_token=token, timeout=5) == ["o"]
    a.channel.close()
    b.channel.close()


def test_the_least_recently_used_namespaces_are_evicted_beyond_the_budget(make_app, redis_client):
    rng = np.random.default_rng(3)
    data = {f"ns{i}": rng.standard_normal((200, DIMS)) for i in range(5)}
    for namespace, vectors in data.items():
        write_direct(redis_client, namespace, vectors)
    probe = make_app()
    top(connect(probe), "ns0", data["ns0"][0])
    size = probe.embeddings.residency.namespace_bytes("ns0")  # each namespace is the same size
    app = make_app(index_memory_budget=int(3.5 * size), metrics_listen="127.0.0.1:0")
    api = connect(app)
    residency = app.embeddings.residency
    for namespace in data:  # ns0 .. ns4: 3 fit
        assert top(api, namespace, data[namespace][5])[0] == "r5"
    assert residency.namespaces() == ["ns2", "ns3", "ns4"]
    assert residency.evictions == 2 and residency.total_bytes <= residency.budget
    assert app.embeddings.indexes.get("ns0") is None and app.embeddings.keywords.get("ns0") is None
    assert app.follower.position("ns0") is None and app.follower.position("ns4") is not None  # unfollowed
    top(api, "ns2", data["ns2"][1])  # ns2 used: now ns3 is the least recently used
    assert top(api, "ns0", data["ns0"][9])[0] == "r9"  # loaded again, correctly
    assert residency.namespaces() == ["ns4", "ns2", "ns0"]
    m = scrape(app)
    assert sample(m, "engram_index_loads_total") == 6
    assert sample(m, "engram_index_evictions_total") == 3
    assert sample(m, "engram_index_namespaces_loaded") == 3
    assert sample(m, "engram_index_resident_bytes") == residency.total_bytes == 3 * size
    assert sample(m, "engram_index_budget_bytes") == int(3.5 * size)
    assert sample(m, "engram_index_load_seconds_count") == 6
    assert sample(m, "engram_index_rows", namespace="ns3") is None  # per-namespace series: resident ones only
    api.channel.close()


def test_growth_beyond_the_budget_evicts_another_namespace(make_app, redis_client):
    rng = np.random.default_rng(4)
    for namespace in ("small", "grows"):
        write_direct(redis_client, namespace, rng.standard_normal((20, DIMS)))
    probe = make_app()
    top(connect(probe), "small", np.ones(DIMS))
    size = probe.embeddings.residency.namespace_bytes("small")
    app = make_app(index_memory_budget=2 * size + 1000)  # both fit; a thousand more rows do not
    api = connect(app)
    top(api, "small", np.ones(DIMS)), top(api, "grows", np.ones(DIMS))
    assert app.embeddings.residency.namespaces() == ["small", "grows"]
    records = [pb.ImportRecord(record_id=f"g{i}", vector=vec(rng.standard_normal(DIMS))) for i in range(1000)]
    list(api.embedding.ImportEmbeddings(iter([pb.ImportEmbeddingsRequest(namespace="grows", records=records)])))
    assert app.embeddings.residency.namespaces() == ["grows"]  # its growth pushed "small" out
    assert len(app.embeddings.indexes.get("grows")) == 1020
    api.channel.close()


def test_a_search_past_its_deadline_on_a_cold_namespace_fails_while_health_stays_serving(make_app, redis_client):
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((60_000, DIMS))  # loading takes well over the 20 ms deadline below
    write_direct(redis_client, "big", vectors)
    app = make_app()
    api = connect(app)
    started = time.monotonic()
    with pytest.raises(grpc.RpcError) as info:
        top(api, "big", vectors[0], timeout=0.02)
    assert info.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert time.monotonic() - started < 1.0
    health = health_pb2_grpc.HealthStub(api.channel)
    assert not app.embeddings.residency.resident("big")  # still loading
    assert health.Check(health_pb2.HealthCheckRequest(), timeout=1).status == health_pb2.HealthCheckResponse.SERVING
    assert top(api, "big", vectors[123])[0] == "r123"  # the load went on; this search waited for it
    assert app.embeddings.residency.loads == 1
    api.channel.close()


def test_a_server_over_10000_namespaces_is_serving_within_5_seconds(make_app, redis_client):
    rng = np.random.default_rng(6)
    per_namespace = 10  # bench/cold_start.py runs 10,000 x 1,000 x 384
    vectors = rng.standard_normal((per_namespace, DIMS))
    pipe = redis_client.pipeline(transaction=False)
    for n in range(10_000):
        keys = NamespaceKeys(f"tenant-{n}")
        pipe.hset(keys.embedding_config, mapping={"model": "client", "dimensions": DIMS, "log_seq": 0})
        pipe.hset(keys.vectors, mapping={f"r{i}": vectors[i].astype("<f4").tobytes() for i in range(per_namespace)})
        if n % 1000 == 999:
            pipe.execute()
    redis_client.zadd(NAMESPACES, {f"tenant-{n}": 0 for n in range(10_000)})
    started = time.monotonic()
    app = make_app()
    api = connect(app)  # waits for SERVING
    assert time.monotonic() - started < 5.0
    assert app.embeddings.residency.namespaces() == []
    assert top(api, "tenant-9999", vectors[4])[0] == "r4"
    assert app.embeddings.residency.namespaces() == ["tenant-9999"]
    api.channel.close()
