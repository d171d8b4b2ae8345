"""MicroBatcher, and VectorIndex's batching of concurrent single-query exact searches:
batched results equal unbatched ones, cancelled callers leave, nobody waits without cause."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from engram.domain.recall import TimeRange
from engram.embeddings import index as index_module
from engram.embeddings.index import VectorIndex, score_slack
from engram.embeddings.microbatch import MicroBatcher
from engram.errors import Cancelled


class Gate:
    """A batch function that blocks until released, recording each batch it ran."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self, requests):
        self.batches.append(list(requests))
        self.entered.set()
        assert self.release.wait(10)
        return [r * 10 if r >= 0 else ValueError(f"bad {r}") for r in requests]


def start(batcher, value, results, cancelled=None):
    def call():
        try:
            results[value] = batcher.submit(value, cancelled)
        except Exception as exc:  # noqa: BLE001 - recorded for the assertions
            results[value] = exc

    thread = threading.Thread(target=call)
    thread.start()
    return thread


def wait_until(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.005)


def pending(batcher) -> int:
    with batcher._changed:
        return len(batcher._pending)


def test_lone_call_runs_at_once_on_its_own_thread():
    seen = []
    batcher = MicroBatcher(lambda rs: seen.append(threading.get_ident()) or [r + 1 for r in rs])
    started = time.monotonic()
    assert batcher.submit(41) == 42
    assert time.monotonic() - started < 0.04  # no timer: well under the waiters' poll interval
    assert seen == [threading.get_ident()] and (batcher.batches, batcher.requests) == (1, 1)


def test_calls_arriving_during_a_batch_form_the_next_one():
    gate = Gate()
    batcher = MicroBatcher(gate, max_batch=3)
    results: dict[int, object] = {}
    first = start(batcher, 1, results)
    assert gate.entered.wait(5)
    later = [start(batcher, v, results) for v in (2, 3, 4, -5)]
    wait_until(lambda: pending(batcher) == 4)  # all wait: the one slot is busy
    gate.release.set()
    for thread in [first, *later]:
        thread.join(5)
    assert results[1] == 10 and results[2] == 20 and results[3] == 30 and results[4] == 40
    assert isinstance(results[-5], ValueError)  # its own error, raised to its caller only
    # The first alone; the four waiting ones in batches of at most 3 (max_batch).
    assert gate.batches[0] == [1] and sorted(v for b in gate.batches[1:] for v in b) == [-5, 2, 3, 4]
    assert len(gate.batches) == 3 and all(len(b) <= 3 for b in gate.batches)


def test_parallel_slots_run_batches_side_by_side():
    gate = Gate()
    batcher = MicroBatcher(gate, max_parallel=2)
    results: dict[int, object] = {}
    threads = [start(batcher, 1, results)]
    assert gate.entered.wait(5)
    threads.append(start(batcher, 2, results))
    wait_until(lambda: len(gate.batches) == 2)  # the second slot took it without waiting
    threads.append(start(batcher, 3, results))
    wait_until(lambda: pending(batcher) == 1)  # both slots busy: waits
    gate.release.set()
    for thread in threads:
        thread.join(5)
    assert results == {1: 10, 2: 20, 3: 30} and gate.batches == [[1], [2], [3]]


def test_cancelled_waiter_leaves_and_others_are_answered():
    gate = Gate()
    batcher = MicroBatcher(gate)
    results: dict[int, object] = {}
    gone = threading.Event()
    threads = [start(batcher, 1, results)]
    assert gate.entered.wait(5)
    threads += [start(batcher, 2, results, cancelled=gone.is_set), start(batcher, 3, results)]
    wait_until(lambda: pending(batcher) == 2)
    gone.set()
    threads[1].join(5)
    assert isinstance(results[2], Cancelled) and pending(batcher) == 1  # left the queue, not answered
    gate.release.set()
    for thread in threads:
        thread.join(5)
    assert results[1] == 10 and results[3] == 30
    assert [v for b in gate.batches for v in b] == [1, 3]  # the cancelled one was never computed


def test_cancelled_caller_stops_waiting_for_a_batch_already_running():
    allow = threading.Semaphore(0)
    batches: list[tuple[str, list[int]]] = []

    def run(requests):
        batches.append((threading.current_thread().name, list(requests)))
        assert allow.acquire(timeout=10)
        return [r * 10 for r in requests]

    batcher = MicroBatcher(run)
    gone = {2: threading.Event(), 3: threading.Event()}
    results: dict[int, object] = {}
    threads = {1: start(batcher, 1, results)}
    wait_until(lambda: len(batches) == 1)
    threads.update({v: start(batcher, v, results, gone[v].is_set) for v in (2, 3)})
    wait_until(lambda: pending(batcher) == 2)
    allow.release()  # the first batch ends: the caller of 2 or of 3 runs the batch of both
    wait_until(lambda: len(batches) == 2)
    runner, second = batches[1]
    assert sorted(second) == [2, 3]
    leader = next(v for v, t in threads.items() if t.name == runner)
    follower = 5 - leader
    gone[follower].set()
    threads[follower].join(5)
    assert isinstance(results[follower], Cancelled)  # left while its batch still runs
    assert threads[leader].is_alive() and len(batches) == 2
    allow.release()
    for thread in threads.values():
        thread.join(5)
    assert results[1] == 10 and results[leader] == leader * 10


def test_requests_are_taken_first_come_first_served():
    """Each request waits for at most the batches ahead of it, whichever caller wakes first."""
    allow = threading.Semaphore(0)
    order: list[list[int]] = []

    def run(requests):
        order.append(list(requests))
        assert allow.acquire(timeout=10)
        return list(requests)

    batcher = MicroBatcher(run, max_batch=2)
    results: dict[int, object] = {}
    threads = [start(batcher, 0, results)]
    wait_until(lambda: len(order) == 1)
    for v in range(1, 8):  # queued one after another, in this order
        threads.append(start(batcher, v, results))
        wait_until(lambda: pending(batcher) == v)
    for _ in range(5):
        allow.release()
    for thread in threads:
        thread.join(5)
    assert order == [[0], [1, 2], [3, 4], [5, 6], [7]] and results == {v: v for v in range(8)}


def test_batch_function_failure_reaches_every_caller_of_the_batch():
    def broken(requests):
        raise RuntimeError("boom")

    batcher = MicroBatcher(broken)
    with pytest.raises(RuntimeError, match="boom"):
        batcher.submit(1)
    batcher = MicroBatcher(lambda rs: [1])  # one outcome for two requests: a bug, reported
    assert batcher.submit(5) == 1


def test_arguments_checked():
    with pytest.raises(ValueError):
        MicroBatcher(lambda rs: rs, max_batch=0)
    with pytest.raises(ValueError):
        MicroBatcher(lambda rs: rs, max_parallel=0)


# -- VectorIndex ------------------------------------------------------------------------------

def random_index(n=3000, d=48, seed=5, **kwargs):
    rng = np.random.default_rng(seed)
    ids = [f"r{i:05d}" for i in rng.permutation(n)]
    data = rng.standard_normal((n, d)).astype(np.float32)
    # Near-ties: copies of rows nudged by a few ulps, so kernels that round differently disagree.
    data[n // 2: n // 2 + 40] = data[:40] * (1 + 1e-7)
    meta = [{"colour": ["red", "green", "blue"][i % 3], "rare": "yes" if i % 50 == 0 else "no"} for i in range(n)]
    times = [(1000.0 * i, 1000.0 * i, (5_000_000.0 if i % 7 == 0 else None)) for i in range(n)]
    return VectorIndex.from_rows(d, ids, data, meta, times, **kwargs), rng


def request_mix(rng, d, count):
    """Searches with varied top_k, min_score, filters (selective and not), time ranges, expiry."""
    filters = [None, {"colour": "red"}, {"rare": "yes"}, {"colour": "blue", "rare": "no"}, {"colour": "none"}]
    out = []
    for i in range(count):
        shape = (3, d) if i % 7 == 3 else (d,)  # some searches of several queries (BatchSearch)
        top_k = int(rng.choice([1, 3, 10, 50, 5000]))
        out.append(dict(queries=rng.standard_normal(shape).astype(np.float32), top_k=top_k,
                        min_score=[None, 0.0, 0.2][i % 3], filter=filters[i % len(filters)],
                        time_range=TimeRange(created_after=500_000.0) if i % 4 == 0 else None,
                        now_ms=4_000_000.0 if i % 6 == 0 else None))
    return out


def test_concurrent_single_searches_equal_unbatched_ones(monkeypatch):
    index, rng = random_index()
    requests = request_mix(rng, 48, 96)
    # Alone, one at a time: each its own batch of one.
    alone = [index.query(**r) for r in requests]
    assert index._batcher.batches == index._batcher.requests == len(requests)
    # Many at once: they share products (slow the product down so batches form).
    real = index._exact_scores

    def slow(q, rows):
        time.sleep(0.002)
        return real(q, rows)

    monkeypatch.setattr(index, "_exact_scores", slow)
    before = (index._batcher.batches, index._batcher.requests)
    got: list[object] = [None] * len(requests)
    barrier = threading.Barrier(24)

    def worker(w):
        barrier.wait()
        for i in range(w, len(requests), 24):
            got[i] = index.query(**requests[i])

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    batches, calls = index._batcher.batches - before[0], index._batcher.requests - before[1]
    assert calls == len(requests) and batches < calls  # some were batched
    assert got == alone  # same ids, order and scores (bit for bit), path "exact"
    # And each equals the brute-force answer of the documented score (np.vecdot per row).
    for r, (hits, path) in zip(requests, alone):
        assert path == "exact"
        if r["queries"].ndim == 2:  # several queries: each as it would be alone
            assert hits == [index.query(q, **{k: v for k, v in r.items() if k != "queries"})[0][0]
                            for q in r["queries"]]
        elif r["time_range"] is None and r["now_ms"] is None:
            assert hits[0] == brute_force(index, **r)


def brute_force(index, queries, top_k, min_score, filter, **_):
    from engram.embeddings.scores import shortest

    ids = [rid for rid in index._ids if not filter or all(index.metadata(rid).get(k) == v for k, v in filter.items())]
    if not ids:
        return []
    q = index_module._unit_rows(queries, index.dimensions, "query")[0]  # the index's normalisation
    scores = shortest(np.vecdot(np.stack([index.get(rid) for rid in ids]), q))
    ranked = sorted((-s, rid) for s, rid in zip(scores.tolist(), ids) if min_score is None or s >= min_score)
    return [(rid, -neg) for neg, rid in ranked[:top_k]]


def test_batch_search_equals_single_searches():
    index, rng = random_index(seed=8)
    queries = rng.standard_normal((12, 48)).astype(np.float32)
    for kwargs in ({}, {"filter": {"colour": "green"}}, {"filter": {"rare": "yes"}}, {"min_score": 0.1}):
        batch = index.search_batch(queries, 25, **kwargs)
        assert batch == [index.search(q, 25, **kwargs) for q in queries]


def test_screening_keeps_every_row_within_rounding_of_the_kth():
    """Rows whose exact score ties the k-th best (here: identical rows) all reach the rescoring,
    so the record-id tie-break is decided on the reported scores."""
    d = 16
    base = np.ones(d, dtype=np.float32)
    rows = np.stack([base] * 30 + [np.arange(d, dtype=np.float32) + 1] * 30)
    ids = [f"t{i:02d}" for i in range(60)]
    index = VectorIndex.from_rows(d, ids, rows)
    hits = index.search(base, 5)
    assert [r for r, _ in hits] == ids[:5]
    assert score_slack(384) < 1e-4 and score_slack(384) > 384 * 2.0 ** -24  # a few ulps of d terms


def test_cancelled_single_search_in_a_batch_leaves_the_others(monkeypatch):
    index, rng = random_index(n=500, d=16)
    q = rng.standard_normal((3, 16)).astype(np.float32)
    expected = [index.search(v, 5) for v in q]
    # Gather three requests by hand, the middle one already gone: it alone gets Cancelled.
    singles = [index_module._Exact(index_module._unit_rows(v, 16, "q"), 5, None, None, None, None,
                                   (lambda: True) if i == 1 else None) for i, v in enumerate(q)]
    outcomes = index._search_exact(singles)
    assert outcomes[0] == [expected[0]] and outcomes[2] == [expected[2]]
    assert isinstance(outcomes[1], Cancelled)
    # Through query: a caller whose cancelled() is True raises, and the index keeps answering.
    with pytest.raises(Cancelled):
        index.query(q[1], 5, cancelled=lambda: True)
    assert index.search(q[1], 5) == expected[1]


def test_single_searches_are_scored_in_chunks_of_the_score_budget(monkeypatch):
    index, rng = random_index(n=400, d=16)
    monkeypatch.setattr(index_module, "SCORE_BUDGET", 2 * 400)  # two queries' scores at a time
    shapes = []
    real = index._exact_scores
    monkeypatch.setattr(index, "_exact_scores", lambda q, rows: shapes.append(q.shape) or real(q, rows))
    q = rng.standard_normal((5, 16)).astype(np.float32)
    singles = [index_module._Exact(index_module._unit_rows(v, 16, "q"), 4, None, None, None, None, None)
               for v in (q[0], q[1:4], q[4])]  # one query, three, one
    assert index._search_exact(singles) == [[index.search(v, 4)] for v in q[:1]] + [
        [index.search(v, 4) for v in q[1:4]]] + [[index.search(q[4], 4)]]
    assert shapes[:3] == [(2, 16), (2, 16), (1, 16)]  # five queries, two at a time
