"""Recall through a real gRPC server and Redis: times on hits, time ranges, KEYWORD and
HYBRID rankings (a keyword-only hit is never dropped), fusion formulas, recency, expiry,
deduplication (a duplicate corroborates; racing writers on two replicas end with one
record), and the namespace's recall defaults."""

from __future__ import annotations

import threading
import time

import grpc
import numpy as np
import pytest
from google.protobuf.duration_pb2 import Duration
from google.protobuf.timestamp_pb2 import Timestamp

from engram.keys import NamespaceKeys
from engram.v1 import confidence_pb2, namespace_pb2, record_pb2
from engram.v1 import embedding_pb2 as pb
from tests.api.conftest import assert_invalid, connect, vec

NS = "recall"
DIMS = 8


def unit(seed: int) -> np.ndarray:
    row = np.random.default_rng(seed).standard_normal(DIMS).astype(np.float32)
    return row / np.linalg.norm(row)


def put(api, record_id: str, text: str, vector=None, ns: str = NS, **fields):
    request = pb.UpsertEmbeddingRequest(namespace=ns, record_id=record_id, text=text, **fields)
    if vector is not None:
        request.vector.CopyFrom(vec(vector))
    return api.embedding.UpsertEmbedding(request)


def search(api, ns: str = NS, **fields) -> list[pb.SearchResponse]:
    vector = fields.pop("vector", None)
    request = pb.SearchRequest(namespace=ns, **fields)
    if vector is not None:
        request.vector.CopyFrom(vec(vector))
    return list(api.embedding.Search(request))


def seconds(value: float) -> Duration:
    d = Duration()
    d.FromNanoseconds(int(value * 1e9))
    return d


def stamp(seconds_since_epoch: float) -> Timestamp:
    ts = Timestamp()
    ts.FromNanoseconds(int(seconds_since_epoch * 1e9))
    return ts


def filler(api, n: int = 40):
    for i in range(n):
        put(api, f"f{i}", f"ordinary filler sentence number {i} about weather", unit(100 + i))


# -- times ------------------------------------------------------------------------------------
def test_hits_carry_created_updated_times_and_an_overwrite_keeps_created_at(api):
    before = time.time()
    put(api, "a", "first text", unit(1))
    hit = search(api, vector=unit(1), top_k=1)[0]
    created = hit.created_at.ToMilliseconds()
    assert before * 1000 - 5 <= created <= time.time() * 1000 + 5
    assert hit.updated_at.ToMilliseconds() == created and not hit.HasField("last_used_at")
    assert not hit.HasField("expires_at")
    time.sleep(0.02)
    put(api, "a", "second text", unit(1))
    again = search(api, vector=unit(1), top_k=1)[0]
    assert again.created_at.ToMilliseconds() == created
    assert again.updated_at.ToMilliseconds() > created


def test_time_range_keeps_only_records_within_it(api):
    put(api, "old", "old", unit(1))
    time.sleep(0.05)
    middle = time.time()
    time.sleep(0.05)
    put(api, "new", "new", unit(2))
    ids = {h.record_id for h in search(api, vector=unit(1), top_k=10,
                                       time_range=pb.TimeRange(created_after=stamp(middle)))}
    assert ids == {"new"}
    ids = {h.record_id for h in search(api, vector=unit(1), top_k=10,
                                       time_range=pb.TimeRange(updated_before=stamp(middle)))}
    assert ids == {"old"}
    put(api, "old", "old again", unit(1))  # updated now: no longer updated before `middle`
    assert search(api, vector=unit(1), top_k=10, time_range=pb.TimeRange(updated_before=stamp(middle))) == []


# -- keyword and hybrid ---------------------------------------------------------------------------
def test_keyword_ranking_finds_the_exact_rare_term_and_reports_bm25(api):
    filler(api)
    put(api, "code", "the part number XJ4471 failed inspection", unit(7))
    hits = search(api, text="XJ4471", ranking=pb.RANKING_KEYWORD, top_k=5)
    assert [h.record_id for h in hits] == ["code"]  # only records holding a query term
    assert hits[0].keyword_score > 0 and hits[0].fused_score == pytest.approx(hits[0].keyword_score)
    assert hits[0].score == 0.0  # no semantic score under KEYWORD
    stemmed = search(api, text="inspections failing", ranking=pb.RANKING_KEYWORD, top_k=5)
    assert stemmed[0].record_id == "code"  # stemming: inspection(s), fail(ed/ing)


def test_hybrid_keeps_a_keyword_only_hit_that_similarity_drops(api):
    filler(api)
    query = unit(100)  # f0's vector: the semantic list is the filler
    put(api, "needle", "zebra crossing report", -query)  # the least similar record of all
    semantic = [h.record_id for h in search(api, vector=query, text="zebra", top_k=5)]
    assert "needle" not in semantic
    hybrid = search(api, vector=query, text="zebra", top_k=5, ranking=pb.RANKING_HYBRID)
    ids = [h.record_id for h in hybrid]
    assert "needle" in ids and "f0" in ids
    needle = hybrid[ids.index("needle")]
    assert needle.keyword_score > 0 and needle.score == pytest.approx(-1.0, abs=1e-6)
    assert [h.fused_score for h in hybrid] == sorted((h.fused_score for h in hybrid), reverse=True)


def test_weighted_sum_and_reciprocal_rank_fusion_follow_their_formulas(api):
    put(api, "a", "apple banana", unit(1))
    put(api, "b", "banana banana cherry", unit(2))
    put(api, "c", "durian", unit(3))
    query = unit(1)
    sem = {h.record_id: h.score for h in search(api, vector=query, top_k=3)}
    kw = {h.record_id: h.keyword_score for h in search(api, text="banana", ranking=pb.RANKING_KEYWORD, top_k=3)}
    assert set(kw) == {"a", "b"}
    alpha = 0.3
    hits = search(api, vector=query, text="banana", top_k=3, ranking=pb.RANKING_HYBRID,
                  fusion=pb.Fusion(method=pb.FUSION_METHOD_WEIGHTED_SUM, alpha=alpha))

    def norm(scores, rid):
        if rid not in scores:
            return 0.0
        low, high = min(scores.values()), max(scores.values())
        return 1.0 if high == low else (scores[rid] - low) / (high - low)

    for h in hits:
        assert h.fused_score == pytest.approx(alpha * norm(sem, h.record_id) + (1 - alpha) * norm(kw, h.record_id),
                                              abs=1e-6)
    rrf = search(api, vector=query, text="banana", top_k=3, ranking=pb.RANKING_HYBRID,
                 fusion=pb.Fusion(method=pb.FUSION_METHOD_RECIPROCAL_RANK, rrf_k=10))
    sem_rank = {rid: r for r, rid in enumerate(sorted(sem, key=lambda k: -sem[k]), start=1)}
    kw_rank = {rid: r for r, rid in enumerate(sorted(kw, key=lambda k: -kw[k]), start=1)}
    for h in rrf:
        expected = sum(1 / (10 + ranks[h.record_id]) for ranks in (sem_rank, kw_rank) if h.record_id in ranks)
        assert h.fused_score == pytest.approx(expected)


def test_hybrid_times_confidence_multiplies_the_fused_score(api):
    put(api, "a", "banana", unit(1))
    put(api, "b", "banana", unit(1))
    api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id="b", signal=0.0))
    plain = {h.record_id: h for h in search(api, vector=unit(1), text="banana", ranking=pb.RANKING_HYBRID)}
    weighted = search(api, vector=unit(1), text="banana", ranking=pb.RANKING_HYBRID_TIMES_CONFIDENCE)
    assert [h.record_id for h in weighted] == ["a", "b"]
    for h in weighted:
        assert h.fused_score == pytest.approx(plain[h.record_id].fused_score * h.confidence)
    assert weighted[1].confidence < 0.5


def test_rankings_refuse_what_they_cannot_use(api):
    put(api, "a", "banana", unit(1))
    assert_invalid(lambda: search(api, text="banana", ranking=pb.RANKING_KEYWORD, min_score=0.5), "min_score")
    assert_invalid(lambda: search(api, vector=unit(1), ranking=pb.RANKING_HYBRID), "text")
    assert_invalid(lambda: search(api, vector=unit(1), text="x", ranking=pb.RANKING_HYBRID,
                                  fusion=pb.Fusion(alpha=1.5)), "fusion.alpha")
    assert_invalid(lambda: search(api, vector=unit(1), ranking=99), "ranking")
    assert_invalid(lambda: search(api, vector=unit(1), recency=pb.Recency(field=pb.TIME_FIELD_CREATED_AT)),
                   "recency.half_life")
    assert_invalid(lambda: search(api, vector=unit(1), recency=pb.Recency(
        field=pb.TIME_FIELD_CREATED_AT, half_life=seconds(60), floor=-0.1)), "recency.floor")


# -- recency -------------------------------------------------------------------------------------
def test_recency_prefers_the_newer_of_two_equal_records_and_keeps_the_floor(api):
    put(api, "stale", "the office is on floor two", unit(1))
    time.sleep(1.0)
    put(api, "fresh", "the office is on floor two", unit(1))
    plain = [h.record_id for h in search(api, vector=unit(1), top_k=2)]
    assert sorted(plain) == ["fresh", "stale"]  # equal vectors: similarity alone cannot order them
    hits = search(api, vector=unit(1), top_k=2,
                  recency=pb.Recency(field=pb.TIME_FIELD_CREATED_AT, half_life=seconds(0.5), floor=0.4))
    assert [h.record_id for h in hits] == ["fresh", "stale"]
    stale = hits[1]
    assert 0.4 <= stale.recency_weight < 0.4 + 0.6 * 0.5  # over two half-lives old, never below the floor
    assert stale.fused_score == pytest.approx(stale.score * stale.recency_weight, rel=1e-6)
    # the namespace default applies when the request sets none; a request can turn it off
    api.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
        namespace=NS, config=namespace_pb2.NamespaceConfig(recency=pb.Recency(
            field=pb.TIME_FIELD_CREATED_AT, half_life=seconds(0.5), floor=0.4))))
    assert [h.record_id for h in search(api, vector=unit(1), top_k=2, ranking=pb.RANKING_SIMILARITY_TIMES_CONFIDENCE)] \
        == ["fresh", "stale"]
    off = search(api, vector=unit(1), top_k=2, recency=pb.Recency())
    assert all(h.recency_weight == 1.0 for h in off)


# -- expiry ---------------------------------------------------------------------------------------
def test_an_expired_record_disappears_from_search_at_once(api):
    reply = put(api, "short", "short lived", unit(1), ttl=seconds(0.6))
    put(api, "long", "long lived", unit(1))
    assert reply.HasField("expires_at")
    assert reply.expires_at.ToMilliseconds() == pytest.approx(time.time() * 1000 + 600, abs=200)
    assert {h.record_id for h in search(api, vector=unit(1))} == {"short", "long"}
    hits = {h.record_id: h for h in search(api, text="lived", ranking=pb.RANKING_KEYWORD)}
    assert hits["short"].expires_at == reply.expires_at
    time.sleep(0.7)
    assert {h.record_id for h in search(api, vector=unit(1))} == {"long"}
    assert {h.record_id for h in search(api, text="lived", ranking=pb.RANKING_KEYWORD)} == {"long"}
    assert {h.record_id for h in search(api, text="lived", vector=unit(1), ranking=pb.RANKING_HYBRID)} == {"long"}


def test_expiry_arguments_are_checked(api):
    assert_invalid(lambda: put(api, "a", "x", unit(1), ttl=seconds(5), expires_at=stamp(time.time() + 5)), "ttl")
    assert_invalid(lambda: put(api, "a", "x", unit(1), ttl=seconds(-1)), "ttl")
    assert_invalid(lambda: put(api, "a", "x", unit(1), expires_at=stamp(time.time() - 5)), "expires_at")


def test_namespace_default_ttl_applies_and_an_overwrite_without_ttl_clears_expiry(api, redis_client):
    api.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
        namespace=NS, config=namespace_pb2.NamespaceConfig(default_ttl=seconds(3600))))
    reply = put(api, "a", "x", unit(1))
    assert reply.expires_at.ToMilliseconds() == pytest.approx(time.time() * 1000 + 3_600_000, abs=2000)
    api.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
        namespace=NS, config=namespace_pb2.NamespaceConfig(default_ttl=seconds(0))))
    assert not put(api, "a", "x", unit(1)).HasField("expires_at")
    assert redis_client.zscore(NamespaceKeys(NS).expiry, "a") is None


# -- deduplication --------------------------------------------------------------------------------
def test_a_duplicate_corroborates_the_stored_record_instead_of_being_stored(api, redis_client):
    first = put(api, "fact-1", "Paris is the capital of France.", dedupe_threshold=0.9)
    assert first.created and not first.duplicate_of
    second = put(api, "fact-2", "Paris is the capital of France.", dedupe_threshold=0.9)
    assert second.duplicate_of == "fact-1" and not second.created and second.duplicate_score == 1.0
    assert second.duplicate_confidence.evidence_count == 1 and second.duplicate_confidence.corroborations == 1
    assert second.duplicate_confidence.confidence > 0.5
    near = put(api, "fact-3", "The capital of France is Paris.", dedupe_threshold=0.8)
    assert near.duplicate_of == "fact-1" and 0.8 <= near.duplicate_score < 1.0
    assert near.duplicate_confidence.evidence_count == 2
    assert redis_client.hlen(NamespaceKeys(NS).vectors) == 1
    unrelated = put(api, "fact-4", "Bananas are rich in potassium.", dedupe_threshold=0.8)
    assert unrelated.created and not unrelated.duplicate_of
    without = put(api, "fact-5", "Paris is the capital of France.")  # off by default: stored
    assert without.created and not without.duplicate_of
    assert_invalid(lambda: put(api, "x", "y", dedupe_threshold=1.5), "dedupe_threshold")


def test_writers_racing_with_one_text_on_two_replicas_end_with_one_record(make_app, redis_client):
    apps = [make_app(), make_app()]
    clients = [connect(app) for app in apps]
    text = "The Eiffel Tower is in Paris."
    barrier = threading.Barrier(8)
    replies = []

    def write(i: int):
        barrier.wait()
        replies.append(put(clients[i % 2], f"w{i}", text, dedupe_threshold=0.95))

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stored = [r for r in replies if not r.duplicate_of]
    assert len(stored) == 1 and len(replies) == 8
    winner = next(f"w{i}" for i in range(8) if redis_client.hexists(NamespaceKeys(NS).vectors, f"w{i}"))
    assert {r.duplicate_of for r in replies if r.duplicate_of} == {winner}
    state = clients[0].confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id=winner))
    assert state.state.evidence_count == 7 and state.state.corroborations == 7
    assert redis_client.hlen(NamespaceKeys(NS).vectors) == 1


def test_import_deduplicates_against_the_namespace_and_within_the_stream(api, redis_client):
    put(api, "kept", "Water boils at 100 degrees Celsius at sea level.")

    def messages():
        yield pb.ImportEmbeddingsRequest(namespace=NS, dedupe_threshold=0.9, records=[
            pb.ImportRecord(record_id="i1", text="Water boils at 100 degrees Celsius at sea level."),
            pb.ImportRecord(record_id="i2", text="Mount Everest is the highest mountain on Earth."),
            pb.ImportRecord(record_id="i3", text="Mount Everest is the highest mountain on Earth."),
            pb.ImportRecord(record_id="i4", text="Honey never spoils.", ttl=seconds(3600))])

    acks = list(api.embedding.ImportEmbeddings(messages()))
    assert acks[-1].records_written == 2 and acks[-1].records_deduplicated == 2
    assert sorted(k.decode() for k in redis_client.hkeys(NamespaceKeys(NS).vectors)) == ["i2", "i4", "kept"]
    assert redis_client.zscore(NamespaceKeys(NS).expiry, "i4") is not None


# -- namespace defaults -------------------------------------------------------------------------
def test_namespace_default_ranking_and_fusion_apply_to_unspecified_requests(api):
    filler(api, 10)
    put(api, "code", "part XJ4471", unit(7))
    config = api.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
        namespace=NS, config=namespace_pb2.NamespaceConfig(default_ranking=pb.RANKING_KEYWORD))).config
    assert config.default_ranking == pb.RANKING_KEYWORD
    assert config.fusion.method == pb.FUSION_METHOD_WEIGHTED_SUM and config.fusion.rrf_k == 60
    hits = search(api, text="XJ4471")
    assert [h.record_id for h in hits] == ["code"] and hits[0].keyword_score > 0
    got = api.namespace.GetNamespaceConfig(namespace_pb2.GetNamespaceConfigRequest(namespace=NS)).config
    assert got.default_ranking == pb.RANKING_KEYWORD and got.dedupe_threshold == 0.0
    with pytest.raises(grpc.RpcError) as info:
        api.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
            namespace=NS, config=namespace_pb2.NamespaceConfig(fusion=pb.Fusion(rrf_k=0))))
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "rrf_k" in info.value.details()


def test_keyword_index_follows_another_replicas_writes(make_app):
    writer, reader = (connect(make_app()) for _ in range(2))
    reply = put(writer, "r1", "quokka sighting on the island", unit(1))
    hits = search(reader, text="quokka", ranking=pb.RANKING_KEYWORD, consistency_token=reply.consistency_token)
    assert [h.record_id for h in hits] == ["r1"]
    gone = writer.record.DeleteRecord(record_pb2.DeleteRecordRequest(namespace=NS, record_id="r1"))
    assert search(reader, text="quokka", ranking=pb.RANKING_KEYWORD, consistency_token=gone.consistency_token) == []
