"""Ranking by similarity × confidence (spec 003's composite ranking) is exact: it equals a
brute-force sort of every record, whatever the pool sizes, signs and ties."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from engram.domain import embedding_ranking
from engram.domain.embedding_ranking import by_priority
from engram.embeddings.index import VectorIndex


def brute_force(rows, ids, confidence, query, top_k, min_score):
    unit = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    q = query / np.linalg.norm(query)
    scores = (unit @ q).astype(np.float32)
    reported = [float(str(s)) for s in scores]  # scores as the index reports them (shortest decimals)
    entries = [(-(s * confidence[r]), r) for r, s in zip(ids, reported) if min_score is None or s >= min_score]
    return [r for _, r in sorted(entries)[:top_k]]


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 400), top_k=st.integers(1, 30), seed=st.integers(0, 10_000),
       pool=st.sampled_from([1, 2, 5, 256]), low_confidence=st.booleans(),
       min_score=st.one_of(st.none(), st.floats(-1, 0.9)), opposed=st.booleans())
def test_priority_ranking_equals_brute_force(n, top_k, seed, pool, low_confidence, min_score, opposed):
    rng = np.random.default_rng(seed)
    rows = rng.standard_normal((n, 4)).astype(np.float32)
    if opposed:  # nearly every record points away from the query: negative priorities decide
        rows -= 3.0
    rows[rng.integers(0, n, size=n // 5)] = rows[0]  # duplicates: equal scores
    ids = [f"r{i:03d}" for i in range(n)]
    high = 0.05 if low_confidence else 1.0  # small confidences force the pool to grow
    confidence = {r: float(c) for r, c in zip(ids, rng.uniform(0, high, size=n))}
    confidence[ids[-1]] = 1.0
    index = VectorIndex.from_rows(4, ids, rows)
    query = np.ones(4, dtype=np.float32) if opposed else rng.standard_normal(4).astype(np.float32)
    calls = []

    def confidences(wanted):
        calls.append(len(wanted))
        return {r: confidence[r] for r in wanted}

    saved = embedding_ranking.FIRST_POOL
    embedding_ranking.FIRST_POOL = pool
    try:
        got = by_priority(index, (query / np.linalg.norm(query))[None, :], top_k, min_score, None, confidences)[0]
    finally:
        embedding_ranking.FIRST_POOL = saved
    assert [r for r, _, _ in got] == brute_force(rows, ids, confidence, query, top_k, min_score)
    for r, score, c in got:
        assert c == confidence[r]
    assert calls  # confidences were read from the store, not assumed
