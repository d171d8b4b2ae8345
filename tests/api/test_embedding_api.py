"""EmbeddingService over a real gRPC server, Redis and the default model (spec 003)."""

from __future__ import annotations

import math

import grpc
import numpy as np
import pytest

from engram.keys import NamespaceKeys
from engram.v1 import common_pb2
from engram.v1 import embedding_pb2 as pb
from tests.api.conftest import assert_invalid, connect

NS = "emb-ns"

FACTS = {
    "paris": "Paris is the capital and largest city of France.",
    "python": "Python is a programming language that emphasises readability.",
    "everest": "Mount Everest is Earth's highest mountain above sea level.",
    "penguin": "Penguins are flightless birds living mostly in the Southern Hemisphere.",
    "jazz": "Jazz is a music genre that originated in New Orleans.",
}


def upsert_text(api, record_id, text, ns=NS):
    return api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=ns, record_id=record_id, text=text))


def upsert_vector(api, record_id, values, ns="vec-ns", **kwargs):
    return api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace=ns, record_id=record_id, vector=common_pb2.Vector(values=values), **kwargs))


def search(api, ns=NS, **kwargs):
    return list(api.embedding.Search(pb.SearchRequest(namespace=ns, **kwargs)))


@pytest.fixture()
def facts(api):
    for rid, text in FACTS.items():
        upsert_text(api, rid, text)
    return api


def test_text_search_finds_the_right_fact_best_first(facts):
    results = search(facts, text="Which city is the French capital?", top_k=3)
    assert [r.rank for r in results] == [1, 2, 3]
    assert results[0].record_id == "paris"
    assert results[0].text == FACTS["paris"]
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    assert search(facts, text="tallest peak in the Himalaya", top_k=1)[0].record_id == "everest"


def test_min_score_and_top_k(facts):
    all_results = search(facts, text="birds of Antarctica", top_k=10)
    assert len(all_results) == len(FACTS)
    cut = all_results[1].score
    kept = search(facts, text="birds of Antarctica", top_k=10, min_score=cut)
    assert [r.record_id for r in kept] == [r.record_id for r in all_results[:2]]


def test_upsert_overwrites_and_delete_removes(facts):
    again = upsert_text(facts, "jazz", "Bebop is a style of jazz developed in the 1940s.")
    assert not again.created and again.model == "sentence-transformers/all-MiniLM-L6-v2" and again.dimensions == 384
    top = search(facts, text="bebop", top_k=1)[0]
    assert top.record_id == "jazz" and top.text.startswith("Bebop")
    assert facts.embedding.DeleteEmbedding(pb.DeleteEmbeddingRequest(namespace=NS, record_id="jazz")).deleted
    assert "jazz" not in [r.record_id for r in search(facts, text="bebop", top_k=10)]
    assert not facts.embedding.DeleteEmbedding(pb.DeleteEmbeddingRequest(namespace=NS, record_id="jazz")).deleted


def test_stored_vectors_match_embed_rpc(api, redis_client):
    upsert_text(api, "p", FACTS["paris"])
    embedded = api.embedding.Embed(pb.EmbedRequest(texts=[FACTS["paris"]]))
    assert embedded.dimensions == 384 and len(embedded.vectors) == 1
    stored = np.frombuffer(redis_client.hget(NamespaceKeys(NS).vectors, "p"), dtype="<f4")
    assert np.allclose(stored, np.array(embedded.vectors[0].values, dtype=np.float32), atol=1e-6)
    assert abs(float(np.linalg.norm(stored)) - 1.0) < 1e-5


def test_client_vectors_and_dimension_guard(api):
    assert upsert_vector(api, "a", [1.0, 0.0, 0.0]).created
    upsert_vector(api, "b", [0.0, 2.0, 0.0])
    upsert_vector(api, "c", [1.0, 1.0, 0.0])
    results = search(api, ns="vec-ns", vector=common_pb2.Vector(values=[1.0, 0.1, 0.0]), top_k=3)
    assert [r.record_id for r in results] == ["a", "c", "b"]
    assert results[0].score == pytest.approx(1 / math.sqrt(1.01), abs=1e-6)
    with pytest.raises(grpc.RpcError) as info:
        upsert_vector(api, "d", [1.0, 0.0])
    assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "vector.values" in info.value.details() and "3-dimensional" in info.value.details()
    with pytest.raises(grpc.RpcError) as info:
        upsert_vector(api, "d", [1.0, 0.0, 0.0], model="other-model")
    assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION and "model" in info.value.details()
    assert len(search(api, ns="vec-ns", vector=common_pb2.Vector(values=[1.0, 0.0, 0.0]), top_k=10)) == 3


def test_text_write_to_namespace_of_client_vectors_is_refused(api):
    upsert_vector(api, "a", [1.0, 0.0, 0.0], ns="mixed")
    with pytest.raises(grpc.RpcError) as info:
        upsert_text(api, "b", "some text", ns="mixed")
    assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION


@pytest.mark.parametrize("values", [[math.nan, 1.0], [math.inf, 0.0], [0.0, 0.0]])
def test_bad_vectors_are_rejected(api, values):
    assert_invalid(lambda: upsert_vector(api, "bad", values), "vector.values")
    assert search(api, ns="vec-ns", vector=common_pb2.Vector(values=[1.0, 0.0]), top_k=1) == []


def test_bad_search_arguments(facts):
    assert_invalid(lambda: search(facts, text="x", top_k=0), "top_k")
    assert_invalid(lambda: search(facts, text="x", top_k=1001), "top_k")
    assert_invalid(lambda: search(facts, text="x", min_score=math.nan), "min_score")
    assert_invalid(lambda: search(facts), "text")
    assert_invalid(lambda: upsert_text(facts, "", "text"), "record_id")
    assert_invalid(lambda: upsert_text(facts, "r", ""), "text")
    assert_invalid(lambda: facts.embedding.Embed(pb.EmbedRequest()), "texts")


def test_search_of_empty_namespace_streams_nothing(api):
    assert search(api, ns="nothing-here", text="anything") == []


def test_embed_query_and_document(api):
    reply = api.embedding.Embed(pb.EmbedRequest(texts=["a cat", "a dog", ""], input_type=pb.INPUT_TYPE_QUERY))
    vectors = np.array([v.values for v in reply.vectors])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_new_server_warms_its_index_from_redis(make_app, facts):
    # A second server over the same Redis has never seen these writes: it must load them.
    other = connect(make_app())
    results = search(other, text="Which city is the French capital?", top_k=1)
    assert results and results[0].record_id == "paris"
