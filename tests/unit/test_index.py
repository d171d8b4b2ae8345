"""VectorIndex / IndexRegistry: bookkeeping, ranking, brute-force agreement, random op sequences."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engram.embeddings.index import IndexRegistry, VectorIndex


def unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / np.float32(np.linalg.norm(v))


def e(i: int, d: int = 4) -> np.ndarray:
    v = np.zeros(d, dtype=np.float32)
    v[i] = 1.0
    return v


def assert_consistent(index: VectorIndex) -> None:
    """ids[row] and rows[id] are inverse maps over exactly rows [0, n)."""
    assert len(index._ids) == len(index._rows) == len(index)
    for row, record_id in enumerate(index._ids):
        assert index._rows[record_id] == row


def test_upsert_normalises_and_get_returns_copy():
    index = VectorIndex(4)
    index.upsert("a", np.array([3.0, 4.0, 0.0, 0.0]))
    got = index.get("a")
    np.testing.assert_allclose(got, [0.6, 0.8, 0.0, 0.0], rtol=0, atol=1e-7)
    assert got.dtype == np.float32
    got[0] = 99.0
    assert index.get("a")[0] == pytest.approx(0.6)
    assert index.get("missing") is None
    assert "a" in index and "b" not in index and len(index) == 1


def test_overwrite_keeps_row_and_length():
    index = VectorIndex(4)
    index.upsert("a", e(0))
    index.upsert("b", e(1))
    index.upsert("a", e(2))
    assert len(index) == 2
    assert_consistent(index)
    np.testing.assert_array_equal(index.get("a"), e(2))
    assert index.search(e(2), 1) == [("a", 1.0)]
    assert index.search(e(0), 1)[0][1] == 0.0


def test_delete_middle_swaps_last_row_in():
    rng = np.random.default_rng(1)
    vectors = {f"r{i}": unit(rng.standard_normal(8)) for i in range(5)}
    index = VectorIndex(8)
    for record_id, v in vectors.items():
        index.upsert(record_id, v)
    stored_r4 = index.get("r4")
    assert index.delete("r1") is True
    assert index.delete("r1") is False
    assert_consistent(index)
    assert index._ids[1] == "r4"  # last row moved into the hole
    # The moved record is found with its exact vector, and nothing points at the deleted one.
    np.testing.assert_array_equal(index.get("r4"), stored_r4)
    np.testing.assert_allclose(stored_r4, vectors["r4"], atol=1e-7)
    top_id, top_score = index.search(vectors["r4"], 1)[0]
    assert top_id == "r4" and top_score == pytest.approx(1.0, abs=1e-6)
    assert "r1" not in index and index.get("r1") is None
    assert all(record_id != "r1" for record_id, _ in index.search(vectors["r1"], 10))
    assert index.delete("r4") and index.delete("r0") and index.delete("r2") and index.delete("r3")
    assert len(index) == 0 and index.search(e(0, 8), 3) == []


def test_search_order_top_k_and_min_score():
    index = VectorIndex(2)
    angles = {"a": 0.0, "b": 0.3, "c": 0.6, "d": 1.2, "e": 3.0}
    for record_id, angle in angles.items():
        index.upsert(record_id, np.array([np.cos(angle), np.sin(angle)]))
    q = np.array([1.0, 0.0])
    full = index.search(q, 10)
    assert [r for r, _ in full] == ["a", "b", "c", "d", "e"]
    for (_, s), angle in zip(full, angles.values()):
        assert s == pytest.approx(np.cos(angle), abs=1e-6)
    assert [r for r, _ in index.search(q, 2)] == ["a", "b"]
    assert [r for r, _ in index.search(q, 5, min_score=np.cos(0.6) - 1e-6)] == ["a", "b", "c"]
    assert index.search(q, 5, min_score=1.5) == []
    # min_score is a floor on the returned (float) score, exactly.
    for _, s in index.search(q, 5, min_score=float(full[2][1])):
        assert s >= full[2][1]
    with pytest.raises(ValueError):
        index.search(q, 0)


def test_ties_broken_by_record_id_even_at_the_cut():
    index = VectorIndex(3)
    for record_id in ["m", "c", "x", "a", "k"]:
        index.upsert(record_id, e(0, 3))
    index.upsert("z", np.array([1.0, 1.0, 0.0]))
    q = e(0, 3)
    assert index.search(q, 3) == [("a", 1.0), ("c", 1.0), ("k", 1.0)]
    assert [r for r, _ in index.search(q, 6)] == ["a", "c", "k", "m", "x", "z"]


def test_ties_at_the_cut_among_many():
    # Enough tied rows that argpartition alone would pick an arbitrary subset of them.
    rng = np.random.default_rng(5)
    index = VectorIndex(2)
    tied = [f"t{i:02d}" for i in range(40)]
    for record_id in rng.permutation(tied):
        index.upsert(str(record_id), np.array([1.0, 1.0]))
    for i in range(10):
        index.upsert(f"low{i}", np.array([-1.0, float(i)]))
    index.upsert("top", np.array([1.0, 0.0]))
    for k in (1, 2, 4, 17, 41):
        assert [r for r, _ in index.search(np.array([1.0, 0.0]), k)] == (["top"] + tied)[:k]


def test_matches_brute_force_on_random_data():
    rng = np.random.default_rng(42)
    n, d = 2000, 384
    ids = [f"doc-{i:05d}" for i in rng.permutation(n)]
    data = rng.standard_normal((n, d)).astype(np.float32)
    index = VectorIndex(d)
    for record_id, row in zip(ids, data):
        index.upsert(record_id, row)
    normed = data / np.linalg.norm(data, axis=1, keepdims=True)
    for _ in range(8):
        q = rng.standard_normal(d).astype(np.float32)
        # The index reports one dot product per row (np.vecdot), whatever kernel screened them.
        naive = np.vecdot(normed, q / np.linalg.norm(q))
        order = np.argsort(-naive, kind="stable")
        for k in (1, 10, 100, n, n + 5):
            got = index.search(q, k)
            assert [r for r, _ in got] == [ids[i] for i in order[:k]]
            np.testing.assert_allclose([s for _, s in got], naive[order[:k]], atol=1e-5)


def test_from_rows_equals_incremental_build():
    rng = np.random.default_rng(7)
    data = rng.standard_normal((50, 16))
    ids = [f"id{i}" for i in range(50)]
    bulk = VectorIndex.from_rows(16, ids, data)
    inc = VectorIndex(16)
    for record_id, row in zip(ids, data):
        inc.upsert(record_id, row)
    assert len(bulk) == 50
    assert_consistent(bulk)
    for record_id in ids:
        np.testing.assert_allclose(bulk.get(record_id), inc.get(record_id), atol=1e-6)
    q = rng.standard_normal(16)
    assert [r for r, _ in bulk.search(q, 7)] == [r for r, _ in inc.search(q, 7)]
    bulk.upsert("new", q)  # still growable
    assert bulk.search(q, 1)[0][0] == "new"
    with pytest.raises(ValueError):
        VectorIndex.from_rows(16, ["a", "a"], data[:2])
    with pytest.raises(ValueError):
        VectorIndex.from_rows(16, ids[:3], data[:2])
    with pytest.raises(ValueError):
        VectorIndex.from_rows(8, ids, data)
    with pytest.raises(ValueError):
        VectorIndex.from_rows(16, ["a"], np.zeros((1, 16)))


def test_capacity_doubles_and_keeps_data():
    index = VectorIndex(4, initial_capacity=2)
    assert index.capacity == 2 and index.nbytes == 2 * 4 * 4
    for i in range(9):
        index.upsert(f"r{i}", np.array([1.0, i, 0.0, 0.0]))
    assert index.capacity == 16 and index.nbytes == 16 * 4 * 4
    assert len(index) == 9
    assert_consistent(index)
    for i in range(9):
        np.testing.assert_allclose(index.get(f"r{i}"), unit([1.0, i, 0.0, 0.0]), atol=1e-7)


def test_dimension_mismatch_and_bad_vectors_raise():
    index = VectorIndex(4)
    with pytest.raises(ValueError):
        index.upsert("a", np.ones(5))
    with pytest.raises(ValueError):
        index.upsert("a", np.ones((1, 4)))
    with pytest.raises(ValueError):
        index.upsert("a", np.zeros(4))
    with pytest.raises(ValueError):
        index.upsert("a", np.array([1.0, np.nan, 0.0, 0.0]))
    with pytest.raises(ValueError):
        index.search(np.ones(3), 1)
    assert len(index) == 0


def test_registry():
    registry = IndexRegistry()
    assert registry.get("ns") is None
    a = registry.get_or_create("ns", 4)
    assert registry.get_or_create("ns", 4) is a and registry.get("ns") is a
    # Other dimensions: the namespace was deleted and recreated elsewhere; the stale index goes.
    b = registry.get_or_create("ns", 8)
    assert b is not a and b.dimensions == 8 and registry.get("ns") is b
    registry.put("other", VectorIndex.from_rows(2, ["x"], np.ones((1, 2))))
    assert registry.namespaces() == ["ns", "other"]
    assert registry.drop("ns") is True and registry.drop("ns") is False
    assert registry.namespaces() == ["other"]


def test_concurrent_writers_and_searchers_stay_consistent():
    index = VectorIndex(8, initial_capacity=1)
    rng = np.random.default_rng(3)
    errors: list[BaseException] = []

    def writer(t: int) -> None:
        try:
            local = np.random.default_rng(t)
            for i in range(300):
                record_id = f"t{t}-{i % 50}"
                if local.random() < 0.3:
                    index.delete(record_id)
                else:
                    index.upsert(record_id, local.standard_normal(8) + 0.1)
        except BaseException as exc:  # noqa: BLE001 - surfaced below
            errors.append(exc)

    def searcher() -> None:
        try:
            for _ in range(300):
                for record_id, score in index.search(rng.standard_normal(8), 5):
                    assert -1.0001 <= score <= 1.0001
                    assert isinstance(record_id, str)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(t,)) for t in range(4)]
    threads += [threading.Thread(target=searcher) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert_consistent(index)


_ops = st.lists(
    st.one_of(
        st.tuples(st.just("upsert"), st.sampled_from("abcdefgh"),
                  st.lists(st.integers(-3, 3), min_size=3, max_size=3).filter(any)),
        st.tuples(st.just("delete"), st.sampled_from("abcdefgh")),
        st.tuples(st.just("search"), st.lists(st.integers(-3, 3), min_size=3, max_size=3)
                  .filter(any), st.integers(1, 10)),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(_ops)
def test_random_operations_match_dict_model(ops):
    index = VectorIndex(3, initial_capacity=1)
    model: dict[str, np.ndarray] = {}
    for op in ops:
        if op[0] == "upsert":
            _, record_id, v = op
            index.upsert(record_id, np.array(v, dtype=np.float32))
            model[record_id] = unit(v)
        elif op[0] == "delete":
            _, record_id = op
            assert index.delete(record_id) == (record_id in model)
            model.pop(record_id, None)
        else:
            _, q, k = op
            qn = unit(q)
            got = index.search(np.array(q, dtype=np.float32), k)
            expected = sorted(((float(v @ qn), rid) for rid, v in model.items()),
                              key=lambda p: (-p[0], p[1]))[:k]
            assert len(got) == len(expected)
            # Scores agree to rounding; ids agree except among near-equal scores.
            np.testing.assert_allclose([s for _, s in got], [s for s, _ in expected], atol=1e-6)
            assert len({rid for rid, _ in got}) == len(got)
            for (rid, _), (es, erid) in zip(got, expected):
                # A different id at this rank is only allowed if it ties (to rounding).
                assert rid == erid or abs(float(model[rid] @ qn) - es) < 1e-6
        assert len(index) == len(model)
        assert set(index._ids) == set(model)
        assert_consistent(index)
    for record_id, v in model.items():
        np.testing.assert_allclose(index.get(record_id), v, atol=1e-7)


def test_metadata_filters_and_batches_match_brute_force():
    rng = np.random.default_rng(7)
    rows = rng.standard_normal((300, 6)).astype(np.float32)
    meta = [{"color": ["red", "blue", "green"][i % 3], "big": str(i % 2 == 0)} for i in range(300)]
    index = VectorIndex.from_rows(6, [f"r{i}" for i in range(300)], rows, meta)
    index.upsert("r5", rows[5], {"color": "red"})  # metadata replaced: r5 loses "big"
    meta[5] = {"color": "red"}
    index.delete("r9")
    unit = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    queries = rng.standard_normal((5, 6)).astype(np.float32)
    for flt in [None, {"color": "red"}, {"color": "blue", "big": "True"}, {"color": "black"}, {"big": "False"}]:
        allowed = [i for i in range(300) if i != 9 and (flt is None or all(meta[i].get(k) == v
                                                                           for k, v in flt.items()))]
        batch = index.search_batch(queries, 4, None, flt)
        for q, hits in zip(queries, batch):
            scores = unit[allowed] @ (q / np.linalg.norm(q))
            expected = [f"r{allowed[j]}" for j in np.argsort(-scores)[:4]]
            assert [r for r, _ in hits] == expected
            single = index.search(q, 4, None, flt)
            # The same hits; scores equal up to float32 rounding (one query is a BLAS gemv, a batch a gemm).
            assert [r for r, _ in hits] == [r for r, _ in single]
            np.testing.assert_allclose([s for _, s in hits], [s for _, s in single], rtol=0, atol=1e-6)
    assert index.metadata("r5") == {"color": "red"} and index.metadata("r9") == {}


def test_rows_scored_while_a_writer_waits_are_never_torn():
    # Rows flip between +1 and -1 while searches score every row: a score between the two
    # would be a row read half-written, or a moved row reported under another id.
    dims, n = 1024, 1000
    index = VectorIndex(dims)
    ones, minus = np.ones(dims), -np.ones(dims)
    for i in range(n):
        index.upsert(f"r{i}", ones)
    stop = threading.Event()

    def writer() -> None:
        flip = False
        while not stop.is_set():
            for i in range(0, n, 3):
                index.upsert(f"r{i}", minus if flip else ones)
            index.delete("r1")
            index.upsert("r1", minus if flip else ones)
            flip = not flip

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for _ in range(100):
            hits = index.search(ones, n)
            assert len(hits) in (n - 1, n) and len({r for r, _ in hits}) == len(hits)  # r1 may be between
            assert all(abs(abs(score) - 1.0) < 1e-4 for _, score in hits)
    finally:
        stop.set()
        thread.join()


def test_search_batch_stops_between_queries_once_cancelled():
    """`cancelled` is checked before each query's top k: a caller gone mid-batch stops the
    search (`Cancelled`), and an index left searchable for the next caller."""
    from engram.errors import Cancelled

    rng = np.random.default_rng(3)
    index = VectorIndex.from_rows(8, [f"r{i}" for i in range(50)], rng.standard_normal((50, 8)))
    queries = rng.standard_normal((10, 8))
    checks = []

    def cancelled() -> bool:
        checks.append(1)
        return len(checks) > 3  # gone while the 4th query is due

    with pytest.raises(Cancelled):
        index.search_batch(queries, 5, cancelled=cancelled)
    assert len(checks) == 4  # stopped at once, the 6 other queries not ranked
    assert index.search_batch(queries, 5, cancelled=lambda: False) == index.search_batch(queries, 5)
