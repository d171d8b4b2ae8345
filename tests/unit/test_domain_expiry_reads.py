"""Reads of the confidence, graph and ledger stores against a fixed clock, with expiry
written straight into ``engram:{ns}:expiry``: the boundary (expires_at == now is expired),
propagation while many expired records await the sweeper (more than the list it reads at
once), and ranked errors refilled over several windows."""

from __future__ import annotations

import pytest
import redis

from engram.domain import expiry
from engram.domain.confidence import ConfidenceStore
from engram.domain.config import ConfigStore
from engram.domain.graph import GraphStore
from engram.domain.ledger import Ledger
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

NS = "tenant-x"
KEYS = NamespaceKeys(NS)
NOW = 1_000_000.0  # epoch seconds of the stores' clock
NOW_MS = NOW * 1000.0


def expire(client: redis.Redis, **expires_at_ms: float) -> None:
    client.zadd(KEYS.expiry, expires_at_ms)


def backlog(client: redis.Redis, count: int) -> None:
    """``count`` records expired an hour ago that the sweeper has not deleted yet."""
    if count:
        client.zadd(KEYS.expiry, {f"old{i}": NOW_MS - 3_600_000 for i in range(count)})


@pytest.fixture()
def stores(redis_client: redis.Redis, scripts: Scripts):
    configs = ConfigStore(redis_client)
    clock = lambda: NOW  # noqa: E731
    return (ConfidenceStore(redis_client, scripts, configs, clock=clock),
            GraphStore(redis_client, scripts, configs, clock=clock),
            Ledger(redis_client, scripts, configs, clock=clock))


def test_expires_at_equal_to_now_is_expired_and_one_ms_later_is_not(stores, redis_client):
    confidence, graph, ledger = stores
    for rid in ("due", "later"):
        confidence.update(NS, rid, 1.0)
        ledger.record_prediction(NS, rid, {"x": 1.0}, NOW - 10)
        graph.link(NS, "hub", rid, 0.5)
    expire(redis_client, due=NOW_MS, later=NOW_MS + 1)
    assert [s.evidence_count for s in confidence.get_many(NS, ["due", "later"])] == [0, 1]
    assert [s.record_id for s in confidence.list(NS).items] == ["later"]
    assert ledger.get_prediction(NS, "due") is None and ledger.get_prediction(NS, "later") is not None
    assert [p.record_id for p in ledger.list_predictions(NS).items] == ["later"]
    assert [rid for rid, _ in graph.get_linked(NS, "hub")] == ["later"]
    assert [rid for rid, _ in graph.list_edges(NS, "hub").items] == ["later"]
    assert graph.get_linked(NS, "due") == [] and graph.list_edges(NS, "due").items == []
    assert [r.record_id for r in graph.propagate(NS, ["hub"])] == ["later"]


@pytest.mark.parametrize("waiting", [0, expiry.EXPIRED_READ_CAP + 44])
def test_propagation_skips_expired_records_at_every_hop(stores, redis_client, waiting):
    _, graph, _ = stores
    # s -> a -> b -> c and s -> d -> e; d expired: e is reachable only through it.
    for source, target in (("s", "a"), ("a", "b"), ("b", "c"), ("s", "d"), ("d", "e")):
        graph.link(NS, source, target, 1.0)
    expire(redis_client, d=NOW_MS - 1, c=NOW_MS - 1, b=NOW_MS + 60_000)
    backlog(redis_client, waiting)  # past the cap: each hop asks each edge set instead
    reached = {r.record_id: r.path for r in graph.propagate(NS, ["s"], depth=4, decay_per_hop=0.9)}
    assert reached == {"a": ("s", "a"), "b": ("s", "a", "b")}
    assert graph.propagate(NS, ["d"], depth=3) == []
    assert [r.record_id for r in graph.propagate(NS, ["d", "s"], depth=0)] == ["s"]


@pytest.mark.parametrize("waiting", [0, expiry.EXPIRED_READ_CAP + 44])
def test_ranked_errors_refill_over_several_windows(stores, redis_client, waiting):
    _, _, ledger = stores
    for i in range(10):  # r9 has the highest error, 0.9
        ledger.record_prediction(NS, f"r{i}", {"x": 1.0}, NOW - 10)
        ledger.resolve(NS, f"r{i}", {"x": 1.0 - i / 10}, NOW - 5)
    expire(redis_client, r9=NOW_MS - 1, r8=NOW_MS - 1, r7=NOW_MS - 1, r6=NOW_MS - 1, r5=NOW_MS - 1,
           r0=NOW_MS + 1)
    backlog(redis_client, waiting)
    assert [h.record_id for h in ledger.highest_errors(NS, limit=2)] == ["r4", "r3"]
    rows = ledger.highest_errors(NS, limit=10, include_predictions=True)
    assert [h.record_id for h in rows] == ["r4", "r3", "r2", "r1", "r0"]
    assert all(h.prediction is not None and h.prediction.record_id == h.record_id for h in rows)
    total, _ = ledger.error_summary(NS, limit=0)
    assert (total.count, total.max) == (5, pytest.approx(0.4))
    top, groups = ledger.error_summary(NS, limit=3, group_by="day")
    assert (top.count, top.max) == (3, pytest.approx(0.4)) and sum(g.count for _, g in groups) == 3
