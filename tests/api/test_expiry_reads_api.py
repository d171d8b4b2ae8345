"""An expired record is absent from every read at once, before the sweeper deletes it:
ConfidenceService, GraphService and LedgerService reads, through a real server and Redis.

Each test gives records their signals, then writes the expiring one with a short ttl
(UpsertEmbedding), checks the reads see it, waits past its expires_at and checks the reads
no longer do while its keys are still in Redis (the sweeper runs once an hour here), so
what hides it is the reads themselves.
"""

from __future__ import annotations

import time

import pytest
from google.protobuf.duration_pb2 import Duration

from engram.keys import NamespaceKeys
from engram.v1 import common_pb2, confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2
from tests.api.conftest import connect, vec

NS = "expiry-reads"
KEYS = NamespaceKeys(NS)
TTL = 0.6  # seconds: the "before" reads must finish within it


@pytest.fixture()
def api(make_app):
    stubs = connect(make_app(sweep_interval=3600.0, forget_policy_interval=3600.0))
    yield stubs
    stubs.channel.close()


def expire_soon(api, record_id: str) -> float:
    """Write ``record_id``'s vector with ttl `TTL`; returns its expires_at in epoch seconds."""
    reply = api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
        namespace=NS, record_id=record_id, vector=vec((1.0, 0.0, 0.0)),
        ttl=Duration(seconds=int(TTL), nanos=int((TTL % 1) * 1e9))))
    return reply.expires_at.ToMilliseconds() / 1000


def pass_expiry(expires_at: float) -> None:
    """Fails if the reads before expiry ran past it (too slow to prove anything), then waits it out."""
    assert time.time() < expires_at, "the reads before expiry took longer than the ttl"
    time.sleep(max(expires_at - time.time(), 0) + 0.05)


def assert_stored(redis_client, record_id: str, *hashes: str, zsets: tuple[str, ...] = ()) -> None:
    """The sweeper has not run: the record still expires (``expiry``) and its signals are stored."""
    assert redis_client.zscore(KEYS.expiry, record_id) is not None
    for key in hashes:
        assert redis_client.hexists(key, record_id), key
    for key in zsets:
        assert redis_client.zscore(key, record_id) is not None, key


# -- ConfidenceService ----------------------------------------------------------------------
def get_conf(api, record_id):
    return api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id=record_id)).state


def list_conf(api, page_size, token=""):
    reply = api.confidence.ListConfidence(confidence_pb2.ListConfidenceRequest(
        namespace=NS, page_size=page_size, page_token=token))
    return [s.record_id for s in reply.states], reply.next_page_token


def test_confidence_reads_show_an_expired_record_as_never_seen(api, redis_client):
    for rid in ("a", "b", "brief", "c", "d"):
        api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id=rid, signal=1.0))
    expires_at = expire_soon(api, "brief")
    assert get_conf(api, "brief").evidence_count == 1
    batch = api.confidence.BatchGetConfidence(confidence_pb2.BatchGetConfidenceRequest(
        namespace=NS, record_ids=["brief", "a"])).states
    assert [s.evidence_count for s in batch] == [1, 1]
    assert list_conf(api, 10)[0] == ["a", "b", "brief", "c", "d"]
    first, token = list_conf(api, 2)  # a listing that spans the expiry
    assert first == ["a", "b"] and token
    pass_expiry(expires_at)

    prior = get_conf(api, "brief")
    assert (prior.record_id, prior.evidence_count, prior.corroborations) == ("brief", 0, 0)
    assert prior.confidence == pytest.approx(0.5)  # the default initial_confidence, not the stored 0.75
    batch = api.confidence.BatchGetConfidence(confidence_pb2.BatchGetConfidenceRequest(
        namespace=NS, record_ids=["brief", "a", "brief"])).states
    assert [(s.record_id, s.evidence_count) for s in batch] == [("brief", 0), ("a", 1), ("brief", 0)]
    # The page holding brief comes back shorter; every live entry is listed exactly once.
    second, token = list_conf(api, 2, token)
    assert second == ["c"] and token
    assert list_conf(api, 2, token) == (["d"], "")
    seen, token = [], ""
    while True:
        page, token = list_conf(api, 1, token)
        seen += page
        if not token:
            break
    assert seen == ["a", "b", "c", "d"]
    assert_stored(redis_client, "brief", KEYS.confidence, zsets=(KEYS.confidence_ids,))

    # Writes ignore expiry: an update builds on the stored state, which reads still hide.
    state = api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
        namespace=NS, record_id="brief", signal=1.0)).state
    assert state.evidence_count == 2
    assert get_conf(api, "brief").evidence_count == 0


# -- GraphService ---------------------------------------------------------------------------
def link(api, a, b, weight):
    api.graph.Link(graph_pb2.LinkRequest(namespace=NS, source_record_id=a, target_record_id=b, initial_weight=weight))


def linked(api, record_id, **kwargs):
    return [e.record_id for e in api.graph.GetLinked(graph_pb2.GetLinkedRequest(
        namespace=NS, record_id=record_id, **kwargs)).edges]


def list_edges(api, record_id, page_size):
    seen, token = [], ""
    while True:
        reply = api.graph.ListEdges(graph_pb2.ListEdgesRequest(namespace=NS, record_id=record_id,
                                                               page_size=page_size, page_token=token))
        seen += [e.record_id for e in reply.edges]
        token = reply.next_page_token
        if not token:
            return seen


def propagate(api, seeds, depth=2):
    reply = api.graph.Propagate(graph_pb2.PropagateRequest(namespace=NS, seed_record_ids=seeds, depth=depth,
                                                           threshold=0.001))
    return {r.record_id: list(r.path) for r in reply.records}


def test_graph_reads_leave_out_an_expired_record_and_its_edges(api, redis_client):
    # Symmetric edges: friend - brief (heaviest), friend - live, friend - x, brief - deep.
    link(api, "friend", "brief", 0.9)
    link(api, "friend", "live", 0.5)
    link(api, "friend", "x", 0.3)
    link(api, "brief", "deep", 0.8)
    expires_at = expire_soon(api, "brief")
    assert linked(api, "friend", limit=2) == ["brief", "live"]
    assert linked(api, "brief") == ["friend", "deep"]
    assert list_edges(api, "friend", 1) == ["brief", "live", "x"]
    assert propagate(api, ["friend"])["deep"] == ["friend", "brief", "deep"]
    assert set(propagate(api, ["brief"])) == {"friend", "deep", "live", "x"}
    assert set(propagate(api, ["brief", "live"], depth=0)) == {"brief", "live"}
    pass_expiry(expires_at)

    # Its place among friend's heaviest two is refilled by the next live neighbour.
    assert linked(api, "friend", limit=2) == ["live", "x"]
    assert linked(api, "friend") == ["live", "x"]
    assert linked(api, "brief") == []
    assert linked(api, "deep") == []  # deep's only edge led to brief
    assert list_edges(api, "friend", 1) == ["live", "x"]
    assert list_edges(api, "brief", 1) == []
    # Neither reached nor passed through (deep was reachable only through brief) ...
    assert propagate(api, ["friend"]) == {"live": ["friend", "live"], "x": ["friend", "x"]}
    # ... and as a seed it spreads nothing.
    assert propagate(api, ["brief"]) == {}
    assert propagate(api, ["brief", "deep"]) == {}
    assert set(propagate(api, ["brief", "live"], depth=0)) == {"live"}
    assert set(propagate(api, ["brief", "live"])) == {"friend", "x"}
    assert redis_client.zcard(KEYS.edges("brief")) == 2
    assert_stored(redis_client, "brief", zsets=(KEYS.edges("friend"), KEYS.edges("deep")))


# -- LedgerService --------------------------------------------------------------------------
def predict_and_resolve(api, record_id, actual):
    one = {"x": common_pb2.Value(number_value=1.0)}
    api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(namespace=NS, record_id=record_id, predicted=one))
    api.ledger.ResolvePrediction(ledger_pb2.ResolvePredictionRequest(
        namespace=NS, record_id=record_id, actual={"x": common_pb2.Value(number_value=actual)}))


def highest(api, limit):
    return [e.record_id for e in api.ledger.ListHighestErrors(ledger_pb2.ListHighestErrorsRequest(
        namespace=NS, limit=limit, include_predictions=True)).errors]


def list_predictions(api, page_size, state=ledger_pb2.PREDICTION_STATE_UNSPECIFIED):
    seen, token = [], ""
    while True:
        reply = api.ledger.ListPredictions(ledger_pb2.ListPredictionsRequest(
            namespace=NS, state=state, page_size=page_size, page_token=token))
        seen += [p.record_id for p in reply.predictions]
        token = reply.next_page_token
        if not token:
            return seen


def summary(api, limit=0, group_by=ledger_pb2.ERROR_GROUPING_UNSPECIFIED):
    return api.ledger.GetErrorSummary(ledger_pb2.GetErrorSummaryRequest(namespace=NS, limit=limit,
                                                                        group_by=group_by))


def test_ledger_reads_leave_out_an_expired_record(api, redis_client):
    predict_and_resolve(api, "brief", 0.1)  # error 0.9, the highest
    predict_and_resolve(api, "live", 0.6)  # error 0.4
    predict_and_resolve(api, "calm", 0.8)  # error 0.2
    api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(namespace=NS, record_id="open"))
    expires_at = expire_soon(api, "brief")
    assert api.ledger.GetPrediction(ledger_pb2.GetPredictionRequest(namespace=NS, record_id="brief")).found
    assert list_predictions(api, 1) == ["brief", "calm", "live", "open"]
    assert highest(api, 1) == ["brief"]
    assert summary(api).summary.count == 3
    pass_expiry(expires_at)

    reply = api.ledger.GetPrediction(ledger_pb2.GetPredictionRequest(namespace=NS, record_id="brief"))
    assert not reply.found and not reply.HasField("prediction")
    assert list_predictions(api, 1) == ["calm", "live", "open"]
    assert list_predictions(api, 2, ledger_pb2.PREDICTION_STATE_RESOLVED) == ["calm", "live"]
    # brief's place at the top is refilled by the next live record.
    assert highest(api, 1) == ["live"]
    assert highest(api, 10) == ["live", "calm"]
    total = summary(api).summary
    assert (total.count, total.max) == (2, pytest.approx(0.4))
    assert total.mean == pytest.approx(0.3)
    top = summary(api, limit=1).summary
    assert (top.count, top.max) == (1, pytest.approx(0.4))
    grouped = summary(api, group_by=ledger_pb2.ERROR_GROUPING_HOUR)
    assert sum(g.summary.count for g in grouped.groups) == 2
    assert_stored(redis_client, "brief", KEYS.predictions, zsets=(KEYS.prediction_ids, KEYS.errors))
