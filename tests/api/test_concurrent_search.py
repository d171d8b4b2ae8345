"""Concurrent Search calls over real gRPC: the server gathers them into shared matrix products
(`engram.embeddings.microbatch`), and each caller still gets exactly the answer of its query
alone (same ids, order and scores) and of a brute-force scan."""

from __future__ import annotations

import threading
import time

import numpy as np

from engram.domain import embedding_input as check
from engram.embeddings.index import VectorIndex, _unit_rows
from engram.embeddings.microbatch import MicroBatcher
from engram.embeddings.scores import shortest
from engram.v1 import embedding_pb2 as pb
from tests.api.conftest import connect, vec

NS = "concurrent-search"
DIMS = 64
ROWS = 1500
COLOURS = ("red", "green", "blue")


def answer(api, request: pb.SearchRequest) -> list[tuple[str, float]]:
    return [(h.record_id, h.score) for h in api.embedding.Search(request, timeout=30)]


def brute_force(unit: np.ndarray, query: np.ndarray, top_k: int, min_score: float | None,
                colour: str | None) -> list[tuple[str, float]]:
    """The documented score: one float32 dot product per stored (unit) row with the query as
    the server normalises it, as its shortest decimal."""
    q = _unit_rows(check.vector(query, "vector"), DIMS, "query")[0]
    rows = [i for i in range(ROWS) if colour is None or COLOURS[i % 3] == colour]
    scores = shortest(np.vecdot(unit[rows], q)).tolist()
    ranked = sorted((-s, f"r{i:04d}") for s, i in zip(scores, rows) if min_score is None or s >= min_score)
    # The wire carries float32: compare as float32 values.
    return [(rid, float(np.float32(-neg))) for neg, rid in ranked[:top_k]]


def test_concurrent_searches_each_get_their_single_query_answer(make_app, monkeypatch):
    app = make_app(ann_threshold=0)  # the exact path, as `--ann-threshold 0`
    api = connect(app)
    rng = np.random.default_rng(11)
    rows = rng.standard_normal((ROWS, DIMS)).astype(np.float32)
    rows[700:720] = rows[:20] * np.float32(1 + 1e-7)  # near-ties that kernels round apart

    def messages():
        for start in range(0, ROWS, 500):
            yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
                pb.ImportRecord(record_id=f"r{i:04d}", vector=vec(rows[i]), metadata={"colour": COLOURS[i % 3]})
                for i in range(start, start + 500)])

    list(api.embedding.ImportEmbeddings(messages()))
    index = app.embeddings.indexes.get(NS)
    unit = np.stack([index.get(f"r{i:04d}") for i in range(ROWS)])  # the rows as stored
    requests, expected = [], []
    for i in range(64):
        query = rng.standard_normal(DIMS).astype(np.float32)
        top_k = (1, 5, 10, 40)[i % 4]
        min_score = (None, 0.05)[i % 2]
        colour = (None, "red", None, "blue", "green")[i % 5]
        requests.append(pb.SearchRequest(namespace=NS, vector=vec(query), top_k=top_k, min_score=min_score,
                                         filter={"colour": colour} if colour else {}, exact=True))
        expected.append(brute_force(unit, query, top_k, min_score, colour))
    alone = [answer(api, r) for r in requests]
    assert alone == expected

    # Slow each product a little so the calls in flight pile up into batches, and count the
    # batches (on the class: the follower may replace the namespace's index object meanwhile).
    real_scores, real_take = VectorIndex._exact_scores, MicroBatcher._take
    sizes: list[int] = []

    def slow(self, q, rows):
        time.sleep(0.02)  # long against a call's own cost, so the other callers arrive meanwhile
        return real_scores(self, q, rows)

    def take(self, own):
        batch = real_take(self, own)
        sizes.append(len(batch))
        return batch

    monkeypatch.setattr(VectorIndex, "_exact_scores", slow)
    monkeypatch.setattr(MicroBatcher, "_take", take)
    got: list[object] = [None] * (3 * len(requests))
    barrier = threading.Barrier(16)

    def caller(w: int) -> None:
        barrier.wait()
        for j in range(w, len(got), 16):
            got[j] = answer(api, requests[j % len(requests)])

    threads = [threading.Thread(target=caller, args=(w,)) for w in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(sizes) == len(got) and max(sizes) >= 4 and len(sizes) < len(got)  # calls shared products
    assert got == alone * 3
