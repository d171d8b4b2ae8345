"""NamespaceService: configuration stored in Redis and shared by replicas, listing, deletion."""

from __future__ import annotations

import math

import pytest

from engram.v1 import common_pb2, confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2
from engram.v1 import namespace_pb2 as pb
from tests.api.conftest import assert_invalid, connect

NS = "cfg-ns"


def update(api, reset=False, ns=NS, **fields):
    return api.namespace.UpdateNamespaceConfig(pb.UpdateNamespaceConfigRequest(
        namespace=ns, config=pb.NamespaceConfig(**fields), reset=reset)).config


def get(api, ns=NS):
    return api.namespace.GetNamespaceConfig(pb.GetNamespaceConfigRequest(namespace=ns)).config


def test_defaults_are_documented_values(api):
    config = get(api)
    assert (config.initial_confidence, config.evidence_cap, config.symmetric, config.max_edges) == (0.5, 20, True, 500)
    assert (config.decay_factor, config.decay_per_hop, config.weight_cap) == (0.95, 0.5, 1.0)
    assert (config.error_threshold, config.low_signal) == (0.7, 0.2)
    e = config.outcome_errors
    assert (e.acted, e.used, e.dismissed, e.contradicted) == (0.1, 0.3, 0.5, 0.9)


def test_update_merges_and_a_second_replica_sees_it(api, make_app):
    update(api, evidence_cap=3, outcome_errors=pb.OutcomeErrors(dismissed=0.6))
    config = update(api, initial_confidence=0.2)
    assert config.evidence_cap == 3 and config.initial_confidence == pytest.approx(0.2)
    assert config.outcome_errors.dismissed == pytest.approx(0.6) and config.outcome_errors.acted == pytest.approx(0.1)
    other = connect(make_app())  # another server process over the same Redis
    assert get(other) == config
    # The replica applies the namespace's prior and cap: 0.2 + (0.9 - 0.2) / 2.
    state = other.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
        namespace=NS, record_id="r", signal=0.9)).state
    assert state.confidence == pytest.approx(0.55)


def test_evidence_cap_changes_the_gain_without_rewriting_state(api):
    for _ in range(5):
        api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id="r", signal=1.0))
    before = api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id="r")).state
    update(api, evidence_cap=2, initial_confidence=0.1)
    unchanged = api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id="r")).state
    assert unchanged == before
    after = api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
        namespace=NS, record_id="r", signal=0.0)).state
    assert after.confidence == pytest.approx(before.confidence * (1 - 1 / 3))  # gain 1/(cap + 1)


def test_reset_returns_to_defaults(api):
    update(api, max_edges=7, symmetric=False)
    config = update(api, reset=True, low_signal=0.3)
    assert config.max_edges == 500 and config.symmetric and config.low_signal == pytest.approx(0.3)


@pytest.mark.parametrize("fields,field", [
    ({"evidence_cap": 0}, "config.evidence_cap"),
    ({"initial_confidence": 1.5}, "config.initial_confidence"),
    ({"initial_confidence": math.nan}, "config.initial_confidence"),
    ({"max_edges": 0}, "config.max_edges"),
    ({"decay_per_hop": 1.0}, "config.decay_per_hop"),
    ({"weight_cap": 0.0}, "config.weight_cap"),
    ({"outcome_errors": pb.OutcomeErrors(used=-0.1)}, "config.outcome_errors.used"),
])
def test_invalid_configuration_is_rejected_and_nothing_written(api, fields, field):
    update(api, low_signal=0.25)
    assert_invalid(lambda: update(api, **fields), field)
    assert get(api).low_signal == pytest.approx(0.25)


def test_list_namespaces_pages_and_delete_namespace(api):
    names = [f"ns-{i:02d}" for i in range(12)]
    for name in names:
        api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=name, record_id="r", signal=0.9))
    seen, token = [], ""
    while True:
        page = api.namespace.ListNamespaces(pb.ListNamespacesRequest(page_size=5, page_token=token))
        seen += list(page.namespaces)
        token = page.next_page_token
        if not token:
            break
    assert [n for n in seen if n.startswith("ns-")] == names

    victim = "ns-03"
    api.graph.Link(graph_pb2.LinkRequest(namespace=victim, source_record_id="a", target_record_id="b"))
    api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
        namespace=victim, record_id="a", predicted={"x": common_pb2.Value(number_value=1.0)}))
    api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
        namespace=victim, record_id="v", vector=common_pb2.Vector(values=[1.0, 0.0])))
    update(api, ns=victim, max_edges=9)
    deleted = api.namespace.DeleteNamespace(pb.DeleteNamespaceRequest(namespace=victim)).deleted_key_count
    assert deleted >= 6
    assert api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=victim, record_id="r")).state.evidence_count == 0
    assert list(api.embedding.Search(embedding_pb2.SearchRequest(
        namespace=victim, vector=common_pb2.Vector(values=[1.0, 0.0])))) == []
    assert get(api, ns=victim).max_edges == 500
    remaining = api.namespace.ListNamespaces(pb.ListNamespacesRequest(page_size=100)).namespaces
    assert victim not in remaining and "ns-04" in remaining
    assert api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="ns-04", record_id="r")).state.evidence_count == 1
