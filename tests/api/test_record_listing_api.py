"""RecordService.ListRecords, Record.metadata and NamespaceService.GetNamespaceStats over a
real server: pages of every record with a text or vector (by id, each once, with metadata
and times), expired records left out, foreign tokens refused, the warm-up backfill of
``doc:ids`` for records stored before it existed, and the O(1) counts after writes and
deletions."""

from __future__ import annotations

import time

import pytest
from google.protobuf.duration_pb2 import Duration

from engram.keys import NamespaceKeys
from engram.v1 import common_pb2, confidence_pb2, embedding_pb2, ledger_pb2, namespace_pb2
from engram.v1 import record_pb2 as pb
from tests.api.conftest import assert_invalid, connect, vec

NS = "listing-ns"
KEYS = NamespaceKeys(NS)


@pytest.fixture()
def api(make_app):
    stubs = connect(make_app(sweep_interval=3600.0, forget_policy_interval=3600.0))
    yield stubs
    stubs.channel.close()


def upsert(api, record_id: str, ns: str = NS, **fields) -> embedding_pb2.UpsertEmbeddingResponse:
    return api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
        namespace=ns, record_id=record_id, vector=vec((1.0, float(len(record_id)), 0.5)), **fields))


def list_all(api, page_size: int, ns: str = NS) -> tuple[list[pb.Record], int]:
    """Every record of the listing and the number of pages it took."""
    records, token, pages = [], "", 0
    while True:
        reply = api.record.ListRecords(pb.ListRecordsRequest(namespace=ns, page_size=page_size, page_token=token))
        pages += 1
        assert len(reply.records) <= page_size
        records += reply.records
        token = reply.next_page_token
        if not token:
            return records, pages


def stats(api, ns: str = NS) -> namespace_pb2.NamespaceStats:
    """The counts but edge_count (tested on its own below: it is established in the background)."""
    reply = api.namespace.GetNamespaceStats(namespace_pb2.GetNamespaceStatsRequest(namespace=ns)).stats
    reply.ClearField("edge_count")
    return reply


IDS = sorted(f"r{i:02d}" for i in range(50))


@pytest.mark.parametrize("page_size", [1, 7, 100])
def test_pages_return_every_record_once_in_id_order_with_metadata_and_times(api, page_size):
    for rid in reversed(IDS):
        upsert(api, rid, metadata={"n": rid[1:], "kind": "fact"})
    records, pages = list_all(api, page_size)
    assert [r.record_id for r in records] == IDS
    assert pages == -(-len(IDS) // page_size)  # the last page carries no token
    for r in records:
        assert dict(r.metadata) == {"n": r.record_id[1:], "kind": "fact"}
        assert r.has_embedding
        assert r.created_at.ToMilliseconds() > 0 and r.updated_at.ToMilliseconds() >= r.created_at.ToMilliseconds()
        assert r.confidence.confidence == pytest.approx(0.5)


def test_text_records_and_deletions(api, redis_client):
    api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
        namespace=NS, record_id="t1", text="the cat sat on the mat", metadata={"src": "doc"}))
    for rid in ("v1", "v2"):
        api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(namespace=NS, record_id=rid, text=rid))
    # A record with only a confidence entry has no text or vector: not listed.
    api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id="c1", signal=0.9))
    records, _ = list_all(api, 10)
    assert [r.record_id for r in records] == ["t1", "v1", "v2"]
    assert records[0].text == "the cat sat on the mat" and dict(records[0].metadata) == {"src": "doc"}

    api.embedding.DeleteEmbedding(embedding_pb2.DeleteEmbeddingRequest(namespace=NS, record_id="v1"))
    api.record.DeleteRecord(pb.DeleteRecordRequest(namespace=NS, record_id="v2"))
    assert [r.record_id for r in list_all(api, 10)[0]] == ["t1"]
    assert redis_client.zrange(KEYS.record_ids, 0, -1) == [b"t1"]  # deletions remove the entry


def test_a_rewrite_keeps_one_entry_and_updates_metadata(api, redis_client):
    upsert(api, "a", metadata={"v": "1"})
    upsert(api, "a", metadata={"v": "2"})
    records, _ = list_all(api, 10)
    assert [(r.record_id, dict(r.metadata)) for r in records] == [("a", {"v": "2"})]
    assert redis_client.zcard(KEYS.record_ids) == 1


def test_a_duplicate_is_not_listed(api):
    text = "an exact duplicate text"
    api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(namespace=NS, record_id="first", text=text))
    reply = api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
        namespace=NS, record_id="second", text=text, dedupe_threshold=0.99))
    assert reply.duplicate_of == "first"
    assert [r.record_id for r in list_all(api, 10)[0]] == ["first"]


def test_expired_records_are_left_out(api, redis_client):
    upsert(api, "a")
    reply = upsert(api, "b", ttl=Duration(nanos=300_000_000))
    upsert(api, "c")
    assert [r.record_id for r in list_all(api, 10)[0]] == ["a", "b", "c"]
    time.sleep(max(reply.expires_at.ToMilliseconds() / 1000 - time.time(), 0) + 0.05)
    assert redis_client.hexists(KEYS.vectors, "b")  # not swept: the read hides it
    assert [r.record_id for r in list_all(api, 10)[0]] == ["a", "c"]
    # page_size 1: the page holding only "b" is empty but points on
    first = api.record.ListRecords(pb.ListRecordsRequest(namespace=NS, page_size=1))
    second = api.record.ListRecords(pb.ListRecordsRequest(namespace=NS, page_size=1, page_token=first.next_page_token))
    assert [r.record_id for r in first.records] == ["a"] and list(second.records) == [] and second.next_page_token


def test_page_tokens_are_bound_to_the_listing(api):
    for rid in ("a", "b", "c"):
        upsert(api, rid)
        upsert(api, rid, ns="listing-other")
        api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id=rid, signal=1))
    token = api.record.ListRecords(pb.ListRecordsRequest(namespace=NS, page_size=1)).next_page_token
    conf_token = api.confidence.ListConfidence(
        confidence_pb2.ListConfidenceRequest(namespace=NS, page_size=1)).next_page_token
    assert_invalid(lambda: api.record.ListRecords(pb.ListRecordsRequest(namespace=NS, page_token=conf_token)),
                   "page_token")
    assert_invalid(lambda: api.record.ListRecords(pb.ListRecordsRequest(namespace="listing-other", page_token=token)),
                   "page_token")
    assert_invalid(lambda: api.record.ListRecords(pb.ListRecordsRequest(namespace=NS, page_size=1001)), "page_size")
    assert_invalid(lambda: api.record.ListRecords(pb.ListRecordsRequest(namespace="")), "namespace")
    assert [r.record_id for r in api.record.ListRecords(
        pb.ListRecordsRequest(namespace=NS, page_size=5, page_token=token)).records] == ["b", "c"]


def test_batch_get_records_carries_metadata(api):
    upsert(api, "m", metadata={"lang": "fr", "topic": "cities"})
    upsert(api, "plain")
    reply = api.record.BatchGetRecords(pb.BatchGetRecordsRequest(namespace=NS, record_ids=["m", "plain", "none"]))
    assert [dict(r.metadata) for r in reply.records] == [{"lang": "fr", "topic": "cities"}, {}, {}]


def test_warm_up_backfills_records_stored_before_the_listing_key(make_app, api, redis_client):
    for rid in IDS[:12]:
        upsert(api, rid, metadata={"k": rid})
    redis_client.delete(KEYS.record_ids)  # as a namespace written by an earlier version
    assert list_all(api, 100)[0] == []
    other = connect(make_app())  # a new server loads the namespace from Redis at its first search
    list(other.embedding.Search(embedding_pb2.SearchRequest(namespace=NS, vector=vec([1, 0, 0])), timeout=10))
    deadline = time.time() + 20
    while True:
        records = list_all(other, 5)[0]
        if len(records) == 12 or time.time() > deadline:
            break
        time.sleep(0.05)
    assert [r.record_id for r in records] == IDS[:12]
    assert [dict(r.metadata) for r in records] == [{"k": rid} for rid in IDS[:12]]
    assert redis_client.zcard(KEYS.record_ids) == 12
    other.channel.close()


def test_stats_count_records_confidence_predictions_and_expiry(api):
    assert stats(api) == namespace_pb2.NamespaceStats()  # an unknown namespace: all 0
    for rid in ("a", "b", "c"):
        upsert(api, rid)
    upsert(api, "d", ttl=Duration(seconds=3600))
    api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id="a", signal=0.9))
    api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id="z", signal=0.1))
    for rid in ("a", "p"):
        api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
            namespace=NS, record_id=rid, predicted={"x": common_pb2.Value(number_value=1.0)}))
    api.ledger.ResolvePrediction(ledger_pb2.ResolvePredictionRequest(
        namespace=NS, record_id="p", actual={"x": common_pb2.Value(number_value=1.0)}))
    assert stats(api) == namespace_pb2.NamespaceStats(record_count=4, confidence_count=2, prediction_count=2,
                                                      resolved_prediction_count=1, expiring_count=1)

    api.embedding.DeleteEmbedding(embedding_pb2.DeleteEmbeddingRequest(namespace=NS, record_id="b"))
    api.record.DeleteRecord(pb.DeleteRecordRequest(namespace=NS, record_id="p"))
    api.record.DeleteRecord(pb.DeleteRecordRequest(namespace=NS, record_id="d"))
    assert stats(api) == namespace_pb2.NamespaceStats(record_count=2, confidence_count=2, prediction_count=1,
                                                      resolved_prediction_count=0, expiring_count=0)
    api.record.DeleteRecord(pb.DeleteRecordRequest(namespace=NS, record_id="a"))
    assert stats(api) == namespace_pb2.NamespaceStats(record_count=1, confidence_count=1)
    api.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=NS))
    assert stats(api) == namespace_pb2.NamespaceStats()
    assert_invalid(lambda: stats(api, ns="bad{ns}"), "namespace")
