"""Forgetting through a real server: expiry (ttl on UpsertEmbedding), the sweeper, the
opt-in policy, ListForgettableRecords, and the times on records (last_used_at from
ReportOutcome)."""

from __future__ import annotations

import threading
import time

import grpc
import msgpack
import pytest
from google.protobuf.duration_pb2 import Duration

from engram.domain.config import ConfigStore
from engram.keys import NamespaceKeys
from engram.v1 import common_pb2, embedding_pb2, graph_pb2, ledger_pb2
from engram.v1 import record_pb2 as pb
from tests.api.conftest import assert_invalid, connect, vec

NS = "forget-ns"
KEYS = NamespaceKeys(NS)
DAY_MS = 86_400_000


def upsert(api, record_id, values=(1.0, 0.0, 0.0), ttl: float | None = None, text=""):
    request = embedding_pb2.UpsertEmbeddingRequest(namespace=NS, record_id=record_id, vector=vec(values), text=text)
    if ttl is not None:
        request.ttl.CopyFrom(Duration(seconds=int(ttl), nanos=int((ttl % 1) * 1e9)))
    return api.embedding.UpsertEmbedding(request)


def get(api, *ids):
    return list(api.record.BatchGetRecords(pb.BatchGetRecordsRequest(namespace=NS, record_ids=ids)).records)


def search(api, values=(1.0, 0.0, 0.0)):
    return [h.record_id for h in api.embedding.Search(embedding_pb2.SearchRequest(
        namespace=NS, vector=vec(values), top_k=10))]


def forgettable(api, limit=0):
    return api.record.ListForgettableRecords(pb.ListForgettableRecordsRequest(namespace=NS, limit=limit))


def all_signals(api, record_id):
    """Give the record every signal: confidence, edges both ways, a prediction, a last use."""
    api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
        namespace=NS, record_id=record_id, predicted={"useful": common_pb2.Value(bool_value=True)}))
    # Symmetric by default: an edge each way.
    api.graph.Link(graph_pb2.LinkRequest(namespace=NS, source_record_id=record_id, target_record_id="friend"))
    api.record.ReportOutcome(pb.ReportOutcomeRequest(namespace=NS, record_ids=[record_id],
                                                     outcome=ledger_pb2.OUTCOME_USED))


def traces(redis_client, record_id) -> list[str]:
    """Keys of the namespace that still hold anything of ``record_id``."""
    rid = record_id.encode()
    found = []
    for key in (KEYS.confidence, KEYS.predictions, KEYS.vectors, KEYS.documents, KEYS.text_hash_of):
        if redis_client.hexists(key, rid):
            found.append(key)
    for key in (KEYS.confidence_ids, KEYS.prediction_ids, KEYS.created, KEYS.updated, KEYS.used, KEYS.expiry,
                KEYS.edges("friend")):
        if redis_client.zscore(key, rid) is not None:
            found.append(key)
    for key in (KEYS.edges(record_id), KEYS.incoming(record_id)):
        if redis_client.exists(key):
            found.append(key)
    return found


def wait_until(predicate, timeout=5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def dump(redis_client) -> dict[bytes, bytes]:
    return {key: redis_client.dump(key) for key in redis_client.scan_iter(match=KEYS.pattern)}


# -- times ---------------------------------------------------------------------------------
def test_acted_and_used_set_last_used_at_and_dismissed_does_not(api):
    before = time.time()
    api.record.ReportOutcome(pb.ReportOutcomeRequest(namespace=NS, record_ids=["a"], outcome=ledger_pb2.OUTCOME_ACTED))
    api.record.ReportOutcome(pb.ReportOutcomeRequest(namespace=NS, record_ids=["u"], outcome=ledger_pb2.OUTCOME_USED))
    api.record.ReportOutcome(pb.ReportOutcomeRequest(namespace=NS, record_ids=["d"],
                                                     outcome=ledger_pb2.OUTCOME_DISMISSED))
    a, u, d = get(api, "a", "u", "d")
    for record in (a, u):
        assert record.HasField("last_used_at")
        assert before - 1 <= record.last_used_at.ToMilliseconds() / 1000 <= time.time() + 1
    assert not d.HasField("last_used_at")
    assert not a.HasField("created_at") and not a.HasField("expires_at")  # no text or vector written


# -- expiry (these need lua/embedding_upsert.lua to write created/updated/expiry) ---------
def test_an_expired_record_vanishes_from_reads_then_the_sweeper_deletes_it_everywhere(make_app, redis_client):
    # The sweeper waits 0.5 s between sweeps: reads must hide the record before it runs.
    api = connect(make_app(sweep_interval=0.5))
    upsert(api, "friend", (0.0, 1.0, 0.0))
    reply = upsert(api, "brief", ttl=1.0, text="a short-lived note")
    assert reply.HasField("expires_at")
    all_signals(api, "brief")
    [record] = get(api, "brief")
    assert record.has_embedding and record.HasField("created_at") and record.HasField("expires_at")
    assert record.HasField("last_used_at") and record.edge_count == 1
    assert "brief" in search(api)
    time.sleep(max(reply.expires_at.ToMilliseconds() / 1000 - time.time(), 0) + 0.05)
    assert "brief" not in search(api)
    [gone] = get(api, "brief")
    assert (gone.has_embedding, gone.text, gone.edge_count, gone.HasField("prediction")) == (False, "", 0, False)
    assert gone.confidence.evidence_count == 0 and not gone.HasField("expires_at")
    assert wait_until(lambda: traces(redis_client, "brief") == []), traces(redis_client, "brief")
    assert "friend" in search(api)


def test_a_record_written_again_without_ttl_before_the_sweep_is_kept(make_app, redis_client):
    app = make_app(sweep_interval=3600.0)  # no sweep on its own: this test runs it
    api = connect(app)
    upsert(api, "renewed", ttl=1.0)
    upsert(api, "renewed")  # no ttl: the expiry goes
    upsert(api, "lapsed", (0.0, 1.0, 0.0), ttl=1.0)
    time.sleep(1.1)
    assert app.sweeper.sweep_once(policy=False)["expired"] == 1
    renewed, lapsed = get(api, "renewed", "lapsed")
    assert renewed.has_embedding and not renewed.HasField("expires_at")
    assert not lapsed.has_embedding
    assert redis_client.hexists(KEYS.vectors, "renewed") and not redis_client.hexists(KEYS.vectors, "lapsed")


# -- dry run and policy (times written into Redis directly: independent of the upsert) -----
def set_times(redis_client, record_id, *, created=None, used=None, expires=None, confidence=None):
    if created is not None:
        redis_client.zadd(KEYS.created, {record_id: created})
        redis_client.zadd(KEYS.updated, {record_id: created})
    if used is not None:
        redis_client.zadd(KEYS.used, {record_id: used})
    if expires is not None:
        redis_client.zadd(KEYS.expiry, {record_id: expires})
    if confidence is not None:
        redis_client.hset(KEYS.confidence, record_id, msgpack.packb(
            {"confidence": confidence, "evidence_count": 1, "corroborations": 0, "contradictions": 1}))
        redis_client.zadd(KEYS.confidence_ids, {record_id: 0})


def policy_namespace(api, redis_client):
    """Records of every kind; the namespace forgets below 0.3 after a day unused. The
    configuration is written through ConfigStore (the same Redis HASH the RPC writes)."""
    ConfigStore(redis_client).update(NS, {"forget_below_confidence": 0.3, "forget_unused_after": 86400.0})
    now = int(time.time() * 1000)
    for rid in ("expired", "stale", "stale_used", "used_lately", "confident", "fresh"):
        upsert(api, rid)
    set_times(redis_client, "expired", created=now - 5000, expires=now - 1000, confidence=0.9)
    set_times(redis_client, "stale", created=now - 3 * DAY_MS, confidence=0.1)
    set_times(redis_client, "stale_used", created=now - 9 * DAY_MS, used=now - 2 * DAY_MS, confidence=0.2)
    set_times(redis_client, "used_lately", created=now - 9 * DAY_MS, used=now - 1000, confidence=0.1)
    set_times(redis_client, "confident", created=now - 9 * DAY_MS, confidence=0.6)
    set_times(redis_client, "fresh", created=now - 1000, confidence=0.1)
    return now


def test_list_forgettable_records_names_reasons_in_order_and_changes_nothing(make_app, redis_client):
    api = connect(make_app(sweep_interval=3600.0, forget_policy_interval=3600.0))
    now = policy_namespace(api, redis_client)
    before = dump(redis_client)
    reply = forgettable(api)
    assert [(r.record_id, r.reason) for r in reply.records] == [
        ("expired", pb.FORGET_REASON_EXPIRED),
        ("stale", pb.FORGET_REASON_LOW_CONFIDENCE_UNUSED),  # created 3 days ago, never used
        ("stale_used", pb.FORGET_REASON_LOW_CONFIDENCE_UNUSED)]  # last used 2 days ago
    assert not reply.truncated
    expired, stale, stale_used = reply.records
    assert expired.expires_at.ToMilliseconds() == now - 1000 and expired.confidence == pytest.approx(0.9)
    assert not stale.HasField("last_used_at") and stale.created_at.ToMilliseconds() == now - 3 * DAY_MS
    assert stale_used.last_used_at.ToMilliseconds() == now - 2 * DAY_MS
    assert stale_used.confidence == pytest.approx(0.2)
    assert dump(redis_client) == before
    truncated = forgettable(api, limit=2)
    assert [r.record_id for r in truncated.records] == ["expired", "stale"] and truncated.truncated
    for bad in (1001, 5000):
        assert_invalid(lambda: forgettable(api, limit=bad), "limit")


def test_the_policy_sweep_forgets_low_confidence_unused_records_only(make_app, redis_client):
    app = make_app(sweep_interval=0.05, forget_policy_interval=0.05)
    api = connect(app)
    policy_namespace(api, redis_client)
    assert wait_until(lambda: not redis_client.hexists(KEYS.vectors, "stale_used"))
    assert wait_until(lambda: forgettable(api).records == [])
    for rid in ("expired", "stale", "stale_used"):
        assert traces(redis_client, rid) == [], rid
    kept = get(api, "used_lately", "confident", "fresh")
    assert all(r.has_embedding for r in kept)
    assert sorted(h for h in search(api)) == ["confident", "fresh", "used_lately"]


def test_two_servers_sweeping_at_once_delete_each_record_once(make_app, redis_client):
    apps = [make_app(sweep_interval=3600.0) for _ in range(2)]
    api = connect(apps[0])
    n = 40
    now = int(time.time() * 1000)
    for i in range(n):
        upsert(api, f"r{i}")
        set_times(redis_client, f"r{i}", created=now - 10_000, expires=now - 10_000 + i)
    upsert(api, "keeper", (0.0, 1.0, 0.0))
    totals, errors = [], []
    barrier = threading.Barrier(2)

    def sweep(app):
        try:
            barrier.wait()
            totals.append(app.sweeper.sweep_once(policy=True))
        except Exception as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=sweep, args=(a,)) for a in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert sum(t["expired"] for t in totals) == n
    assert redis_client.hkeys(KEYS.vectors) == [b"keeper"] and redis_client.zcard(KEYS.expiry) == 0
    # Both replicas' indexes followed: the second server searches only the keeper.
    api2 = connect(apps[1])
    assert wait_until(lambda: search(api2, (0.0, 1.0, 0.0)) == ["keeper"])


def test_the_dry_run_names_a_missing_namespace(api):
    with pytest.raises(grpc.RpcError) as info:
        api.record.ListForgettableRecords(pb.ListForgettableRecordsRequest(namespace=""))
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_the_sweeper_counts_forgotten_records_by_reason(make_app, redis_client):
    from tests.api.test_observability import sample, scrape

    app = make_app(sweep_interval=0.05, forget_policy_interval=0.05, metrics_listen="127.0.0.1:0")
    api = connect(app)
    policy_namespace(api, redis_client)
    assert wait_until(lambda: forgettable(api).records == [])
    samples = scrape(app)
    assert sample(samples, "engram_forgotten_records_total", reason="expired") == 1
    assert sample(samples, "engram_forgotten_records_total", reason="low_confidence_unused") == 2


def test_sweep_flags_are_checked():
    import argparse

    from engram.config import add_arguments, from_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    settings = from_arguments(parser.parse_args(["--sweep-interval", "0.25", "--forget-policy-interval", "5"]))
    assert (settings.sweep_interval, settings.forget_policy_interval) == (0.25, 5.0)
    for flag in ("--sweep-interval", "--forget-policy-interval"):
        with pytest.raises(ValueError, match=flag):
            from_arguments(parser.parse_args([flag, "0"]))
