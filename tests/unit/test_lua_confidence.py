"""ConfidenceStore and lua/confidence_update.lua against a real server (spec 004)."""

from __future__ import annotations

import math
import random
import threading

import msgpack
import pytest
import redis

from engram.domain.confidence import ConfidenceSettings, ConfidenceState, ConfidenceStore
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

NS = "tenant-a"


@pytest.fixture()
def store(redis_client: redis.Redis, scripts: Scripts) -> ConfidenceStore:
    return ConfidenceStore(redis_client, scripts, ConfidenceSettings())


def seed_state(client: redis.Redis, record_id: str, confidence: float, evidence_count: int) -> None:
    state = {"confidence": confidence, "evidence_count": evidence_count, "corroborations": evidence_count,
             "contradictions": 0}
    client.hset(NamespaceKeys(NS).confidence, record_id, msgpack.packb(state))


def test_first_update_keeps_the_prior_spec_example(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    state = store.update(NS, "fact1", 0.9)
    assert state == ConfidenceState("fact1", 0.5 + (0.9 - 0.5) / 2, 1, 1, 0)
    assert state.confidence == pytest.approx(0.7, abs=1e-15)
    stored = msgpack.unpackb(redis_client.hget(NamespaceKeys(NS).confidence, "fact1"))
    assert stored == {"confidence": state.confidence, "evidence_count": 1, "corroborations": 1, "contradictions": 0}


def test_unknown_record_reads_as_prior(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    assert store.get(NS, "nobody") == ConfidenceState("nobody", 0.5, 0, 0, 0)
    assert redis_client.dbsize() == 0


def test_get_many_one_round_trip_order_and_duplicates(store: ConfidenceStore) -> None:
    store.update(NS, "a", 1.0)
    store.update(NS, "b", 0.0)
    states = store.get_many(NS, ["b", "missing", "a", "b"])
    assert [s.record_id for s in states] == ["b", "missing", "a", "b"]
    assert [s.confidence for s in states] == [0.25, 0.5, 0.75, 0.25]
    assert [s.contradictions for s in states] == [1, 0, 0, 1]
    assert store.get_many(NS, []) == []


def test_namespaces_are_separate(store: ConfidenceStore) -> None:
    store.update(NS, "a", 1.0)
    assert store.get("other", "a").evidence_count == 0


def test_running_mean_regime_equals_closed_form(store: ConfidenceStore) -> None:
    rng = random.Random(4)
    signals = [rng.random() for _ in range(20)]  # evidence_count stays below the cap of 20
    for k, signal in enumerate(signals, start=1):
        state = store.update(NS, "r", signal)
        expected = math.fsum([0.5, *signals[:k]]) / (k + 1)
        assert abs(state.confidence - expected) <= 1e-12
        assert state.evidence_count == k
    assert state.corroborations == sum(s >= 0.5 for s in signals)
    assert state.contradictions == sum(s < 0.5 for s in signals)


def test_running_mean_is_order_invariant(store: ConfidenceStore) -> None:
    signals = [0.9, 0.1, 0.6, 0.3, 1.0, 0.0, 0.45]
    for s in signals:
        store.update(NS, "forward", s)
    for s in reversed(signals):
        store.update(NS, "backward", s)
    assert abs(store.get(NS, "forward").confidence - store.get(NS, "backward").confidence) <= 1e-12


@pytest.mark.parametrize(("contradictions", "crosses"), [(14, False), (15, True)])
def test_forgetting_regime_spec_example(
    store: ConfidenceStore, redis_client: redis.Redis, contradictions: int, crosses: bool
) -> None:
    seed_state(redis_client, "belief", 0.9, 20)
    for _ in range(contradictions):
        state = store.update(NS, "belief", 0.1)
    assert state.confidence == pytest.approx(0.1 + 0.8 * (20 / 21) ** contradictions, abs=1e-12)
    assert (state.confidence < 0.5) is crosses
    assert state.evidence_count == 20 + contradictions
    assert state.contradictions == contradictions


def test_gain_is_fixed_at_the_cap(redis_client: redis.Redis, scripts: Scripts) -> None:
    store = ConfidenceStore(redis_client, scripts, ConfidenceSettings(initial_confidence=0.5, evidence_cap=1))
    assert store.update(NS, "r", 1.0).confidence == 0.75  # n_eff = min(0 + 1, 1) = 1, gain 1/2
    assert store.update(NS, "r", 1.0).confidence == 0.875  # still gain 1/2


def test_signal_half_corroborates_and_bounds_hold(redis_client: redis.Redis, scripts: Scripts) -> None:
    store = ConfidenceStore(redis_client, scripts, ConfidenceSettings(initial_confidence=1.0))
    state = store.update(NS, "r", 1.0)
    # cmsgpack stores 1.0 as an integer; it still reads back as the float 1.0
    assert state.confidence == 1.0 and isinstance(store.get(NS, "r").confidence, float)
    assert store.update(NS, "r", 0.5).corroborations == 2
    state = store.update(NS, "r", 0.4999)
    assert (state.corroborations, state.contradictions, state.evidence_count) == (2, 1, 3)


def test_result_is_clamped_to_unit_interval(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    seed_state(redis_client, "over", 1.7, 0)  # out of range, e.g. written by hand
    assert store.update(NS, "over", 1.0).confidence == 1.0
    seed_state(redis_client, "under", -0.9, 0)
    assert store.update(NS, "under", 0.0).confidence == 0.0


@pytest.mark.parametrize("signal", [float("nan"), float("inf"), -float("inf"), -0.01, 1.01])
def test_bad_signal_is_rejected_before_writing(store: ConfidenceStore, redis_client: redis.Redis, signal: float) -> None:
    with pytest.raises(InvalidArgument) as info:
        store.update(NS, "r", signal)
    assert info.value.field == "signal"
    assert redis_client.dbsize() == 0


def test_bad_ids_name_their_field(store: ConfidenceStore) -> None:
    with pytest.raises(InvalidArgument) as info:
        store.update(NS, "", 0.5)
    assert info.value.field == "record_id"
    with pytest.raises(InvalidArgument) as info:
        store.update("a{b}", "r", 0.5)
    assert info.value.field == "namespace"
    with pytest.raises(InvalidArgument) as info:
        store.get_many(NS, ["ok", ""])
    assert info.value.field == "record_ids[1]"


def test_parallel_updates_lose_nothing(store: ConfidenceStore) -> None:
    barrier = threading.Barrier(100)
    failures: list[BaseException] = []

    def one(i: int) -> None:
        try:
            barrier.wait()
            store.update(NS, "hot", 0.9 if i % 3 else 0.1)
        except BaseException as exc:  # surfaced below
            failures.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    state = store.get(NS, "hot")
    assert state.evidence_count == 100
    assert state.corroborations + state.contradictions == 100
    assert state.contradictions == len(range(0, 100, 3))


def test_survives_script_cache_flush(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    store.update(NS, "r", 0.9)
    redis_client.script_flush()  # e.g. a restart or failover: EVALSHA gets NOSCRIPT, then reloads
    assert store.update(NS, "r", 0.9).evidence_count == 2


def test_text_decoding_clients_are_refused(redis_server, scripts: Scripts) -> None:
    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    try:
        with pytest.raises(ValueError):
            ConfidenceStore(client, scripts, ConfidenceSettings())
    finally:
        client.close()


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        ConfidenceSettings(evidence_cap=0)
    with pytest.raises(ValueError):
        ConfidenceSettings(initial_confidence=1.5)
