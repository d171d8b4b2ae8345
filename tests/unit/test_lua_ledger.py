"""Ledger and lua/ledger_resolve.lua against a real server (spec 001, feedback per spec 004)."""

from __future__ import annotations

import random

import msgpack
import numpy as np
import pytest
import redis

from engram.domain.confidence import ConfidenceSettings, ConfidenceState, ConfidenceStore
from engram.domain.ledger import ErrorSummary, Ledger, LedgerSettings, Prediction, Resolution, ResolutionStatus
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

NS = "tenant-l"
KEYS = NamespaceKeys(NS)
RESOLVED = ResolutionStatus.RESOLVED


@pytest.fixture()
def ledger(redis_client: redis.Redis, scripts: Scripts) -> Ledger:
    return Ledger(redis_client, scripts, LedgerSettings(), ConfidenceSettings())


def python_error(predicted: dict, actual: dict) -> float:
    """Reference of spec 001's error, written independently of the Lua."""
    names = set(predicted) | set(actual)
    if not names:
        return 0.0
    total = 0.0
    for name in names:
        if name not in predicted or name not in actual:
            total += 1.0
            continue
        p, a = predicted[name], actual[name]
        numeric = all(isinstance(x, float) for x in (p, a))
        if numeric:
            total += abs(p - a) / max(abs(p), abs(a), 1.0)
        else:
            total += 0.0 if type(p) is type(a) and p == a else 1.0
    return total / len(names)


def resolve_error(ledger: Ledger, predicted: dict, actual: dict, record_id: str = "r") -> float:
    ledger.record_prediction(NS, record_id, predicted, now=100.0)
    resolution = ledger.resolve(NS, record_id, actual, now=101.0)
    assert resolution.status is RESOLVED
    return resolution.prediction_error


# --- the error formula -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "actual", "expected"),
    [
        ({"x": 1.0}, {"x": 3.0}, 2 / 3),
        ({"x": 0.2}, {"x": 0.5}, 0.3),  # denominator floor of 1
        ({"x": -2.0}, {"x": 2.0}, 2.0),  # opposite signs: the formula exceeds 1
        ({"x": 1e308}, {"x": -1e308}, 2.0),  # no overflow to inf
        ({"x": 3}, {"x": 3.0}, 0.0),  # ints are numbers
        ({"s": "blue"}, {"s": "blue"}, 0.0),
        ({"s": "blue"}, {"s": "grey"}, 1.0),
        ({"b": True}, {"b": True}, 0.0),
        ({"b": True}, {"b": False}, 1.0),
        ({"b": True}, {"b": 1.0}, 1.0),  # booleans are not numbers
        ({"b": False}, {"b": 0.0}, 1.0),
        ({"n": 1.0}, {"n": "1"}, 1.0),  # mixed types
        ({"a": 1.0, "b": 2.0}, {"a": 1.0}, 0.5),  # missing in actual
        ({"a": 1.0}, {"a": 1.0, "c": "x"}, 0.5),  # missing in predicted
        ({"a": 1.0}, {"b": 1.0}, 1.0),
        ({}, {"a": 1.0}, 1.0),
        ({}, {}, 0.0),
        ({"x": 0.0, "s": "a", "b": True, "gone": 1.0}, {"x": 0.5, "s": "a", "b": False, "new": "z"}, 3.5 / 5),
    ],
)
def test_prediction_error_formula(ledger: Ledger, predicted: dict, actual: dict, expected: float) -> None:
    assert resolve_error(ledger, predicted, actual) == pytest.approx(expected, abs=1e-15)


def test_prediction_error_matches_reference_on_random_maps(ledger: Ledger) -> None:
    rng = random.Random(11)
    pool = [0.0, 1.0, -3.5, 1e6, "a", "b", "", True, False]

    def value():
        return rng.choice(pool) if rng.random() < 0.6 else rng.uniform(-5, 5)

    for i in range(40):
        names = [f"k{j}" for j in range(rng.randint(0, 8))]
        predicted = {n: value() for n in names if rng.random() < 0.8}
        actual = {n: value() for n in names if rng.random() < 0.8}
        got = resolve_error(ledger, predicted, actual, record_id=f"r{i}")
        assert got == pytest.approx(python_error(predicted, actual), abs=1e-14)


# --- resolution states -----------------------------------------------------------------------


def test_resolve_stores_the_outcome_and_ranks_it(ledger: Ledger, redis_client: redis.Redis) -> None:
    made = ledger.record_prediction(NS, "r", {"speed": 2.0, "label": "cat", "ok": True}, now=100.0)
    assert made == Prediction("r", {"speed": 2.0, "label": "cat", "ok": True}, 100.0)
    assert ledger.get_prediction(NS, "r") == made
    resolution = ledger.resolve(NS, "r", {"speed": 4.0, "label": "cat", "ok": True}, now=105.5)
    assert resolution == Resolution(RESOLVED, (2.0 / 4.0) / 3, None)
    stored = ledger.get_prediction(NS, "r")
    assert stored == Prediction(
        "r", {"speed": 2.0, "label": "cat", "ok": True}, 100.0, resolved=True,
        actual={"speed": 4.0, "label": "cat", "ok": True}, resolved_at=105.5, prediction_error=(2.0 / 4.0) / 3,
    )
    assert isinstance(stored.predicted["speed"], float)  # cmsgpack wrote 2.0 as an integer
    assert redis_client.zscore(KEYS.errors, "r") == (2.0 / 4.0) / 3


def test_empty_maps_round_trip_as_maps(ledger: Ledger) -> None:
    ledger.record_prediction(NS, "r", {}, now=1.0)
    ledger.resolve(NS, "r", {}, now=2.0)
    stored = ledger.get_prediction(NS, "r")
    assert (stored.predicted, stored.actual, stored.prediction_error) == ({}, {}, 0.0)


def test_resolve_without_prediction_changes_nothing(ledger: Ledger, redis_client: redis.Redis) -> None:
    assert ledger.resolve(NS, "r", {"x": 1.0}, now=1.0) == Resolution(ResolutionStatus.NO_PREDICTION)
    assert ledger.auto_resolve(NS, "r", "contradicted", now=1.0) == Resolution(ResolutionStatus.NO_PREDICTION)
    assert redis_client.dbsize() == 0
    assert ledger.get_prediction(NS, "r") is None


def test_resolving_twice_changes_nothing(ledger: Ledger, redis_client: redis.Redis) -> None:
    ledger.record_prediction(NS, "r", {"x": 0.0}, now=1.0)
    first = ledger.resolve(NS, "r", {"x": 0.9}, now=2.0)
    assert first.status is RESOLVED and first.confidence is not None
    snapshot = {k: redis_client.dump(k) for k in redis_client.keys()}
    assert ledger.resolve(NS, "r", {"x": 0.0}, now=3.0) == Resolution(ResolutionStatus.ALREADY_RESOLVED)
    assert ledger.auto_resolve(NS, "r", "contradicted", now=3.0) == Resolution(ResolutionStatus.ALREADY_RESOLVED)
    assert {k: redis_client.dump(k) for k in redis_client.keys()} == snapshot


def test_a_new_prediction_reopens_and_keeps_the_old_error_until_resolved(ledger: Ledger, redis_client: redis.Redis) -> None:
    ledger.record_prediction(NS, "r", {"x": 0.0}, now=1.0)
    ledger.resolve(NS, "r", {"x": 0.5}, now=2.0)
    replaced = ledger.record_prediction(NS, "r", {"y": "a"}, now=3.0)
    assert ledger.get_prediction(NS, "r") == replaced
    assert replaced.resolved is False and replaced.prediction_error is None
    assert redis_client.zscore(KEYS.errors, "r") == 0.5
    assert ledger.resolve(NS, "r", {"y": "a"}, now=4.0).prediction_error == 0.0
    assert redis_client.zscore(KEYS.errors, "r") == 0.0


@pytest.mark.parametrize(("outcome", "error"), [("acted", 0.1), ("dismissed", 0.5), ("contradicted", 0.9), ("used", 0.3)])
def test_auto_resolve_outcome_errors(ledger: Ledger, redis_client: redis.Redis, outcome: str, error: float) -> None:
    ledger.record_prediction(NS, "r", {"relevance": 0.9}, now=1.0)
    resolution = ledger.auto_resolve(NS, "r", outcome, now=2.0)
    assert resolution.status is RESOLVED and resolution.prediction_error == error
    stored = ledger.get_prediction(NS, "r")
    assert (stored.outcome, stored.actual, stored.prediction_error, stored.resolved_at) == (outcome, None, error, 2.0)
    assert redis_client.zscore(KEYS.errors, "r") == error
    # only "contradicted" (0.9) exceeds the 0.7 threshold
    assert (resolution.confidence is not None) is (outcome == "contradicted")


def test_unknown_outcome_is_rejected(ledger: Ledger, redis_client: redis.Redis) -> None:
    ledger.record_prediction(NS, "r", {"x": 1.0}, now=1.0)
    before = redis_client.hget(KEYS.predictions, "r")
    with pytest.raises(InvalidArgument) as info:
        ledger.auto_resolve(NS, "r", "deferred", now=2.0)
    assert info.value.field == "outcome"
    assert redis_client.hget(KEYS.predictions, "r") == before


# --- feedback into confidence ----------------------------------------------------------------


def test_error_above_threshold_lowers_confidence(ledger: Ledger, redis_client: redis.Redis, scripts: Scripts) -> None:
    ledger.record_prediction(NS, "r", {"x": 0.0}, now=1.0)
    resolution = ledger.resolve(NS, "r", {"x": 0.75}, now=2.0)
    expected = 0.5 + (0.2 - 0.5) / 2  # fresh record: prior 0.5, signal 0.2, n_eff 1
    assert resolution == Resolution(RESOLVED, 0.75, ConfidenceState("r", expected, 1, 0, 1))
    assert abs(expected - 0.35) < 1e-15
    confidence = ConfidenceStore(redis_client, scripts, ConfidenceSettings())
    assert confidence.get(NS, "r") == ConfidenceState("r", expected, 1, 0, 1)


def test_feedback_continues_from_existing_confidence(ledger: Ledger, redis_client: redis.Redis, scripts: Scripts) -> None:
    confidence = ConfidenceStore(redis_client, scripts, ConfidenceSettings())
    confidence.update(NS, "r", 0.9)  # 0.7, one corroboration
    ledger.record_prediction(NS, "r", {"x": "yes"}, now=1.0)
    state = ledger.resolve(NS, "r", {"x": "no"}, now=2.0).confidence
    first = 0.5 + (0.9 - 0.5) / 2
    assert state == ConfidenceState("r", first + (0.2 - first) / 3, 2, 1, 1)  # n_eff = 2
    assert confidence.get(NS, "r") == state


def test_error_equal_to_threshold_does_not_feed_back(ledger: Ledger, redis_client: redis.Redis) -> None:
    ledger.record_prediction(NS, "r", {"x": 0.0}, now=1.0)
    resolution = ledger.resolve(NS, "r", {"x": 0.7}, now=2.0)
    assert resolution == Resolution(RESOLVED, 0.7, None)
    assert redis_client.exists(KEYS.confidence) == 0


def test_outcome_error_equal_to_threshold_does_not_feed_back(redis_client: redis.Redis, scripts: Scripts) -> None:
    settings = LedgerSettings(outcome_errors={"meh": 0.7, "bad": 0.7000000000000001})
    ledger = Ledger(redis_client, scripts, settings, ConfidenceSettings())
    for record_id, outcome in [("a", "meh"), ("b", "bad")]:
        ledger.record_prediction(NS, record_id, {"x": 1.0}, now=1.0)
        ledger.auto_resolve(NS, record_id, outcome, now=2.0)
    assert redis_client.hkeys(KEYS.confidence) == [b"b"]


def test_feedback_uses_the_configured_prior_and_signal(redis_client: redis.Redis, scripts: Scripts) -> None:
    ledger = Ledger(redis_client, scripts, LedgerSettings(error_threshold=0.4, low_signal=0.0),
                    ConfidenceSettings(initial_confidence=0.8, evidence_cap=1))
    ledger.record_prediction(NS, "r", {"x": 1.0}, now=1.0)
    assert ledger.auto_resolve(NS, "r", "dismissed", now=2.0).confidence == ConfidenceState("r", 0.4, 1, 0, 1)


# --- ranking and summary ---------------------------------------------------------------------


def seed_errors(ledger: Ledger, errors: list[float]) -> None:
    for i, error in enumerate(errors):
        ledger.record_prediction(NS, f"r{i}", {"x": 0.0}, now=1.0)
        assert ledger.resolve(NS, f"r{i}", {"x": error}, now=2.0).prediction_error == error  # |0 - e| / 1


def test_highest_errors_descending(ledger: Ledger) -> None:
    seed_errors(ledger, [0.3, 0.9, 0.1, 0.6])
    assert ledger.highest_errors(NS) == [("r1", 0.9), ("r3", 0.6), ("r0", 0.3), ("r2", 0.1)]
    assert ledger.highest_errors(NS, limit=2) == [("r1", 0.9), ("r3", 0.6)]
    with pytest.raises(InvalidArgument) as info:
        ledger.highest_errors(NS, limit=0)
    assert info.value.field == "limit"


def test_error_summary_matches_numpy(ledger: Ledger) -> None:
    rng = np.random.default_rng(3)
    errors = [float(e) for e in rng.random(60)]
    seed_errors(ledger, errors)

    def expected(values: list[float]) -> ErrorSummary:
        a = np.array(values)
        return ErrorSummary(len(a), a.mean(), a.std(), *np.percentile(a, [50, 90, 99]), a.max())

    for limit, values in [(0, errors), (100, errors), (25, sorted(errors, reverse=True)[:25])]:
        got = ledger.error_summary(NS, limit=limit)
        want = expected(values)
        assert got.count == want.count
        for name in ("mean", "stddev", "p50", "p90", "p99", "max"):
            assert getattr(got, name) == pytest.approx(getattr(want, name), rel=1e-12), name


def test_error_summary_when_empty(ledger: Ledger) -> None:
    assert ledger.error_summary(NS) == ErrorSummary(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "field"),
    [
        ({"speed": float("nan")}, 'predicted["speed"]'),
        ({"speed": float("inf")}, 'predicted["speed"]'),
        ({"speed": 10**400}, 'predicted["speed"]'),
        ({"speed": None}, 'predicted["speed"]'),
        ({"speed": [1.0]}, 'predicted["speed"]'),
        ({"": 1.0}, "predicted"),
        ({"k" * 257: 1.0}, "predicted"),
        ({f"k{i}": 1.0 for i in range(257)}, "predicted"),
        ({"bad": "\ud800"}, 'predicted["bad"]'),
        ([("x", 1.0)], "predicted"),
    ],
)
def test_bad_predictions_are_rejected_before_writing(
    ledger: Ledger, redis_client: redis.Redis, predicted, field: str
) -> None:
    with pytest.raises(InvalidArgument) as info:
        ledger.record_prediction(NS, "r", predicted, now=1.0)
    assert info.value.field == field
    assert redis_client.dbsize() == 0


def test_bad_actual_is_rejected_before_writing(ledger: Ledger, redis_client: redis.Redis) -> None:
    ledger.record_prediction(NS, "r", {"x": 1.0}, now=1.0)
    before = redis_client.hget(KEYS.predictions, "r")
    with pytest.raises(InvalidArgument) as info:
        ledger.resolve(NS, "r", {"x": float("-inf")}, now=2.0)
    assert info.value.field == 'actual["x"]'
    assert redis_client.hget(KEYS.predictions, "r") == before
    assert redis_client.exists(KEYS.errors) == 0


def test_limits_of_names_are_inclusive(ledger: Ledger, redis_client: redis.Redis) -> None:
    predicted = {("k" * 250) + f"{i:03d}": float(i) for i in range(256)}  # 253-byte names, 256 of them
    assert ledger.record_prediction(NS, "r", predicted, now=1.0).predicted == predicted
    stored = msgpack.unpackb(redis_client.hget(KEYS.predictions, "r"))
    assert len(stored["predicted"]) == 256
