"""Engram on a Redis Cluster (3 masters, 3 replicas on loopback): namespaces spread over the
masters, writes wait for a replica with --min-replica-acks, script calls survive an emptied
script cache, and replicas follow each other's writes through keyspace events."""

from __future__ import annotations

import dataclasses
import os
import signal
import time

import grpc
import numpy as np
import pytest
import redis

from engram.app import build
from engram.config import Settings
from engram.keys import NamespaceKeys
from engram.v1 import common_pb2
from engram.v1 import confidence_pb2 as cpb
from engram.v1 import embedding_pb2 as epb
from engram.v1 import graph_pb2 as gpb
from engram.v1 import ledger_pb2 as lpb
from engram.v1 import namespace_pb2 as npb
from engram.v1 import record_pb2 as rpb
from tests.api.conftest import connect, vec
from tests.cluster.launcher import LocalCluster, Node

NAMESPACES = [f"tenant-{i}" for i in range(12)]


@pytest.fixture()
def serve(cluster: LocalCluster, cluster_client):
    """Builds Engram servers on the cluster (Settings overrides as keyword arguments)."""
    apps = []

    def factory(**overrides):
        settings = dataclasses.replace(Settings(listen="127.0.0.1:0", redis_url=cluster.url, redis_cluster=True,
                                                health_interval=0.05, grace_period=0.5, embedding_model="none"),
                                       **overrides)
        app = build(settings, load_model=False)
        apps.append(app)
        return connect(app)

    yield factory
    for app in apps:
        app.stop(grace=0)


def wait_calls(node: Node) -> int:
    stats = node.client().info("commandstats")
    return int(stats.get("cmdstat_wait", {}).get("calls", 0))


def replica_of(cluster: LocalCluster, master: Node) -> Node:
    for node in cluster.nodes:
        if node.alive and node is not master:
            info = node.client().info("replication")
            if info.get("role") == "slave" and int(info.get("master_port", 0)) == master.port:
                return node
    raise LookupError(f"node {master.index} has no replica")


def read_on_replica(replica: Node, key: str, field: str) -> bytes | None:
    """HGET on the replica itself (READONLY: a cluster replica serves reads only after it)."""
    client = replica.client(single_connection_client=True)
    try:
        client.execute_command("READONLY")
        return client.hget(key, field)
    finally:
        client.close()


def test_namespaces_spread_over_the_masters_and_each_acknowledged_write_is_on_a_replica(cluster, serve):
    api = serve(min_replica_acks=1)
    masters = {ns: cluster.master_of_key(NamespaceKeys(ns).confidence) for ns in NAMESPACES}
    assert len({m.index for m in masters.values()}) == 3  # every master holds some namespaces
    for ns, master in masters.items():
        calls = wait_calls(master)
        reply = api.confidence.UpdateConfidence(cpb.UpdateConfidenceRequest(namespace=ns, record_id="r", signal=0.9),
                                                timeout=5)
        assert reply.state.evidence_count == 1
        # Acknowledged means on a replica too: read it there at once.
        assert read_on_replica(replica_of(cluster, master), NamespaceKeys(ns).confidence, "r") is not None
        assert wait_calls(master) > calls  # WAIT ran on the master that took the write
    listed = api.namespace.ListNamespaces(npb.ListNamespacesRequest(page_size=100), timeout=5)
    assert sorted(listed.namespaces) == sorted(NAMESPACES)


def test_every_kind_of_write_is_on_a_replica_when_acknowledged(cluster, serve):
    """Scripts, pipelines of scripts, MULTI, WATCH/MULTI, UNLINK: each waits for a replica."""
    api = serve(min_replica_acks=1)
    ns = "every-write"
    keys = NamespaceKeys(ns)
    master = cluster.master_of_key(keys.confidence)
    replica = replica_of(cluster, master)

    def on_replica(command: str, *args):
        client = replica.client(single_connection_client=True)
        try:
            client.execute_command("READONLY")
            return client.execute_command(command, *args)
        finally:
            client.close()

    writes = [
        (lambda: api.confidence.BatchUpdateConfidence(cpb.BatchUpdateConfidenceRequest(
            namespace=ns, updates=[cpb.ConfidenceUpdate(record_id=f"b{i}", signal=0.9) for i in range(5)])),
         lambda: on_replica("HLEN", keys.confidence) == 5),
        (lambda: api.graph.BatchLink(gpb.BatchLinkRequest(namespace=ns, links=[
            gpb.LinkSpec(source_record_id="b0", target_record_id=f"b{i}") for i in range(1, 5)])),
         lambda: on_replica("ZCARD", keys.edges("b0")) == 4),
        (lambda: api.ledger.RecordPrediction(lpb.RecordPredictionRequest(
            namespace=ns, record_id="b1", predicted={"label": common_pb2.Value(string_value="cat")})),
         lambda: on_replica("HEXISTS", keys.predictions, "b1") == 1),
        (lambda: api.ledger.ResolvePrediction(lpb.ResolvePredictionRequest(
            namespace=ns, record_id="b1", actual={"label": common_pb2.Value(string_value="dog")})),
         lambda: on_replica("ZSCORE", keys.errors, "b1") is not None),
        (lambda: api.namespace.UpdateNamespaceConfig(npb.UpdateNamespaceConfigRequest(
            namespace=ns, config=npb.NamespaceConfig(max_edges=7))),
         lambda: on_replica("HGET", keys.config, "max_edges") == b"7"),
        (lambda: api.embedding.UpsertEmbedding(epb.UpsertEmbeddingRequest(
            namespace=ns, record_id="b2", vector=vec([1, 2, 3]))),
         lambda: on_replica("HEXISTS", keys.vectors, "b2") == 1),
        (lambda: list(api.embedding.ImportEmbeddings(iter([epb.ImportEmbeddingsRequest(namespace=ns, records=[
            epb.ImportRecord(record_id=f"i{i}", vector=vec([1, i, 0])) for i in range(10)])]))),
         lambda: on_replica("HLEN", keys.vectors) == 11),
        (lambda: api.record.DeleteRecord(rpb.DeleteRecordRequest(namespace=ns, record_id="b2")),
         lambda: on_replica("HEXISTS", keys.vectors, "b2") == 0),
        (lambda: api.namespace.DeleteNamespace(npb.DeleteNamespaceRequest(namespace=ns)),
         lambda: on_replica("EXISTS", keys.confidence, keys.vectors, keys.config) == 0),
    ]
    for i, (write, check) in enumerate(writes):
        calls = wait_calls(master)
        write()
        assert check(), f"write {i} was acknowledged before a replica had it"
        assert wait_calls(master) > calls, f"write {i} did not WAIT"


def test_a_write_no_replica_confirms_is_unavailable_and_is_still_applied(cluster, serve):
    api = serve(min_replica_acks=1, replica_ack_timeout_ms=200)
    ns = "unconfirmed"
    request = cpb.UpdateConfidenceRequest(namespace=ns, record_id="r", signal=0.9)
    api.confidence.UpdateConfidence(request, timeout=5)
    replica = replica_of(cluster, cluster.master_of_key(NamespaceKeys(ns).confidence))
    os.kill(replica.process.pid, signal.SIGSTOP)  # frozen for less than the node timeout: no failover
    try:
        started = time.monotonic()
        with pytest.raises(grpc.RpcError) as info:
            api.confidence.UpdateConfidence(request, timeout=5)
        assert info.value.code() == grpc.StatusCode.UNAVAILABLE
        assert "0 of the 1 required replicas" in info.value.details()
        assert 0.2 <= time.monotonic() - started < 0.9
    finally:
        os.kill(replica.process.pid, signal.SIGCONT)
    got = api.confidence.GetConfidence(cpb.GetConfidenceRequest(namespace=ns, record_id="r"), timeout=5)
    assert got.state.evidence_count == 2  # the unconfirmed write was applied on the primary
    assert api.confidence.UpdateConfidence(request, timeout=5).state.evidence_count == 3  # confirmed again


@pytest.mark.parametrize("acks", [0, 1])
def test_script_calls_in_pipelines_survive_an_emptied_script_cache(cluster, serve, acks):
    """A promoted replica never saw SCRIPT LOAD; SCRIPT FLUSH everywhere is the same case."""
    api = serve(min_replica_acks=acks)
    batch = cpb.BatchUpdateConfidenceRequest(
        namespace="scripts", updates=[cpb.ConfidenceUpdate(record_id=f"r{i % 3}", signal=0.9) for i in range(9)])
    api.confidence.BatchUpdateConfidence(batch, timeout=5)
    for node in cluster.nodes:
        node.client().script_flush()
    reply = api.confidence.BatchUpdateConfidence(batch, timeout=5)
    assert [s.evidence_count for s in reply.states][-3:] == [6, 6, 6]
    for node in cluster.nodes:
        node.client().script_flush()
    single = api.confidence.UpdateConfidence(cpb.UpdateConfidenceRequest(namespace="scripts", record_id="r0",
                                                                         signal=0.9), timeout=5)
    assert single.state.evidence_count == 7


def test_replicas_follow_each_others_writes_through_keyspace_events(cluster, serve):
    a, b = serve(), serve()
    rng = np.random.default_rng(7)
    for ns in NAMESPACES:  # b follows every namespace from here on
        token = a.embedding.UpsertEmbedding(epb.UpsertEmbeddingRequest(
            namespace=ns, record_id="seed", vector=vec(rng.standard_normal(8))), timeout=5).consistency_token
        list(b.embedding.Search(epb.SearchRequest(namespace=ns, vector=vec(np.ones(8)), consistency_token=token),
                                timeout=5))
    for role, node in zip(cluster.roles().values(), cluster.nodes):  # the followers turned XADD events on
        if role == "master":
            # b follows a namespace from its load on (the search above); its next read turns them on.
            deadline = time.monotonic() + 5
            while "E" not in (flags := node.client().config_get("notify-keyspace-events")["notify-keyspace-events"]) \
                    and time.monotonic() < deadline:
                time.sleep(0.05)
            assert "E" in flags and ("t" in flags or "A" in flags)
    delays = []
    for i in range(120):
        ns = NAMESPACES[i % len(NAMESPACES)]
        v = rng.standard_normal(8)
        started = time.monotonic()
        a.embedding.UpsertEmbedding(epb.UpsertEmbeddingRequest(namespace=ns, record_id=f"r{i}", vector=vec(v)),
                                    timeout=5)
        written = time.monotonic()
        while True:  # no token: b sees it when its follower has applied the change-log entry
            hits = list(b.embedding.Search(epb.SearchRequest(namespace=ns, vector=vec(v), top_k=1), timeout=5))
            if hits and hits[0].record_id == f"r{i}":
                break
            assert time.monotonic() - started < 2.0, f"replica b never saw r{i} of {ns}"
        delays.append(time.monotonic() - written)
    p50, p99 = np.percentile(delays, 50) * 1000, np.percentile(delays, 99) * 1000
    print(f"\nreplica freshness on the cluster (write on A, visible in a search on B): "
          f"p50 {p50:.1f} ms, p99 {p99:.1f} ms over {len(delays)} writes")
    assert p99 < 100


def test_cluster_errors_are_connection_errors(cluster, cluster_client):
    """No reachable primary for a key is UNAVAILABLE for the gRPC layer, never INTERNAL."""
    from redis.exceptions import ClusterDownError

    from engram.api.errors import status_for
    from engram.store.cluster import ClusterUnavailable

    error = ClusterUnavailable("no primary")
    assert isinstance(error, redis.ConnectionError)
    status = status_for(error)
    assert status is not None and status.code == grpc.StatusCode.UNAVAILABLE
    assert status_for(ClusterDownError("CLUSTERDOWN")) is None  # why the client translates it
