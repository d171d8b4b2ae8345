"""Reported scores are the float32 cosines as their shortest round-trip decimals: the conversion
keeps the float32 on the wire, handles every range of float32, and the index reports scores in
that form."""

from __future__ import annotations

import numpy as np
import pytest

from engram.embeddings.index import VectorIndex
from engram.embeddings.scores import shortest, shortest_one

EDGES = [0.1, 0.5, 1.0, -1.0, 0.8, 0.8775885, 1e-13, 9.99999e-14, 1e9, 3.0, 16777217.0, 1e22, 9.999999e21,
         1e-45, 3.4028235e38, 0.0]


def reference(values: np.ndarray) -> np.ndarray:
    return np.array([float(str(v)) for v in values.astype(np.float32)])


@pytest.mark.parametrize("n", [10, 5000])
def test_shortest_equals_numpy_shortest_repr(n):
    rng = np.random.default_rng(n)
    cosines = rng.uniform(-1, 1, n).astype(np.float32)
    spread = (rng.standard_normal(n) * 10.0 ** rng.integers(-30, 30, n)).astype(np.float32)
    bits = rng.integers(0, 2**31, n).astype(np.uint32).view(np.float32)  # any positive float32
    bits = bits[np.isfinite(bits)]
    for values in (cosines, spread, bits, np.array(EDGES * (n // len(EDGES) + 1), dtype=np.float32)):
        got = shortest(values)
        assert got.dtype == np.float64 and got.tolist() == reference(values).tolist()
        assert (got.astype(np.float32) == values).all()  # the float32 on the wire is unchanged
    assert [repr(shortest_one(v)) for v in (0.8775885105133057, -0.25, 0.10000000149011612)] == \
        ["0.8775885", "-0.25", "0.1"]


def test_index_reports_shortest_scores_and_min_score_keeps_an_equal_score():
    rng = np.random.default_rng(7)
    ids = [f"r{i}" for i in range(300)]
    index = VectorIndex.from_rows(16, ids, rng.standard_normal((300, 16)).astype(np.float32))
    query = rng.standard_normal(16).astype(np.float32)
    hits = index.search(query, 300)
    assert len(hits) == 300
    for _, score in hits:
        assert repr(score) == str(np.float32(score))  # no float32 widening noise (0.8775885105133057)
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True)
    cut = hits[40][1]
    kept = index.search(query, 300, min_score=cut)
    assert [r for r, _ in kept] == [r for r, s in hits if s >= cut] and kept[-1][1] == cut
