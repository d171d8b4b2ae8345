"""--min-replica-acks on one Redis with a replica (no cluster): every kind of write waits for the
replica on the connection that wrote, and a write the replica does not confirm in time is
UNAVAILABLE though applied. Also the flags and their checks."""

from __future__ import annotations

import argparse
import dataclasses
import os
import signal
import subprocess
import time

import grpc
import pytest
import redis

from engram.app import build
from engram.config import Settings, add_arguments, from_arguments
from engram.keys import NamespaceKeys
from engram.store.private_redis import PrivateRedis, find_server_binary
from engram.store.replica_acks import AckingRedis
from engram.v1 import common_pb2
from engram.v1 import confidence_pb2 as cpb
from engram.v1 import embedding_pb2 as epb
from engram.v1 import ledger_pb2 as lpb
from engram.v1 import namespace_pb2 as npb
from tests.api.conftest import connect, vec
from tests.cluster.launcher import free_ports


@pytest.fixture(scope="module")
def primary_and_replica(tmp_path_factory):
    primary = PrivateRedis(tmp_path_factory.mktemp("primary")).start()
    redis.Redis(port=primary.port).config_set("repl-diskless-sync-delay", 0)  # the replica syncs at once
    port = free_ports(1)[0]
    data = tmp_path_factory.mktemp("replica")
    replica = subprocess.Popen([find_server_binary(), "--bind", "127.0.0.1", "--port", str(port), "--dir", str(data),
                                "--save", "", "--replicaof", "127.0.0.1", str(primary.port),
                                "--logfile", str(data / "server.log")], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 15
    while True:
        try:
            if client.info("replication").get("master_link_status") == "up":
                break
        except redis.ConnectionError:
            pass
        assert time.monotonic() < deadline, "the replica never synced"
        time.sleep(0.05)
    yield primary, replica, client
    replica.kill()
    replica.wait()
    primary.kill()  # no clean shutdown needed (it would wait for the replica)


@pytest.fixture()
def served(primary_and_replica):
    primary, _, _ = primary_and_replica
    redis.Redis.from_url(primary.url).flushall()
    apps = []

    def factory(**overrides):
        settings = dataclasses.replace(Settings(listen="127.0.0.1:0", redis_url=primary.url, health_interval=0.05,
                                                grace_period=0.5, min_replica_acks=1, embedding_model="none"),
                                       **overrides)
        app = build(settings, load_model=False)
        apps.append(app)
        return app, connect(app)

    yield factory
    for app in apps:
        app.stop(grace=0)


def waits(primary: PrivateRedis) -> int:
    stats = redis.Redis.from_url(primary.url).info("commandstats")
    return int(stats.get("cmdstat_wait", {}).get("calls", 0))


def test_every_kind_of_write_waits_for_the_replica(primary_and_replica, served):
    primary, _, replica = primary_and_replica
    app, api = served()
    assert isinstance(app.redis, AckingRedis)
    ns = "standalone"
    keys = NamespaceKeys(ns)
    writes = [
        (lambda: api.confidence.UpdateConfidence(cpb.UpdateConfidenceRequest(namespace=ns, record_id="a", signal=1)),
         lambda: replica.hexists(keys.confidence, "a")),  # a script
        (lambda: api.confidence.BatchUpdateConfidence(cpb.BatchUpdateConfidenceRequest(
            namespace=ns, updates=[cpb.ConfidenceUpdate(record_id=f"b{i}", signal=0.9) for i in range(4)])),
         lambda: replica.hlen(keys.confidence) == 5),  # a pipeline of scripts
        (lambda: api.ledger.RecordPrediction(lpb.RecordPredictionRequest(
            namespace=ns, record_id="a", predicted={"x": common_pb2.Value(number_value=1)})),
         lambda: replica.hexists(keys.predictions, "a")),  # MULTI/EXEC
        (lambda: api.namespace.UpdateNamespaceConfig(npb.UpdateNamespaceConfigRequest(
            namespace=ns, config=npb.NamespaceConfig(max_edges=9))),
         lambda: replica.hget(keys.config, "max_edges") == b"9"),  # WATCH, then MULTI/EXEC
        (lambda: api.embedding.UpsertEmbedding(epb.UpsertEmbeddingRequest(namespace=ns, record_id="v",
                                                                          vector=vec([1, 0]))),
         lambda: replica.hexists(keys.vectors, "v")),
        (lambda: api.namespace.DeleteNamespace(npb.DeleteNamespaceRequest(namespace=ns)),
         lambda: replica.exists(keys.confidence, keys.vectors) == 0),  # UNLINK, ZREM
    ]
    for i, (write, check) in enumerate(writes):
        before = waits(primary)
        write()
        assert check(), f"write {i} acknowledged before the replica had it"
        assert waits(primary) > before, f"write {i} did not WAIT"


def test_an_unconfirmed_write_is_unavailable_but_applied(primary_and_replica, served):
    primary, replica_process, _ = primary_and_replica
    _, api = served(replica_ack_timeout_ms=150)
    request = cpb.UpdateConfidenceRequest(namespace="slow", record_id="r", signal=0.9)
    api.confidence.UpdateConfidence(request, timeout=5)
    os.kill(replica_process.pid, signal.SIGSTOP)
    try:
        with pytest.raises(grpc.RpcError) as info:
            api.confidence.UpdateConfidence(request, timeout=5)
        assert info.value.code() == grpc.StatusCode.UNAVAILABLE
        assert "confirmed by 0 of the 1 required replicas within 150 ms" in info.value.details()
    finally:
        os.kill(replica_process.pid, signal.SIGCONT)
    state = api.confidence.GetConfidence(cpb.GetConfidenceRequest(namespace="slow", record_id="r"), timeout=5).state
    assert state.evidence_count == 2


def parse(argv: list[str], env: dict[str, str] | None = None) -> Settings:
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        parser = argparse.ArgumentParser()
        add_arguments(parser)
        return from_arguments(parser.parse_args(argv))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_flags_and_environment():
    s = parse(["--redis-url", "redis://h:1", "--redis-cluster", "--min-replica-acks", "1",
               "--replica-ack-timeout-ms", "250"])
    assert (s.redis_cluster, s.min_replica_acks, s.replica_ack_timeout_ms) == (True, 1, 250)
    s = parse([], {"ENGRAM_REDIS_URL": "redis://h:1", "ENGRAM_REDIS_CLUSTER": "1", "ENGRAM_MIN_REPLICA_ACKS": "2",
                   "ENGRAM_REPLICA_ACK_TIMEOUT_MS": "50"})
    assert (s.redis_cluster, s.min_replica_acks, s.replica_ack_timeout_ms) == (True, 2, 50)
    assert parse([]).redis_cluster is False and parse([]).min_replica_acks == 0
    for argv, flag in [(["--redis-cluster"], "--redis-cluster"), (["--min-replica-acks", "1"], "--min-replica-acks"),
                       (["--redis-url", "redis://h:1", "--min-replica-acks", "-1"], "--min-replica-acks"),
                       (["--redis-url", "redis://h:1", "--replica-ack-timeout-ms", "0"], "--replica-ack-timeout-ms")]:
        with pytest.raises(ValueError, match=flag):
            parse(argv)
