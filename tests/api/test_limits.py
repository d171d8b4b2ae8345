"""Configurable limits: gRPC's message size, and the per-call counts the domain enforces."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from types import SimpleNamespace

import grpc
import pytest

from engram import config
from engram.limits import Limits
from engram.v1 import confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2, record_pb2

from .conftest import assert_invalid, connect, vec
from .test_auth import snapshot

NS = "limits"


@pytest.fixture()
def small(make_app) -> Iterator[SimpleNamespace]:
    """A server with limits of 3 (batches), 2 (ids) and 5 (top_k)."""
    stubs = connect(make_app(max_batch_size=3, max_ids_per_call=2, max_top_k=5))
    yield stubs
    stubs.channel.close()


def invalid_naming_limit(call, field: str, limit: int) -> None:
    error = assert_invalid(call, field)
    assert str(limit) in error.details(), error.details()


# -- message size -----------------------------------------------------------------------
def test_a_request_over_max_message_bytes_is_refused_by_grpc(make_app, redis_client):
    stubs = connect(make_app(max_message_bytes=32 * 1024))
    try:
        ids = [f"{i:04d}-" + "x" * 100 for i in range(400)]  # ~42 KB
        before = snapshot(redis_client)
        with pytest.raises(grpc.RpcError) as info:
            stubs.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(
                namespace=NS, updates=[confidence_pb2.ConfidenceUpdate(record_id=i, signal=0.9) for i in ids]),
                timeout=5)
        assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert snapshot(redis_client) == before
        # Under the limit it goes through.
        reply = stubs.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(
            namespace=NS, updates=[confidence_pb2.ConfidenceUpdate(record_id=i, signal=0.9) for i in ids[:100]]),
            timeout=5)
        assert len(reply.states) == 100
    finally:
        stubs.channel.close()


def test_a_reply_over_max_message_bytes_is_refused_by_grpc(make_app):
    stubs = connect(make_app(max_message_bytes=16 * 1024))
    try:
        texts = [f"text number {i}" for i in range(20)]  # 20 x 384 floats: ~31 KB of reply
        with pytest.raises(grpc.RpcError) as info:
            stubs.embedding.Embed(embedding_pb2.EmbedRequest(texts=texts), timeout=30)
        assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert len(stubs.embedding.Embed(embedding_pb2.EmbedRequest(texts=texts[:5]), timeout=30).vectors) == 5
    finally:
        stubs.channel.close()


def test_the_default_accepts_messages_over_grpcs_own_4_mib(api):
    big = [embedding_pb2.SearchQuery(vector=vec([1.0] * 4096))] * 256  # ~4.2 MB
    api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(namespace=NS, record_id="r",
                                                                       vector=vec([1.0] * 4096)), timeout=10)
    results = list(api.embedding.BatchSearch(embedding_pb2.BatchSearchRequest(namespace=NS, queries=big, top_k=1),
                                             timeout=30))
    assert len(results) == 256 and results[0].hits[0].record_id == "r"


# -- top_k ------------------------------------------------------------------------------
def test_top_k_is_capped_by_max_top_k(small):
    for i in range(8):
        small.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
            namespace=NS, record_id=f"r{i}", vector=vec([1.0, i / 10])), timeout=5)
    search = lambda **kw: list(small.embedding.Search(embedding_pb2.SearchRequest(  # noqa: E731
        namespace=NS, vector=vec([1.0, 0.0]), **kw), timeout=5))
    invalid_naming_limit(lambda: search(top_k=6), "top_k", 5)
    assert len(search(top_k=5)) == 5
    assert len(search()) == 5  # the default of 10 is lowered to the limit
    invalid_naming_limit(lambda: list(small.embedding.BatchSearch(embedding_pb2.BatchSearchRequest(
        namespace=NS, queries=[embedding_pb2.SearchQuery(vector=vec([1.0, 0.0]))], top_k=6), timeout=5)),
        "top_k", 5)


# -- batch size -------------------------------------------------------------------------
def test_batches_are_capped_by_max_batch_size_and_nothing_is_written(small, redis_client):
    before = snapshot(redis_client)
    updates = [confidence_pb2.ConfidenceUpdate(record_id=f"r{i}", signal=0.9) for i in range(4)]
    invalid_naming_limit(lambda: small.confidence.BatchUpdateConfidence(
        confidence_pb2.BatchUpdateConfidenceRequest(namespace=NS, updates=updates), timeout=5), "updates", 3)
    links = [graph_pb2.LinkSpec(source_record_id="a", target_record_id=f"t{i}") for i in range(4)]
    invalid_naming_limit(lambda: small.graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=NS, links=links),
                                                       timeout=5), "links", 3)
    edges = [graph_pb2.StrengthenSpec(source_record_id="a", target_record_id=f"t{i}") for i in range(4)]
    invalid_naming_limit(lambda: small.graph.BatchStrengthen(graph_pb2.BatchStrengthenRequest(
        namespace=NS, edges=edges), timeout=5), "edges", 3)
    records = [embedding_pb2.ImportRecord(record_id=f"r{i}", vector=vec([1.0, i])) for i in range(4)]
    invalid_naming_limit(lambda: list(small.embedding.ImportEmbeddings(iter([embedding_pb2.ImportEmbeddingsRequest(
        namespace=NS, records=records)]), timeout=5)), "records", 3)
    queries = [embedding_pb2.SearchQuery(vector=vec([1.0, i])) for i in range(4)]
    invalid_naming_limit(lambda: list(small.embedding.BatchSearch(embedding_pb2.BatchSearchRequest(
        namespace=NS, queries=queries), timeout=5)), "queries", 3)
    invalid_naming_limit(lambda: small.embedding.Embed(embedding_pb2.EmbedRequest(texts=["a", "b", "c", "d"]),
                                                       timeout=5), "texts", 3)
    assert snapshot(redis_client) == before

    # At the limit, each goes through.
    assert len(small.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(
        namespace=NS, updates=updates[:3]), timeout=5).states) == 3
    assert len(small.graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=NS, links=links[:3]), timeout=5).results) == 3
    assert len(small.graph.BatchStrengthen(graph_pb2.BatchStrengthenRequest(namespace=NS, edges=edges[:3]),
                                           timeout=5).weights) == 3
    written = list(small.embedding.ImportEmbeddings(iter([embedding_pb2.ImportEmbeddingsRequest(
        namespace=NS, records=records[:3])] * 2), timeout=5))  # the limit is per message, not per stream
    assert written[-1].records_written == 6
    assert len(list(small.embedding.BatchSearch(embedding_pb2.BatchSearchRequest(
        namespace=NS, queries=queries[:3]), timeout=5))) == 3
    assert len(small.embedding.Embed(embedding_pb2.EmbedRequest(texts=["a", "b", "c"]), timeout=30).vectors) == 3


def test_report_outcome_keeps_its_own_cap_of_64(small):
    reply = small.record.ReportOutcome(record_pb2.ReportOutcomeRequest(
        namespace=NS, record_ids=[f"r{i}" for i in range(10)], outcome=ledger_pb2.OUTCOME_USED), timeout=5)
    assert len(reply.results) == 10  # more than max_batch_size=3
    invalid_naming_limit(lambda: small.record.ReportOutcome(record_pb2.ReportOutcomeRequest(
        namespace=NS, record_ids=[f"r{i}" for i in range(65)], outcome=ledger_pb2.OUTCOME_USED), timeout=5),
        "record_ids", 64)


def test_queries_and_embed_texts_keep_their_ceiling_of_256(make_app):
    stubs = connect(make_app(max_batch_size=5000))
    try:
        queries = [embedding_pb2.SearchQuery(vector=vec([1.0, 0.0]))] * 257
        invalid_naming_limit(lambda: list(stubs.embedding.BatchSearch(embedding_pb2.BatchSearchRequest(
            namespace=NS, queries=queries), timeout=5)), "queries", 256)
        invalid_naming_limit(lambda: stubs.embedding.Embed(embedding_pb2.EmbedRequest(texts=["a"] * 257), timeout=5),
                             "texts", 256)
        updates = [confidence_pb2.ConfidenceUpdate(record_id=f"r{i}", signal=0.9) for i in range(1500)]
        assert len(stubs.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(
            namespace=NS, updates=updates), timeout=10).states) == 1500  # raised above the default 1000
    finally:
        stubs.channel.close()


# -- ids per call -----------------------------------------------------------------------
def test_record_ids_are_capped_by_max_ids_per_call(small):
    ids = ["a", "b", "c"]
    invalid_naming_limit(lambda: small.record.BatchGetRecords(record_pb2.BatchGetRecordsRequest(
        namespace=NS, record_ids=ids), timeout=5), "record_ids", 2)
    invalid_naming_limit(lambda: small.confidence.BatchGetConfidence(confidence_pb2.BatchGetConfidenceRequest(
        namespace=NS, record_ids=ids), timeout=5), "record_ids", 2)
    invalid_naming_limit(lambda: small.graph.Propagate(graph_pb2.PropagateRequest(
        namespace=NS, seed_record_ids=ids), timeout=5), "seed_record_ids", 2)
    assert len(small.record.BatchGetRecords(record_pb2.BatchGetRecordsRequest(
        namespace=NS, record_ids=ids[:2]), timeout=5).records) == 2
    assert len(small.confidence.BatchGetConfidence(confidence_pb2.BatchGetConfidenceRequest(
        namespace=NS, record_ids=ids[:2]), timeout=5).states) == 2
    assert len(small.graph.Propagate(graph_pb2.PropagateRequest(
        namespace=NS, seed_record_ids=ids[:2], depth=0), timeout=5).records) == 2


# -- flags ------------------------------------------------------------------------------
def parse(argv: list[str]) -> config.Settings:
    parser = argparse.ArgumentParser()
    config.add_arguments(parser)
    return config.from_arguments(parser.parse_args(argv))


def test_flags_and_environment_set_the_limits(monkeypatch):
    defaults = parse([])
    assert (defaults.max_message_bytes, defaults.max_top_k, defaults.max_batch_size, defaults.max_ids_per_call) \
        == (16 * 1024 * 1024, 1000, 1000, 1000)
    assert Limits() == Limits(defaults.max_top_k, defaults.max_batch_size, defaults.max_ids_per_call)
    flags = parse(["--max-message-bytes", "1024", "--max-top-k", "7", "--max-batch-size", "8",
                   "--max-ids-per-call", "9", "--api-keys-file", "k.toml", "--tls-cert-file", "c.pem",
                   "--tls-key-file", "k.pem", "--tls-client-ca-file", "ca.pem"])
    assert (flags.max_message_bytes, flags.max_top_k, flags.max_batch_size, flags.max_ids_per_call) == (1024, 7, 8, 9)
    assert (flags.api_keys_file, flags.tls_cert_file, flags.tls_key_file, flags.tls_client_ca_file) \
        == ("k.toml", "c.pem", "k.pem", "ca.pem")
    for name, value in {"ENGRAM_MAX_MESSAGE_BYTES": "2048", "ENGRAM_MAX_TOP_K": "3", "ENGRAM_MAX_BATCH_SIZE": "4",
                        "ENGRAM_MAX_IDS_PER_CALL": "5", "ENGRAM_API_KEYS_FILE": "e.toml",
                        "ENGRAM_TLS_CERT_FILE": "ec.pem", "ENGRAM_TLS_KEY_FILE": "ek.pem",
                        "ENGRAM_TLS_CLIENT_CA_FILE": "eca.pem"}.items():
        monkeypatch.setenv(name, value)
    env = parse([])
    assert (env.max_message_bytes, env.max_top_k, env.max_batch_size, env.max_ids_per_call) == (2048, 3, 4, 5)
    assert (env.api_keys_file, env.tls_cert_file, env.tls_key_file, env.tls_client_ca_file) \
        == ("e.toml", "ec.pem", "ek.pem", "eca.pem")
    assert parse(["--max-top-k", "9"]).max_top_k == 9  # a flag beats its variable


@pytest.mark.parametrize("flag", ["--max-message-bytes", "--max-top-k", "--max-batch-size", "--max-ids-per-call"])
def test_a_limit_below_one_is_refused_naming_the_flag(flag):
    with pytest.raises(ValueError, match=f"{flag} must be >= 1"):
        parse([flag, "0"])
