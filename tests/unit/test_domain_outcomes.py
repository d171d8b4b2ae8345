"""OutcomeReporter and lua/record_outcome.lua against a real server (the seeds'
ObservationProtocol: spec 004's confidence signals, spec 001's auto-resolution, spec 002's
edges)."""

from __future__ import annotations

import threading

import msgpack
import pytest
import redis

from engram.domain.confidence import ConfidenceState, ConfidenceStore
from engram.domain.config import ConfigStore
from engram.domain.ledger import Ledger
from engram.domain.outcomes import OutcomeReport, OutcomeReporter, OutcomeResult
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys

NS = "tenant-o"
KEYS = NamespaceKeys(NS)


def edges(client: redis.Redis, record_id: str) -> dict[str, float]:
    return {m.decode(): s for m, s in client.zrange(KEYS.edges(record_id), 0, -1, withscores=True)}


def snapshot(client: redis.Redis) -> dict[bytes, bytes]:
    return {k: client.dump(k) for k in client.keys()}


# --- per outcome -----------------------------------------------------------------------------


def test_acted_corroborates_and_resolves_with_its_error(
    reporter: OutcomeReporter, ledger: Ledger, confidence: ConfidenceStore
) -> None:
    ledger.record_prediction(NS, "a", {"useful": True}, now=1.0)
    report = reporter.report(NS, ["a"], "acted", now=5.0)
    state = ConfidenceState("a", 0.5 + (0.9 - 0.5) / 2, 1, 1, 0)  # signal 0.9; error 0.1 feeds nothing back
    assert report == OutcomeReport([OutcomeResult("a", state, "resolved", 0.1)], 0)
    assert confidence.get(NS, "a") == state
    stored = ledger.get_prediction(NS, "a")
    assert (stored.resolved, stored.outcome, stored.prediction_error, stored.resolved_at) == (True, "acted", 0.1, 5.0)


def test_contradicted_contradicts_then_feeds_its_large_error_back(
    reporter: OutcomeReporter, ledger: Ledger, redis_client: redis.Redis
) -> None:
    ledger.record_prediction(NS, "c", {"x": 1.0}, now=1.0)
    result = reporter.report(NS, ["c"], "contradicted", now=2.0).results[0]
    first = 0.5 + (0.1 - 0.5) / 2  # signal 0.1
    second = first + (0.2 - first) / 3  # error 0.9 > 0.7: low_signal 0.2, n_eff 2
    assert result == OutcomeResult("c", ConfidenceState("c", second, 2, 0, 2), "resolved", 0.9)
    assert redis_client.zscore(KEYS.errors, "c") == 0.9


@pytest.mark.parametrize(("outcome", "error"), [("used", 0.3), ("dismissed", 0.5)])
def test_used_and_dismissed_only_resolve(
    reporter: OutcomeReporter, ledger: Ledger, confidence: ConfidenceStore, redis_client: redis.Redis,
    outcome: str, error: float,
) -> None:
    confidence.update(NS, "r", 1.0)
    ledger.record_prediction(NS, "r", {"x": 1.0}, now=1.0)
    conf_before = redis_client.hgetall(KEYS.confidence)
    report = reporter.report(NS, ["r", "s"], outcome, now=2.0)
    assert report == OutcomeReport([OutcomeResult("r", ConfidenceState("r", 0.75, 1, 1, 0), "resolved", error),
                                    OutcomeResult("s", ConfidenceState("s", 0.5, 0, 0, 0), "no_prediction", None)], 0)
    assert redis_client.hgetall(KEYS.confidence) == conf_before
    assert redis_client.exists(KEYS.edges("r"), KEYS.edges("s")) == 0
    assert ledger.get_prediction(NS, "r").outcome == outcome


def test_deferred_changes_nothing(
    reporter: OutcomeReporter, ledger: Ledger, confidence: ConfidenceStore, configs: ConfigStore,
    redis_client: redis.Redis,
) -> None:
    configs.update(NS, {"initial_confidence": 0.3})
    confidence.update(NS, "a", 0.9)
    ledger.record_prediction(NS, "a", {"x": 1.0}, now=1.0)
    before = snapshot(redis_client)
    report = reporter.report(NS, ["a", "b", "c"], "deferred", now=2.0)
    assert snapshot(redis_client) == before
    assert report == OutcomeReport([
        OutcomeResult("a", ConfidenceState("a", 0.3 + (0.9 - 0.3) / 2, 1, 1, 0), None, None),
        OutcomeResult("b", ConfidenceState("b", 0.3, 0, 0, 0), None, None),  # the namespace's prior
        OutcomeResult("c", ConfidenceState("c", 0.3, 0, 0, 0), None, None),
    ], 0)
    assert ledger.get_prediction(NS, "a").resolved is False


def test_no_prediction_and_already_resolved_change_no_prediction(
    reporter: OutcomeReporter, ledger: Ledger, redis_client: redis.Redis
) -> None:
    ledger.record_prediction(NS, "done", {"x": 1.0}, now=1.0)
    ledger.auto_resolve(NS, "done", "used", now=2.0)
    predictions, errors = redis_client.hgetall(KEYS.predictions), redis_client.zrange(KEYS.errors, 0, -1, withscores=True)
    results = reporter.report(NS, ["done", "none"], "contradicted", now=3.0).results
    assert [(r.resolution_status, r.prediction_error) for r in results] == [("already_resolved", None),
                                                                            ("no_prediction", None)]
    assert [r.confidence.contradictions for r in results] == [1, 1]  # the signal still applies
    assert redis_client.hgetall(KEYS.predictions) == predictions
    assert redis_client.zrange(KEYS.errors, 0, -1, withscores=True) == errors
    assert redis_client.hexists(KEYS.predictions, "none") == 0


def test_resolution_is_the_ledgers(reporter: OutcomeReporter, ledger: Ledger, redis_client: redis.Redis) -> None:
    """record_outcome.lua and ledger_resolve.lua share lib/ledger_core.lua: same stored result."""
    for rid in ("via_report", "via_ledger"):
        ledger.record_prediction(NS, rid, {"x": 1.0, "s": "a"}, now=1.0)
    reporter.report(NS, ["via_report"], "dismissed", now=7.0)
    ledger.auto_resolve(NS, "via_ledger", "dismissed", now=7.0)
    stored = [msgpack.unpackb(redis_client.hget(KEYS.predictions, rid)) for rid in ("via_report", "via_ledger")]
    assert stored[0] == stored[1] and stored[0]["outcome"] == "dismissed"


# --- configuration ---------------------------------------------------------------------------


def test_configured_errors_threshold_and_prior_apply(
    reporter: OutcomeReporter, ledger: Ledger, configs: ConfigStore
) -> None:
    configs.update(NS, {"outcome_errors": {"used": 0.45}, "error_threshold": 0.4, "low_signal": 0.0,
                        "initial_confidence": 0.8, "evidence_cap": 1})
    ledger.record_prediction(NS, "r", {"x": 1.0}, now=1.0)
    result = reporter.report(NS, ["r", "q"], "used", now=2.0).results
    # error 0.45 > 0.4: signal 0.0 from the prior 0.8 with gain 1/2
    assert result[0] == OutcomeResult("r", ConfidenceState("r", 0.4, 1, 0, 1), "resolved", 0.45)
    assert result[1].confidence == ConfidenceState("q", 0.8, 0, 0, 0)


def test_acted_uses_the_configured_evidence_cap(reporter: OutcomeReporter, configs: ConfigStore) -> None:
    configs.update(NS, {"evidence_cap": 1})
    reporter.report(NS, ["r"], "acted", now=1.0)
    assert reporter.report(NS, ["r"], "acted", now=1.0).results[0].confidence.confidence == pytest.approx(0.8)


# --- mutual edges ----------------------------------------------------------------------------


def test_acted_together_strengthens_every_ordered_pair(reporter: OutcomeReporter, redis_client: redis.Redis) -> None:
    redis_client.zadd(KEYS.edges("a"), {"b": 0.2, "x": 0.7})
    report = reporter.report(NS, ["a", "b", "c"], "acted", now=1.0)
    assert report.strengthened_edge_count == 6
    assert edges(redis_client, "a") == pytest.approx({"b": 0.25, "c": 0.05, "x": 0.7})
    assert edges(redis_client, "b") == pytest.approx({"a": 0.05, "c": 0.05})
    assert edges(redis_client, "c") == pytest.approx({"a": 0.05, "b": 0.05})
    for target, sources in [("a", {b"b", b"c"}), ("b", {b"a", b"c"}), ("c", {b"a", b"b"})]:
        assert redis_client.smembers(KEYS.incoming(target)) == sources
    assert reporter.report(NS, ["c", "a"], "acted", now=2.0).strengthened_edge_count == 2
    assert edges(redis_client, "c")["a"] == pytest.approx(0.1)


@pytest.mark.parametrize(("outcome", "ids"), [("acted", ["solo"]), ("used", ["a", "b"]), ("contradicted", ["a", "b"]),
                                              ("dismissed", ["a", "b"])])
def test_no_edges_otherwise(reporter: OutcomeReporter, redis_client: redis.Redis, outcome: str, ids: list[str]) -> None:
    assert reporter.report(NS, ids, outcome, now=1.0).strengthened_edge_count == 0
    assert not redis_client.keys(f"{KEYS.tag}:edges:*") and not redis_client.keys(f"{KEYS.tag}:in:*")


def test_edges_respect_weight_cap_and_max_edges(
    reporter: OutcomeReporter, configs: ConfigStore, redis_client: redis.Redis
) -> None:
    configs.update(NS, {"weight_cap": 0.06, "max_edges": 1})
    redis_client.zadd(KEYS.edges("a"), {"b": 0.04})
    assert reporter.report(NS, ["a", "b", "c"], "acted", now=1.0).strengthened_edge_count == 6
    assert edges(redis_client, "a") == {"b": 0.06}  # capped; the new a -> c (0.05) is pruned
    assert edges(redis_client, "c") == pytest.approx({"b": 0.05})  # ties pruned by name: "a" first


def test_concurrent_reports_lose_nothing(reporter: OutcomeReporter, confidence: ConfidenceStore,
                                         redis_client: redis.Redis) -> None:
    barrier = threading.Barrier(20)
    failures: list[BaseException] = []

    def one() -> None:
        try:
            barrier.wait()
            reporter.report(NS, ["a", "b"], "acted", now=1.0)
        except BaseException as exc:  # surfaced below
            failures.append(exc)

    threads = [threading.Thread(target=one) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert confidence.get(NS, "a").evidence_count == 20
    assert edges(redis_client, "a") == {"b": 1.0} and edges(redis_client, "b") == {"a": 1.0}  # 20 x 0.05, capped


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ids", "outcome", "field"),
    [
        (["a"], "ignored", "outcome"),
        (["a"], "", "outcome"),
        ([], "acted", "record_ids"),
        ([f"r{i}" for i in range(65)], "acted", "record_ids"),
        (["a", ""], "acted", "record_ids[1]"),
        (["a", "b", "a"], "acted", "record_ids[2]"),
    ],
)
def test_bad_reports_write_nothing(
    reporter: OutcomeReporter, redis_client: redis.Redis, ids: list[str], outcome: str, field: str
) -> None:
    with pytest.raises(InvalidArgument) as info:
        reporter.report(NS, ids, outcome, now=1.0)
    assert info.value.field == field
    assert redis_client.dbsize() == 0


def test_sixty_four_records_and_bad_now(reporter: OutcomeReporter, redis_client: redis.Redis) -> None:
    assert reporter.report(NS, [f"r{i}" for i in range(64)], "acted", now=1.0).strengthened_edge_count == 64 * 63
    with pytest.raises(InvalidArgument) as info:
        reporter.report(NS, ["a"], "acted", now=float("nan"))
    assert info.value.field == "now"
    with pytest.raises(InvalidArgument) as info:
        reporter.report("bad{ns}", ["a"], "acted", now=1.0)
    assert info.value.field == "namespace"
