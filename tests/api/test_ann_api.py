"""The approximate path over gRPC: taken from --ann-threshold rows, said in every reply
(search_path), forced off by `exact`, and right with filters, PRIORITY ranking, consistency
tokens on another replica, deletes and BatchSearch."""

from __future__ import annotations

import numpy as np
import pytest

from engram.v1 import embedding_pb2 as pb
from engram.v1 import ledger_pb2, record_pb2
from tests.api.conftest import connect, vec

NS = "ann-api"
THRESHOLD = 120
D = 16


def clustered(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((12, D))
    x = c[rng.integers(0, 12, n)] + rng.standard_normal((n, D)) * 0.2
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def fill(stub, x: np.ndarray, ns: str = NS) -> str:
    """Imports rows x as r0..r{n-1} (metadata parity), returns the last consistency token."""
    records = [pb.ImportRecord(record_id=f"r{i}", vector=vec(v), metadata={"parity": str(i % 2)})
               for i, v in enumerate(x)]
    replies = list(stub.embedding.ImportEmbeddings(iter([pb.ImportEmbeddingsRequest(namespace=ns, records=records)]),
                                                   timeout=30))
    return replies[-1].consistency_token


def search(stub, v, ns: str = NS, **kwargs) -> list[pb.SearchResponse]:
    return list(stub.embedding.Search(pb.SearchRequest(namespace=ns, vector=vec(v), **kwargs), timeout=10))


@pytest.fixture()
def server(make_app):
    stub = connect(make_app(ann_threshold=THRESHOLD))
    yield stub
    stub.channel.close()


def test_search_says_which_path_answered_and_exact_forces_the_scan(server):
    x = clustered(THRESHOLD - 1, seed=1)
    fill(server, x)
    small = search(server, x[0], top_k=3)
    assert {h.search_path for h in small} == {pb.SEARCH_PATH_EXACT}
    fill(server, clustered(THRESHOLD + 80, seed=1))  # crosses the threshold: the graph is built
    approx = search(server, x[0], top_k=5)
    exact = search(server, x[0], top_k=5, exact=True)
    assert {h.search_path for h in approx} == {pb.SEARCH_PATH_APPROXIMATE}
    assert {h.search_path for h in exact} == {pb.SEARCH_PATH_EXACT}
    assert [h.record_id for h in approx] == [h.record_id for h in exact]
    assert [h.score for h in approx] == [h.score for h in exact]  # rescored in float32, exactly


def test_keyword_ranking_runs_no_vector_search(server):
    records = [pb.ImportRecord(record_id=f"t{i}", text=f"note number {i} about ships" if i % 3 else f"cats {i}")
               for i in range(THRESHOLD + 10)]
    list(server.embedding.ImportEmbeddings(iter([pb.ImportEmbeddingsRequest(namespace="ann-text", records=records)]),
                                           timeout=60))
    keyword = list(server.embedding.Search(pb.SearchRequest(namespace="ann-text", text="ships",
                                                            ranking=pb.RANKING_KEYWORD), timeout=10))
    assert keyword and {h.search_path for h in keyword} == {pb.SEARCH_PATH_UNSPECIFIED}
    hybrid = list(server.embedding.Search(pb.SearchRequest(namespace="ann-text", text="ships",
                                                           ranking=pb.RANKING_HYBRID), timeout=10))
    assert hybrid and {h.search_path for h in hybrid} == {pb.SEARCH_PATH_APPROXIMATE}


def test_filters_priority_and_batch_search_on_the_approximate_path(server):
    x = clustered(THRESHOLD * 3, seed=2)
    fill(server, x)
    for i in range(0, 40, 2):  # confidence differs: PRIORITY must re-rank
        server.record.ReportOutcome(record_pb2.ReportOutcomeRequest(
            namespace=NS, outcome=ledger_pb2.OUTCOME_ACTED, record_ids=[f"r{i}"]), timeout=10)
    odd = search(server, x[3], top_k=10, filter={"parity": "1"})
    assert len(odd) == 10 and all(int(h.record_id[1:]) % 2 == 1 for h in odd)
    assert {h.search_path for h in odd} == {pb.SEARCH_PATH_APPROXIMATE}
    approx = search(server, x[4], top_k=10, ranking=pb.RANKING_SIMILARITY_TIMES_CONFIDENCE)
    exact = search(server, x[4], top_k=10, ranking=pb.RANKING_SIMILARITY_TIMES_CONFIDENCE, exact=True)
    for ranked in (approx, exact):
        assert len(ranked) == 10
        assert [h.priority for h in ranked] == sorted((h.priority for h in ranked), reverse=True)
    assert {h.search_path for h in approx} == {pb.SEARCH_PATH_APPROXIMATE}
    # Approximate: a true neighbour the graph misses is missing (recall, not exactness).
    assert len({h.record_id for h in approx} & {h.record_id for h in exact}) >= 7
    batch = list(server.embedding.BatchSearch(pb.BatchSearchRequest(
        namespace=NS, queries=[pb.SearchQuery(vector=vec(v)) for v in x[:4]], top_k=1), timeout=10))
    assert [b.hits[0].record_id for b in batch] == ["r0", "r1", "r2", "r3"]
    assert {b.search_path for b in batch} == {pb.SEARCH_PATH_APPROXIMATE}
    exact_batch = list(server.embedding.BatchSearch(pb.BatchSearchRequest(
        namespace=NS, queries=[pb.SearchQuery(vector=vec(x[0]))], exact=True), timeout=10))
    assert exact_batch[0].search_path == pb.SEARCH_PATH_EXACT


def test_another_replica_follows_into_its_own_graph_with_tokens_and_deletes(make_app, server):
    other = connect(make_app(ann_threshold=THRESHOLD))
    try:
        x = clustered(THRESHOLD * 2, seed=3)
        token = fill(server, x)
        hits = search(other, x[7], top_k=1, consistency_token=token)
        assert [(h.record_id, h.search_path) for h in hits] == [("r7", pb.SEARCH_PATH_APPROXIMATE)]
        token = server.embedding.DeleteEmbedding(pb.DeleteEmbeddingRequest(namespace=NS, record_id="r7"),
                                                 timeout=10).consistency_token
        after = search(other, x[7], top_k=5, consistency_token=token)
        assert "r7" not in [h.record_id for h in after]
        assert {h.search_path for h in after} == {pb.SEARCH_PATH_APPROXIMATE}
        moved = search(other, x[-1], top_k=1)  # the delete moved the last row into r7's place
        assert [h.record_id for h in moved] == [f"r{len(x) - 1}"]
    finally:
        other.channel.close()
