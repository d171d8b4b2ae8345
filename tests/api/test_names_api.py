"""Namespace and record-id rules over a real gRPC server: every writing RPC refuses a
misleading namespace or record id with INVALID_ARGUMENT naming the field and the rule, and
writes nothing; legacy namespaces (stored before the rules) are still listed and deletable."""

from __future__ import annotations

import grpc
import pytest

from engram.keys import NAMESPACES, NamespaceKeys
from engram.v1 import (
    common_pb2,
    confidence_pb2,
    embedding_pb2,
    graph_pb2,
    ledger_pb2,
    namespace_pb2,
    record_pb2,
)

REFUSED_NAMESPACES = [
    (" ", "must not begin or end with a space"),
    ("*", "glob characters"),
    ("team-?", "glob characters"),
    ("../..", "'..' path segment"),
    ("\u202eevil", "invisible format characters"),
    ("a\u200bb", "invisible format characters"),
    ("a\u2028b", "line separators"),
    ("a\u00a0b", "spaces other than U+0020"),
]
REFUSED_IDS = [
    (" r", "must not begin or end with a space"),
    ("r\u202e1", "invisible format characters"),
    ("r\u2029", "paragraph separators"),
    ("r\x85", "control characters"),
]


def writes(api, ns: str, rid: str = "r1", other: str = "r2") -> list:
    """A call of every writing RPC (and one read) with ``ns`` and ids ``rid``/``other``."""
    value = {"x": common_pb2.Value(number_value=1.0)}
    vector = common_pb2.Vector(values=[1.0, 0.0, 0.0])
    return [
        lambda: api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace=ns, record_id=rid, signal=0.9)),
        lambda: api.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(
            namespace=ns, updates=[confidence_pb2.ConfidenceUpdate(record_id="ok", signal=0.9),
                                   confidence_pb2.ConfidenceUpdate(record_id=rid, signal=0.9)])),
        lambda: api.graph.Link(graph_pb2.LinkRequest(namespace=ns, source_record_id="ok", target_record_id=rid)),
        lambda: api.graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=ns, links=[
            graph_pb2.LinkSpec(source_record_id="ok", target_record_id="ok2"),
            graph_pb2.LinkSpec(source_record_id="ok", target_record_id=rid)])),
        lambda: api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
            namespace=ns, record_id=rid, predicted=value)),
        lambda: api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
            namespace=ns, record_id=rid, vector=vector)),
        lambda: list(api.embedding.ImportEmbeddings(iter([embedding_pb2.ImportEmbeddingsRequest(
            namespace=ns, records=[embedding_pb2.ImportRecord(record_id="ok", vector=vector),
                                   embedding_pb2.ImportRecord(record_id=rid, vector=vector)])]))),
        lambda: api.record.ReportOutcome(record_pb2.ReportOutcomeRequest(
            namespace=ns, record_ids=["ok", rid], outcome=ledger_pb2.OUTCOME_ACTED)),
        lambda: api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=ns, record_id=rid)),
    ]


def keys(redis_client) -> set[bytes]:
    return set(redis_client.scan_iter(count=1000))


def refused(call, rule: str) -> str:
    with pytest.raises(grpc.RpcError) as info:
        call()
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT, info.value
    assert rule in info.value.details(), info.value.details()
    return info.value.details()


@pytest.mark.parametrize(("name", "rule"), REFUSED_NAMESPACES)
def test_a_refused_namespace_is_refused_by_every_rpc_naming_the_rule(api, redis_client, name, rule):
    before = keys(redis_client)
    calls = writes(api, name) + [
        lambda: api.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
            namespace=name, config=namespace_pb2.NamespaceConfig(evidence_cap=5))),
        lambda: api.namespace.GetNamespaceConfig(namespace_pb2.GetNamespaceConfigRequest(namespace=name)),
    ]
    for call in calls:
        assert refused(call, rule).startswith("namespace")
    assert keys(redis_client) == before
    listed = api.namespace.ListNamespaces(namespace_pb2.ListNamespacesRequest(page_size=1000)).namespaces
    assert name not in listed


@pytest.mark.parametrize(("rid", "rule"), REFUSED_IDS)
def test_a_misleading_record_id_is_refused_in_every_position_and_nothing_is_written(api, redis_client, rid, rule):
    before = keys(redis_client)
    for call in writes(api, "names-ok", rid):
        refused(call, rule)
    assert keys(redis_client) == before


def test_allowed_names_and_ids_still_work(api):
    for ns, rid in (("team a/b:c", "doc 1/part:2"), ("équipe", "*[x]?"), ("🧠", "{id}")):
        for call in writes(api, ns, rid):
            call()
    listed = api.namespace.ListNamespaces(namespace_pb2.ListNamespacesRequest(page_size=1000)).namespaces
    assert {"team a/b:c", "équipe", "🧠"} <= set(listed)


def test_a_legacy_namespace_is_listed_and_can_be_deleted_but_not_used(api, redis_client):
    legacy = " old*name/../x\u200b"
    redis_client.hset(NamespaceKeys(legacy).confidence, "r1", b"x")  # as written by an earlier version
    redis_client.zadd(NAMESPACES, {legacy: 0})
    listed = api.namespace.ListNamespaces(namespace_pb2.ListNamespacesRequest(page_size=1000)).namespaces
    assert legacy in listed
    refused(lambda: api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(
        namespace=legacy, record_id="r1")), "must not")
    reply = api.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=legacy))
    assert reply.deleted_key_count == 1
    assert not redis_client.exists(NamespaceKeys(legacy).confidence)
    listed = api.namespace.ListNamespaces(namespace_pb2.ListNamespacesRequest(page_size=1000)).namespaces
    assert legacy not in listed
    # names no version ever stored stay refused by DeleteNamespace too
    refused(lambda: api.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace="{x}")), "'{'")
