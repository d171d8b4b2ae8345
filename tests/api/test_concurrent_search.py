"""Concurrent Search calls over real gRPC: the server gathers them into shared matrix products
(`engram.embeddings.microbatch`), and each caller still gets exactly the answer of its query
alone (same ids, order and scores) and of a brute-force scan; a caller queued behind a batch
leaves at its deadline."""

from __future__ import annotations

import threading
import time

import grpc
import numpy as np
import pytest

from engram.domain import embedding_input as check
from engram.embeddings import index as index_module
from engram.embeddings.index import VectorIndex, _unit_rows
from engram.embeddings.microbatch import MicroBatcher
from engram.embeddings.scores import shortest
from engram.errors import Cancelled
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
    list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec(rows[0]), top_k=1)))  # loads NS here
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

    def take(self):
        batch = real_take(self)
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


def test_a_search_queued_behind_a_batch_leaves_at_its_deadline(make_app, monkeypatch):
    """A caller waiting for its batch stops waiting once its deadline passes (the server's
    thread is freed at once, not after the batch ahead of it), and the batch ahead still answers."""
    monkeypatch.setattr(index_module, "BATCH_PARALLEL", 1)  # one batch at a time: the second call queues
    api = connect(make_app(ann_threshold=0))
    rows = np.random.default_rng(3).standard_normal((200, 8)).astype(np.float32)
    list(api.embedding.ImportEmbeddings(iter([pb.ImportEmbeddingsRequest(namespace=NS, records=[
        pb.ImportRecord(record_id=f"r{i:04d}", vector=vec(rows[i])) for i in range(200)])])))
    gate, entered = threading.Event(), threading.Event()
    real_scores, real_submit = VectorIndex._exact_scores, MicroBatcher.submit
    left: list[float] = []

    def blocked(self, q, rows):
        entered.set()
        assert gate.wait(30)
        return real_scores(self, q, rows)

    def submit(self, request, cancelled=None):
        try:
            return real_submit(self, request, cancelled)
        except Cancelled:
            left.append(time.monotonic())
            raise

    monkeypatch.setattr(VectorIndex, "_exact_scores", blocked)
    monkeypatch.setattr(MicroBatcher, "submit", submit)
    first: list[object] = []
    leader = threading.Thread(target=lambda: first.append(answer(api, pb.SearchRequest(
        namespace=NS, vector=vec(rows[5]), top_k=1, exact=True))))
    leader.start()
    assert entered.wait(10)
    started = time.monotonic()
    with pytest.raises(grpc.RpcError) as info:
        list(api.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec(rows[7]), top_k=1, exact=True),
                                  timeout=0.3))
    assert info.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    deadline = time.monotonic() + 5
    while not left and time.monotonic() < deadline:
        time.sleep(0.01)
    assert left and left[0] - started < 2.0 and not gate.is_set()  # left while the batch ahead still ran
    gate.set()
    leader.join(10)
    assert first and first[0][0][0] == "r0005"
