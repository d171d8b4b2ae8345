"""Ledger and lua/ledger_resolve.lua against a real server (spec 001, feedback per spec 004)."""

from __future__ import annotations

import random
import threading
import time
from datetime import datetime, timezone

import msgpack
import numpy as np
import pytest
import redis

from engram.domain.confidence import ConfidenceState, ConfidenceStore
from engram.domain.config import ConfigStore
from engram.domain.ledger import (
    ErrorSummary,
    HighestError,
    Ledger,
    Prediction,
    Resolution,
    ResolutionStatus,
    summarise,
)
from engram.domain.paging import Listing
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys

NS = "tenant-l"
KEYS = NamespaceKeys(NS)
RESOLVED = ResolutionStatus.RESOLVED


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


def test_error_above_threshold_lowers_confidence(ledger: Ledger, confidence: ConfidenceStore) -> None:
    ledger.record_prediction(NS, "r", {"x": 0.0}, now=1.0)
    resolution = ledger.resolve(NS, "r", {"x": 0.75}, now=2.0)
    expected = 0.5 + (0.2 - 0.5) / 2  # fresh record: prior 0.5, signal 0.2, n_eff 1
    assert resolution == Resolution(RESOLVED, 0.75, ConfidenceState("r", expected, 1, 0, 1))
    assert abs(expected - 0.35) < 1e-15
    assert confidence.get(NS, "r") == ConfidenceState("r", expected, 1, 0, 1)
    assert confidence.list(NS, 10, "").items == [ConfidenceState("r", expected, 1, 0, 1)]  # indexed for listing


def test_feedback_continues_from_existing_confidence(ledger: Ledger, confidence: ConfidenceStore) -> None:
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


def test_outcome_error_equal_to_threshold_does_not_feed_back(
    ledger: Ledger, configs: ConfigStore, redis_client: redis.Redis
) -> None:
    configs.update(NS, {"outcome_errors": {"used": 0.7, "dismissed": 0.7000000000000001}})
    for record_id, outcome in [("a", "used"), ("b", "dismissed")]:
        ledger.record_prediction(NS, record_id, {"x": 1.0}, now=1.0)
        ledger.auto_resolve(NS, record_id, outcome, now=2.0)
    assert redis_client.hkeys(KEYS.confidence) == [b"b"]


def test_feedback_uses_the_configured_prior_and_signal(ledger: Ledger, configs: ConfigStore) -> None:
    ledger.record_prediction(NS, "r", {"x": 1.0}, now=1.0)
    ledger.record_prediction(NS, "s", {"x": 1.0}, now=1.0)
    assert ledger.auto_resolve(NS, "r", "dismissed", now=2.0).confidence is None  # 0.5 <= default 0.7
    configs.update(NS, {"error_threshold": 0.4, "low_signal": 0.0, "initial_confidence": 0.8, "evidence_cap": 1})
    # 0.5 > 0.4 now: signal 0.0 from the prior 0.8 with gain 1/2
    assert ledger.auto_resolve(NS, "s", "dismissed", now=2.0).confidence == ConfidenceState("s", 0.4, 1, 0, 1)
    ledger.record_prediction(NS, "t", {"x": 0.0}, now=1.0)
    assert ledger.resolve(NS, "t", {"x": 0.41}, now=2.0).confidence == ConfidenceState("t", 0.4, 1, 0, 1)


def test_outcome_errors_from_config(ledger: Ledger, configs: ConfigStore, redis_client: redis.Redis) -> None:
    configs.update(NS, {"outcome_errors": {"acted": 0.25, "used": 0.8}})
    for rid in ("a", "u", "d"):
        ledger.record_prediction(NS, rid, {"x": 1.0}, now=1.0)
    assert ledger.auto_resolve(NS, "a", "acted", now=2.0) == Resolution(RESOLVED, 0.25, None)
    used = ledger.auto_resolve(NS, "u", "used", now=2.0)
    assert used.prediction_error == 0.8 and used.confidence == ConfidenceState("u", 0.35, 1, 0, 1)
    assert ledger.auto_resolve(NS, "d", "dismissed", now=2.0).prediction_error == 0.5  # unchanged default
    ledger.record_prediction("other", "a", {"x": 1.0}, now=1.0)
    assert ledger.auto_resolve("other", "a", "acted", now=2.0).prediction_error == 0.1


def test_changing_config_does_not_rewrite_stored_predictions(
    ledger: Ledger, configs: ConfigStore, redis_client: redis.Redis
) -> None:
    ledger.record_prediction(NS, "r", {"x": 1.0}, now=1.0)
    ledger.auto_resolve(NS, "r", "acted", now=2.0)
    ledger.record_prediction(NS, "open", {"x": 1.0}, now=1.0)
    snapshot = {k: redis_client.dump(k) for k in redis_client.keys()}
    configs.update(NS, {"outcome_errors": {"acted": 0.6}, "error_threshold": 0.0})
    assert {k: redis_client.dump(k) for k in redis_client.keys() if k != KEYS.config.encode()} == snapshot
    assert ledger.get_prediction(NS, "r").prediction_error == 0.1


# --- ranking and summary ---------------------------------------------------------------------


def seed_errors(ledger: Ledger, errors: list[float]) -> None:
    for i, error in enumerate(errors):
        ledger.record_prediction(NS, f"r{i}", {"x": 0.0}, now=1.0)
        assert ledger.resolve(NS, f"r{i}", {"x": error}, now=2.0).prediction_error == error  # |0 - e| / 1


def test_highest_errors_descending(ledger: Ledger) -> None:
    seed_errors(ledger, [0.3, 0.9, 0.1, 0.6])
    assert ledger.highest_errors(NS) == [HighestError("r1", 0.9), HighestError("r3", 0.6),
                                         HighestError("r0", 0.3), HighestError("r2", 0.1)]
    assert ledger.highest_errors(NS, limit=2) == [HighestError("r1", 0.9), HighestError("r3", 0.6)]
    with_predictions = ledger.highest_errors(NS, limit=2, include_predictions=True)
    assert with_predictions[0].prediction == ledger.get_prediction(NS, "r1")
    assert with_predictions[0].prediction.resolved and with_predictions[0].prediction.actual == {"x": 0.9}
    assert [h.record_id for h in with_predictions] == ["r1", "r3"]
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
        got, groups = ledger.error_summary(NS, limit=limit)
        assert groups == []
        want = expected(values)
        assert got.count == want.count
        for name in ("mean", "stddev", "p50", "p90", "p99", "max"):
            assert getattr(got, name) == pytest.approx(getattr(want, name), rel=1e-12), name


def test_error_summary_when_empty(ledger: Ledger) -> None:
    assert ledger.error_summary(NS) == (ErrorSummary(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), [])
    assert ledger.error_summary(NS, group_by="hour") == (ErrorSummary(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), [])


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


# --- listing predictions ---------------------------------------------------------------------


def test_recording_indexes_the_record(ledger: Ledger, redis_client: redis.Redis) -> None:
    ledger.record_prediction(NS, "r", {"x": 1.0}, now=1.0)
    ledger.record_prediction(NS, "r", {"x": 2.0}, now=2.0)
    assert redis_client.zrange(KEYS.prediction_ids, 0, -1, withscores=True) == [(b"r", 0.0)]


def list_ids(ledger: Ledger, state: str, size: int) -> tuple[list[str], int]:
    seen, token, pages = [], "", 0
    while True:
        page = ledger.list_predictions(NS, state, size, token)
        assert len(page.items) <= size
        seen += [p.record_id for p in page.items]
        pages += 1
        if not page.next_page_token:
            return seen, pages
        token = page.next_page_token


def test_list_predictions_filters_by_state(ledger: Ledger) -> None:
    for i in range(10):
        ledger.record_prediction(NS, f"p{i}", {"x": float(i)}, now=10.0 + i)
    for i in (1, 2, 3, 7):
        ledger.resolve(NS, f"p{i}", {"x": 0.0}, now=30.0)
    first = ledger.list_predictions(NS, "open", 4, "")
    # ids p0..p3 are read; only p0 is open, yet the listing goes on
    assert [p.record_id for p in first.items] == ["p0"]
    assert first.next_page_token == Listing("predictions", (NS, "open")).token("p3")
    assert first.items[0] == Prediction("p0", {"x": 0.0}, 10.0)
    assert list_ids(ledger, "open", 4) == (["p0", "p4", "p5", "p6", "p8", "p9"], 3)
    assert list_ids(ledger, "resolved", 4)[0] == ["p1", "p2", "p3", "p7"]
    assert list_ids(ledger, "all", 3)[0] == [f"p{i}" for i in range(10)]
    resolved = ledger.list_predictions(NS, "resolved", 0, "").items
    assert resolved[0].actual == {"x": 0.0} and resolved[0].resolved_at == 30.0
    with pytest.raises(InvalidArgument) as info:
        ledger.list_predictions(NS, "closed", 10, "")
    assert info.value.field == "state"
    with pytest.raises(InvalidArgument) as info:
        ledger.list_predictions(NS, "all", 10, "not base64!")
    assert info.value.field == "page_token"


def test_list_predictions_exactly_once_under_concurrent_inserts(ledger: Ledger) -> None:
    initial = [f"k{i:03d}" for i in range(0, 60, 3)]
    for rid in initial:
        ledger.record_prediction(NS, rid, {"x": 1.0}, now=1.0)
    existing = set(initial)
    seen, ahead, behind, token = [], [], [], ""
    while True:
        page = ledger.list_predictions(NS, "all", 4, token)
        seen += [p.record_id for p in page.items]
        if not page.next_page_token:
            break
        token = page.next_page_token
        cursor = seen[-1]
        # before everything, just before the cursor, just after it, after everything
        for rid in (f"a{len(seen)}", cursor[:-1] + chr(ord(cursor[-1]) - 1) + "~", cursor + "+", f"z{len(seen)}"):
            if rid not in existing:
                existing.add(rid)
                ledger.record_prediction(NS, rid, {"x": 1.0}, now=2.0)
                (ahead if rid > cursor else behind).append(rid)
        ledger.record_prediction(NS, cursor, {"y": 1.0}, now=3.0)  # re-recording a listed one
    assert len(seen) == len(set(seen)) and seen == sorted(seen)
    assert set(initial) <= set(seen) and set(ahead) <= set(seen) and not set(behind) & set(seen)
    assert len(ahead) > 10 and len(behind) > 10


def test_concurrent_recording_keeps_hash_and_index_together(ledger: Ledger, redis_client: redis.Redis) -> None:
    def writer(start: int) -> None:
        for i in range(start, start + 50):
            ledger.record_prediction(NS, f"c{i:04d}", {"x": 1.0}, now=1.0)

    threads = [threading.Thread(target=writer, args=(k * 50,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(redis_client.hkeys(KEYS.predictions)) == redis_client.zrange(KEYS.prediction_ids, 0, -1)
    assert len(list_ids(ledger, "open", 1000)[0]) == 200


# --- grouped summaries -----------------------------------------------------------------------


def at(*fields: int) -> float:
    return datetime(*fields, tzinfo=timezone.utc).timestamp()


# (record, error, resolution time): 2024-01-01 is a Monday
RESOLUTIONS = [
    ("a", 0.10, at(2024, 1, 1, 0, 30)),   # monday 00h
    ("b", 0.20, at(2024, 1, 1, 23, 59)),  # monday 23h
    ("c", 0.30, at(2024, 1, 3, 0, 0)),    # wednesday 00h
    ("d", 0.95, at(2024, 1, 7, 23, 0)),   # sunday 23h
    ("e", 0.50, at(2024, 1, 8, 9, 15)),   # monday 09h
    ("f", 0.65, at(2023, 12, 31, 9, 0)),  # sunday 09h, the year before
]


@pytest.fixture()
def resolved_at_known_times(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Los_Angeles")  # groups are UTC whatever the server's zone
    time.tzset()
    for rid, error, when in RESOLUTIONS:
        ledger.record_prediction(NS, rid, {"x": 0.0}, now=when - 60)
        assert ledger.resolve(NS, rid, {"x": error}, now=when).prediction_error == error
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def errors_of(*records: str) -> ErrorSummary:
    # sorted as the errors ZSET returns them, so float sums agree to the last bit
    return summarise(sorted((e for rid, e, _ in RESOLUTIONS if rid in records), reverse=True))


@pytest.mark.usefixtures("resolved_at_known_times")
@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        ("hour", [("00", ("a", "c")), ("09", ("e", "f")), ("23", ("b", "d"))]),
        ("weekday", [("monday", ("a", "b", "e")), ("wednesday", ("c",)), ("sunday", ("d", "f"))]),
        ("day", [("2023-12-31", ("f",)), ("2024-01-01", ("a", "b")), ("2024-01-03", ("c",)),
                 ("2024-01-07", ("d",)), ("2024-01-08", ("e",))]),
    ],
)
def test_error_summary_grouped_by_resolution_time(ledger: Ledger, group_by: str, expected) -> None:
    total, groups = ledger.error_summary(NS, 0, group_by)
    assert total == errors_of("a", "b", "c", "d", "e", "f")
    assert groups == [(key, errors_of(*records)) for key, records in expected]


@pytest.mark.usefixtures("resolved_at_known_times")
def test_grouped_summary_covers_the_top_errors_only(ledger: Ledger) -> None:
    total, groups = ledger.error_summary(NS, 3, "weekday")  # d 0.95, f 0.65, e 0.50
    assert total == errors_of("d", "f", "e")
    assert groups == [("monday", errors_of("e")), ("sunday", errors_of("d", "f"))]
    assert groups[1][1].count == 2 and groups[1][1].mean == pytest.approx(0.8)


@pytest.mark.usefixtures("resolved_at_known_times")
def test_reopened_prediction_counts_in_total_but_no_group(ledger: Ledger) -> None:
    ledger.record_prediction(NS, "d", {"x": 1.0}, now=at(2024, 2, 1))  # keeps d's 0.95 in errors
    total, groups = ledger.error_summary(NS, 0, "hour")
    assert total.count == 6 and total.max == 0.95
    assert ("23", errors_of("b")) in groups


def test_group_by_is_checked(ledger: Ledger) -> None:
    with pytest.raises(InvalidArgument) as info:
        ledger.error_summary(NS, 10, "month")
    assert info.value.field == "group_by"
