"""EmbeddingService's production search paths over a real gRPC server and Redis: metadata
filters, ranking by similarity × confidence, BatchSearch and the ImportEmbeddings stream."""

from __future__ import annotations

import grpc
import numpy as np
import pytest
from google.protobuf.json_format import MessageToDict

from engram.keys import NAMESPACES, NamespaceKeys
from engram.v1 import confidence_pb2
from engram.v1 import embedding_pb2 as pb
from tests.api.conftest import assert_invalid, vec

NS = "search-ns"
DIMS = 8


def unit_rows(n: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((n, DIMS)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def import_rows(api, rows: np.ndarray, metadata=None, ns: str = NS, per_message: int = 100):
    def messages():
        for start in range(0, len(rows), per_message):
            yield pb.ImportEmbeddingsRequest(namespace=ns, records=[
                pb.ImportRecord(record_id=f"r{i}", vector=vec(rows[i]), text=f"text {i}",
                                metadata=(metadata(i) if metadata else {}))
                for i in range(start, min(start + per_message, len(rows)))])
    return list(api.embedding.ImportEmbeddings(messages()))


def test_import_acknowledges_progress_and_writes_everything(api, redis_client):
    rows = unit_rows(700)
    acks = import_rows(api, rows)
    written = [a.records_written for a in acks]
    assert written == sorted(written) and written[-1] == 700 and len(acks) >= 3  # one ack per written batch
    assert acks[-1].records_created == 700 and acks[-1].consistency_token
    assert redis_client.hlen(NamespaceKeys(NS).vectors) == 700
    hits = list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec(rows[123]), top_k=1)))
    assert hits[0].record_id == "r123" and hits[0].text == "text 123" and hits[0].score == pytest.approx(1.0)
    again = import_rows(api, rows[:50])
    assert again[-1].records_written == 50 and again[-1].records_created == 0  # overwrites


def test_import_invalid_message_ends_the_call_and_writes_nothing_unacknowledged(api, redis_client):
    rows = unit_rows(300)

    def messages():
        yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
            pb.ImportRecord(record_id=f"r{i}", vector=vec(rows[i])) for i in range(256)])  # one full batch
        yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
            pb.ImportRecord(record_id=f"r{i}", vector=vec(rows[i])) for i in range(256, 290)])
        yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
            pb.ImportRecord(record_id="ok", vector=vec(rows[0])),
            pb.ImportRecord(record_id="bad", vector=vec([float("nan")] * DIMS))])

    acks = []
    error = assert_invalid(lambda: acks.extend(api.embedding.ImportEmbeddings(messages())),
                           "records[1].vector.values")
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [a.records_written for a in acks] == [256]
    assert redis_client.hlen(NamespaceKeys(NS).vectors) == 256  # the 34 unacknowledged were not written
    assert redis_client.hlen(NamespaceKeys(NS).documents) == 256


def test_import_refuses_other_dimensions_before_writing(api, redis_client):
    import_rows(api, unit_rows(10))

    def messages():
        yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
            pb.ImportRecord(record_id="x", vector=vec([1.0, 0.0, 0.0]))])

    with pytest.raises(grpc.RpcError) as info:
        list(api.embedding.ImportEmbeddings(messages()))
    assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "records[0].vector.values" in info.value.details()
    assert redis_client.hlen(NamespaceKeys(NS).vectors) == 10


def test_import_refuses_a_second_namespace_in_one_stream(api, redis_client):
    def messages():
        yield pb.ImportEmbeddingsRequest(namespace=NS, records=[pb.ImportRecord(record_id="a", vector=vec([1.0]))])
        yield pb.ImportEmbeddingsRequest(namespace="other", records=[pb.ImportRecord(record_id="b", vector=vec([1.0]))])

    assert_invalid(lambda: list(api.embedding.ImportEmbeddings(messages())), "namespace")
    assert not redis_client.exists(NamespaceKeys("other").vectors)
    # Nothing was written, so not even the namespace registry lists the first namespace.
    assert redis_client.zscore(NAMESPACES, NS) is None


def test_import_embeds_texts_with_the_server_model(api):
    texts = [f"Fact number {i} is about the planet Mars and its {i} moons." for i in range(70)]
    texts[42] = "The Eiffel Tower stands in Paris, France."

    def messages():
        yield pb.ImportEmbeddingsRequest(namespace="texts", records=[
            pb.ImportRecord(record_id=f"t{i}", text=t) for i, t in enumerate(texts)])

    acks = list(api.embedding.ImportEmbeddings(messages()))
    assert acks[-1].records_written == 70
    hits = list(api.embedding.Search(pb.SearchRequest(namespace="texts", text="Where is the Eiffel Tower?",
                                                      top_k=1)))
    assert hits[0].record_id == "t42"


def test_metadata_filters_select_exactly_the_matching_records(api):
    rows = unit_rows(400, seed=1)
    import_rows(api, rows, metadata=lambda i: {"parity": "even" if i % 2 == 0 else "odd",
                                               "tens": str(i // 10 % 10)})
    query = rows[7] + 0.05
    for flt, allowed in [({"parity": "odd"}, lambda i: i % 2 == 1),
                         ({"parity": "even", "tens": "3"}, lambda i: i % 2 == 0 and i // 10 % 10 == 3),
                         ({"parity": "none"}, lambda i: False)]:
        got = list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec(query), top_k=5, filter=flt)))
        candidates = [i for i in range(400) if allowed(i)]
        scores = rows[candidates] @ (query / np.linalg.norm(query))
        expected = [f"r{candidates[j]}" for j in np.argsort(-scores)[:5]]
        assert [h.record_id for h in got] == expected
        for h in got:
            assert all(h.metadata[k] == v for k, v in flt.items())


def test_upsert_replaces_metadata_and_filters_follow(api):
    api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="a", vector=vec([1.0, 0.0]),
                                                            metadata={"kind": "fact"}))
    api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="a", vector=vec([1.0, 0.1]),
                                                            metadata={"kind": "claim"}))

    def ids(kind):
        return [h.record_id for h in api.embedding.Search(pb.SearchRequest(
            namespace=NS, vector=vec([1.0, 0.0]), filter={"kind": kind}))]

    assert ids("fact") == [] and ids("claim") == ["a"]


def test_ranking_by_similarity_times_confidence_is_exact(api):
    rows = unit_rows(600, seed=2)
    import_rows(api, rows)
    rng = np.random.default_rng(3)
    signals = {i: float(rng.uniform(0, 1)) for i in range(0, 600, 3)}  # others keep the 0.5 prior
    for i, signal in signals.items():
        api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace=NS, record_id=f"r{i}", signal=signal))
    confidence = {}
    for i in range(600):
        state = api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id=f"r{i}"))
        confidence[f"r{i}"] = state.state.confidence
    query = rows[11] * 0.3 + rows[12] * 0.7
    unit = query / np.linalg.norm(query)
    priority = {f"r{i}": float(rows[i] @ unit) * confidence[f"r{i}"] for i in range(600)}
    expected = sorted(priority, key=lambda r: (-priority[r], r))[:20]
    got = list(api.embedding.Search(pb.SearchRequest(
        namespace=NS, vector=vec(query), top_k=20, ranking=pb.RANKING_SIMILARITY_TIMES_CONFIDENCE)))
    assert [h.record_id for h in got] == expected
    for h in got:
        assert h.confidence == pytest.approx(confidence[h.record_id])
        assert h.priority == pytest.approx(h.score * h.confidence, rel=1e-6)
    by_similarity = list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec(query), top_k=20)))
    assert [h.record_id for h in by_similarity] != expected  # the two orders differ on this data
    assert all(h.confidence == pytest.approx(confidence[h.record_id]) for h in by_similarity)


def test_scores_are_shortest_float32_decimals_and_priority_is_their_exact_product(api):
    rows = unit_rows(200, seed=6)
    import_rows(api, rows)
    rng = np.random.default_rng(8)
    for i in range(0, 200, 2):  # the others keep the 0.5 prior
        api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace=NS, record_id=f"r{i}", signal=float(rng.uniform(0, 1))))
    query = vec(unit_rows(1, seed=10)[0])
    got = list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=query, top_k=50,
                                                     ranking=pb.RANKING_SIMILARITY_TIMES_CONFIDENCE)))
    assert len(got) == 50
    for h in got:
        score = float(str(np.float32(h.score)))  # the float32 score as its shortest decimal
        assert h.priority == score * h.confidence  # exactly, not the widened score's product
        shown = MessageToDict(h)  # JSON, as grpcurl prints a reply: no float noise in either
        assert shown["priority"] == shown["score"] * shown["confidence"]
    assert any(float(h.score) * h.confidence != h.priority for h in got)  # the widened product differs
    assert [h.priority for h in got] == sorted((h.priority for h in got), reverse=True)
    by_similarity = list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=query, top_k=50)))
    cut = by_similarity[9].score  # a score as the client read it keeps its own record as min_score
    kept = list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=query, top_k=50, min_score=cut)))
    assert [h.record_id for h in kept] == [h.record_id for h in by_similarity if h.score >= cut]
    assert len(kept) >= 10


@pytest.mark.parametrize("ranking", [pb.RANKING_SIMILARITY, pb.RANKING_SIMILARITY_TIMES_CONFIDENCE])
def test_a_search_nothing_passes_answers_no_results(api, ranking):
    # A filter or min_score that no record passes: an empty answer under either ranking (by
    # priority it once read the confidences of no records, an HMGET without fields: INTERNAL).
    import_rows(api, unit_rows(5), metadata=lambda i: {"k": "v"})
    query = dict(namespace=NS, vector=vec(unit_rows(1, seed=9)[0]), ranking=ranking)
    assert list(api.embedding.Search(pb.SearchRequest(filter={"k": "nothing has this"}, **query))) == []
    assert list(api.embedding.Search(pb.SearchRequest(min_score=1.0, **query))) == []
    [answer] = list(api.embedding.BatchSearch(pb.BatchSearchRequest(
        namespace=NS, queries=[pb.SearchQuery(vector=query["vector"])], filter={"k": "x"}, ranking=ranking)))
    assert list(answer.hits) == []


def test_batch_search_equals_single_searches(api):
    rows = unit_rows(500, seed=4)
    import_rows(api, rows, metadata=lambda i: {"group": str(i % 3)})
    queries = unit_rows(40, seed=5)
    for kwargs in [{}, {"min_score": 0.2}, {"filter": {"group": "1"}},
                   {"ranking": pb.RANKING_SIMILARITY_TIMES_CONFIDENCE}]:
        batch = list(api.embedding.BatchSearch(pb.BatchSearchRequest(
            namespace=NS, queries=[pb.SearchQuery(vector=vec(q)) for q in queries], top_k=7, **kwargs)))
        assert [b.query_index for b in batch] == list(range(40))
        for q, result in zip(queries, batch):
            single = list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec(q), top_k=7, **kwargs)))
            assert [(h.record_id, h.rank) for h in result.hits] == [(h.record_id, h.rank) for h in single]
            assert [h.score for h in result.hits] == pytest.approx([h.score for h in single])


def test_batch_search_mixes_text_and_vector_queries(api):
    facts = ["Paris is the capital of France.", "Penguins are flightless birds.", "Jazz began in New Orleans."]
    for i, fact in enumerate(facts):
        api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="facts", record_id=f"f{i}", text=fact))
    embedded = api.embedding.Embed(pb.EmbedRequest(texts=["Which birds cannot fly?"],
                                                   input_type=pb.INPUT_TYPE_QUERY)).vectors[0]
    batch = list(api.embedding.BatchSearch(pb.BatchSearchRequest(namespace="facts", top_k=1, queries=[
        pb.SearchQuery(text="What is the capital of France?"), pb.SearchQuery(vector=embedded),
        pb.SearchQuery(text="Where did jazz start?")])))
    assert [b.hits[0].record_id for b in batch] == ["f0", "f1", "f2"]


def test_batch_search_rejects_bad_queries_naming_the_field(api):
    import_rows(api, unit_rows(5))
    assert_invalid(lambda: list(api.embedding.BatchSearch(pb.BatchSearchRequest(namespace=NS))), "queries")
    assert_invalid(lambda: list(api.embedding.BatchSearch(pb.BatchSearchRequest(namespace=NS, queries=[
        pb.SearchQuery(vector=vec([1.0] * DIMS)), pb.SearchQuery()]))), "queries[1].text")
    assert_invalid(lambda: list(api.embedding.BatchSearch(pb.BatchSearchRequest(namespace=NS, queries=[
        pb.SearchQuery(vector=vec([float("inf")] * DIMS))]))), "queries[0].vector.values")
    assert_invalid(lambda: list(api.embedding.BatchSearch(pb.BatchSearchRequest(
        namespace=NS, queries=[pb.SearchQuery(vector=vec([1.0] * DIMS))] * 257))), "queries")
    assert_invalid(lambda: list(api.embedding.Search(pb.SearchRequest(
        namespace=NS, vector=vec([1.0] * DIMS), ranking=9))), "ranking")
    assert_invalid(lambda: list(api.embedding.Search(pb.SearchRequest(
        namespace=NS, vector=vec([1.0] * DIMS), filter={"": "x"}))), "filter['']")
    assert_invalid(lambda: api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace=NS, record_id="m", vector=vec([1.0] * DIMS), metadata={f"k{i}": "v" for i in range(65)})),
        "metadata")


def test_import_precondition_errors_name_the_record_in_its_own_message(api):
    import_rows(api, unit_rows(10))

    def messages():
        for m in range(3):
            yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
                pb.ImportRecord(record_id=f"m{m}-{i}", vector=vec([1.0] * (3 if (m, i) == (2, 5) else DIMS)))
                for i in range(100)])

    with pytest.raises(grpc.RpcError) as info:
        list(api.embedding.ImportEmbeddings(messages()))
    assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "records[5].vector.values" in info.value.details() and "'m2-5'" in info.value.details()
